"""The client against the practice server over loopback: the surface the lessons stand on."""
import logging
import threading

import pytest

import helpers
from helpers.practice import SIMULATED_MARKER, PracticeServer

CANARY = "sk-canary-fedcba9876543210"


@pytest.fixture
def client(server):
    server.reset()
    return helpers.Client(api_key=server.key, base_url=server.base_url)


def test_chat_result_fields(client, server):
    r = client.chat("Tell me about San Francisco", temperature=0.7, max_tokens=512)
    assert r.text.startswith(SIMULATED_MARKER)
    assert r.simulated and r.model == "google/gemma-3-4b-it"
    assert r.finish_reason == "stop"
    assert r.usage["total_tokens"] == r.usage["prompt_tokens"] + r.usage["completion_tokens"] > 0
    assert r.cost_usd is not None and r.cost_usd > 0
    assert r.inference_id and r.latency_s >= 0
    assert r.raw["object"] == "chat.completion"
    body = server.requests[-1]["body"]
    assert body == {"model": "google/gemma-3-4b-it", "temperature": 0.7, "max_tokens": 512,
                    "messages": [{"role": "user", "content": "Tell me about San Francisco"}]}


def test_max_tokens_gives_length(client):
    r = client.chat("Write a long story", max_tokens=3)
    assert r.finish_reason == "length" and r.usage["completion_tokens"] == 3


def test_stream_assembles_the_same_kind_of_result(client):
    s = client.stream("Write a haiku about the sea", model="google/gemma-3-12b-it", seed=4)
    pieces = list(s)
    assert len(pieces) > 3 and s.result.text == "".join(pieces)
    assert s.result.model == "google/gemma-3-12b-it" and s.result.finish_reason == "stop"
    assert s.result.usage["completion_tokens"] > 0 and s.result.cost_usd > 0
    assert s.result.simulated and s.result.time_to_first_token_s is not None


def test_same_seed_same_answer(client):
    a = client.chat("Name a colour", seed=7, temperature=1.0).text
    b = client.chat("Name a colour", seed=7, temperature=1.0).text
    assert a == b


def test_models_and_balance(client):
    assert set(helpers.MODELS) <= set(client.models())
    before = client.balance()
    client.chat("Hi")
    assert client.balance() < before


def test_client_request_id_is_echoed(client):
    r = client.chat("Hi", extra_headers={"X-Client-Request-Id": "lesson-08.run:1"})
    assert r.headers["x-client-request-id"] == "lesson-08.run:1"


@pytest.mark.parametrize("kwargs,words", [
    ({"model": "google/gemma-3-4b"}, ["Unknown model", "Did you mean 'google/gemma-3-4b-it'"]),
    ({"model": "google/gemma-3-27b-it"}, ["documentation's example", "4b"]),
    ({"temperature": 3}, ["temperature", "0 to 2"]),
    ({"top_p": 0}, ["top_p", "0.01 to 1"]),
    ({"seed": 0}, ["seed", "1 or more"]),
    ({"seed": 1.5}, ["whole number"]),
    ({"max_tokens": "100"}, ["max_tokens must be a number"]),
    ({"temprature": 0.5}, ["Did you mean 'temperature'"]),
    ({"stop": ["a", "b", "c", "d", "e"]}, ["at most 4"]),
    ({"stream": True}, ["stream()"]),
])
def test_bad_input_is_refused_before_any_request(client, server, kwargs, words):
    with pytest.raises(helpers.RequestValidationError) as info:
        client.chat("Hi", **kwargs)
    for word in words:
        assert word in str(info.value)
    assert server.requests == type(server.requests)(), "nothing may be sent"


@pytest.mark.parametrize("prompt,words", [
    ("   ", ["empty"]),
    (42, ["prompt string or a list of messages"]),
    ([{"role": "system", "content": "Be brief"}, {"role": "user", "content": "Hi"}],
     ["'system'", "first user message"]),
    ([{"role": "user"}], ["no 'content'"]),
    ([], ["empty"]),
])
def test_bad_messages_are_refused(client, server, prompt, words):
    with pytest.raises(helpers.RequestValidationError) as info:
        client.chat(prompt)
    for word in words:
        assert word in str(info.value)
    assert len(server.requests) == 0


