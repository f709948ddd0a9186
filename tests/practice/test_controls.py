"""The lessons' one-line practice controls, over real HTTP to a practice server on loopback."""

import pytest
import requests

import helpers
from helpers import practice
from helpers.practice import PracticeServer


@pytest.fixture()
def srv():
    with PracticeServer(latency=0) as server:
        previous = helpers.get_client()
        helpers.routing.set_client(helpers.Client(api_key=server.key, base_url=server.base_url, max_retries=0))
        yield server
        helpers.routing.set_client(previous)


def statuses(n, **kwargs):
    out = []
    for _ in range(n):
        try:
            helpers.chat("Hi", max_tokens=5, **kwargs)
            out.append(200)
        except helpers.APIStatusError as err:
            out.append(err.status_code)
    return out


def test_fail_next_fails_exactly_that_many_calls_then_recovers(srv):
    practice.fail_next(2, status=503)
    assert practice.controls()["queued"] == [{"calls": 2, "status": 503}]
    assert statuses(4) == [503, 503, 200, 200]
    assert practice.controls()["queued"] == []


def test_fail_next_sends_retry_after(srv):
    practice.fail_next(1, status=429, retry_after=3)
    with pytest.raises(helpers.RateLimitError) as info:
        helpers.chat("Hi", max_tokens=5)
    assert info.value.headers["Retry-After"] == "3"


def test_a_header_fault_goes_before_the_queue(srv):
    practice.fail_next(1, status=500)
    r = requests.post(srv.base_url + "/chat/completions", timeout=10,
                      headers={"Authorization": f"Bearer {srv.key}", "X-Practice-Fault": "status=502"},
                      json={"model": helpers.SMALL_MODEL, "messages": [{"role": "user", "content": "Hi"}]})
    assert r.status_code == 502
    assert statuses(2) == [500, 200]


def test_cut_next_cuts_a_stream(srv):
    practice.cut_next(1, after=2)
    with pytest.raises(helpers.APIConnectionError):
        "".join(helpers.get_client().stream("Tell me about San Francisco", max_tokens=50))
    assert "".join(helpers.stream("Tell me about San Francisco", max_tokens=20))


def test_slow_next_and_slow_server_delay_answers(srv):
    practice.slow_next(1, seconds=0.3)
    assert helpers.chat("Hi", max_tokens=5).latency_s >= 0.3
    with practice.slow_server(seconds=0.25) as state:
        assert state["server_wide"] == {"delay": 0.25}
        assert all(helpers.chat("Hi", max_tokens=5).latency_s >= 0.25 for _ in range(2))
    assert practice.controls()["server_wide"] == {}


def test_failing_server_fails_every_nth_call_until_the_block_ends(srv):
    with practice.failing_server(every=3, status=503):
        assert statuses(6) == [200, 200, 503, 200, 200, 503]
    assert statuses(3) == [200, 200, 200]


def test_failing_server_ends_even_when_the_block_raises(srv):
    with pytest.raises(ZeroDivisionError), practice.failing_server(every=1):
        1 / 0
    assert practice.controls()["server_wide"] == {}


def test_fresh_rate_window_sets_a_limit_and_forgets_past_calls(srv):
    practice.fresh_rate_window(per_minute=2)
    assert statuses(3) == [200, 200, 429]
    practice.fresh_rate_window(per_minute=2)
    assert statuses(1) == [200]
    practice.fresh_rate_window(None)
    assert statuses(3) == [200, 200, 200]


def test_clear_switches_everything_off(srv):
    practice.fail_next(5)
    practice.fresh_rate_window(per_minute=0)
    practice.clear()
    assert practice.controls() == {"queued": [], "server_wide": {}, "rate_limit_per_minute": None, "latency": 0}
    assert statuses(2) == [200, 200]


def test_bad_controls_get_a_clear_message(srv):
    with pytest.raises(ValueError, match="status"):
        practice.fail_next(1, status=200)
    with pytest.raises(ValueError, match="calls"):
        practice.fail_next(0)
    with pytest.raises(ValueError, match="rate_limit_per_minute"):
        practice.fresh_rate_window(-1)


def test_controls_need_the_practice_key(srv):
    r = requests.post(srv.root_url + "/practice/controls", json={"clear": True}, timeout=10,
                      headers={"Authorization": "Bearer wrong-key"})
    assert r.status_code == 401


def test_controls_refuse_in_real_mode_before_sending_anything(srv):
    helpers.routing.set_client(helpers.Client(api_key="a-real-looking-key-1234", base_url=srv.base_url))
    srv.reset()
    for control in (lambda: practice.fail_next(1), practice.clear, practice.controls,
                    lambda: practice.fresh_rate_window(3)):
        with pytest.raises(practice.PracticeOnlyError, match="real mode") as info:
            control()
        assert "AIML_PRACTICE=1" in str(info.value)
    with pytest.raises(practice.PracticeOnlyError), practice.slow_server(1):
        pass
    assert not srv.requests


def test_a_server_without_controls_is_named(srv):
    from helpers.practice.lesson.controls import PracticeOnlyError
    import http.server
    import threading

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
        helpers.routing.set_client(helpers.Client(api_key=helpers.practice.PRACTICE_KEY, base_url=base))
        with pytest.raises(PracticeOnlyError):
            practice.controls()
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_slow_call_sent_before_a_fresh_window_takes_no_place_in_it(srv):
    import time

    practice.slow_next(1, seconds=1.5)
    with pytest.raises(helpers.APITimeoutError):
        helpers.chat("Hi", max_tokens=5, timeout=0.3)  # gives up; the server's handler is still waiting
    practice.fresh_rate_window(per_minute=2)
    time.sleep(1.5)  # the late handler wakes up inside the new window: it was counted when it arrived
    assert statuses(3) == [200, 200, 429]
