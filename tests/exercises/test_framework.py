"""The exercise framework itself (helpers.exercises): check() reading the notebook's variables, hints one
at a time, checks that put the default client back, the checkers' recording client; and one test file
here for every lesson that has exercises.

What every exercise must do (its solution passes, its starters are not an attempt, the notebook holds
its cells, it has a prompt, hints and a solution) is written once, in tests/support/exercises.py's
LessonExercises; each lesson's file, test_lessonNN.py, runs it for that lesson beside the lesson's
typical wrong answers.
"""
from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

import helpers
from helpers.exercises import Exercise, lesson04
from helpers.exercises._checking import RecordingClient, default_client
from support.exercises import (LESSONS, LessonExercises, assert_named_mistake, exercise, fresh_default_client,
                               lesson_module, run)

pytestmark = pytest.mark.usefixtures(fresh_default_client.__name__)

HERE = Path(__file__).resolve().parent


def test_every_lesson_from_00_to_11_has_exercises():
    assert LESSONS == tuple(f"lesson{n:02d}" for n in range(12)), LESSONS


def test_every_lesson_has_one_test_file_and_no_file_names_another_lesson():
    assert sorted(p.name for p in HERE.glob("test_lesson*.py")) == [f"test_{lesson}.py" for lesson in LESSONS]


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_lesson_s_file_runs_the_shared_tests_for_its_own_lesson(lesson):
    """Its one test class subclasses LessonExercises and names the lesson's own module."""
    tests = importlib.import_module(f"test_{lesson}")  # pytest has already imported it, by this name
    classes = [c for c in vars(tests).values()
               if inspect.isclass(c) and issubclass(c, LessonExercises) and c is not LessonExercises]
    assert [c.__name__ for c in classes] == [f"TestLesson{lesson[-2:]}"], classes
    assert classes[0].module is lesson_module(lesson)
    assert classes[0].mistakes, "the lesson's typical wrong answers are missing"


# --- the framework ------------------------------------------------------------------------

def test_check_reads_the_notebook_variables_and_records_the_verdict(capsys):
    """What a notebook cell does: assign a variable, then call q1.check() with no arguments."""
    ex = exercise("lesson00", "q1")
    model_id = "google/gemma-3-4b-it"  # noqa: F841 (read by check() from this frame)
    ex.check()
    assert ex.last_outcome.status == "incorrect"
    model_id = "google/gemma-3-12b-it"  # noqa: F841
    ex.check()
    assert ex.last_outcome.status == "correct"
    assert "Warm-up: correct" in capsys.readouterr().out


def test_hints_come_one_at_a_time(capsys):
    source = exercise("lesson02", "q3")
    fresh = Exercise(**{k: getattr(source, k) for k in
                        ("name", "prompt", "variables", "checker", "hints", "solution_code")})
    fresh.hint()
    fresh.hint()
    out = capsys.readouterr().out
    assert "Hint 1:" in out and "Hint 2:" in out and "hint 3 of 3" in out  # the second says a third exists
    assert "Hint 3:" not in out


def test_checks_put_the_default_client_back():
    before = helpers.get_client()
    outcome = run("lesson04", "q3", lesson04.q3.solution_code)
    assert outcome.correct
    assert helpers.get_client() is before
    outcome = run("lesson07", "q1", "def safe_chat(prompt):\n    return helpers.chat(prompt).text")
    assert not outcome.correct
    assert helpers.get_client() is before


Q1_BODY = ('body = {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": '
           '"Write a haiku about fog."}], "temperature": 0.2, "max_token": 60, "seed": 7}')


@pytest.mark.parametrize("lesson, q, code, typo, meant", [
    ("lesson02", "q1", Q1_BODY, "max_token", "max_tokens"),  # a key of a whole request body
    ("lesson02", "q2", 'repeatable = {"sed": 42}', "sed", "seed"),  # a dict of settings (check_settings)
    ("lesson11", "q2", 'one_answer = {"temperatur": 1.5, "top_p": 0.01}', "temperatur", "temperature"),
])
def test_a_near_miss_parameter_name_gets_did_you_mean(lesson, q, code, typo, meant):
    outcome = assert_named_mistake(lesson, q, code, f"{typo!r}")
    assert f"Did you mean {meant!r}?" in outcome.message and "leave a parameter out" not in outcome.message
    with pytest.raises(helpers.RequestValidationError) as refused:  # the client's validator says the same
        helpers.Client(api_key="sk-x", base_url="http://127.0.0.1:9/v1").build_request("Hi", **{typo: 1})
    assert f"Did you mean {meant!r}?" in str(refused.value)


def test_a_name_far_from_any_parameter_gets_the_table_not_a_guess():
    outcome = run("lesson02", "q2", 'repeatable = {"banana": 42}')
    assert outcome.status == "incorrect" and "Did you mean" not in outcome.message
    assert "table of optional parameters" in outcome.message


def test_recording_client_sees_the_history_as_sent():
    with default_client(RecordingClient()) as recorder:
        history = [{"role": "user", "content": "My name is Ola."}]
        helpers.chat(history, max_tokens=20)
        history.append({"role": "assistant", "content": "Hi Ola"})  # after the call: not in the record
        assert recorder.calls == [("chat", [{"role": "user", "content": "My name is Ola."}], {"max_tokens": 20})]
