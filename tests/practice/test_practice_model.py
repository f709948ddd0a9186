"""The practice model, its topics, the facts answers start with, and the next-token view of lesson 02."""
from __future__ import annotations

import base64
import io
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from helpers.errors import RequestValidationError
from helpers.practice import SIMULATED_MARKER, PracticeServer, next_tokens
from helpers.practice.model.catalogue import OUTPUT_MAX
from helpers.practice.model.corpus import load_sections, split_pieces, tokenize
from helpers.practice.model.language_model import CONFIGS, MAX_CANDIDATES, Conditioned, get_model
from helpers.practice.model.topics import best_topic

ROOT = Path(__file__).resolve().parents[2]
SMALL, MEDIUM = "google/gemma-3-4b-it", "google/gemma-3-12b-it"
TRAIN = ("A train leaves at 14:10 and the trip takes 2 hours and 55 minutes. "
         "When does it arrive? Explain your steps.")  # lesson 06's reasoning prompt, word for word


@pytest.fixture(scope="module")
def srv():
    with PracticeServer(latency=0) as server:
        yield server


def post(srv, prompt, model=SMALL, **params):
    messages = [{"role": "user", "content": prompt}] if isinstance(prompt, str) else prompt
    r = requests.post(srv.base_url + "/chat/completions", json={"model": model, "messages": messages, **params},
                      headers={"Authorization": f"Bearer {srv.key}"}, timeout=30)
    assert r.status_code == 200, r.text[:300]
    return r


def content(r) -> str:
    text = r.json()["choices"][0]["message"]["content"]
    assert text.startswith(SIMULATED_MARKER)
    return text[len(SIMULATED_MARKER):]


# --------------------------------------------------------------------------- the model

