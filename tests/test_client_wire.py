"""The client against scripted raw-socket servers: streams, retries, deadlines, secrets."""
import json
import socket
import time

import pytest

import helpers
from helpers import client as client_module
from rawserver import RawServer, http_head, send_slowly

KEY = "sk-canary-0123456789abcdef"


@pytest.fixture
def waits(monkeypatch):
    """Record backoff sleeps instead of sleeping, and take the jitter out."""
    recorded = []
    monkeypatch.setattr(client_module, "_sleep", recorded.append)
    monkeypatch.setattr(client_module, "_random", lambda: 0.0)
    return recorded


def chunk(content=None, finish=None, **extra):
    delta = {"content": content} if content is not None else {}
    body = {"object": "chat.completion.chunk", "model": "google/gemma-3-4b-it",
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
    return helpers.Client(api_key=KEY, base_url=server.base_url, **kw)


def test_stream_pieces_result_usage_and_cost():
    wire = [b": PROCESSING\n\n", chunk("Hel"), chunk("lo"), chunk(finish="stop"),
            b'data: {"choices": [], "usage": {"total_tokens": 9}, "meta": {"usage": {"usd_spent": 0.0001}}}\n\n',
            b"data: [DONE]\n\n"]
    with RawServer(stream_script(*wire)) as srv:
        s = make_client(srv).stream("Hi")
        assert list(s) == ["Hel", "lo"]
    assert s.result.text == "Hello"
    assert s.result.finish_reason == "stop"
    assert s.result.usage == {"total_tokens": 9}
    assert s.result.cost_usd == pytest.approx(0.0001)
    assert s.result.time_to_first_token_s is not None
    sent = json.loads(srv.requests[0].body)
    assert sent["stream"] is True and sent["stream_options"] == {"include_usage": True}


def test_stream_byte_at_a_time_with_emoji_and_crlf_and_no_charset():
    wire = (chunk("😀 é").replace(b"\n", b"\r\n") + chunk(" \u2028ok") + b"data: [DONE]\r\n\r\n")
    pieces = [wire[i:i + 1] for i in range(len(wire))]
    with RawServer(stream_script(*pieces)) as srv:
        s = make_client(srv).stream("Hi")
        assert "".join(s) == "😀 é \u2028ok"


def test_error_object_inside_a_200_stream_is_a_typed_error():
    wire = [chunk("partial"), b'data: {"statusCode": 429, "message": "Too Many Requests"}\n\n']
    with RawServer(stream_script(*wire)) as srv:
        s = make_client(srv).stream("Hi")
        with pytest.raises(helpers.RateLimitError) as info:
            list(s)
    assert info.value.status_code == 429
    assert s.text == "partial"


def test_openai_style_error_event_inside_stream():
    wire = [b'event: error\ndata: {"error": {"message": "provider failed", "code": 502}}\n\n']
    with RawServer(stream_script(*wire)) as srv:
        with pytest.raises(helpers.InternalServerError, match="provider failed"):
            list(make_client(srv, max_retries=0).stream("Hi"))


def test_stream_cut_before_done_raises_and_keeps_what_arrived(waits):
    with RawServer(stream_script(chunk("one"), chunk(" two"))) as srv:
        s = make_client(srv).stream("Hi")
        got = []
        with pytest.raises(helpers.APIConnectionError) as info:
            for piece in s:
                got.append(piece)
    assert got == ["one", " two"]
    assert s.text == "one two" and info.value.partial_text == "one two"
    assert "[DONE]" in str(info.value)
    assert len(srv.requests) == 1, "a stream that yielded text must never be retried"


def test_stream_cut_mid_chunk():
    with RawServer(stream_script(chunk("whole"), chunk("half")[:25])) as srv:
        s = make_client(srv, max_retries=0).stream("Hi")
        with pytest.raises(helpers.APIConnectionError):
            list(s)
    assert s.text == "whole"


def test_stream_cut_before_any_text_is_retried(waits):
    def script(conn, request, number):
        if number == 1:
            send_slowly(conn, [http_head(), b": PROCESSING\n\n"])  # then the connection closes
        else:
            send_slowly(conn, [http_head(), chunk("fine"), b"data: [DONE]\n\n"])
    with RawServer(script) as srv:
        assert "".join(make_client(srv).stream("Hi")) == "fine"
    assert len(srv.requests) == 2


def test_keepalive_comments_forever_end_at_the_deadline():
    def script(conn, request, number):
        send_slowly(conn, [http_head()])
        for _ in range(100):  # 10 s of keep-alives at most
            try:
                conn.sendall(b": keep-alive\n\n")
            except OSError:
                return
            time.sleep(0.1)
    with RawServer(script) as srv:
        s = make_client(srv, timeout=1.0).stream("Hi")
        with pytest.raises(helpers.APITimeoutError):
            list(s)


def test_server_that_never_answers_times_out():
    def script(conn, request, number):
        time.sleep(3)
    with RawServer(script) as srv:
        with pytest.raises(helpers.APITimeoutError, match="deadline"):
            make_client(srv, timeout=0.5).chat("Hi")


def test_refused_port_is_a_connection_error_after_retries(waits):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    client = helpers.Client(api_key=KEY, base_url=f"http://127.0.0.1:{port}/v1", max_retries=2)
    with pytest.raises(helpers.APIConnectionError) as info:
        client.chat("Hi")
    assert not isinstance(info.value, helpers.APITimeoutError)
    assert waits == [0.5, 1.0]
    assert KEY not in str(info.value)


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_retryable_statuses_then_success(waits, status):
    ok = {"choices": [{"message": {"content": "done"}, "finish_reason": "stop"}], "model": "m"}

    def script(conn, request, number):
        conn.sendall(json_reply(status, {"message": "busy", "statusCode": status}) if number <= 2 else json_reply(200, ok))
    with RawServer(script) as srv:
        assert make_client(srv, max_retries=2).chat("Hi").text == "done"
    assert len(srv.requests) == 3
    assert waits == [0.5, 1.0]


@pytest.mark.parametrize("status,cls", [(400, helpers.BadRequestError), (401, helpers.AuthenticationError),
                                        (403, helpers.PermissionDeniedError), (404, helpers.NotFoundError),
                                        (422, helpers.UnprocessableEntityError)])
def test_client_errors_are_not_retried(waits, status, cls):
    with RawServer(lambda c, r, n: c.sendall(json_reply(status, {"message": "nope", "statusCode": status, "requestId": "r-1"}))) as srv:
        with pytest.raises(cls) as info:
            make_client(srv).chat("Hi")
    assert len(srv.requests) == 1 and waits == []
    assert info.value.status_code == status and info.value.api_message == "nope" and info.value.request_id == "r-1"


def test_rate_limit_message_says_what_to_do_and_how_often_it_retried(waits):
    with RawServer(lambda c, r, n: c.sendall(json_reply(429, {"message": "Too Many Requests"}, "Retry-After: 2\r\n"))) as srv:
        with pytest.raises(helpers.RateLimitError) as info:
            make_client(srv, max_retries=2).chat("Hi")
    assert waits == [2.0, 2.0]
    assert "retried 2 times" in str(info.value) and "Wait" in str(info.value)


@pytest.mark.parametrize("header,expected", [
    ("Retry-After: 3\r\n", 3.0),
    ("retry-after-ms: 1500\r\n", 1.5),
    ("Retry-After: soon\r\n", 0.5),
    ("Retry-After: -4\r\n", 0.5),
    ("Retry-After: inf\r\n", 0.5),
    ("Retry-After: 3600\r\n", 0.5),
])
def test_retry_after_forms(waits, header, expected):
    ok = {"choices": [{"message": {"content": "ok"}}]}

    def script(conn, request, number):
        conn.sendall(json_reply(503, {"message": "x"}, header) if number == 1 else json_reply(200, ok))
    with RawServer(script) as srv:
        make_client(srv).chat("Hi")
    assert waits == [pytest.approx(expected)]


def test_retry_after_as_http_date(waits):
    import email.utils
    when = email.utils.formatdate(time.time() + 5, usegmt=True)
    assert 3.5 <= client_module.retry_after_seconds({"retry-after": when}) <= 5.0


def test_backoff_doubles_caps_and_jitters(monkeypatch):
    monkeypatch.setattr(client_module, "_random", lambda: 0.0)
    assert [client_module.backoff_seconds(a) for a in range(6)] == [0.5, 1, 2, 4, 8, 8]
    monkeypatch.setattr(client_module, "_random", lambda: 1.0)
    assert client_module.backoff_seconds(0) == pytest.approx(0.375)


def test_key_echoed_by_the_server_never_reaches_the_error():
    def script(conn, request, number):
        echoed = request.headers["authorization"]
        conn.sendall(json_reply(401, {"message": f"Invalid key {echoed}", "statusCode": 401, "debug": [echoed]}))
    with RawServer(script) as srv:
        with pytest.raises(helpers.AuthenticationError) as info:
            make_client(srv).chat("Hi")
    err = info.value
    everything = str(err) + repr(err) + json.dumps(err.body) + str(err.api_message)
    assert KEY not in everything and "****cdef" in everything
    assert "AIML_API_KEY" in str(err)  # says what to do next


def test_non_json_200_is_a_clear_error():
    html = b"<html>portal login</html>"
    with RawServer(lambda c, r, n: c.sendall(http_head(200, "text/html", length=len(html)) + html)) as srv:
        with pytest.raises(helpers.APIResponseValidationError, match="not JSON"):
            make_client(srv).chat("Hi")


def test_redirect_to_another_host_does_not_carry_the_key():
    with RawServer(lambda c, r, n: c.sendall(json_reply(200, {"choices": [{"message": {"content": "moved"}}]}))) as other:
        target = f"http://localhost:{other.port}/v1/chat/completions"
        redirect = lambda c, r, n: c.sendall(http_head(307, "text/plain", f"Location: {target}\r\n", 0))
        with RawServer(redirect) as first:
            make_client(first).chat("Hi")
    assert first.requests[0].headers["authorization"] == f"Bearer {KEY}"
    assert "authorization" not in other.requests[0].headers


def test_repr_and_str_never_show_the_key():
    client = helpers.Client(api_key=KEY, base_url="http://127.0.0.1:9/v1")
    shown = repr(client) + str(client) + repr(client._session.auth) + client.describe()
    assert KEY not in shown and "****cdef" in shown
