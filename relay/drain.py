"""An answer given before the request's body was read: read a little more of it, else close the connection.

The relay answers many requests without reading their bodies (a wrong seat code, a seat past its
limits, an unknown path). uvicorn then keeps the connection and discards the rest of the body as it
arrives, with no deadline: a client announcing a gigabyte and sending a byte now and then would hold
its connection open for ever. So, before such an answer goes out, the rest of the body is read and
dropped if it comes quickly (at most ``DRAIN_BYTES`` within ``DRAIN_SECONDS``: a learner's ordinary
request keeps its connection, and reads its answer rather than a reset); otherwise the answer says
``Connection: close`` and uvicorn closes the connection once it is sent.
"""
from __future__ import annotations

import anyio

DRAIN_BYTES = 1024 * 1024
DRAIN_SECONDS = 1.0


class CloseUnread:
    """ASGI middleware: an answer to a request whose body was not all read drains it briefly or closes."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or ())
        state = {"read": not _has_body(headers)}

        async def tracked() -> dict:
            message = await receive()
            if message["type"] != "http.request" or not message.get("more_body", False):
                state["read"] = True
            return message

        async def guarded(message: dict) -> None:
            if message["type"] == "http.response.start" and not state["read"]:
                out = list(message.get("headers") or ())
                closing = any(k.lower() == b"connection" and b"close" in v.lower() for k, v in out)
                waiting = b"100-continue" in headers.get(b"expect", b"").lower()  # has sent nothing: not invited to
                if not closing and (waiting or not await _drain(tracked)):
                    message = {**message, "headers": [*out, (b"connection", b"close")]}
            await send(message)

        await self.app(scope, tracked, guarded)


def _has_body(headers: dict) -> bool:
    length = headers.get(b"content-length", b"0").strip()
    return b"transfer-encoding" in headers or not (length.isdigit() and int(length) == 0)


async def _drain(receive) -> bool:
    """Read and drop the rest of the body: True when it all came within the bounds."""
    size = 0
    with anyio.move_on_after(DRAIN_SECONDS):
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return False
            size += len(message.get("body", b""))
            if not message.get("more_body", False):
                return True
            if size > DRAIN_BYTES:
                return False
    return False
