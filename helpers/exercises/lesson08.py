"""Exercises for lesson 08 (cost and usage): the cost of a raw response, a request id the API
keeps, and the estimate of a workshop from a measured tally.

All three are judged on inputs the checker builds (``requests.Response`` objects, names,
CostTally objects of made-up answers): no call is sent, the verdict is the same in both modes.
"""
from __future__ import annotations

import json
import math
import re
from typing import Any

import requests
from requests.structures import CaseInsensitiveDict

from ..cost import CostTally
from ..results import ChatResult
from ..schema import CLIENT_REQUEST_ID, REQUEST_ID_CHARACTERS
from ..model_ids import SMALL_MODEL
from . import Exercise, Incorrect
from ._checking import expect_unknown_cost, is_number, run_learner

__all__ = ["q1", "q2", "q3"]


def _tip(exc: Exception) -> str:
    if isinstance(exc, NameError):
        return f"Import it in your cell first (import {exc.name})." if exc.name == "re" else ""
    if isinstance(exc, TypeError) and "'Response'" in str(exc):
        return "`response` is a requests Response, not a dict: response.json() gives the body as a dict."
    if isinstance(exc, (KeyError, TypeError, AttributeError)):
        return "A field can be missing or null: read it with .get() and an `or {}` fallback."
    return ""


def _tally_tip(exc: Exception) -> str:
    if isinstance(exc, TypeError) and "'CostTally'" in str(exc):
        return "`tally` is a CostTally, not a dict: read its attributes, such as tally.calls."
    if isinstance(exc, TypeError) and "NoneType" in str(exc):
        return "An average is None when nothing was measured: keep None as None instead of computing with it."
    return ""


def _call(fn: Any, name: str, situation: str, *args: Any, tip=_tip) -> Any:
    """The learner's function on ``args``; a crash names the case, and what usually causes it."""
    return run_learner(fn, name, *args, situation=situation, tip=tip)


# --------------------------------------------------------------------------- q1: cost of a raw response

def _response(body: Any, headers: dict) -> requests.Response:
    """A ``requests.Response`` as ``requests.post`` returns it: JSON body, case-insensitive headers."""
    response = requests.Response()
    response.status_code = 200
    response._content = json.dumps(body).encode("utf-8")
    response.encoding = "utf-8"
    response.headers = CaseInsensitiveDict({"Content-Type": "application/json", **headers})
    response.url = "https://api.aimlapi.com/v1/chat/completions"
    return response


_ANSWER = {"id": "chatcmpl-x", "object": "chat.completion", "model": SMALL_MODEL,
           "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi!"}, "finish_reason": "stop"}],
           "usage": {"prompt_tokens": 12, "completion_tokens": 30, "total_tokens": 42}}

#: (situation, body, headers, the dollars to find)
_COST_CASES = (
    ("an answer with meta.usage and the cost headers",
     {**_ANSWER, "meta": {"usage": {"credits_used": 63, "usd_spent": 0.0000315}}},
     {"x-aimlapi-credits-used": "63", "x-aimlapi-usd-spent": "0.0000315"}, 0.0000315),
    ("an answer with meta.usage but no cost headers",
     {**_ANSWER, "meta": {"usage": {"credits_used": 200, "usd_spent": 0.0001}}}, {}, 0.0001),
    ("an answer without `meta` whose headers carry the cost",
     dict(_ANSWER), {"x-aimlapi-credits-used": "84", "x-aimlapi-usd-spent": "0.000042"}, 0.000042),
    ("an answer whose `meta` is null, with the cost headers (spelled X-AIMLAPI-USD-SPENT)",
     {**_ANSWER, "meta": None}, {"X-AIMLAPI-USD-SPENT": "0.25"}, 0.25),
    ("an answer that reports its cost nowhere", dict(_ANSWER), {}, None),
    ("an answer whose meta has no usage and no cost headers", {**_ANSWER, "meta": {}}, {}, None),
)


def _check_cost_of(cost_of: Any) -> str:
    if not callable(cost_of):
        raise Incorrect("`cost_of` should be a function: `def cost_of(response): ...` returning dollars or None.")
    for situation, body, headers, usd in _COST_CASES:
        got = _call(cost_of, "cost_of", situation, _response(body, headers))
        if usd is None:
            expect_unknown_cost(got, "cost_of", situation)
            continue
        if got is None:
            where = "the headers" if "without" in situation or "null" in situation else "the body's meta.usage"
            raise Incorrect(f"For {situation}, `cost_of` returned None, but {where} carried the cost.")
        if isinstance(got, str):
            raise Incorrect(f"For {situation}, `cost_of` returned the text {got!r}. Header values are always "
                            "text: turn it into a number.")
        if not is_number(got):
            raise Incorrect(f"For {situation}, `cost_of` returned {type(got).__name__} {got!r:.60}; return a "
                            "number of US dollars.")
        if got in (63, 200, 84):
            raise Incorrect(f"For {situation}, `cost_of` returned the credits ({got}), not the dollars.")
        if not math.isclose(got, usd, rel_tol=1e-9):
            raise Incorrect(f"For {situation}, `cost_of` returned {got!r}, not the dollars the response reports.")
    return ("Correct! The body's meta.usage first, the x-aimlapi-usd-spent header when the body is silent, None "
            "when both are.")


