"""The course's measures (issue 21): prose words, code cells and practice-mode sentences of each lesson.

    python tests/lessons/course_measure.py      # a table of every core and going-further notebook

Prose is the text of the markdown cells, counted as words (a run of letters or digits, with the
apostrophes, dots and hyphens inside it). A code cell "outside the exercises" is one that is not an
exercise's import, starter, check, hint or solution. A sentence "about practice mode" names the practice
server, practice mode or a simulated answer.
"""
from __future__ import annotations

import json
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
FURTHER = NOTEBOOKS / "further"

#: The limits the third edition keeps (issue 21, part 1 and 3).
MAX_WORDS = 1800
MAX_MEDIAN_WORDS = 1400
MAX_CORE_MINUTES = 90
WORDS_PER_MINUTE = 200
MAX_CODE_CELLS = 12
MAX_PRACTICE_SENTENCES = 6
MAX_PRACTICE_SENTENCES_00 = 12

WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`*(\[\"“])|\n\s*\n|\n(?=\s*(?:[-*]|\d+\.|#|\|)\s)")
PRACTICE = re.compile(r"practice[ -](?:mode|server|model|answer)|simulated|\bin practice\b", re.I)
STARTER = re.compile(r"^(?:\w+ = ____|def \w+\([^)]*\):\n    return ____)$")
EXERCISE_CELL = re.compile(r"^(?:q\d+\.check\(\)|#\s?q\d+\.hint\(\)|#\s?q\d+\.solution\(\))$")
#: The second edition's one cell for both (the third edition keeps them apart: a hint never shows the solution).
COMBINED_HELP_CELL = re.compile(r"^#q\d+\.hint\(\)\n#q\d+\.solution\(\)$")


def core_lessons() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def further_notebooks() -> list[Path]:
    return sorted(FURTHER.glob("*.ipynb"))


def cells(path: Path) -> list[tuple[str, str]]:
    return [(c["cell_type"], "".join(c["source"]).strip()) for c in json.loads(path.read_text())["cells"]]


def is_exercise_code(text: str) -> bool:
    return bool(STARTER.match(text) or EXERCISE_CELL.match(text) or COMBINED_HELP_CELL.match(text)
                or "from helpers.exercises" in text)


def prose(path: Path) -> str:
    return "\n\n".join(text for kind, text in cells(path) if kind == "markdown")


def prose_words(path: Path) -> int:
    return len(WORD.findall(prose(path)))


def code_cells(path: Path) -> int:
    """Code cells outside the exercises."""
    return sum(1 for kind, text in cells(path) if kind == "code" and not is_exercise_code(text))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]


def practice_sentences(path: Path) -> list[str]:
    return [s for s in sentences(prose(path)) if PRACTICE.search(s)]


def core_minutes() -> float:
    return sum(prose_words(p) for p in core_lessons()) / WORDS_PER_MINUTE


def table() -> str:
    rows = [f"{'notebook':44} {'words':>6} {'code':>5} {'practice':>8}"]
    for path in core_lessons() + further_notebooks():
        name = str(path.relative_to(NOTEBOOKS))
        rows.append(f"{name:44} {prose_words(path):6d} {code_cells(path):5d} {len(practice_sentences(path)):8d}")
    words = [prose_words(p) for p in core_lessons()]
    rows.append(f"core: {sum(words)} words, {core_minutes():.1f} min at {WORDS_PER_MINUTE} wpm, "
                f"median {statistics.median(words):.0f}, longest {max(words)}")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.stdout.write(table() + "\n")
