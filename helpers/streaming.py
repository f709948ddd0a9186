"""A streamed answer: iterate for text pieces as they arrive; ``.result`` once it is done."""
from __future__ import annotations

import functools
import json
import socket
import time
from typing import TYPE_CHECKING, Any, Callable, Iterator

import requests
import urllib3
from requests.structures import CaseInsensitiveDict

from . import advice, errors
from ._retry import STREAM_RETRY_RECORD
from .results import ChatResult, cost_from, is_simulated
from .sse import Event, SSEDecoder

if TYPE_CHECKING:
    from ._retry import RetryPolicy

#: Opens the stream's request: ``send(deadline, retries_used)`` gives (the response, retries used so far).
Send = Callable[[float, int], "tuple[requests.Response, int]"]

READ_SIZE = 65536


def _socket_of(response: requests.Response):
    """The socket under a streamed response, to tighten its timeout as the deadline nears."""
    connection = getattr(response.raw, "connection", None) or getattr(response.raw, "_connection", None)
    return getattr(connection, "sock", None)


def _reader(raw: urllib3.HTTPResponse) -> Callable[[], bytes]:
    """The next piece of the body on each call (b"" at its end).

    A chunked body (what the API sends) is read one HTTP chunk, usually one event, per step
    from one generator; read1() would go through urllib3's error handling and http.client's
    chunk bookkeeping again for every event (a third of the time a burst of events took).
    A close-delimited body keeps read1(), which never waits to fill.
    """
    if getattr(raw, "chunked", False) and raw.supports_chunked_reads():
        return functools.partial(next, raw.read_chunked(READ_SIZE, decode_content=True), b"")
    return functools.partial(raw.read1, READ_SIZE, decode_content=True)


