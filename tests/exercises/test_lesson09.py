"""Lesson 09's exercises (batch work): their typical wrong answers and special cases.

Each wrong answer fails with a message that names the problem (tests/support/exercises.py runs it
as a notebook cell would). What every exercise must do (its solution passes, its starters are not
an attempt, the notebook holds its cells) is written once, in LessonExercises, and runs here for
this lesson.

Its checks call practice servers over loopback HTTP.
"""
from __future__ import annotations

from helpers.exercises import lesson09
from support.hints import assert_hints_keep_the_solution
from support.exercises import LessonExercises, run

# (exercise, learner code, a fragment the failure message must contain)
WRONG = [
    # q1: my_batch = helpers.batch(...), repeatable
    ("q1", "my_batch = helpers.batch(QUESTIONS, concurrency=8, progress=False, max_tokens=30, temperature=0)",
     "ran with concurrency 8"),
    ("q1", "my_batch = [helpers.chat(q, max_tokens=30, temperature=0) for q in QUESTIONS]", "loop of helpers.chat"),
    ("q1", "my_batch = helpers.batch(QUESTIONS, concurrency=4, progress=False, temperature=0)",
     "Nothing capped the answers"),
    ("q1", "my_batch = helpers.batch(QUESTIONS, concurrency=4, progress=False, max_tokens=300, temperature=0)",
     "capped at 300 tokens; the task asks for 30"),
    ("q1", "my_batch = helpers.batch(QUESTIONS[:3], concurrency=4, progress=False, max_tokens=30, temperature=0)",
     "ran 3 prompt(s), not the 6"),
    # the lesson's own batch with other numbers: bounded and capped, but left to chance
    ("q1", "my_batch = helpers.batch(QUESTIONS, concurrency=4, progress=False, max_tokens=30)",
     "still left to chance"),
    ("q1", "my_batch = helpers.batch(QUESTIONS, concurrency=4, progress=False, max_tokens=30, temperature=1.5)",
     "came out different the second time"),
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

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_keep_the_solution(self.lesson, q)

    def test_a_seed_repeats_the_batch_too(self):
        code = "my_batch = helpers.batch(QUESTIONS, concurrency=2, progress=False, max_tokens=30, seed=7)"
        outcome = run("lesson09", "q1", code)
        assert outcome.status == "correct", outcome.message
        assert "a seed" in outcome.message
