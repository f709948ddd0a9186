"""The worst case the relay reserves is an upper bound of what a call can bill (in-process, no servers).

Whatever reaches the model's prompt is counted (messages, tools, a response format, a prediction), a
learner's ``max_tokens`` never passes the model's ``outputMax``, ``n`` choices cost ``n`` times, and
only a ``fixed`` catalogue price is taken as a bound.
"""
from __future__ import annotations

import json

import pytest

from relay.pricing import (Price, nusd_from_usd, output_bound, parse_price_option, prices_from_catalogue,
                           prompt_token_bound, worst_case_nusd)

PRICE = Price(0.04, 0.08, output_max=8192, context=128_000)
#: Gemma 3 counts 256 tokens for each image.
GEMMA_IMAGE_TOKENS = 256


def _body(content="Say hi", **extra) -> dict:
    return {"model": "google/gemma-3-4b-it", "messages": [{"role": "user", "content": content}], **extra}


@pytest.mark.parametrize("text", ["Tell me about San Francisco", "Éléphant 象 🐘" * 50, "x" * 5000])
def test_every_byte_of_the_prompt_counts(text):
    assert prompt_token_bound(_body(text)) >= len(text.encode("utf-8"))


def test_what_else_reaches_the_prompt_counts_too():
    plain = prompt_token_bound(_body())
    schema = {"type": "object", "properties": {f"field_{i}": {"type": "string", "description": "d" * 80}
                                               for i in range(40)}}
    tools = [{"type": "function", "function": {"name": "lookup", "description": "w" * 2000, "parameters": schema}}]
    fmt = {"type": "json_schema", "json_schema": {"name": "answer", "schema": schema}}
    assert prompt_token_bound(_body(tools=tools)) - plain >= len(json.dumps(schema)) // 2 + 2000
    assert prompt_token_bound(_body(response_format=fmt)) - plain >= len(json.dumps(schema)) // 2
    two = [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"}]
    assert prompt_token_bound({"model": "m", "messages": two}) > prompt_token_bound(_body("abc"))  # per-turn markers


def test_each_image_counts_more_than_gemma_bills_for_it():
    image = {"type": "image_url", "image_url": {"url": "https://example.org/cat.png"}}
    one = prompt_token_bound(_body([{"type": "text", "text": "What is this?"}, image]))
    two = prompt_token_bound(_body([{"type": "text", "text": "What is this?"}, image, image]))
    text_only = prompt_token_bound(_body([{"type": "text", "text": "What is this?"}]))
    assert one - text_only >= GEMMA_IMAGE_TOKENS and two - one >= GEMMA_IMAGE_TOKENS


@pytest.mark.parametrize("part", [
    {"type": "file", "file": {"filename": "a.pdf", "file_data": "JVBERi0xLjQK"}},  # 9 bytes of a PDF, any pages
    {"type": "image_url", "image_url": {"url": "https://example.org/a-huge-image.png"}},
    {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}},
])
def test_a_part_the_request_cannot_bound_reserves_the_whole_context(part):
    """A 22 KB PDF was billed 127,500 tokens (85 a page): a file's or an image's tokens are the upstream's
    to count, so each such part counts the model's whole context window."""
    body = _body([{"type": "text", "text": "What is this?"}, part], max_tokens=8)
    assert prompt_token_bound(dict(body), PRICE.context) >= PRICE.context
    assert worst_case_nusd(body, PRICE) >= PRICE.cost_nusd(PRICE.context, 8)
    small = Price(1.0, 1.0, context=1000)
    assert worst_case_nusd(_body([part], max_tokens=8), small) <= small.cost_nusd(1000, 8) + 1000 + 1  # at most that


def test_keys_and_numbers_reach_the_prompt_too():
    schema = {"type": "object", "properties": {"k" * 500: {"type": "integer", "maximum": 10**40}}}
    assert prompt_token_bound(_body(response_format={"type": "json_schema", "json_schema": {"schema": schema}})) \
        - prompt_token_bound(_body()) >= 500 + 41


def test_a_deeply_nested_body_is_priced_without_recursion():
    deep: list = []
    for _ in range(5000):
        deep = [deep]
    assert prompt_token_bound(_body([{"type": "text", "text": "hi"}], stop=deep)) > 0


def test_the_relay_sets_max_tokens_when_the_learner_gave_none():
    body = _body()
    assert output_bound(body, PRICE) == 8192 and body["max_tokens"] == 8192


