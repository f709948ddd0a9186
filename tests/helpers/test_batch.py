"""helpers.batch (the helpers.batching package) over real loopback HTTP: order, per-item errors,
bounded concurrency, 429 handling.

No timed assertions: concurrency is counted by a gate server that tallies the requests it
holds at once, and everything else is asserted on what came back.
"""
import logging
import math
import sys
import threading
import time

import pytest

import helpers
from helpers import batch
from helpers.batching import BatchItem, BatchResults, BatchRun, closing_note
from helpers.batching.limiter import Limiter
from helpers.practice import SIMULATED_MARKER, PracticeServer
from support.scripted import ScriptedServer


@pytest.fixture
def client(server):
    server.reset()
    server.rate_limit = None
    server.server_wide()
    with helpers.Client(api_key=server.key, base_url=server.base_url, timeout=10, max_retries=0) as c:
        yield c


def chat_requests(server):
    return [r for r in server.requests if r["path"].endswith("/chat/completions")]


# --- a gate server: counts how many requests it holds at once ---------------------------

class GateServer(ScriptedServer):
    """Answers chat completions, holding each one until ``gate`` requests have arrived in its round.

    A batch at concurrency ``gate`` fills every round at once; a sequential one would time
    out each round (``hold`` seconds) and show ``max_in_flight == 1``; one that overshoots
    shows more than ``gate``.
    """

    def __init__(self, gate: int, hold: float = 3.0):
        super().__init__(self._hold_then_answer)
        self.gate, self.hold = gate, hold
        self.in_flight = self.max_in_flight = self.arrived = 0
        self.cond = threading.Condition()

    def _hold_then_answer(self, messages, body) -> str:
        with self.cond:
            self.arrived += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            round_end = math.ceil(self.arrived / self.gate) * self.gate
            self.cond.notify_all()
            self.cond.wait_for(lambda: self.arrived >= round_end, timeout=self.hold)
            self.in_flight -= 1  # before answering: the client's next request follows the answer
        return "ok"


@pytest.mark.parametrize("concurrency", [1, 3, 16])
def test_concurrency_is_bounded_and_used(concurrency, caplog):
    prompts = [f"question {i}" for i in range(concurrency * 3)]
    with GateServer(gate=concurrency) as gate, helpers.Client(api_key="gate-key-000000", base_url=gate.base_url,
                                                              timeout=10, max_retries=0) as c:
        with caplog.at_level(logging.WARNING):
            items = batch(prompts, client=c, concurrency=concurrency, progress=False)
    assert all(item.ok for item in items), [item.error for item in items if not item.ok]
    assert gate.arrived == len(prompts)
    assert gate.max_in_flight == concurrency  # reached, never passed
    assert items.max_in_flight == concurrency
    # above requests' default pool of 10 connections, the batch widens the pool instead of discarding
    assert "Connection pool is full" not in caplog.text


# --- order and per-item results ----------------------------------------------------------

def test_results_keep_the_order_of_the_prompts(client, server):
    prompts = [f"Name fruit number {i}" for i in range(8)]
    # later prompts answer first: the results must still come back in prompt order
    headers = [{"X-Practice-Fault": f"delay={0.05 * (8 - i):.2f}", "X-Client-Request-Id": f"order-{i}"}
               for i in range(8)]
    items = batch(prompts, client=client, concurrency=8, progress=False, max_tokens=10, extra_headers=headers)
    assert isinstance(items, list) and isinstance(items, BatchResults)
    assert [item.index for item in items] == list(range(8))
    assert [item.prompt for item in items] == prompts
    assert [item.result.headers["x-client-request-id"] for item in items] == [f"order-{i}" for i in range(8)]
    assert all(item.text.startswith(SIMULATED_MARKER) for item in items)
    sent = {r["headers"]["X-Client-Request-Id"]: r["body"]["messages"][0]["content"] for r in chat_requests(server)}
    assert sent == {f"order-{i}": prompts[i] for i in range(8)}
    assert items.texts == [item.result.text for item in items]
    assert items.failures == []


def test_one_dict_of_params_and_headers_goes_with_every_call(client, server):
    items = batch(["a cat", "a dog"], client=client, model="google/gemma-3-12b-it", progress=False,
                  max_tokens=7, temperature=0.3, extra_headers={"X-Client-Request-Id": "same-for-all"})
    assert all(item.ok for item in items)
    bodies = [r["body"] for r in chat_requests(server)]
    assert {b["model"] for b in bodies} == {"google/gemma-3-12b-it"}
    assert {(b["max_tokens"], b["temperature"]) for b in bodies} == {(7, 0.3)}
    assert all(r["headers"]["X-Client-Request-Id"] == "same-for-all" for r in chat_requests(server))
    assert items.model == "google/gemma-3-12b-it" and items.params == {"max_tokens": 7, "temperature": 0.3}


