"""The practice server, tested over real loopback HTTP as the lessons use it."""
from __future__ import annotations

import base64
import io
import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests

from helpers.practice import PRACTICE_KEY, SIMULATED_MARKER, PracticeServer, shared_server
from helpers.practice.server.cli import main
from helpers.practice.model.replies import split_pieces

ROOT = Path(__file__).resolve().parents[2]
SMALL, MEDIUM, LARGE = "google/gemma-3-4b-it", "google/gemma-3-12b-it", "google/gemma-3-27b-it"
AUTH = {"Authorization": f"Bearer {PRACTICE_KEY}"}
MSG_401 = ("This request requires a valid API key. You can create a new API key on the Billing page: "
           "https://aimlapi.com/app/keys")
MSG_403 = ("You've run out of credits. Please top up your balance or update your payment method to "
           "continue: https://aimlapi.com/app/billing/")
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


@pytest.fixture(autouse=True)
def fresh(server):
    server.reset()
    yield
    server.latency, server.rate_limit = 0, None
    server.server_wide()


def body(prompt="Tell me about San Francisco", model=SMALL, **params):
    return {"model": model, "messages": [{"role": "user", "content": prompt}], **params}


def chat(srv, payload=None, headers=None, **kw):
    return requests.post(srv.base_url + "/chat/completions", json=payload or body(),
                         headers={**AUTH, **(headers or {})}, timeout=10, **kw)


def text_of(response) -> str:
    content = response.json()["choices"][0]["message"]["content"]
    assert content.startswith(SIMULATED_MARKER)
    return content[len(SIMULATED_MARKER):]


def assert_error(response, status, message=None):
    assert response.status_code == status
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    data = response.json()
    assert set(data) == {"message", "path", "requestId", "statusCode", "timestamp"}
    assert data["statusCode"] == status
    assert data["requestId"] == response.headers["x-inference-id"]
    assert TIMESTAMP.match(data["timestamp"])
    if message is not None:
        assert data["message"] == message
    return data


def sse_events(raw: bytes) -> list[str]:
    """The blocks of a stream (comments and data lines), decoded as UTF-8."""
    return [block for block in raw.decode("utf-8").split("\n\n") if block]


def chunks_of(events: list[str]) -> list[dict]:
    return [json.loads(e[len("data: "):]) for e in events if e.startswith("data: {")]


# --------------------------------------------------------------------------- plain answers

def test_answer_has_the_documented_shape_headers_and_cost(server):
    # A fixed seed: unseeded, about one 4B answer in fifty to this prompt never says "San Francisco" (measured).
    r = chat(server, body(temperature=0.7, max_tokens=512, seed=1))
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "application/json; charset=utf-8"
    assert int(r.headers["Content-Length"]) == len(r.content)
    assert r.headers["x-practice-server"] == "1"
    uuid.UUID(r.headers["x-inference-id"])
    data = r.json()
    assert data["object"] == "chat.completion" and data["model"] == SMALL
    assert data["id"].startswith("chatcmpl-") and isinstance(data["created"], int)
    assert abs(data["created"] - time.time()) < 60
    choice = data["choices"][0]
    assert choice["index"] == 0 and choice["finish_reason"] == "stop" and choice["logprobs"] is None
    assert choice["message"]["role"] == "assistant" and choice["message"]["refusal"] is None
    assert "San Francisco" in text_of(r)
    usage = data["usage"]
    assert usage["prompt_tokens"] == 5  # Tell / me / about / San / Francisco
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]
    # The 4B ends its answer by itself (a paragraph break), after its usual length, and counts every piece.
    assert 20 <= usage["completion_tokens"] < 512
    assert usage["completion_tokens"] == len(split_pieces(text_of(r)))
    spent = data["meta"]["usage"]
    expected = (usage["prompt_tokens"] * 0.04 + usage["completion_tokens"] * 0.08) / 1e6
    assert spent["usd_spent"] == pytest.approx(expected)
    assert spent["credits_used"] == round(expected * 2_000_000)
    assert r.headers["x-aimlapi-credits-used"] == str(spent["credits_used"])
    assert float(r.headers["x-aimlapi-usd-spent"]) == pytest.approx(spent["usd_spent"])


@pytest.mark.parametrize("value, echoed", [("lesson-3.call:7_A", True), ("a" * 128, True),
                                           ("a" * 129, False), ("has space", False), ("caf\u00e9", False)])