@pytest.mark.parametrize("given, bound, sent", [
    ({"max_tokens": 100}, 100, {"max_tokens": 100}),
    ({"max_tokens": 100_000}, 8192, {"max_tokens": 8192}),  # above outputMax: capped in what is sent
    ({"max_completion_tokens": 300}, 300, {"max_completion_tokens": 300}),
    ({"max_completion_tokens": 50_000}, 8192, {"max_completion_tokens": 8192}),
    ({"max_tokens": 10, "max_completion_tokens": 400}, 400, {"max_tokens": 10, "max_completion_tokens": 400}),
    ({"max_tokens": 12.5}, 13, {"max_tokens": 12.5}),
    ({"max_tokens": 100, "n": 3}, 300, {"max_tokens": 100}),
    ({"n": 2}, 2 * 8192, {"max_tokens": 8192}),
])
def test_the_output_bound_covers_every_choice_and_never_passes_output_max(given, bound, sent):
    body = _body(**given)
    assert output_bound(body, PRICE) == bound
    assert {k: body[k] for k in sent} == sent


def test_a_prediction_counts_as_output_too():
    predicted = "def add(a, b):\n    return a + b\n" * 20
    plain, with_prediction = _body(max_tokens=50), _body(max_tokens=50, prediction={"type": "content",
                                                                                     "content": predicted})
    assert output_bound(with_prediction, PRICE) - output_bound(plain, PRICE) >= len(predicted)


def test_the_worst_case_is_above_the_cost_at_the_bounds():
    body = _body("Tell me about San Francisco", max_tokens=512)
    prompt = prompt_token_bound(dict(body))
    amount = worst_case_nusd(body, PRICE)
    assert amount > PRICE.cost_nusd(prompt, 512) and amount > 0
    assert worst_case_nusd(_body("x" * 500_000, max_tokens=8), Price(1.0, 1.0, context=1000)) \
        <= Price(1.0, 1.0).cost_nusd(1000, 8) + 1000 + 1  # a prompt cannot bill past the context


def test_only_fixed_catalogue_prices_are_bounds():
    def entry(model, pricing, info=None):
        return {"id": model, "info": info or {}, "pricing": pricing}
    units = [{"unit": "input_token", "price": 0.04, "per": 1_000_000},
             {"unit": "output_token", "price": 0.00000008}]
    found = prices_from_catalogue({"data": [
        entry("a", {"kind": "fixed", "units": units}, {"outputMax": 4096, "contextLength": 32_000}),
        entry("b", {"units": units}),
        entry("c", {"kind": "variable", "units": units}),
        entry("d", {"kind": "variants", "variants": [{"price": 1}]}),
        entry("e", "not an object"), entry("f", {"kind": "fixed", "units": units[:1]}), {"id": "g"}]})
    assert set(found) == {"a", "b"}
    assert found["a"] == Price(pytest.approx(0.04), pytest.approx(0.08), 4096, 32_000)
    assert found["b"].output_max == 8192


def test_price_options_and_reported_costs():
    assert parse_price_option("google/gemma-3-4b-it=0.04,0.08") == ("google/gemma-3-4b-it", 0.04, 0.08)
    for bad in ("google/gemma-3-4b-it", "m=1", "m=a,b", "=1,2", "m=-1,2", "m=nan,1"):
        with pytest.raises(ValueError, match="MODEL=IN,OUT"):
            parse_price_option(bad)
    assert nusd_from_usd("0.00000052") == 520 and nusd_from_usd(0.01) == 10_000_000
    assert [nusd_from_usd(v) for v in (None, "x", -1, float("inf"))] == [None] * 4


def test_a_failed_catalogue_read_keeps_the_prices_known():
    """A learner's unknown model makes the relay read the catalogue again; if that read fails, the prices
    it had stay (else every call in the room would be refused until the next good read)."""
    import asyncio

    import httpx

    from relay.app import Relay, Settings
    from relay.serve import upstream_root

    from hostile_upstream import MODEL, HostileUpstream

    async def read_twice(upstream) -> tuple[dict, dict]:
        catalogue = Relay(Settings(upstream_root(upstream.base_url), "k" * 32, "unused.db", "unused",
                                   prices={"other/model": (1.0, 2.0)}, catalogue_seconds=0)).catalogue
        catalogue.client = httpx.AsyncClient(timeout=10)
        try:
            await catalogue.refresh_prices()
            first = dict(catalogue.prices)
            upstream.models_down = True
            assert await catalogue.price_for("no/such-model") is None  # a fresh read, which fails
            return first, catalogue.prices
        finally:
            await catalogue.client.aclose()

    with HostileUpstream() as upstream:
        first, after = asyncio.run(read_twice(upstream))
    assert set(first) == {MODEL, "other/model"} and after == first
    assert first[MODEL].input_per_m == pytest.approx(0.04) and first["other/model"] == Price(1.0, 2.0)
