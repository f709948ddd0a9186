"""A scripted upstream that misbehaves on request: it echoes the relay's key, breaks off, stays silent.

The behaviour is picked by the prompt's text (the relay forwards bodies, not a learner's extra
headers), e.g. ``chat_body("echo-400")``. Built on tests/support/rawserver.py: one request per connection.
"""
from __future__ import annotations

import json
import threading
import time

from relay_support import MODEL  # first: it puts tests/ on the path, for support/

from support.rawserver import RawServer, http_head, send_slowly  # noqa: E402

PRICE = f"{MODEL}=0.04,0.08"
SLOW_EVENTS = 400


def _event(content: str, **extra) -> bytes:
    chunk = {"object": "chat.completion.chunk", "model": MODEL,
             "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}], **extra}
    return b"data: " + json.dumps(chunk).encode() + b"\n\n"


USAGE = {"prompt_tokens": 3, "completion_tokens": 5, "total_tokens": 8}
META = {"usage": {"credits_used": 2, "usd_spent": 0.00000052}}


def _completion(content: str, usd: float) -> dict:
    return {"object": "chat.completion", "model": MODEL, "usage": USAGE,
            "meta": {"usage": {"credits_used": round(usd * 2_000_000), "usd_spent": usd}},
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}]}


def _json(conn, status: int, payload, extra: str = "") -> None:
    data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    conn.sendall(http_head(status, "application/json", extra, len(data)) + data)


