"""The client's fault matrix: every case over real loopback HTTP, each asserting the outcome
AND the number of attempts.

Tables (one parametrized test each, so ``pytest --collect-only -q tests/helpers/test_faults.py``
counts them):

  STATUS      retryable statuses N times, then success, or the typed error past max_retries
  NO_RETRY    client errors: one attempt, no retry, the typed error
  RETRY_AFTER every form of Retry-After / retry-after-ms: the wait the client took
  TOO_LONG    a Retry-After longer than the client waits: no early retry, the error carries the wait
  TRANSPORT   deadlines, refused ports, dropped and garbled connections, keep-alives forever
  STREAM_WIRE byte-level stream shapes: splits, line ends, charsets, SSE fields (the same pieces)
  BAD_ANSWER  200 answers that are not what they claim, and errors inside a 200 stream
  REDIRECT    redirects: the key never follows to another host or port

"Attempts" are the HTTP requests the client issued (counted by a pass-through spy on its
``requests.Session``), checked against what the server received wherever one can count.
Backoff sleeps are recorded instead of slept and the jitter is taken out (the ``waits``
fixture hands ``Client(sleep=..., jitter=...)`` to every client ``make`` builds), so the
expected waits are exact.
"""
from __future__ import annotations

import email.utils
import gzip
import json
import socket
import struct
import threading
import time

import pytest

import helpers
from helpers.errors import (APIConnectionError, APIError, APIResponseValidationError, APIStatusError,
                            APITimeoutError, AuthenticationError, BadRequestError, InternalServerError,
                            NotFoundError, PermissionDeniedError, RateLimitError, UnprocessableEntityError)
from helpers.practice import SIMULATED_MARKER, PracticeServer
from support.rawserver import RawServer, send_slowly
from support.wire import RECORDING

KEY = "sk-canary-faults-0123456789abcdef"
#: The running test's release event (set at its teardown), for the scripts that wait.
WIRE_RELEASE = [threading.Event()]
MAX_RETRIES = 2
BACKOFF = [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]  # the client's waits with the jitter taken out
SAY = "Hi"


# --------------------------------------------------------------------------- fixtures

# ``waits`` (tests/helpers/conftest.py): backoff sleeps recorded in support.wire.RECORDING instead of slept.


@pytest.fixture
def srv(server):
    server.reset()
    yield server
    server.balance = 5.0


class Wire:
    """One raw-socket server for the whole module; each test installs its own script.

    Scripts get the connection number counted from the start of the test (1, 2, ...) and
    ``wire.release``, an event set when the test ends (so a script that "never answers"
    lets go at teardown instead of holding a thread).
    """

    def __init__(self):
        self.script = None
        self.base = 0
        self.release = threading.Event()
        self.server = RawServer(self._dispatch)

    def _dispatch(self, conn, request, number):
        self.script(conn, request, number - self.base)

    def use(self, script) -> "Wire":
        self.release = WIRE_RELEASE[0] = threading.Event()
        self.base = self.server.connections
        self.server.requests.clear()
        self.script = script
        return self

    @property
    def requests(self) -> list:
        return self.server.requests

    @property
    def base_url(self) -> str:
        return self.server.base_url


@pytest.fixture(scope="module")
def wire_server():
    w = Wire()
    with w.server:
        yield w
        w.release.set()


@pytest.fixture
def wire(wire_server):
    yield wire_server
    wire_server.release.set()


def spy(client: helpers.Client) -> list:
    """Count the HTTP requests a client issues (a pass-through: every call still goes out)."""
    calls: list = []
    real = client.session.request

    def request(method, url, *args, **kwargs):
        calls.append((method, url))
        return real(method, url, *args, **kwargs)

    client.session.request = request
    return calls


def make(base_url: str, key: str = KEY, **kw) -> tuple[helpers.Client, list]:
    kw.setdefault("max_retries", MAX_RETRIES)
    if RECORDING:
        kw.setdefault("sleep", RECORDING[0].append)
        kw.setdefault("jitter", lambda: 0.0)
    client = helpers.Client(api_key=key, base_url=base_url, **kw)
    return client, spy(client)


def call(client: helpers.Client, how: str, headers: dict | None = None):
    """Run one chat or stream call; returns (text, pieces, stream-or-None)."""
    if how == "chat":
        r = client.chat(SAY, extra_headers=headers)
        return r.text, [r.text], None
    s = client.stream(SAY, extra_headers=headers)
    pieces = list(s)
    assert s.result is not None and s.result.text == "".join(pieces)
    return "".join(pieces), pieces, s


