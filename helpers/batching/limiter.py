"""How many calls a batch has in flight: a limit that goes down when 429s keep coming."""
from __future__ import annotations

import threading

#: 429 answers (to requests sent at the current concurrency) that make the batch halve it.
RATE_LIMITS_BEFORE_SLOWING = 2


class Limiter:
    """At most ``limit`` calls at once; the limit can only go down while the batch runs.

    Each holder gets the limiter's ``generation`` when it starts. A 429 counts against the
    current limit only if its request started under that limit: answers to requests sent
    before a slow-down cannot trigger another one (the idea behind TCP's congestion control).
    """

    def __init__(self, limit: int):
        self.limit = limit
        self.in_flight = 0
        self.max_in_flight = 0
        self.generation = 0
        self.rate_limited = 0
        self._strikes = 0
        self._stopped = False
        self._cond = threading.Condition()

    def acquire(self) -> int | None:
        """Wait for a free slot; returns the generation, or None once the batch is stopping."""
        with self._cond:
            while self.in_flight >= self.limit and not self._stopped:
                self._cond.wait(0.5)
            if self._stopped:
                return None
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            return self.generation

    def release(self) -> None:
        with self._cond:
            self.in_flight -= 1
            self._cond.notify_all()

    def saw_rate_limit(self, generation: int) -> str | None:
        """Count a 429; lowers the limit (and says how) when they keep coming."""
        with self._cond:
            self.rate_limited += 1
            if generation != self.generation or self.limit == 1:
                return None
            self._strikes += 1
            if self._strikes < RATE_LIMITS_BEFORE_SLOWING:
                return None
            old, self.limit = self.limit, max(1, self.limit // 2)
            self.generation += 1
            self._strikes = 0
            return (f"The server kept answering 429 Too Many Requests at concurrency {old}: "
                    f"lowered to {self.limit} (calls already in flight finish first).")

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()

    @property
    def stopped(self) -> bool:
        return self._stopped