def test_client_request_id_is_echoed_only_when_valid(server, value, echoed):
    r = chat(server, headers={"X-Client-Request-Id": value.encode("utf-8")})
    assert r.status_code == 200
    assert r.headers.get("x-client-request-id") == (value if echoed else None)


def test_seed_and_temperature_zero_repeat_and_no_seed_varies(server):
    seeded = {text_of(chat(server, body(seed=42))) for _ in range(3)}
    assert len(seeded) == 1
    focused = {text_of(chat(server, body(temperature=0))) for _ in range(3)}
    assert len(focused) == 1
    free = {text_of(chat(server, body(temperature=1.0))) for _ in range(6)}
    assert len(free) >= 2
    assert text_of(chat(server, body(seed=1))) != text_of(chat(server, body(seed=2)))


def test_the_three_models_answer_and_the_12b_is_more_structured(server):
    prompt = "How do I learn Python? List the steps."
    small, medium, large = (chat(server, body(prompt, model=m, seed=7)) for m in (SMALL, MEDIUM, LARGE))
    assert [r.json()["model"] for r in (small, medium, large)] == [SMALL, MEDIUM, LARGE]
    assert "\n1. " in text_of(medium) and "\n2. " in text_of(medium)
    assert "\n1. " not in text_of(small)
    assert small.json()["usage"]["completion_tokens"] < medium.json()["usage"]["completion_tokens"]
    # The 27B is dearer per token than the 12B, which is dearer than the 4B.
    per_token = [r.json()["meta"]["usage"]["usd_spent"] / r.json()["usage"]["total_tokens"]
                 for r in (small, medium, large)]
    assert per_token[0] < per_token[1] < per_token[2]


@pytest.mark.parametrize("field", ["max_tokens", "max_completion_tokens"])
def test_max_tokens_cuts_the_answer_with_finish_reason_length(server, field):
    full = text_of(chat(server, body(seed=3)))
    r = chat(server, body(seed=3, **{field: 6}))
    assert r.json()["choices"][0]["finish_reason"] == "length"
    assert r.json()["usage"]["completion_tokens"] == 6
    cut = text_of(r)
    assert full.startswith(cut) and len(split_pieces(cut)) == 6


def test_stop_ends_the_answer_before_the_stop_string(server):
    full = text_of(chat(server, body(seed=5)))
    word = full.split()[8]
    r = chat(server, body(seed=5, stop=["zzz-never", word]))
    answer = text_of(r)
    assert word not in answer and full.startswith(answer) and full[len(answer):].startswith(word)
    assert r.json()["choices"][0]["finish_reason"] == "stop"
    assert chat(server, body(seed=5, stop=word)).json()["choices"][0]["message"]["content"] == SIMULATED_MARKER + answer


# --------------------------------------------------------------------------- streaming

def test_stream_format_with_usage(server):
    expected = text_of(chat(server, body(seed=9)))
    r = chat(server, body(seed=9, stream=True, stream_options={"include_usage": True}), stream=True)
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/event-stream"  # no charset: decode UTF-8 yourself
    assert r.headers["Cache-Control"] == "no-cache" and r.headers["Transfer-Encoding"] == "chunked"
    assert "x-aimlapi-credits-used" not in r.headers
    events = sse_events(r.content)
    assert events[0] == ": PROCESSING" and events[-1] == "data: [DONE]"
    chunks = chunks_of(events)
    assert {c["id"] for c in chunks} == {chunks[0]["id"]} and {c["model"] for c in chunks} == {SMALL}
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    assert chunks[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    assert chunks[1]["choices"][0]["delta"] == {"content": SIMULATED_MARKER}
    pieces = [c["choices"][0]["delta"]["content"] for c in chunks[2:-2]]
    assert "".join(pieces) == expected
    assert all(re.fullmatch(r"\s*\S+|\n\n?", p) for p in pieces)  # a token with its space, or a line break
    finish, last = chunks[-2], chunks[-1]
    assert finish["choices"][0] == {"index": 0, "delta": {}, "finish_reason": "stop", "logprobs": None}
    assert last["choices"] == [] and last["usage"]["completion_tokens"] == len(pieces)
    assert last["meta"]["usage"]["credits_used"] >= 1 and "meta" not in finish


def test_stream_without_usage_puts_meta_in_the_finish_chunk(server):
    r = chat(server, body("Write a haiku about rain", seed=1, max_tokens=4, stream=True))
    chunks = chunks_of(sse_events(r.content))
    assert chunks[-1]["choices"][0]["finish_reason"] == "length"
    assert "usage" not in chunks[-1] and chunks[-1]["meta"]["usage"]["usd_spent"] > 0
    assert len(chunks) == 2 + 4 + 1  # role, marker, four pieces, finish


def test_stream_is_utf8_without_a_declared_charset(server):
    r = chat(server, body("Reply in French: tell me about San Francisco", seed=1, stream=True))
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks_of(sse_events(r.content)))
    assert "réponse" in text
    assert r.encoding == "ISO-8859-1" and "rÃ©ponse" in r.text  # what trusting requests' guess gives