def test_system_role_sent_raw_gets_the_documented_400(client):
    import requests
    r = requests.post(client.chat_url, timeout=10, headers={"Authorization": f"Bearer {client.api_key}"},
                      json={"model": "google/gemma-3-4b-it", "messages": [{"role": "system", "content": "x"}]})
    assert r.status_code == 400
    assert r.json()["message"] == "Unsupported value: 'messages[0].role' does not support 'system' with this model."


def test_wrong_key_is_an_authentication_error_that_says_what_to_do(server):
    bad = helpers.Client(api_key=CANARY, base_url=server.base_url)
    with pytest.raises(helpers.AuthenticationError) as info:
        bad.chat("Hi")
    assert info.value.status_code == 401 and "valid API key" in info.value.api_message
    assert "AIML_API_KEY" in str(info.value) and CANARY not in str(info.value)


def test_out_of_credits_is_permission_denied(server):
    with PracticeServer(latency=0, balance=0.0) as broke:
        with pytest.raises(helpers.PermissionDeniedError, match="top up"):
            helpers.Client(api_key=broke.key, base_url=broke.base_url).chat("Hi")


def test_fault_header_retries_then_succeeds(server):
    server.reset()
    waits = []
    client = helpers.Client(api_key=server.key, base_url=server.base_url, sleep=waits.append)
    r = client.chat("Hi", extra_headers={"X-Practice-Fault": "status=503;times=2"})
    assert r.text and len(waits) == 2
    assert len(server.requests) == 3


def test_deadline_covers_a_slow_first_byte(client):
    with pytest.raises(helpers.APITimeoutError):
        client.chat("Hi", timeout=0.5, extra_headers={"X-Practice-Fault": "delay=3"})


def test_stop_a_running_stream_from_another_thread(client):
    s = client.stream("Hi", extra_headers={"X-Practice-Fault": "keepalive=30"})
    threading.Timer(0.3, s.close).start()
    assert list(s) == []  # closed during keep-alives: ends quietly, no exception
    assert not s.done


def test_logs_never_show_the_key(server, caplog):
    with PracticeServer(latency=0, key=CANARY) as canary_server:
        c = helpers.Client(api_key=CANARY, base_url=canary_server.base_url, sleep=lambda s: None)
        with caplog.at_level(logging.DEBUG):
            c.chat("Hi", extra_headers={"X-Practice-Fault": "status=429;times=1"})
            list(c.stream("Hi"))
        assert caplog.records, "the retry should have been logged"
        assert all(CANARY not in r.getMessage() for r in caplog.records)
        assert all(CANARY not in str(req["headers"]) for req in canary_server.requests)


def test_a_practice_servers_5xx_does_not_advise_switching_to_the_practice_server(server):
    c = helpers.Client(api_key=server.key, base_url=server.base_url, max_retries=0)
    with pytest.raises(helpers.InternalServerError) as info:
        c.chat("Hi", extra_headers={"X-Practice-Fault": "status=503"})
    assert "practice fault" in str(info.value) and "switch to the practice server" not in str(info.value)


def test_base_url_must_end_in_v1():
    with pytest.raises(ValueError, match="end in /v1"):
        helpers.Client(api_key="x", base_url="https://api.aimlapi.com")
    with pytest.raises(ValueError):
        helpers.Client(api_key="x", timeout=0)


def test_module_level_functions_use_the_default_client(client):
    helpers.routing.set_client(client)
    try:
        assert helpers.chat("Hi").simulated
        assert "".join(helpers.stream("Hi")).startswith(SIMULATED_MARKER)
        assert helpers.mode() == "practice"
        conn = helpers.connection()
        assert conn.chat_url == client.chat_url and client.api_key not in repr(conn)
    finally:
        helpers.routing.set_client(None)


def test_a_calls_own_timeout_is_the_one_its_timeout_error_names(server):
    client = helpers.Client(api_key=server.key, base_url=server.base_url, max_retries=0, timeout=60)
    with pytest.raises(helpers.APITimeoutError) as info:
        client.chat("Hi", timeout=0.3, extra_headers={"X-Practice-Fault": "delay=3"})
    assert "0.3 s deadline" in str(info.value) and "timeout=... to the call" in str(info.value)
    with pytest.raises(helpers.APITimeoutError) as info:
        helpers.Client(api_key=server.key, base_url=server.base_url, max_retries=0, timeout=0.3).chat(
            "Hi", extra_headers={"X-Practice-Fault": "delay=3"})
    assert "0.3 s deadline" in str(info.value) and "Client(timeout=...)" in str(info.value)
