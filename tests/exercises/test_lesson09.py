"""Lesson 09's exercises (batch work): their typical wrong answers and special cases.

Each wrong answer fails with a message that names the problem (tests/support/exercises.py runs it
as a notebook cell would). What every exercise must do (its solution passes, its starters are not
an attempt, the notebook holds its cells) is written once, in LessonExercises, and runs here for
this lesson.

Its checks call practice servers over loopback HTTP.
"""
from __future__ import annotations

from helpers.exercises import lesson09
from support.exercises import LessonExercises

# (exercise, learner code, a fragment the failure message must contain)
WRONG = [
    # q1: items = helpers.batch(...)
    ("q1", "my_batch = helpers.batch(QUESTIONS, concurrency=8, progress=False, max_tokens=30)",
     "ran with concurrency 8"),
    ("q1", "my_batch = [helpers.chat(q, max_tokens=30) for q in QUESTIONS]", "loop of helpers.chat"),
    ("q1", "my_batch = helpers.batch(QUESTIONS, concurrency=4, progress=False)",
     "Nothing capped the answers"),
    ("q1", "my_batch = helpers.batch(QUESTIONS, concurrency=4, progress=False, max_tokens=300)",
     "capped at 300 tokens; the task asks for 30"),
    ("q1", "my_batch = helpers.batch(QUESTIONS[:3], concurrency=4, progress=False, max_tokens=30)",
     "ran 3 prompt(s), not the 6"),
    # q2: failed_prompts(items)
    ("q2", '''
def failed_prompts(items):
    return [item.prompt for item in items if item.ok]
''', "returned the prompts that worked"),
    ("q2", '''
def failed_prompts(items):
    return [item for item in items if not item.ok]
''', "returned the items themselves"),
    ("q2", '''
def failed_prompts(items):
    return [item.prompt for item in items if isinstance(item.error, helpers.APIStatusError)]
''', "missed some failures"),
    ("q2", '''
def failed_prompts(items):
    [item.prompt for item in items if not item.ok]
''', "forget `return`"),
    # q3: retry_failed(items)
    ("q3", '''
def retry_failed(items):
    return [item.text for item in helpers.batch([item.prompt for item in items], progress=False)]
''', "including prompts that had already worked"),
    ("q3", '''
def retry_failed(items):
    return helpers.batch([item.prompt for item in items if not item.ok], progress=False).texts
''', "returned 3 text(s); return one per item of the original batch (6)"),
    ("q3", '''
def retry_failed(items):
    return [item.text for item in items]
''', "sent no request"),
]


class TestLesson09(LessonExercises):
    module = lesson09
    mistakes = WRONG
