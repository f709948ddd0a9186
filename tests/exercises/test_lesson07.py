"""Lesson 07's exercises (errors and retries): their typical wrong answers and special cases.

Each wrong answer fails with a message that names the problem (tests/support/exercises.py runs it
as a notebook cell would). What every exercise must do (its solution passes, its starters are not
an attempt, the notebook holds its cells) is written once, in LessonExercises, and runs here for
this lesson.

Its checks call practice servers over loopback HTTP.
"""
from __future__ import annotations

import pytest

import helpers
from helpers.exercises import lesson07
from support.hints import assert_hints_keep_the_solution
from support.exercises import LessonExercises

# (exercise, learner code, a fragment the failure message must contain)
WRONG = [
    # q1: safe_chat
    ("q1", "def safe_chat(prompt):\n    return helpers.chat(prompt).text",
     "let an exception escape (InternalServerError)"),
    ("q1", '''
def safe_chat(prompt):
    try:
        return helpers.chat(prompt).text
    except Exception:
        return None
''', "Catch helpers.APIError only"),
    ("q1", '''
def safe_chat(prompt):
    try:
        return helpers.chat(prompt).text
    except helpers.APIStatusError:
        return None
''', "let an exception escape (APIConnectionError)"),
    ("q1", '''
def safe_chat(prompt):
    try:
        return helpers.chat(prompt).text
    except (helpers.APIStatusError, helpers.APITimeoutError):
        return None
''', "nothing listens"),
    ("q1", '''
def safe_chat(prompt):
    try:
        return helpers.chat(prompt).text
    except helpers.APIError as e:
        return f"Sorry: {e.message}"
''', "instead of None"),
    ("q1", '''
def safe_chat(prompt):
    try:
        return helpers.chat(prompt)
    except helpers.APIError:
        return None
''', "returned ChatResult"),
    # q2: what_to_do
    ("q2", '''
def what_to_do(error):
    if isinstance(error, (helpers.BadRequestError, helpers.NotFoundError,
                          helpers.UnprocessableEntityError, helpers.RequestValidationError)):
        return "fix the request"
    if isinstance(error, helpers.AuthenticationError):
        return "check the key"
    if isinstance(error, helpers.PermissionDeniedError):
        return "top up"
    if isinstance(error, helpers.APIConnectionError):
        return "check the network"
    if isinstance(error, (helpers.RateLimitError, helpers.InternalServerError, helpers.APITimeoutError)):
        return "retry later"
    return "read the message"
''', "test the more specific class"),
    ("q2", '''
def what_to_do(error):
    if isinstance(error, helpers.APIStatusError):
        return "read the message"
    if isinstance(error, helpers.RequestValidationError):
        return "fix the request"
    if isinstance(error, helpers.APITimeoutError):
        return "retry later"
    return "check the network"
''', "fell through to the catch-all"),
    ("q2", '''
def what_to_do(error):
    if isinstance(error, (helpers.BadRequestError, helpers.NotFoundError,
                          helpers.UnprocessableEntityError, helpers.RequestValidationError)):
        return "fix the request"
    if isinstance(error, helpers.AuthenticationError):
        return "check the key"
    if isinstance(error, (helpers.PermissionDeniedError, helpers.RateLimitError,
                          helpers.InternalServerError, helpers.APITimeoutError)):
        return "retry later"
    if isinstance(error, helpers.APIConnectionError):
        return "check the network"
    return "read the message"
''', "PermissionDeniedError (403), `what_to_do` said 'retry later'"),
    ("q2", "def what_to_do(error):\n    return 'Fix the request!'", "one of the six phrases exactly"),
    ("q2", lesson07.q2.solution_code.replace('return "read the message"', 'return "retry later"'),
     "no class of its own"),
    ("q2", lesson07.q2.solution_code.replace(
        '    if isinstance(error, helpers.APIStatusError) and error.status_code in (408, 409):\n'
        '        return "retry later"\n', ''), "status 408 (Request Timeout) you said 'read the message'"),
    # q3: backoff_schedule
    ("q3", "def backoff_schedule(retries):\n    return [0.5 * 2 ** i for i in range(retries)]", "A wait of 16"),
    ("q3", "def backoff_schedule(retries):\n    return [min(2 ** i, 8) for i in range(retries)]",
     "starts at half a second"),
    ("q3", "def backoff_schedule(retries):\n    return [min(0.5 * (i + 1), 8) for i in range(retries)]", "double"),
    ("q3", "def backoff_schedule(retries):\n    return [min(0.5 * 2 ** i, 8) for i in range(retries + 1)]",
     "gave 4 waits"),
    ("q3", "def backoff_schedule(retries):\n    print([min(0.5 * 2 ** i, 8) for i in range(retries)])",
     "returned None"),
]


class TestLesson07(LessonExercises):
    module = lesson07
    mistakes = WRONG

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_keep_the_solution(self.lesson, q)

    def test_refused_base_url_really_refuses(self):
        client = helpers.Client(api_key="not-a-real-key", base_url=lesson07.refused_base_url(), max_retries=0,
                                timeout=5)
        with pytest.raises(helpers.APIConnectionError) as info:
            client.chat("Hi")
        assert not isinstance(info.value, helpers.APITimeoutError)
