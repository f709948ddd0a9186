"""Faults to practise on: what the ``X-Practice-Fault`` header, the lesson controls and the server's
options ask for, and which one the next chat call meets.

One mechanism carries all three. A call meets its own header's fault first, else the next queued fault
(``helpers.practice.fail_next`` and friends), and the server-wide defaults (``first_byte_delay``,
``cut_stream_after``, ``fail_rate``) fill in whatever those leave unset.
"""
from __future__ import annotations

import collections
import dataclasses
import threading
from dataclasses import dataclass

_KNOWN = ("status", "times", "retry_after", "retry_after_ms", "delay", "cut_after", "keepalive", "every")


@dataclass
class Fault:
    """One fault: ``status=503;times=2;retry_after=1`` as a header, or the same items as a dict.

    ``every=N`` (with ``status``) fails one call in N instead of every call; ``cut_after=N`` drops a
    stream after N pieces (and, from a header or the queue, cuts a JSON answer in half).
    """

    status: int | None = None
    times: int | None = None
    retry_after: str | None = None
    retry_after_ms: str | None = None
    delay: float = 0.0
    cut_after: int | None = None
    keepalive: float = 0.0
    every: int | None = None
    cuts_json: bool = True

    @classmethod
    def parse(cls, header: str) -> "Fault":
        """The fault a header asks for; ValueError, naming the bad item, when it does not parse."""
        items = {}
        for item in filter(None, (i.strip() for i in header.split(";"))):
            key, sep, value = (s.strip() for s in item.partition("="))
            if not sep:
                raise ValueError(f"bad value in {item!r}")
            items[key] = value
        return cls.from_items(items)

    @classmethod
    def from_items(cls, items: dict) -> "Fault":
        """The fault a dict of items asks for (strings or numbers); ValueError naming the bad one."""
        fault = cls()
        for key, value in items.items():
            if key not in _KNOWN:
                raise ValueError(f"unknown item {key!r} (known: {', '.join(_KNOWN)})")
            if value is None:
                continue
            try:
                setattr(fault, key, _convert(key, value))
            except (TypeError, ValueError):
                raise ValueError(f"bad value in '{key}={value}'") from None
        return fault

    def shown(self) -> dict:
        """The items that differ from no fault at all."""
        plain = Fault()
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)
                if f.name != "cuts_json" and getattr(self, f.name) != getattr(plain, f.name)}


def _convert(key: str, value):
    if isinstance(value, bool):
        raise ValueError
    if key == "status":
        number = int(value)
        if not 400 <= number <= 599:
            raise ValueError
        return number
    if key in ("times", "cut_after", "every"):
        number = int(value)
        if number < (1 if key == "every" else 0):
            raise ValueError
        return number
    if key in ("delay", "keepalive"):
        number = float(value)
        if not 0 <= number < 86_400:
            raise ValueError
        return number
    return str(value)  # retry_after, retry_after_ms: sent as they are, so garbage can be practised too


class FaultBoard:
    """Which fault the next chat call meets: its header's, else the next queued one, over the defaults."""

    def __init__(self, defaults: Fault | None = None):
        self.defaults = defaults or Fault()
        self._lock = threading.Lock()
        self.clear_counters()

    def clear_counters(self) -> None:
        """Forget how often each header was seen, the queued faults and the call count."""
        with self._lock:
            self._header_counts: collections.Counter = collections.Counter()
            self._queue: collections.deque = collections.deque()  # [fault, calls left]
            self._calls = 0

    def queue(self, fault: Fault, calls: int) -> None:
        """The next ``calls`` chat calls (without a header fault of their own) meet ``fault``."""
        if calls < 1:
            raise ValueError("calls must be 1 or more")
        with self._lock:
            self._queue.append([fault, calls])

    def queued(self) -> list[dict]:
        with self._lock:
            return [{"calls": left, **fault.shown()} for fault, left in self._queue]

    def claim(self, header: str | None) -> Fault:
        """The fault for one chat call (a fault with nothing set when there is none).

        Raises ValueError when the header does not parse.
        """
        picked = Fault.parse(header) if header else None
        with self._lock:
            if picked is not None:
                self._header_counts[header] += 1
                if picked.times is not None and self._header_counts[header] > picked.times:
                    picked = None
            if picked is None and self._queue:
                picked = self._queue[0][0]
                self._queue[0][1] -= 1
                if self._queue[0][1] <= 0:
                    self._queue.popleft()
            fault = dataclasses.replace(picked) if picked is not None else Fault()
            if not fault.status:
                self._calls += 1
                self._fill_in(fault)
            elif not fault.delay:
                fault.delay = self.defaults.delay
        return fault

    def _fill_in(self, fault: Fault) -> None:
        d = self.defaults
        fault.delay = fault.delay or d.delay
        fault.keepalive = fault.keepalive or d.keepalive
        if fault.cut_after is None and d.cut_after is not None:
            fault.cut_after, fault.cuts_json = d.cut_after, False
        if d.status and self._calls % (d.every or 1) == 0:
            fault.status, fault.retry_after, fault.retry_after_ms = d.status, d.retry_after, d.retry_after_ms
