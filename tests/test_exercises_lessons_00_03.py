"""The exercises of lessons 00 to 03: every solution passes, typical mistakes fail with a
message that names the problem, and an untouched starter is "not attempted".

Each piece of learner code is executed in a fresh namespace holding what the notebook
provides at that point (``helpers``, and for lesson 03's second exercise the first
exercise's ``parse_sse_line``), exactly as a notebook cell would run it.
"""
from __future__ import annotations

import importlib
import json
import textwrap
from pathlib import Path

import pytest

import helpers
from helpers.exercises import ____, Exercise
from helpers.exercises import lesson00, lesson01, lesson02, lesson03

LESSONS = {"lesson00": lesson00, "lesson01": lesson01, "lesson02": lesson02, "lesson03": lesson03}
ALL = [(name, q) for name, module in LESSONS.items() for q in ("q1", "q2", "q3")]


def notebook_names(lesson: str, q: str) -> dict:
    """The names a lesson's notebook has defined when the learner reaches exercise ``q``."""
    names = {"helpers": helpers, "____": ____}
    if lesson == "lesson03" and q == "q2":
        exec(lesson03.q1.solution_code, names)  # the learner's parse_sse_line from q1
    return names


def run(lesson: str, q: str, code: str):
    """Execute learner code like a notebook cell, then judge the exercise's variables."""
    exercise: Exercise = getattr(LESSONS[lesson], q)
    names = notebook_names(lesson, q)
    exec(textwrap.dedent(code), names)
    return exercise.judge(**{v: names[v] for v in exercise.variables if v in names})


# --- every exercise: solution correct, starter not attempted ---------------------------

@pytest.mark.parametrize("lesson,q", ALL)
def test_solution_is_correct(lesson, q):
    exercise = getattr(LESSONS[lesson], q)
    outcome = run(lesson, q, exercise.solution_code)
    assert outcome.status == "correct", outcome.message


@pytest.mark.parametrize("lesson,q", ALL)
def test_untouched_starter_is_not_attempted(lesson, q):
    exercise = getattr(LESSONS[lesson], q)
    starter = "\n".join(f"{v} = ____" for v in exercise.variables)
    outcome = run(lesson, q, starter)
    assert outcome.status == "not attempted"
    assert all(f"`{v}`" in outcome.message for v in exercise.variables)


@pytest.mark.parametrize("lesson,q", ALL)
def test_function_starter_is_not_attempted_either(lesson, q):
    """A starter may define the function with ``____`` in its body; that is not an attempt yet."""
    exercise = getattr(LESSONS[lesson], q)
    starter = "\n".join(f"def {v}(*args):\n    return ____" for v in exercise.variables)
    assert run(lesson, q, starter).status == "not attempted"


def notebook_cells(lesson: str) -> list[dict]:
    number = lesson[-2:]
    (path,) = (Path(__file__).resolve().parent.parent / "notebooks").glob(f"{number}_*.ipynb")
    return json.loads(path.read_text())["cells"]


@pytest.mark.parametrize("lesson,q", ALL)
def test_the_notebook_starter_is_not_attempted_and_the_cells_are_in_place(lesson, q):
    """The starter cell as committed in the lesson, run as is, is judged "not attempted"."""
    cells = notebook_cells(lesson)
    sources = ["".join(c["source"]).strip() for c in cells]
    assert f"from helpers.exercises.{lesson} import" in "\n".join(sources)
    check = sources.index(f"{q}.check()")
    assert cells[check - 1]["cell_type"] == "code" and "____" in sources[check - 1]
    assert sources[check + 1] == f"#{q}.hint()\n#{q}.solution()"
    assert cells[check - 2]["cell_type"] == "markdown", "a Markdown cell states the task"
    assert run(lesson, q, sources[check - 1]).status == "not attempted"


