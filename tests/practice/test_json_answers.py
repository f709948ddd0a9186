"""JSON by prompt: the practice server answers a request for JSON with an object of the shape asked.

Over loopback HTTP where the shape of the whole answer matters (the marker, what surrounds the
object); in-process (``make_reply``, the server's own entry point) where many seeds are counted.
"""
from __future__ import annotations

import json
import re

import pytest
import requests

from helpers.practice import PRACTICE_KEY, SIMULATED_MARKER
from helpers.practice.replies import make_reply

SMALL, LARGE = "google/gemma-3-4b-it", "google/gemma-3-12b-it"
AUTH = {"Authorization": f"Bearer {PRACTICE_KEY}"}

CONTACT = ("Pull the contact details out of this message as JSON with the keys name, email, phone and city.\n\n"
           "Message: Hello, my name is Priya Raman. I moved to Lisbon last spring. Write to priya.r@example.org "
           "or call +351 912 345 678.")
CONTACT_WANTED = {"name": "Priya Raman", "email": "priya.r@example.org", "phone": "+351 912 345 678", "city": "Lisbon"}
SCHEMA = json.dumps({"type": "object", "properties": {
    "title": {"type": "string"}, "pages": {"type": "integer"},
    "published": {"type": "string", "description": "date as YYYY-MM-DD"},
    "genre": {"type": "string", "enum": ["fiction", "poetry", "history"]}}, "required": ["title", "pages"]})
BOOK = (f"Describe the book in JSON that follows this schema:\n{SCHEMA}\n\nText: \"The Salt Roads\" is a history "
        "of trade routes, 412 pages long, published on March 3, 2021.")
TEMPLATE = ("Return JSON like this example and nothing else: {\"dish\": \"Paella\", \"people\": 4, \"vegetarian\": "
            "false}\nRequest: A vegetarian lasagne for 6 people, please.")


def strip_and_parse(content: str):
    """What a lesson's helper does: drop the marker and whatever surrounds the first object, then parse."""
    body = content.removeprefix(SIMULATED_MARKER)
    start = body.index("{")
    value, _ = json.JSONDecoder().raw_decode(body, start)
    return value


