"""Lesson 02's exercises (modify it): their typical wrong answers and special cases.

Each wrong answer fails with a message that names the problem (tests/support/exercises.py runs it
as a notebook cell would). What every exercise must do (its solution passes, its starters are not
an attempt, the notebook holds its cells) is written once, in LessonExercises, and runs here for
this lesson.
"""
from __future__ import annotations

from helpers.exercises import lesson02
from support.exercises import LessonExercises, assert_hints_hide_the_solution, run

# (exercise, learner code, a fragment the failure message must contain)
WRONG = [
    # q1: the body
    ("q1", 'body = {"model": "google/gemma-3-4b-it", "messages": [{"role": "user", "content": '
           '"Write a haiku about fog."}], "temperature": 0.2, "max_tokens": 60, "seed": 7}', "body['model']"),
    ("q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
           '"Write a haiku about fog."}], "temperature": "0.2", "max_tokens": 60, "seed": 7}',
     "body['temperature']"),
    ("q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "system", "content": '
           '"Write a haiku about fog."}], "temperature": 0.2, "max_tokens": 60, "seed": 7}', "system"),
    ("q1", 'body = {"model": "google/gemma-3-12b-it", "messages": {"role": "user", "content": '
           '"Write a haiku about fog."}, "temperature": 0.2, "max_tokens": 60, "seed": 7}', "body['messages']"),
    ("q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
           '"Write a haiku about fog."}], "temperature": 0.2, "max_tokens": 60}', "'seed'"),
    ("q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
           '"Write a haiku about fog."}], "temperature": 0.2, "max_tokens": 60, "seed": 7.0}', "integer"),
    ("q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
           '"Write a haiku about fog."}], "temperature": 2.2, "max_tokens": 60, "seed": 7}', "too large"),
    ("q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
           '"Write a haiku about fog."}], "temperature": 0.7, "max_tokens": 60, "seed": 7}',
     "body['temperature'] is 0.7"),
    ("q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
           '"Write a haiku about fog."}], "temperature": 0.2, "max_tokens": 60, "seed": 7, "top_p": 0.9}',
     "'top_p'"),
    ("q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
           '"Write a haiku about fog."}], "temperature": 0.2, "max_token": 60, "seed": 7}',
     "Did you mean 'max_tokens'?"),
    ("q1", 'body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
           '"Tell me about San Francisco"}], "temperature": 0.2, "max_tokens": 60, "seed": 7}', "content"),
    # q2: repeatable parameters
    ("q2", "repeatable = {}", "Which parameter"),
    ("q2", 'repeatable = {"temperature": 0}', "no longer a random draw"),
    ("q2", 'repeatable = {"temperature": 0.9, "top_k": 1, "seed": 3}', "top_k 1"),
    ("q2", 'repeatable = {"seed": 42}', "keeps it at 0.9"),
    ("q2", 'repeatable = {"seed": 42, "temperature": 0.2}', "drawn at random"),
    ("q2", 'repeatable = {"seed": 0}', "too small"),
    ("q2", 'repeatable = {"seed": "42"}', "must be a number"),
    ("q2", 'repeatable = {"seed": 4.5}', "whole number"),
    ("q2", 'repeatable = {"sed": 42}', "not a parameter"),
    ("q2", 'repeatable = {"seed": 42, "model": "google/gemma-3-4b-it"}', "optional parameters"),
    ("q2", 'repeatable = [("seed", 42)]', "dict"),
    ("q2", 'repeatable = {"temperature": 0.9, "seed": 42}', "ends an answer at a string"),
    ("q2", 'repeatable = {"temperature": 0.9, "seed": 42, "max_tokens": 20}', "A token limit"),
    ("q2", 'repeatable = {"temperature": 0.9, "seed": 42, "stop": "\\n"}', "stop is"),
    ("q2", 'repeatable = {"temperature": 0.9, "seed": 42, "stop": ".", "max_tokens": 3}', "did not end at its first"),
    ("q2", 'repeatable = {"temperature": 0.9, "stop": "."}', "Which parameter"),
    # q3: clamp_params(params)
    ("q3", 'def clamp_params(params):\n    return {k: min(max(v, helpers.PARAMS[k].minimum), '
           'helpers.PARAMS[k].maximum) for k, v in params.items()}', "raised TypeError"),
    ("q3", 'def clamp_params(params):\n    for k, v in params.items():\n        if k == "temperature":\n'
           '            params[k] = min(v, 2)\n    return params', "changed the dict"),
    ("q3", 'def clamp_params(params):\n    out = {}\n    for k, v in params.items():\n'
           '        spec = helpers.PARAMS[k]\n'
           '        if isinstance(v, (int, float)) and spec.maximum is not None:\n'
           '            v = min(v, spec.maximum)\n        out[k] = v\n    return out', "top_p=0"),
    ("q3", "def clamp_params(params):\n    return {k: v for k, v in params.items() if k != 'temperature'}",
     "keep every parameter"),
]


class TestLesson02(LessonExercises):
    module = lesson02
    mistakes = WRONG

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_hide_the_solution(self.lesson, q)

    def test_a_learner_function_that_mutates_its_input_cannot_spoil_later_checks(self):
        mutating = 'def clamp_params(params):\n    params.clear()\n    return params'
        assert run(self.lesson, "q3", mutating).status == "incorrect"
        assert run(self.lesson, "q3", lesson02.q3.solution_code).status == "correct"
