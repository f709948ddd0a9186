"""Exercises for lesson 14 (evaluating prompts): a grading function, accuracy per field, the comparison
of two prompts.

The checks run the learner's functions on answers and rows the checker wrote, so the verdict is the
same in practice mode and with a key.
"""
from __future__ import annotations

import json
from typing import Any

from ..model_ids import LARGE_MODEL, SMALL_MODEL
from . import Exercise, Incorrect
from ._checking import is_number, run_learner

__all__ = ["q1", "q2", "q3"]

# --------------------------------------------------------------------------- q1: the grading function

_CASE = {"id": "sr-01", "message": "Hi, I was charged twice for order ORD-48213 ...", "category": "billing",
         "fields": {"name": "Maria Lopez", "order_number": "ORD-48213", "email": None, "product": None,
                    "urgency": "normal"}, "ambiguous": False}
_GRADE = [
    ('{"category": "billing"}', {"valid_json": True, "category": True}, "a right answer"),
    ('{"category": "billing"', {"valid_json": False, "category": False}, "JSON cut short"),
    ("billing", {"valid_json": False, "category": False}, "the bare word, without JSON"),
    ('Category: {"category": "shipping"}', {"valid_json": True, "category": False}, "a wrong category"),
    ('```json\n{"category": "Billing"}\n```', {"valid_json": True, "category": True},
     "a right answer in a fence, capitalised"),
    ('{"label": "billing"}', {"valid_json": True, "category": False}, "JSON without the key"),
    ('["billing"]', {"valid_json": False, "category": False}, "a JSON list instead of an object"),
]


def _check_grade(grade_category: Any) -> str:
    if not callable(grade_category):
        raise Incorrect("`grade_category` should be a function: `def grade_category(case, text): ...`.")
    for text, want, situation in _GRADE:
        def tip(exc: Exception) -> str:
            if isinstance(exc, ValueError):
                return "a grader never raises for a bad answer: it scores it."
            return "the answer may be anything: a list, a dict without the key."

        got = run_learner(grade_category, "grade_category", dict(_CASE), text, situation=situation, tip=tip)
        if not isinstance(got, dict):
            raise Incorrect(f"For {situation}, `grade_category` returned {got!r:.60}; return a dict of scores.")
        if set(got) != set(want):
            raise Incorrect(f"For {situation}, `grade_category` returned the scores {sorted(got)}; return exactly "
                            f"{sorted(want)}.")
        if text.startswith("[") and got["valid_json"] is True:
            raise Incorrect(f"For {situation}, `grade_category` scored valid_json as True: a list is valid JSON, "
                            "but not the object the prompt asks for, so a program expecting one could not use it.")
        for key in want:
            if bool(got[key]) != want[key] or not isinstance(got[key], bool):
                raise Incorrect(f"For {situation}, `grade_category` scored {key} as {got[key]!r}; that is not "
                                "right for this answer (scores are True or False).")
    return "Correct! Every answer gets a score, and none makes the grader fail."


q1 = Exercise(
    name="A grading function",
    prompt="Write `grade_category(case, text)`: a dict with `valid_json` (the answer holds a JSON object; a list "
           "is not the object asked for) and `category` (its \"category\" equals the case's, ignoring case), both "
           "True or False.",
    variables=("grade_category",),
    checker=_check_grade,
    hints=[
        "extract_json raises ValueError when there is no JSON: catch it and score both False.",
        "extract_json can also return a list: the task asks for an object, so a list scores False on both. "
        "Compare the categories with exact_match, or with .lower() on strings.",
    ],
    solution_code='''
def grade_category(case, text):
    try:
        got = extract_json(text)
    except ValueError:
        return {"valid_json": False, "category": False}
    if not isinstance(got, dict):
        return {"valid_json": False, "category": False}
    return {"valid_json": True, "category": exact_match(case["category"], got.get("category"))}
''',
)


# --------------------------------------------------------------------------- q2: accuracy per field

_PAIRS = [
    ({"name": "Ana", "order_number": "ORD-10001", "email": None},
     {"name": "Ana", "order_number": "ORD-10001", "email": None}),
    ({"name": "Bo", "order_number": None, "email": "bo@x.example"},
     {"name": "Bo", "email": "bo@x.example"}),  # a missing key reads as None: right here
    ({"name": None, "order_number": "ORD-10003", "email": None},
     {"name": "Customer", "order_number": "ORD-10003", "email": None}),
    ({"name": "Dee", "order_number": None, "email": None}, "not JSON"),
]
_WANT = {"name": 0.5, "order_number": 0.75, "email": 0.75}