def test_cut_stream_fault_drops_the_connection(server):
    r = chat(server, body(stream=True), headers={"X-Practice-Fault": "cut_after=3"}, stream=True)
    received = b""
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        for block in r.iter_content(None):
            received += block
    chunks = chunks_of(sse_events(received))
    assert len(chunks) == 2 + 3 and b"[DONE]" not in received


def test_keepalive_fault_sends_comments_before_the_first_token(server):
    r = chat(server, body(stream=True, max_tokens=2), headers={"X-Practice-Fault": "keepalive=0.5"})
    events = sse_events(r.content)
    assert events[0] == ": PROCESSING" and events.count(": keep-alive") >= 2
    assert events.index(": keep-alive") < min(i for i, e in enumerate(events) if e.startswith("data: {"))


# --------------------------------------------------------------------------- errors

def test_validation_error_names_the_field_and_range(server):
    data = assert_error(chat(server, body(temperature=5)), 400,
                        "Body validation error! [temperature] Number must be less than or equal to 2")
    assert data["path"] == "/v1/chat/completions"
    message = assert_error(chat(server, {"model": "gemma", "messages": []}), 400)["message"]
    assert message.startswith("Body validation error! [model] Invalid enum value.") and "[messages]" in message


def test_system_role_is_refused_with_the_documented_message(server):
    payload = {"model": SMALL, "messages": [{"role": "system", "content": "Be brief."},
                                            {"role": "user", "content": "Hi"}]}
    assert_error(chat(server, payload), 400,
                 "Unsupported value: 'messages[0].role' does not support 'system' with this model.")


@pytest.mark.parametrize("header", [None, "Bearer wrong-key-123456", "bearer practice-key-0000",
                                    "practice-key-0000", "Bearer  practice-key-0000"])
def test_missing_or_wrong_key_is_401(server, header):
    headers = {"Authorization": header} if header else {}
    r = requests.post(server.base_url + "/chat/completions", json=body(), headers=headers, timeout=10)
    assert_error(r, 401, MSG_401)
    assert requests.get(server.root_url + "/v2/billing", headers=headers, timeout=10).status_code == 401


def test_spent_balance_gives_403():
    with PracticeServer(latency=0, balance=0.000001) as srv:
        assert chat(srv).status_code == 200
        assert srv.balance <= 0
        assert_error(chat(srv), 403, MSG_403)
        srv.reset()
        assert srv.balance == 0.000001 and chat(srv).status_code == 200


@pytest.mark.parametrize("method, path, message", [
    ("POST", "/v1/whatever", "Cannot POST /v1/whatever"),
    ("GET", "/v1/chat/completions", "Cannot GET /v1/chat/completions"),
    ("DELETE", "/v1/models", "Cannot DELETE /v1/models"),
])
def test_unknown_path_or_method_is_404(server, method, path, message):
    r = requests.request(method, server.root_url + path, headers=AUTH, timeout=10)
    assert assert_error(r, 404, message)["path"] == path


def test_body_over_the_limit_is_413_and_the_server_carries_on():
    with PracticeServer(latency=0, max_body_bytes=2000) as srv:
        r = chat(srv, body("x " * 1500))
        assert_error(r, 413, "Payload Too Large: the body is over 2000 bytes")
        assert r.headers["Connection"] == "close"
        with socket.create_connection(("127.0.0.1", srv.port), timeout=5) as sock:  # a lying header
            sock.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n")
            assert sock.recv(100).startswith(b"HTTP/1.1 413 ")
        assert chat(srv).status_code == 200


