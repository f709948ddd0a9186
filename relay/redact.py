"""Keep the upstream key out of everything the relay sends or writes: no piece of it longer than 4 characters.

An upstream that echoes the key (in an error body, a header, the middle of a stream) must not
hand it to a learner. Every byte from the upstream passes through ``Redactor`` first.
Hand-written because the pieces of one secret are what matter here, not a list of patterns.
"""
from __future__ import annotations

import re

PIECE = 5  # the shortest piece of the key that is never let through
MASK = b"****"


class Redactor:
    """Replaces every piece of ``secret`` of PIECE or more characters with ****."""

    def __init__(self, secret: str):
        raw = secret.encode("utf-8")
        self._secret = raw
        pieces = sorted({raw[i:i + PIECE] for i in range(max(0, len(raw) - PIECE + 1))}, key=len, reverse=True)
        # Longest-first alternation of the key's 5-byte windows; a longer piece is removed 5 bytes at a time.
        self._pattern = re.compile(b"|".join(re.escape(p) for p in pieces)) if pieces else None

    def bytes(self, data: bytes) -> bytes:
        """``data`` with every piece of the key masked."""
        if self._pattern is None or not data:
            return data
        return self._pattern.sub(MASK, data)

    def text(self, value: str) -> str:
        """The same for text."""
        if self._pattern is None or not value:
            return value
        return self.bytes(value.encode("utf-8", "surrogatepass")).decode("utf-8", "replace")

    def stream(self) -> "StreamRedactor":
        """A redactor for one stream, which catches a key split across reads."""
        return StreamRedactor(self)

    def holds(self, tail: bytes) -> bool:
        """True when ``tail`` could be the start of a piece of the key (so it must wait for more bytes)."""
        return bool(tail) and tail in self._secret


class StreamRedactor:
    """The same for a stream cut into arbitrary reads: a key split across two reads is caught too.

    Only a tail that could begin a piece of the key is held back (at most 4 bytes); an SSE event
    ends in a line break, which no key contains, so events are never delayed.
    """

    def __init__(self, redactor: Redactor):
        self._r = redactor
        self._pending = b""

    def feed(self, chunk: bytes) -> bytes:
        """The next chunk, redacted; a tail that could begin a piece of the key waits for the next."""
        data = self._r.bytes(self._pending + chunk)
        keep = 0
        for k in range(min(PIECE - 1, len(data)), 0, -1):
            if self._r.holds(data[-k:]):
                keep = k
                break
        self._pending = data[len(data) - keep:] if keep else b""
        return data[: len(data) - keep] if keep else data

    def flush(self) -> bytes:
        """What was held back, at the stream's end."""
        rest, self._pending = self._pending, b""
        return rest
