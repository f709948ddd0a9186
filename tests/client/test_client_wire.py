"""The client against scripted raw-socket servers: streams, retries, deadlines, secrets.

The fault matrix (statuses, Retry-After forms, deadlines, stream byte shapes, bad answers,
redirects) is in tests/client/test_faults.py; these are the cases outside it."""
import json

import pytest

import helpers
from helpers.client import backoff_seconds
from support.rawserver import RawServer, http_head, send_slowly

KEY = "sk-canary-0123456789abcdef"


@pytest.fixture
def waits():
    """Backoff sleeps, recorded instead of slept (every client ``make_client`` builds in the test, jitter out)."""
    recorded: list[float] = []
    RECORDING[:] = [recorded]
    yield recorded
    RECORDING.clear()


#: The running test's record of waits, while it uses the ``waits`` fixture.
RECORDING: list[list[float]] = []


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
    if RECORDING:
        kw.setdefault("sleep", RECORDING[0].append)
        kw.setdefault("jitter", lambda: 0.0)
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


def test_stream_cut_before_any_text_is_retried(waits):
    def script(conn, request, number):
        if number == 1:
            send_slowly(conn, [http_head(), b": PROCESSING\n\n"])  # then the connection closes
        else:
            send_slowly(conn, [http_head(), chunk("fine"), b"data: [DONE]\n\n"])
    with RawServer(script) as srv:
        assert "".join(make_client(srv).stream("Hi")) == "fine"
    assert len(srv.requests) == 2


def test_rate_limit_message_says_what_to_do_and_how_often_it_retried(waits):
    refusal = json_reply(429, {"message": "Too Many Requests"}, "Retry-After: 2\r\n")
    with RawServer(lambda c, r, n: c.sendall(refusal)) as srv:
        with pytest.raises(helpers.RateLimitError) as info:
            make_client(srv, max_retries=2).chat("Hi")
    assert waits == [2.0, 2.0]
    assert "retried 2 times" in str(info.value) and "Wait 2 s as the server asks" in str(info.value)
    assert info.value.retry_after == 2.0


def test_backoff_doubles_caps_and_jitters():
    assert [backoff_seconds(a, jitter=lambda: 0.0) for a in range(6)] == [0.5, 1, 2, 4, 8, 8]
    assert backoff_seconds(0, jitter=lambda: 1.0) == pytest.approx(0.375)
    steady = helpers.Client(api_key=KEY, base_url="http://127.0.0.1:9/v1", jitter=lambda: 1.0).retry_policy
    assert [steady.backoff(a) for a in range(5)] == pytest.approx([0.375, 0.75, 1.5, 3, 6])


def test_the_server_names_the_wait_and_the_policy_decides_whether_to_sit_it_out():
    policy = helpers.Client(api_key=KEY, base_url="http://127.0.0.1:9/v1").retry_policy
    far = policy.clock() + 3600
    assert backoff_seconds(0, {"Retry-After": "600"}) == 600.0  # what the server asked, not a shorter wait
    assert policy.wait_before_retry(0, far, {"Retry-After": "600"}) is None  # longer than 60 s: no retry
    assert policy.wait_before_retry(0, far, {"Retry-After": "60"}) == 60.0
    assert policy.wait_before_retry(0, policy.clock() + 5, {"Retry-After": "30"}) is None  # past the deadline
    policy.max_retry_after = 600
    assert policy.wait_before_retry(0, far, {"Retry-After": "600"}) == 600.0
    with pytest.raises(ValueError, match="max_retry_after"):
        type(policy)(max_retry_after=-1)


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


def test_repr_and_str_never_show_the_key():
    client = helpers.Client(api_key=KEY, base_url="http://127.0.0.1:9/v1")
    shown = repr(client) + str(client) + repr(client.session.auth) + helpers.routing.describe(client)
    assert KEY not in shown and "****cdef" in shown


def test_a_404_from_another_endpoint_names_the_path_that_was_called():
    """A server without /v2/billing (an OpenAI-compatible one, say) must not be told to fix /chat/completions."""
    not_found = json_reply(404, {"message": "Cannot GET /v2/billing", "statusCode": 404})
    with RawServer(lambda c, r, n: c.sendall(not_found)) as srv:
        with pytest.raises(helpers.NotFoundError) as info:
            make_client(srv).balance()
    text = str(info.value)
    assert "/v2/billing" in text.split("\n", 1)[1] and "/chat/completions" not in text
    not_found = json_reply(404, {"message": "Cannot POST /oops/v1/chat/completions"})
    with RawServer(lambda c, r, n: c.sendall(not_found)) as srv:
        with pytest.raises(helpers.NotFoundError) as info:
            helpers.Client(api_key=KEY, base_url=srv.base_url.replace("/v1", "/oops/v1")).chat("Hi")
    assert "the path is /chat/completions (POST) (this call went to /oops/v1/chat/completions)" in str(info.value)


def test_the_retry_policy_runs_on_the_clock_and_sleep_the_client_is_given():
    """A fake clock that the fake sleep moves on: the deadline, not real time, decides when to give up."""
    now = [1000.0]
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        now[0] += seconds

    unavailable = json_reply(503, {"message": "Service unavailable"})
    with RawServer(lambda c, r, n: c.sendall(unavailable)) as srv:
        client = make_client(srv, timeout=1.2, max_retries=5, sleep=sleep, clock=lambda: now[0], jitter=lambda: 0.0)
        with pytest.raises(helpers.InternalServerError) as info:
            client.chat("Hi")
    # 0.5 s, then 1 s would end past the 1.2 s deadline: two attempts, one wait, and no real time spent waiting
    assert waits == [0.5] and len(srv.requests) == 2 and now[0] == 1000.5
    assert "retried 1 time" in str(info.value)