def test_rate_limit_gives_429_with_retry_after(server):
    server.rate_limit = 2
    assert [chat(server).status_code for _ in range(2)] == [200, 200]
    r = chat(server)
    assert_error(r, 429, "Too Many Requests")
    assert 1 <= int(r.headers["Retry-After"]) <= 60
    server.reset()  # a fresh window
    assert chat(server).status_code == 200


def test_fault_header_status_and_times(server):
    fault = {"X-Practice-Fault": "status=500;times=2;retry_after=3;retry_after_ms=2500"}
    first = chat(server, headers=fault)
    assert_error(first, 500, "Internal server error")
    assert first.headers["Retry-After"] == "3" and first.headers["retry-after-ms"] == "2500"
    assert_error(chat(server, headers=fault), 500)
    assert chat(server, headers=fault).status_code == 200  # the third succeeds
    # Another header value keeps its own count.
    assert_error(chat(server, headers={"X-Practice-Fault": "status=500;times=1"}), 500)


@pytest.mark.parametrize("status, message", [(408, "Request Timeout"), (409, "Conflict"),
                                             (429, "Too Many Requests"), (502, "Bad Gateway"),
                                             (503, "Service unavailable"), (504, "Generation timeout"),
                                             (418, "Error")])
def test_fault_statuses_carry_the_documented_messages(server, status, message):
    assert_error(chat(server, headers={"X-Practice-Fault": f"status={status}"}), status, message)


def test_bad_fault_header_is_explained(server):
    message = assert_error(chat(server, headers={"X-Practice-Fault": "status=abc"}), 400)["message"]
    assert "X-Practice-Fault" in message and "status=abc" in message


def test_fail_rate_fails_every_nth_request(server):
    server.server_wide(status=503, every=2)
    statuses = [chat(server).status_code for _ in range(4)]
    assert statuses == [200, 503, 200, 503]


def test_the_fail_rate_option_fails_every_nth_request():
    with PracticeServer(latency=0, fail_rate=0.5) as srv:
        assert [chat(srv).status_code for _ in range(4)] == [200, 503, 200, 503]
        assert srv.controls()["server_wide"] == {"status": 503, "every": 2}


def test_delay_fault_and_first_byte_delay_wait_before_answering(server):
    start = time.monotonic()
    assert chat(server, headers={"X-Practice-Fault": "delay=0.2"}).status_code == 200
    assert time.monotonic() - start >= 0.2
    server.server_wide(delay=0.2)
    start = time.monotonic()
    assert chat(server).status_code == 200
    assert time.monotonic() - start >= 0.2


def test_server_wide_cut_stream_after(server):
    server.server_wide(cut_after=1)
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        chat(server, body(stream=True)).content
    assert chat(server).status_code == 200  # plain answers are not cut


def test_latency_factor_makes_the_12b_slower(server):
    def timed(model):
        start = time.monotonic()
        assert chat(server, body(model=model, max_tokens=10)).status_code == 200
        return time.monotonic() - start
    server.latency = 0.2
    small, medium = timed(SMALL), timed(MEDIUM)
    assert small >= 0.2 * (0.25 + 10 / 90) * 0.9
    assert medium >= 0.2 * (0.6 + 10 / 40) * 0.9


def test_malformed_json_and_wrong_content_type_then_a_good_request(server):
    with requests.Session() as s:
        r = s.post(server.base_url + "/chat/completions", data=b'{"model": ',
                   headers={**AUTH, "Content-Type": "application/json"}, timeout=10)
        assert assert_error(r, 400)["message"].startswith("Body validation error! Invalid JSON: ")
        r = s.post(server.base_url + "/chat/completions", data=json.dumps(body()),
                   headers={**AUTH, "Content-Type": "text/plain"}, timeout=10)
        assert_error(r, 400, "Body validation error! Expected Content-Type application/json, received text/plain")
        r = s.post(server.base_url + "/chat/completions", data=b"\xff\xfe{}",
                   headers={**AUTH, "Content-Type": "application/json"}, timeout=10)
        assert "not UTF-8" in assert_error(r, 400)["message"]
        assert s.post(server.base_url + "/chat/completions", json=body(), headers=AUTH, timeout=10).status_code == 200


def test_a_failing_handler_answers_500_and_keeps_serving(server, monkeypatch, capfd):
    import helpers.practice.server.routes as module

    def broken(*args, **kwargs):
        raise RuntimeError("boom")
    monkeypatch.setattr(module, "make_reply", broken)
    assert_error(chat(server), 500, "Internal server error")
    monkeypatch.undo()
    assert chat(server).status_code == 200
    assert "Traceback" not in capfd.readouterr().err