def test_importing_helpers_does_not_build_the_model():
    code = ("import helpers, helpers.practice, helpers.practice.model.language_model as lm, sys; "
            "print(len(lm._models))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "0"


def test_the_model_is_built_once_and_its_distributions_are_real():
    model = get_model()
    assert get_model() is model and get_model(everything=False) is not model
    assert len(model.sections) > 100 and model.events > 15_000  # tens of thousands of words of text
    for config in CONFIGS.values():
        conditioned = Conditioned(model, config, model.uniform_weights())
        for context in (model.start_context(), tuple(model.token_id(t) for t in ("San", "Francisco", "is"))):
            ids, logits = conditioned.next(context)
            assert 1 < len(ids) <= MAX_CANDIDATES and len(set(ids)) == len(ids)
            assert list(logits) == sorted(logits, reverse=True)
            top = logits[0]
            mass = sum(math.exp((x - top) / config.confidence) for x in logits)
            first = 1 / mass  # the likeliest token's probability, from the model's own log-probabilities
            assert 0 < first < 1
    after = Conditioned(model, CONFIGS[SMALL], model.uniform_weights()).next(
        (0,) + tuple(model.token_id(t) for t in ("San", "Francisco", "is")))
    assert {model.words[i] for i in after[0][:5]} & {"a", "famous", "one", "known", "mild"}


def test_the_corpus_has_every_topic_the_lessons_and_learners_need():
    sections = load_sections()
    topics = {s.topic for s in sections}
    assert {"cities", "science", "writing", "code", "poems", "pets", "how things work", "humanity",
            "small talk", "models", "numbers", "pictures"} <= topics
    words = sum(len(p) for s in sections for p in s.paragraphs)
    assert words > 20_000
    text = " ".join(t for s in sections for p in s.paragraphs for t in p)
    assert "image" not in text.lower()  # lesson 05 counts the server's "is a PNG image" facts: prose must not add any


@pytest.mark.parametrize("prompt, topic", [
    ("Tell me about San Francisco", "cities: San Francisco"),
    ("Hi! What do you think about mankind?", "humanity: Mankind"),
    ("Is it often foggy there in summer?", "cities: Fog"),
    ("What is the capital of Australia? Answer in one sentence.", "cities: Canberra"),
    (TRAIN, "numbers: Clock times"),
    ("List three tips for writing a clear email.", "writing: A clear email"),
    ("Explain recursion in two sentences", "code: Recursion"),
    ("In one sentence, why is the sky blue?", "science: Why the sky is blue"),
    ("In one sentence, what is a prime number?", "code: Prime numbers"),
    ("In one sentence, what does a compiler do?", "code: Compilers"),
    ("In one sentence, why do leaves change colour?", "science: Leaves change colour"),
    ("In one sentence, what is an API?", "code: APIs"),
    ("In one sentence, what is the speed of light?", "science: Speed of light"),
    ("Name three bridges in San Francisco.", "cities: Bridges of the bay"),
    ("In one sentence, what is Alcatraz in San Francisco known for?", "cities: Alcatraz"),
    ("What is in this picture? Describe it in two sentences.", "pictures: Describing a picture"),
    ("Suggest names for a puppy", "pets: Names for a dog"),
    ("How does a fridge work?", "how things work: Fridges"),
    ("Hello", "small talk: Greetings"),
    ("Tell me a joke.", "small talk: Jokes"),
    ("Who are you?", "models: The practice server"),
    ("How do I learn Python? List the steps.", "code: Learning Python"),
])
def test_the_lessons_prompts_find_their_topic(prompt, topic):
    assert best_topic(get_model(), prompt) == topic


def test_poems_come_from_the_verse_alone(srv):
    for model in (SMALL, MEDIUM):
        answer = content(post(srv, "Write a haiku about fog.", model, temperature=0.7, seed=1))
        lead, _, poem = answer.partition("\n\n")
        assert lead == "Here is a haiku about fog:"
        assert 2 <= poem.count("\n") <= 6 and "." not in poem  # lines, no prose sentences


# --------------------------------------------------------------------------- facts before sampled text

def test_lesson_06_train_arrives_at_17_05_and_the_12b_shows_its_steps(srv):
    small = content(post(srv, TRAIN, SMALL, temperature=0.3, max_tokens=300))
    big = content(post(srv, TRAIN, MEDIUM, temperature=0.3, max_tokens=300))
    assert small.startswith("14:10 + 2 h 55 min = 17:05, so the train arrives at 17:05.")
    assert big.startswith("Start from the departure time, 14:10.\nAdd the 2 hours: 14:10 + 2 h = 16:10.\n"
                          "Add the 55 minutes: 16:10 + 55 min = 17:05.")
    assert "So the train arrives at 17:05." in big
    brief = content(post(srv, "The bus leaves at 23:30 and the trip takes 1 hour and 45 minutes. When does it arrive?",
                         SMALL, temperature=0))
    assert brief.startswith("The bus arrives at 01:15 the next day.")
    minutes = content(post(srv, "A film starts at 9:45 pm and lasts 150 minutes. What time does it end?", MEDIUM))
    assert "00:15 the next day" in minutes


def test_repeat_exactly_gives_the_quoted_text_byte_for_byte(srv):
    quoted = "Café ☕ costs 3 €\u2028next line"
    prompt = f'Repeat exactly: "{quoted}"'
    r = post(srv, prompt, temperature=1.5)
    assert content(r) == quoted and r.json()["choices"][0]["finish_reason"] == "stop"
    assert r.json()["usage"]["completion_tokens"] == len(split_pieces(quoted))
    streamed = requests.post(srv.base_url + "/chat/completions", headers={"Authorization": f"Bearer {srv.key}"},
                             json={"model": SMALL, "stream": True,
                                   "messages": [{"role": "user", "content": prompt}]}, timeout=30)
    lines = [line for line in re.split(rb"\r\n|\r|\n", streamed.content) if line.startswith(b"data: {")]
    pieces = [json.loads(line[6:].decode("utf-8"))["choices"][0]["delta"].get("content", "") for line in lines]
    assert "".join(pieces) == SIMULATED_MARKER + quoted
    assert content(post(srv, "Repeat after me: the fog is grey.")) == "the fog is grey."
    assert content(post(srv, "Say OK.")) == "OK."


def test_arithmetic_and_recall_lead_and_sampled_text_follows(srv):
    sum_answer = content(post(srv, "What is 17*23?", temperature=0.7, seed=2))
    assert sum_answer.startswith("17 * 23 = 391. ") and len(tokenize(sum_answer)) > 15
    history = [{"role": "user", "content": "Hi! My name is Sam."},
               {"role": "assistant", "content": "Nice to meet you, Sam!"},
               {"role": "user", "content": "Tell me about San Francisco."},
               {"role": "assistant", "content": "San Francisco is a city."},
               {"role": "user", "content": "What is my name?"}]
    assert content(post(srv, history)).startswith("Your name is Sam.")


def test_three_pictures_are_described_in_order_and_the_prose_adds_no_format_claims(srv):
    from PIL import Image

    parts = [{"type": "text", "text": "These are three copies of one drawing. How do they differ?"}]
    for fmt, mime in (("JPEG", "image/jpeg"), ("GIF", "image/gif"), ("WEBP", "image/webp")):
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), (30, 60, 200)).save(buffer, fmt)
        parts.append({"type": "image_url",
                      "image_url": {"url": f"data:{mime};base64," + base64.b64encode(buffer.getvalue()).decode()}})
    for seed in range(1, 6):
        answer = content(post(srv, [{"role": "user", "content": parts}], temperature=1.2, seed=seed, max_tokens=300))
        assert re.findall(r"is an? (\w+) image", answer) == ["JPEG", "GIF", "WEBP"]
        assert "blue" in answer


