"""CostTally: totals, per-model rows, results without cost, and real answers from the practice server."""
import threading

import pytest

import helpers
from helpers import batch
from helpers.cost import CostTally, html_table
from helpers.money import format_usd
from helpers.results import ChatResult


def answer(model="google/gemma-3-4b-it", tokens=(10, 5), usd=0.0001, header_usd=None, simulated=False):
    """A ChatResult as helpers.Client would build it from this body and these headers."""
    data = {"model": model, "choices": [{"message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}]}
    if tokens is not None:
        data["usage"] = {"prompt_tokens": tokens[0], "completion_tokens": tokens[1], "total_tokens": sum(tokens)}
    if usd is not None:
        data["meta"] = {"usage": {"credits_used": 1, "usd_spent": usd}}
    headers = {"x-aimlapi-usd-spent": str(header_usd)} if header_usd is not None else {}
    if simulated:
        headers["x-practice-server"] = "1"
    return ChatResult.from_response(data, headers)


@pytest.fixture
def client(server):
    with helpers.Client(api_key=server.key, base_url=server.base_url, timeout=10, max_retries=0) as c:
        yield c


def test_empty_tally_says_so():
    tally = CostTally()
    assert (tally.calls, tally.total_usd, tally.total_tokens) == (0, 0, 0)
    assert repr(tally) == "CostTally: no calls yet."
    assert tally.table() == [{"model": "total", "calls": 0, "tokens": 0, "usd": 0, "unknown_cost": 0}]
    assert tally.average_usd_per_call is None


def test_totals_and_per_model_breakdown():
    tally = CostTally()
    first = answer(usd=0.0001, tokens=(10, 5))
    assert tally.add(first) is first  # add() hands the result back, so it can wrap a call
    tally.add(answer(usd=0.0003, tokens=(20, 10)))
    tally.add(answer(model="google/gemma-3-12b-it", usd=0.002, tokens=(40, 60)))
    assert tally.calls == 3
    assert tally.total_usd == pytest.approx(0.0024)
    assert tally.total_tokens == 145
    assert (tally.prompt_tokens, tally.completion_tokens) == (70, 75)
    by_model = tally.by_model()
    assert list(by_model) == ["google/gemma-3-4b-it", "google/gemma-3-12b-it"]
    assert by_model["google/gemma-3-4b-it"]["calls"] == 2
    assert by_model["google/gemma-3-4b-it"]["tokens"] == 45
    assert by_model["google/gemma-3-12b-it"]["usd"] == pytest.approx(0.002)
    rows = tally.table()
    assert [r["model"] for r in rows] == ["google/gemma-3-4b-it", "google/gemma-3-12b-it", "total"]
    assert rows[-1]["calls"] == 3 and rows[-1]["usd"] == pytest.approx(0.0024)
    assert tally.cumulative_usd() == pytest.approx([0.0001, 0.0004, 0.0024])
    assert tally.average_usd_per_call == pytest.approx(0.0008)
    assert "3 calls" in repr(tally) and "145 tokens" in repr(tally) and "$0.0024" in repr(tally)


def test_header_cost_is_used_when_the_body_has_none():
    tally = CostTally()
    tally.add(answer(usd=None, header_usd=0.0005))
    assert tally.total_usd == pytest.approx(0.0005)
    assert tally.unknown_cost_calls == 0


def test_results_without_cost_or_usage_are_counted_as_unknown_and_said_so():
    tally = CostTally()
    tally.add(answer(usd=0.001))
    tally.add(answer(usd=None, tokens=None))
    tally.add(answer(usd=None))
    assert tally.calls == 3
    assert tally.total_usd == pytest.approx(0.001)
    assert tally.unknown_cost_calls == 2
    assert tally.unknown_token_calls == 1
    assert tally.total_tokens == 30
    text = repr(tally)
    assert "2 calls came back without a cost" in text and "not in the dollar total" in text
    assert tally.table()[-1]["unknown_cost"] == 2
    assert tally.cumulative_usd() == pytest.approx([0.001, 0.001, 0.001])


def test_odd_usage_values_do_not_break_the_tally():
    data = {"model": "google/gemma-3-4b-it", "choices": [], "usage": {"total_tokens": "many", "prompt_tokens": None},
            "meta": {"usage": {"usd_spent": "not a number"}}}
    tally = CostTally()
    tally.add(ChatResult.from_response(data, {}))
    tally.add(ChatResult.from_response({}, {}))  # no model at all
    assert tally.calls == 2 and tally.unknown_cost_calls == 2 and tally.total_tokens == 0
    assert "(unknown model)" in tally.by_model()


def test_add_refuses_what_is_not_an_answer():
    tally = CostTally()
    with pytest.raises(TypeError, match="takes a ChatResult"):
        tally.add("hello")
    with pytest.raises(TypeError, match="takes a ChatResult"):
        tally.add({"usage": {}})
    assert tally.calls == 0


def test_simulated_answers_are_flagged_as_practice_prices():
    tally = CostTally()
    tally.add(answer(simulated=True))
    assert tally.simulated_calls == 1
    assert "practice server" in repr(tally)


def test_html_view_is_escaped_and_complete():
    tally = CostTally()
    tally.add(answer(model="<script>x</script>"))
    page = tally._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.count("<tr>") == 3  # header, the model, the total


def test_reset_and_threads():
    tally = CostTally()
    one = answer(usd=0.001, tokens=(1, 1))
    threads = [threading.Thread(target=lambda: [tally.add(one) for _ in range(200)]) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert tally.calls == 800 and tally.total_tokens == 1600
    tally.reset()
    assert tally.calls == 0


@pytest.mark.parametrize("value, shown", [
    (None, "unknown"),
    (float("nan"), "unknown"),
    (0, "$0"),
    (6.7e-05, "$0.000067"),  # what Python's repr prints as 6.7e-05
    (0.000123, "$0.000123"),
    (2.9919e-05, "$0.0000299"),  # three significant digits below a dollar
    (5.48e-06, "$0.00000548"),
    (3e-9, "$0.000000003"),
    (1e-9, "$0.000000001"),
    (4e-13, "<$0.000000001"),  # too small to write out
    (0.0024, "$0.0024"),
    (0.12, "$0.12"),
    (0.5, "$0.50"),  # at least cents
    (0.99999, "$1.00"),
    (12.3456, "$12.35"),
    (1234567.891, "$1,234,567.89"),
    (1e20, "$100,000,000,000,000,000,000.00"),
    (-0.0024, "-$0.0024"),
])
def test_format_usd_writes_plain_decimals(value, shown):
    assert format_usd(value) == shown
    assert "e" not in shown.replace("unknown", "")


def test_format_usd_refuses_text_with_what_to_do():
    with pytest.raises(TypeError, match="float"):
        format_usd("0.000067")  # a header's value is text


def test_format_usd_is_public_and_prints_a_results_cost():
    assert helpers.format_usd is format_usd and "format_usd" in helpers.__all__
    shown = repr(answer(usd=6.7e-05))
    assert "cost_usd=$0.000067" in shown and "e-05" not in shown
    assert answer(usd=6.7e-05).cost_usd == 6.7e-05  # still a float


def test_html_table_shortens_and_escapes():
    page = html_table([{"a": "x" * 200, "b": "<b>"}], max_chars=10)
    assert "x" * 9 + "…" in page and "x" * 10 not in page and "&lt;b&gt;" in page


def test_real_calls_from_the_practice_server(client):
    tally = CostTally()
    for _ in range(3):
        tally.add(client.chat("Tell me about San Francisco", max_tokens=20))
    assert tally.calls == 3
    assert tally.unknown_cost_calls == 0  # the practice server prices every answer
    assert tally.total_usd > 0 and tally.total_tokens > 0
    assert tally.simulated_calls == 3


def test_a_finished_stream_and_batch_items_can_be_added(client, server):
    tally = CostTally()
    s = client.stream("Hello", max_tokens=10)
    with pytest.raises(TypeError, match="has not finished"):
        tally.add(s)
    s.until_done()
    tally.add(s)
    items = batch(["one", "two", "three"], client=client, progress=False, max_tokens=10,
                  extra_headers=[None, {"X-Practice-Fault": "status=400"}, None])
    tally.add_all(items)
    assert tally.calls == 3  # the failed item was not billed and is not counted
    assert tally.unknown_cost_calls == 0
