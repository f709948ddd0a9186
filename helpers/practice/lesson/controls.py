"""One-line controls for the lessons: steer the practice server the default client talks to.

    from helpers import practice
    practice.fail_next(2, status=503)      # the next two chat calls answer 503
    with practice.slow_server(seconds=0.2):
        ...                                # every chat call waits 0.2 s until the block ends

They talk to the practice server over HTTP (``/practice/controls``), so they work whether it runs in
this kernel or elsewhere (a test session's, one you started with ``python -m helpers.practice``).
In real mode they refuse: a fault cannot be ordered from the real API. For a part of a lesson that
needs them whatever the mode, ``switch = helpers.use_practice()`` ... ``switch.back()``.
"""
from __future__ import annotations

import contextlib
from typing import Iterator

from ...routing import get_client
from ..server.routes import CONTROLS_PATH

TIMEOUT = 5.0


class PracticeOnlyError(RuntimeError):
    """A practice control was used while the kit talks to something other than the practice server."""


def _client():
    client = get_client()
    if not client.simulated:
        raise PracticeOnlyError(
            f"This control steers the offline practice server, but the kit is in real mode (calls go to "
            f"{client.base_url}), where faults cannot be ordered. To practise it, run "
            "`switch = helpers.use_practice()` first (`switch.back()` returns to real mode), or set AIML_PRACTICE=1 "
            "and restart the kernel.")
    return client


def _send(payload: dict | None) -> dict:
    import requests

    client = _client()
    url = client.root_url + CONTROLS_PATH
    try:
        if payload is None:
            response = client.session.get(url, timeout=TIMEOUT)
        else:
            response = client.session.post(url, json=payload, timeout=TIMEOUT)
    except requests.RequestException as exc:
        raise PracticeOnlyError(f"The practice server at {client.root_url} did not answer ({type(exc).__name__}). "
                                "Restart the kernel to start a fresh one.") from None
    try:
        answer = response.json()
    except ValueError:
        answer = None
    if not isinstance(answer, dict) or response.status_code in (404, 405, 501):
        raise PracticeOnlyError(f"{client.root_url} has no practice controls: it is not the kit's practice server.")
    if response.status_code != 200:
        raise ValueError(answer.get("message") or f"the practice server answered {response.status_code}")
    return answer


def _fault(**items) -> dict:
    return {k: v for k, v in items.items() if v is not None}


def fail_next(calls: int = 1, status: int = 503, *, retry_after: float | str | None = None,
              retry_after_ms: float | str | None = None) -> dict:
    """The next ``calls`` chat calls answer with ``status`` (and ``Retry-After`` when given)."""
    return _send({"queue": _fault(status=status, retry_after=retry_after, retry_after_ms=retry_after_ms),
                  "calls": calls})


def slow_next(calls: int = 1, *, seconds: float = 2.0, keepalive: bool = False) -> dict:
    """The next ``calls`` chat calls wait ``seconds`` before answering.

    With ``keepalive`` a stream sends keep-alive comments meanwhile (bytes arrive, text does not).
    """
    items = {"keepalive": seconds} if keepalive else {"delay": seconds}
    return _send({"queue": items, "calls": calls})


def cut_next(calls: int = 1, *, after: int = 5) -> dict:
    """The next ``calls`` answers are cut after ``after`` pieces, as a dropped connection cuts them."""
    return _send({"queue": {"cut_after": after}, "calls": calls})


def fresh_rate_window(per_minute: int | None = None) -> dict:
    """Forget past calls; ``per_minute`` sets the practice server's rate limit (None: no limit)."""
    return _send({"rate_limit_per_minute": per_minute})


@contextlib.contextmanager
def slow_server(seconds: float = 0.2) -> Iterator[dict]:
    """Every chat call waits ``seconds`` before answering, until the block ends."""
    with _server_wide(delay=seconds) as state:
        yield state


@contextlib.contextmanager
def failing_server(every: int = 4, status: int = 503) -> Iterator[dict]:
    """Every ``every``-th chat call answers with ``status``, until the block ends."""
    with _server_wide(status=status, every=every) as state:
        yield state


@contextlib.contextmanager
def _server_wide(**items) -> Iterator[dict]:
    before = controls()["server_wide"]
    try:
        yield _send({"server_wide": {**before, **items}})
    finally:
        _send({"server_wide": before})


def clear() -> dict:
    """Every control off: no queued faults, no server-wide ones, no rate limit."""
    return _send({"clear": True})


def controls() -> dict:
    """What is switched on now."""
    return _send(None)
