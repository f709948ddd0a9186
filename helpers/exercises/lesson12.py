"""Exercises for lesson 12 (JSON out of Gemma): parse an answer in a code fence, write a pydantic model,
tell a bad answer's two kinds apart.

Every check runs the learner's code on answers the checker wrote (the shapes small models produce),
never on the model's random words, so it gives the same verdict in practice mode and with a key.
"""
from __future__ import annotations

import json
from typing import Any, Literal

from . import Exercise, Incorrect
from ._checking import run_learner

__all__ = ["q1", "q2", "q3", "CATEGORIES"]

#: The five categories of the shop's support requests (helpers/data/SUPPORT_REQUESTS.md).
CATEGORIES = ("billing", "technical", "account", "shipping", "other")

# --------------------------------------------------------------------------- q1: strip the fence

_OBJECT = {"name": "Maria Lopez", "order_number": "ORD-48213", "urgent": False}
_BODY = json.dumps(_OBJECT, indent=2)
_FENCED = [
    ("an answer that is the JSON alone", _BODY),
    ("an answer in a ```json fence", f"```json\n{_BODY}\n```"),
    ("an answer in a fence without a language tag", f"```\n{_BODY}\n```"),
    ("a fenced answer with a sentence before and after it",
     f"Here is the JSON you asked for:\n\n```json\n{_BODY}\n```\n\nLet me know if you need anything else."),
    ("a fenced answer with Windows line ends", f"```json\r\n{_BODY}\r\n```\r\n"),
]


