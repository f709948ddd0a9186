"""Exercises for lesson 01 (copy the page's example and read its answer, and the page's sample response).

    from helpers.exercises.lesson01 import q1, q2, q3
"""
from __future__ import annotations

from typing import Any

from ..doc_examples import documented_sample
from ..model_ids import LARGE_MODEL, SMALL_MODEL
from . import Exercise, Incorrect
from ._checking import expect_unknown_cost, is_number, run_learner_on_copy

# --- q1: the headers ------------------------------------------------------------------

#: Made-up keys (they work nowhere); a checker must never echo a real one.
_KEY_A = "test0000000000000000000000key-a1"
_KEY_B = "test1111111111111111111111key-b2"


def _header(headers: dict, name: str) -> Any:
    """A header's value, whatever the capitalisation of its name (HTTP names are case-insensitive)."""
    for key, value in headers.items():
        if isinstance(key, str) and key.lower() == name.lower():
            return value
    return None


def _check_make_headers(make_headers: Any) -> str:
    if not callable(make_headers):
        raise Incorrect("`make_headers` should be a function: `def make_headers(api_key): ...` returning a dict.")
    results = []
    for key in (_KEY_A, _KEY_B):
        try:
            headers = make_headers(key)
        except Exception as exc:
            raise Incorrect(f"make_headers(...) raised {type(exc).__name__}: {exc}") from None
        if not isinstance(headers, dict):
            raise Incorrect(f"make_headers(...) returned {type(headers).__name__}; return a dict of header names "
                            "to values.")
        results.append(headers)
    headers = results[0]
    auth = _header(headers, "Authorization")
    if auth is None:
        raise Incorrect("The dict has no 'Authorization' header: that is where the key goes.")
    if not isinstance(auth, str):
        raise Incorrect(f"The Authorization value is {type(auth).__name__}; it must be a string.")
    if "<YOUR_AIMLAPI_KEY>" in auth:
        raise Incorrect("The Authorization header still holds the placeholder <YOUR_AIMLAPI_KEY>: put the api_key "
                        "argument in its place.")
    if "{" in auth and "}" in auth:
        raise Incorrect("The Authorization value contains curly braces: did you forget the f in front of the string "
                        "(f\"...{...}\")?")
    if _KEY_A not in auth:
        raise Incorrect("The Authorization value does not contain the key passed as `api_key`. Use the argument, "
                        "not a key from elsewhere.")
    if _header(results[1], "Authorization") != f"Bearer {_KEY_B}" and auth == f"Bearer {_KEY_A}":
        raise Incorrect("make_headers gives a wrong Authorization for some keys: build it from the `api_key` argument "
                        "every time, with nothing remembered between calls.")
    if auth == _KEY_A:
        raise Incorrect("The Authorization value is the bare key: it needs the scheme word in front (the page "
                        "writes 'Bearer <YOUR_AIMLAPI_KEY>').")
    if not auth.startswith("Bearer"):
        raise Incorrect("The Authorization value must start with the word 'Bearer' (capital B), as in the page's "
                        "example.")
    if auth != f"Bearer {_KEY_A}":
        raise Incorrect("The Authorization value should be exactly 'Bearer', one space, then the key: no quotes, "
                        "no extra spaces, nothing after the key.")
    kind = _header(headers, "Content-Type")
    if kind is None:
        raise Incorrect("The dict has no 'Content-Type' header: it tells the server the body is JSON.")
    if kind != "application/json":
        raise Incorrect(f"Content-Type is {kind!r}; the body is JSON, and JSON's media type is 'application/json'.")
    return "Both headers are right, and the key comes from the argument."


