"""Errors (helpers.errors) and what they advise (helpers.advice): the status's class, what to do next, never
the key."""
import json

import pytest

import helpers
from helpers import advice, errors
from support.rawserver import RawServer
from support.wire import KEY, json_reply, make_client


def test_rate_limit_message_says_what_to_do_and_how_often_it_retried(waits):
    refusal = json_reply(429, {"message": "Too Many Requests"}, "Retry-After: 2\r\n")
    with RawServer(lambda c, r, n: c.sendall(refusal)) as srv:
        with pytest.raises(helpers.RateLimitError) as info:
            make_client(srv, max_retries=2).chat("Hi")
    assert waits == [2.0, 2.0]
    assert "retried 2 times" in str(info.value) and "Wait 2 s as the server asks" in str(info.value)
    assert info.value.retry_after == 2.0


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


@pytest.mark.parametrize("status, cls", [(400, helpers.BadRequestError), (401, helpers.AuthenticationError),
                                         (403, helpers.PermissionDeniedError), (404, helpers.NotFoundError),
                                         (422, helpers.UnprocessableEntityError), (429, helpers.RateLimitError),
                                         (500, helpers.InternalServerError), (503, helpers.InternalServerError),
                                         (418, helpers.APIStatusError)])
def test_each_status_has_the_openai_sdks_class(status, cls):
    assert errors.status_error_class(status) is cls


def test_one_table_says_what_went_wrong_and_what_to_do():
    assert advice.for_status(401).todo.startswith(advice.CHECK_THE_KEY) and advice.KEYS_PAGE in advice.CHECK_THE_KEY
    assert advice.BILLING_PAGE in advice.for_status(403).todo
    assert "retried 2 times" in advice.for_status(503, retries=2).todo
    assert "practice server" not in advice.for_status(503, simulated=True).todo.split(":")[0]
    assert "helpers.use_practice()" in advice.for_status(503).todo
    assert "Wait 600 s (10 minutes)" in advice.for_status(429, retry_after=600).todo
    gone = advice.for_status(404, model="google/gemma-3-4b-it-retired")
    assert "retired" in gone.what and "helpers.models()" in gone.todo
    assert str(gone) == f"{gone.what}: {gone.todo}"


def test_an_error_carries_the_advice_the_client_worked_out_and_others_get_the_tables():
    with_advice = helpers.RateLimitError("x", status_code=429, advice=advice.Advice("a", "b"))
    assert advice.for_error(with_advice) == advice.Advice("a", "b")
    assert advice.for_error(helpers.AuthenticationError("x", status_code=401)) == advice.for_status(401)
    assert "timeout=" in advice.for_error(helpers.APITimeoutError()).todo
    assert "AIML_API_BASE" in advice.for_error(helpers.APIConnectionError()).todo
    assert advice.for_error(RuntimeError("boom")).what.startswith("something unexpected")


def test_waits_are_said_in_plain_words():
    assert [advice.seconds_text(s) for s in (0.5, 45, 600, 7200, 10**9)] == [
        "0.5 s", "45 s", "600 s (10 minutes)", "7200 s (2 hours)", "over a year"]