def chat(server, prompt, model=LARGE, **params):
    body = {"model": model, "messages": [{"role": "user", "content": prompt}], **params}
    r = requests.post(server.base_url + "/chat/completions", json=body, headers=AUTH, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["choices"][0]["message"]["content"]


def answer(prompt, model=LARGE, messages=None, **params) -> str:
    return make_reply(model, messages or [{"role": "user", "content": prompt}], params).text


def test_named_keys_are_filled_from_the_text_and_the_answer_starts_with_the_marker(server):
    content = chat(server, CONTACT, temperature=0)
    assert content.startswith(SIMULATED_MARKER)
    assert strip_and_parse(content) == CONTACT_WANTED


def test_a_schema_gives_its_keys_types_allowed_values_and_date_format():
    got = json.loads(answer(BOOK, temperature=0, seed=3).split("```json\n")[-1].split("\n```")[0])
    assert got == {"title": "The Salt Roads", "pages": 412, "published": "2021-03-03", "genre": "history"}


def test_an_example_object_gives_the_shape_and_the_types():
    got = strip_and_parse(SIMULATED_MARKER + answer(TEMPLATE, temperature=0))
    assert got == {"dish": "lasagne", "people": 6, "vegetarian": True} or (
        set(got) == {"dish", "people", "vegetarian"} and got["people"] == 6 and got["vegetarian"] is True)


def test_what_surrounds_the_object_is_a_fence_a_lead_in_or_a_closing_sentence_and_nothing_else():
    seen = set()
    for seed in range(1, 41):
        text = answer(CONTACT, model=SMALL, seed=seed)
        body = text
        if re.match(r"[A-Z][^\n{]*:\n\n", body):
            seen.add("lead")
            body = body.split("\n\n", 1)[1]
        if body.startswith("```json\n"):
            seen.add("fence")
            body = body[len("```json\n"):].replace("\n```", "", 1)
        if not body.rstrip().endswith("}"):
            seen.add("trail")
            body = body[: body.rindex("}") + 1] if "}" in body else body
        assert body.lstrip().startswith("{"), text
    assert {"lead", "fence"} <= seen


def slip_rate(prompt, model, temperature=None, seeds=60) -> float:
    """The share of answers that are not exactly the plain object json.loads reads with every key."""
    wanted = None
    slipped = 0
    for seed in range(1, seeds + 1):
        text = answer(prompt, model=model, seed=seed, **({} if temperature is None else {"temperature": temperature}))
        try:
            value = json.loads(text)
        except ValueError:
            slipped += 1
            continue
        wanted = wanted or set(value)
        slipped += set(value) != wanted or any(isinstance(v, str) and v.isdigit() for v in value.values())
    return slipped / seeds


def test_the_4b_slips_more_than_the_12b_and_a_higher_temperature_more_than_a_lower_one():
    assert slip_rate(CONTACT, SMALL) > slip_rate(CONTACT, LARGE) + 0.15
    assert slip_rate(CONTACT, SMALL, temperature=1.5) > slip_rate(CONTACT, SMALL, temperature=0.2)


def shape_slips(prompt, model=SMALL, seeds=120) -> int:
    keys = {"dish", "people", "vegetarian"}
    count = 0
    for seed in range(1, seeds + 1):
        try:
            got = strip_and_parse(SIMULATED_MARKER + answer(prompt, model=model, seed=seed))
        except ValueError:
            count += 1
            continue
        count += set(got) != keys or isinstance(got.get("people"), str)
    return count


def test_an_example_object_makes_missing_renamed_and_quoted_values_rarer():
    named = "Return JSON with the keys dish, people and vegetarian.\nRequest: A vegetarian lasagne for 6 people."
    assert shape_slips(TEMPLATE) < shape_slips(named)


def test_json_only_makes_the_wrapping_rarer():
    only = CONTACT + "\nReply with the JSON object only, no other text."
    wrapped = sum(not answer(CONTACT, model=SMALL, seed=s).startswith("{") for s in range(1, 61))
    wrapped_only = sum(not answer(only, model=SMALL, seed=s).startswith("{") for s in range(1, 61))
    assert wrapped_only < wrapped


def test_the_same_seed_gives_the_same_answer_and_temperature_0_ignores_the_seed():
    assert answer(CONTACT, model=SMALL, seed=7) == answer(CONTACT, model=SMALL, seed=7)
    assert len({answer(CONTACT, model=SMALL, seed=s) for s in range(1, 30)}) > 1
    assert answer(CONTACT, model=SMALL, temperature=0, seed=1) == answer(CONTACT, model=SMALL, temperature=0, seed=9)


def test_asking_to_fix_an_answer_repeats_the_earlier_request():
    messages = [{"role": "user", "content": CONTACT},
                {"role": "assistant", "content": SIMULATED_MARKER + '{"name": "Priya Raman"'},
                {"role": "user", "content": "That is not valid JSON: Expecting ',' delimiter. Fix it and reply "
                                            "with the JSON only."}]
    fixed = [strip_and_parse(SIMULATED_MARKER + answer("", model=LARGE, messages=messages, seed=s))
             for s in range(1, 6)]
    assert sum(f == CONTACT_WANTED for f in fixed) >= 4


def test_facts_fill_what_the_text_does_not_say():
    got = strip_and_parse(SIMULATED_MARKER + answer("What is the capital of Norway? Answer in JSON with the keys "
                                                    "country and capital.", temperature=0))
    assert got == {"country": "Norway", "capital": "Oslo"}


def test_a_list_of_labels_gets_one_label_and_the_4b_dresses_it_more_often():
    prompt = ("Classify the review as one of: praise, complaint, question. Answer with the label only.\n"
              "Review: The blender is terrible and broke after two days.")
    labels = [answer(prompt, model=LARGE, seed=s) for s in range(1, 31)]
    assert labels.count("complaint") >= 25
    dressed_small = sum(a not in ("praise", "complaint", "question")
                        for a in (answer(prompt, model=SMALL, seed=s) for s in range(1, 31)))
    assert dressed_small > sum(a not in ("praise", "complaint", "question") for a in labels)


@pytest.mark.parametrize("prompt", ["Tell me about San Francisco", "What is JSON used for?"])
def test_prompts_that_do_not_ask_for_a_json_object_get_prose(prompt):
    text = answer(prompt, seed=1)
    assert "{" not in text and len(text.split()) > 5