# --------------------------------------------------------------------------- robustness

def raw_exchange(srv, data: bytes, timeout=5.0) -> bytes:
    with socket.create_connection(("127.0.0.1", srv.port), timeout=timeout) as sock:
        sock.sendall(data)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
        return received


def test_garbage_bad_lengths_and_chunked_bodies(server):
    assert b'"statusCode":400' in raw_exchange(server, b"NOT HTTP AT ALL\r\n\r\n")
    answer = raw_exchange(server, b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400 ") and b"Content-Length" in answer
    payload = json.dumps(body()).encode()
    r = requests.post(server.base_url + "/chat/completions", data=iter([payload[:9], payload[9:]]),
                      headers={**AUTH, "Content-Type": "application/json"}, timeout=10)  # chunked upload
    assert r.status_code == 200 and text_of(r)


def test_a_silent_client_is_dropped_with_408():
    with PracticeServer(latency=0, client_timeout=0.3) as srv:
        start = time.monotonic()
        answer = raw_exchange(srv, b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{")
        assert answer.startswith(b"HTTP/1.1 408 ") and time.monotonic() - start < 3


def test_many_concurrent_clients(server):
    results = []

    def one(i):
        results.append(chat(server, body(f"What is {i} + {i}?")).json()["choices"][0]["message"]["content"])
    threads = [threading.Thread(target=one, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert len(results) == 40
    assert all(f"= {2 * i}." in "".join(results) for i in range(40))


def test_stop_closes_the_socket_even_with_a_stream_in_flight():
    srv = PracticeServer(latency=0).start()
    port = srv.port
    r = chat(srv, body(stream=True), headers={"X-Practice-Fault": "keepalive=600"}, stream=True)
    next(r.iter_content(None))  # the stream has begun, and would keep alive for ten minutes
    start = time.monotonic()
    srv.stop()
    assert time.monotonic() - start < 3
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


# --------------------------------------------------------------------------- what the answers say

def test_images_are_really_decoded(server):
    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (220, 20, 30)).save(buffer, "PNG")
    url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    content = [{"type": "text", "text": "What is in this image?"},
               {"type": "image_url", "image_url": {"url": url}},
               {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg"}}]
    r = chat(server, {"model": SMALL, "messages": [{"role": "user", "content": content}]})
    answer = text_of(r)
    assert "PNG" in answer and "64x48" in answer and "RGB" in answer and "red" in answer
    assert "https://example.com/cat.jpg" in answer and "does not download" in answer
    assert r.json()["usage"]["prompt_tokens"] == 6 + 2 * 85


def test_pdf_pages_are_counted(server):
    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, "PDF", save_all=True, append_images=[Image.new("RGB", (20, 20))] * 2)
    part = {"type": "file", "file": {"filename": "notes.pdf",
                                     "file_data": base64.b64encode(buffer.getvalue()).decode()}}
    r = chat(server, {"model": MEDIUM, "messages": [{"role": "user", "content": [
        {"type": "text", "text": "Summarise this"}, part]}]})
    answer = text_of(r)
    assert "notes.pdf" in answer and f"{len(buffer.getvalue()):,} bytes" in answer and "3 pages" in answer


@pytest.mark.parametrize("prompt, expected", [
    ("What is 17*23?", "391"), ("what is 2+2", "= 4."), ("What is the capital of France?", "Paris"),
    ("Translate 'thank you' into Spanish", "gracias"), ("Write a haiku about autumn", "autumn"),
])
def test_the_topic_bank_answers_the_question(server, prompt, expected):
    assert expected in text_of(chat(server, body(prompt, seed=1)))


def test_instructions_in_the_first_message_change_the_answer(server):
    one_word = text_of(chat(server, body("Answer in one word. What is the capital of Japan?")))
    assert one_word == "Tokyo."
    french = text_of(chat(server, body("Reply in French: tell me about San Francisco", seed=1)))
    assert "français" in french
    brief = text_of(chat(server, body("Be brief. Tell me about San Francisco", seed=1)))
    assert len(brief.split()) < 20


def test_the_conversation_remembers_a_name(server):
    messages = [{"role": "user", "content": "Hello, my name is Ada."},
                {"role": "assistant", "content": "Nice to meet you, Ada!"},
                {"role": "user", "content": "What is my name?"}]
    answer = text_of(chat(server, {"model": SMALL, "messages": messages}))
    assert answer.startswith("Your name is Ada.")
    alone = text_of(chat(server, {"model": SMALL, "messages": messages[-1:]}))
    assert alone.startswith("You have not told me your name") and "Ada" not in alone
    numbers = [{"role": "user", "content": "My favourite number is 42."},
               {"role": "assistant", "content": "Noted."},
               {"role": "user", "content": "What is my favourite number?"}]
    assert text_of(chat(server, {"model": MEDIUM, "messages": numbers})).startswith("Your favourite number is 42.")


# --------------------------------------------------------------------------- other endpoints

def test_models_listing_filters_and_pricing(server):
    data = requests.get(server.base_url + "/models", timeout=10).json()  # no key needed
    assert data["object"] == "list"
    assert [m["id"] for m in data["data"]] == [SMALL, MEDIUM, LARGE]
    entry = data["data"][0]
    assert entry["aliases"] == [] and entry["type"] == "chat-completion" and "pricing" not in entry
    assert entry["info"]["developer"] == "Google" and entry["info"]["contextLength"] == 128000
    one = requests.get(server.base_url + "/models", params={"id": MEDIUM}, timeout=10).json()["data"]
    assert [m["id"] for m in one] == [MEDIUM]
    two = requests.get(server.base_url + f"/models?id={SMALL},{LARGE}&include=pricing", timeout=10).json()["data"]
    assert [m["id"] for m in two] == [SMALL, LARGE]
    assert two[0]["pricing"]["units"] == [{"unit": "input_token", "price": 0.04, "per": 1_000_000},
                                          {"unit": "output_token", "price": 0.08, "per": 1_000_000}]


def test_billing_goes_down_after_a_call_and_usage_counts_it(server):
    before = requests.get(server.root_url + "/v2/billing", headers=AUTH, timeout=10).json()
    assert before == {"current_balance": 5.0, "currency": "USD"}
    spent = [chat(server, body(model=LARGE)).json()["meta"]["usage"]["usd_spent"] for _ in range(2)]
    after = requests.get(server.root_url + "/v2/billing", headers=AUTH, timeout=10).json()["current_balance"]
    assert after == pytest.approx(5.0 - sum(spent), abs=1e-6) and after < 5.0
    usage = requests.get(server.root_url + "/v2/usage", params={"period": "24h"}, headers=AUTH, timeout=10).json()
    assert usage["requests"] == 2 and usage["spend"] == pytest.approx(sum(spent), abs=1e-6)
    assert usage["api_key_prefix"] is None and usage["currency"] == "USD" and TIMESTAMP.match(usage["end"])
    bad = requests.get(server.root_url + "/v2/usage", params={"period": "yesterday"}, headers=AUTH, timeout=10)
    assert "period" in assert_error(bad, 400)["message"]


def test_requests_are_recorded_with_the_key_masked(server):
    chat(server, headers={"X-Client-Request-Id": "rec-1"})
    recorded = server.requests[-1]
    assert recorded["method"] == "POST" and recorded["path"] == "/v1/chat/completions"
    assert recorded["headers"]["Authorization"] == "Bearer ****0000"
    assert PRACTICE_KEY not in json.dumps(list(server.requests))
    assert recorded["body"]["model"] == SMALL and recorded["time"] <= time.time()
    server.reset()
    assert len(server.requests) == 0


def test_shared_server_is_one_running_instance():
    first, second = shared_server(), shared_server()
    assert first is second and first.running
    assert requests.get(first.base_url + "/models", timeout=10).status_code == 200


# --------------------------------------------------------------------------- command line

def test_command_line_prints_its_url_first_and_stops_on_sigterm():
    process = subprocess.Popen([sys.executable, "-m", "helpers.practice", "--port", "0", "--latency", "0"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base_url = process.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/v1", base_url)
        r = requests.post(base_url + "/chat/completions", json=body(), headers=AUTH, timeout=10)
        assert text_of(r)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=5) == 0
        rest = process.stdout.read()
        assert f"AIML_API_BASE={base_url}" in rest and "****0000" in rest
    finally:
        process.kill()
        process.wait()


def test_main_rejects_bad_arguments(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--latency", "fast"])
    assert exc.value.code == 2 and "--latency" in capsys.readouterr().err