q1 = Exercise(
    name="What did it cost?",
    prompt="Write `cost_of(response)`: the dollars a raw `requests` response reports, from meta.usage.usd_spent "
           "or else the x-aimlapi-usd-spent header; None when neither says.",
    variables=("cost_of",),
    checker=_check_cost_of,
    hints=[
        "`response.json()` is the body (a dict); `response.headers` the headers (any capitalisation works with .get).",
        "The body may have no `meta`, or a `meta` of null: read each level with .get() and fall back to an empty "
        "dict, as the lesson's cell does.",
        "A header value is a string such as \"0.000042\": `float(...)` makes it a number.",
    ],
    solution_code='''
def cost_of(response):
    data = response.json()
    usage = (data.get("meta") or {}).get("usage") or {}
    if usage.get("usd_spent") is not None:
        return float(usage["usd_spent"])
    header = response.headers.get("x-aimlapi-usd-spent")
    return float(header) if header is not None else None
''',
)


# --------------------------------------------------------------------------- q2: a request id the API keeps

#: The rule of the API: 1 to 128 characters, each a letter, digit, '.', '_', ':' or '-'.
VALID_REQUEST_ID = CLIENT_REQUEST_ID

_NAMES = ("ana", "Ana María López", "o'brien", "Zoë", "李雷", "  sam  ", "x" * 200, "")


def _why_invalid(rid: str) -> str:
    bad = sorted({c for c in rid if not re.match(f"[{REQUEST_ID_CHARACTERS}]", c)})
    if not rid:
        return "is empty"
    if len(rid) > 128:
        return f"is {len(rid)} characters long (the API keeps at most 128)"
    shown = ", ".join(repr(c) for c in bad[:5])
    return f"holds {shown}, which the API does not accept"


def _check_make_request_id(make_request_id: Any) -> str:
    if not callable(make_request_id):
        raise Incorrect("`make_request_id` should be a function: `def make_request_id(learner, call_number): ...`.")
    seen: dict[str, tuple] = {}
    for learner in _NAMES:
        for number in (1, 2, 17):
            situation = f"learner {learner[:20] + ('...' if len(learner) > 20 else '')!r}, call {number}"
            rid = _call(make_request_id, "make_request_id", situation, learner, number)
            if not isinstance(rid, str):
                raise Incorrect(f"For {situation}, `make_request_id` returned {type(rid).__name__}; a header value "
                                "is text.")
            if not VALID_REQUEST_ID.match(rid):
                shown = f"{rid[:60]!r}{'...' if len(rid) > 60 else ''}"
                raise Incorrect(f"For {situation}, the id {shown} {_why_invalid(rid)}: "
                                "the API would silently drop it, and support could never find the call.")
            if str(number) not in rid:
                raise Incorrect(f"For {situation}, the id {rid!r} does not contain the call number.")
            if rid in seen and seen[rid][1] != number:
                raise Incorrect(f"Calls {seen[rid][1]} and {number} of learner {learner[:20]!r} got the same id "
                                f"{rid!r}: each call needs its own.")
            seen[rid] = (learner, number)
    plain = _call(make_request_id, "make_request_id", "learner 'ana', call 1", "ana", 1)
    if "ana" not in plain.lower():
        raise Incorrect(f"For learner 'ana' the id is {plain!r}: keep the learner's name in it (it is already "
                        "valid), so a person can read who made the call.")
    return "Correct! Every id the API could receive is one it keeps, and each call has its own."


q2 = Exercise(
    name="A request id",
    prompt="Write `make_request_id(learner, call_number)`: an X-Client-Request-Id the API will keep "
           "(1 to 128 of A-Z a-z 0-9 . _ : -), with the learner's name (made safe) and the call number.",
    variables=("make_request_id",),
    checker=_check_make_request_id,
    hints=[
        "Names have spaces, accents and apostrophes: replace every character outside A-Z a-z 0-9 . _ : - with one "
        "that is allowed, such as '-'.",
        "`re.sub(pattern, replacement, text)` replaces every match; the pattern `[^abc]` matches any one character "
        "that is not a, b or c.",
        "Cut the name part short (say 40 characters) so the whole id stays under 128, and put the number after it.",
        "Test an id yourself: `re.fullmatch(r\"[A-Za-z0-9._:-]{1,128}\", rid)` is None when the API would drop it.",
    ],
    solution_code='''
import re

def make_request_id(learner, call_number):
    name = re.sub(r"[^A-Za-z0-9._:-]", "-", learner.strip())[:40] or "anonymous"
    return f"workshop-{name}-call-{call_number}"
''',
)


