"""Forwarding one chat call to the upstream with the funded key, and reading what it cost.

A plain call is read whole, up to a size cap (the relay must see its cost before settling); a
stream is passed through piece by piece as it arrives, watched for its final usage, and closed
upstream the moment the learner goes away. Either is closed upstream at once when the relay
stops the call (``Call.stop``: its seat overran). Every byte from the upstream is redacted on
its way out.
"""
from __future__ import annotations

import json
import logging
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

import anyio
import httpx
from starlette.responses import Response

from helpers.serving import MESSAGES
from helpers.sse import SSEDecoder

from .ledger import Outcome, usd_text
from .pricing import Price, nusd_from_usd
from .redact import Redactor
from .wire import api_error, dumps

log = logging.getLogger("relay")

#: Upstream headers a learner may see (the API's own); nothing else is passed on.
PASSED_HEADERS = ("content-type", "cache-control", "x-inference-id", "x-client-request-id", "x-aimlapi-credits-used",
                  "x-aimlapi-usd-spent", "retry-after", "retry-after-ms")
CLIENT_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
MAX_UPSTREAM_BODY = 32 * 1024 * 1024
MAX_SSE_EVENT = 1024 * 1024
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


@dataclass
class Call:
    """One chat call between its reservation and its settlement; ``stop`` ends its upstream part at once."""

    id: int
    seat_id: int
    seat: str
    model: str
    price: Price
    reserved: int
    path: str
    started: float = field(default_factory=time.perf_counter)
    stopped: str | None = None  # why the relay stopped it (its seat overran), if it did
    _scope: anyio.CancelScope | None = field(default=None, repr=False)

    def stop(self, why: str) -> None:
        """Cancel whatever of the call is under way upstream (from any task of the relay's event loop)."""
        self.stopped = why
        if self._scope is not None:
            self._scope.cancel()

    @contextmanager
    def stoppable(self):
        """The block ``stop`` cancels; entered after a stop, it is cancelled at its first wait."""
        with anyio.CancelScope() as scope:
            self._scope = scope
            if self.stopped:
                scope.cancel()
            try:
                yield
            finally:
                self._scope = None


def stopped_answer(call: Call, sent: bool) -> tuple[Response, Outcome]:
    """The 403 for a call the relay stopped, and its outcome: at its reservation when it had been sent (what the
    upstream will bill for it is unknown), at nothing when it had not."""
    message = (f"Seat {call.seat} was paused while this call was in flight: the API reported a call of this seat "
               "costing more than the relay had reserved for it, so the relay stopped the seat's other calls. Ask "
               "your instructor to resume the seat, or switch to practice mode (AIML_PRACTICE=1).")
    return api_error(403, message, call.path), Outcome("stopped", call.reserved if sent else 0, 403,
                                                       error=f"stopped: {call.stopped}")


def upstream_headers(request_headers, key: str) -> dict:
    """The only headers sent upstream: the funded key, JSON, and a valid client request id."""
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json", "Accept": "application/json"}
    client_id = request_headers.get("x-client-request-id")
    if client_id and CLIENT_REQUEST_ID.match(client_id):
        headers["X-Client-Request-Id"] = client_id
    return headers


def passed_headers(upstream: httpx.Response, redactor: Redactor) -> dict:
    """The upstream's headers a learner may see (``PASSED_HEADERS``), redacted."""
    return {name: redactor.text(upstream.headers[name]) for name in PASSED_HEADERS if name in upstream.headers}


def reported_cost(payload, headers) -> int | None:
    """The cost the upstream reported for a call (``meta.usage.usd_spent`` or the cost header), the larger
    of the two when both are there; None when it reported none."""
    found = []
    if headers is not None and "x-aimlapi-usd-spent" in headers:
        found.append(nusd_from_usd(headers["x-aimlapi-usd-spent"]))
    try:
        found.append(nusd_from_usd(payload["meta"]["usage"]["usd_spent"]))
    except (KeyError, TypeError):
        pass
    found = [f for f in found if f is not None]
    return max(found) if found else None


