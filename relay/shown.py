"""Text a learner chose (a model name, a code's last characters), made safe to show the instructor.

In a terminal, control characters are shown escaped (``\\x1b``): an escape sequence in a model name
must not clear the screen or write the clipboard (OSC 52) when ``relay report`` prints it. In a CSV
opened by a spreadsheet, a cell that could run as a formula is neutralised as OWASP's CSV injection
guidance says (https://owasp.org/www-community/attacks/CSV_Injection): no cell begins with ``=``,
``+``, ``-``, ``@``, tab, carriage return or line feed (a single quote goes first), and every cell
is quoted with its quotes doubled, so no separator or quote inside it starts a new cell.
"""
from __future__ import annotations

#: What a spreadsheet may take as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def escaped(text: str, keep: str = "") -> str:
    """``text`` with every control, format or separator character but the space (and those in ``keep``)
    written as its Python escape: ``\\x1b``, ``\\u202e``."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in keep else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def spreadsheet_cell(value):
    """A CSV cell for ``value``: numbers as they are; text escaped, and led by a single quote when it would
    otherwise start with a formula character. Write the rows with ``csv.QUOTE_ALL``."""
    if not isinstance(value, str):
        return value
    text = escaped(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
