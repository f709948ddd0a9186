"""Lesson 01's exercises (copy the page's example): their typical wrong answers and special cases.

Each wrong answer fails with a message that names the problem (tests/support/exercises.py runs it
as a notebook cell would). What every exercise must do (its solution passes, its starters are not
an attempt, the notebook holds its cells) is written once, in LessonExercises, and runs here for
this lesson.
"""
from __future__ import annotations

from helpers.exercises import lesson01
from support.exercises import LessonExercises, assert_hints_hide_the_solution, run

# (exercise, learner code, a fragment the failure message must contain)
WRONG = [
    # q1: make_headers(api_key)
    ("q1", 'def make_headers(api_key):\n    return {"Content-Type": "application/json",'
           ' "Authorization": "Bearer <YOUR_AIMLAPI_KEY>"}', "placeholder"),
    ("q1", 'def make_headers(api_key):\n    return {"Content-Type": "application/json",'
           ' "Authorization": "Bearer {api_key}"}', "forget the f"),
    ("q1", 'def make_headers(api_key):\n    return {"Content-Type": "application/json",'
           ' "Authorization": api_key}', "scheme word"),
    ("q1", 'def make_headers(api_key):\n    return {"Content-Type": "application/json",'
           ' "Authorization": "Bearer" + api_key}', "one space"),
    ("q1", 'def make_headers(api_key):\n    return {"Content-Type": "application/json",'
           ' "Authorization": f"bearer {api_key}"}', "capital B"),
    ("q1", 'def make_headers(api_key):\n    return {"Authorization": f"Bearer {api_key}"}', "Content-Type"),
    ("q1", 'def make_headers(api_key):\n    return {"Content-Type": "text/plain",'
           ' "Authorization": f"Bearer {api_key}"}', "application/json"),
    ("q1", 'KEY = "some-other-key-000000000000"\ndef make_headers(api_key):\n'
           '    return {"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"}',
     "Use the argument"),
    ("q1", 'def make_headers(api_key):\n    return [("Authorization", f"Bearer {api_key}")]', "dict"),
    # q2: extract_answer(data)
    ("q2", 'def extract_answer(data):\n    return data["choices"]["message"]["content"]', "[0]"),
    ("q2", 'def extract_answer(data):\n    return data["choices"][0]["message"]', "one level"),
    ("q2", 'def extract_answer(data):\n    return data["choices"]', "list"),
    ("q2", 'def extract_answer(data):\n    return data', "the whole answer"),
    ("q2", 'def extract_answer(data):\n    print(data["choices"][0]["message"]["content"])', "printing it"),
    ("q2", 'def extract_answer(data):\n    return data["meta"] and data["choices"][0]["message"]["content"]',
     "has no `meta`"),
    ("q2", 'def extract_answer(data):\n    return data["choices"][0]["message"]["content"][:200]',
     "documented sample"),
    # q3: spent_usd(data)
    ("q3", 'def spent_usd(data):\n    return data["meta"]["usage"]["usd_spent"]', ".get"),
    ("q3", 'def spent_usd(data):\n    return data.get("meta", {}).get("usage", {}).get("usd_spent")', "null"),
    ("q3", 'def spent_usd(data):\n    return ((data.get("meta") or {}).get("usage") or {}).get("usd_spent", 0)',
     "zero would claim the call was free"),
    ("q3", 'def spent_usd(data):\n    return ((data.get("meta") or {}).get("usage") or {}).get("credits_used")',
     "credits"),
    ("q3", 'def spent_usd(data):\n    bill = ((data.get("meta") or {}).get("usage") or {}).get("usd_spent")\n'
           '    return bill if bill is not None else (data.get("usage") or {}).get("cost")', "usage.cost"),
]


class TestLesson01(LessonExercises):
    module = lesson01
    mistakes = WRONG

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_hide_the_solution(self.lesson, q)

    def test_messages_never_show_the_checker_s_made_up_keys(self):
        """A real checker never shows a key, so the made-up ones it passes to make_headers never show either."""
        for q, code, _ in self.mistakes:
            message = run(self.lesson, q, code).message
            assert lesson01._KEY_A not in message and lesson01._KEY_B not in message

    def test_a_learner_function_that_mutates_its_input_cannot_spoil_later_checks(self):
        mutating = 'def spent_usd(data):\n    return data.pop("meta")["usage"]["usd_spent"]'
        assert run(self.lesson, "q3", mutating).status == "incorrect"
        assert run(self.lesson, "q3", lesson01.q3.solution_code).status == "correct"
