"""Per-seat limits: calls in flight at once, and calls per rolling minute.

Kept in the relay's memory and touched only from its event loop (no locks needed). Past a
limit the relay answers 429 with ``Retry-After``, which the kit's client already honours.
Hand-written: a counter and a rolling window per seat are a dozen lines, and the relay needs
the exact wait to put in ``Retry-After``.
"""
from __future__ import annotations

import collections
import math
import time

WINDOW = 60.0


class SeatLimits:
    """Calls in flight and calls per rolling minute, per seat."""

    def __init__(self, concurrency: int = 4, per_minute: int = 60):
        self.concurrency = concurrency
        self.per_minute = per_minute
        self._in_flight: collections.Counter = collections.Counter()
        self._recent: dict[int, collections.deque] = {}

    def acquire(self, seat_id: int) -> tuple[str, int] | None:
        """None when the call may go ahead (release it later), else (which limit, seconds to wait)."""
        if self._in_flight[seat_id] >= self.concurrency:
            return "concurrency", 1
        now = time.monotonic()
        recent = self._recent.setdefault(seat_id, collections.deque())
        while recent and now - recent[0] >= WINDOW:
            recent.popleft()
        if len(recent) >= self.per_minute:
            return "rate", max(1, math.ceil(recent[0] + WINDOW - now))
        recent.append(now)
        self._in_flight[seat_id] += 1
        return None

    def release(self, seat_id: int) -> None:
        """A call that ``acquire`` let through has ended."""
        self._in_flight[seat_id] -= 1
        if self._in_flight[seat_id] <= 0:
            del self._in_flight[seat_id]
