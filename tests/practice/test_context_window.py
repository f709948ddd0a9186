"""The practice server refuses what cannot fit the model's context window, as the API does, with a 400.

A request is refused when its prompt's tokens (as the practice server counts and bills them) plus the
answer's limit it asks for pass the context window its catalogue states; nothing is generated or billed.
"""
from __future__ import annotations

import base64

import pytest
import requests

from helpers.practice import PRACTICE_KEY, PracticeServer
from helpers.practice.model.catalogue import CONTEXT_LENGTH, OUTPUT_MAX
from helpers.practice.server.context_window import context_window_problem, requested_answer_tokens

MODEL = "google/gemma-3-4b-it"
AUTH = {"Authorization": f"Bearer {PRACTICE_KEY}"}
#: A PDF the practice server counts as 1,500 pages (85 prompt tokens each), in 18 KB.
MANY_PAGES = b"%PDF-1.4\n" + b"/Type /Page\n" * 1500 + b"%%EOF"


@pytest.fixture(scope="module")
def server():
    with PracticeServer(latency=0) as srv:
        yield srv


def _post(server, content, **extra) -> requests.Response:
    body = {"model": MODEL, "messages": [{"role": "user", "content": content}], **extra}
    return requests.post(server.base_url + "/chat/completions", json=body, headers=AUTH, timeout=30)


def _pdf_part() -> list[dict]:
    data = "data:application/pdf;base64," + base64.b64encode(MANY_PAGES).decode()
    return [{"type": "text", "text": "Summarise it"}, {"type": "file", "file": {"filename": "long.pdf",
                                                                               "file_data": data}}]


def test_what_fits_passes_and_what_does_not_is_named_with_its_numbers():
    assert context_window_problem(MODEL, 127_000, 1000, 128_000) is None
    assert context_window_problem(MODEL, 128_000, 0, 128_000) is None
    message = context_window_problem(MODEL, 127_500, 1000, 128_000)
    assert message == ("Body validation error! [messages] The prompt is 127,500 tokens and max_tokens asks for 1,000 "
                       "more: 128,500 tokens, over the 128,000-token context window of google/gemma-3-4b-it. "
                       "Shorten the messages or lower max_tokens.")
    alone = context_window_problem(MODEL, 130_000, 0, 128_000)
    assert "The prompt is 130,000 tokens, over the 128,000-token" in alone and "max_tokens" not in alone


@pytest.mark.parametrize("body, tokens", [
    ({}, 0), ({"max_tokens": 100}, 100), ({"max_completion_tokens": 300, "max_tokens": 10}, 300),
    ({"max_completion_tokens": None, "max_tokens": 12.5}, 13), ({"max_tokens": True}, 0), ({"max_tokens": "9"}, 0),
    ({"max_tokens": 10**12}, OUTPUT_MAX),  # the practice server never writes more than outputMax
])
def test_the_answers_limit_is_read_as_the_practice_server_reads_it(body, tokens):
    assert requested_answer_tokens(body, OUTPUT_MAX) == tokens


def test_a_prompt_past_the_window_gets_the_apis_400_and_costs_nothing(server):
    server.reset()
    answer = _post(server, "word " * (CONTEXT_LENGTH + 10))
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert set(body) == {"message", "path", "requestId", "statusCode", "timestamp"} and body["statusCode"] == 400
    assert body["message"].startswith("Body validation error! [messages] The prompt is 128,010 tokens, over the "
                                      "128,000-token context window of google/gemma-3-4b-it.")
    assert server.spent_between(0, 2**40) == (0, 0)


def test_a_pdf_counted_by_its_pages_is_held_to_the_window_too(server):
    refused = _post(server, _pdf_part(), max_tokens=1000)
    assert refused.status_code == 400 and "max_tokens asks for 1,000 more" in refused.json()["message"]
    fits = _post(server, _pdf_part(), max_tokens=8)
    assert fits.status_code == 200, fits.text
    usage = fits.json()["usage"]
    assert usage["prompt_tokens"] >= 1500 * 85 and usage["prompt_tokens"] + 8 <= CONTEXT_LENGTH  # billed in the window


def test_a_long_prompt_that_fits_is_answered(server):
    answer = _post(server, "word " * (CONTEXT_LENGTH - 100), max_tokens=20)
    assert answer.status_code == 200, answer.text
    assert answer.json()["usage"]["prompt_tokens"] == CONTEXT_LENGTH - 100
