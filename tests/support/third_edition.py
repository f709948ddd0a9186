"""The third edition's exercise cells (issue 21): a hint and a solution each in a cell of its own.

LessonExercises (support/exercises.py) checks the second edition's shared ``#qN.hint()`` / ``#qN.solution()``
cell; a lesson of the third edition mixes this class in before it to check its own layout instead.
"""
from __future__ import annotations

from support.exercises import cell_sources, check_cell_index, notebook_cells, run


class ThirdEditionCells:
    def test_the_notebook_starter_is_not_attempted_and_the_cells_are_in_place(self, q):
        """The committed lesson states the task, has a starter, a check, then a hint cell and a solution cell,
        both commented out; its starter cell, run as is, is judged "not attempted"."""
        lesson = self.lesson
        cells, sources = notebook_cells(lesson), cell_sources(lesson)
        assert f"from helpers.exercises.{lesson} import" in "\n".join(sources)
        check = check_cell_index(lesson, q)
        assert cells[check - 1]["cell_type"] == "code" and "____" in sources[check - 1]
        assert sources[check + 1] == f"#{q}.hint()" and sources[check + 2] == f"#{q}.solution()"
        assert cells[check - 2]["cell_type"] == "markdown", "a Markdown cell states the task"
        assert run(lesson, q, sources[check - 1]).status == "not attempted"
