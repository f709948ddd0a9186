"""The exercise harness: every lesson's exercises, the names its notebook provides, ``run()``, which
executes learner code like a notebook cell and judges it, and :class:`LessonExercises`, the tests every
exercise must pass, written once.

Each lesson has one file, ``tests/exercises/test_lessonNN.py``: a subclass of LessonExercises that names
the lesson's module and holds its typical wrong answers (checked with :func:`assert_named_mistake`) and its
special cases. ``tests/exercises/test_framework.py`` tests the framework itself.
"""
from __future__ import annotations

import ast
import difflib
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
        names["PDF_PATH"] = NOTEBOOKS / "images" / "trip_notes.pdf"
    return names


def run(lesson: str, q: str, code: str) -> Outcome:
    """Execute learner code like a notebook cell, then judge the exercise's variables."""
    ex = exercise(lesson, q)
    names = notebook_names(lesson, q)
    # compiled as a cell is: without this module's `from __future__ import annotations` (pydantic reads annotations)
    exec(compile(textwrap.dedent(code), "<cell>", "exec", dont_inherit=True), names)
    return ex.judge(**{v: names[v] for v in ex.variables if v in names})


# --- typical wrong answers ----------------------------------------------------------------
# Each lesson's file has a table of (exercise, learner code, a fragment the failure message must contain).

def mistake_ids(wrong: list[tuple]) -> list[str]:
    return [f"{w[0]}-{i}" for i, w in enumerate(wrong)]


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


#: The longest run of a solution line's characters a hint may show (a name or a short call, never a line).
HINT_OVERLAP = 20


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace('\\"', '"')).strip()


def assert_hints_hide_the_solution(lesson: str, q: str) -> None:
    """No hint gives the solution away: none shows a run of HINT_OVERLAP characters of a solution line."""
    lines = [_plain(line) for line in exercise(lesson, q).solution_code.strip().splitlines() if line.strip()]
    for n, hint in enumerate(exercise(lesson, q).hints, start=1):
        text = _plain(hint)
        for line in lines:
            match = difflib.SequenceMatcher(None, text, line, autojunk=False).find_longest_match(
                0, len(text), 0, len(line))
            shown = text[match.a:match.a + match.size]
            assert match.size < HINT_OVERLAP, f"{lesson} {q}: hint {n} shows {shown!r} of the solution's {line!r}"


@pytest.fixture
def fresh_default_client():
    """The default client is built from the environment (conftest's practice server) before and after."""
    helpers.routing.set_client(None)
    yield
    helpers.routing.set_client(None)


# --- what every exercise of a lesson must do ----------------------------------------------

class LessonExercises:
    """The tests every exercise must pass, written once; each lesson's file runs them for its lesson.

    A lesson's file (``tests/exercises/test_lesson07.py``) subclasses this with the lesson's module and
    its table of typical wrong answers::

        WRONG = [("q1", "learner code", "a fragment the failure message must contain"), ...]

        class TestLesson07(LessonExercises):
            module = lesson07
            mistakes = WRONG

    and pytest runs every test below for that lesson's exercises and wrong answers, beside the
    special cases the file adds as methods of its own.
    """

    #: the lesson's exercise module, ``helpers.exercises.lessonNN``
    module: ModuleType
    #: the lesson's typical wrong answers: (exercise, learner code, a fragment the failure message must contain)
    mistakes: list[tuple[str, str, str]] = []

    @property
    def lesson(self) -> str:
        return self.module.__name__.rpartition(".")[2]

    def pytest_generate_tests(self, metafunc):
        """``q``, ``code``, ``fragment``: one test per wrong answer; ``q`` alone: one per exercise."""
        if "fragment" in metafunc.fixturenames:
            metafunc.parametrize("q,code,fragment", self.mistakes, ids=mistake_ids(self.mistakes))
        elif "q" in metafunc.fixturenames:
            metafunc.parametrize("q", exercise_names(self.lesson))

    @pytest.fixture(autouse=True)
    def fresh_default_client(self):
        """Each test builds the default client from the environment (conftest's practice server)."""
        helpers.routing.set_client(None)
        yield
        helpers.routing.set_client(None)

    def test_two_to_four_exercises_numbered_from_q1(self):
        names = exercise_names(self.lesson)
        assert 2 <= len(names) <= 4, names
        assert names == [f"q{i}" for i in range(1, len(names) + 1)], names

    def test_solution_is_correct(self, q):
        outcome = run(self.lesson, q, exercise(self.lesson, q).solution_code)
        assert outcome.status == "correct", outcome.message

    def test_untouched_starter_is_not_attempted(self, q):
        variables = exercise(self.lesson, q).variables
        outcome = run(self.lesson, q, "\n".join(f"{v} = ____" for v in variables))
        assert outcome.status == "not attempted"
        assert all(f"`{v}`" in outcome.message for v in variables), outcome.message

    def test_function_starter_is_not_attempted_either(self, q):
        """A starter may define the function with ``____`` in its body; that is not an attempt yet."""
        starter = "\n".join(f"def {v}(*args):\n    return ____" for v in exercise(self.lesson, q).variables)
        assert run(self.lesson, q, starter).status == "not attempted"

    def test_the_notebook_starter_is_not_attempted_and_the_cells_are_in_place(self, q):
        """The committed lesson states the task, has a starter, a check, and hint/solution commented out;
        its starter cell, run as is, is judged "not attempted"."""
        lesson = self.lesson
        cells, sources = notebook_cells(lesson), cell_sources(lesson)
        assert f"from helpers.exercises.{lesson} import" in "\n".join(sources)
        check = check_cell_index(lesson, q)
        assert cells[check - 1]["cell_type"] == "code" and "____" in sources[check - 1]
        # the third edition: the hint and the solution in cells of their own, so that uncommenting the hint
        # does not show the solution too (every lesson is rewritten: the second edition's one cell is gone)
        assert sources[check + 1:check + 3] == [f"#{q}.hint()", f"#{q}.solution()"], sources[check + 1:check + 3]
        assert cells[check - 2]["cell_type"] == "markdown", "a Markdown cell states the task"
        assert run(lesson, q, sources[check - 1]).status == "not attempted"

    def test_exercise_has_prompt_hints_and_solution(self, q):
        ex = exercise(self.lesson, q)
        assert ex.prompt and ex.solution_code.strip()
        assert len(ex.hints) >= 2

    def test_every_exercise_has_a_typical_mistake_tested(self):
        """The table of wrong answers tests every exercise of the lesson, and names no other."""
        covered = {w[0] for w in self.mistakes}
        expected = set(exercise_names(self.lesson))
        assert covered == expected, {"without a tested mistake": expected - covered,
                                     "no such exercise": covered - expected}

    def test_typical_mistake_is_named(self, q, code, fragment):
        assert_named_mistake(self.lesson, q, code, fragment)
