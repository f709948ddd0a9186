"""Practice answers keep to the topic the prompt picked, end when it is said, and the 12B reads stronger.

Drift is measured as ``helpers.practice.model.topic_drift`` defines it: a sentence belongs to the corpus
section holding most of its runs of four tokens, and an answer drifts when a sentence belongs to
a section neither the prompt picks nor the answer's first. The prompts here are fixed and are
not the benchmark's (``benchmarks/bench_drift.py`` measures the same on prompts held out from
these tests). Every answer is seeded, so every figure is the same on every run; answers are
made in process (``make_reply``, the server's own entry point) to keep the file cheap, and the
HTTP path is exercised by the capital-of-Australia test.
"""
from __future__ import annotations

import re
import statistics

import pytest
import requests

from helpers.practice import SIMULATED_MARKER, PracticeServer
from helpers.practice.model.corpus import LINE, tokenize
from helpers.practice.model.language_model import whole_sentence_share
from helpers.practice.model.replies import make_reply
from helpers.practice.model.topic_drift import answer_drifts, sentence_sections

SMALL, MEDIUM = "google/gemma-3-4b-it", "google/gemma-3-12b-it"
MODELS = (SMALL, MEDIUM)
#: Prompts the corpus covers; the issue's own examples among them (Paris, a cat, a bicycle, Canberra).
COVERED = ["What should I see in Paris?", "How do I look after a cat?", "How does a bicycle work?",
           "What is the capital of Australia?", "Tell me about the Presidio.", "How does the internet work?",
           "Why is the sky blue?", "How do I learn Python?", "What should I see in Rome?", "How does a camera work?",
           "What causes thunder?", "Tell me about Chinatown.", "What is an API?", "How do headphones work?",
           "What is Berlin like?", "Why do we dream?"]
#: Prompts it does not cover, or covers only in part (it knows sourdough, not baking it).
UNCOVERED = {"What are the rules of chess?": "chess", "What was the football score last night?": "football",
             "How do I bake sourdough at home?": "sourdough", "How do I knit a scarf?": "knit",
             "What is the plot of Hamlet?": "Hamlet", "Who won the World Cup in 2018?": "World Cup"}
LISTS = ["List three tips for writing a clear email.", "Give me three tips for a good presentation.",
         "How do I learn Python? List the steps."]


def reply(prompt: str, model: str, **params):
    return make_reply(model, [{"role": "user", "content": prompt}], params)


def drift_share(prompts, model: str, temperature: float, seeds=(1, 2)) -> float:
    drifted = [answer_drifts(p, reply(p, model, temperature=temperature, seed=s).text) for p in prompts for s in seeds]
    return sum(drifted) / len(drifted)


@pytest.mark.parametrize("temperature", [0.7, 1.0])
def test_answers_keep_to_the_topic_the_prompt_picked_and_the_12b_no_less(temperature):
    covered = {model: drift_share(COVERED, model, temperature) for model in MODELS}
    uncovered = {model: drift_share(UNCOVERED, model, temperature) for model in MODELS}
    for figures in (covered, uncovered):
        assert max(figures.values()) <= 0.05, (covered, uncovered)
        assert figures[MEDIUM] <= figures[SMALL], (covered, uncovered)


def test_an_answer_ends_when_its_topic_is_said_and_max_tokens_still_cuts():
    for model in MODELS:
        for prompt in COVERED[:8]:
            answer = reply(prompt, model, temperature=0.7, seed=1, max_tokens=2000)
            assert answer.finish_reason == "stop", (model, prompt)
            assert answer.text.rstrip()[-1] in ".!?", (model, prompt, answer.text[-80:])
            last = answer.text.rstrip().split("\n\n")[-1]  # the last paragraph is still the topic's
            assert not answer_drifts(prompt, answer.text) and sentence_sections(last)[-1] is not None, (model, prompt)
        cut = reply(COVERED[0], model, temperature=0.7, seed=1, max_tokens=12)
        assert cut.finish_reason == "length" and cut.completion_tokens == 12


