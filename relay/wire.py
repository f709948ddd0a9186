"""What the relay says on the wire: the API's error body, request bodies read with a limit, checks.

Error answers have the API's own shape (``message``, ``path``, ``requestId``, ``statusCode``,
``timestamp``) so the kit, raw ``requests`` and the OpenAI SDK read them as they read the API's.
"""
from __future__ import annotations

import json
import math
import re
import uuid
from datetime import datetime, timezone

import anyio
from starlette.requests import Request
from starlette.responses import Response

from helpers.model_ids import SMALL_MODEL


def now_iso() -> str:
    """Now in UTC, as the API writes its timestamps."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def dumps(payload) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def api_error(status: int, message: str, path: str, headers: dict | None = None,
              request_id: str | None = None) -> Response:
    """An error answer in the API's shape."""
    request_id = request_id or str(uuid.uuid4())
    body = {"message": message, "path": path, "requestId": request_id, "statusCode": status,
            "timestamp": now_iso()}
    return Response(dumps(body), status, {"x-inference-id": request_id, **(headers or {})},
                    media_type="application/json")


#: The most JSON values (objects, arrays, strings, numbers...) a chat body may hold, and how deep it may nest.
#: Parsing a few megabytes of ``[{},{},...]`` would take hundreds of megabytes; a real chat body, its tools and
#: schemas included, holds a few thousand values, some ten levels deep.
MAX_JSON_VALUES = 100_000
MAX_JSON_DEPTH = 64
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')


class BodyTooLarge(Exception):
    """The body passed its size limit."""


async def read_body(request: Request, limit: int, seconds: float) -> bytearray:
    """The whole request body; BodyTooLarge as soon as it passes ``limit`` bytes, TimeoutError when it has not
    all arrived after ``seconds`` (a client dripping its body is dropped)."""
    length = request.headers.get("content-length", "")
    if length.strip().isdigit() and int(length) > limit:
        raise BodyTooLarge
    body = bytearray()
    with anyio.fail_after(seconds):
        async for chunk in request.stream():
            if len(body) + len(chunk) > limit:
                raise BodyTooLarge
            body += chunk
    return body


def too_many_values(raw: bytes | bytearray, limit: int = MAX_JSON_VALUES) -> bool:
    """True when the JSON text ``raw`` holds more than about ``limit`` values, told without parsing it: every
    value but the first follows a comma or opens an array or object, outside strings."""
    def rough(data) -> int:
        return data.count(b",") + data.count(b"[") + data.count(b"{")
    if rough(raw) <= limit:
        return False
    return rough(_STRING.sub(b"", raw)) > limit  # commas and brackets inside strings are text, not values


def nests_deeper_than(value, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when arrays and objects in ``value`` nest more than ``limit`` levels deep (walked without recursion)."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        pending.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def chat_body_problem(body) -> str | None:
    """What the relay itself must know is wrong before it can price a call (the upstream checks the rest)."""
    if not isinstance(body, dict):
        return "Body validation error! Expected object, received " + type(body).__name__
    if nests_deeper_than(body):
        return (f"Body validation error! The body nests arrays and objects more than {MAX_JSON_DEPTH} levels deep; "
                "a chat request needs a few.")
    if not isinstance(body.get("model"), str) or not body["model"]:
        return f"Body validation error! [model] Required: the model id, for example {SMALL_MODEL}"
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return "Body validation error! [messages] Expected a non-empty array of messages"
    if not all(isinstance(m, dict) for m in messages):
        return "Body validation error! [messages] Expected an array of objects"
    for key in ("max_tokens", "max_completion_tokens"):
        value = body.get(key)
        if value is not None and not (_number(value) and 1 <= value <= 10_000_000):
            return f"Body validation error! [{key}] Expected number >= 1, received {json.dumps(value)[:40]}"
    n = body.get("n")
    if n is not None and not (isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 128):
        return f"Body validation error! [n] Expected integer between 1 and 128, received {json.dumps(n)[:40]}"
    if "stream" in body and not isinstance(body["stream"], bool):
        return "Body validation error! [stream] Expected boolean"
    return None


def bearer(request: Request) -> str | None:
    """The token of ``Authorization: Bearer ...``, or None."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None
