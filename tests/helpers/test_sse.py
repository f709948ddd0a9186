"""The server-sent-events parser on the wire's hard cases."""
import json

import pytest

from helpers.sse import SSEDecoder, iter_events


def events(*chunks):
    return [(e.event, e.data) for e in iter_events(chunks)]


def test_plain_events_and_done():
    assert events(b'data: {"a": 1}\n\ndata: [DONE]\n\n') == [("message", '{"a": 1}'), ("message", "[DONE]")]


@pytest.mark.parametrize("eol", [b"\n", b"\r", b"\r\n"])
def test_every_line_end(eol):
    wire = b"data: one" + eol + eol + b"data: two" + eol + eol
    assert events(wire) == [("message", "one"), ("message", "two")]


def test_crlf_split_between_reads_is_one_line_end():
    assert events(b"data: a\r", b"\n", b"\r", b"\ndata: b\r\n\r\n") == [("message", "a"), ("message", "b")]


def test_multibyte_characters_split_across_reads():
    wire = 'data: {"t": "😀 café"}\n\n'.encode()
    chunks = [wire[i:i + 1] for i in range(len(wire))]  # one byte at a time
    assert json.loads(events(*chunks)[0][1]) == {"t": "😀 café"}


def test_unicode_line_separators_do_not_split_lines():
    wire = 'data: {"t": "a\u2028b\u2029c\x85d"}\n\n'.encode()
    assert json.loads(events(wire)[0][1])["t"] == "a\u2028b\u2029c\x85d"


def test_comments_fields_and_multiline_data():
    wire = (b": PROCESSING\n\n"
            b"event: ping\nid: 7\nretry: 1500\ndata: {}\n\n"
            b"data: line1\ndata: line2\n\n"
            b"id: 8\n: a comment after id\n\n")
    decoder = SSEDecoder()
    got = list(decoder.feed(wire))
    assert [(e.event, e.data, e.id, e.retry) for e in got] == [
        ("ping", "{}", "7", 1500),
        ("message", "line1\nline2", "7", 1500),
    ]
    assert decoder.last_event_id == "8"


def test_an_empty_data_line_dispatches_an_event_with_empty_data():
    """The WHATWG rule: a data line appends its value and a line feed to the data buffer, and a blank
    line dispatches unless the buffer is empty, so ``data:`` alone gives an event whose data is "".

    The specification's example ("Interpreting an event stream") is the stream below: the first
    block fires an event with empty data, the second one with a single line feed, and the last
    is dropped for want of a blank line. The web-platform-tests case
    eventsource/format-field-data.any.js sends "data:\\n\\ndata\\ndata\\n\\ndata:test" and expects
    "", "\\n", then "test".
    """
    assert events(b"data\n\ndata\ndata\n\ndata:") == [("message", ""), ("message", "\n")]
    assert events(b"data:\n\ndata\ndata\n\ndata:test\n\n") == [("message", ""), ("message", "\n"), ("message", "test")]
    assert events(b"data:\n\n", b"data\n\n") == [("message", ""), ("message", "")]
    assert events(b"event: ping\n\n", b": only a comment\n\n", b"id: 3\n\n") == []  # no data line: no event


def test_space_after_colon_is_optional_and_only_one_is_removed():
    assert events(b"data:x\n\ndata:  y\n\n") == [("message", "x"), ("message", " y")]


def test_unfinished_event_at_end_of_stream_is_dropped():
    assert events(b'data: {"cut": tr') == []
    assert events(b"data: whole line\n") == []


def test_invalid_utf8_is_replaced_not_fatal():
    assert events(b"data: \xff\xfe ok\n\n") == [("message", "\ufffd\ufffd ok")]