def test_errors_stay_on_their_items_and_the_rest_carries_on(client):
    faults = [None] * 6
    faults[2] = {"X-Practice-Fault": "status=400"}
    faults[5] = {"X-Practice-Fault": "status=500"}
    items = batch([f"prompt {i}" for i in range(6)], client=client, concurrency=3, progress=False,
                  max_tokens=10, extra_headers=faults)
    assert [item.ok for item in items] == [True, True, False, True, True, False]
    assert isinstance(items[2].error, helpers.BadRequestError) and items[2].result is None
    assert isinstance(items[5].error, helpers.InternalServerError) and items[5].error.status_code == 500
    assert [item.index for item in items.failures] == [2, 5]
    rows = items.to_rows()
    assert rows[2]["error"].startswith("BadRequestError: Error code 400")
    assert rows[5]["error"].startswith("InternalServerError: Error code 500")
    assert rows[2]["text"] is None and rows[0]["error"] is None
    s = items.summary()
    assert (s["count"], s["ok"], s["failures"]) == (6, 4, 2)
    assert "2 failed" in repr(items)


def test_server_wide_failures_are_counted_per_item(client, server):
    server.server_wide(status=503, every=4)  # every 4th chat request is answered 503
    items = batch([f"prompt {i}" for i in range(8)], client=client, concurrency=4, progress=False, max_tokens=5)
    assert len(items.failures) == 2
    assert all(isinstance(item.error, helpers.InternalServerError) for item in items.failures)
    assert len(chat_requests(server)) == 8


def test_the_client_retries_transient_errors_inside_the_batch(server):
    server.reset()
    with helpers.Client(api_key=server.key, base_url=server.base_url, timeout=10, max_retries=2) as c:
        items = batch(["a", "b", "c"], client=c, progress=False, max_tokens=5,
                      extra_headers={"X-Practice-Fault": "status=503;times=2;retry_after=0"})
    assert all(item.ok for item in items)
    assert len(chat_requests(server)) == 5  # two 503s, retried, then three answers
    assert items.rate_limited == 0 and items.notes == []


def test_raise_errors_stops_the_batch_with_the_failing_items_error(client):
    faults = [None, {"X-Practice-Fault": "status=401"}, None]
    with pytest.raises(helpers.AuthenticationError) as info:
        batch(["a", "b", "c"], client=client, concurrency=1, progress=False, max_tokens=5,
              extra_headers=faults, raise_errors=True)
    assert "prompt 1 of 3 failed" in "".join(getattr(info.value, "__notes__", []))


def test_streamed_batch_gives_first_token_times(client):
    items = batch(["Tell me about Paris", "Tell me about Rome"], client=client, progress=False,
                  stream=True, max_tokens=10)
    assert all(item.ok for item in items)
    assert all(item.result.time_to_first_token_s is not None for item in items)
    assert all(item.text.startswith(SIMULATED_MARKER) for item in items)
    assert all(item.result.cost_usd is not None for item in items)


def test_the_default_client_is_used_when_none_is_given(client, server):
    helpers.routing.set_client(client)
    try:
        items = batch(["hello"], progress=False, max_tokens=5)
    finally:
        helpers.routing.set_client(None)
    assert items[0].ok and len(chat_requests(server)) == 1


def test_no_hook_is_left_on_the_client(client):
    batch(["a", "b"], client=client, progress=False, max_tokens=5)
    assert client.session.hooks["response"] == []


def test_an_interrupted_batch_stops_sending_and_cleans_up(monkeypatch):
    """Ctrl-C (KeyboardInterrupt) in the middle of a batch: no more calls leave, no hook is left."""
    import _thread

    # Python drops a KeyboardInterrupt that lands in a weakref callback or a __del__ ("Exception ignored in"),
    # as it would a real Ctrl-C there. Count those; Ctrl-C is pressed again only after a dropped one, so a
    # batch that swallowed a delivered Ctrl-C still fails here.
    dropped, pressed, stop = [], [], threading.Event()
    passed_on = sys.unraisablehook

    def unraisable(info):
        if isinstance(info.exc_value, KeyboardInterrupt):
            dropped.append(info.object)
        else:
            passed_on(info)

    def press_ctrl_c():
        delay = 0.3
        while not stop.wait(delay):
            if len(pressed) == len(dropped):
                pressed.append(time.monotonic())
                _thread.interrupt_main()
            delay = 0.5

    monkeypatch.setattr(sys, "unraisablehook", unraisable)
    with PracticeServer(latency=0) as slow, helpers.Client(api_key=slow.key, base_url=slow.base_url,
                                                           timeout=10, max_retries=0) as c:
        presser = threading.Thread(target=press_ctrl_c, daemon=True)
        presser.start()
        try:
            with pytest.raises(KeyboardInterrupt):
                batch([f"p{i}" for i in range(40)], client=c, concurrency=2, progress=False, max_tokens=5,
                      extra_headers={"X-Practice-Fault": "delay=2"})
        finally:
            stop.set()
            presser.join(timeout=5)
        assert len(pressed) == len(dropped) + 1  # the one press Python did not drop stopped the batch
        assert c.session.hooks["response"] == []
        assert len(chat_requests(slow)) <= 2  # the two in flight; the 38 waiting were never sent