class HostileUpstream:
    """``with HostileUpstream() as up: up.base_url``; ``up.sent_slow`` counts the slow stream's events sent."""

    def __init__(self):
        self.models_down = False  # set: /v1/models answers 503
        self.models_bytes = 0  # set: /v1/models answers a list of about this many bytes
        self.closed_on_us = 0  # "overcharge-later" calls whose connection the relay closed before the answer
        self.sent_slow = 0
        self.slow_done = threading.Event()
        self.release = threading.Event()
        self.server = RawServer(self._script)

    def __enter__(self) -> "HostileUpstream":
        self.server.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self.server.__exit__(*exc)

    @property
    def base_url(self) -> str:
        return self.server.base_url

    @property
    def requests(self):
        return self.server.requests

    def _script(self, conn, request, number) -> None:
        auth = request.headers.get("authorization", "")
        if request.path.startswith("/v1/models"):
            return self._models(conn, auth.partition(" ")[2])
        try:
            prompt = json.loads(request.body)["messages"][0]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            prompt = ""
        if not self._answer(conn, prompt, auth) and not self._misbehave(conn, prompt, auth):
            _json(conn, 404, {"message": "unknown test prompt"})

    def _models(self, conn, key: str) -> None:
        if self.models_down:
            return _json(conn, 503, {"message": "Service unavailable", "statusCode": 503})
        if self.models_bytes:
            entry = b'{"id":"some/model","info":{"description":"' + b"x" * 1000 + b'"}},'
            data = b'{"object":"list","data":[' + entry * (self.models_bytes // len(entry)) + b'{"id":"last"}]}'
            try:
                return conn.sendall(http_head(200, "application/json", "", len(data)) + data)
            except OSError:
                return None  # the relay stopped reading
        pricing = {"kind": "fixed", "units": [{"unit": "input_token", "price": 0.04, "per": 1_000_000},
                                              {"unit": "output_token", "price": 0.08, "per": 1_000_000}]}
        _json(conn, 200, {"object": "list", "data": [{"id": MODEL, "info": {"description": f"key {key}"},
                                                      "pricing": pricing}]})

    def _answer(self, conn, prompt: str, auth: str) -> bool:
        """The prompts answered with a 200 (some of them odd); False for any other prompt."""
        key = auth.partition(" ")[2]
        if prompt in ("ok", "overcharge", "echo-json-200"):
            content = f"The key is {key}" if prompt == "echo-json-200" else "fine"
            spent = 0.01 if prompt == "overcharge" else 0.00000052  # overcharge: far over any reservation
            extra = f"x-inference-id: {key}\r\nx-debug-auth: {auth}\r\n" if prompt == "echo-json-200" else ""
            _json(conn, 200, _completion(content, spent), f"{extra}x-aimlapi-usd-spent: {spent:.8f}\r\n")
        elif prompt == "echo-stream":  # the key split across writes, a byte at a time in the middle
            conn.sendall(http_head(200, "text/event-stream", f"x-inference-id: id-{key}\r\n"))
            line = _event(f"here it is: {key} and half {key[:16]}").decode()
            cut = line.index(key) + 7
            pieces = [line[:cut].encode()] + [c.encode() for c in line[cut:cut + 12]] + [line[cut + 12:].encode()]
            send_slowly(conn, pieces + [_event("", meta=META, usage=USAGE), b"data: [DONE]\n\n"], gap=0.002)
        elif prompt in ("cr-stream", "crlf-stream"):  # the same events, their lines ended by CR or CRLF alone
            end = b"\r" if prompt == "cr-stream" else b"\r\n"
            events = [_event("one"), _event("two"), _event("", meta=META, usage=USAGE), b"data: [DONE]\n\n"]
            data = b"".join(events).replace(b"\n", end)
            conn.sendall(http_head(200, "text/event-stream"))
            send_slowly(conn, [data[i:i + 7] for i in range(0, len(data), 7)])  # line ends split anywhere
        elif prompt == "slow-stream":
            self._slow_stream(conn)
        elif prompt in ("overcharge-later", "overcharge-later-stream"):  # an overcharge after 3 s, if still wanted
            self._overcharge_later(conn, stream=prompt.endswith("stream"))
        else:
            return False
        return True

    def _overcharge_later(self, conn, stream: bool) -> None:
        if stream:
            conn.sendall(http_head(200, "text/event-stream") + _event("thinking"))
        conn.settimeout(0.02)
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            try:
                if conn.recv(1) == b"":
                    self.closed_on_us += 1
                    return
            except TimeoutError:
                continue
        if stream:
            meta = {"usage": {"credits_used": 20000, "usd_spent": 0.01}}
            return conn.sendall(_event("", meta=meta, usage=USAGE) + b"data: [DONE]\n\n")
        _json(conn, 200, _completion("fine", 0.01), "x-aimlapi-usd-spent: 0.01\r\n")

    def _misbehave(self, conn, prompt: str, auth: str) -> bool:
        """The prompts answered with an error, garbage, a cut or a silence; False for any other prompt."""
        key = auth.partition(" ")[2]
        if prompt == "redirect":  # somewhere else, and a cookie: neither reaches the learner
            _json(conn, 302, {"message": "moved"},
                  f"location: http://127.0.0.1:9/steal\r\nset-cookie: upstream={key}\r\n")
        elif prompt == "echo-401":
            _json(conn, 401, {"message": f"Invalid key: {auth}", "statusCode": 401})
        elif prompt == "echo-400":
            _json(conn, 400, {"message": f"Body validation error! your header was {auth!r}",
                              "path": "/v1/chat/completions", "requestId": "r", "statusCode": 400,
                              "timestamp": "2026-01-01T00:00:00Z"})
        elif prompt == "echo-text-500":
            data = f"<html>Internal error for key={key} (again: {key[:10]} {key[10:]})</html>".encode()
            conn.sendall(http_head(500, "text/html", "", len(data)) + data)
        elif prompt == "bad-json":
            data = f"this is not JSON {key}".encode()
            conn.sendall(http_head(200, "application/json", "", len(data)) + data)
        elif prompt == "cut-stream":  # the connection closes without [DONE]
            conn.sendall(http_head(200, "text/event-stream") + _event("one") + _event("two"))
        elif prompt in ("silent", "hang-until-released"):
            self.release.wait(5 if prompt == "silent" else 30)
        else:
            return False
        return True

    def _slow_stream(self, conn) -> None:
        try:
            conn.sendall(http_head(200, "text/event-stream"))
            for i in range(SLOW_EVENTS):
                conn.sendall(_event(f"piece {i} "))
                self.sent_slow = i + 1
                time.sleep(0.02)
            conn.sendall(b"data: [DONE]\n\n")
        except OSError:
            pass
        finally:
            self.slow_done.set()
