"""The offline practice server: a local stand-in for the AI/ML API.

It answers ``POST /v1/chat/completions`` (plain JSON or a server-sent-event stream),
``GET /v1/models``, ``GET /v2/billing`` and ``GET /v2/usage`` the way the real API
documents them: the same body shapes, headers, status codes and error messages, with
simulated answers (each starts with ``SIMULATED_MARKER``) and simulated delays. Faults
(errors, slow or cut streams, rate limits) can be switched on to practise handling them.

    with PracticeServer(latency=0) as srv:
        requests.post(srv.base_url + "/chat/completions",
                      headers={"Authorization": f"Bearer {srv.key}"}, json=body)

From a shell: ``python -m helpers.practice --port 8080`` prints its base URL first.
"""
from __future__ import annotations

import argparse
import atexit
import collections
import json
import logging
import math
import os
import re
import secrets
import signal
import socket
import socketserver
import string
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from ..keys import PRACTICE_KEY, mask_key
from .replies import SIMULATED_MARKER, Reply, make_reply
from ..schema import DOC_EXAMPLE_MODEL, GEMMA_SYSTEM_ROLE_MESSAGE, MODELS, check_request

__all__ = ["PRACTICE_KEY", "SIMULATED_MARKER", "PracticeServer", "shared_server", "main"]

logger = logging.getLogger(__name__)

LATENCY_VARIABLE = "AIML_PRACTICE_LATENCY"

MESSAGES = {  # the documented error messages
    401: "This request requires a valid API key. You can create a new API key on the Billing page: "
         "https://aimlapi.com/app/keys",
    403: "You've run out of credits. Please top up your balance or update your payment method to "
         "continue: https://aimlapi.com/app/billing/",
    400: "Body validation error!",
    404: "Not Found",
    408: "Request Timeout",
    409: "Conflict",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal server error",
    502: "Bad Gateway",
    503: "Service unavailable",
    504: "Generation timeout",
}
CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")  # the vendor documents both
_CLIENT_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_PERIOD = re.compile(r"^(\d+)([hd])$")
MAX_USAGE_WINDOW = timedelta(days=92)
RATE_WINDOW_SECONDS = 60.0
CREDITS_PER_USD = 2_000_000


@dataclass(frozen=True)
class ModelSpec:
    """One model as the practice server serves it: catalogue entry, speed and price."""

    id: str
    name: str
    description: str
    first_token_seconds: float
    seconds_per_token: float
    # Practice prices in USD per million tokens, chosen for the lessons: NOT the vendor's prices.
    input_price: float
    output_price: float


MODEL_SPECS = {spec.id: spec for spec in (
    ModelSpec("google/gemma-3-4b-it", "Gemma 3 (4B)",
              "Google's small open Gemma 3 model: text and image input, fast and cheap.",
              0.25, 1 / 90, 0.04, 0.08),
    ModelSpec("google/gemma-3-12b-it", "Gemma 3 (12B)",
              "Google's mid-size open Gemma 3 model: slower than the 4B, stronger at reasoning.",
              0.6, 1 / 40, 0.10, 0.20),
    ModelSpec("google/gemma-3-27b-it", "Gemma 3 (27B)",
              "Google's largest Gemma 3 model; the model the documentation's code example sends.",
              1.0, 1 / 25, 0.20, 0.40),
)}
SERVED_MODELS = MODELS + (DOC_EXAMPLE_MODEL,)


