"""Exercises for lesson 07 (errors and retries): a safe call, a triage function, a backoff schedule.

``q1`` runs the learner's ``safe_chat`` against practice servers with injected faults
(simulated errors, a wrong key, a refused port, a slow answer): free, offline and the same
in both modes. ``q2`` and ``q3`` are pure functions judged on constructed inputs.
"""
from __future__ import annotations

import math
from typing import Any

from .. import errors
from ..ports import free_port
from . import Exercise, Incorrect
from ._checking import RecordingClient, checking_server, default_client, is_number, run_learner

__all__ = ["q1", "q2", "q3"]


def refused_base_url() -> str:
    """A loopback URL where nothing listens (a port just freed), so connecting is refused."""
    return f"http://127.0.0.1:{free_port()}/v1"


# --------------------------------------------------------------------------- q1: safe_chat

def _expect_none(safe_chat: Any, situation: str, client: RecordingClient) -> None:
    with default_client(client):
        try:
            out = safe_chat("Tell me about San Francisco")
        except errors.APIError as exc:
            raise Incorrect(f"When {situation}, `safe_chat` let an exception escape ({type(exc).__name__}); "
                            "catch the API's errors and return None.") from None
        except Exception as exc:
            raise Incorrect(f"When {situation}, `safe_chat` raised {type(exc).__name__}: {exc}") from None
        if not client.calls:
            raise Incorrect("`safe_chat` sent no request: call helpers.chat(prompt).")
    if out is not None:
        raise Incorrect(f"When {situation}, `safe_chat` returned {out!r:.60} instead of None.")


def _check_safe_chat(safe_chat: Any) -> str:
    if not callable(safe_chat):
        raise Incorrect("`safe_chat` should be a function (def safe_chat(prompt): ...).")
    server = checking_server()
    with default_client(RecordingClient()) as ok:
        out = run_learner(safe_chat, "safe_chat", "Tell me about San Francisco")
        if not ok.calls:
            raise Incorrect("`safe_chat` sent no request: call helpers.chat(prompt).")
        if out is None:
            raise Incorrect("When the call succeeds, `safe_chat` returned None; return the answer's text.")
        if not isinstance(out, str):
            raise Incorrect(f"When the call succeeds, `safe_chat` returned {type(out).__name__}; return the answer's "
                            "text (a string).")
    _expect_none(safe_chat, "the server keeps answering 503", RecordingClient(fault="status=503"))
    _expect_none(safe_chat, "the server answers 429 (rate limit)", RecordingClient(fault="status=429;retry_after=0"))
    _expect_none(safe_chat, "the key is wrong (401)",
                 RecordingClient(api_key="not-a-real-key", base_url=server.base_url))
    _expect_none(safe_chat, "nothing listens at the address (connection refused)",
                 RecordingClient(api_key="not-a-real-key", base_url=refused_base_url()))
    _expect_none(safe_chat, "the answer takes longer than the deadline",
                 RecordingClient(fault="delay=1.5", timeout=0.4))
    with default_client(RecordingClient()):
        try:
            safe_chat("")  # refused by the client before sending: a bug in the caller, not an API failure
        except errors.RequestValidationError:
            pass
        except Exception as exc:
            raise Incorrect(f"An empty prompt made `safe_chat` raise {type(exc).__name__}: {exc}") from None
        else:
            raise Incorrect("An empty prompt is a mistake in the calling code (RequestValidationError), not an API "
                            "failure, and `safe_chat` hid it. Catch helpers.APIError only, not every exception.")
    return "Correct! API and network failures become None; mistakes in your own code still show."


q1 = Exercise(
    name="A safe chat",
    prompt="Write `safe_chat(prompt)`: the answer's text, or None when the API or the network fails.",
    variables=("safe_chat",),
    checker=_check_safe_chat,
    hints=[
        "Wrap the call in try/except, and return the answer's text from the try block.",
        "Every error the API or the network causes derives from one class: the lesson names it under its table "
        "of statuses.",
        "Catch that one class only: a bare except, or `except Exception`, would also swallow the "
        "RequestValidationError the task wants raised.",
    ],
    solution_code='''
def safe_chat(prompt):
    try:
        return helpers.chat(prompt, max_tokens=200).text
    except helpers.APIError as e:
        print(f"The call failed ({type(e).__name__}); carrying on without an answer.")
        return None
''',
)


# --------------------------------------------------------------------------- q2: what to do

ACTIONS = ("fix the request", "check the key", "top up", "retry later", "check the network", "read the message")


def _status(cls: type, code: int) -> errors.APIStatusError:
    return cls(f"Error code {code}", status_code=code, api_message="(message)")


_Q2_CASES = [
    (_status(errors.BadRequestError, 400), "fix the request", "a BadRequestError (400)"),
    (_status(errors.NotFoundError, 404), "fix the request", "a NotFoundError (404)"),
    (_status(errors.UnprocessableEntityError, 422), "fix the request", "an UnprocessableEntityError (422)"),
    (errors.RequestValidationError("temperature=3 is too large"), "fix the request", "a RequestValidationError"),
    (_status(errors.AuthenticationError, 401), "check the key", "an AuthenticationError (401)"),
    (_status(errors.PermissionDeniedError, 403), "top up", "a PermissionDeniedError (403)"),
    (_status(errors.RateLimitError, 429), "retry later", "a RateLimitError (429)"),
    (_status(errors.InternalServerError, 500), "retry later", "an InternalServerError (500)"),
    (_status(errors.InternalServerError, 503), "retry later", "an InternalServerError (503)"),
    (errors.APITimeoutError(), "retry later", "an APITimeoutError"),
    (errors.APIConnectionError(), "check the network", "an APIConnectionError (not a timeout)"),
    (_status(errors.APIStatusError, 418), "read the message", "a plain APIStatusError (418)"),
    # 408 and 409 have no class of their own, but the client retries them: transient by HTTP convention.
    (_status(errors.APIStatusError, 408), "retry later", "a plain APIStatusError with status 408 (Request Timeout)"),
    (_status(errors.APIStatusError, 409), "retry later", "a plain APIStatusError with status 409 (Conflict)"),
]