# --------------------------------------------------------------------------- q3: estimate a workshop

def _tally(entries: list[tuple[float | None, int | None]]) -> CostTally:
    tally = CostTally()
    for usd, tokens in entries:
        usage = ({"prompt_tokens": tokens // 3, "completion_tokens": tokens - tokens // 3, "total_tokens": tokens}
                 if tokens else {})
        tally.add(ChatResult(text="(answer)", model=SMALL_MODEL, finish_reason="stop", usage=usage,
                             cost_usd=usd))
    return tally


#: (situation, tally entries (usd, tokens), learners, calls each, expected calls, tokens, usd)
_WORKSHOPS = (
    ("4 measured calls, 20 learners x 30 calls", [(0.0001, 100), (0.0003, 300), (0.0002, 200), (0.0002, 200)],
     20, 30, 600, 120_000, 0.12),
    ("3 measured calls (one without a cost), 12 learners x 50 calls", [(0.001, 1000), (None, 400), (0.003, 1600)],
     12, 50, 600, 600_000, 1.2),
    ("1 measured call, 1 learner x 1 call", [(0.5, 10)], 1, 1, 1, 10, 0.5),
)


def _check_estimate(estimate_workshop: Any) -> str:
    if not callable(estimate_workshop):
        raise Incorrect("`estimate_workshop` should be a function: "
                        "`def estimate_workshop(tally, learners, calls_each): ...`.")
    for situation, entries, learners, calls_each, calls, tokens, usd in _WORKSHOPS:
        out = _call(estimate_workshop, "estimate_workshop", situation, _tally(entries), learners, calls_each,
                    tip=_tally_tip)
        if not isinstance(out, dict):
            raise Incorrect(f"For {situation}, `estimate_workshop` returned {type(out).__name__}; return a dict "
                            "with 'calls', 'tokens' and 'usd'.")
        missing = [k for k in ("calls", "tokens", "usd") if k not in out]
        if missing:
            raise Incorrect(f"The dict lacks {missing}.")
        if out["calls"] != calls:
            raise Incorrect(f"For {situation}, 'calls' is {out['calls']!r}: it is every learner's calls together.")
        for key, want in (("tokens", tokens), ("usd", usd)):
            got = out[key]
            if not is_number(got):
                raise Incorrect(f"For {situation}, {key!r} is {got!r:.40}; it should be a number.")
            if math.isclose(got, want, rel_tol=1e-6):
                continue
            measured = len(entries)
            if measured > 1 and math.isclose(got, want * measured, rel_tol=1e-6):
                raise Incorrect(f"For {situation}, {key!r} grows with how many calls you measured: use the "
                                "average of one call, not the tally's total.")
            if key == "usd" and math.isclose(got, calls * sum(e[0] or 0 for e in entries) / measured, rel_tol=1e-6):
                raise Incorrect(f"For {situation}, the call without a known cost was counted as free: average "
                                "only the calls whose cost is known.")
            raise Incorrect(f"For {situation}, {key!r} is {got!r}; it should be the average per measured call "
                            "times the workshop's calls.")
    empty = _call(estimate_workshop, "estimate_workshop", "a tally with no call of known cost",
                  _tally([(None, 50)]), 10, 10, tip=_tally_tip)
    if not isinstance(empty, dict) or empty.get("usd") is not None:
        shown = empty.get("usd") if isinstance(empty, dict) else empty
        raise Incorrect(f"When no measured call has a known cost, 'usd' is {shown!r:.40}; nothing was measured, "
                        "so return None for it rather than a number.")
    return "Correct! Measure a few calls, average them, multiply by the room: that is a budget you can defend."


q3 = Exercise(
    name="Budget a workshop",
    prompt="Write `estimate_workshop(tally, learners, calls_each)` returning {'calls', 'tokens', 'usd'} for the "
           "whole workshop, from the averages a CostTally measured.",
    variables=("estimate_workshop",),
    checker=_check_estimate,
    hints=[
        "First count the calls of the whole workshop: every learner makes calls_each of them.",
        "CostTally has `average_tokens_per_call` and `average_usd_per_call` (None when nothing is known).",
        "Multiply each average by the number of calls; keep None as None.",
    ],
    solution_code='''
def estimate_workshop(tally, learners, calls_each):
    calls = learners * calls_each
    usd = tally.average_usd_per_call
    tokens = tally.average_tokens_per_call
    return {"calls": calls,
            "tokens": None if tokens is None else tokens * calls,
            "usd": None if usd is None else usd * calls}
''',
)
