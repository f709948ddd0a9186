"""helpers.show_retries: the client's retry log as short lines, while a block runs, over real loopback servers."""
from __future__ import annotations

import io
import logging

import pytest

import helpers
from helpers import logs
from helpers.exercises.lesson07 import refused_base_url

#: The practice server fails the first attempt and asks for no wait, so the retry is immediate.
ONE_503 = {"X-Practice-Fault": "status=503;times=1;retry_after=0"}


@pytest.fixture
def client(server):
    server.reset()
    with helpers.Client(api_key=server.key, base_url=server.base_url, max_retries=2, timeout=20) as c:
        yield c


def test_each_retry_is_one_short_line_and_the_block_ends_it(client):
    out = io.StringIO()
    logger = logging.getLogger("helpers")
    level, handlers = logger.level, list(logger.handlers)
    with helpers.show_retries(file=out) as retries:
        answer = client.chat("Hi", max_tokens=5, extra_headers=ONE_503)
    assert answer.text
    assert retries.lines == ["retry 1 of 2 in 0.00 s after 503"]
    assert out.getvalue() == "retry 1 of 2 in 0.00 s after 503\n"
    assert logger.level == level and logger.handlers == handlers, "the logger is as it was"
    client.chat("Hi", max_tokens=5, extra_headers={"X-Practice-Fault": "status=503;retry_after=0;times=1"})
    assert len(retries.lines) == 1, "nothing is shown after the block"
    assert "off: 1 line shown" in repr(retries)


def test_it_prints_to_standard_output_by_default(client, capsys):
    with helpers.show_retries():
        client.chat("Hi", max_tokens=5, extra_headers={"X-Practice-Fault": "status=429;times=2;retry_after=0"})
    assert capsys.readouterr().out.splitlines() == ["retry 1 of 2 in 0.00 s after 429",
                                                    "retry 2 of 2 in 0.00 s after 429"]


def test_a_connection_error_is_named_by_its_class():
    with helpers.Client(api_key="not-a-real-key", base_url=refused_base_url(), max_retries=1, timeout=20) as c:
        with helpers.show_retries(file=io.StringIO()) as retries:
            with pytest.raises(helpers.APIConnectionError):
                c.chat("Hi")
    assert len(retries.lines) == 1 and retries.lines[0].startswith("retry 1 of 1 in ")
    assert retries.lines[0].endswith(" s after APIConnectionError")


def test_no_line_when_nothing_is_retried(client):
    with helpers.show_retries(file=io.StringIO()) as retries:
        with pytest.raises(helpers.AuthenticationError):
            client.chat("Hi", max_tokens=5, extra_headers={"X-Practice-Fault": "status=401"})
    assert retries.lines == []


def test_stop_ends_a_log_left_on_for_the_session(client):
    retries = helpers.show_retries(file=io.StringIO())
    client.chat("Hi", max_tokens=5, extra_headers={"X-Practice-Fault": "status=502;times=1;retry_after=0"})
    retries.stop()
    retries.stop()  # twice is harmless
    assert retries.lines == ["retry 1 of 2 in 0.00 s after 502"]


def _record(msg, args):
    return logging.LogRecord("helpers", logging.INFO, __file__, 1, msg, args, None)


def test_the_stream_record_and_records_of_other_shapes():
    assert logs.retry_line(_record(logs.STREAM_RETRY_RECORD, (0.25, 1, 2))) == (
        "retry 1 of 2 in 0.25 s after a stream cut before any text")
    other = _record("Slowing down after a 429: %d at a time", (2,))
    assert logs.retry_line(other) == "Slowing down after a 429: 2 at a time"
    # The retry template with arguments of another shape falls back to the record's own text.
    assert logs.retry_line(_record("Retrying %s", ("POST",))) == "Retrying POST"
