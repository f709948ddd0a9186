"""Lesson 14's exercises (evaluating prompts): their typical wrong answers."""
from __future__ import annotations

from helpers.exercises import lesson14
from support.exercises import LessonExercises, assert_hints_hide_the_solution, check_cell_index, notebook_cells, run
from support.hints import assert_hints_keep_the_solution
from support.third_edition import ThirdEditionCells

_GRADE = ("def grade_category(case, text):\n    try:\n        got = extract_json(text)\n    except ValueError:\n"
          "        return {'valid_json': False, 'category': False}\n{REST}")


def _list_as(valid: bool) -> str:
    """A grader right on every answer but a JSON list, which it scores valid_json=`valid`."""
    return _GRADE.replace("{REST}", "    if not isinstance(got, dict):\n"
                                    f"        return {{'valid_json': {valid}, 'category': False}}\n"
                                    "    return {'valid_json': True, 'category': exact_match(case['category'], "
                                    "got.get('category'))}")


WRONG = [
    # q1: grade_category(case, text)
    ("q1", "def grade_category(case, text):\n    got = extract_json(text)\n"
           "    return {'valid_json': True, 'category': got.get('category') == case['category']}",
     "never raises"),
    ("q1", _GRADE.replace("{REST}", "    return {'valid_json': True, 'category': exact_match(case['category'], "
                                    "got.get('category'))}"),
     "raised AttributeError"),
    ("q1", _GRADE.replace("{REST}", "    if not isinstance(got, dict):\n"
                                    "        return {'valid_json': True, 'category': False}\n"
                                    "    return {'valid_json': True, "
                                    "'category': got.get('category') == case['category']}"),
     "capitalised"),
    ("q1", _list_as(True), "a list is valid JSON, but not the object"),
    ("q1", "def grade_category(case, text):\n    return {'valid_json': 1, 'category': 0}", "scores are True or False"),
    # q2: accuracy(pairs)
    ("q2", "def accuracy(pairs):\n    right = {}\n    for expected, got in pairs:\n"
           "        for field, value in expected.items():\n            ok = isinstance(got, dict) and field in got "
           "and exact_match(value, got[field])\n            right[field] = right.get(field, 0) + ok\n"
           "    return {f: n / len(pairs) for f, n in right.items()}", "order_number share is too low"),
    ("q2", "def accuracy(pairs):\n    pairs = [p for p in pairs if isinstance(p[1], dict)]\n    right = {}\n"
           "    for expected, got in pairs:\n        for field, ok in field_scores(expected, got).items():\n"
           "            right[field] = right.get(field, 0) + ok\n"
           "    return {f: n / len(pairs) for f, n in right.items()}",
     "too high"),
    ("q2", "def accuracy(pairs):\n    right = {}\n    for expected, got in pairs:\n"
           "        for field, value in expected.items():\n            ok = isinstance(got, dict) and "
           "got.get(field) == value\n            right[field] = right.get(field, 0) + ok\n"
           "    return {f: n / len(pairs) for f, n in right.items()}", "without caring about case"),
    ("q2", "def accuracy(pairs):\n    return [field_scores(e, g) for e, g in pairs]", "return a dict"),
    # q3: better_prompt(rows, metric)
    ("q3", "def better_prompt(rows, metric):\n    return max(rows, key=lambda r: r[metric])['prompt']",
     "average the metric"),
    ("q3", "def better_prompt(rows, metric):\n    labels = {r['prompt'] for r in rows}\n"
           "    def mean(label):\n        mine = [r[metric] for r in rows if r['prompt'] == label]\n"
           "        return sum(mine) / len(mine)\n    return max(sorted(labels), key=mean)",
     "the cheaper prompt"),
    ("q3", "def better_prompt(rows, metric):\n    return rows[0]", "return a prompt's label"),
]


class TestLesson14(ThirdEditionCells, LessonExercises):
    module = lesson14
    mistakes = WRONG

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_hide_the_solution(self.lesson, q)
        assert_hints_keep_the_solution(self.lesson, q)

    def test_a_json_list_is_not_the_object_asked_for(self):
        """The task, the check and the solution agree: a list scores valid_json False, and only that passes."""
        assert run(self.lesson, "q1", _list_as(False)).status == "correct"
        assert run(self.lesson, "q1", _list_as(True)).status == "incorrect"
        assert "not a list" in "".join(notebook_cells(self.lesson)[check_cell_index(self.lesson, "q1") - 2]["source"])
