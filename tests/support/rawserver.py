"""A scripted raw-socket HTTP server on loopback, for the cases where bytes matter.

Each connection reads one request (headers and a Content-Length body) and hands it to a
script, which writes whatever bytes it likes: split reads, bad line ends, a cut stream,
a silence. ``RawServer.requests`` records what arrived, ``.connections`` counts accepts.
"""
from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class RawRequest:
    method: str
    path: str
    headers: dict
    body: bytes


@dataclass
class RawServer:
    script: Callable[[socket.socket, RawRequest, int], None]
    requests: list = field(default_factory=list)
    connections: int = 0

    def __post_init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accept_thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> "RawServer":
        self._accept_thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._accept_thread.join(2)
        self._sock.close()
        for t in self._threads:
            t.join(2)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except (socket.timeout, OSError):
                continue
            self.connections += 1
            t = threading.Thread(target=self._serve, args=(conn, self.connections), daemon=True)
            self._threads.append(t)
            t.start()

    def _serve(self, conn: socket.socket, number: int) -> None:
        conn.settimeout(5)
        try:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path, _ = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                k, _, v = line.partition(":")
                headers[k.strip().lower()] = v.strip()
            length = int(headers.get("content-length", "0") or 0)
            while len(body) < length:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                body += chunk
            request = RawRequest(method, path, headers, body)
            self.requests.append(request)
            self.script(conn, request, number)
        except OSError:
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass


def http_head(status: int = 200, content_type: str = "text/event-stream", extra: str = "",
              length: int | None = None) -> bytes:
    """A response head for a close-delimited (no length) or fixed-length body."""
    reason = {200: "OK", 302: "Found", 307: "Temporary Redirect", 400: "Bad Request", 401: "Unauthorized",
              429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}.get(status, "Status")
    head = f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nConnection: close\r\n"
    if length is not None:
        head += f"Content-Length: {length}\r\n"
    return (head + extra + "\r\n").encode("latin-1")


def send_slowly(conn: socket.socket, pieces: list[bytes], gap: float = 0.0) -> None:
    """Send each piece as its own write (TCP_NODELAY, so reads see the splits)."""
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    for piece in pieces:
        conn.sendall(piece)
        if gap:
            time.sleep(gap)
