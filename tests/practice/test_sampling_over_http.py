"""What a learner must see when moving the sampling knobs in practice mode, measured over HTTP.

Each test is statistical but derandomized: every sampled call carries a fixed seed, so the figures
are the same on every run. The measures:

- *oddness*: the share of an answer's runs of four practice tokens that the corpus never contains
  (0 for text the model learned, higher as the words wander);
- *prefix*: how many tokens an answer shares with the temperature-0 answer before it departs;
- *repeats*: how much of an answer re-uses words it already used (two measures, below);
- *coherence*: the share of an answer's sentences the corpus contains word for word.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter

import pytest
import requests

from helpers.practice import SIMULATED_MARKER, MODEL_SPECS, PracticeServer
from helpers.practice.model.corpus import tokenize
from helpers.practice.model.language_model import CONFIGS, attested_fraction, whole_sentence_share

SMALL, MEDIUM = "google/gemma-3-4b-it", "google/gemma-3-12b-it"
OPEN = ["Tell me about San Francisco", "Tell me about the Golden Gate Bridge", "How does a fridge work?",
        "Tell me about the fog in San Francisco"]
SEEDS = range(1, 13)
# Lesson 09's batch: 24 questions about San Francisco.
TOPICS = ["the Golden Gate Bridge", "Alcatraz", "cable cars", "Chinatown", "the fog", "Lombard Street",
          "the Presidio", "Fisherman's Wharf", "Muir Woods", "Coit Tower", "the Painted Ladies", "Haight-Ashbury",
          "sourdough bread", "the Ferry Building", "Golden Gate Park", "the Mission District", "the Bay Bridge",
          "Twin Peaks", "Angel Island", "the Exploratorium", "the Castro", "Nob Hill", "the Embarcadero", "BART"]
BATCH = [f"In one sentence, what is {topic} in San Francisco known for?" for topic in TOPICS]


#: One kept-alive connection for the module's thousand calls; loopback, so no proxy or .netrc to look up each time.
HTTP = requests.Session()
HTTP.trust_env = False


@pytest.fixture(scope="module")
def srv():
    with PracticeServer(latency=0) as server:
        yield server
    HTTP.close()


def answer(srv, prompt: str, model: str = SMALL, **params) -> dict:
    body = {"model": model, "messages": [{"role": "user", "content": prompt}], **params}
    r = HTTP.post(srv.base_url + "/chat/completions", json=body, timeout=30,
                  headers={"Authorization": f"Bearer {srv.key}"})
    assert r.status_code == 200, r.text[:300]
    return r.json()


def text(srv, prompt: str, model: str = SMALL, **params) -> str:
    content = answer(srv, prompt, model, **params)["choices"][0]["message"]["content"]
    assert content.startswith(SIMULATED_MARKER)
    return content[len(SIMULATED_MARKER):]


def oddness(answer_text: str) -> float:
    return 1.0 - attested_fraction(answer_text, 4)


def prefix(answer_text: str, greedy: str) -> int:
    a, b = tokenize(answer_text), tokenize(greedy)
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    return shared


def bigram_distance(a: str, b: str) -> float:
    def pairs(t):
        words = re.findall(r"[a-z']+", t.lower())
        return set(zip(words, words[1:]))
    x, y = pairs(a), pairs(b)
    return 1.0 - len(x & y) / max(1, len(x | y))


def words(answer_text: str) -> list[str]:
    return [t.lower() for t in tokenize(answer_text) if t[0].isalnum()]


def third_uses(answer_text: str) -> float:
    """The share of words that are at least the third use of that word within the last 64 (the penalty window)."""
    w = words(answer_text)
    return sum(w[max(0, i - 64):i].count(x) >= 2 for i, x in enumerate(w)) / max(1, len(w))


def top_word_share(answer_text: str) -> float:
    """The share of the answer taken by its most repeated word."""
    w = words(answer_text)
    return Counter(w).most_common(1)[0][1] / len(w) if w else 0.0


# --------------------------------------------------------------------------- temperature

@pytest.mark.parametrize("model", [SMALL, MEDIUM])
def test_temperature_zero_answers_the_same_every_time(srv, model):
    for prompt in OPEN[:3]:
        answers = {text(srv, prompt, model, temperature=0) for _ in range(4)}
        assert len(answers) == 1, prompt


@pytest.mark.parametrize("model", [SMALL, MEDIUM])
def test_temperature_one_varies_from_call_to_call(srv, model):
    answers = [text(srv, OPEN[0], model, temperature=1.0, seed=s) for s in SEEDS]
    assert len(set(answers)) >= 10


def test_at_1_8_the_answer_strays_far_from_greedy_and_gets_odd(srv):
    for prompt in OPEN:
        greedy = text(srv, prompt, temperature=0)
        hot = [text(srv, prompt, temperature=1.8, seed=s) for s in SEEDS]
        warm = [text(srv, prompt, temperature=0.7, seed=s) for s in SEEDS]
        # The words stay the topic's (a one-paragraph topic, the 4B's fridge, shares many word pairs
        # with its greedy answer however hot), but their order comes apart, and soon.
        far_hot, far_warm = (statistics.mean(bigram_distance(a, greedy) for a in x) for x in (hot, warm))
        assert far_hot > 0.5 and far_hot > far_warm, (prompt, far_hot, far_warm)
        assert statistics.mean(prefix(h, greedy) for h in hot) < 10, prompt  # departs within a few tokens
        odd_hot, odd_warm = (statistics.mean(map(oddness, x)) for x in (hot, warm))
        assert odd_hot > 0.1 and odd_hot > 5 * odd_warm, (prompt, odd_hot, odd_warm)


@pytest.mark.parametrize("model", [SMALL, MEDIUM])
def test_the_higher_the_temperature_the_further_the_answer_strays_in_order(srv, model):
    temperatures = (0.4, 0.8, 1.2, 1.6, 2.0)
    greedy = {p: text(srv, p, model, temperature=0) for p in OPEN}
    shared, odd = [], []
    for t in temperatures:
        answers = [(p, text(srv, p, model, temperature=t, seed=s)) for p in OPEN for s in range(1, 9)]
        shared.append(statistics.mean(prefix(a, greedy[p]) for p, a in answers))
        odd.append(statistics.mean(oddness(a) for _, a in answers))
    # It departs from the greedy answer sooner at every step up...
    assert shared == sorted(shared, reverse=True) and len(set(shared)) == len(shared), shared
    # ... and from 0.8 up (below, it keeps to text it learned), its words get odder at every step.
    assert odd[1:] == sorted(odd[1:]) and len(set(odd[1:])) == len(odd) - 1, odd
    assert odd[-1] > 10 * odd[1], odd


# --------------------------------------------------------------------------- top_k, top_p, seed

@pytest.mark.parametrize("model", [SMALL, MEDIUM])
def test_top_k_1_and_top_p_0_01_give_the_greedy_answer_at_any_temperature(srv, model):
    for prompt in OPEN[:2]:
        greedy = text(srv, prompt, model, temperature=0)
        for t in (0.5, 1.0, 1.5, 2.0):
            assert text(srv, prompt, model, temperature=t, top_k=1, seed=3) == greedy
            assert text(srv, prompt, model, temperature=t, top_k=1) == greedy  # no seed: still no choice
            assert text(srv, prompt, model, temperature=t, top_p=0.01, seed=4) == greedy


def test_top_k_top_p_and_min_p_narrow_the_choice_as_they_tighten(srv):
    def spread(**knobs):
        return len({text(srv, OPEN[0], temperature=1.2, seed=s, **knobs) for s in SEEDS})

    assert spread() >= spread(top_k=3) >= spread(top_k=2) > spread(top_k=1) == 1
    assert spread() >= spread(top_p=0.5) > spread(top_p=0.01) == 1
    assert spread() >= spread(min_p=0.3) > spread(min_p=0.999)  # 0.999 keeps only ties with the likeliest


def test_a_seed_repeats_a_sampled_answer_exactly(srv):
    for knobs in ({"temperature": 1.0}, {"temperature": 1.7, "top_p": 0.9}, {"temperature": 0.8, "min_p": 0.05,
                                                                             "frequency_penalty": 1.0}):
        first, again = (answer(srv, OPEN[0], MEDIUM, seed=99, **knobs) for _ in range(2))
        assert first["choices"][0]["message"] == again["choices"][0]["message"]
        assert first["usage"] == again["usage"]
    assert text(srv, OPEN[0], seed=1) != text(srv, OPEN[0], seed=2)


# --------------------------------------------------------------------------- penalties

@pytest.mark.parametrize("model", [SMALL, MEDIUM])
def test_frequency_and_repetition_penalties_cut_repeated_words_in_long_answers(srv, model):
    prompts = OPEN + ["Hi! What do you think about mankind?", "Who are you?"]

    def repeats(**knobs):
        answers = [text(srv, p, model, temperature=0.7, seed=s, max_tokens=300, **knobs) for p in prompts
                   for s in range(1, 5)]
        return statistics.mean(map(third_uses, answers)), statistics.mean(map(top_word_share, answers))

    plain, frequency, repetition = repeats(), repeats(frequency_penalty=2), repeats(repetition_penalty=1.8)
    assert frequency[0] < 0.85 * plain[0] and frequency[1] < 0.9 * plain[1], (plain, frequency)
    assert repetition[0] < 0.5 * plain[0] and repetition[1] < 0.6 * plain[1], (plain, repetition)


# --------------------------------------------------------------------------- a batch

def test_the_same_prompt_varies_and_different_prompts_differ(srv):
    same = [text(srv, BATCH[0], temperature=1.0, seed=s) for s in range(1, 25)]
    assert len(set(same)) >= 12  # one-sentence answers: the likeliest sentences come back, half differ
    for model in (SMALL, MEDIUM):  # lesson 09's batch: 24 answers, hardly any alike (the 12B's greedy: none)
        batch = [text(srv, p, model, temperature=1.0, seed=i, max_tokens=40) for i, p in enumerate(BATCH, 1)]
        assert len(set(batch)) >= 22, model
        greedy = [text(srv, p, model, temperature=0, max_tokens=40) for p in BATCH]
        assert len(set(greedy)) >= (24 if model == MEDIUM else 22), model
    # Each answer is about its own question: the landmark is named in most of them.
    named = sum(t.split()[-1].lower() in a.lower() for t, a in zip(TOPICS, greedy))
    assert named >= 20


# --------------------------------------------------------------------------- 4B and 12B

def test_the_12b_uses_more_context_and_answers_longer_and_more_coherently(srv):
    assert CONFIGS[MEDIUM].order > CONFIGS[SMALL].order  # a longer context
    prompts = OPEN + ["Hi! What do you think about mankind?", "Explain how rainbows form", "Who are you?",
                      "How do I learn Python?"]
    stats = {}
    for model in (SMALL, MEDIUM):
        replies = [answer(srv, p, model, temperature=0.7, seed=s) for p in prompts for s in (1, 2, 3)]
        texts = [r["choices"][0]["message"]["content"][len(SIMULATED_MARKER):] for r in replies]
        stats[model] = (statistics.mean(r["usage"]["completion_tokens"] for r in replies),
                        statistics.mean(map(whole_sentence_share, texts)))
    (small_len, small_whole), (big_len, big_whole) = stats[SMALL], stats[MEDIUM]
    assert big_len > 1.3 * small_len
    assert big_whole > small_whole + 0.05, stats
    for prompt in prompts:  # the two answer differently even at temperature 0
        assert text(srv, prompt, SMALL, temperature=0) != text(srv, prompt, MEDIUM, temperature=0)
    small_spec, big_spec = MODEL_SPECS[SMALL], MODEL_SPECS[MEDIUM]
    assert big_spec.seconds_per_token > small_spec.seconds_per_token  # slower
    assert big_spec.output_price > small_spec.output_price  # and dearer
