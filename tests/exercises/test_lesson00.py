"""Lesson 00's exercises (setup you can't skip): their typical wrong answers and special cases.

Each wrong answer fails with a message that names the problem (tests/support/exercises.py runs it
as a notebook cell would). What every exercise must do (its solution passes, its starters are not
an attempt, the notebook holds its cells) is written once, in LessonExercises, and runs here for
this lesson.
"""
from __future__ import annotations

from helpers.exercises import lesson00
from support.exercises import LessonExercises, assert_hints_hide_the_solution, run

# (exercise, learner code, a fragment the failure message must contain)
WRONG = [
    # q1: the warm-up
    ("q1", 'model_id = "google/gemma-3-4b-it"', "4B"),
    ("q1", 'model_id = "google/gemma-3-27b-it"', "27B"),
    ("q1", 'model_id = "gemma-3-12b-it"', "developer"),
    ("q1", 'model_id = "Google/Gemma-3-12B-it"', "case-sensitive"),
    ("q1", 'model_id = "google/gemma-3-12b-it "', "spaces"),
    ("q1", "model_id = 12", "string"),
    ("q1", 'model_id = "google/gemma-3-12b"', "not one of the Gemma 3 ids"),
    # q2: mask(key)
    ("q2", 'def mask(key):\n    return "****" + key[-8:]', "shows 8 of its characters"),
    ("q2", 'def mask(key):\n    return key[:4] + "****"', "last 4 characters"),
    ("q2", 'def mask(key):\n    return "****" + key[-4:]', "just '****'"),
    ("q2", 'def mask(key):\n    print("****" + key[-4:])', "returned None"),
    ("q2", 'def mask(key):\n    return "****" + key[-4:] if len(key) >= 12 else "****"', "raised TypeError"),
    ("q2", 'mask = "****"', "should be a function"),
    # q3: models_url(base_url)
    ("q3", 'def models_url(base_url):\n    return base_url + "/models"', "double slash"),
    ("q3", "def models_url(base_url):\n    return base_url", "path of the models list"),
    ("q3", 'def models_url(base_url):\n    return base_url.rstrip("/v1") + "/models"', "`/v1`"),
]


class TestLesson00(LessonExercises):
    module = lesson00
    mistakes = WRONG

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_hide_the_solution(self.lesson, q)

    def test_messages_never_show_the_expected_model_id(self):
        """Beyond the solution's lines (checked for every mistake): the expected value itself never shows."""
        for q, code, _ in self.mistakes:
            assert "google/gemma-3-12b-it" not in run(self.lesson, q, code).message