def tokens_of(payload) -> tuple[int | None, int | None]:
    """The (prompt, completion) tokens an answer reports, or (None, None)."""
    try:
        usage = payload["usage"]
        return int(usage["prompt_tokens"]), int(usage["completion_tokens"])
    except (KeyError, TypeError, ValueError):
        return None, None


def settle_cost(call: Call, payload, headers, fallback: int) -> int:
    """Reported cost first, else the price times the reported tokens, else ``fallback``."""
    cost = reported_cost(payload, headers)
    if cost is not None:
        return cost
    prompt, completion = tokens_of(payload)
    if prompt is not None:
        return call.price.cost_nusd(prompt, completion)
    return fallback


def error_answer(status: int, raw: bytes, call: Call, redactor: Redactor, headers: dict) -> Response:
    """An upstream error, passed on in the API's shape with the key redacted from it."""
    try:
        payload = json.loads(raw)
        message = payload["message"]
        message = message if isinstance(message, str) else json.dumps(message)
    except (ValueError, KeyError, TypeError):
        message = MESSAGES.get(status, "Error")
    if status < 400:  # a redirect or another success: nothing a learner's client should follow or trust
        status, message = 502, (f"Bad Gateway: the upstream API answered {status} instead of an answer or an error. "
                                "Try again; tell your instructor if it lasts.")
    elif status == 401:  # the relay's own key was refused: not the learner's seat code
        status, message = 502, ("Bad Gateway: the upstream API refused the relay's key (401). "
                                "Tell your instructor; your seat code is fine.")
    elif status == 403:
        message = ("The upstream API refused the call (403): the instructor's account may be out of credits. "
                   "Tell your instructor. Upstream said: " + message)
    keep = {k: v for k, v in headers.items() if k in ("retry-after", "retry-after-ms", "x-inference-id")}
    return api_error(status, redactor.text(message)[:2000], call.path, keep, keep.get("x-inference-id"))


async def forward_json(client: httpx.AsyncClient, url: str, body: dict, headers: dict, call: Call,
                       redactor: Redactor) -> tuple[Response, Outcome]:
    """Send a plain (not streamed) chat call; the learner's answer and how the call ended."""
    if call.stopped:
        return stopped_answer(call, sent=False)
    raw = None
    try:
        with call.stoppable():
            async with client.stream("POST", url, content=dumps(body), headers=headers) as upstream:
                raw = await read_capped(upstream)
    except NOT_SENT as exc:
        return _unreachable(call, exc, 0)
    except httpx.TimeoutException as exc:
        return _unreachable(call, exc, call.reserved)
    except (httpx.HTTPError, ValueError) as exc:
        return _unreachable(call, exc, call.reserved)
    if raw is None:  # stopped before the whole answer came (one that did come is passed on and settled)
        return stopped_answer(call, sent=True)
    shown = passed_headers(upstream, redactor)
    request_id = upstream.headers.get("x-inference-id")
    if upstream.status_code != 200:
        payload = _json_or_none(raw)
        cost = reported_cost(payload, upstream.headers) or 0
        answer = error_answer(upstream.status_code, raw, call, redactor, shown)
        return answer, Outcome("error", cost, answer.status_code, request_id=request_id,
                               error=f"upstream {upstream.status_code}")
    payload = _json_or_none(raw)
    if not isinstance(payload, dict):
        answer = api_error(502, "Bad Gateway: the upstream API sent an answer that is not JSON.", call.path)
        return answer, Outcome("error", call.reserved, 502, request_id=request_id,
                               error="upstream answer not JSON")
    prompt, completion = tokens_of(payload)
    cost = settle_cost(call, payload, upstream.headers, call.reserved)
    shown.pop("content-type", None)
    answer = Response(redactor.bytes(raw), 200, shown, media_type="application/json")
    return answer, Outcome("ok", cost, 200, prompt, completion, request_id)


async def read_capped(upstream: httpx.Response, limit: int = MAX_UPSTREAM_BODY) -> bytes:
    """The upstream's whole answer body; ValueError as soon as it passes ``limit`` bytes (the rest is not read)."""
    parts, size = [], 0
    async for chunk in upstream.aiter_bytes():
        size += len(chunk)
        if size > limit:
            raise ValueError(f"the upstream's answer is over {limit} bytes")
        parts.append(chunk)
    return b"".join(parts)