def test_the_dominant_colour_is_one_the_picture_has_not_its_average(srv):
    from PIL import Image

    picture = Image.new("RGB", (100, 40), (0, 255, 0))  # 45% green on the right...
    picture.paste((0, 0, 255), (0, 0, 55, 40))  # ... and 55% blue: the average, (0, 115, 140), is cyan
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    answer = content(post(srv, [{"role": "user", "content": [{"type": "text", "text": "What colour is it?"},
                                                              {"type": "image_url", "image_url": {"url": url}}]}]))
    assert "its average colour is RGB (0, 115, 140)" in answer
    assert "its dominant colour is blue, RGB (0, 0, 255), in 55% of its pixels" in answer
    assert "cyan" not in answer


def test_reply_in_french_samples_french(srv):
    answer = content(post(srv, "Reply in French: tell me about San Francisco", seed=1))
    assert answer.startswith("Voici une réponse simulée, en français")
    assert len(re.findall(r"\b(le|la|les|de|et|est|une?)\b", answer)) >= 5


# --------------------------------------------------------------------------- bounds

def test_nothing_a_request_says_makes_the_answer_unbounded(srv):
    r = post(srv, "Tell me about San Francisco", frequency_penalty=-2, presence_penalty=-2, repetition_penalty=0.01,
             temperature=2, max_tokens=10**12)
    assert r.json()["usage"]["completion_tokens"] <= OUTPUT_MAX
    assert r.json()["choices"][0]["finish_reason"] in ("stop", "length")
    huge_stop = "x" * 200_000
    r = post(srv, "Tell me about San Francisco", stop=[huge_stop, "", "fog"], seed=1, max_tokens=8192)
    assert "fog" not in content(r)
    capped = post(srv, "Tell me about San Francisco", max_tokens=9000, top_k=10**9, top_a=1, min_p=0.999, seed=3)
    assert capped.json()["usage"]["completion_tokens"] <= OUTPUT_MAX


def test_stop_strings_end_the_answer_before_them(srv):
    for stop in (".", ["Francisco", "zzz"], " the"):
        r = post(srv, "Tell me about San Francisco", stop=stop, seed=4, max_tokens=300)
        words = [stop] if isinstance(stop, str) else stop
        assert not any(w in content(r) for w in words)
        assert r.json()["choices"][0]["finish_reason"] == "stop"


# --------------------------------------------------------------------------- next_tokens (lesson 02)

def test_next_tokens_shows_the_distribution_before_and_after_each_knob():
    view = next_tokens("Tell me about San Francisco", answer_so_far="San Francisco", top_k=3, top_p=0.95,
                       temperature=1.5, show=8)
    assert view.columns == ["model", "top_k=3", "top_p=0.95", "temperature=1.5"]
    rows = view.rows
    assert len(rows) == 8 and rows[0]["model"] >= rows[-1]["model"]
    assert sum(r["model"] for r in rows) <= 1.0 + 1e-9
    kept = [r for r in rows if r["temperature=1.5"] > 0]
    assert 1 <= len(kept) <= 3
    assert sum(r["temperature=1.5"] for r in kept) == pytest.approx(1.0)
    assert kept[0]["temperature=1.5"] < kept[0]["top_p=0.95"]  # a high temperature flattens what is left
    assert "not Gemma" in repr(view) and "not Gemma" in view._repr_html_()
    assert "<table" in view._repr_html_() and "San Francisco" in repr(view)


def test_next_tokens_greedy_settings_leave_one_token_and_penalties_show_as_a_step():
    assert [r["top_k=1"] for r in next_tokens("Tell me about San Francisco", top_k=1).rows][0] == 1.0
    penalised = next_tokens("Tell me about San Francisco", frequency_penalty=2,
                            answer_so_far="San Francisco is a city. San Francisco is")
    assert "penalties" in penalised.columns
    cold = next_tokens("Tell me about San Francisco", temperature=0).rows
    assert cold[0]["temperature=0"] == 1.0 and all(r["temperature=0"] == 0 for r in cold[1:])


def test_next_tokens_refuses_bad_knobs_with_the_documented_range():
    with pytest.raises(RequestValidationError, match="temperature=3 is too large"):
        next_tokens("Hi", temperature=3)
    with pytest.raises(RequestValidationError, match="not temprature"):
        next_tokens("Hi", temprature=1)


def test_next_tokens_chart_is_labelled_as_the_practice_model():
    import matplotlib

    matplotlib.use("Agg")
    ax = next_tokens("Tell me about San Francisco", answer_so_far="San Francisco is", top_k=2).chart()
    assert "not Gemma" in ax.get_title()
    assert len(ax.patches) == 2 * 10


def test_without_knobs_the_view_shows_the_model_alone_and_no_footnote_for_nothing_cut():
    plain = next_tokens("Tell me about San Francisco", show=3)
    assert plain.columns == ["model"] and "cut by that step" not in repr(plain)
    assert next_tokens("Tell me about San Francisco", temperature=1.0).columns == ["model", "temperature=1"]
    assert "cut by that step" in repr(next_tokens("Tell me about San Francisco", top_k=2, show=4))
