"""The retry policy, in one place: which answers are tried again, how long to wait, when to give up.

The client's calls, its streams and a batch's rate-limit requeues all ask a :class:`RetryPolicy`;
none has a schedule of its own. Tests hand a client their own ``sleep``, ``clock`` and ``jitter``
(``Client(..., sleep=waits.append, jitter=lambda: 0.0)``) so that retries run fast and repeatably.
"""
from __future__ import annotations

import email.utils
import logging
import math
import random
import time
from dataclasses import dataclass
from typing import Any, Callable

from requests.structures import CaseInsensitiveDict

log = logging.getLogger("helpers")

#: Statuses worth another try: the request was fine, the moment was not.
RETRY_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})
#: The longest wait the server may ask for that a client sits out, in seconds (RetryPolicy.max_retry_after).
#: A longer one is not retried early: the call raises its error, with the wait in ``.retry_after``.
MAX_RETRY_AFTER = 60.0
#: The schedule: 0.5 s doubling per retry, capped at 8 s, shortened by up to a quarter at random.
FIRST_WAIT, LONGEST_WAIT, JITTER = 0.5, 8.0, 0.25

#: What the log says for each retry of a call, and for a stream sent again (the ``helpers`` logger, INFO).
RETRY_RECORD = "Retrying %s %s in %.2f s after %s (retry %d of %d)"
STREAM_RETRY_RECORD = "Stream cut before any text; sending it again in %.2f s (retry %d of %d)"


def _seconds(value: str | None, scale: float = 1.0) -> float | None:
    try:
        return float(value) / scale if value is not None else None
    except ValueError:
        return None


def _date_seconds(value: str | None, now: Callable[[], float]) -> float | None:
    if value is None:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).timestamp() - now()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def retry_after_seconds(headers: Any, now: Callable[[], float] = time.time) -> float | None:
    """The wait a server asked for (``retry-after-ms``, else ``Retry-After`` in seconds or as a date).

    None when absent or unusable: negative or not finite. An unusable ``retry-after-ms`` falls
    back to ``Retry-After``, as the OpenAI SDK does. Whether the client waits that long is the
    policy's call (:meth:`RetryPolicy.will_wait`).
    """
    headers = CaseInsensitiveDict(headers or {})
    seconds = _seconds(headers.get("retry-after-ms"), 1000)
    if seconds is None:
        seconds = _seconds(headers.get("retry-after"))
    if seconds is None:
        seconds = _date_seconds(headers.get("retry-after"), now)
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return None
    return seconds


def backoff_seconds(attempt: int, headers: Any = None, jitter: Callable[[], float] = random.random) -> float:
    """How long to wait before retry number ``attempt + 1``.

    The server's Retry-After wins whenever it names a usable wait, however long (the policy then
    decides whether to wait that long); otherwise 0.5 s doubling per attempt, capped at 8 s,
    shortened by up to a quarter at random so that a room of learners does not retry in lockstep.
    """
    asked = retry_after_seconds(headers) if headers is not None else None
    if asked is not None:
        return asked
    return min(FIRST_WAIT * 2 ** attempt, LONGEST_WAIT) * (1 - JITTER * jitter())


@dataclass
class RetryPolicy:
    """How many retries one call may make, the longest wait it sits out, and the clock, sleep and jitter
    its waits use."""

    max_retries: int = 2
    #: The longest wait a server may ask for (Retry-After) that a retry sits out, in seconds.
    max_retry_after: float = MAX_RETRY_AFTER
    sleep: Callable[[float], Any] = time.sleep
    clock: Callable[[], float] = time.monotonic
    jitter: Callable[[], float] = random.random

    def __post_init__(self) -> None:
        if isinstance(self.max_retries, bool) or not isinstance(self.max_retries, int) or self.max_retries < 0:
            raise ValueError(f"max_retries must be a whole number >= 0, not {self.max_retries!r}.")
        wait = self.max_retry_after
        if isinstance(wait, bool) or not isinstance(wait, (int, float)) or not wait >= 0:
            raise ValueError(f"max_retry_after must be a number of seconds >= 0, not {wait!r}.")

    @staticmethod
    def retryable(status: int) -> bool:
        """True for a status worth another try (429, 5xx, 408, 409)."""
        return status in RETRY_STATUSES

    def deadline(self, timeout: float) -> float:
        """The moment (on :attr:`clock`) by which a call of ``timeout`` seconds must be done."""
        return self.clock() + timeout

    def backoff(self, attempt: int, headers: Any = None) -> float:
        """The wait before retry ``attempt + 1``: the server's Retry-After, else the schedule."""
        return backoff_seconds(attempt, headers, self.jitter)

    def will_wait(self, seconds: float, deadline: float) -> bool:
        """True when a wait of ``seconds`` is one to sit out: at most :attr:`max_retry_after`, and over
        before ``deadline``. A server asking for more gets no early retry: the call raises instead."""
        return seconds <= self.max_retry_after and self.clock() + seconds < deadline

    def wait_before_retry(self, attempt: int, deadline: float, headers: Any = None) -> float | None:
        """The seconds to wait before retry ``attempt + 1``, or None: no retries left, or the wait
        (the server's Retry-After, else the schedule) is longer than this client waits (:meth:`will_wait`)."""
        if attempt >= self.max_retries:
            return None
        wait = self.backoff(attempt, headers)
        return wait if self.will_wait(wait, deadline) else None

    def pause(self, wait: float, record: str, *args: Any) -> None:
        """Log one retry (``record`` % ``args``) at INFO on the ``helpers`` logger, then sleep ``wait`` seconds."""
        log.info(record, *args)
        self.sleep(wait)