q1 = Exercise(
    name="The headers",
    prompt="Write `make_headers(api_key)` returning the two headers of the page's example, "
           "with the key filled in.",
    variables=("make_headers",),
    checker=_check_make_headers,
    hints=[
        "Look at the `headers={...}` part of the page's example: two entries.",
        "The placeholder `<YOUR_AIMLAPI_KEY>` is replaced by the key, angle brackets included; the word before it "
        "stays.",
        "An f-string puts a variable into text: `f\"Hello {name}\"` is 'Hello ' followed by the value of `name`.",
    ],
    solution_code='''
def make_headers(api_key):
    return {
        "Authorization": f"Bearer {api_key}",
        "Content-Type": "application/json",
    }
''',
)


# --- sample answers the checkers of q2 and q3 read ------------------------------------

#: The documented sample: the page's own sample response (helpers/data/doc_sample_response.json).
DOCUMENTED = documented_sample()
_DOCUMENTED_TEXT = DOCUMENTED["choices"][0]["message"]["content"]

#: The kit's own sample: an answer shaped as the schema describes, with its `meta.usage` bill.
KIT_SAMPLE = {
    "id": "chatcmpl-CQ9FPg3osank0dx0k46Z53LTqtXMl",
    "object": "chat.completion",
    "created": 1762343744,
    "model": SMALL_MODEL,
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello! How can I help you today?",
                                         "refusal": None}, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 137, "completion_tokens": 914, "total_tokens": 1051},
    "meta": {"usage": {"credits_used": 120000, "usd_spent": 0.06}},
}

#: The kit's own sample of what real answers also carry: fields beyond the schema, odd values, and a bill.
WITH_EXTRAS = {
    "id": "gen-1762343744-abc",
    "provider": "Google AI Studio",
    "model": f"{SMALL_MODEL}:free",
    "object": "chat.completion",
    "created": 1762343745,
    "choices": [{"logprobs": None, "finish_reason": "stop", "native_finish_reason": "STOP", "index": 0,
                 "message": {"role": "assistant", "content": "San Francisco sits on a peninsula.", "refusal": None,
                             "reasoning": None}}],
    "usage": {"prompt_tokens": 6, "completion_tokens": 0, "total_tokens": 6, "cost": 0},
    "meta": {"usage": {"credits_used": 42, "usd_spent": 0.000021}},
}

NO_META = {
    "id": "chatcmpl-nometa",
    "object": "chat.completion",
    "created": 1762343746,
    "model": LARGE_MODEL,
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "A short answer."},
                 "finish_reason": "length"}],
}

NULL_META = {**NO_META, "id": "chatcmpl-nullmeta", "meta": None}
META_WITHOUT_USAGE = {**NO_META, "id": "chatcmpl-metanousage", "meta": {}}

#: The label of the documented sample in verdicts.
DOCUMENTED_LABEL = "the documented sample (the page's own response, which has no `meta`)"

_SAMPLES = (
    (DOCUMENTED_LABEL, DOCUMENTED, _DOCUMENTED_TEXT, None),
    ("the kit's own sample answer, with `meta.usage`", KIT_SAMPLE, "Hello! How can I help you today?", 0.06),
    ("the kit's own answer with extra fields (provider, usage.cost, a ':free' model)", WITH_EXTRAS,
     "San Francisco sits on a peninsula.", 0.000021),
    ("an answer without `meta` or `usage`", NO_META, "A short answer.", None),
    ("an answer whose `meta` is null", NULL_META, "A short answer.", None),
    ("an answer whose `meta` has no `usage`", META_WITHOUT_USAGE, "A short answer.", None),
)


def _call(func: Any, name: str, label: str, data: dict) -> Any:
    """The learner's function on a copy of the sample: a crash or a change to the sample is the verdict."""
    return run_learner_on_copy(func, name, data, situation=label, tip=_tip_for,
                               instead="read from the answer, never modify it")


