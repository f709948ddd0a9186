"""The retry policy (helpers._retry): backoff, the server's Retry-After against what the policy sits out, and
the clock and sleep it runs on."""
import pytest

import helpers
from helpers.client import backoff_seconds
from support.rawserver import RawServer
from support.wire import KEY, json_reply, make_client


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