def _json_or_none(raw: bytes):
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _unreachable(call: Call, exc: Exception, cost: int) -> tuple[Response, Outcome]:
    kind = type(exc).__name__
    if isinstance(exc, NOT_SENT):
        status, message = 502, "Bad Gateway: the relay cannot reach the upstream API. Try again in a minute."
    elif isinstance(exc, httpx.TimeoutException):
        status, message = 504, "Generation timeout: the upstream API did not answer in time. Try again."
    else:
        status, message = 502, "Bad Gateway: the upstream API's answer broke off. Try again."
    log.warning("call %s (%s): upstream %s", call.id, call.seat, kind)
    return api_error(status, message, call.path), Outcome("error", cost, status, error=f"upstream {kind}")


# --------------------------------------------------------------------------- streams

class StreamWatch:
    """Reads an SSE stream as it passes, with the kit's ``SSEDecoder`` (every line ending, any split): was it
    finished (``[DONE]``), and what did its events report (the last ``usage`` and ``meta``).

    The bytes themselves pass through untouched (the relay never re-encodes a learner's stream). What the
    decoder holds is bounded: past ``MAX_SSE_EVENT`` bytes without a finished event it starts afresh.
    """

    def __init__(self):
        self._decoder = SSEDecoder()
        self._since_event = 0
        self.done = False
        self.payload: dict = {}

    def feed(self, chunk: bytes) -> None:
        """Read one chunk as it passes (events may be split across chunks)."""
        self._since_event += len(chunk)
        for event in self._decoder.feed(chunk):
            self._since_event = 0
            self._read(event.data)
        if self._since_event > MAX_SSE_EVENT:  # no event that large is real: drop what is held
            self._decoder, self._since_event = SSEDecoder(), 0

    def _read(self, data: str) -> None:
        if data == "[DONE]":
            self.done = True
        elif '"usage"' in data or '"meta"' in data:
            try:
                event = json.loads(data)
            except ValueError:
                return
            if isinstance(event, dict):
                for key in ("usage", "meta"):
                    if event.get(key) is not None:
                        self.payload[key] = event[key]