def _tip_for(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return "`data[...]` fails when a field is absent; `.get(...)` returns None instead."
    if isinstance(exc, TypeError) and "indices must be integers" in str(exc):
        return "Something in the path is a list: pick its first item with [0]."
    if isinstance(exc, (TypeError, AttributeError)) and "None" in str(exc):
        return "A field can be present but null (None): check before reading inside it."
    return "Print the sample and follow the path one step at a time."


# --- q2: the answer's text ------------------------------------------------------------

def _check_extract_answer(extract_answer: Any) -> str:
    if not callable(extract_answer):
        raise Incorrect("`extract_answer` should be a function: `def extract_answer(data): ...` returning the text.")
    for label, data, text, _ in _SAMPLES:
        got = _call(extract_answer, "extract_answer", label, data)
        if got == text:
            continue
        if isinstance(got, dict) and "choices" in got:
            raise Incorrect(f"For {label}, extract_answer() returned the whole answer it was given: follow the "
                            "path from `choices` down to the text.")
        if isinstance(got, dict):
            raise Incorrect(f"For {label}, extract_answer() returned a dict with keys {sorted(got)}: go one level "
                            "deeper, down to the text.")
        if isinstance(got, list):
            raise Incorrect(f"For {label}, extract_answer() returned a list: `choices` is a list of choices, "
                            "pick the first.")
        if got is None:
            raise Incorrect(f"For {label}, extract_answer() returned None. Return the text (printing it is not "
                            "returning it), and check each key on the way down.")
        raise Incorrect(f"For {label}, extract_answer() returned {got!r:.80}, not the assistant's message text.")
    return ("The text comes out of the documented sample, the kit's own answers with extra fields, and ones "
            "without `meta`.")


q2 = Exercise(
    name="Extract the answer",
    prompt="Write `extract_answer(data)` that returns the assistant's text from a parsed chat-completions answer.",
    variables=("extract_answer",),
    checker=_check_extract_answer,
    hints=[
        "Follow the path printed above: the answer → `choices` → the first choice → `message` → `content`.",
        "`choices` is a list: index it to get the first choice, then keep going down by key.",
    ],
    solution_code='''
def extract_answer(data):
    return data["choices"][0]["message"]["content"]
''',
)


# --- q3: what the call cost -----------------------------------------------------------

def _check_spent_usd(spent_usd: Any) -> str:
    if not callable(spent_usd):
        raise Incorrect("`spent_usd` should be a function: `def spent_usd(data): ...` returning a number or None.")
    for label, data, _, usd in _SAMPLES:
        got = _call(spent_usd, "spent_usd", label, data)
        if usd is None:
            if data is DOCUMENTED and got == 0 and _call(spent_usd, "spent_usd", label, NO_META) != 0:
                raise Incorrect(f"For {label}, spent_usd() returned 0: that is its `usage.cost`, a field outside "
                                "the schema. The task reads `meta.usage.usd_spent`, which this answer lacks.")
            expect_unknown_cost(got, "spent_usd", label)
            continue
        if not is_number(got):
            raise Incorrect(f"For {label}, spent_usd() returned {type(got).__name__} {got!r:.60}; return the number of "
                            "US dollars the answer reports.")
        if got == 120000 or got == 42:
            raise Incorrect(f"For {label}, spent_usd() returned the credits, not the dollars: look beside them.")
        if got != usd:
            raise Incorrect(f"For {label}, spent_usd() returned {got!r}, not the `usd_spent` the answer reports.")
    return "The cost is read when the answer reports it, and None comes back when it does not."


q3 = Exercise(
    name="What did it cost?",
    prompt="Write `spent_usd(data)` that returns `meta.usage.usd_spent` from an answer, or None when the answer "
           "does not report it.",
    variables=("spent_usd",),
    checker=_check_spent_usd,
    hints=[
        "`data.get(\"meta\")` is None when the field is missing; so is `data[\"meta\"]` when the field is null.",
        "`x or {}` is an empty dict when `x` is None, and `.get` works on an empty dict too: one level at a "
        "time.",
    ],
    solution_code='''
def spent_usd(data):
    meta = data.get("meta") or {}
    usage = meta.get("usage") or {}
    return usage.get("usd_spent")
''',
)

__all__ = ["q1", "q2", "q3", "DOCUMENTED", "KIT_SAMPLE", "WITH_EXTRAS", "NO_META"]
