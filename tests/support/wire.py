"""What the client's wire tests share: a test key, stream chunks and scripts for support.rawserver, a JSON
reply, and a client whose backoff sleeps are recorded (by the ``waits`` fixture of tests/helpers/conftest.py)
instead of slept."""
from __future__ import annotations

import json

import helpers
from helpers.model_ids import SMALL_MODEL
from support.rawserver import http_head, send_slowly

KEY = "sk-canary-0123456789abcdef"
#: The running test's record of waits, while it uses the ``waits`` fixture.
RECORDING: list[list[float]] = []


def chunk(content=None, finish=None, **extra):
    delta = {"content": content} if content is not None else {}
    body = {"object": "chat.completion.chunk", "model": SMALL_MODEL,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
    return f"data: {json.dumps(body)}\n\n".encode()


def stream_script(*pieces, gap=0.0, head=None):
    def script(conn, request, number):
        send_slowly(conn, [head or http_head()] + list(pieces), gap)
    return script


def json_reply(status, body, extra=""):
    data = json.dumps(body).encode()
    return http_head(status, "application/json", extra, len(data)) + data


def make_client(server, **kw):
    if RECORDING:
        kw.setdefault("sleep", RECORDING[0].append)
        kw.setdefault("jitter", lambda: 0.0)
    return helpers.Client(api_key=KEY, base_url=server.base_url, **kw)
