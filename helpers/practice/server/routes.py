"""The practice server's HTTP side: one connection's plumbing and the routes of the API it imitates.

``POST /v1/chat/completions`` (JSON or a server-sent-event stream), ``GET /v1/models``,
``GET /v2/billing`` and ``GET /v2/usage`` answer with the API's body shapes, headers, status codes and
error messages. ``/practice/controls`` (practice only) carries the lesson controls.
"""

from __future__ import annotations

import json
import logging
import secrets
import socket
import socketserver
import string
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from ...serving import MESSAGES, parse_json as _parse_json, usage_window
from ...schema import CLIENT_REQUEST_ID as _CLIENT_REQUEST_ID, GEMMA_SYSTEM_ROLE_MESSAGE, check_request
from ..model.catalogue import MODEL_SPECS, SERVED_MODELS, ModelSpec, cost, model_entry, usd_text
from ..model.replies import SIMULATED_MARKER, Reply, make_reply

logger = logging.getLogger("helpers.practice")

CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")  # the vendor documents both
CONTROLS_PATH = "/practice/controls"


class Stopping(Exception):
    """The server is shutting down: abandon the answer."""


def _now_iso(t: float | None = None) -> str:
    moment = datetime.fromtimestamp(time.time() if t is None else t, timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _completion_id() -> str:
    return "chatcmpl-" + "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(29))


class _Refusal(Exception):
    """An error answer decided before the request could be handled normally."""

    def __init__(self, status: int, message: str, *, close: bool = False, drain: int = 0):
        super().__init__(message)
        self.status, self.message, self.close, self.drain = status, message, close, drain


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address, practice):  # a helpers.practice.PracticeServer
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
            practice.record(self.command, self.path, dict(self.headers.items()), body)
            self._route(raw)
        except _Refusal as refusal:
            practice.record(self.command, self.path, dict(self.headers.items()), None)
            self._refuse(refusal)
        except (Stopping, ConnectionError, TimeoutError):  # client gone or too slow, or server stopping
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

    def _send_json(
        self, status: int, payload: dict, headers: dict | None = None, close: bool = False, cut: bool = False
    ) -> None:
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
        body = {
            "message": message,
            "path": self._path(),
            "requestId": self.request_id,
            "statusCode": status,
            "timestamp": _now_iso(),
        }
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
        routes.update(
            {
                ("GET", "/v1/models"): self._models,
                ("GET", "/v2/billing"): self._billing,
                ("GET", "/v2/usage"): self._usage,
                ("GET", CONTROLS_PATH): self._controls,
                ("POST", CONTROLS_PATH): self._controls,
            }
        )
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
        data = [
            model_entry(MODEL_SPECS[m], include)
            for m in SERVED_MODELS
            if (not wanted or m in wanted) and (not types or "chat-completion" in types)
        ]
        self._send_json(200, {"object": "list", "data": data})

    def _billing(self, raw: bytes) -> None:
        if not self._authorized():
            return self._send_error(401, MESSAGES[401])
        balance = self.server.practice.balance
        self._send_json(200, {"current_balance": round(balance, 12), "currency": "USD"})

    def _usage(self, raw: bytes) -> None:
        if not self._authorized():
            return self._send_error(401, MESSAGES[401])
        try:
            query = self._query()
            start, end = usage_window(*(query.get(k, [None])[-1] for k in ("period", "start", "end")))
        except ValueError as exc:
            return self._send_error(400, str(exc))
        spend, count = self.server.practice.spent_between(start.timestamp(), end.timestamp())
        self._send_json(
            200,
            {
                "api_key_prefix": None,
                "start": _now_iso(start.timestamp()),
                "end": _now_iso(end.timestamp()),
                "spend": round(spend, 12),
                "currency": "USD",
                "requests": count,
            },
        )

    def _controls(self, raw: bytes) -> None:
        """The lesson controls (helpers.practice.fail_next and friends): GET shows them, POST changes them."""
        practice = self.server.practice
        if not self._authorized():
            return self._send_error(401, MESSAGES[401])
        if self.command == "POST":
            try:
                practice.apply_control(_parse_json(raw))
            except (ValueError, TypeError) as exc:
                return self._send_error(400, f"Invalid practice control: {exc}")
        self._send_json(200, practice.controls())

    # -- chat completions

    def _chat(self, raw: bytes) -> None:
        practice = self.server.practice
        if not self._authorized():
            return self._send_error(401, MESSAGES[401])
        content_type = self.headers.get("Content-Type") or ""
        if content_type.split(";")[0].strip().lower() != "application/json":
            return self._send_error(
                400, f"Body validation error! Expected Content-Type application/json, received {content_type or 'none'}"
            )
        try:
            body = _parse_json(raw)
        except ValueError as exc:
            return self._send_error(400, f"Body validation error! Invalid JSON: {exc}")
        problems = check_request(body, models=SERVED_MODELS, strict=False)
        if problems:
            return self._send_error(400, _validation_message(problems))
        try:
            fault = practice.faults.claim(self.headers.get("X-Practice-Fault"))
        except ValueError as exc:
            return self._send_error(400, f"Invalid X-Practice-Fault header: {exc}")
        if fault.status:
            practice.pause(fault.delay)
            extra = {}
            if fault.retry_after is not None:
                extra["Retry-After"] = fault.retry_after
            if fault.retry_after_ms is not None:
                extra["retry-after-ms"] = fault.retry_after_ms
            return self._send_error(fault.status, MESSAGES.get(fault.status, "Error"), extra)
        # The rate limit counts a call when it arrives, as the API's does: a slow answer still on its way
        # must not take a place in a window opened after it was sent.
        wait = practice.admit()
        if wait is not None:
            return self._send_error(429, MESSAGES[429], {"Retry-After": str(wait)})
        practice.pause(fault.delay)
        if practice.balance <= 0:
            return self._send_error(403, MESSAGES[403])

        spec = MODEL_SPECS[body["model"]]
        reply = make_reply(spec.id, body["messages"], body)
        usd, credits = cost(spec, reply.prompt_tokens, reply.completion_tokens)
        practice.charge(usd)
        answer = _Answer(spec, body, reply, usd, credits)
        if body.get("stream"):
            self._stream(answer, fault.cut_after, fault.keepalive)
        else:
            practice.pause(fault.keepalive)  # no stream to keep alive: just a long wait
            practice.pause(
                practice.latency * (spec.first_token_seconds + spec.seconds_per_token * reply.completion_tokens)
            )
            headers = {"x-aimlapi-credits-used": str(credits), "x-aimlapi-usd-spent": usd_text(usd)}
            self._send_json(200, answer.completion(), headers, cut=fault.cut_after is not None and fault.cuts_json)

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
            practice.pause(min(0.2, until - time.monotonic()))
        spec = answer.spec
        practice.pause(practice.latency * spec.first_token_seconds)
        send(answer.event({"role": "assistant", "content": ""}))
        send(answer.event({"content": SIMULATED_MARKER}))
        for i, piece in enumerate(answer.reply.pieces):
            if cut_after is not None and i >= cut_after:
                return self._drop()
            practice.pause(practice.latency * spec.seconds_per_token)
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
        return {
            "prompt_tokens": r.prompt_tokens,
            "completion_tokens": r.completion_tokens,
            "total_tokens": r.prompt_tokens + r.completion_tokens,
        }

    @property
    def meta(self) -> dict:
        return {"usage": {"credits_used": self.credits, "usd_spent": self.usd}}

    def _base(self, kind: str) -> dict:
        return {
            "id": self.id,
            "object": kind,
            "created": self.created,
            "model": self.body["model"],
            "provider": "practice-server",
        }

    def completion(self) -> dict:
        message = {"role": "assistant", "content": SIMULATED_MARKER + self.reply.text, "refusal": None}
        return {
            **self._base("chat.completion"),
            "choices": [{"index": 0, "message": message, "finish_reason": self.reply.finish_reason, "logprobs": None}],
            "usage": self.usage,
            "meta": self.meta,
        }

    def event(self, delta: dict, finish_reason: str | None = None, **extra) -> str:
        chunk = {
            **self._base("chat.completion.chunk"),
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}],
            **extra,
        }
        return "data: " + _dumps(chunk) + "\n\n"

    def closing_events(self) -> list[str]:
        options = self.body.get("stream_options") or {}
        if options.get("include_usage"):
            usage = {**self._base("chat.completion.chunk"), "choices": [], "usage": self.usage, "meta": self.meta}
            return [self.event({}, self.reply.finish_reason), "data: " + _dumps(usage) + "\n\n"]
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


def http_server(host: str, port: int, practice) -> ThreadingHTTPServer:
    """A bound (not yet serving) HTTP server whose requests ``practice`` answers."""
    return (_HTTPServer6 if ":" in host else _HTTPServer)((host, port), practice)
