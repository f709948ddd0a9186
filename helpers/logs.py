"""See what the kit does behind a call: its retry log, one short line per retry, as it happens.

    with helpers.show_retries():
        helpers.chat("Hi")          # prints e.g. "retry 1 of 2 in 0.48 s after 503"

    retries = helpers.show_retries()   # or on for the rest of the session, until retries.stop()

The lines come from the ``helpers`` logger, where the client records each retry at INFO level;
``.lines`` keeps what was shown. Other INFO records of the kit (a batch slowing down after a 429)
are shown as they are.
"""
from __future__ import annotations

import logging
import sys
from typing import IO, Any

LOGGER_NAME = "helpers"
#: The client's record of one retry: method, path, wait in seconds, status or error, retry n of max.
RETRY_RECORD = "Retrying %s %s in %.2f s after %s (retry %d of %d)"
#: The stream's record of a stream sent again after it broke before any text: wait, retry n of max.
STREAM_RETRY_RECORD = "Stream cut before any text; sending it again in %.2f s (retry %d of %d)"


def retry_line(record: logging.LogRecord) -> str:
    """The short line a record is shown as: ``retry 1 of 2 in 0.48 s after 503`` for a retry."""
    args = record.args if isinstance(record.args, tuple) else ()
    try:
        if record.msg == RETRY_RECORD and len(args) == 6:
            _method, _path, wait, cause, number, limit = args
            return f"retry {number} of {limit} in {wait:.2f} s after {cause}"
        if record.msg == STREAM_RETRY_RECORD and len(args) == 3:
            wait, number, limit = args
            return f"retry {number} of {limit} in {wait:.2f} s after a stream cut before any text"
    except (TypeError, ValueError):
        pass  # a record of another shape: shown as it is, below
    return record.getMessage()


class _Lines(logging.Handler):
    def __init__(self, lines: list[str], file: IO[str] | None):
        super().__init__(logging.INFO)
        self.lines, self.file = lines, file

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = retry_line(record)
            self.lines.append(line)
            # sys.stdout looked up now, not at creation: a notebook kernel swaps it per cell.
            print(line, file=self.file or sys.stdout, flush=True)
        except Exception:  # a log line must never break the call it describes
            self.handleError(record)


class show_retries:
    """Print the kit's retry log until the ``with`` block ends (or until :meth:`stop`).

    ``lines`` holds every line shown. ``file`` (default: standard output) is where they go.
    """

    def __init__(self, *, file: IO[str] | None = None):
        self.lines: list[str] = []
        self._logger = logging.getLogger(LOGGER_NAME)
        self._handler: _Lines | None = _Lines(self.lines, file)
        self._level = self._logger.level
        if self._logger.getEffectiveLevel() > logging.INFO:
            self._logger.setLevel(logging.INFO)
        self._logger.addHandler(self._handler)

    def stop(self) -> None:
        """Stop showing the log, and put the logger's level back."""
        if self._handler is not None:
            self._logger.removeHandler(self._handler)
            self._logger.setLevel(self._level)
            self._handler = None

    def __enter__(self) -> "show_retries":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "on" if self._handler is not None else "off"
        return f"<show_retries {state}: {len(self.lines)} line{'s' if len(self.lines) != 1 else ''} shown>"


__all__ = ["show_retries", "retry_line", "RETRY_RECORD"]