class RelayedStream:
    """An ASGI answer that pumps an open upstream stream to the learner.

    It listens for the learner leaving while it pumps: the upstream response is closed at once
    (so the upstream stops generating), and the call is settled whatever happened. A finished
    stream is settled before its ``[DONE]`` is passed on, so the learner's next call (a balance,
    say) already sees the cost. A stream the relay stops (``Call.stop``) is closed upstream the
    same way and ends with an error event saying why.
    """

    def __init__(self, upstream: httpx.Response, call: Call, redactor: Redactor, settle, release):
        self.upstream, self.call, self.redactor = upstream, call, redactor
        self.settle, self.release = settle, release
        self.watch = StreamWatch()
        self.abandoned = False
        self.completed = False  # the last byte went out: a disconnect after that is the normal end
        self.settled = False
        self.started = False  # the answer's head went out
        self.broken: str | None = None

    async def __call__(self, scope, receive, send) -> None:
        try:
            with self.call.stoppable():
                async with anyio.create_task_group() as group:
                    group.start_soon(self._listen, receive, group.cancel_scope)
                    await self._pump(send)
                    group.cancel_scope.cancel()
        finally:
            with anyio.CancelScope(shield=True):
                await self.upstream.aclose()
            self.release()
            if not self.settled:
                self.settled = True
                self.settle(self.call, self._outcome(finished=False))
        if self.call.stopped and not (self.completed or self.abandoned):
            return await self._say_stopped(scope, receive, send)
        if self.broken:  # the upstream broke off: end the learner's stream abruptly too, as the upstream did
            raise ConnectionAbortedError(self.broken)

    async def _say_stopped(self, scope, receive, send) -> None:
        """The 403 that says why the relay stopped the call: as the answer, or as an error event in the stream."""
        answer, _ = stopped_answer(self.call, sent=True)
        if not self.started:
            return await answer(scope, receive, send)
        event = b"data: " + dumps({"error": json.loads(answer.body)}) + b"\n\n"
        await send({"type": "http.response.body", "body": event, "more_body": False})

    async def _listen(self, receive, scope) -> None:
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                self.abandoned = not (self.completed or self.settled)
                scope.cancel()
                return

    async def _pump(self, send) -> None:
        headers = passed_headers(self.upstream, self.redactor)
        headers["content-type"] = "text/event-stream"
        headers.setdefault("cache-control", "no-cache")
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(k.encode(), v.encode("latin-1", "replace")) for k, v in headers.items()]})
        self.started = True
        redact = self.redactor.stream()
        try:
            async for chunk in self.upstream.aiter_bytes():
                self.watch.feed(chunk)
                if self.watch.done and not self.settled:
                    self.settled = True
                    self.settle(self.call, self._outcome(finished=True))
                out = redact.feed(chunk)
                if out:
                    await send({"type": "http.response.body", "body": out, "more_body": True})
        except httpx.HTTPError as exc:
            self.broken = f"upstream {type(exc).__name__}"
            return
        rest = redact.flush()
        if not self.watch.done:  # an event left unfinished at the end does not count, as the SSE rules say
            self.broken = "upstream stream ended without [DONE]"
            if rest:
                await send({"type": "http.response.body", "body": rest, "more_body": True})
            return
        self.completed = True
        await send({"type": "http.response.body", "body": rest, "more_body": False})

    def _outcome(self, finished: bool) -> Outcome:
        call, watch = self.call, self.watch
        prompt, completion = tokens_of(watch.payload)
        reported = reported_cost(watch.payload, self.upstream.headers)
        request_id = self.upstream.headers.get("x-inference-id")
        if finished:
            return Outcome("ok", settle_cost(call, watch.payload, self.upstream.headers, call.reserved), 200,
                           prompt, completion, request_id)
        # Ended early: the upstream's bill for the part generated is unknown, so the reservation stands.
        status = "stopped" if call.stopped else "abandoned" if self.abandoned else "cut"
        cost = reported if reported is not None else call.reserved
        why = (f"stopped: {call.stopped}" if call.stopped else "the learner closed the stream" if self.abandoned
               else (self.broken or "stream ended early"))
        return Outcome(status, cost, 200, prompt, completion, request_id, error=why)


async def open_stream(client: httpx.AsyncClient, url: str, body: dict, headers: dict, call: Call,
                      redactor: Redactor):
    """Start a streamed call upstream: (an open httpx response, None) on 200, else (None, (answer, Outcome))."""
    if call.stopped:
        return None, stopped_answer(call, sent=False)
    request = client.build_request("POST", url, content=dumps(body), headers={**headers,
                                                                               "Accept": "text/event-stream"})
    upstream = None
    try:
        with call.stoppable():
            upstream = await client.send(request, stream=True)
    except NOT_SENT as exc:
        return None, _unreachable(call, exc, 0)
    except httpx.HTTPError as exc:
        return None, _unreachable(call, exc, call.reserved)
    if upstream is None:
        return None, stopped_answer(call, sent=True)
    if upstream.status_code == 200:
        return upstream, None
    try:
        raw = await read_capped(upstream)
    except (httpx.HTTPError, ValueError):
        raw = b""
    finally:
        await upstream.aclose()
    shown = passed_headers(upstream, redactor)
    payload = _json_or_none(raw)
    answer = error_answer(upstream.status_code, raw, call, redactor, shown)
    return None, (answer, Outcome("error", reported_cost(payload, upstream.headers) or 0, answer.status_code,
                                  request_id=upstream.headers.get("x-inference-id"),
                                  error=f"upstream {upstream.status_code}"))


def describe(call: Call, outcome: Outcome) -> str:
    """One log line for a settled call: seat, model, status, cost, reservation, time."""
    ms = (time.perf_counter() - call.started) * 1000
    return (f"{call.seat} {call.model} {outcome.http_status} {outcome.status} {usd_text(outcome.cost_nusd)} "
            f"(reserved {usd_text(call.reserved)}) {ms:.0f} ms")
