"""Streams (helpers.streaming) against scripted raw-socket servers: pieces, the result, cuts and retries.

The fault matrix (statuses, Retry-After forms, deadlines, stream byte shapes, bad answers,
redirects) is in tests/helpers/test_faults.py; these are the cases outside it."""
import json

import pytest

import helpers
from support.rawserver import RawServer, http_head, send_slowly
from support.wire import chunk, make_client, stream_script

def test_stream_pieces_result_usage_and_cost():
    wire = [b": PROCESSING\n\n", chunk("Hel"), chunk("lo"), chunk(finish="stop"),
            b'data: {"choices": [], "usage": {"total_tokens": 9}, "meta": {"usage": {"usd_spent": 0.0001}}}\n\n',
            b"data: [DONE]\n\n"]
    with RawServer(stream_script(*wire)) as srv:
        s = make_client(srv).stream("Hi")
        assert list(s) == ["Hel", "lo"]
    assert s.result.text == "Hello"
    assert s.result.finish_reason == "stop"
    assert s.result.usage == {"total_tokens": 9}
    assert s.result.cost_usd == pytest.approx(0.0001)
    assert s.result.time_to_first_token_s is not None
    sent = json.loads(srv.requests[0].body)
    assert sent["stream"] is True and sent["stream_options"] == {"include_usage": True}


def test_stream_cut_before_done_raises_and_keeps_what_arrived(waits):
    with RawServer(stream_script(chunk("one"), chunk(" two"))) as srv:
        s = make_client(srv).stream("Hi")
        got = []
        with pytest.raises(helpers.APIConnectionError) as info:
            for piece in s:
                got.append(piece)
    assert got == ["one", " two"]
    assert s.text == "one two" and info.value.partial_text == "one two"
    assert "[DONE]" in str(info.value)
    assert len(srv.requests) == 1, "a stream that yielded text must never be retried"


def test_stream_cut_before_any_text_is_retried(waits):
    def script(conn, request, number):
        if number == 1:
            send_slowly(conn, [http_head(), b": PROCESSING\n\n"])  # then the connection closes
        else:
            send_slowly(conn, [http_head(), chunk("fine"), b"data: [DONE]\n\n"])
    with RawServer(script) as srv:
        assert "".join(make_client(srv).stream("Hi")) == "fine"
    assert len(srv.requests) == 2


