"""The third edition's limits (issue 21): a core a newcomer reads in 90 minutes, the depth beside it.

Every number comes from tests/lessons/course_measure.py, the ruler the lesson writers used
(`python tests/lessons/course_measure.py` prints the table).
"""
from __future__ import annotations

import re
import statistics

import pytest

import course_measure as measure

CORE = measure.core_lessons()
FURTHER = measure.further_notebooks()
LINK = re.compile(r"\]\((?:\./)?(further/[\w.-]+\.ipynb)\)")
BACK = re.compile(r"\]\(\.\./(\d\d_\w+\.ipynb)\)")


def test_the_core_and_the_going_further_notebooks_are_there():
    assert len(CORE) >= 15 and len(FURTHER) >= 5, ([p.name for p in CORE], [p.name for p in FURTHER])


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_a_core_lesson_is_short_enough(path):
    assert measure.prose_words(path) <= measure.MAX_WORDS
    assert measure.code_cells(path) <= measure.MAX_CODE_CELLS


def test_the_whole_core_reads_in_90_minutes_and_the_median_lesson_is_short():
    words = [measure.prose_words(p) for p in CORE]
    assert sum(words) / measure.WORDS_PER_MINUTE <= measure.MAX_CORE_MINUTES, sum(words)
    assert statistics.median(words) <= measure.MAX_MEDIAN_WORDS


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_practice_mode_is_explained_once_and_then_only_noted(path):
    limit = measure.MAX_PRACTICE_SENTENCES_00 if path.name.startswith("00_") else measure.MAX_PRACTICE_SENTENCES
    found = measure.practice_sentences(path)
    assert len(found) <= limit, found


@pytest.mark.parametrize("path", CORE[1:], ids=lambda p: p.name)
def test_every_lesson_after_00_shows_the_mode(path):
    code = "\n".join(text for kind, text in measure.cells(path) if kind == "code")
    assert "describe_mode()" in code


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_hint_and_solution_are_separate_cells(path):
    combined = [text for kind, text in measure.cells(path) if kind == "code" and measure.COMBINED_HELP_CELL.match(text)]
    assert combined == []


@pytest.mark.parametrize("path", FURTHER, ids=lambda p: p.name)
def test_a_going_further_notebook_is_linked_from_a_lesson_and_links_back(path):
    linking = [p.name for p in CORE if f"further/{path.name}" in LINK.findall(measure.prose(p))]
    assert linking, f"no core lesson links to further/{path.name}"
    back = BACK.findall(measure.prose(path))
    assert back and set(back) <= {p.name for p in CORE}, back
    kind, first = measure.cells(path)[0]
    assert kind == "markdown" and first.startswith("# ")


def test_the_practice_models_internals_live_only_in_the_notebook_about_them():
    internals = re.compile(r"n-gram|\bcorpus\b|tokens? of context|learned from about", re.I)
    found = [p.name for p in CORE if internals.search(measure.prose(p))]
    assert found == [], found