# --- rate limits ------------------------------------------------------------------------

def test_repeated_429s_lower_the_concurrency_and_say_so(server):
    server.reset()
    # The first 4 requests to arrive are refused with 429 (Retry-After 0); the client retries them. Each refusal
    # takes half a second, so the four first calls are all sent before any comes back, however loaded the
    # machine: otherwise one thread's quick retries could use up the refusals in a later limiter generation.
    fault = {"X-Practice-Fault": "status=429;retry_after=0;times=4;delay=0.5"}
    with helpers.Client(api_key=server.key, base_url=server.base_url, timeout=10, max_retries=2) as c:
        items = batch([f"p{i}" for i in range(8)], client=c, concurrency=4, progress=False,
                      max_tokens=5, extra_headers=fault)
    assert all(item.ok for item in items)
    assert items.rate_limited == 4
    assert (items.concurrency, items.final_concurrency) == (4, 2)
    assert any("lowered to 2" in note for note in items.notes)
    assert "Saw 4 answers of 429" in items.notes[-1]
    assert "lowered to 2" in repr(items)


def test_an_item_still_rate_limited_after_the_clients_retries_is_sent_again(client, server):
    # Retry-After 1: the four first calls are all refused before any of them comes back
    fault = {"X-Practice-Fault": "status=429;retry_after=1;times=4"}
    items = batch([f"p{i}" for i in range(8)], client=client, concurrency=4, progress=False,
                  max_tokens=5, extra_headers=fault)  # this client does not retry (max_retries=0)
    assert all(item.ok for item in items)
    # four 429s in all, each followed by another try from the batch itself
    assert sum(item.attempts for item in items) == 12 == len(chat_requests(server))
    assert max(item.attempts for item in items) >= 2
    assert "sent again later" in items.notes[-1] and items.rate_limited == 4


def test_a_long_retry_after_is_not_waited_for(client):
    fault = {"X-Practice-Fault": "status=429;retry_after=45"}
    items = batch(["p0", "p1"], client=client, concurrency=2, progress=False, max_tokens=5, extra_headers=fault)
    assert [item.attempts for item in items] == [1, 1]
    assert all(isinstance(item.error, helpers.RateLimitError) for item in items)
    assert "2 still failed with 429 (the server asked to wait up to 45 s" in items.notes[-1]


def test_a_retry_after_longer_than_the_client_waits_is_neither_retried_nor_requeued(server):
    server.reset()
    waits: list[float] = []
    fault = {"X-Practice-Fault": "status=429;retry_after=600"}
    with helpers.Client(api_key=server.key, base_url=server.base_url, timeout=10, max_retries=2,
                        sleep=waits.append) as c:
        items = batch(["p0", "p1"], client=c, concurrency=2, progress=False, max_tokens=5, extra_headers=fault)
    assert waits == [] and [item.attempts for item in items] == [1, 1] and len(chat_requests(server)) == 2
    assert [item.error.retry_after for item in items] == [600.0, 600.0]
    assert "(the server asked to wait up to 600 s (10 minutes)" in items.notes[-1]


def test_a_servers_rate_limit_shows_as_failures_not_a_hang(client, server):
    server.rate_limit = 3  # three chat requests a minute; the rest get 429 with a long Retry-After
    items = batch([f"p{i}" for i in range(6)], client=client, concurrency=2, progress=False, max_tokens=5)
    assert sum(item.ok for item in items) == 3
    assert all(isinstance(item.error, helpers.RateLimitError) for item in items.failures)
    assert items.final_concurrency == 1


# --- input checks (nothing is sent) ------------------------------------------------------

def test_an_empty_list_gives_an_empty_result(client, server):
    items = batch([], client=client, progress=False)
    assert items == [] and items.summary()["count"] == 0
    assert chat_requests(server) == []