def _now_iso(t: float | None = None) -> str:
    moment = datetime.fromtimestamp(time.time() if t is None else t, timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _completion_id() -> str:
    return "chatcmpl-" + "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(29))


def _cost(spec: ModelSpec, prompt_tokens: int, completion_tokens: int) -> tuple[float, int]:
    usd = (prompt_tokens * spec.input_price + completion_tokens * spec.output_price) / 1_000_000
    return round(usd, 12), round(usd * CREDITS_PER_USD)


def _usd_text(usd: float) -> str:
    return f"{usd:.12f}".rstrip("0").rstrip(".") or "0"


# --------------------------------------------------------------------------- faults

@dataclass
class Fault:
    """What one ``X-Practice-Fault`` header asks for (``status=503;times=2;retry_after=1``)."""

    status: int | None = None
    times: int | None = None
    retry_after: str | None = None
    retry_after_ms: str | None = None
    delay: float = 0.0
    cut_after: int | None = None
    keepalive: float = 0.0

    @classmethod
    def parse(cls, header: str) -> "Fault":
        """Raises ValueError, naming the bad item, when the header does not parse."""
        fault = cls()
        for item in filter(None, (i.strip() for i in header.split(";"))):
            key, sep, value = (s.strip() for s in item.partition("="))
            try:
                if not sep:
                    raise ValueError
                if key == "status":
                    fault.status = int(value)
                    if not 400 <= fault.status <= 599:
                        raise ValueError
                elif key in ("times", "cut_after"):
                    setattr(fault, key, int(value))
                    if int(value) < 0:
                        raise ValueError
                elif key in ("delay", "keepalive"):
                    setattr(fault, key, float(value))
                    if not 0 <= float(value) < 86_400:
                        raise ValueError
                elif key in ("retry_after", "retry_after_ms"):
                    setattr(fault, key, value)
                else:
                    raise KeyError(key)
            except KeyError:
                raise ValueError(f"unknown item {key!r} (known: status, times, retry_after, "
                                 "retry_after_ms, delay, cut_after, keepalive)") from None
            except ValueError:
                raise ValueError(f"bad value in {item!r}") from None
        return fault


class _Refusal(Exception):
    """An error answer decided before the request could be handled normally."""

    def __init__(self, status: int, message: str, *, close: bool = False, drain: int = 0):
        super().__init__(message)
        self.status, self.message, self.close, self.drain = status, message, close, drain


class _Stopping(Exception):
    """The server is shutting down: abandon the answer."""


# --------------------------------------------------------------------------- the server object

class PracticeServer:
    """A practice stand-in for the AI/ML API on a local port, served from a background thread.

    Settings (``latency``, ``rate_limit``, ``fail_rate``, ``first_byte_delay``,
    ``cut_stream_after``, ``balance``) are plain attributes: change them while it runs.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, key: str = PRACTICE_KEY,
                 latency: float = 1.0, rate_limit: int | None = None, fail_rate: float = 0.0,
                 first_byte_delay: float = 0.0, cut_stream_after: int | None = None,
                 balance: float = 5.0, max_body_bytes: int = 10 * 1024 * 1024,
                 client_timeout: float = 10.0):
        self.host, self._requested_port, self.key = host, port, key
        self.latency = latency
        self.rate_limit = rate_limit
        self.fail_rate = fail_rate
        self.first_byte_delay = first_byte_delay
        self.cut_stream_after = cut_stream_after
        self.balance = balance
        self.max_body_bytes = max_body_bytes
        self.client_timeout = client_timeout
        #: The latest requests, oldest first: {"method", "path", "headers", "body", "time"}.
        self.requests: collections.deque = collections.deque(maxlen=1000)
        self._initial_balance = balance
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._clear_counters()

    def _clear_counters(self) -> None:
        self._fault_counts: collections.Counter = collections.Counter()
        self._rate_window: collections.deque = collections.deque()
        self._chat_count = 0
        self._spend: collections.deque = collections.deque(maxlen=100_000)  # (time, usd)

    # -- life cycle

    def start(self) -> "PracticeServer":
        """Bind the port and serve in a daemon thread; returns self."""
        if self.running:
            return self
        self._stopping.clear()
        server_class = _HTTPServer6 if ":" in self.host else _HTTPServer
        self._httpd = server_class((self.host, self._requested_port), self)
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
        """Forget recorded requests, fault counters, the rate-limit window and spending."""
        with self._lock:
            self.requests.clear()
            self.balance = self._initial_balance
            self._clear_counters()

    def _record(self, method: str, path: str, headers: dict, body) -> None:
        shown = dict(headers)
        for name in list(shown):
            if name.lower() == "authorization":
                scheme, _, token = shown[name].partition(" ")
                shown[name] = f"{scheme} {mask_key(token)}" if token else mask_key(shown[name])
        self.requests.append({"method": method, "path": path, "headers": shown, "body": body,
                              "time": time.time()})

    def _claim_fault(self, header: str | None) -> Fault | None:
        if not header:
            return None
        fault = Fault.parse(header)
        with self._lock:
            self._fault_counts[header] += 1
            if fault.times is not None and self._fault_counts[header] > fault.times:
                return None
        return fault

    def _fail_now(self) -> bool:
        """Deterministic server-wide failures: every round(1/fail_rate)-th chat request."""
        with self._lock:
            self._chat_count += 1
            if not self.fail_rate or self.fail_rate <= 0:
                return False
            every = max(1, round(1 / min(self.fail_rate, 1.0)))
            return self._chat_count % every == 0

    def _admit(self) -> int | None:
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

    def _charge(self, usd: float) -> None:
        with self._lock:
            self.balance -= usd
            self._spend.append((time.time(), usd))

    def _spent_between(self, start: float, end: float) -> tuple[float, int]:
        with self._lock:
            items = [usd for t, usd in self._spend if start <= t <= end]
        return sum(items), len(items)

    def _sleep(self, seconds: float) -> None:
        if seconds > 0 and self._stopping.wait(seconds):
            raise _Stopping


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address, practice: PracticeServer):
        self.practice = practice
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks up the host's DNS name, which can stall for seconds offline.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def track(self, conn: socket.socket, open_: bool) -> None:
        with self._open_lock:
            (self._open.add if open_ else self._open.discard)(conn)

    def close_connections(self) -> None:
        with self._open_lock:
            conns = list(self._open)
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request, client_address) -> None:
        logger.debug("practice server: error with %s", client_address, exc_info=True)


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


# --------------------------------------------------------------------------- one connection

class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "PracticeServer/1.0"
    server: _HTTPServer
    request_id = ""

    # -- connection plumbing

    def setup(self) -> None:
        self.timeout = self.server.practice.client_timeout  # a silent client is dropped, never waited on forever
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass
        finally:
            self.server.track(self.connection, False)

    def handle_one_request(self) -> None:
        # client_timeout bounds reading the whole request (line, headers, body), not only each read:
        # a client that drips a byte at a time is dropped like a silent one.
        self._timed_out = False
        self._watchdog = threading.Timer(self.server.practice.client_timeout, self._too_slow)
        self._watchdog.daemon = True
        self._watchdog.start()
        try:
            super().handle_one_request()
        finally:
            self._watchdog.cancel()

    def _too_slow(self) -> None:
        self._timed_out = True
        try:
            self.connection.shutdown(socket.SHUT_RD)  # the pending read returns at once
        except OSError:
            pass

    def log_message(self, format: str, *args) -> None:
        logger.debug("practice server: " + format, *args)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own errors (bad request line, unknown method...) in the API's JSON shape."""
        self.request_id = str(uuid.uuid4())
        self.close_connection = True
        if getattr(self, "_timed_out", False):  # a request cut short by the watchdog
            code, message = 408, MESSAGES[408]
        if code == 501:  # an unknown method: the API answers 404 for every method it does not route
            self._send_error(404, f"Cannot {self.command} {self._path()}", close=True)
        else:
            self._send_error(code, message or self.responses.get(code, ("Error",))[0], close=True)

    def handle_expect_100(self) -> bool:
        # Refuse an oversized body before the client sends it, rather than inviting it with 100 Continue.
        self.request_id = str(uuid.uuid4())
        length = self.headers.get("Content-Length", "")
        if length.strip().isdigit() and int(length) > self.server.practice.max_body_bytes:
            self._refuse(self._too_large())
            return False
        return super().handle_expect_100()

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = lambda self: self._handle()

    def _handle(self) -> None:
        self.request_id = str(uuid.uuid4())
        self._headers_sent = False
        practice = self.server.practice
        try:
            raw = self._read_body()
            self._watchdog.cancel()  # the request is in: answering may take as long as it takes
            if self._timed_out:
                raise _Refusal(408, MESSAGES[408], close=True)
            body = _try_json(raw)
            practice._record(self.command, self.path, dict(self.headers.items()), body)
            self._route(raw)
        except _Refusal as refusal:
            practice._record(self.command, self.path, dict(self.headers.items()), None)
            self._refuse(refusal)
        except (_Stopping, ConnectionError, TimeoutError):  # client gone or too slow, or server stopping
            self.close_connection = True
        except Exception:
            logger.debug("practice server: handler failed", exc_info=True)
            self.close_connection = True
            if not self._headers_sent:
                try:
                    self._send_error(500, MESSAGES[500], close=True)
                except OSError:
                    pass

    def _refuse(self, refusal: _Refusal) -> None:
        self._send_error(refusal.status, refusal.message, close=refusal.close)
        if refusal.drain:
            self._linger(refusal.drain)

    def _linger(self, budget: int) -> None:
        """Let the client finish sending (discarding at most ``budget`` bytes) so it reads our answer."""
        try:
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(0.5)
            deadline = time.monotonic() + 2.0
            while budget > 0 and time.monotonic() < deadline:
                chunk = self.connection.recv(min(65536, budget))
                if not chunk:
                    break
                budget -= len(chunk)
        except OSError:
            pass

    def _too_large(self) -> _Refusal:
        limit = self.server.practice.max_body_bytes
        return _Refusal(413, f"Payload Too Large: the body is over {limit} bytes", close=True, drain=limit)

    def _read_body(self) -> bytes:
        limit = self.server.practice.max_body_bytes
        encoding = self.headers.get("Transfer-Encoding")
        length = self.headers.get("Content-Length")
        if encoding is not None and encoding.strip().lower() != "chunked":
            raise _Refusal(400, f"Bad Request: unsupported Transfer-Encoding {encoding!r}", close=True)
        if encoding is None and length is None:
            return b""
        if encoding is None and not length.strip().isdigit():
            raise _Refusal(400, f"Bad Request: invalid Content-Length {length!r}", close=True)
        size = 0 if encoding else int(length)
        if size > limit:
            refusal = self._too_large()
            refusal.drain = min(size, limit)
            raise refusal
        try:
            data = self._read_chunked(limit) if encoding else self.rfile.read(size)
        except TimeoutError:
            raise _Refusal(408, MESSAGES[408], close=True) from None
        if len(data) < size:
            if self._timed_out:
                raise _Refusal(408, MESSAGES[408], close=True)
            raise ConnectionAbortedError("the client closed the connection mid-body")
        return data

    def _read_chunked(self, limit: int) -> bytes:
        parts, total = [], 0
        while True:
            line = self.rfile.readline(1024)
            try:
                size = int(line.split(b";")[0].strip(), 16)
                if size < 0:
                    raise ValueError
            except ValueError:
                raise _Refusal(400, "Bad Request: malformed chunked body", close=True) from None
            if size == 0:
                while self.rfile.readline(1024).strip():  # trailers
                    pass
                return b"".join(parts)
            total += size
            if total > limit:
                raise self._too_large()
            parts.append(self.rfile.read(size))
            self.rfile.readline(8)  # the CRLF after each chunk

    def _path(self) -> str:
        return urlsplit(getattr(self, "path", "") or "").path

    # -- writing answers

    def _common_headers(self) -> None:
        self.send_header("x-practice-server", "1")
        self.send_header("x-inference-id", self.request_id)
        client_id = self.headers.get("X-Client-Request-Id") if getattr(self, "headers", None) else None
        if client_id and _CLIENT_REQUEST_ID.match(client_id):
            self.send_header("x-client-request-id", client_id)

    def _send_json(self, status: int, payload: dict, headers: dict | None = None, close: bool = False,
                   cut: bool = False) -> None:
        data = _dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self._common_headers()
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
        self.end_headers()
        self._headers_sent = True
        if self.command == "HEAD":
            return
        if cut:  # a fault: half the promised body, then the connection drops
            self.wfile.write(data[: len(data) // 2])
            self._drop()
            return
        self.wfile.write(data)

    def _send_error(self, status: int, message: str, headers: dict | None = None, close: bool = False) -> None:
        body = {"message": message, "path": self._path(), "requestId": self.request_id,
                "statusCode": status, "timestamp": _now_iso()}
        self._send_json(status, body, headers, close)

    def _drop(self) -> None:
        """End the connection abruptly, as a failing network or proxy would."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    # -- routing

    def _route(self, raw: bytes) -> None:
        path, method = self._path(), self.command
        method = "GET" if method == "HEAD" else method
        routes = {("POST", p): self._chat for p in CHAT_PATHS}
        routes.update({("GET", "/v1/models"): self._models, ("GET", "/v2/billing"): self._billing,
                       ("GET", "/v2/usage"): self._usage})
        handler = routes.get((method, path.rstrip("/") or "/"))
        if handler is None:
            self._send_error(404, f"Cannot {self.command} {path}")
        else:
            handler(raw)

    def _authorized(self) -> bool:
        return self.headers.get("Authorization") == f"Bearer {self.server.practice.key}"

    def _query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query)

    # -- GET endpoints

    def _models(self, raw: bytes) -> None:
        query = self._query()
        wanted = {i.strip() for v in query.get("id", []) for i in v.split(",") if i.strip()}
        include = {i.strip().lower() for v in query.get("include", []) for i in v.split(",")}
        if "all" in include or query.get("details", [""])[-1] in ("true", "1"):
            include |= {"pricing", "modalities", "capabilities"}
        types = {t for v in query.get("type", []) for t in v.split(",") if t}
        data = [_model_entry(MODEL_SPECS[m], include) for m in SERVED_MODELS
                if (not wanted or m in wanted) and (not types or "chat-completion" in types)]
        self._send_json(200, {"object": "list", "data": data})

    def _billing(self, raw: bytes) -> None:
        if not self._authorized():
            return self._send_error(401, MESSAGES[401])
        balance = self.server.practice.balance
        self._send_json(200, {"current_balance": round(balance, 6), "currency": "USD"})

    def _usage(self, raw: bytes) -> None:
        if not self._authorized():
            return self._send_error(401, MESSAGES[401])
        try:
            start, end = _usage_window(self._query())
        except ValueError as exc:
            return self._send_error(400, str(exc))
        spend, count = self.server.practice._spent_between(start.timestamp(), end.timestamp())
        self._send_json(200, {"api_key_prefix": None, "start": _now_iso(start.timestamp()),
                              "end": _now_iso(end.timestamp()), "spend": round(spend, 6),
                              "currency": "USD", "requests": count})

    # -- chat completions

    def _chat(self, raw: bytes) -> None:
        practice = self.server.practice
        if not self._authorized():
            return self._send_error(401, MESSAGES[401])
        content_type = self.headers.get("Content-Type") or ""
        if content_type.split(";")[0].strip().lower() != "application/json":
            return self._send_error(400, "Body validation error! Expected Content-Type application/json, "
                                         f"received {content_type or 'none'}")
        try:
            body = _parse_json(raw)
        except ValueError as exc:
            return self._send_error(400, f"Body validation error! Invalid JSON: {exc}")
        problems = check_request(body, models=SERVED_MODELS, strict=False)
        if problems:
            return self._send_error(400, _validation_message(problems))
        try:
            fault = practice._claim_fault(self.headers.get("X-Practice-Fault"))
        except ValueError as exc:
            return self._send_error(400, f"Invalid X-Practice-Fault header: {exc}")
        fault = fault or Fault()
        practice._sleep(fault.delay or practice.first_byte_delay)
        if fault.status:
            extra = {}
            if fault.retry_after is not None:
                extra["Retry-After"] = fault.retry_after
            if fault.retry_after_ms is not None:
                extra["retry-after-ms"] = fault.retry_after_ms
            return self._send_error(fault.status, MESSAGES.get(fault.status, "Error"), extra)
        if practice._fail_now():
            return self._send_error(503, MESSAGES[503])
        wait = practice._admit()
        if wait is not None:
            return self._send_error(429, MESSAGES[429], {"Retry-After": str(wait)})
        if practice.balance <= 0:
            return self._send_error(403, MESSAGES[403])

        spec = MODEL_SPECS[body["model"]]
        reply = make_reply(spec.id, body["messages"], body)
        usd, credits = _cost(spec, reply.prompt_tokens, reply.completion_tokens)
        practice._charge(usd)
        answer = _Answer(spec, body, reply, usd, credits)
        cut = fault.cut_after if fault.cut_after is not None else practice.cut_stream_after
        if body.get("stream"):
            self._stream(answer, cut, fault.keepalive)
        else:
            practice._sleep(fault.keepalive)  # no stream to keep alive: just a long wait
            practice._sleep(practice.latency * (spec.first_token_seconds
                                                + spec.seconds_per_token * reply.completion_tokens))
            headers = {"x-aimlapi-credits-used": str(credits), "x-aimlapi-usd-spent": _usd_text(usd)}
            self._send_json(200, answer.completion(), headers, cut=fault.cut_after is not None)

    def _stream(self, answer: "_Answer", cut_after: int | None, keepalive: float) -> None:
        practice = self.server.practice
        chunked = self.request_version != "HTTP/1.0"
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")  # no charset, as the real API
        self.send_header("Cache-Control", "no-cache")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
        self._common_headers()
        self.end_headers()
        self._headers_sent = True
        if self.command == "HEAD":
            return

        def send(text: str) -> None:
            data = text.encode("utf-8")
            self.wfile.write(b"%X\r\n%s\r\n" % (len(data), data) if chunked else data)

        send(": PROCESSING\n\n")
        until = time.monotonic() + keepalive
        while time.monotonic() < until:
            send(": keep-alive\n\n")
            practice._sleep(min(0.2, until - time.monotonic()))
        spec = answer.spec
        practice._sleep(practice.latency * spec.first_token_seconds)
        send(answer.event({"role": "assistant", "content": ""}))
        send(answer.event({"content": SIMULATED_MARKER}))
        for i, piece in enumerate(answer.reply.pieces):
            if cut_after is not None and i >= cut_after:
                return self._drop()
            practice._sleep(practice.latency * spec.seconds_per_token)
            send(answer.event({"content": piece}))
        for event in answer.closing_events():
            send(event)
        send("data: [DONE]\n\n")
        if chunked:
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.close_connection = True


@dataclass
class _Answer:
    """One successful chat answer, rendered as a completion or as stream events."""

    spec: ModelSpec
    body: dict
    reply: Reply
    usd: float
    credits: int

    def __post_init__(self) -> None:
        self.id, self.created = _completion_id(), int(time.time())

    @property
    def usage(self) -> dict:
        r = self.reply
        return {"prompt_tokens": r.prompt_tokens, "completion_tokens": r.completion_tokens,
                "total_tokens": r.prompt_tokens + r.completion_tokens}

    @property
    def meta(self) -> dict:
        return {"usage": {"credits_used": self.credits, "usd_spent": self.usd}}

    def _base(self, kind: str) -> dict:
        return {"id": self.id, "object": kind, "created": self.created, "model": self.body["model"],
                "provider": "practice-server"}

    def completion(self) -> dict:
        message = {"role": "assistant", "content": SIMULATED_MARKER + self.reply.text, "refusal": None}
        return {**self._base("chat.completion"),
                "choices": [{"index": 0, "message": message, "finish_reason": self.reply.finish_reason,
                             "logprobs": None}],
                "usage": self.usage, "meta": self.meta}

    def event(self, delta: dict, finish_reason: str | None = None, **extra) -> str:
        chunk = {**self._base("chat.completion.chunk"),
                 "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}],
                 **extra}
        return "data: " + _dumps(chunk) + "\n\n"

    def closing_events(self) -> list[str]:
        options = self.body.get("stream_options") or {}
        if options.get("include_usage"):
            usage = {**self._base("chat.completion.chunk"), "choices": [], "usage": self.usage, "meta": self.meta}
            return [self.event({}, self.reply.finish_reason),
                    "data: " + _dumps(usage) + "\n\n"]
        return [self.event({}, self.reply.finish_reason, meta=self.meta)]


# --------------------------------------------------------------------------- small pure helpers

def _dumps(payload) -> str:
    """Compact JSON that always encodes as UTF-8: a lone surrogate from the request (valid JSON as an
    escape such as \\ud800) stays escaped, as JavaScript's JSON.stringify leaves it."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(payload, separators=(",", ":"))
    return text


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _parse_json(raw: bytes):
    """The request body as JSON; ValueError (with a readable reason) when it is not."""
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        raise ValueError(f"the body is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except RecursionError:
        raise ValueError("the body is nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise ValueError(str(exc)) from None


def _try_json(raw: bytes):
    try:
        return _parse_json(raw) if raw else None
    except ValueError:
        return None


def _validation_message(problems: list) -> str:
    for p in problems:  # Gemma's own refusal of the system role comes alone, word for word
        index = p.path.split(".")[1] if p.path.count(".") == 2 else ""
        if p.path.endswith(".role") and p.api == GEMMA_SYSTEM_ROLE_MESSAGE.format(i=index):
            return p.api
    return "Body validation error! " + "; ".join(f"[{p.path}] {p.api}" for p in problems)


def _model_entry(spec: ModelSpec, include: set[str]) -> dict:
    entry = {"id": spec.id, "aliases": [], "type": "chat-completion",
             "info": {"name": spec.name, "developer": "Google", "description": spec.description,
                      "contextLength": 128000, "outputMax": 8192, "url": ""},
             "tags": ["playground:chat"]}
    if "pricing" in include:
        entry["pricing"] = {"kind": "fixed", "currency": "USD", "units": [
            {"unit": "input_token", "price": spec.input_price, "per": 1_000_000},
            {"unit": "output_token", "price": spec.output_price, "per": 1_000_000}]}
    if "modalities" in include:
        entry["modalities"] = {"input": ["text", "image"], "output": ["text"]}
    if "capabilities" in include:
        entry["capabilities"] = ["streaming", "vision"]
    return entry


def _usage_window(query: dict[str, list[str]]) -> tuple[datetime, datetime]:
    """The (start, end) of a /v2/usage query; ValueError with the reason when it is not valid."""
    period = query.get("period", [None])[-1]
    start, end = query.get("start", [None])[-1], query.get("end", [None])[-1]
    now = datetime.now(timezone.utc)
    if period is not None and (start or end):
        raise ValueError("Provide either period or both start and end, not both")
    if period is not None or not (start or end):
        m = _PERIOD.match(period or "24h")
        if not m:
            raise ValueError(f"period must be a positive integer followed by h or d (for example 24h "
                             f"or 7d), received '{period}'")
        hours = int(m.group(1)) * (24 if m.group(2) == "d" else 1)
        if hours > MAX_USAGE_WINDOW.days * 24:
            raise ValueError("The window must not exceed 92 days")
        return now - timedelta(hours=hours), now
    if not (start and end):
        raise ValueError("start and end must be given together")
    try:
        begin, finish = (_utc(datetime.fromisoformat(v.replace("Z", "+00:00"))) for v in (start, end))
    except ValueError:
        raise ValueError("start and end must be ISO-8601 dates, for example 2026-07-01T00:00:00Z") from None
    if finish < begin:
        raise ValueError("end must not be earlier than start")
    if finish - begin > MAX_USAGE_WINDOW:
        raise ValueError("The window must not exceed 92 days")
    return begin, finish


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


# --------------------------------------------------------------------------- the shared server

_shared: PracticeServer | None = None
_shared_lock = threading.Lock()


def _latency_from_env() -> float:
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
            _shared = PracticeServer(latency=_latency_from_env()).start()
            if first:
                atexit.register(lambda: _shared and _shared.stop())
        return _shared


# --------------------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    """Run the practice server in the foreground until Ctrl-C or SIGTERM."""
    parser = argparse.ArgumentParser(prog="python -m helpers.practice",
                                     description="Offline practice stand-in for the AI/ML API.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--key", default=PRACTICE_KEY, help="the one key accepted")
    parser.add_argument("--latency", type=float, default=_latency_from_env(),
                        help=f"delay factor; 0 turns delays off (default: ${LATENCY_VARIABLE} or 1.0)")
    parser.add_argument("--rate-limit", type=int, default=None, help="chat requests per rolling minute")
    parser.add_argument("--fail-rate", type=float, default=0.0, help="fraction of chat requests answered 503")
    parser.add_argument("--first-byte-delay", type=float, default=0.0, help="seconds before each chat answer")
    parser.add_argument("--cut-stream-after", type=int, default=None, help="drop streams after N pieces")
    parser.add_argument("--balance", type=float, default=5.0, help="practice balance in USD")
    args = parser.parse_args(argv)

    server = PracticeServer(args.host, args.port, key=args.key, latency=args.latency,
                            rate_limit=args.rate_limit, fail_rate=args.fail_rate,
                            first_byte_delay=args.first_byte_delay,
                            cut_stream_after=args.cut_stream_after, balance=args.balance)
    try:
        server.start()
    except OSError as exc:
        print(f"Cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    shown_key = server.key if server.key == PRACTICE_KEY else "<the key you passed with --key>"
    print(server.base_url, flush=True)
    print(f"Practice server running (key {mask_key(server.key)}, latency x{server.latency}); "
          "Ctrl-C stops it.", flush=True)
    print(f"Point the kit at it:  AIML_API_BASE={server.base_url} AIML_API_KEY={shown_key}", flush=True)
    while not done.wait(0.5):
        pass
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
