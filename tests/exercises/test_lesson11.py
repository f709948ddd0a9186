"""Lesson 11's exercises (the playground): their typical wrong answers and special cases.

Each wrong answer fails with a message that names the problem (tests/support/exercises.py runs it
as a notebook cell would). What every exercise must do (its solution passes, its starters are not
an attempt, the notebook holds its cells) is written once, in LessonExercises, and runs here for
this lesson.

Both checks send the learner's settings to a practice server over loopback HTTP.
"""
from __future__ import annotations

from helpers.exercises import lesson11
from support.hints import assert_hints_keep_the_solution
from support.exercises import LessonExercises, run

SF = '"messages": [{"role": "user", "content": "Tell me about San Francisco"}]'

# (exercise, learner code, a fragment the failure message must contain)
WRONG = [
    # q1: a request whose 4B answer has at most 20 tokens
    ("q1", 'short_request = {"max_tokens": 20}', "no 'model'"),
    ("q1", f'short_request = {{"model": "google/gemma-3-12b-it", {SF}, "max_tokens": 20}}', "the 4B"),
    ("q1", f'short_request = {{"model": "google/gemma-3-4b-it", {SF}}}', "caps the tokens"),
    ("q1", f'short_request = {{"model": "google/gemma-3-4b-it", {SF}, "stop": "."}}', "caps the tokens"),
    ("q1", f'short_request = {{"model": "google/gemma-3-4b-it", {SF}, "max_tokens": 200}}',
     "run to 200 tokens"),
    ("q1", f'short_request = {{"model": "google/gemma-3-4b-it", {SF}, "max_tokens": 0}}', "max_tokens"),
    ("q1", f'short_request = {{"model": "google/gemma-3-4b-it", {SF}, "max_token": 20}}', "max_token"),
    ("q1", 'short_request = "max_tokens=20"', "request body"),
    # q2: a hot temperature that still gives one answer
    ("q2", 'one_answer = {"temperature": 0, "max_tokens": 40}', "1.5 or more"),
    ("q2", 'one_answer = {"top_p": 0.01}', "1.5 or more"),
    ("q2", 'one_answer = {"temperature": 1.5, "seed": 7}', "leave the seed out"),
    ("q2", 'one_answer = {"temperature": 1.5, "max_tokens": 40}', "different answers"),
    ("q2", 'one_answer = {"temperature": 1.5, "top_p": 0}', "too small"),
    ("q2", 'one_answer = {"temperature": 1.5, "top_p": 0.01, "model": "google/gemma-3-4b-it"}',
     "keep only the settings"),
    ("q2", 'one_answer = [("temperature", 1.5)]', "dict of settings"),
    # q3: the history a chat sends on its second turn
    ("q3", 'history = [{"role": "user", "content": "What is my name?"}]', "roles ['user']"),
    ("q3", 'history = [{"role": "user", "content": "My name is Ola."}, '
           '{"role": "user", "content": "What is my name?"}]', "the answer it got"),
    ("q3", 'history = [{"role": "user", "content": "My name is Ola."}, {"role": "assistant", '
           '"content": "Hi!"}, {"role": "user", "content": "Tell me about San Francisco"}]', "question"),
    ("q3", 'history = [{"role": "system", "content": "My name is Ola."}, {"role": "assistant", '
           '"content": "Hi!"}, {"role": "user", "content": "What is my name?"}]', "system"),
    ("q3", 'history = [{"role": "user", "content": "Hello."}, {"role": "assistant", '
           '"content": "Hi!"}, {"role": "user", "content": "What is my name?"}]', "first message"),
    ("q3", 'history = "My name is Ola. What is my name?"', "list of messages"),
]


class TestLesson11(LessonExercises):
    module = lesson11
    mistakes = WRONG

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_keep_the_solution(self.lesson, q)

    def test_the_playground_s_own_settings_pass_when_they_cap_the_answer(self):
        """What a learner copies from Show code (a body with temperature, top_p and max_tokens) is judged as sent."""
        body = (f'short_request = {{"model": "google/gemma-3-4b-it", {SF}, "temperature": 0.7, "top_p": 1.0, '
                '"max_tokens": 12}')
        outcome = run(self.lesson, "q1", body)
        assert outcome.status == "correct", outcome.message
        assert "tokens" in outcome.message