def test_a_question_the_text_does_not_cover_gets_a_short_answer_that_says_so():
    for model in MODELS:
        for prompt, subject in UNCOVERED.items():
            for seed in (1, 2):
                answer = reply(prompt, model, temperature=0.7, seed=seed)
                first = answer.text.split(". ")[0]
                assert answer.text.startswith("The practice model knows little about"), (model, prompt, answer.text)
                assert subject in first, (model, prompt, first)  # it stays with the question asked
                assert answer.finish_reason == "stop" and answer.completion_tokens <= 70, (model, prompt, answer.text)
                assert not answer_drifts(prompt, answer.text), (model, prompt, answer.text)
    partly = reply("How do I bake sourdough at home?", SMALL, seed=1).text
    assert "Here is what its text says about sourdough bread." in partly and "starter" in partly or "tangy" in partly


def test_the_12b_reads_as_the_stronger_model():
    answers = {model: [reply(p, model, temperature=0.7, seed=s) for p in COVERED for s in (1, 2)] for model in MODELS}
    small, big = answers[SMALL], answers[MEDIUM]
    assert statistics.mean(a.completion_tokens for a in big) > 1.3 * statistics.mean(a.completion_tokens for a in small)
    assert statistics.mean(whole_sentence_share(a.text) for a in big) >= statistics.mean(
        whole_sentence_share(a.text) for a in small)
    for prompt in LISTS:  # the 12B lists where the prompt asks for a list, the 4B writes a paragraph
        asked = 3 if "three" in prompt else None
        for seed in (1, 2):
            lines = reply(prompt, MEDIUM, temperature=0.7, seed=seed).text.split(LINE)
            assert lines[0].startswith("Here are") and lines[0].endswith(":"), (prompt, lines)
            assert [line.split(".")[0] for line in lines[1:]] == [str(n) for n in range(1, len(lines))], lines
            assert len(lines) - 1 == asked if asked else 2 <= len(lines) - 1 <= 5, lines
            assert not answer_drifts(prompt, "\n".join(lines)), lines
            assert "\n1." not in reply(prompt, SMALL, temperature=0.7, seed=seed).text


def test_a_conversation_keeps_to_each_turns_subject_and_a_follow_up_to_the_last():
    """Lesson 04's conversation, then a follow-up that names no subject: earlier turns say what it is about."""
    turns = ["Hi! My name is Sam.", "Tell me about San Francisco.", "Is it often foggy there in summer?",
             "What is my name?", "Tell me more."]
    for model in MODELS:
        history, answers = [], []
        for turn in turns:
            history.append({"role": "user", "content": turn})
            answers.append(make_reply(model, history, {"max_tokens": 200, "seed": 3}).text)
            history.append({"role": "assistant", "content": answers[-1]})
        assert not any(a.startswith("The practice model knows little") for a in answers), answers
        assert "San Francisco" in answers[1] and "fog" in answers[2].lower()
        assert answers[3].startswith("Your name is Sam")
        assert sentence_sections(answers[4])[0] in ("cities: Fog", "cities: San Francisco"), answers[4]


def test_a_lead_is_not_restated_by_the_sampled_text():
    for model in MODELS:
        for seed in range(1, 6):
            text = reply("What is the capital of Australia?", model, temperature=0.7, seed=seed).text
            assert text.startswith("The capital of Australia is Canberra. ")
            assert "Canberra is the capital of Australia" not in text[len("The capital of Australia is Canberra."):]


@pytest.fixture(scope="module")
def srv():
    with PracticeServer(latency=0) as server:
        yield server


def test_the_capital_of_australia_side_by_side_reads_as_two_answers_about_canberra(srv):
    """Lesson 11's comparison: the widget sends both models the prompt at temperature 0.7, no seed."""
    prompt = "What is the capital of Australia?"
    with requests.Session() as http:
        for seed in range(1, 11):
            for model in MODELS:
                body = {"model": model, "messages": [{"role": "user", "content": prompt}], "temperature": 0.7,
                        "max_tokens": 512, "seed": seed}
                r = http.post(srv.base_url + "/chat/completions", json=body, timeout=30,
                              headers={"Authorization": f"Bearer {srv.key}"})
                text = r.json()["choices"][0]["message"]["content"].removeprefix(SIMULATED_MARKER)
                assert text.startswith("The capital of Australia is Canberra."), text
                assert set(sentence_sections(text)) <= {"cities: Canberra", None}, (model, seed, text)
                for paragraph in text.split("\n\n"):  # every paragraph is about Canberra
                    assert re.search(r"Canberra|Australia|Griffin|Parliament", paragraph), (model, seed, text)
                assert len(tokenize(text)) < 200 and r.json()["choices"][0]["finish_reason"] == "stop"