@pytest.mark.parametrize("lesson,q", ALL)
def test_exercise_has_prompt_hints_and_solution(lesson, q):
    exercise = getattr(LESSONS[lesson], q)
    assert exercise.prompt and exercise.solution_code.strip()
    assert len(exercise.hints) >= 2


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
    ("lesson01", "q2", 'def extract_answer(data):\n    print(data["choices"][0]["message"]["content"])', "printing it"),
    ("lesson01", "q2", 'def extract_answer(data):\n    return data["meta"] and data["choices"][0]["message"]["content"]',
     "without `meta`"),
    # lesson 01, q3: spent_usd(data)
    ("lesson01", "q3", 'def spent_usd(data):\n    return data["meta"]["usage"]["usd_spent"]', ".get"),
    ("lesson01", "q3", 'def spent_usd(data):\n    return data.get("meta", {}).get("usage", {}).get("usd_spent")', "null"),
    ("lesson01", "q3", 'def spent_usd(data):\n    return ((data.get("meta") or {}).get("usage") or {}).get("usd_spent", 0)',
     "Zero would claim"),
    ("lesson01", "q3", 'def spent_usd(data):\n    return ((data.get("meta") or {}).get("usage") or {}).get("credits_used")',
     "credits"),
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
    ("lesson02", "q2", 'repeatable = {"temperature": 0}', "Which parameter"),
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


@pytest.mark.parametrize("lesson,q,code,fragment", WRONG, ids=[f"{w[0]}-{w[1]}-{i}" for i, w in enumerate(WRONG)])
def test_typical_mistake_fails_with_a_named_problem(lesson, q, code, fragment):
    outcome = run(lesson, q, code)
    assert outcome.status == "incorrect"
    assert fragment in outcome.message, outcome.message


def test_every_exercise_has_a_tested_mistake():
    covered = {(w[0], w[1]) for w in WRONG}
    assert covered == set(ALL)


def test_messages_do_not_give_the_answer_away():
    """A failure may name the problem, never print the expected value itself."""
    for lesson, q, code, _ in WRONG:
        message = run(lesson, q, code).message
        if (lesson, q) == ("lesson00", "q1"):
            assert "google/gemma-3-12b-it" not in message
        if (lesson, q) == ("lesson01", "q1"):
            # The checker's made-up keys must not be echoed either: a real checker never shows a key.
            assert lesson01._KEY_A not in message and lesson01._KEY_B not in message
        if (lesson, q) == ("lesson03", "q3"):
            assert "encode(\"latin-1\").decode(\"utf-8\")" not in message


def test_check_reads_the_notebook_variables_and_records_the_verdict(capsys):
    """What a notebook cell does: assign a variable, then call q1.check() with no arguments."""
    exercise = importlib.import_module("helpers.exercises.lesson00").q1
    model_id = "google/gemma-3-4b-it"  # noqa: F841 (read by check() from this frame)
    exercise.check()
    assert exercise.last_outcome.status == "incorrect"
    model_id = "google/gemma-3-12b-it"  # noqa: F841
    exercise.check()
    assert exercise.last_outcome.status == "correct"
    assert "Warm-up: correct" in capsys.readouterr().out


def test_hints_come_one_at_a_time(capsys):
    exercise = Exercise(**{**{k: getattr(lesson02.q3, k) for k in
                              ("name", "prompt", "variables", "checker", "hints", "solution_code")}})
    exercise.hint()
    exercise.hint()
    out = capsys.readouterr().out
    assert "Hint 1:" in out and "Hint 2:" in out and "hint 3 of 3" in out  # the second says a third exists


def test_a_learner_function_that_mutates_its_input_cannot_spoil_later_checks():
    mutating = ('def clamp_params(params):\n    params.clear()\n    return params')
    assert run("lesson02", "q3", mutating).status == "incorrect"
    assert run("lesson02", "q3", lesson02.q3.solution_code).status == "correct"
    mutating = 'def spent_usd(data):\n    return data.pop("meta")["usage"]["usd_spent"]'
    assert run("lesson01", "q3", mutating).status == "incorrect"
    assert run("lesson01", "q3", lesson01.q3.solution_code).status == "correct"
