"""What every exercise of every lesson (helpers.exercises.lesson00 .. lesson11) must do: its
solution passes, an untouched starter is "not attempted", the committed notebook holds the
exercise's cells in place, and it has a prompt, hints and a solution. Also the framework's
own behaviour (check() reading the notebook's variables, hints one at a time) and the
checkers' recording client.

Each exercise's typical wrong answers are in the per-lesson files, test_exercises_lessons_NN_MM.py.
"""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import helpers
from support.exercises import (ALL, LESSONS, assert_every_exercise_has_a_mistake, cell_sources, check_cell_index,
                              exercise, exercise_names, fresh_default_client, lessons_of, notebook_cells, run)
from helpers.exercises import Exercise
from helpers.exercises._checking import RecordingClient, default_client

pytestmark = pytest.mark.usefixtures(fresh_default_client.__name__)


def test_every_lesson_from_00_to_11_has_exercises():
    assert LESSONS == tuple(f"lesson{n:02d}" for n in range(12)), LESSONS


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_has_two_to_four_exercises_numbered_from_q1(lesson):
    names = exercise_names(lesson)
    assert 2 <= len(names) <= 4, names
    assert names == [f"q{i}" for i in range(1, len(names) + 1)], names


@pytest.mark.parametrize("lesson,q", ALL)
def test_solution_is_correct(lesson, q):
    outcome = run(lesson, q, exercise(lesson, q).solution_code)
    assert outcome.status == "correct", outcome.message


@pytest.mark.parametrize("lesson,q", ALL)
def test_untouched_starter_is_not_attempted(lesson, q):
    variables = exercise(lesson, q).variables
    outcome = run(lesson, q, "\n".join(f"{v} = ____" for v in variables))
    assert outcome.status == "not attempted"
    assert all(f"`{v}`" in outcome.message for v in variables), outcome.message


@pytest.mark.parametrize("lesson,q", ALL)
def test_function_starter_is_not_attempted_either(lesson, q):
    """A starter may define the function with ``____`` in its body; that is not an attempt yet."""
    starter = "\n".join(f"def {v}(*args):\n    return ____" for v in exercise(lesson, q).variables)
    assert run(lesson, q, starter).status == "not attempted"


@pytest.mark.parametrize("lesson,q", ALL)
def test_the_notebook_starter_is_not_attempted_and_the_cells_are_in_place(lesson, q):
    """The committed lesson states the task, has a starter, a check, and hint/solution commented out;
    its starter cell, run as is, is judged "not attempted"."""
    cells, sources = notebook_cells(lesson), cell_sources(lesson)
    assert f"from helpers.exercises.{lesson} import" in "\n".join(sources)
    check = check_cell_index(lesson, q)
    assert cells[check - 1]["cell_type"] == "code" and "____" in sources[check - 1]
    assert sources[check + 1] == f"#{q}.hint()\n#{q}.solution()"
    assert cells[check - 2]["cell_type"] == "markdown", "a Markdown cell states the task"
    assert run(lesson, q, sources[check - 1]).status == "not attempted"


@pytest.mark.parametrize("lesson,q", ALL)
def test_exercise_has_prompt_hints_and_solution(lesson, q):
    ex = exercise(lesson, q)
    assert ex.prompt and ex.solution_code.strip()
    assert len(ex.hints) >= 2


MISTAKE_FILES = sorted(p.name for p in Path(__file__).parent.glob("test_exercises_lessons_*_*.py"))


def test_the_per_lesson_files_cover_every_lesson_once():
    """Each lesson's typical wrong answers live in exactly one test_exercises_lessons_NN_MM.py."""
    covered = [lesson for name in MISTAKE_FILES for lesson in lessons_of(name)]
    assert sorted(covered) == list(LESSONS), covered


@pytest.mark.parametrize("test_file", MISTAKE_FILES)
def test_every_exercise_has_a_typical_mistake_tested(test_file):
    """The file's table WRONG tests every exercise of its lessons, and no other."""
    wrong = importlib.import_module(Path(test_file).stem).WRONG
    assert_every_exercise_has_a_mistake(wrong, test_file)


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


def test_recording_client_sees_the_history_as_sent():
    with default_client(RecordingClient()) as recorder:
        history = [{"role": "user", "content": "My name is Ola."}]
        helpers.chat(history, max_tokens=20)
        history.append({"role": "assistant", "content": "Hi Ola"})  # after the call: not in the record
        assert recorder.calls == [("chat", [{"role": "user", "content": "My name is Ola."}], {"max_tokens": 20})]