def _fence_tip(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return "json.loads was given more than the JSON: print what you pass it for this answer."
    if isinstance(exc, AttributeError) and "NoneType" in str(exc):
        return "a search found nothing here and returned None: handle that case."
    return ""


def _check_parse_fenced(parse_fenced: Any) -> str:
    if not callable(parse_fenced):
        raise Incorrect("`parse_fenced` should be a function: `def parse_fenced(text): ...`.")
    for situation, text in _FENCED:
        got = run_learner(parse_fenced, "parse_fenced", text, situation=situation, tip=_fence_tip)
        if isinstance(got, str):
            raise Incorrect(f"For {situation}, `parse_fenced` returned a string; return the parsed JSON "
                            "(a dict), as json.loads gives it.")
        if got != _OBJECT:
            raise Incorrect(f"For {situation}, `parse_fenced` returned {got!r:.80}, not the object in the answer.")
    return "Correct! The fence and the sentences around it are gone before json.loads sees the text."


q1 = Exercise(
    name="Strip the fence",
    prompt="Write `parse_fenced(text)`: the JSON object in an answer, whether or not it sits in a fenced code "
           "block (with or without `json` after the opening backticks, with sentences around it).",
    variables=("parse_fenced",),
    checker=_check_parse_fenced,
    hints=[
        "Find the text between the opening ``` line and the closing ```; when there is no fence, parse the "
        "whole text.",
        "A regular expression can capture what lies between the two fences: make its dot match line ends "
        "too (a flag of re.search), keep the capture as short as it can be, and let the language tag after "
        "the opening fence be there or not.",
    ],
    solution_code=r'''
def parse_fenced(text):
    match = re.search(r"```(?:json)?\s*\n(.*?)```", text, re.S)
    return json.loads(match.group(1) if match else text)
''',
)


# --------------------------------------------------------------------------- q2: the pydantic model

_GOOD = [
    {"category": "shipping", "order_number": "ORD-50112", "urgent": True},
    {"category": "billing", "order_number": None, "urgent": False},
    {"category": "other", "urgent": False},
]
_BAD = [
    ({"category": "refunds", "order_number": None, "urgent": False}, "a category that is not one of the five",
     "category"),
    ({"category": "billing", "order_number": None}, "a ticket without urgent", "urgent"),
    ({"order_number": "ORD-1", "urgent": True}, "a ticket without category", "category"),
    ({"category": "billing", "order_number": 48213, "urgent": False}, "an order number given as a number",
     "order_number"),
    ({"category": "billing", "order_number": None, "urgent": "maybe"}, "urgent given as 'maybe'", "urgent"),
]


def _check_ticket(Ticket: Any) -> str:
    from pydantic import BaseModel, ValidationError

    if not (isinstance(Ticket, type) and issubclass(Ticket, BaseModel)):
        raise Incorrect("`Ticket` should be a pydantic model: a class that inherits from BaseModel.")
    fields = set(Ticket.model_fields)
    missing = {"category", "order_number", "urgent"} - fields
    if missing:
        raise Incorrect(f"`Ticket` has no field {sorted(missing)[0]!r}; it needs category, order_number and urgent.")
    if fields - {"category", "order_number", "urgent"}:
        raise Incorrect(f"`Ticket` has a field the task does not ask for: {sorted(fields)[0]!r}.")
    for good in _GOOD:
        try:
            ticket = Ticket.model_validate(good)
        except ValidationError as exc:
            field = exc.errors()[0]["loc"][0] if exc.errors() and exc.errors()[0]["loc"] else "?"
            raise Incorrect(f"`Ticket` refused a right ticket, {json.dumps(good)}: the problem it found is in "
                            f"{field!r}. A ticket without an order number is fine (its order_number is None)."
                            ) from None
        if "order_number" not in good and ticket.order_number is not None:
            raise Incorrect("Without an order number, order_number should be None.")
        if ticket.urgent is not good["urgent"]:
            raise Incorrect(f"`Ticket` read urgent={good['urgent']!r} as {ticket.urgent!r}: declare it a bool.")
    for bad, situation, field in _BAD:
        try:
            Ticket.model_validate(bad)
        except ValidationError:
            continue
        raise Incorrect(f"`Ticket` accepted {situation} ({json.dumps(bad)}): tighten the type of `{field}`.")
    return "Correct! Right tickets pass, and each wrong one is refused with the field that is wrong."


q2 = Exercise(
    name="A pydantic model",
    prompt="Write `Ticket`, a pydantic model with `category` (one of CATEGORIES), `order_number` (a string, or "
           "None when the message gives none; may be left out) and `urgent` (true or false).",
    variables=("Ticket",),
    checker=_check_ticket,
    hints=[
        "A pydantic model is a class that inherits from BaseModel, with one annotated line per field, like "
        "the models earlier in the lesson.",
        "`typing.Literal[\"a\", \"b\"]` allows only those strings; `str | None = None` allows a string or None "
        "and makes the field optional.",
    ],
    solution_code='''
class Ticket(BaseModel):
    category: Literal["billing", "technical", "account", "shipping", "other"]
    order_number: str | None = None
    urgent: bool
''',
)


# --------------------------------------------------------------------------- q3: two kinds of bad answer


def _models() -> tuple[Any, Any]:
    from pydantic import BaseModel

    class Reading(BaseModel):
        city: str
        celsius: float

    class Flag(BaseModel):
        ok: bool
        reason: Literal["fine", "broken"]

    return Reading, Flag


def _verdict_cases() -> list[tuple[str, Any, str, str]]:
    Reading, Flag = _models()
    return [
        ('{"city": "Oslo", "celsius": -3.5}', Reading, "valid", "an answer that fits the model"),
        ('Sure! ```json\n{"city": "Oslo", "celsius": 4}\n```', Reading, "valid", "a fenced answer that fits"),
        ('{"city": "Oslo"}', Reading, "wrong shape", "JSON without a required key"),
        ('{"ok": true, "reason": "unknown"}', Flag, "wrong shape", "JSON with a value the model does not allow"),
        ("{'city': 'Oslo', 'celsius': 4}", Reading, "not JSON", "a Python dict written with single quotes"),
        ("It is 4 degrees in Oslo.", Reading, "not JSON", "a plain sentence"),
        ('{"ok": false, "reason": "broken"}', Flag, "valid", "a second model's valid answer"),
    ]


def _check_verdict(verdict: Any) -> str:
    if not callable(verdict):
        raise Incorrect("`verdict` should be a function: `def verdict(text, model_class): ...`.")
    for text, model_class, want, situation in _verdict_cases():
        def tip(exc: Exception) -> str:
            return "catch the errors a bad answer raises and return the verdict instead."

        got = run_learner(verdict, "verdict", text, model_class, situation=situation, tip=tip)
        if got == want:
            continue
        if got not in ("valid", "not JSON", "wrong shape"):
            raise Incorrect(f"For {situation}, `verdict` returned {got!r:.60}; return one of 'valid', "
                            "'not JSON' or 'wrong shape'.")
        if want == "wrong shape" and got == "not JSON":
            raise Incorrect(f"For {situation}, `verdict` said 'not JSON', but the JSON was fine: the model refused "
                            "it. pydantic's ValidationError is a ValueError too: which `except` comes first?")
        raise Incorrect(f"For {situation}, `verdict` said {got!r}; that is not what happened to this answer.")
    return "Correct! A repair message can now say which of the two went wrong."


q3 = Exercise(
    name="Two kinds of bad answer",
    prompt="Write `verdict(text, model_class)`: 'valid' when the answer's JSON fits the pydantic model, "
           "'not JSON' when there is no valid JSON in it, 'wrong shape' when the JSON does not fit the model.",
    variables=("verdict",),
    checker=_check_verdict,
    hints=[
        "parse_as raises pydantic's ValidationError when the JSON does not fit the model, and ValueError when "
        "there is no JSON: call it inside try, and turn each exception into its verdict.",
        "Python runs the first `except` clause that matches, and one of the two exceptions is a kind of the "
        "other: print ValidationError.__mro__ to see which, then think about the order of your clauses.",
    ],
    solution_code='''
def verdict(text, model_class):
    try:
        parse_as(model_class, text)
    except ValidationError:
        return "wrong shape"
    except ValueError:
        return "not JSON"
    return "valid"
''',
)