def chats(practice: PracticeServer) -> int:
    return sum(1 for r in practice.requests if r["path"].endswith("/chat/completions"))


# --------------------------------------------------------------------------- wire helpers

def head(status=200, content_type="text/event-stream", extra="", length=None, close=True) -> bytes:
    text = f"HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\n"
    if close:
        text += "Connection: close\r\n"
    if length is not None:
        text += f"Content-Length: {length}\r\n"
    return (text + extra + "\r\n").encode("latin-1")


def chunk(content=None, finish=None, eol="\n", **extra) -> bytes:
    delta = {"content": content} if content is not None else {}
    body = {"object": "chat.completion.chunk", "model": "google/gemma-3-4b-it",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
    return f"data: {json.dumps(body, ensure_ascii=False)}{eol}{eol}".encode()


DONE = b"data: [DONE]\n\n"


def json_answer(status, payload, extra="", close=True) -> bytes:
    data = json.dumps(payload).encode()
    return head(status, "application/json", extra, len(data), close) + data


OK_BODY = {"object": "chat.completion", "model": "google/gemma-3-4b-it",
           "choices": [{"index": 0, "message": {"role": "assistant", "content": "fine"}, "finish_reason": "stop"}]}


def sends(*parts: bytes):
    """A script that writes each part as its own TCP write."""
    return lambda conn, request, n: send_slowly(conn, list(parts))


# =========================================================================== STATUS
# A retryable status N times, then success (N <= max_retries) or the typed error (N > max_retries).

RETRYABLE = {408: APIStatusError, 409: APIStatusError, 429: RateLimitError, 500: InternalServerError,
             502: InternalServerError, 503: InternalServerError, 504: InternalServerError}

STATUS = [pytest.param(how, status, n, MAX_RETRIES, id=f"{how}-{status}-x{n}")
          for how in ("chat", "stream") for status in RETRYABLE for n in range(1, MAX_RETRIES + 2)]
STATUS += [  # other budgets: none at all, and a long one
    pytest.param("chat", 503, 1, 0, id="chat-503-x1-max_retries0"),
    pytest.param("stream", 429, 1, 0, id="stream-429-x1-max_retries0"),
    pytest.param("chat", 503, 5, 5, id="chat-503-x5-max_retries5"),
    pytest.param("chat", 503, 6, 5, id="chat-503-x6-max_retries5"),
]


@pytest.mark.parametrize("how,status,n,max_retries", STATUS)
def test_status(srv, waits, how, status, n, max_retries):
    client, attempts = make(srv.base_url, srv.key, max_retries=max_retries)
    fault = {"X-Practice-Fault": f"status={status};times={n}"}
    if n <= max_retries:
        text, _, _ = call(client, how, fault)
        assert text.startswith(SIMULATED_MARKER)
        assert len(attempts) == chats(srv) == n + 1
        assert waits == BACKOFF[:n]
    else:
        with pytest.raises(APIStatusError) as info:
            call(client, how, fault)
        err = info.value
        assert type(err) is RETRYABLE[status] and err.status_code == status
        assert len(attempts) == chats(srv) == max_retries + 1
        assert waits == BACKOFF[:max_retries]
        if max_retries:
            assert f"retried {max_retries} time" in str(err)


# =========================================================================== NO_RETRY
# Client errors are the request's fault: one attempt, no wait, the typed error.

NO_RETRY = [pytest.param(how, f"status={status}", None, cls, status, id=f"{how}-{status}-fault")
            for how in ("chat", "stream")
            for status, cls in ((400, BadRequestError), (401, AuthenticationError), (403, PermissionDeniedError),
                                (404, NotFoundError), (422, UnprocessableEntityError), (418, APIStatusError))]
NO_RETRY += [
    pytest.param("chat", None, "wrong-key", AuthenticationError, 401, id="chat-401-wrong-key"),
    pytest.param("stream", None, "wrong-key", AuthenticationError, 401, id="stream-401-wrong-key"),
    pytest.param("chat", None, "no-credits", PermissionDeniedError, 403, id="chat-403-balance-spent"),
    pytest.param("chat", None, "wrong-path", NotFoundError, 404, id="chat-404-wrong-base-url"),
]


@pytest.mark.parametrize("how,fault,situation,cls,status", NO_RETRY)
def test_no_retry(srv, waits, how, fault, situation, cls, status):
    base, key = srv.base_url, srv.key
    if situation == "wrong-key":
        key = "sk-canary-not-the-practice-key-42"
    elif situation == "no-credits":
        srv.balance = 0.0
    elif situation == "wrong-path":
        base = srv.root_url + "/api/v1"
    client, attempts = make(base, key)
    with pytest.raises(APIStatusError) as info:
        call(client, how, {"X-Practice-Fault": fault} if fault else None)
    assert type(info.value) is cls and info.value.status_code == status
    assert info.value.api_message and info.value.request_id  # the API's words and its request id, kept
    assert len(attempts) == 1 and waits == []
    assert len(srv.requests) == 1
    assert "retried" not in str(info.value)


# =========================================================================== RETRY_AFTER
# The server's wait wins when it is usable and at most 60 s; an unusable one gives the client's own backoff (0.5 s).

def _http_date(offset: float) -> str:
    return email.utils.formatdate(time.time() + offset, usegmt=True)


RETRY_AFTER = [
    pytest.param("retry_after=3", 3.0, id="seconds"),
    pytest.param("retry_after=1.5", 1.5, id="fractional-seconds"),
    pytest.param("retry_after=0", 0.0, id="zero"),
    pytest.param("retry_after=60", 60.0, id="sixty-is-the-cap"),
    pytest.param("retry_after_ms=1500", 1.5, id="retry-after-ms"),
    pytest.param("retry_after_ms=1500;retry_after=9", 1.5, id="ms-wins-over-seconds"),
    pytest.param(lambda: f"retry_after={_http_date(5)}", (3.5, 5.0), id="http-date"),
    pytest.param(lambda: f"retry_after={_http_date(-30)}", 0.5, id="http-date-in-the-past"),
    pytest.param("retry_after=soon", 0.5, id="garbage"),
    pytest.param("retry_after=-4", 0.5, id="negative"),
    pytest.param("retry_after=inf", 0.5, id="infinite"),
    pytest.param("retry_after=nan", 0.5, id="nan"),
    pytest.param("retry_after=1e400", 0.5, id="overflowing"),
    pytest.param("retry_after_ms=-100", 0.5, id="ms-negative"),
    pytest.param("retry_after_ms=later", 0.5, id="ms-garbage"),
    pytest.param("retry_after_ms=later;retry_after=2", 2.0, id="ms-garbage-seconds-sane"),
]


@pytest.mark.parametrize("fault,expected", RETRY_AFTER)
def test_retry_after(srv, waits, fault, expected):
    fault = fault() if callable(fault) else fault
    client, attempts = make(srv.base_url, srv.key, timeout=120)
    r = client.chat(SAY, extra_headers={"X-Practice-Fault": f"status=503;times=1;{fault}"})
    assert r.text.startswith(SIMULATED_MARKER)
    assert len(attempts) == chats(srv) == 2
    assert len(waits) == 1
    if isinstance(expected, tuple):
        assert expected[0] <= waits[0] <= expected[1]
    else:
        assert waits[0] == pytest.approx(expected)


def test_retry_after_longer_than_the_deadline_gives_up_at_once(srv, waits):
    client, attempts = make(srv.base_url, srv.key, timeout=5)
    with pytest.raises(RateLimitError) as info:
        client.chat(SAY, extra_headers={"X-Practice-Fault": "status=429;times=1;retry_after=30"})
    assert len(attempts) == chats(srv) == 1 and waits == []
    assert info.value.headers["Retry-After"] == "30" and info.value.retry_after == 30.0
    assert "wait 30 s" in str(info.value) and "deadline" in str(info.value)


# =========================================================================== TOO_LONG
# A wait longer than the client sits out (60 s by default): one attempt, no sleep, and the typed error
# carries the server's wait in .retry_after, its message saying how long and what to do.

TOO_LONG = [pytest.param(how, status, fault, asked, id=f"{how}-{status}-{name}")
            for how in ("chat", "stream") for status in (429, 503)
            for name, fault, asked in (("61s", "retry_after=61", 61.0), ("10min", "retry_after=600", 600.0))]
TOO_LONG += [
    pytest.param("chat", 429, "retry_after_ms=600000", 600.0, id="chat-429-ms"),
    pytest.param("chat", 429, lambda: f"retry_after={_http_date(3600)}", (3590.0, 3600.0), id="chat-429-http-date"),
    pytest.param("chat", 429, "retry_after=1e300", 1e300, id="chat-429-absurd"),
]


@pytest.mark.parametrize("how,status,fault,asked", TOO_LONG)
def test_a_longer_retry_after_than_the_client_waits_raises_with_the_wait(srv, waits, how, status, fault, asked):
    fault = fault() if callable(fault) else fault
    client, attempts = make(srv.base_url, srv.key, timeout=120)
    with pytest.raises(APIStatusError) as info:
        call(client, how, {"X-Practice-Fault": f"status={status};times=1;{fault}"})
    err = info.value
    assert type(err) is RETRYABLE[status] and err.status_code == status
    assert len(attempts) == chats(srv) == 1 and waits == []  # no retry, early or late
    low, high = asked if isinstance(asked, tuple) else (asked, asked)
    assert isinstance(err.retry_after, float) and low <= err.retry_after <= high
    text = str(err)
    assert "did not try again early" in text and "the 60 s the client waits at most" in text
    assert ".retry_after" in text and "retried" not in text
    if asked == 600.0:
        assert "wait 600 s (10 minutes)" in text
    assert ("fewer requests" in text) == (status == 429)


def test_the_longest_wait_is_the_policys_to_set(srv, waits):
    client, attempts = make(srv.base_url, srv.key, timeout=900)
    client.retry_policy.max_retry_after = 600.0
    r = client.chat(SAY, extra_headers={"X-Practice-Fault": "status=429;times=1;retry_after=600"})
    assert r.text.startswith(SIMULATED_MARKER)
    assert len(attempts) == chats(srv) == 2 and waits == [600.0]


def test_a_short_retry_after_is_kept_on_the_error_when_the_retries_run_out(srv, waits):
    client, attempts = make(srv.base_url, srv.key, timeout=120)
    with pytest.raises(RateLimitError) as info:
        client.chat(SAY, extra_headers={"X-Practice-Fault": "status=429;times=3;retry_after=2"})
    assert len(attempts) == 3 and waits == [2.0, 2.0]
    assert info.value.retry_after == 2.0
    assert "retried 2 times" in str(info.value) and "Wait 2 s as the server asks" in str(info.value)


def test_an_error_without_retry_after_has_none(srv, waits):
    client, _ = make(srv.base_url, srv.key, max_retries=0)
    with pytest.raises(InternalServerError) as info:
        client.chat(SAY, extra_headers={"X-Practice-Fault": "status=503;times=1"})
    assert info.value.retry_after is None and "Retry-After" not in info.value.headers


# =========================================================================== TRANSPORT
# No usable answer at all: the deadline, a refused port, a dropped or garbled connection.

def _never_answers(conn, request, n):
    WIRE_RELEASE[0].wait(15)


def _headers_then_silence(conn, request, n):
    send_slowly(conn, [head()])
    WIRE_RELEASE[0].wait(15)


def _close_without_answer(conn, request, n):
    pass  # the raw server closes the connection


def _reset(conn, request, n):
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()  # RST instead of FIN


def _garbage(conn, request, n):
    conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")


def _close_then_ok(conn, request, n):
    if n > 1:
        conn.sendall(json_answer(200, OK_BODY))


def _json_cut(conn, request, n):
    data = json.dumps(OK_BODY).encode()
    conn.sendall(head(200, "application/json", length=len(data)) + data[: len(data) // 2])


def _text_drip(conn, request, n):
    send_slowly(conn, [head()])
    for i in range(300):
        if WIRE_RELEASE[0].wait(0.02):
            return
        try:
            conn.sendall(chunk(f"{i} "))
        except OSError:
            return


def _keepalive_then_close(conn, request, n):
    conn.sendall(json_answer(200, OK_BODY, close=False))  # promises keep-alive, then closes anyway


TRANSPORT = [
    # id, where, how, script or fault, client kwargs, expected class or text, attempts
    pytest.param("wire", "chat", _never_answers, {"timeout": 0.5}, APITimeoutError, 1, id="chat-never-answers"),
    pytest.param("wire", "stream", _never_answers, {"timeout": 0.5}, APITimeoutError, 1, id="stream-never-answers"),
    pytest.param("wire", "stream", _headers_then_silence, {"timeout": 0.5}, APITimeoutError, 1,
                 id="stream-headers-then-silence"),
    pytest.param("backlog", "chat", None, {"timeout": 0.5}, APITimeoutError, 1, id="chat-listens-never-accepts"),
    pytest.param("refused", "chat", None, {}, APIConnectionError, 3, id="chat-refused-port"),
    pytest.param("refused", "stream", None, {}, APIConnectionError, 3, id="stream-refused-port"),
    pytest.param("wire", "chat", _close_without_answer, {}, APIConnectionError, 3, id="chat-closed-without-answer"),
    pytest.param("wire", "stream", _close_without_answer, {}, APIConnectionError, 3, id="stream-closed-without-answer"),
    pytest.param("wire", "chat", _reset, {}, APIConnectionError, 3, id="chat-connection-reset"),
    pytest.param("wire", "chat", _garbage, {}, APIConnectionError, 3, id="chat-not-http"),
    pytest.param("wire", "chat", _close_then_ok, {}, "fine", 2, id="chat-closed-once-then-ok"),
    pytest.param("wire", "chat", _json_cut, {}, APIConnectionError, 3, id="chat-json-body-cut"),
    pytest.param("practice", "chat", "cut_after=0;times=1", {}, SIMULATED_MARKER, 2,
                 id="chat-json-body-cut-once-then-ok"),
    pytest.param("practice", "stream", "keepalive=30", {"timeout": 0.6}, APITimeoutError, 1,
                 id="stream-keepalive-comments-forever"),
    pytest.param("practice", "chat", "keepalive=30", {"timeout": 0.6}, APITimeoutError, 1, id="chat-held-open-forever"),
    pytest.param("practice", "chat", "delay=30", {"timeout": 0.6}, APITimeoutError, 1, id="chat-slow-first-byte"),
    pytest.param("wire", "stream", _text_drip, {"timeout": 0.6}, APITimeoutError, 1,
                 id="stream-text-drip-past-deadline"),
]


@pytest.mark.parametrize("where,how,script,kwargs,expected,n_attempts", TRANSPORT)
def test_transport(srv, wire, waits, where, how, script, kwargs, expected, n_attempts):
    headers = None
    listener = None
    if where == "wire":
        wire.use(script)
        base = wire.base_url
    elif where == "practice":
        base = srv.base_url
        headers = {"X-Practice-Fault": script}
    else:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
        if where == "backlog":
            listener.listen(8)  # the kernel completes handshakes; nobody ever reads
        else:
            listener.close()  # nothing listens there now
            listener = None
        base = f"http://127.0.0.1:{port}/v1"
    client, attempts = make(base, srv.key if where == "practice" else KEY, **kwargs)
    try:
        if isinstance(expected, str):
            text, _, _ = call(client, how, headers)
            assert text.startswith(expected)
        else:
            stream = None
            with pytest.raises(APIConnectionError) as info:
                if how == "stream":
                    stream = client.stream(SAY, extra_headers=headers)
                    list(stream)
                else:
                    client.chat(SAY, extra_headers=headers)
            assert type(info.value) is expected
            assert KEY not in str(info.value)
            if expected is APITimeoutError:
                assert "deadline" in str(info.value)
            if stream is not None and script is _text_drip:
                assert info.value.partial_text and info.value.partial_text == stream.text
    finally:
        if listener is not None:
            listener.close()
    assert len(attempts) == n_attempts
    # a retry waits the client's backoff; a deadline leaves no time to retry at all
    assert waits == ([] if expected is APITimeoutError else BACKOFF[: n_attempts - 1])
    if where == "wire":
        assert len(wire.requests) == n_attempts
    elif where == "practice":
        assert chats(srv) == n_attempts


def test_idle_keepalive_connection_closed_by_the_server_between_calls(wire, waits):
    wire.use(_keepalive_then_close)
    client, attempts = make(wire.base_url)
    assert client.chat(SAY).text == "fine"
    time.sleep(0.05)  # let the server's close land in the pooled connection
    assert client.chat(SAY).text == "fine"
    assert len(attempts) == 2 and len(wire.requests) == 2 and waits == []


# =========================================================================== STREAM_WIRE
# The same pieces whatever shape the bytes come in.

BASIC = [chunk("Hel"), chunk("lo"), chunk(", wor"), chunk("ld"), chunk(finish="stop"), DONE]
BASIC_PIECES = ["Hel", "lo", ", wor", "ld"]


def _bytes(parts):
    return b"".join(parts)


def _each_byte(data: bytes):
    return [data[i:i + 1] for i in range(len(data))]


def _eol(data: bytes, eol: bytes) -> bytes:
    return data.replace(b"\n", eol)


def _split_after_cr(data: bytes):
    out, start = [], 0
    for i, b in enumerate(data):
        if b == 13:
            out.append(data[start:i + 1])
            start = i + 1
    return out + [data[start:]]


def _split_inside_multibyte(data: bytes):
    """A write boundary after every byte of every multi-byte character."""
    out, start = [], 0
    for i, b in enumerate(data):
        if b >= 0x80:
            out.append(data[start:i + 1])
            start = i + 1
    return out + [data[start:]]


def _chunked(data: bytes, size=1):
    body = b"".join(b"%X\r\n%s\r\n" % (len(data[i:i + size]), data[i:i + size]) for i in range(0, len(data), size))
    return body + b"0\r\n\r\n"


EMOJI = ["😀", " café ", "👩‍👩‍👧", " 漢字", "!"]
SEPARATORS = ["a\u2028b", "\u2029c", "\x85d", "\u000be"]
MIXED = (chunk("one").replace(b"\n", b"\r\n") + chunk("two").replace(b"\n", b"\r")
         + chunk("three") + b"data: [DONE]\r\n\r\n")

STREAM_WIRE = [
    # id: head, body writes, expected pieces
    pytest.param(head(), [_bytes(BASIC)], BASIC_PIECES, id="one-write"),
    pytest.param(head(), _each_byte(_bytes(BASIC)), BASIC_PIECES, id="byte-at-a-time"),
    pytest.param(head(), [_eol(_bytes(BASIC), b"\r")], BASIC_PIECES, id="cr-line-ends"),
    pytest.param(head(), [_eol(_bytes(BASIC), b"\r\n")], BASIC_PIECES, id="crlf-line-ends"),
    pytest.param(head(), _split_after_cr(_eol(_bytes(BASIC), b"\r\n")), BASIC_PIECES, id="crlf-split-between-reads"),
    pytest.param(head(), _each_byte(MIXED), ["one", "two", "three"], id="mixed-line-ends-byte-at-a-time"),
    pytest.param(head(), _split_inside_multibyte(_bytes([chunk(e) for e in EMOJI] + [DONE])), EMOJI,
                 id="emoji-split-across-reads"),
    pytest.param(head(), [_bytes([chunk(s) for s in SEPARATORS] + [DONE])], SEPARATORS,
                 id="unicode-line-separators-inside-json"),
    pytest.param(head(content_type="text/event-stream"), [_bytes([chunk("é€😀")] + [DONE])], ["é€😀"],
                 id="no-charset"),
    pytest.param(head(content_type="text/event-stream; charset=iso-8859-1"), [_bytes([chunk("é€😀")] + [DONE])],
                 ["é€😀"], id="wrong-charset-declared"),
    pytest.param(head(), [b": PROCESSING\n\n", b"event: ping\ndata: {}\n\n", chunk("a"), b"event: ping\ndata: ping\n\n",
                          chunk("b"), DONE], ["a", "b"], id="ping-events"),
    pytest.param(head(), [b"data:\n\n", chunk("a"), b"data\n\n", b"data: \n\n", chunk("b"), DONE], ["a", "b"],
                 id="empty-data"),
    pytest.param(head(), [b"retry: 3000\n\n", chunk("a"), b"retry: 10\n\n", chunk("b"), DONE], ["a", "b"],
                 id="retry-only-blocks"),
    pytest.param(head(), [b"id: 7\n: a comment\n\n", chunk("a"), b"id: 8\n:\n\n", chunk("b"), DONE], ["a", "b"],
                 id="id-then-comment"),
    pytest.param(head(), [b": PROCESSING\n", chunk("a").replace(b"data: ", b": inside\ndata: ", 1), DONE], ["a"],
                 id="comment-inside-an-event"),
    pytest.param(head(), [chunk("a").replace(b', "model"', b'\ndata: , "model"'), DONE], ["a"],
                 id="json-over-two-data-lines"),
    pytest.param(head(), [b"foo: bar\nbaz\n" + chunk("a"), DONE], ["a"], id="unknown-fields-ignored"),
    pytest.param(head(), [chunk("a").replace(b"data: ", b"data:"), DONE], ["a"], id="no-space-after-colon"),
    pytest.param(head(), [chunk("a"), DONE, chunk("never shown")], ["a"], id="nothing-after-done"),
    pytest.param(head(), [chunk(None).replace(b'"delta": {}', b'"delta": {"role": "assistant"}'),
                          chunk(""), chunk("a"),
                          b'data: {"choices": [{"delta": {"content": null}}]}\n\n',
                          b'data: {"choices": []}\n\n', b'data: {"choices": [{}]}\n\n', b"data: [1, 2]\n\n",
                          chunk("b"), DONE], ["a", "b"], id="chunks-without-text"),
    pytest.param(head(extra="Transfer-Encoding: chunked\r\n"), _each_byte(_chunked(_bytes(BASIC))), BASIC_PIECES,
                 id="http-chunked-one-byte-chunks"),
    pytest.param(head(extra="Content-Encoding: gzip\r\n"), [gzip.compress(_bytes(BASIC))[i:i + 5] for i in
                                                             range(0, len(gzip.compress(_bytes(BASIC))), 5)],
                 BASIC_PIECES, id="gzip-in-small-writes"),
    pytest.param(head(), [chunk("a"), "retry: \u00b2\n\n".encode(), chunk("b"), DONE], ["a", "b"],
                 id="retry-with-a-superscript-digit"),
    pytest.param(head(), [b"\xef\xbb\xbf" + _bytes(BASIC)], BASIC_PIECES, id="utf8-bom-at-start"),
]


@pytest.mark.parametrize("response_head,writes,pieces", STREAM_WIRE)
def test_stream_wire(wire, waits, response_head, writes, pieces):
    wire.use(sends(response_head, *writes))
    client, attempts = make(wire.base_url)
    s = client.stream(SAY)
    assert list(s) == pieces
    assert s.result is not None and s.result.text == "".join(pieces)
    assert len(attempts) == len(wire.requests) == 1 and waits == []


# =========================================================================== BAD_ANSWER
# 200 answers that are not what they claim, errors inside a 200 stream, streams cut short.

_html = b"<html><body>Please log in to the portal</body></html>"


def _cut_before_text_once(conn, request, n):
    if n == 1:
        send_slowly(conn, [head(), b": PROCESSING\n\n"])
    else:
        send_slowly(conn, [head(), chunk("fine"), DONE])


def _cut_before_text_then_503(conn, request, n):
    if n == 1:
        send_slowly(conn, [head(), b": PROCESSING\n\n"])
    else:
        conn.sendall(json_answer(503, {"message": "Service unavailable", "statusCode": 503}))


BAD_ANSWER = [
    # id: how, script or practice fault, expected class or text, pieces that arrived, attempts, waits
    pytest.param("stream", sends(head(), chunk("partial"),
                                 b'data: {"statusCode": 429, "message": "Too Many Requests"}\n\n'),
                 RateLimitError, "partial", 1, [], id="stream-error-object-in-200"),
    pytest.param("stream", sends(head(),
                                 b'event: error\ndata: {"error": {"message": "provider failed", "code": 502}}\n\n'),
                 InternalServerError, "", 1, [], id="stream-openai-error-event"),
    pytest.param("stream", sends(head(), chunk("a"),
                                 b'data: {"error": {"message": "overloaded", "type": "server_error"}}\n\n'),
                 APIError, "a", 1, [], id="stream-error-without-status"),
    pytest.param("stream", sends(head(), b"event: error\ndata: upstream went away\n\n"),
                 APIError, "", 1, [], id="stream-error-event-not-json"),
    pytest.param("stream", sends(head(), chunk("one"), chunk(" two")), APIConnectionError, "one two", 1, [],
                 id="stream-closed-before-done"),
    pytest.param("stream", sends(head(), chunk("whole"), chunk("half")[:25]), APIConnectionError, "whole", 1, [],
                 id="stream-cut-mid-chunk"),
    pytest.param("stream", sends(head(extra="Transfer-Encoding: chunked\r\n"),
                                 _chunked(chunk("a") + chunk("b"), 7)[:-5], b"zz\r\n"),
                 APIConnectionError, "ab", 1, [], id="stream-broken-chunked-framing"),
    pytest.param("stream", "cut_after=2", APIConnectionError, None, 1, [], id="stream-practice-cut-after-2"),
    pytest.param("stream", _cut_before_text_once, "fine", "fine", 2, [0.5], id="stream-cut-before-text-once"),
    pytest.param("stream", sends(head(), b": PROCESSING\n\n"), APIConnectionError, "", 3, [0.5, 1.0],
                 id="stream-cut-before-text-always"),
    pytest.param("stream", _cut_before_text_then_503, InternalServerError, "", 3, [0.5, 1.0],
                 id="stream-cut-then-503s-stays-within-max_retries"),
    pytest.param("chat", sends(head(200, "text/html", length=len(_html)), _html), APIResponseValidationError,
                 None, 1, [], id="chat-html-on-200"),
    pytest.param("stream", sends(head(200, "text/html", length=len(_html)), _html), APIResponseValidationError,
                 "", 1, [], id="stream-html-on-200"),
    pytest.param("chat", sends(head(200, "application/json", length=9), b"not json!"), APIResponseValidationError, None,
                 1, [], id="chat-invalid-json-labelled-json"),
    pytest.param("chat", sends(head(200, "application/json", length=0)), APIResponseValidationError, None, 1, [],
                 id="chat-empty-200"),
    pytest.param("chat", sends(json_answer(200, {"object": "chat.completion"})), "", None, 1, [],
                 id="chat-200-without-choices-is-empty-text"),
    pytest.param("stream", sends(json_answer(200, OK_BODY)), "fine", "fine", 1, [], id="stream-answered-as-plain-json"),
    pytest.param("stream", sends(json_answer(200, {"message": "Service unavailable", "statusCode": 503})),
                 InternalServerError, "", 1, [], id="stream-answered-with-error-json-200"),
]


@pytest.mark.parametrize("how,script,expected,arrived,n_attempts,expected_waits", BAD_ANSWER)
def test_bad_answer(srv, wire, waits, how, script, expected, arrived, n_attempts, expected_waits):
    if isinstance(script, str):
        base, key, headers = srv.base_url, srv.key, {"X-Practice-Fault": script}
    else:
        wire.use(script)
        base, key, headers = wire.base_url, KEY, None
    client, attempts = make(base, key)
    if isinstance(expected, str):
        text, _, _ = call(client, how, headers)
        assert text == expected
    else:
        stream = client.stream(SAY, extra_headers=headers) if how == "stream" else None
        with pytest.raises(APIError) as info:
            list(stream) if stream is not None else client.chat(SAY, extra_headers=headers)
        err = info.value
        assert type(err) is expected, repr(err)
        assert str(err).strip() and KEY not in str(err)
        if expected is APIResponseValidationError:  # says what came instead
            assert ("not JSON" if how == "chat" else "Expected a stream") in str(err)
        if stream is not None:
            if arrived is None:  # the practice server's pieces: the marker and two more
                assert stream.text.startswith(SIMULATED_MARKER) and len(stream.text) > len(SIMULATED_MARKER)
            else:
                assert stream.text == arrived
            if isinstance(err, APIConnectionError):
                assert err.partial_text == stream.text
    assert len(attempts) == n_attempts
    assert waits == expected_waits
    assert (chats(srv) if isinstance(script, str) else len(wire.requests)) == n_attempts


# =========================================================================== REDIRECT
# The real API never redirects; if something in between does, the key must not follow.

REDIRECT = [
    pytest.param(307, "localhost", AuthenticationError, "POST", id="307-to-another-host"),
    pytest.param(308, "localhost", AuthenticationError, "POST", id="308-to-another-host"),
    pytest.param(302, "localhost", NotFoundError, "GET", id="302-to-another-host-becomes-GET"),
    pytest.param(307, "127.0.0.1", AuthenticationError, "POST", id="307-to-same-host-other-port"),
]


@pytest.mark.parametrize("status,host,cls,method", REDIRECT)
def test_redirect(srv, wire, waits, status, host, cls, method):
    # The target is the practice server: it refuses a request without its key with 401.
    target = f"http://{host}:{srv.port}/v1/chat/completions"
    wire.use(sends(head(status, "text/plain", f"Location: {target}\r\n", 0)))
    client, attempts = make(wire.base_url, srv.key)  # the practice key: only its absence explains a 401
    with pytest.raises(cls):
        client.chat(SAY)
    assert len(attempts) == 1 and len(wire.requests) == 1 and waits == []
    assert wire.requests[0].headers["authorization"] == f"Bearer {srv.key}"
    (followed,) = srv.requests
    assert followed["method"] == method
    assert not any(name.lower() == "authorization" for name in followed["headers"])


def test_redirect_loop_ends_with_a_connection_error(wire, waits):
    wire.use(lambda conn, request, n: conn.sendall(
        head(307, "text/plain", f"Location: /v1/chat/completions?hop={n}\r\n", 0)))
    client, attempts = make(wire.base_url)
    with pytest.raises(APIConnectionError, match="TooManyRedirects"):
        client.chat(SAY)
    assert len(attempts) == MAX_RETRIES + 1 and waits == BACKOFF[:MAX_RETRIES]
    assert len(wire.requests) == (MAX_RETRIES + 1) * 31  # requests follows 30 redirects, then gives up
