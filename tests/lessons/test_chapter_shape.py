"""Lessons read as chapters (issue 12, part 3): a title "NN · Title" and a "You will learn" list at the top;
after every code cell's output, prose saying what came back; at least three checked exercises whose starters
take one form; a Recap, then a Next line linking the next notebook; and no plumbing in a lesson cell.

SECOND_EDITION lists the lessons rewritten to this shape so far; a lesson joins it when it is.
"""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SECOND_EDITION = ("00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11")

#: What a lesson cell never does: plumbing belongs in helpers/ (a learner follows a link to see it).
PLUMBING = {
    "a socket": re.compile(r"\bimport socket\b|\bsocket\."),
    "a raw practice-fault header": re.compile(r"X-Practice-Fault", re.I),
    "getpass": re.compile(r"\bgetpass\b"),
    "hand-built HTML": re.compile(r"\bHTML\(|<(table|div|span|tr|td)\b", re.I),
    "sys.modules": re.compile(r"\bsys\.modules\b"),
    "the practice server's internals": re.compile(r"\bPracticeServer\b|\bshared_server\b|\b(?:server|srv)\.reset\(\)"),
    "a hand-made logging handler": re.compile(r"\blogging\.getLogger\b|\bStreamHandler\b"),
    "a fake response": re.compile(r"\brequests\.Response\(\)"),
}
STARTER = re.compile(r"^(?:\w+ = ____|def \w+\([^)]*\):\n    return ____)$")
#: A check, a hint or a solution cell (the third edition keeps hint and solution apart; the second edition's one
#: cell for both is accepted until every lesson is rewritten).
EXERCISE_CELL = re.compile(r"^(?:q\d+\.check\(\)|#q\d+\.hint\(\)|#q\d+\.solution\(\)"
                           r"|#q\d+\.hint\(\)\n#q\d+\.solution\(\))$")


def lesson(number: str) -> Path:
    (path,) = NOTEBOOKS.glob(f"{number}_*.ipynb")
    return path


def cells(number: str) -> list[tuple[str, str]]:
    return [(c["cell_type"], "".join(c["source"]).strip()) for c in json.loads(lesson(number).read_text())["cells"]]


def is_exercise_code(text: str) -> bool:
    return bool(STARTER.match(text) or EXERCISE_CELL.match(text) or "from helpers.exercises" in text)


@pytest.mark.parametrize("number", SECOND_EDITION)
def test_the_top_is_a_numbered_title_and_what_you_will_learn(number):
    kind, first = cells(number)[0]
    assert kind == "markdown"
    assert re.match(rf"# {number} · \S", first), f"lesson {number} starts with '# {number} · Title', not {first[:40]!r}"
    learn = first.split("**You will learn**", 1)
    assert len(learn) == 2 and re.search(r"^- \S", learn[1], re.M), "a 'You will learn' list"


@pytest.mark.parametrize("number", SECOND_EDITION)
def test_every_output_is_followed_by_prose(number):
    shown = cells(number)
    silent = [text.splitlines()[0] for (kind, text), (after, _) in zip(shown, shown[1:] + [("end", "")])
              if kind == "code" and not is_exercise_code(text) and after != "markdown"]
    assert not silent, f"lesson {number}: code cells with no prose after them: {silent}"


@pytest.mark.parametrize("number", SECOND_EDITION)
def test_at_least_three_exercises_with_starters_of_one_form(number):
    shown = [text for _, text in cells(number)]
    checks = [i for i, text in enumerate(shown) if re.fullmatch(r"q\d+\.check\(\)", text)]
    assert len(checks) >= 3, f"lesson {number} has {len(checks)} checked exercises"
    for i in checks:
        assert STARTER.match(shown[i - 1]), f"lesson {number}: starter not of the form `name = ____` or " \
                                            f"`def name(...): return ____`: {shown[i - 1]!r}"


@pytest.mark.parametrize("number", SECOND_EDITION)
def test_it_ends_with_a_recap_and_a_linked_next(number):
    markdown = [text for kind, text in cells(number) if kind == "markdown"]
    last = markdown[-1]
    assert last.startswith("## Recap"), f"lesson {number}'s last cell is its Recap"
    following = sorted(NOTEBOOKS.glob(f"{int(number) + 1:02d}_*.ipynb"))
    if following:
        link = re.search(r"^Next: \[(\d\d) · [^\]]+\]\((\d\d_\w+\.ipynb)\)", last, re.M)
        assert link, f"lesson {number}: a line 'Next: [NN · Title](NN_name.ipynb)' after the recap"
        assert link.group(2) == following[0].name and link.group(1) == following[0].name[:2]


@pytest.mark.parametrize("number", SECOND_EDITION)
def test_no_plumbing_in_a_lesson_cell(number):
    for kind, text in cells(number):
        if kind != "code":
            continue
        for what, pattern in PLUMBING.items():
            assert not pattern.search(text), f"lesson {number} has {what} in a cell: {text.splitlines()[0]!r}"
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                pytest.fail(f"lesson {number} reads the private name .{node.attr}")
            if isinstance(node, ast.ImportFrom):
                private = [a.name for a in node.names if a.name.startswith("_") and a.name != "____"]
                assert not private, f"lesson {number} imports private names {private}"
