"""A chat answer read into a ChatResult (helpers.results): tolerant of missing, extra and odd fields."""
import pytest

from helpers.model_ids import LARGE_MODEL, SMALL_MODEL
from helpers.results import ChatResult

ANSWER = {"id": "chatcmpl-1", "object": "chat.completion", "model": LARGE_MODEL,
          "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello."}, "finish_reason": "stop"}],
          "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
          "meta": {"usage": {"usd_spent": 0.0000671}}}


def test_every_field_of_a_whole_answer():
    r = ChatResult.from_response(ANSWER, {"x-inference-id": "abc"}, latency_s=0.25, requested_model=SMALL_MODEL)
    assert (r.text, r.model, r.finish_reason, r.tokens, r.inference_id) == ("Hello.", LARGE_MODEL, "stop", 5, "abc")
    assert r.cost_usd == pytest.approx(0.0000671) and not r.simulated and str(r) == "Hello."
    assert "cost_usd=$0.0000671" in repr(r) and "e-05" not in repr(r)


@pytest.mark.parametrize("data", [None, [], {}, {"choices": []}, {"choices": [None]}, {"choices": "x", "usage": 7},
                                  {"choices": [{"message": {"content": None}}], "model": 5}])
def test_odd_answers_give_an_empty_result_not_an_exception(data):
    r = ChatResult.from_response(data, requested_model=SMALL_MODEL)
    assert r.text == "" and r.model == SMALL_MODEL and r.tokens is None and r.cost_usd is None


def test_the_cost_header_counts_when_the_body_has_none_and_the_practice_server_is_named():
    body = {**ANSWER, "meta": None, "provider": "practice-server"}
    r = ChatResult.from_response(body, {"x-aimlapi-usd-spent": "0.000002"})
    assert r.cost_usd == pytest.approx(0.000002) and r.simulated
