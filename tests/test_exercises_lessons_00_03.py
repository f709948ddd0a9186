"""The typical wrong answers of the exercises of lessons 00 to 03, and their special cases.

Each wrong answer fails with a message that names the problem (tests/exercise_support.py runs
it as a notebook cell would); what every exercise must do is in tests/test_exercises.py.
"""
from __future__ import annotations

import pytest

from support.exercises import assert_named_mistake, mistake_ids, run
from helpers.exercises import lesson01, lesson02

# --- typical wrong answers, one table per lesson ---------------------------------------
# (lesson, exercise, learner code, a fragment the failure message must contain)

WRONG = [
    # lesson 00, q1: the warm-up
    ("lesson00", "q1", 'model_id = "google/gemma-3-4b-it"', "4B"),
    ("lesson00", "q1", 'model_id = "google/gemma-3-27b-it"', "27B"),
    ("lesson00", "q1", 'model_id = "gemma-3-12b-it"', "developer"),
    ("lesson00", "q1", 'model_id = "Google/Gemma-3-12B-it"', "case-sensitive"),
    ("lesson00", "q1", 'model_id = "google/gemma-3-12b-it "', "spaces"),
    ("lesson00", "q1", "model_id = 12", "string"),
    ("lesson00", "q1", 'model_id = "google/gemma-3-12b"', "not one of the Gemma 3 ids"),
    # lesson 00, q2: mask(key)
    ("lesson00", "q2", 'def mask(key):\n    return "****" + key[-8:]', "shows 8 of its characters"),
    ("lesson00", "q2", 'def mask(key):\n    return key[:4] + "****"', "last 4 characters"),
    ("lesson00", "q2", 'def mask(key):\n    return "****" + key[-4:]', "just '****'"),
    ("lesson00", "q2", 'def mask(key):\n    print("****" + key[-4:])', "returned NoneType"),
    ("lesson00", "q2", 'def mask(key):\n    return "****" + key[-4:] if len(key) >= 12 else "****"', "raised TypeError"),
    ("lesson00", "q2", 'mask = "****"', "should be a function"),
    # lesson 00, q3: models_url(base_url)
    ("lesson00", "q3", 'def models_url(base_url):\n    return base_url + "/models"', "double slash"),
    ("lesson00", "q3", "def models_url(base_url):\n    return base_url", "path of the models list"),
    ("lesson00", "q3", 'def models_url(base_url):\n    return base_url.rstrip("/v1") + "/models"', "`/v1`"),
    # lesson 01, q1: make_headers(api_key)
    ("lesson01", "q1", 'def make_headers(api_key):\n    return {"Content-Type": "application/json",'
                       ' "Authorization": "Bearer <YOUR_AIMLAPI_KEY>"}', "placeholder"),
    ("lesson01", "q1", 'def make_headers(api_key):\n    return {"Content-Type": "application/json",'
                       ' "Authorization": "Bearer {api_key}"}', "forget the f"),
    ("lesson01", "q1", 'def make_headers(api_key):\n    return {"Content-Type": "application/json",'
                       ' "Authorization": api_key}', "scheme word"),
    ("lesson01", "q1", 'def make_headers(api_key):\n    return {"Content-Type": "application/json",'
                       ' "Authorization": "Bearer" + api_key}', "one space"),
    ("lesson01", "q1", 'def make_headers(api_key):\n    return {"Content-Type": "application/json",'
                       ' "Authorization": f"bearer {api_key}"}', "capital B"),
    ("lesson01", "q1", 'def make_headers(api_key):\n    return {"Authorization": f"Bearer {api_key}"}', "Content-Type"),
    ("lesson01", "q1", 'def make_headers(api_key):\n    return {"Content-Type": "text/plain",'
                       ' "Authorization": f"Bearer {api_key}"}', "application/json"),
    ("lesson01", "q1", 'KEY = "some-other-key-000000000000"\ndef make_headers(api_key):\n'
                       '    return {"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"}',
     "Use the argument"),
    ("lesson01", "q1", 'def make_headers(api_key):\n    return [("Authorization", f"Bearer {api_key}")]', "dict"),
    # lesson 01, q2: extract_answer(data)
    ("lesson01", "q2", 'def extract_answer(data):\n    return data["choices"]["message"]["content"]', "[0]"),
    ("lesson01", "q2", 'def extract_answer(data):\n    return data["choices"][0]["message"]', "one level"),
    ("lesson01", "q2", 'def extract_answer(data):\n    return data["choices"]', "list"),
    ("lesson01", "q2", 'def extract_answer(data):\n    return data', "the whole answer"),
    ("lesson01", "q2", 'def extract_answer(data):\n    print(data["choices"][0]["message"]["content"])', "printing it"),
    ("lesson01", "q2", 'def extract_answer(data):\n    return data["meta"] and data["choices"][0]["message"]["content"]',
     "has no `meta`"),
    ("lesson01", "q2", 'def extract_answer(data):\n    return data["choices"][0]["message"]["content"][:200]',
     "documented sample"),
    # lesson 01, q3: spent_usd(data)
    ("lesson01", "q3", 'def spent_usd(data):\n    return data["meta"]["usage"]["usd_spent"]', ".get"),
    ("lesson01", "q3", 'def spent_usd(data):\n    return data.get("meta", {}).get("usage", {}).get("usd_spent")', "null"),
    ("lesson01", "q3", 'def spent_usd(data):\n    return ((data.get("meta") or {}).get("usage") or {}).get("usd_spent", 0)',
     "zero would claim the call was free"),
    ("lesson01", "q3", 'def spent_usd(data):\n    return ((data.get("meta") or {}).get("usage") or {}).get("credits_used")',
     "credits"),
    ("lesson01", "q3", 'def spent_usd(data):\n    bill = ((data.get("meta") or {}).get("usage") or {}).get("usd_spent")\n'
                       '    return bill if bill is not None else (data.get("usage") or {}).get("cost")', "usage.cost"),
    # lesson 02, q1: the body
    ("lesson02", "q1", 'body = {"model": "google/gemma-3-4b-it", "messages": [{"role": "user", "content": '
                       '"Write a haiku about fog."}], "temperature": 0.2, "max_tokens": 60, "seed": 7}', "body['model']"),
    ("lesson02", "q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
                       '"Write a haiku about fog."}], "temperature": "0.2", "max_tokens": 60, "seed": 7}',
     "body['temperature']"),
    ("lesson02", "q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "system", "content": '
                       '"Write a haiku about fog."}], "temperature": 0.2, "max_tokens": 60, "seed": 7}', "system"),
    ("lesson02", "q1", 'body = {"model": "google/gemma-3-12b-it", "messages": {"role": "user", "content": '
                       '"Write a haiku about fog."}, "temperature": 0.2, "max_tokens": 60, "seed": 7}', "body['messages']"),
    ("lesson02", "q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
                       '"Write a haiku about fog."}], "temperature": 0.2, "max_tokens": 60}', "'seed'"),
    ("lesson02", "q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
                       '"Write a haiku about fog."}], "temperature": 0.2, "max_tokens": 60, "seed": 7.0}', "integer"),
    ("lesson02", "q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
                       '"Write a haiku about fog."}], "temperature": 2.2, "max_tokens": 60, "seed": 7}', "too large"),
    ("lesson02", "q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
                       '"Write a haiku about fog."}], "temperature": 0.7, "max_tokens": 60, "seed": 7}',
     "body['temperature'] is 0.7"),
    ("lesson02", "q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
                       '"Write a haiku about fog."}], "temperature": 0.2, "max_tokens": 60, "seed": 7, "top_p": 0.9}',
     "'top_p'"),
    ("lesson02", "q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
                       '"Tell me about San Francisco"}], "temperature": 0.2, "max_tokens": 60, "seed": 7}', "content"),
    # lesson 02, q2: repeatable parameters
    ("lesson02", "q2", "repeatable = {}", "Which parameter"),
    ("lesson02", "q2", 'repeatable = {"temperature": 0}', "no longer a random draw"),
    ("lesson02", "q2", 'repeatable = {"temperature": 0.9, "top_k": 1, "seed": 3}', "top_k 1"),
    ("lesson02", "q2", 'repeatable = {"seed": 42}', "keeps it at 0.9"),
    ("lesson02", "q2", 'repeatable = {"seed": 42, "temperature": 0.2}', "drawn at random"),
    ("lesson02", "q2", 'repeatable = {"seed": 0}', "too small"),
    ("lesson02", "q2", 'repeatable = {"seed": "42"}', "must be a number"),
    ("lesson02", "q2", 'repeatable = {"seed": 4.5}', "whole number"),
    ("lesson02", "q2", 'repeatable = {"sed": 42}', "not a parameter"),
    ("lesson02", "q2", 'repeatable = {"seed": 42, "model": "google/gemma-3-4b-it"}', "optional parameters"),
    ("lesson02", "q2", 'repeatable = [("seed", 42)]', "dict"),
    # lesson 02, q3: clamp_params(params)
    ("lesson02", "q3", 'def clamp_params(params):\n    return {k: min(max(v, helpers.PARAMS[k].minimum), '
                       'helpers.PARAMS[k].maximum) for k, v in params.items()}', "raised TypeError"),
    ("lesson02", "q3", 'def clamp_params(params):\n    for k, v in params.items():\n        if k == "temperature":\n'
                       '            params[k] = min(v, 2)\n    return params', "changed the dict"),
    ("lesson02", "q3", 'def clamp_params(params):\n    out = {}\n    for k, v in params.items():\n'
                       '        spec = helpers.PARAMS[k]\n'
                       '        if isinstance(v, (int, float)) and spec.maximum is not None:\n'
                       '            v = min(v, spec.maximum)\n        out[k] = v\n    return out', "top_p=0"),
    ("lesson02", "q3", "def clamp_params(params):\n    return {k: v for k, v in params.items() if k != 'temperature'}",
     "keep every parameter"),
    # lesson 03, q1: parse_sse_line(line)
    ("lesson03", "q1", 'import json\ndef parse_sse_line(line):\n    return json.loads(line[6:])["choices"][0]["delta"]["content"]',
     "JSONDecodeError"),
    ("lesson03", "q1", 'import json\ndef parse_sse_line(line):\n    if not line.startswith("data: ") or line == "data: [DONE]":\n'
                       '        return None\n    choices = json.loads(line[6:]).get("choices") or [{}]\n'
                       '    return (choices[0].get("delta") or {}).get("content", "").strip() or None',
     "do not strip"),
    ("lesson03", "q1", 'import json\ndef parse_sse_line(line):\n    if not line.startswith("data: ") or line == "data: [DONE]":\n'
                       '        return ""\n    choices = json.loads(line[6:]).get("choices") or [{}]\n'
                       '    return (choices[0].get("delta") or {}).get("content")', "return None"),
    ("lesson03", "q1", 'import json\ndef parse_sse_line(line):\n    if not line.startswith("data: ") or line == "data: [DONE]":\n'
                       '        return None\n    return json.loads(line[6:])["choices"][0]["delta"]["content"]',
     "use .get()"),
    ("lesson03", "q1", 'import json\ndef parse_sse_line(line):\n    if not line.startswith("data: ") or line == "data: [DONE]":\n'
                       '        return None\n    choices = json.loads(line[6:]).get("choices") or [{}]\n'
                       '    return (choices[0].get("delta") or {}).get("content") or None',
     "without a space after the colon"),
    ("lesson03", "q1", 'import json\ndef parse_sse_line(line):\n    if not line.startswith("data:") or "[DONE]" in line:\n'
                       '        return None\n    choices = json.loads(line[5:]).get("choices") or [{}]\n'
                       '    return (choices[0].get("delta") or {}).get("content") or None',
     "mentions [DONE]"),
    # lesson 03, q2: assemble(raw)
    ("lesson03", "q2", 'import re\ndef assemble(raw):\n    text = raw.decode("latin-1")\n'
                       '    out = []\n    for line in re.split(r"\\r\\n|\\r|\\n", text):\n'
                       '        if line == "data: [DONE]":\n            break\n'
                       '        out.append(parse_sse_line(line) or "")\n    return "".join(out)', "mojibake"),
    ("lesson03", "q2", 'def assemble(raw):\n    out = []\n    for line in raw.decode("utf-8").splitlines():\n'
                       '        if line == "data: [DONE]":\n            break\n'
                       '        out.append(parse_sse_line(line) or "")\n    return "".join(out)', "U+2028"),
    ("lesson03", "q2", 'import re\ndef assemble(raw):\n    out = []\n'
                       '    for line in re.split(r"\\r\\n|\\r|\\n", raw.decode("utf-8")):\n'
                       '        out.append(parse_sse_line(line) or "")\n    return "".join(out)', "[DONE]"),
    ("lesson03", "q2", 'def assemble(raw):\n    out = []\n    for line in raw.decode("utf-8").split("\\n"):\n'
                       '        if line == "data: [DONE]":\n            break\n'
                       '        out.append(parse_sse_line(line) or "")\n    return "".join(out)', "CRLF"),
    ("lesson03", "q2", 'import re\ndef assemble(raw):\n    out = []\n'
                       '    for line in re.split(r"\\r\\n|\\r|\\n", raw.decode("utf-8")):\n'
                       '        if line == "data: [DONE]":\n            break\n'
                       '        out.append(parse_sse_line(line) or "")\n    return out', "returned list"),
    # lesson 03, q3: undo_latin1(text)
    ("lesson03", "q3", 'def undo_latin1(text):\n    return text.encode("utf-8").decode("latin-1")', "wrong way"),
    ("lesson03", "q3", 'def undo_latin1(text):\n    return text.encode("utf-8").decode("utf-8")', "unchanged"),
    ("lesson03", "q3", 'def undo_latin1(text):\n    return text.encode("latin-1")', "bytes"),
]


