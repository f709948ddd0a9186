"""What the exercise tests share: every lesson's exercises, the names its notebook provides, and
``run()``, which executes learner code like a notebook cell and judges it.

``tests/test_exercises.py`` holds the tests every exercise must pass; the per-lesson files
(``test_exercises_lessons_NN_MM.py``) hold each exercise's typical wrong answers and its
special cases, and check them with :func:`assert_named_mistake`.
"""
from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import re
import textwrap
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import pytest

import helpers
import helpers.exercises
from helpers.exercises import Exercise, Outcome, ____

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"

#: Every lesson that has exercises: "lesson00" .. "lesson11" (each module helpers/exercises/lessonNN.py).
LESSONS: tuple[str, ...] = tuple(sorted(m.name for m in pkgutil.iter_modules(helpers.exercises.__path__)
                                        if re.fullmatch(r"lesson\d\d", m.name)))


def lesson_module(lesson: str) -> ModuleType:
    return importlib.import_module(f"helpers.exercises.{lesson}")


def exercise_names(lesson: str) -> list[str]:
    """The lesson's exercises (module attributes ``q1``, ``q2``, ... holding an Exercise), in order."""
    module = lesson_module(lesson)
    names = [n for n, v in vars(module).items() if re.fullmatch(r"q\d+", n) and isinstance(v, Exercise)]
    return sorted(names, key=lambda n: int(n[1:]))


def exercise(lesson: str, q: str) -> Exercise:
    return getattr(lesson_module(lesson), q)


#: (lesson, exercise) for every exercise of every lesson.
ALL: list[tuple[str, str]] = [(lesson, q) for lesson in LESSONS for q in exercise_names(lesson)]


# --- the notebook -------------------------------------------------------------------------

def notebook_path(lesson: str) -> Path:
    (path,) = NOTEBOOKS.glob(f"{lesson[-2:]}_*.ipynb")
    return path


@lru_cache(maxsize=None)
def notebook_cells(lesson: str) -> tuple[dict, ...]:
    return tuple(json.loads(notebook_path(lesson).read_text(encoding="utf-8"))["cells"])


def cell_sources(lesson: str) -> list[str]:
    return ["".join(c["source"]).strip() for c in notebook_cells(lesson)]


def check_cell_index(lesson: str, q: str) -> int:
    """Where the notebook's ``qN.check()`` cell is (ValueError when it has none)."""
    return cell_sources(lesson).index(f"{q}.check()")


@lru_cache(maxsize=None)
def _notebook_imports(lesson: str, q: str) -> ast.Module:
    """Every top-level import statement of the notebook's code cells above exercise ``q``'s check."""
    cells = notebook_cells(lesson)
    try:
        end = check_cell_index(lesson, q)
    except ValueError:
        end = len(cells)
    statements: list[ast.stmt] = []
    for cell in cells[:end]:
        if cell["cell_type"] != "code":
            continue
        try:
            tree = ast.parse("".join(cell["source"]))
        except SyntaxError:  # IPython syntax (magics): no plain imports to take from it
            continue
        statements += [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    return ast.Module(body=statements, type_ignores=[])


def notebook_names(lesson: str, q: str) -> dict:
    """The names the lesson's notebook has defined when the learner reaches exercise ``q``.

    Everything the notebook has imported by then, plus the variables its earlier cells define
    that an exercise uses.
    """
    names: dict = {"helpers": helpers, "____": ____}
    exec(compile(_notebook_imports(lesson, q), f"<imports of {lesson}>", "exec"), names)
    if lesson == "lesson03" and q == "q2":
        exec(exercise("lesson03", "q1").solution_code, names)  # the learner's parse_sse_line from q1
    if lesson == "lesson05":
        names["IMAGE_PATH"] = NOTEBOOKS / "images" / "scene.png"  # the notebook's, from its own folder
    return names


def run(lesson: str, q: str, code: str) -> Outcome:
    """Execute learner code like a notebook cell, then judge the exercise's variables."""
    ex = exercise(lesson, q)
    names = notebook_names(lesson, q)
    exec(textwrap.dedent(code), names)
    return ex.judge(**{v: names[v] for v in ex.variables if v in names})


# --- typical wrong answers ----------------------------------------------------------------
# Each per-lesson file has a table WRONG of (lesson, exercise, learner code, a fragment the
# failure message must contain).

def mistake_ids(wrong: list[tuple]) -> list[str]:
    return [f"{w[0]}-{w[1]}-{i}" for i, w in enumerate(wrong)]


def assert_named_mistake(lesson: str, q: str, code: str, fragment: str) -> Outcome:
    """The wrong answer is judged incorrect, its message names the problem, and it does not give
    the solution away: neither the solution's longest line nor any line of 16 characters or more
    shows in it, unless the notebook's starter cell shows that line already (a function's signature)."""
    outcome = run(lesson, q, code)
    assert outcome.status == "incorrect", outcome
    assert fragment in outcome.message, outcome.message
    lines = [line.strip() for line in exercise(lesson, q).solution_code.strip().splitlines()]
    starter = cell_sources(lesson)[check_cell_index(lesson, q) - 1]
    shown = [line for line in lines if line in outcome.message
             and (line == max(lines, key=len) or (len(line) >= 16 and line not in starter))]
    assert not shown, f"the message shows the solution's {shown}: {outcome.message}"
    return outcome


def lessons_of(test_file: str) -> list[str]:
    """The lessons a per-lesson file covers, read from its name: ``..._lessons_04_07.py`` covers 04 to 07."""
    first, last = re.search(r"_lessons_(\d\d)_(\d\d)\.py$", test_file).groups()
    return [f"lesson{n:02d}" for n in range(int(first), int(last) + 1)]


def assert_every_exercise_has_a_mistake(wrong: list[tuple], test_file: str) -> None:
    """The table WRONG of ``test_file`` tests every exercise of the lessons the file covers, and no other."""
    covered = {(w[0], w[1]) for w in wrong}
    expected = {(lesson, q) for lesson in lessons_of(test_file) for q in exercise_names(lesson)}
    assert covered == expected, {"without a tested mistake": expected - covered, "not this file's": covered - expected}


@pytest.fixture
def fresh_default_client():
    """The default client is built from the environment (conftest's practice server) before and after."""
    helpers.set_client(None)
    yield
    helpers.set_client(None)