@pytest.mark.parametrize("prompts, words", [
    ("Tell me a joke", "takes a list of prompts"),
    (42, "not int"),
    (["fine", 42, "fine"], "prompt 1"),
    (["fine", ""], "prompt 1: The prompt is empty"),
    ([None], "prompt 0"),
])
def test_bad_prompts_are_refused_before_anything_is_sent(client, server, prompts, words):
    with pytest.raises(helpers.RequestValidationError, match=words):
        batch(prompts, client=client, progress=False)
    assert chat_requests(server) == []


@pytest.mark.parametrize("concurrency", [0, 33, -1, 2.5, True, "8"])
def test_concurrency_must_be_1_to_32(client, concurrency):
    with pytest.raises(helpers.RequestValidationError, match="concurrency must be a whole number from 1 to 32"):
        batch(["a"], client=client, progress=False, concurrency=concurrency)


def test_bad_parameters_are_refused_up_front(client, server):
    with pytest.raises(helpers.RequestValidationError, match="temperature"):
        batch(["a", "b"], client=client, progress=False, temperature=5)
    with pytest.raises(helpers.RequestValidationError, match="one dict .* per prompt, 2 in all"):
        batch(["a", "b"], client=client, progress=False, extra_headers=[{}])
    assert chat_requests(server) == []


# --- rows, summary and display ----------------------------------------------------------

def test_rows_summary_and_html():
    ok = helpers.ChatResult.from_response(
        {"model": "m", "choices": [{"message": {"content": "<b>bold</b> " + "x" * 100}, "finish_reason": "stop"}],
         "usage": {"total_tokens": 12}, "meta": {"usage": {"usd_spent": 6.7e-05}}}, {}, latency_s=0.25)
    no_cost = helpers.ChatResult.from_response({"choices": [{"message": {"content": "hi"}}],
                                                "usage": {"total_tokens": 3}}, {})
    refused = helpers.RateLimitError("Error code 429: Too Many Requests\nWait.", status_code=429)
    items = [BatchItem(0, "first", ok), BatchItem(1, [{"role": "user", "content": "second"}], no_cost),
             BatchItem(2, "third", error=refused)]
    rows = BatchResults(items).to_rows(max_chars=20)
    assert list(rows[0]) == ["index", "prompt", "text", "tokens", "latency_s", "cost_usd", "error"]
    assert rows[0]["text"] == "<b>bold</b> xxxxxxx…" and rows[0]["tokens"] == 12 and rows[0]["latency_s"] == 0.25
    assert rows[1]["prompt"] == "second" and rows[1]["cost_usd"] is None
    assert rows[2]["error"] == "RateLimitError: Error code 429: Too Many Requests"
    s = BatchResults(items).summary()
    assert s == {"count": 3, "ok": 2, "failures": 1, "tokens": 15, "cost_usd": 6.7e-05, "cost_unknown": 1,
                 "wall_s": None}
    results = BatchResults(items, wall_s=1.5, concurrency=4)
    assert results.summary()["wall_s"] == 1.5
    page = results._repr_html_()
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert page.count("<tr>") == 4
    assert "1 failed" in page
    assert page.count("$0.000067") == 2 and "e-05" not in page  # the total and the item's cell, as decimals
    assert "$0.000067" in repr(results)


# --- the pieces on their own ---------------------------------------------------------------

def test_a_batch_run_sends_every_item_through_its_client(client, server):
    run = BatchRun(client, ["a cat", "a dog"], [{}, {"X-Client-Request-Id": "dog"}],
                   {"model": helpers.SMALL_MODEL, "max_tokens": 5}, concurrency=2)
    assert run.run() >= 0
    assert [item.ok for item in run.items] == [True, True] and run.limiter.max_in_flight <= 2
    assert [r["headers"].get("X-Client-Request-Id") for r in chat_requests(server)].count("dog") == 1
    assert run.notes == [] and closing_note(run.limiter, run.items, 2, run.long_waits) is None


def test_the_closing_note_says_what_the_batch_did_about_rate_limits():
    limiter = Limiter(8)
    limiter.saw_rate_limit(limiter.generation)
    assert "lowered to 4" in limiter.saw_rate_limit(limiter.generation)
    refused = helpers.RateLimitError("Error code 429", status_code=429)
    items = [BatchItem(0, "a", attempts=2), BatchItem(1, "b", error=refused, attempts=1)]
    assert closing_note(limiter, items, 8, [45.0]) == (
        "Saw 2 answers of 429 Too Many Requests; concurrency went from 8 to 4; 1 item was sent again later; "
        "1 still failed with 429 (the server asked to wait up to 45 s, longer than a batch waits on its own: "
        "send those again later).")
