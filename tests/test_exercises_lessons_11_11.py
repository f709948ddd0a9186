"""The typical wrong answers of the exercises of lesson 11 (the playground).

Each wrong answer fails with a message that names the problem (tests/exercise_support.py runs
it as a notebook cell would); what every exercise must do is in tests/test_exercises.py.
Both checks send the learner's settings to a practice server over loopback HTTP.
"""
from __future__ import annotations

import pytest

from support.exercises import assert_named_mistake, fresh_default_client, mistake_ids, run

pytestmark = pytest.mark.usefixtures(fresh_default_client.__name__)

SF = '"messages": [{"role": "user", "content": "Tell me about San Francisco"}]'

WRONG = [
    # ---- lesson 11 q1: a request whose 4B answer has at most 20 tokens
    ("lesson11", "q1", 'short_request = {"max_tokens": 20}', "no 'model'"),
    ("lesson11", "q1", f'short_request = {{"model": "google/gemma-3-12b-it", {SF}, "max_tokens": 20}}', "the 4B"),
    ("lesson11", "q1", f'short_request = {{"model": "google/gemma-3-4b-it", {SF}}}', "caps the tokens"),
    ("lesson11", "q1", f'short_request = {{"model": "google/gemma-3-4b-it", {SF}, "stop": "."}}', "caps the tokens"),
    ("lesson11", "q1", f'short_request = {{"model": "google/gemma-3-4b-it", {SF}, "max_tokens": 200}}',
     "run to 200 tokens"),
    ("lesson11", "q1", f'short_request = {{"model": "google/gemma-3-4b-it", {SF}, "max_tokens": 0}}', "max_tokens"),
    ("lesson11", "q1", f'short_request = {{"model": "google/gemma-3-4b-it", {SF}, "max_token": 20}}', "max_token"),
    ("lesson11", "q1", 'short_request = "max_tokens=20"', "request body"),
    # ---- lesson 11 q2: a hot temperature that still gives one answer
    ("lesson11", "q2", 'one_answer = {"temperature": 0, "max_tokens": 40}', "1.5 or more"),
    ("lesson11", "q2", 'one_answer = {"top_p": 0.01}', "1.5 or more"),
    ("lesson11", "q2", 'one_answer = {"temperature": 1.5, "seed": 7}', "leave the seed out"),
    ("lesson11", "q2", 'one_answer = {"temperature": 1.5, "max_tokens": 40}', "different answers"),
    ("lesson11", "q2", 'one_answer = {"temperature": 1.5, "top_p": 0}', "too small"),
    ("lesson11", "q2", 'one_answer = {"temperature": 1.5, "top_p": 0.01, "model": "google/gemma-3-4b-it"}',
     "keep only the settings"),
    ("lesson11", "q2", 'one_answer = [("temperature", 1.5)]', "dict of settings"),
    # ---- lesson 11 q3: the history a chat sends on its second turn
    ("lesson11", "q3", 'history = [{"role": "user", "content": "What is my name?"}]', "roles ['user']"),
    ("lesson11", "q3", 'history = [{"role": "user", "content": "My name is Ola."}, '
                       '{"role": "user", "content": "What is my name?"}]', "the answer it got"),
    ("lesson11", "q3", 'history = [{"role": "user", "content": "My name is Ola."}, {"role": "assistant", '
                       '"content": "Hi!"}, {"role": "user", "content": "Tell me about San Francisco"}]', "question"),
    ("lesson11", "q3", 'history = [{"role": "system", "content": "My name is Ola."}, {"role": "assistant", '
                       '"content": "Hi!"}, {"role": "user", "content": "What is my name?"}]', "system"),
    ("lesson11", "q3", 'history = [{"role": "user", "content": "Hello."}, {"role": "assistant", '
                       '"content": "Hi!"}, {"role": "user", "content": "What is my name?"}]', "first message"),
    ("lesson11", "q3", 'history = "My name is Ola. What is my name?"', "list of messages"),
]


@pytest.mark.parametrize("lesson,q,code,fragment", WRONG, ids=mistake_ids(WRONG))
def test_typical_mistake_is_named(lesson, q, code, fragment):
    assert_named_mistake(lesson, q, code, fragment)


def test_the_playground_s_own_settings_pass_when_they_cap_the_answer():
    """What a learner copies from Show code (a body with temperature, top_p and max_tokens) is judged as sent."""
    body = (f'short_request = {{"model": "google/gemma-3-4b-it", {SF}, "temperature": 0.7, "top_p": 1.0, '
            '"max_tokens": 12}')
    outcome = run("lesson11", "q1", body)
    assert outcome.status == "correct", outcome.message
    assert "tokens" in outcome.message
