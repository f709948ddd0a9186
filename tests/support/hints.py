"""A hint never gives the solution away (issue 21, part 5): what "gives away" means, in one place.

A hint gives the solution away when it shows one of the solution's lines of 16 characters or more, or
the expression on such a line (what follows ``name =`` or ``return``), unless the notebook's starter cell
shows that line already (a function's signature). The longest line counts whatever its length.
"""
from __future__ import annotations

import re

from support.exercises import cell_sources, check_cell_index, exercise

SHORTEST = 16


def _parts(line: str) -> list[str]:
    """The line, and the expression it assigns or returns."""
    parts = [line]
    match = re.match(r"^(?:return\s+|[\w.\[\]\"', ]+?\s*=(?!=)\s*)(.+)$", line)
    if match:
        parts.append(match.group(1).strip())
    return parts


def solution_shown(lesson: str, q: str, text: str) -> list[str]:
    """The pieces of exercise ``q``'s solution that ``text`` shows."""
    lines = [line.strip() for line in exercise(lesson, q).solution_code.strip().splitlines() if line.strip()]
    longest = max(lines, key=len)
    starter = cell_sources(lesson)[check_cell_index(lesson, q) - 1]
    shown = []
    for line in lines:
        if line in starter:
            continue
        for part in _parts(line):
            if (len(part) >= SHORTEST or line == longest) and part in text:
                shown.append(part)
    return shown


def assert_hints_keep_the_solution(lesson: str, q: str) -> None:
    for n, hint in enumerate(exercise(lesson, q).hints, start=1):
        shown = solution_shown(lesson, q, hint)
        assert not shown, f"{lesson} {q}'s hint {n} shows the solution's {shown}: {hint}"
