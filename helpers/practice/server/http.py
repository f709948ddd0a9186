"""One connection's plumbing, apart from what the API's routes answer (:mod:`.routes`).

A silent or dripping client is dropped (``client_timeout`` bounds reading the whole request); a body
over ``max_body_bytes`` is refused before it is read; the body is read once and parsed once into a
:class:`Request`; every answer carries the API's error shape, an ``x-inference-id`` and the client's
request id when it is a valid one. Subclasses route a :class:`Request` (:meth:`Connection.route`).
"""
from __future__ import annotations

import json
import logging
import socket
import socketserver
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from ...schema import CLIENT_REQUEST_ID
from ...serving import MESSAGES, parse_json

logger = logging.getLogger("helpers.practice")

__all__ = ["Stopping", "Refusal", "Request", "Connection", "serve", "now_iso", "dumps"]


class Stopping(Exception):
    """The server is shutting down: abandon the answer."""


class Refusal(Exception):
    """An error answer decided before the request could be handled normally."""

    def __init__(self, status: int, message: str, *, close: bool = False, drain: int = 0):
        super().__init__(message)
        self.status, self.message, self.close, self.drain = status, message, close, drain


@dataclass(frozen=True)
class Request:
    """A request's body, read once and parsed once: ``json`` is None when ``raw`` is not JSON (an empty
    body included), and ``json_error`` then says why."""

    raw: bytes
    json: Any = None
    json_error: str | None = None

    @classmethod
    def parse(cls, raw: bytes) -> "Request":
        try:
            return cls(raw, parse_json(raw))
        except ValueError as exc:
            return cls(raw, None, str(exc))


def now_iso(t: float | None = None) -> str:
    moment = datetime.fromtimestamp(time.time() if t is None else t, timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def dumps(payload) -> str:
    """Compact JSON that always encodes as UTF-8: a lone surrogate from the request (valid JSON as an
    escape such as \\ud800) stays escaped, as JavaScript's JSON.stringify leaves it."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(payload, separators=(",", ":"))
    return text


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address, practice, handler):  # practice: a PracticeServer
        self.practice = practice
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, handler)

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


def serve(host: str, port: int, practice, handler: type["Connection"]) -> ThreadingHTTPServer:
    """A bound (not yet serving) HTTP server whose connections ``handler`` answers for ``practice``."""
    return (_HTTPServer6 if ":" in host else _HTTPServer)((host, port), practice, handler)


class Connection(BaseHTTPRequestHandler):
    """One client connection: reading requests safely and writing answers in the API's shapes."""

    protocol_version = "HTTP/1.1"
    server_version = "PracticeServer/1.0"
    server: _HTTPServer
    request_id = ""

    def route(self, request: Request) -> None:
        """Answer one request whose body has been read (subclasses)."""
        raise NotImplementedError

    # -- reading

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
            self.answer_error(404, f"Cannot {self.command} {self.url_path()}", close=True)
        else:
            self.answer_error(code, message or self.responses.get(code, ("Error",))[0], close=True)

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
        self.headers_sent = False
        practice = self.server.practice
        try:
            raw = self._read_body()
            self._watchdog.cancel()  # the request is in: answering may take as long as it takes
            if self._timed_out:
                raise Refusal(408, MESSAGES[408], close=True)
            request = Request.parse(raw)
            practice.record(self.command, self.path, dict(self.headers.items()), request.json)
            self.route(request)
        except Refusal as refusal:
            practice.record(self.command, self.path, dict(self.headers.items()), None)
            self._refuse(refusal)
        except (Stopping, ConnectionError, TimeoutError):  # client gone or too slow, or server stopping
            self.close_connection = True
        except Exception:
            logger.debug("practice server: handler failed", exc_info=True)
            self.close_connection = True
            if not self.headers_sent:
                try:
                    self.answer_error(500, MESSAGES[500], close=True)
                except OSError:
                    pass

    def _refuse(self, refusal: Refusal) -> None:
        self.answer_error(refusal.status, refusal.message, close=refusal.close)
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

    def _too_large(self) -> Refusal:
        limit = self.server.practice.max_body_bytes
        return Refusal(413, f"Payload Too Large: the body is over {limit} bytes", close=True, drain=limit)

    def _read_body(self) -> bytes:
        limit = self.server.practice.max_body_bytes
        encoding = self.headers.get("Transfer-Encoding")
        length = self.headers.get("Content-Length")
        if encoding is not None and encoding.strip().lower() != "chunked":
            raise Refusal(400, f"Bad Request: unsupported Transfer-Encoding {encoding!r}", close=True)
        if encoding is None and length is None:
            return b""
        if encoding is None and not length.strip().isdigit():
            raise Refusal(400, f"Bad Request: invalid Content-Length {length!r}", close=True)
        size = 0 if encoding else int(length)
        if size > limit:
            refusal = self._too_large()
            refusal.drain = min(size, limit)
            raise refusal
        try:
            data = self._read_chunked(limit) if encoding else self.rfile.read(size)
        except TimeoutError:
            raise Refusal(408, MESSAGES[408], close=True) from None
        if len(data) < size:
            if self._timed_out:
                raise Refusal(408, MESSAGES[408], close=True)
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
                raise Refusal(400, "Bad Request: malformed chunked body", close=True) from None
            if size == 0:
                while self.rfile.readline(1024).strip():  # trailers
                    pass
                return b"".join(parts)
            total += size
            if total > limit:
                raise self._too_large()
            parts.append(self.rfile.read(size))
            self.rfile.readline(8)  # the CRLF after each chunk

    def url_path(self) -> str:
        """The request's path without its query."""
        return urlsplit(getattr(self, "path", "") or "").path

    # -- writing

    def common_headers(self) -> None:
        """The headers every answer carries: the practice mark, the inference id, a valid client request id."""
        self.send_header("x-practice-server", "1")
        self.send_header("x-inference-id", self.request_id)
        client_id = self.headers.get("X-Client-Request-Id") if getattr(self, "headers", None) else None
        if client_id and CLIENT_REQUEST_ID.match(client_id):
            self.send_header("x-client-request-id", client_id)

    def answer_json(self, status: int, payload: dict, headers: dict | None = None, close: bool = False,
                    cut: bool = False) -> None:
        """A JSON answer; ``cut`` sends half of it and drops the connection (a fault)."""
        data = dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.common_headers()
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
        self.end_headers()
        self.headers_sent = True
        if self.command == "HEAD":
            return
        if cut:
            self.wfile.write(data[: len(data) // 2])
            self.drop()
            return
        self.wfile.write(data)

    def answer_error(self, status: int, message: str, headers: dict | None = None, close: bool = False) -> None:
        """An error in the API's shape: message, path, requestId, statusCode, timestamp."""
        body = {"message": message, "path": self.url_path(), "requestId": self.request_id, "statusCode": status,
                "timestamp": now_iso()}
        self.answer_json(status, body, headers, close)

    def drop(self) -> None:
        """End the connection abruptly, as a failing network or proxy would."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
