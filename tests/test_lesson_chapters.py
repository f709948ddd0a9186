"""Each second-edition lesson reads as a chapter: a title "NN · Title", a "You will learn" list, a recap,
a "Next:" line linking the next notebook, at least three checked exercises with starters of one form,
prose after every code cell, and no plumbing in its code cells (the practice server's internals, raw
fault headers, sockets, getpass, hand-built HTML).

CHAPTERS lists the lessons rewritten so far; add a lesson's file name when its second edition lands.
"""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CHAPTERS = ["00_setup.ipynb", "03_streaming.ipynb", "07_errors_and_retries.ipynb"]

#: What a lesson's code cell must not contain, and why (the plumbing lives in helpers/).
FORBIDDEN = {
    "X-Practice-Fault": "a raw fault header (use helpers.practice.fail_next and friends)",
    "PracticeServer": "a private practice server instance",
    "shared_server": "the practice server object itself",
    ".reset()": "the practice server's internals (use practice.clear())",
    "import socket": "a socket",
    "getpass": "a hand-made key prompt (use helpers.ask_for_key())",
    "<table": "hand-built HTML",
    "<div": "hand-built HTML",
    "HTML(": "hand-built HTML",
    "logging.getLogger": "a hand-made logging handler (use helpers.show_retries())",
    "requests.Response()": "a fake response",
}
#: A starter is `name = ____` or `def name(...):\n    return ____`, nothing else.
STARTER = re.compile(r"^(?:\w+ = ____|def \w+\([^)]*\):\n    return ____)$")


def _cells(name: str) -> list[dict]:
    return json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"]).strip()


@pytest.mark.parametrize("name", CHAPTERS)
def test_title_and_what_you_will_learn(name):
    first = _source(_cells(name)[0])
    assert re.match(rf"# {name[:2]} · \S", first), f"{name}: the title reads '# {name[:2]} · Title'"
    learn = first.split("**You will learn**", 1)
    assert len(learn) == 2, f"{name}: a 'You will learn' list in the first cell"
    assert len(re.findall(r"^- ", learn[1], re.M)) >= 3


@pytest.mark.parametrize("name", CHAPTERS)
def test_recap_then_a_next_line_linking_the_next_notebook(name):
    last = _source(_cells(name)[-1])
    assert last.startswith("## Recap"), f"{name}: ends with a Recap section"
    nxt = re.search(r"^Next: \[(\d\d) · [^\]]+\]\((\d\d_\w+\.ipynb)\)", last, re.M)
    assert nxt, f"{name}: a 'Next:' line links the next lesson"
    assert int(nxt.group(1)) == int(name[:2]) + 1 and nxt.group(2).startswith(nxt.group(1))
    assert (NOTEBOOKS / nxt.group(2)).is_file(), f"{name}: the Next link points at {nxt.group(2)}, which is missing"


@pytest.mark.parametrize("name", CHAPTERS)
def test_three_checked_exercises_with_starters_of_one_form(name):
    sources = [_source(c) for c in _cells(name)]
    checks = [i for i, s in enumerate(sources) if re.fullmatch(r"q\d+\.check\(\)", s)]
    assert len(checks) >= 3, f"{name}: at least three checked exercises"
    for i in checks:
        assert STARTER.match(sources[i - 1]), f"{name}: the starter before {sources[i]} is {sources[i - 1]!r}"


@pytest.mark.parametrize("name", CHAPTERS)
def test_no_plumbing_in_code_cells(name):
    for index, cell in enumerate(_cells(name)):
        if cell["cell_type"] != "code":
            continue
        source = _source(cell)
        for needle, what in FORBIDDEN.items():
            assert needle not in source, f"{name}, cell {index}: {what} ({needle!r})"
        names = {n.attr for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Attribute)}
        private = sorted(n for n in names if n.startswith("_") and not n.startswith("__"))
        assert not private, f"{name}, cell {index}: private names {private}"


def _shows_something(source: str) -> bool:
    """A cell shows output when a top-level statement is a bare expression or calls print/display (outside defs)."""
    for statement in ast.parse(source).body:
        if isinstance(statement, (ast.FunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
            continue
        if isinstance(statement, ast.Expr):
            return True
        calls = [n.func for n in ast.walk(statement) if isinstance(n, ast.Call)]
        if any(isinstance(f, ast.Name) and f.id in ("print", "display") for f in calls):
            return True
    return False


@pytest.mark.parametrize("name", CHAPTERS)
def test_prose_follows_every_code_cell_that_shows_something(name):
    """After a code cell that prints or displays, the next cell is prose saying what came back.

    The exercises (starter, check, hint cells) are the exception: their verdicts speak for themselves.
    """
    cells = _cells(name)
    first_exercise = next(i for i, c in enumerate(cells) if "from helpers.exercises" in _source(c))
    for index, cell in enumerate(cells[:first_exercise]):
        if cell["cell_type"] == "code" and _shows_something(_source(cell)):
            assert cells[index + 1]["cell_type"] == "markdown", (
                f"{name}, cell {index}: its output is not followed by prose saying what came back")