class ChatStream:
    """Iterate for text pieces. ``.text`` is what arrived so far; ``.result`` the whole answer at the end.

    ``close()`` stops it early (a Stop button). A stream is retried only while it has
    yielded nothing; after that an interruption raises, and what arrived stays in ``.text``.
    """

    def __init__(self, send: Send, *, model: str | None, policy: "RetryPolicy", redact: Callable[[Any], Any],
                 timeout: float):
        self._send = send
        self._policy = policy
        self._redact = redact
        self._timeout = timeout
        self._pieces: list[str] = []
        self._response: requests.Response | None = None
        self._closed = False
        self._iterator: Iterator[str] | None = None
        self.result: ChatResult | None = None
        self.time_to_first_token_s: float | None = None
        self.model: str | None = model

    @property
    def text(self) -> str:
        """All text received so far."""
        return "".join(self._pieces)

    @property
    def done(self) -> bool:
        return self.result is not None

    def __iter__(self) -> Iterator[str]:
        if self._iterator is None:
            self._iterator = self._run()
        return self._iterator

    def __next__(self) -> str:
        return next(iter(self))

    def __enter__(self) -> "ChatStream":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop reading and drop the connection; safe to call from another thread."""
        self._closed = True
        response = self._response
        if response is not None:
            sock = _socket_of(response)
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked in another thread
                except OSError:
                    pass
            response.close()

    def until_done(self) -> ChatResult:
        """Read the rest of the stream and return the result."""
        for _ in self:
            pass
        assert self.result is not None
        return self.result

    def __repr__(self) -> str:
        state = "done" if self.done else ("closed" if self._closed else "open")
        return f"ChatStream(model={self.model!r}, {state}, {len(self.text)} characters so far)"

    # --- the reading loop ----------------------------------------------------------------

    def _run(self) -> Iterator[str]:
        policy = self._policy
        started = time.monotonic()
        deadline = policy.deadline(self._timeout)
        attempt = 0
        while True:
            response, attempt = self._send(deadline, attempt)
            self._response = response
            if self._closed:  # Stop was pressed while the request waited for its answer
                response.close()
                return
            try:
                yield from self._read(response, started, deadline)
                return
            except errors.APIConnectionError as exc:
                if self._closed or self._pieces or isinstance(exc, errors.APITimeoutError):
                    raise
                wait = policy.wait_before_retry(attempt, deadline)
                if wait is None:
                    raise
                policy.pause(wait, STREAM_RETRY_RECORD, wait, attempt + 1, policy.max_retries)
                attempt += 1
            finally:
                response.close()

    def _read(self, response: requests.Response, started: float, deadline: float) -> Iterator[str]:
        kind = response.headers.get("content-type", "")
        if "text/event-stream" not in kind:
            yield from self._read_json(response, started)
            return
        decoder = SSEDecoder()
        state: dict[str, Any] = {"usage": {}, "finish_reason": None, "data": {}, "meta_cost": None}
        sock = _socket_of(response)
        read = _reader(response.raw)
        while True:
            remaining = deadline - self._policy.clock()
            if remaining <= 0:
                raise errors.APITimeoutError(self._cut_text("the deadline passed"), partial_text=self.text)
            if sock is not None:
                try:
                    sock.settimeout(remaining)
                except OSError:
                    pass
            try:
                chunk = read()
            except (urllib3.exceptions.ReadTimeoutError, socket.timeout, TimeoutError):
                raise errors.APITimeoutError(self._cut_text("the deadline passed"), partial_text=self.text) from None
            except (urllib3.exceptions.HTTPError, OSError, ValueError, AttributeError) as exc:
                if self._closed:
                    return
                raise errors.APIConnectionError(self._cut_text(f"the connection broke ({type(exc).__name__})"),
                                                partial_text=self.text) from None
            if not chunk:
                if self._closed:
                    return
                raise errors.APIConnectionError(self._cut_text("the stream ended before [DONE]"),
                                                partial_text=self.text)
            for event in decoder.feed(chunk):
                if event.data == "[DONE]":
                    self._finish(state, response, started)
                    return
                piece = self._handle(event, state)
                if piece:
                    if self.time_to_first_token_s is None:
                        self.time_to_first_token_s = time.monotonic() - started
                    self._pieces.append(piece)
                    yield piece
            if self._closed:
                return

    def _handle(self, event: Event, state: dict) -> str | None:
        try:
            data = json.loads(event.data)
        except ValueError:
            if event.event == "error":
                text = self._redact(event.data)[:200]
                raise errors.APIError(f"The stream reported an error: {text}") from None
            return None  # a ping or other non-JSON event carries no text
        if not isinstance(data, dict):
            return None
        if event.event == "error" or "error" in data or ("statusCode" in data and "choices" not in data):
            raise self._stream_error(data)
        state["data"] = data
        if isinstance(data.get("usage"), dict):
            state["usage"] = data["usage"]
        cost = cost_from(data, None)
        if cost is not None:
            state["meta_cost"] = cost
        choices = data.get("choices")
        if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
            return None
        choice = choices[0]
        if choice.get("finish_reason"):
            state["finish_reason"] = choice["finish_reason"]
        delta = choice.get("delta")
        content = delta.get("content") if isinstance(delta, dict) else None
        return content if isinstance(content, str) and content else None

    def _stream_error(self, data: dict) -> errors.APIError:
        inner = data.get("error") if isinstance(data.get("error"), dict) else data
        message = inner.get("message") or data.get("message") or "unknown error"
        status = inner.get("statusCode") or inner.get("status") or inner.get("code") or data.get("statusCode")
        message = self._redact(str(message))
        data = self._redact(data)
        if isinstance(status, int) and 400 <= status < 600:
            what_next = advice.for_status(status)
            text = f"Error code {status} inside the stream: {message}\n{what_next.todo}"
            return errors.status_error_class(status)(text, status_code=status, api_message=message, body=data,
                                                     advice=what_next)
        return errors.APIError(f"The stream reported an error: {message}", body=data)

    def _finish(self, state: dict, response: requests.Response, started: float) -> None:
        last = state["data"]
        self.result = ChatResult(
            text=self.text,
            model=last.get("model") or self.model,
            finish_reason=state["finish_reason"],
            usage=state["usage"],
            cost_usd=state["meta_cost"],
            inference_id=response.headers.get("x-inference-id"),
            latency_s=time.monotonic() - started,
            raw=last,
            simulated=is_simulated(last, response.headers),
            headers=CaseInsensitiveDict(response.headers),
            time_to_first_token_s=self.time_to_first_token_s,
        )

    def _read_json(self, response: requests.Response, started: float) -> Iterator[str]:
        """A server that ignored stream=True and answered plain JSON: one piece, the whole text."""
        try:
            data = response.json()
        except ValueError:
            kind = response.headers.get("content-type") or "no content type"
            raise errors.APIResponseValidationError(f"Expected a stream (text/event-stream) but got {kind}.") from None
        if isinstance(data, dict) and ("error" in data or "statusCode" in data) and "choices" not in data:
            raise self._stream_error(data)
        result = ChatResult.from_response(data, response.headers, latency_s=time.monotonic() - started,
                                          requested_model=self.model)
        if result.text:
            self.time_to_first_token_s = time.monotonic() - started
            self._pieces.append(result.text)
            yield result.text
        self.result = result

    def _cut_text(self, why: str) -> str:
        got = len(self.text)
        return (f"The stream stopped: {why}. {got} characters had arrived; they are in stream.text "
                "(and in this error's .partial_text). Try again, or raise the timeout.")