def _check_what_to_do(what_to_do: Any) -> str:
    if not callable(what_to_do):
        raise Incorrect("`what_to_do` should be a function (def what_to_do(error): ...).")
    for error, want, label in _Q2_CASES:
        got = run_learner(what_to_do, "what_to_do", error)
        if got == want:
            continue
        if got not in ACTIONS:
            raise Incorrect(f"For {label}, `what_to_do` returned {got!r:.50}; return one of the six phrases exactly.")
        if isinstance(error, errors.APITimeoutError):
            raise Incorrect(f"For {label} you said {got!r}. APITimeoutError is a kind of APIConnectionError: "
                            "test the more specific class before the general one.")
        if type(error) is errors.APIStatusError and want == "retry later":
            raise Incorrect(f"For {label} you said {got!r}. It has no class of its own, yet the task's list "
                            "says what to do about it: look at the error's status_code.")
        if type(error) is errors.APIStatusError:
            raise Incorrect(f"For {label} (a status with no class of its own) you said {got!r}.")
        if isinstance(error, errors.APIStatusError) and got == "read the message":
            raise Incorrect(f"For {label} you fell through to the catch-all: is its class tested before "
                            "APIStatusError?")
        raise Incorrect(f"For {label}, `what_to_do` said {got!r}; reread what that error means in the task's list.")
    return "Correct! The specific classes first, the catch-all last: the same order as `except` clauses."


q2 = Exercise(
    name="What to do about an error",
    prompt="Write `what_to_do(error)`: which of six actions suits each kind of error.",
    variables=("what_to_do",),
    checker=_check_what_to_do,
    hints=[
        "Use isinstance(error, helpers.SomeError) in a chain of if/elif, returning one phrase per branch.",
        "Order matters: APITimeoutError is also an APIConnectionError, and every status error is an APIStatusError.",
        "RequestValidationError is not an APIError at all (it is a ValueError), but it still means: fix the request.",
        "408 and 409 arrive as a plain APIStatusError: `error.status_code` tells them apart from other statuses.",
    ],
    solution_code='''
def what_to_do(error):
    if isinstance(error, (helpers.BadRequestError, helpers.NotFoundError,
                          helpers.UnprocessableEntityError, helpers.RequestValidationError)):
        return "fix the request"
    if isinstance(error, helpers.AuthenticationError):
        return "check the key"
    if isinstance(error, helpers.PermissionDeniedError):
        return "top up"
    if isinstance(error, (helpers.RateLimitError, helpers.InternalServerError, helpers.APITimeoutError)):
        return "retry later"
    if isinstance(error, helpers.APIStatusError) and error.status_code in (408, 409):
        return "retry later"
    if isinstance(error, helpers.APIConnectionError):
        return "check the network"
    return "read the message"
''',
)


# --------------------------------------------------------------------------- q3: the backoff schedule

def _expected_schedule(n: int) -> list[float]:
    return [min(0.5 * 2 ** i, 8.0) for i in range(n)]


def _check_schedule(backoff_schedule: Any) -> str:
    if not callable(backoff_schedule):
        raise Incorrect("`backoff_schedule` should be a function (def backoff_schedule(retries): ...).")
    for n in (3, 1, 8, 0):
        got = run_learner(backoff_schedule, "backoff_schedule", n)
        want = _expected_schedule(n)
        if got is None:
            raise Incorrect(f"`backoff_schedule({n})` returned None: printing the waits does not hand them back. "
                            "End the function with `return`.")
        try:
            got_list = list(got)
        except TypeError:
            raise Incorrect(f"`backoff_schedule({n})` returned {type(got).__name__}; return a list of waits in "
                            "seconds.") from None
        if len(got_list) != n:
            raise Incorrect(f"`backoff_schedule({n})` gave {len(got_list)} waits; there is one wait before each of "
                            f"the {n} retries.")
        if not all(is_number(x) for x in got_list):
            raise Incorrect(f"`backoff_schedule({n})` should hold numbers of seconds, not {got_list!r:.60}.")
        if all(math.isclose(a, b) for a, b in zip(got_list, want)):
            continue
        if got_list and not math.isclose(got_list[0], 0.5):
            raise Incorrect(f"The first wait is {got_list[0]!r} s; the schedule in the lesson starts at half a second.")
        over = [x for x in got_list if x > 8]
        if over:
            raise Incorrect(f"A wait of {over[0]!r} s appears: the waits stop growing at the cap.")
        raise Incorrect(f"`backoff_schedule({n})` gave {[round(x, 3) for x in got_list]}: each wait should double "
                        "the one before until the cap.")
    return "Correct! 0.5, 1, 2, 4, 8, 8 ... and the client shortens each by up to a quarter at random (jitter)."


q3 = Exercise(
    name="The backoff schedule",
    prompt="Write `backoff_schedule(retries)`: the waits before each retry, without jitter.",
    variables=("backoff_schedule",),
    checker=_check_schedule,
    hints=[
        "Write the first waits out by hand (0.5, 1, 2, ...): what does each wait multiply the one before by?",
        "Python's min() of two numbers keeps the smaller: that is one way to stop a wait at the cap.",
        "One wait per retry: a loop over range(retries) that appends each wait, or a list comprehension.",
    ],
    solution_code='''
def backoff_schedule(retries):
    return [min(0.5 * 2 ** i, 8.0) for i in range(retries)]
''',
)
