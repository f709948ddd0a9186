"""The practice server object: a local stand-in for the AI/ML API, served from a background thread.

    with PracticeServer(latency=0) as srv:
        requests.post(srv.base_url + "/chat/completions",
                      headers={"Authorization": f"Bearer {srv.key}"}, json=body)

Its answers come from helpers.practice.model, its HTTP side from .http (plumbing) and .routes (the API's
routes), its faults from .faults.
"""
from __future__ import annotations

import atexit
import collections
import math
import os
import threading
import time

from ...keys import PRACTICE_KEY, mask_key
from ...serving import MAX_BODY_BYTES
from .faults import Fault, FaultBoard
from .http import Stopping
from .routes import http_server

LATENCY_VARIABLE = "AIML_PRACTICE_LATENCY"
RATE_WINDOW_SECONDS = 60.0


class PracticeServer:
    """A practice stand-in for the AI/ML API on a local port.

    ``latency``, ``rate_limit`` and ``balance`` are plain attributes: change them while it runs. The
    options ``fail_rate`` (one call in round(1/rate) answers 503), ``first_byte_delay`` and
    ``cut_stream_after`` set the server-wide faults; :meth:`server_wide` changes them while it runs.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, key: str = PRACTICE_KEY,
                 latency: float = 1.0, rate_limit: int | None = None, fail_rate: float = 0.0,
                 first_byte_delay: float = 0.0, cut_stream_after: int | None = None,
                 balance: float = 5.0, max_body_bytes: int = MAX_BODY_BYTES,
                 client_timeout: float = 10.0):
        self.host, self._requested_port, self.key = host, port, key
        self.latency = latency
        self.rate_limit = rate_limit
        every = max(1, round(1 / min(fail_rate, 1.0))) if fail_rate and fail_rate > 0 else None
        self.faults = FaultBoard(Fault(delay=first_byte_delay, cut_after=cut_stream_after,
                                       status=503 if every else None, every=every))
        self.balance = balance
        self.max_body_bytes = max_body_bytes
        self.client_timeout = client_timeout
        #: The latest requests, oldest first: {"method", "path", "headers", "body", "time"}.
        self.requests: collections.deque = collections.deque(maxlen=1000)
        self._initial_balance = balance
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd = None
        self._thread: threading.Thread | None = None
        self._rate_window: collections.deque = collections.deque()
        self._spend: collections.deque = collections.deque(maxlen=100_000)  # (time, usd)

    # -- life cycle

    def start(self) -> "PracticeServer":
        """Bind the port and serve in a daemon thread; returns self."""
        if self.running:
            return self
        self._stopping.clear()
        self._httpd = http_server(self.host, self._requested_port, self)
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"practice-server:{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, end open connections and close the listening socket."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._stopping.set()  # wakes every simulated delay
        httpd.shutdown()
        httpd.close_connections()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    @property
    def running(self) -> bool:
        return self._httpd is not None

    def __enter__(self) -> "PracticeServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.base_url if self.running else "stopped"
        return f"<PracticeServer {where} key={mask_key(self.key)} latency={self.latency}>"

    # -- addresses

    @property
    def port(self) -> int:
        return self._httpd.server_address[1] if self._httpd else self._requested_port

    @property
    def root_url(self) -> str:
        host = "127.0.0.1" if self.host in ("", "0.0.0.0") else self.host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.root_url + "/v1"

    # -- state

    def reset(self) -> None:
        """Forget recorded requests, fault counters and queued faults, the rate-limit window and spending."""
        with self._lock:
            self.requests.clear()
            self.balance = self._initial_balance
            self._rate_window.clear()
            self._spend.clear()
        self.faults.clear_counters()

    def controls(self) -> dict:
        """What the lesson controls have switched on (the body of ``GET /practice/controls``)."""
        return {"queued": self.faults.queued(), "server_wide": self.faults.defaults.shown(),
                "rate_limit_per_minute": self.rate_limit, "latency": self.latency}

    def apply_control(self, control) -> None:
        """One lesson control (the body of ``POST /practice/controls``); ValueError when it makes no sense.

        ``{"queue": {...fault items}, "calls": N}``, ``{"server_wide": {...fault items}}``,
        ``{"rate_limit_per_minute": N or null}`` (a fresh window too) or ``{"clear": true}``.
        """
        if not isinstance(control, dict) or len(set(control) - {"calls"}) != 1:
            raise ValueError('send one of "queue" (with "calls"), "server_wide", "rate_limit_per_minute", "clear"')
        if "queue" in control:
            calls = control.get("calls", 1)
            if not isinstance(calls, int) or isinstance(calls, bool) or not 1 <= calls <= 1000:
                raise ValueError("calls must be a whole number from 1 to 1000")
            self.faults.queue(Fault.from_items(_items(control["queue"])), calls)
        elif "server_wide" in control:
            self.server_wide(**_items(control["server_wide"]))
        elif "rate_limit_per_minute" in control:
            limit = control["rate_limit_per_minute"]
            if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 0):
                raise ValueError("rate_limit_per_minute must be a whole number >= 0, or null for no limit")
            with self._lock:
                self.rate_limit = limit
                self._rate_window.clear()
        elif control.get("clear") is True:
            self.faults.defaults = Fault()
            self.faults.clear_counters()
            with self._lock:
                self.rate_limit = None
                self._rate_window.clear()
        else:
            raise ValueError(f"unknown control {next(iter(control))!r}")

    def server_wide(self, **items) -> None:
        """The faults every chat call meets from now on, as fault items (``delay=0.5``, ``status=503, every=4``,
        ``cut_after=2``); none: no fault. ValueError names a bad item."""
        self.faults.defaults = Fault.from_items(items)

    # -- used by the routes

    def record(self, method: str, path: str, headers: dict, body) -> None:
        """Keep a request in ``.requests``, with its key masked."""
        shown = dict(headers)
        for name in list(shown):
            if name.lower() == "authorization":
                scheme, _, token = shown[name].partition(" ")
                shown[name] = f"{scheme} {mask_key(token)}" if token else mask_key(shown[name])
        self.requests.append({"method": method, "path": path, "headers": shown, "body": body,
                              "time": time.time()})

    def admit(self) -> int | None:
        """None when the rate limit lets this request through, else seconds until it would."""
        now = time.monotonic()
        with self._lock:
            while self._rate_window and now - self._rate_window[0] >= RATE_WINDOW_SECONDS:
                self._rate_window.popleft()
            if self.rate_limit is not None and len(self._rate_window) >= self.rate_limit:
                if not self._rate_window:  # rate_limit 0: nothing ever passes
                    return math.ceil(RATE_WINDOW_SECONDS)
                return max(1, math.ceil(self._rate_window[0] + RATE_WINDOW_SECONDS - now))
            self._rate_window.append(now)
        return None

    def charge(self, usd: float) -> None:
        with self._lock:
            self.balance -= usd
            self._spend.append((time.time(), usd))

    def spent_between(self, start: float, end: float) -> tuple[float, int]:
        """(USD, calls) spent between two unix times."""
        with self._lock:
            items = [usd for t, usd in self._spend if start <= t <= end]
        return sum(items), len(items)

    def pause(self, seconds: float) -> None:
        """A simulated delay that ends at once when the server stops."""
        if seconds > 0 and self._stopping.wait(seconds):
            raise Stopping


def _items(value) -> dict:
    if not isinstance(value, dict):
        raise ValueError("fault items must be an object such as {\"status\": 503}")
    return value


# --------------------------------------------------------------------------- the shared server

_shared: PracticeServer | None = None
_shared_lock = threading.Lock()


def latency_from_env() -> float:
    """``AIML_PRACTICE_LATENCY`` as a number (default 1.0; 0 turns the simulated delays off)."""
    try:
        return max(0.0, float(os.environ.get(LATENCY_VARIABLE, "1.0")))
    except ValueError:
        return 1.0


def shared_server() -> PracticeServer:
    """The process-wide practice server, started on first use and stopped at exit.

    Its delays are scaled by ``AIML_PRACTICE_LATENCY`` (default 1.0; 0 turns them off).
    """
    global _shared
    with _shared_lock:
        if _shared is None or not _shared.running:
            first = _shared is None
            _shared = PracticeServer(latency=latency_from_env()).start()
            if first:
                atexit.register(lambda: _shared and _shared.stop())
        return _shared
