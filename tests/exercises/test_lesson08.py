"""Lesson 08's exercises (cost and usage): their typical wrong answers and special cases.

Each wrong answer fails with a message that names the problem (tests/support/exercises.py runs it
as a notebook cell would). What every exercise must do (its solution passes, its starters are not
an attempt, the notebook holds its cells) is written once, in LessonExercises, and runs here for
this lesson.
"""
from __future__ import annotations

from helpers.exercises import lesson08
from support.hints import assert_hints_keep_the_solution
from support.exercises import LessonExercises

# (exercise, learner code, a fragment the failure message must contain)
WRONG = [
    # q1: cost_of(response)
    ("q1", '''
def cost_of(response):
    return response.json()["meta"]["usage"]["usd_spent"]
''', "raised KeyError"),
    ("q1", '''
def cost_of(response):
    usage = (response.json().get("meta") or {}).get("usage") or {}
    return usage.get("usd_spent")
''', "returned None, but the headers carried the cost"),
    ("q1", '''
def cost_of(response):
    usage = (response.json().get("meta") or {}).get("usage") or {}
    return usage.get("usd_spent") or response.headers.get("x-aimlapi-usd-spent")
''', "returned the text '0.000042'"),
    ("q1", '''
def cost_of(response):
    usage = (response.json().get("meta") or {}).get("usage") or {}
    return usage.get("usd_spent") or float(response.headers.get("x-aimlapi-usd-spent", 0))
''', "zero would claim the call was free"),
    ("q1", '''
def cost_of(response):
    usage = (response.json().get("meta") or {}).get("usage") or {}
    return usage.get("credits_used")
''', "not the dollars"),
    ("q1", "cost_of = 0.0001", "should be a function"),
    ("q1", "def cost_of(response):\n    return response['meta']['usage']['usd_spent']",
     "response.json() gives the body as a dict"),
    # q2: make_request_id(learner, call_number)
    ("q2", '''
import re

def make_request_id(learner, call_number):
    return f"{learner}-{call_number}"
''', "holds ' ', 'í', 'ó', which the API does not accept: the API would silently drop it"),
    ("q2", '''
import re

def make_request_id(learner, call_number):
    return re.sub(r"[^A-Za-z0-9._:-]", "-", learner) + "-" + str(call_number)
''', "is 202 characters long (the API keeps at most 128)"),
    ("q2", '''
import re

def make_request_id(learner, call_number):
    return "workshop-" + (re.sub(r"[^A-Za-z0-9._:-]", "-", learner)[:40] or "x")
''', "does not contain the call number"),
    ("q2", '''
import re

def make_request_id(learner, call_number):
    return f"call-{call_number}"
''', "keep the learner's name in it"),
    ("q2", '''
def make_request_id(learner, call_number):
    return re.sub(r"[^A-Za-z0-9._:-]", "-", learner)[:40] + "-" + str(call_number)
''', "raised NameError: name 're' is not defined. Import it in your cell first (import re)"),
    # q3: estimate_workshop(tally, learners, calls_each)
    ("q3", '''
def estimate_workshop(tally, learners, calls_each):
    calls = learners * calls_each
    return {"calls": calls, "tokens": tally.total_tokens * calls, "usd": tally.total_usd * calls}
''', "grows with how many calls you measured"),
    ("q3", '''
def estimate_workshop(tally, learners, calls_each):
    calls = learners * calls_each
    return {"calls": calls, "tokens": tally.total_tokens / tally.calls * calls,
            "usd": tally.total_usd / tally.calls * calls}
''', "was counted as free"),
    ("q3", '''
def estimate_workshop(tally, learners, calls_each):
    calls = learners * calls_each
    return {"calls": calls, "tokens": (tally.average_tokens_per_call or 0) * calls,
            "usd": (tally.average_usd_per_call or 0) * calls}
''', "return None for it rather than a number"),
    ("q3", '''
def estimate_workshop(tally, learners, calls_each):
    return {"calls": learners + calls_each, "tokens": 0, "usd": 0}
''', "'calls' is 50"),
    ("q3", '''
def estimate_workshop(tally, learners, calls_each):
    return {"calls": learners * calls_each, "tokens": tally["tokens"], "usd": tally["usd"]}
''', "`tally` is a CostTally, not a dict"),
    ("q3", '''
def estimate_workshop(tally, learners, calls_each):
    calls = learners * calls_each
    return {"calls": calls, "tokens": tally.average_tokens_per_call * calls, "usd": tally.average_usd_per_call * calls}
''', "keep None as None"),
]


class TestLesson08(LessonExercises):
    module = lesson08
    mistakes = WRONG

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_keep_the_solution(self.lesson, q)
