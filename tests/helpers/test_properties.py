"""Property-based tests (hypothesis) of the stream parser (helpers.sse) and of ChatStream over loopback.

Example counts (fixed, repeatable: ``derandomize=True``, no example database, no deadline):

  pure parser properties          PURE     = 200 examples each
  properties over loopback HTTP   LOOPBACK =  30 examples each

Request validation's properties are in test_schema.py.
"""
from __future__ import annotations

import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import helpers
from helpers.sse import SSEDecoder
from support.rawserver import RawServer, send_slowly

PURE = settings(max_examples=200, deadline=None, derandomize=True, database=None)
LOOPBACK = settings(max_examples=30, deadline=None, derandomize=True, database=None)

EOLS = {"lf": "\n", "cr": "\r", "crlf": "\r\n"}

# --------------------------------------------------------------------------- an SSE stream and its meaning

# Field values: any text without CR or LF (those end lines), including U+2028, U+0085, NUL, emoji.
value_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r\n"), max_size=12)
# retry values: ASCII digits (kept) or any text (ignored), non-ASCII digits ("²", "٣") included.
retry_text = st.one_of(st.integers(0, 10**6).map(str), value_text)


@st.composite
def sse_blocks(draw):
    """A list of blocks: each a list of (kind, value) lines, ended by a blank line."""
    blocks = []
    for _ in range(draw(st.integers(0, 6))):
        lines = []
        for _ in range(draw(st.integers(0, 2))):
            lines.append(("comment", draw(value_text)))
        if draw(st.booleans()):
            lines.append(("event", draw(value_text)))
        if draw(st.booleans()):
            lines.append(("id", draw(value_text)))
        if draw(st.booleans()):
            lines.append(("retry", draw(retry_text)))
        for _ in range(draw(st.integers(0, 3))):
            lines.append(("data", draw(value_text)))
        if draw(st.booleans()):
            lines.insert(draw(st.integers(0, len(lines))), ("comment", draw(value_text)))
        blocks.append(lines)
    return blocks


def expected_events(blocks):
    """What the WHATWG rules make of the blocks: (event, data, id, retry) per dispatched event."""
    out, last_id, retry = [], None, None
    for lines in blocks:
        data, event = [], ""
        for kind, value in lines:
            if kind == "data":
                data.append(value)
            elif kind == "event":
                event = value
            elif kind == "id" and "\0" not in value:
                last_id = value
            elif kind == "retry" and value.isascii() and value.isdigit():
                retry = int(value)
        if data:  # any data line, even an empty one, makes the block an event
            out.append((event or "message", "\n".join(data), last_id, retry))
    return out, last_id


def serialize(blocks, eols, no_space=False) -> bytes:
    """The blocks on the wire; ``eols`` yields one line end per line (blank lines included)."""
    parts = []
    for lines in blocks:
        for kind, value in lines:
            if kind == "comment":
                parts.append(":" + value)
            else:
                parts.append(kind + (":" if no_space and not value.startswith(" ") else ": ") + value)
            parts.append(next(eols))
        parts.append(next(eols))  # the blank line that dispatches
    return "".join(parts).encode("utf-8")


def line_ends(style, choices=None):
    """An endless supply of line ends: one style, or ``choices`` (a list of styles drawn per line)."""
    if style != "mixed":
        while True:
            yield EOLS[style]
    previous = ""
    for pick in choices:
        eol = EOLS[pick]
        if previous == "\r" and eol == "\n":  # CR then LF would read as one CRLF: not a mixed style, a different stream
            eol = "\r\n"
        previous = eol
        yield eol
    while True:
        yield "\r\n"


def decode(pieces) -> tuple[list, str | None]:
    decoder = SSEDecoder()
    got = []
    for piece in pieces:
        got += [(e.event, e.data, e.id, e.retry) for e in decoder.feed(piece)]
    got += [(e.event, e.data, e.id, e.retry) for e in decoder.close()]
    return got, decoder.last_event_id


def split_at(data: bytes, cuts) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    return [data[a:b] for a, b in zip([0] + points, points + [len(data)])]


# --------------------------------------------------------------------------- SSEDecoder properties

@PURE
@given(blocks=sse_blocks(), style=st.sampled_from(["lf", "cr", "crlf", "mixed"]),
       choices=st.lists(st.sampled_from(sorted(EOLS)), max_size=80), cuts=st.lists(st.integers(0, 10**6), max_size=40),
       no_space=st.booleans())
@example(blocks=[[("id", "7"), ("comment", " after id")], [("retry", "3000")], [("data", "")],
                 [("data", "a\u2028b"), ("data", "😀")]], style="mixed", choices=["cr", "lf", "crlf"], cuts=[1, 2, 30],
         no_space=True)
def test_sse_any_split_gives_the_events_the_rules_say(blocks, style, choices, cuts, no_space):
    wire = serialize(blocks, line_ends(style, choices), no_space)
    want, last_id = expected_events(blocks)
    assert decode([wire]) == (want, last_id)
    assert decode(split_at(wire, cuts)) == (want, last_id)
    assert decode([wire[i:i + 1] for i in range(len(wire))]) == (want, last_id)


@pytest.mark.parametrize("value", [
    pytest.param("\u00b2", id="superscript-two"),
    pytest.param("\u0663", id="arabic-indic-three"),
])
def test_sse_retry_with_non_ascii_digits_is_ignored(value):
    wire = f"retry: {value}\ndata: x\n\n".encode()
    assert decode([wire]) == ([("message", "x", None, None)], None)


@PURE
@given(blocks=sse_blocks(), cuts=st.lists(st.integers(0, 10**6), max_size=20))
def test_sse_every_line_end_style_gives_the_same_events(blocks, cuts):
    results = [decode(split_at(serialize(blocks, line_ends(style)), cuts)) for style in ("lf", "cr", "crlf")]
    assert results[0] == results[1] == results[2] == expected_events(blocks)


# --------------------------------------------------------------------------- ChatStream over loopback

@pytest.fixture(scope="module")
def wire():
    holder = {"writes": []}

    def script(conn, request, number):
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
        send_slowly(conn, [head] + holder["writes"])
    with RawServer(script) as srv:
        srv.holder = holder
        yield srv


piece_text = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=8)


def stream_wire(pieces, eol: str) -> bytes:
    events = [{"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"content": p}}]} for p in pieces]
    events.append({"object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    text = "".join(f": keep-alive{eol}{eol}data: {json.dumps(e, ensure_ascii=False)}{eol}{eol}" for e in events)
    return (text + f"data: [DONE]{eol}{eol}").encode("utf-8")


@LOOPBACK
@given(pieces=st.lists(piece_text, min_size=1, max_size=6), style=st.sampled_from(sorted(EOLS)),
       cuts=st.lists(st.integers(0, 10**6), max_size=30))
def test_chatstream_any_split_on_the_wire_gives_the_same_pieces(wire, pieces, style, cuts):
    data = stream_wire(pieces, EOLS[style])
    wire.holder["writes"] = split_at(data, cuts)
    before = len(wire.requests)
    client = helpers.Client(api_key="sk-canary-properties-000000", base_url=wire.base_url, max_retries=0)
    s = client.stream("Hi")
    assert list(s) == pieces
    assert s.result.text == "".join(pieces) and s.result.finish_reason == "stop"
    assert len(wire.requests) == before + 1
    client.close()