@pytest.mark.parametrize("lesson,q,code,fragment", WRONG, ids=mistake_ids(WRONG))
def test_typical_mistake_fails_with_a_named_problem(lesson, q, code, fragment):
    assert_named_mistake(lesson, q, code, fragment)


def test_messages_do_not_give_the_answer_away():
    """Beyond the solution's lines (checked for every mistake): the expected value itself never shows."""
    for lesson, q, code, _ in WRONG:
        message = run(lesson, q, code).message
        if (lesson, q) == ("lesson00", "q1"):
            assert "google/gemma-3-12b-it" not in message
        if (lesson, q) == ("lesson01", "q1"):
            # The checker's made-up keys must not be echoed either: a real checker never shows a key.
            assert lesson01._KEY_A not in message and lesson01._KEY_B not in message
        if (lesson, q) == ("lesson03", "q3"):
            assert "encode(\"latin-1\").decode(\"utf-8\")" not in message


def test_a_learner_function_that_mutates_its_input_cannot_spoil_later_checks():
    mutating = ('def clamp_params(params):\n    params.clear()\n    return params')
    assert run("lesson02", "q3", mutating).status == "incorrect"
    assert run("lesson02", "q3", lesson02.q3.solution_code).status == "correct"
    mutating = 'def spent_usd(data):\n    return data.pop("meta")["usage"]["usd_spent"]'
    assert run("lesson01", "q3", mutating).status == "incorrect"
    assert run("lesson01", "q3", lesson01.q3.solution_code).status == "correct"
