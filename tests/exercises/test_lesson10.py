"""Lesson 10's exercises (the OpenAI SDK): their typical wrong answers and special cases.

Each wrong answer fails with a message that names the problem (tests/support/exercises.py runs it
as a notebook cell would). What every exercise must do (its solution passes, its starters are not
an attempt, the notebook holds its cells) is written once, in LessonExercises, and runs here for
this lesson.

Its checks call practice servers over loopback HTTP.
"""
from __future__ import annotations

from helpers.exercises import lesson10
from support.hints import assert_hints_keep_the_solution
from support.exercises import LessonExercises, run

# (exercise, learner code, a fragment the failure message must contain)
WRONG = [
    # q1: quick = OpenAI(...)
    ("q1", '''
conn = helpers.connection()
quick = OpenAI(api_key=conn.api_key, timeout=openai.Timeout(5, connect=2), max_retries=0)
''', "points at api.openai.com"),
    ("q1", '''
conn = helpers.connection()
quick = OpenAI(base_url=conn.base_url, api_key=conn.api_key)
''', "keeps the SDK's default timeout: 600 s of silence"),
    ("q1", '''
conn = helpers.connection()
quick = OpenAI(base_url=conn.base_url, api_key=conn.api_key, timeout=10)
''', "A single number sets all four timeouts to it, so `quick` waits up to 10 s to connect"),
    # the second edition's solution, said to bound the worst case at 10 s: it bounds no such thing
    ("q1", '''
conn = helpers.connection()
quick = OpenAI(base_url=conn.base_url, api_key=conn.api_key, timeout=5.0, max_retries=1)
''', "A single number sets all four timeouts"),
    ("q1", '''
conn = helpers.connection()
quick = OpenAI(base_url=conn.base_url, api_key=conn.api_key, timeout=openai.Timeout(5.0, connect=2.0), max_retries=1)
''', "each attempt gets all four limits afresh"),
    ("q1", '''
conn = helpers.connection()
quick = OpenAI(base_url=conn.base_url, api_key=conn.api_key, timeout=openai.Timeout(None, connect=2.0, read=5.0),
               max_retries=0)
''', "no write timeout"),
    ("q1", '''
conn = helpers.connection()
quick = OpenAI(base_url=conn.base_url, api_key=conn.api_key, timeout=openai.Timeout(30.0, connect=2.0),
               max_retries=0)
''', "read timeout is 30 s"),
    ("q1", '''
conn = helpers.connection()
quick = OpenAI(base_url=conn.base_url, api_key="my-key-123", timeout=openai.Timeout(5, connect=2), max_retries=0)
''', "holds another key"),
    ("q1", '''
quick = OpenAI(base_url="http://localhost:9/v1", api_key=helpers.connection().api_key, timeout=2, max_retries=0)
''', "not at the base URL this notebook uses"),
    ("q1", "quick = OpenAI", "the class OpenAI itself"),
    # q2: ask(client, prompt)
    ("q2", '''
def ask(client, prompt):
    return client.chat.completions.create(model=helpers.SMALL_MODEL,
                                          messages=[{"role": "user", "content": prompt}])
''', "returned a ChatCompletion; return the text only"),
    ("q2", '''
def ask(client, prompt):
    c = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    return c.choices[0].message.content
''', "raised BadRequestError"),
    ("q2", '''
def ask(client, prompt):
    c = client.chat.completions.create(model=helpers.LARGE_MODEL, messages=[{"role": "user", "content": prompt}])
    return c.choices[0].message.content
''', "the task is about 'google/gemma-3-4b-it'"),
    ("q2", '''
def ask(client, prompt):
    return helpers.chat(prompt).text
''', "sent no request through the client it is given"),
    ("q2", '''
def ask(client, prompt):
    c = client.chat.completions.create(model=helpers.SMALL_MODEL, messages=[{"role": "user", "content": prompt}])
    return c["choices"][0]["message"]["content"]
''', "objects, not dicts"),
    # q3: ask_with_id(client, prompt)
    ("q3", '''
def ask_with_id(client, prompt):
    c = client.chat.completions.create(model=helpers.SMALL_MODEL, messages=[{"role": "user", "content": prompt}])
    return c.choices[0].message.content, c.id
''', "the completion's `id` from the body"),
    ("q3", '''
def ask_with_id(client, prompt):
    raw = client.chat.completions.with_raw_response.create(
        model=helpers.SMALL_MODEL, messages=[{"role": "user", "content": prompt}])
    c = client.chat.completions.create(model=helpers.SMALL_MODEL, messages=[{"role": "user", "content": prompt}])
    return c.choices[0].message.content, raw.headers.get("x-inference-id")
''', "sent 2 requests"),
    ("q3", '''
def ask_with_id(client, prompt):
    raw = client.chat.completions.with_raw_response.create(
        model=helpers.SMALL_MODEL, messages=[{"role": "user", "content": prompt}])
    return raw.parse().choices[0].message.content
''', "return a pair"),
    ("q3", '''
def ask_with_id(client, prompt):
    raw = client.chat.completions.with_raw_response.create(
        model=helpers.SMALL_MODEL, messages=[{"role": "user", "content": prompt}])
    return raw.choices[0].message.content, raw.headers.get("x-inference-id")
''', "its .parse() gives the usual ChatCompletion"),
]


class TestLesson10(LessonExercises):
    module = lesson10
    mistakes = WRONG

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_keep_the_solution(self.lesson, q)

    def test_the_verdict_claims_no_bound_on_a_whole_call(self):
        """The SDK's timeouts bound silence (connect, and each wait for data), never a whole call: the check
        says so, and promises no worst case."""
        outcome = run("lesson10", "q1", lesson10.q1.solution_code)
        assert outcome.status == "correct", outcome.message
        assert "not the whole call" in outcome.message and "worst case" not in outcome.message
