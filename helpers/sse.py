"""An incremental parser for server-sent events, right on the wire's hard cases.

Feed it bytes as they arrive, in any split; it yields complete events. It decodes UTF-8
itself (whatever the charset header says), keeps multi-byte characters split across
reads intact, splits lines only on CR, LF and CRLF (never on U+2028 and friends), and
follows the WHATWG rules for comments, ``event:``/``id:``/``retry:`` fields and
multi-line ``data:``.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Iterator


_LINE_END = re.compile("\r\n|\r|\n")


@dataclass
class Event:
    """One dispatched event: its type (default "message"), data, last id, retry (ms)."""

    data: str
    event: str = "message"
    id: str | None = None
    retry: int | None = None


class SSEDecoder:
    """Turn a byte stream into :class:`Event` objects; call :meth:`feed` per read, :meth:`close` at EOF."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._buffer = ""
        self._pending_cr = False
        self._data: list[str] = []
        self._event = ""
        self._retry: int | None = None
        self._at_start = True
        self.last_event_id: str | None = None

    def feed(self, chunk: bytes) -> Iterator[Event]:
        """Events completed by this chunk of bytes."""
        return self._lines(self._decoder.decode(chunk))

    def close(self) -> Iterator[Event]:
        """End of stream: an unfinished line or event is discarded, as the spec says."""
        yield from self._lines(self._decoder.decode(b"", final=True))
        self._buffer, self._data, self._event = "", [], ""

    def _lines(self, text: str) -> Iterator[Event]:
        if self._at_start and text:
            self._at_start = False
            if text[0] == "\ufeff":  # one leading byte order mark is ignored (WHATWG)
                text = text[1:]
        if not text:
            return
        if self._pending_cr:
            self._pending_cr = False
            if text[0] == "\n":  # the LF of a CRLF split across reads
                text = text[1:]
        buf = self._buffer + text
        lines = _LINE_END.split(buf)
        self._buffer = lines.pop()  # what follows the last line end is not a line yet
        self._pending_cr = buf.endswith("\r")
        for line in lines:
            yield from self._line(line)

    def _line(self, line: str) -> Iterator[Event]:
        if not line:
            # A block with at least one data line dispatches, even an empty one ("data:" gives data "").
            if self._data:
                yield Event("\n".join(self._data), self._event or "message", self.last_event_id, self._retry)
            self._data, self._event = [], ""
            return
        if line[0] == ":":
            return  # a comment, such as ": PROCESSING" or a keep-alive
        name, sep, value = line.partition(":")
        if sep and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            if "\0" not in value:
                self.last_event_id = value
        elif name == "retry":
            if value.isascii() and value.isdigit():  # ASCII digits only: "²".isdigit() is True too
                self._retry = int(value)
        # any other field name is ignored


def iter_events(chunks) -> Iterator[Event]:
    """Events from an iterable of byte chunks (a convenience for tests and lessons)."""
    decoder = SSEDecoder()
    for chunk in chunks:
        yield from decoder.feed(chunk)
    yield from decoder.close()