def _check_accuracy(accuracy: Any) -> str:
    if not callable(accuracy):
        raise Incorrect("`accuracy` should be a function: `def accuracy(pairs): ...`.")
    got = run_learner(accuracy, "accuracy", json.loads(json.dumps(_PAIRS)), situation="four answers")
    if not isinstance(got, dict):
        raise Incorrect(f"`accuracy` returned {got!r:.60}; return a dict from field to the share right.")
    if set(got) != set(_WANT):
        raise Incorrect(f"`accuracy` returned the fields {sorted(got)}; return one entry per expected field.")
    for field, share in _WANT.items():
        value = got[field]
        if not is_number(value):
            raise Incorrect(f"`accuracy`'s {field!r} is {value!r}; return a number from 0 to 1.")
        if abs(value - share) > 1e-9:
            if field == "order_number" and abs(value - 0.5) < 1e-9:
                raise Incorrect("The order_number share is too low: an answer without the key says nothing, which is "
                                "right where nothing was expected.")
            if value > share:
                raise Incorrect(f"The {field!r} share is too high: an answer that is not a dict gets every "
                                "field wrong, and still counts.")
            raise Incorrect(f"`accuracy`'s {field!r} is {value!r}, not the share of answers that had it right.")
    single = run_learner(accuracy, "accuracy", [({"urgency": "high"}, {"urgency": "HIGH"})],
                         situation="one answer that differs only in capitals")
    if not isinstance(single, dict) or single.get("urgency") != 1:
        raise Incorrect("For one answer that differs only in capitals, the share should be 1: compare "
                        "strings without caring about case.")
    return "Correct! Now you know which field the prompt gets wrong, not only that something is wrong."


q2 = Exercise(
    name="Accuracy per field",
    prompt="Write `accuracy(pairs)`: `pairs` is a list of (expected fields, answer) pairs; return, for each "
           "expected field, the share of answers that have it right (strings ignoring case; a missing key is "
           "None; an answer that is not a dict has every field wrong).",
    variables=("accuracy",),
    checker=_check_accuracy,
    hints=[
        "field_scores, from helpers.evaluation, scores one answer's fields (True or False each); or write "
        "the comparison yourself with exact_match.",
        "Count the right answers per field, then divide by the number of pairs (every pair counts).",
    ],
    solution_code='''
def accuracy(pairs):
    right = {}
    for expected, got in pairs:
        for field, ok in field_scores(expected, got).items():
            right[field] = right.get(field, 0) + ok
    return {field: count / len(pairs) for field, count in right.items()}
''',
)


# --------------------------------------------------------------------------- q3: which prompt wins

def _row(prompt: str, model: str, score: float, cost: float | None) -> dict:
    return {"prompt": prompt, "model": model, "cases": 30, "failed": 0, "category": score, "cost_usd": cost,
            "seconds": 1.0}


_4B, _12B = SMALL_MODEL, LARGE_MODEL
_ROWS = [
    ("B scores higher on average", [_row("A", _4B, 0.60, 0.001), _row("A", _12B, 0.80, 0.004),
                                    _row("B", _4B, 0.70, 0.002), _row("B", _12B, 0.90, 0.006)], "B"),
    ("A wins on one model and loses on the other, but is higher on average",
     [_row("A", _4B, 0.90, 0.001), _row("A", _12B, 0.70, 0.004), _row("B", _4B, 0.50, 0.001),
      _row("B", _12B, 0.80, 0.004)], "A"),
    ("the two score the same and A costs less", [_row("A", _4B, 0.70, 0.001), _row("A", _12B, 0.90, 0.003),
                                                 _row("B", _4B, 0.90, 0.002), _row("B", _12B, 0.70, 0.003)], "A"),
    ("B is more even and higher on average, though A has the best single row",
     [_row("A", _4B, 0.50, 0.001), _row("A", _12B, 0.95, 0.004), _row("B", _4B, 0.80, 0.001),
      _row("B", _12B, 0.80, 0.004)], "B"),
    ("the two score the same and the second costs less",
     [_row("brief", _4B, 0.50, 0.003), _row("detailed", _4B, 0.50, 0.002)], "detailed"),
]


def _check_better_prompt(better_prompt: Any) -> str:
    if not callable(better_prompt):
        raise Incorrect("`better_prompt` should be a function: `def better_prompt(rows, metric): ...`.")
    for situation, rows, want in _ROWS:
        got = run_learner(better_prompt, "better_prompt", [dict(r) for r in rows], "category", situation=situation)
        if got == want:
            continue
        labels = {r["prompt"] for r in rows}
        if not isinstance(got, str) or got not in labels:
            raise Incorrect(f"When {situation}, `better_prompt` returned {got!r:.60}; return a prompt's label.")
        if "same" in situation:
            raise Incorrect(f"When {situation}, `better_prompt` returned {got!r}: on a tie, the cheaper prompt "
                            "(its rows' total cost) wins.")
        raise Incorrect(f"When {situation}, `better_prompt` returned {got!r}: average the metric over each "
                        "prompt's rows (one per model) before comparing.")
    return "Correct! One number per prompt, and the cost decides a tie."


q3 = Exercise(
    name="Which prompt wins",
    prompt="Write `better_prompt(rows, metric)`: from evaluate()'s rows, the label of the prompt whose average "
           "`metric` over its rows is highest; on a tie, the one whose rows cost less in total.",
    variables=("better_prompt",),
    checker=_check_better_prompt,
    hints=[
        "Group the rows by row[\"prompt\"]: for each label, the mean of row[metric] and the sum of "
        "row[\"cost_usd\"].",
        "max() with a key that is a tuple compares the first item, then the second: to prefer the lower "
        "cost, put minus the cost second.",
    ],
    solution_code='''
def better_prompt(rows, metric):
    labels = {row["prompt"] for row in rows}

    def standing(label):
        mine = [row for row in rows if row["prompt"] == label]
        mean = sum(row[metric] for row in mine) / len(mine)
        return round(mean, 9), -sum(row["cost_usd"] or 0 for row in mine)

    return max(labels, key=standing)
''',
)
