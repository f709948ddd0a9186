"""The HTTP protocol the relay's uvicorn runs: uvicorn's own (httptools), with a deadline on request headers.

uvicorn bounds an idle kept-alive connection (``timeout_keep_alive``) but not one that is
still sending a request's headers: a client that connects and then sends nothing, or a byte
now and then, would hold its socket for ever, and a room's network is enough to run out of
them. Here every request's headers must be complete within ``header_timeout`` seconds of the
connection (the first request) or of the request's first byte (the next ones); past that the
client gets a 408 and the connection is closed. The body has its own limit (``--body-timeout``,
in the app). Written against uvicorn's ``HttpToolsProtocol`` callbacks, pinned in
requirements-relay.txt.
"""
from __future__ import annotations

import asyncio
import logging

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger("relay")

MESSAGE = b"The request's headers did not arrive in time."
TIMED_OUT = (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\n"
             b"content-length: %d\r\n\r\n%s" % (len(MESSAGE), MESSAGE))


class HeaderDeadlineProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, closing a connection whose request headers are too slow."""

    header_timeout: float = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._header_timer: asyncio.TimerHandle | None = None
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def _arm(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            log.info("closed a connection from %s: its request headers took over %g s",
                     self.client[0] if self.client else "?", self.header_timeout)
            self.transport.write(TIMED_OUT)
            self.transport.close()


def header_deadline_protocol(seconds: float) -> type[HeaderDeadlineProtocol]:
    """The protocol class for uvicorn's ``Config(http=...)``, with its deadline set to ``seconds``."""
    return type("HeaderDeadlineProtocol", (HeaderDeadlineProtocol,), {"header_timeout": seconds})
