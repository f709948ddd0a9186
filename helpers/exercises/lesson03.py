"""Exercises for lesson 03 (streaming by hand).

    from helpers.exercises.lesson03 import q1, q2, q3
"""
from __future__ import annotations

import json
from typing import Any

from ..model_ids import SMALL_MODEL
from . import Exercise, Incorrect
from ._checking import run_learner


def _chunk(delta: dict | None = None, *, finish: str | None = None, usage: dict | None = None,
           no_choices: bool = False) -> str:
    """One ``data:`` line of a chat.completion.chunk, as the server sends it (UTF-8, not escaped)."""
    data: dict[str, Any] = {"id": "chatcmpl-ex03", "object": "chat.completion.chunk", "created": 1762343744,
                            "model": SMALL_MODEL}
    data["choices"] = [] if no_choices else [{"index": 0, "delta": delta or {}, "finish_reason": finish}]
    if usage is not None:
        data["usage"] = usage
    return "data: " + json.dumps(data, ensure_ascii=False)


# --- q1: one line -----------------------------------------------------------------------

#: (what the line is, the line, the pieces a right answer may return)
LINE_CASES = (
    ("a chunk with text", _chunk({"content": "Hello"}), ("Hello",)),
    ("a chunk whose text starts with a space", _chunk({"content": " world"}), (" world",)),
    ("a comment line", ": PROCESSING", (None,)),
    ("an empty line (the end of an event)", "", (None,)),
    ("the end marker", "data: [DONE]", (None,)),
    ("a role-only delta (the first chunk)", _chunk({"role": "assistant", "content": ""}), (None, "")),
    ("a role-only delta without content", _chunk({"role": "assistant"}), (None,)),
    ("the last chunk (finish_reason, empty delta)", _chunk({}, finish="stop"), (None,)),
    ("a chunk whose content is null", _chunk({"content": None}), (None,)),
    ("a usage chunk with no choices", _chunk(no_choices=True, usage={"prompt_tokens": 5, "completion_tokens": 9,
                                                                     "total_tokens": 14}), (None,)),
    ("an `event:` field line", "event: message", (None,)),
    ("an `id:` field line", "id: 7", (None,)),
    ("a data line without a space after the colon", _chunk({"content": "tight"}).replace("data: ", "data:", 1),
     ("tight",)),
    ("a chunk whose text mentions [DONE]", _chunk({"content": "data: [DONE] is the end marker"}),
     ("data: [DONE] is the end marker",)),
    ("a chunk with non-ASCII text", _chunk({"content": "Café ☕ — naïve"}), ("Café ☕ — naïve",)),
)


def _show_line(line: str) -> str:
    """A line as a failure message shows it: whole when short, its start otherwise."""
    return repr(line) if len(line) <= 50 else repr(line[:47]) + "..."


def _parse_tip(exc: Exception) -> str:
    if isinstance(exc, ValueError):
        return "Only `data:` lines carry JSON, and `[DONE]` is not JSON: check before calling json.loads."
    if isinstance(exc, (KeyError, IndexError, TypeError, AttributeError)):
        return "Not every chunk has choices, a delta, or content: use .get() and check for None and []."
    return ""


def _check_parse_sse_line(parse_sse_line: Any) -> str:
    if not callable(parse_sse_line):
        raise Incorrect("`parse_sse_line` should be a function: `def parse_sse_line(line): ...`.")
    for label, line, allowed in LINE_CASES:
        got = run_learner(parse_sse_line, "parse_sse_line", line, situation=f"{label} ({_show_line(line)})",
                          tip=_parse_tip)
        if got in allowed and type(got) is type(allowed[allowed.index(got)]):
            continue
        want_text = allowed[0] is not None
        if not want_text:
            raise Incorrect(f"For {label} ({_show_line(line)}), parse_sse_line returned {got!r:.60}; "
                            "that line carries no text, so return None.")
        if isinstance(got, str) and got.strip() == allowed[0].strip():
            raise Incorrect(f"For {label}, parse_sse_line returned {got!r}: spaces are part of the text "
                            "(they separate words across pieces), so do not strip them.")
        raise Incorrect(f"For {label} ({_show_line(line)}), parse_sse_line returned {got!r:.60}, "
                        "not the delta's content.")
    return "Text comes out of content chunks; comments, blank lines, [DONE], role-only and usage chunks give None."


q1 = Exercise(
    name="Parse one line",
    prompt="Write `parse_sse_line(line)`: the text piece a stream line carries (`choices[0].delta.content`), "
           "or None when it carries none.",
    variables=("parse_sse_line",),
    checker=_check_parse_sse_line,
    hints=[
        "Only lines that start with `data:` matter. Everything else (comments starting with ':', blank lines, "
        "`event:` and `id:` fields) gives None.",
        "After `data:` (and one optional space) comes either `[DONE]` or JSON: "
        "compare with '[DONE]' before json.loads.",
        "Chunks without text exist: `choices` can be [], `delta` can be {} or hold only a role, `content` can be null. "
        "Use `.get(...)` and return None when there is nothing.",
    ],
    solution_code='''
import json

def parse_sse_line(line):
    if not line.startswith("data:"):
        return None                      # comments, blank lines, event:/id: fields
    payload = line[len("data:"):]
    if payload.startswith(" "):
        payload = payload[1:]
    if payload == "[DONE]":
        return None
    chunk = json.loads(payload)
    choices = chunk.get("choices") or []
    if not choices:
        return None                      # e.g. the usage chunk
    delta = choices[0].get("delta") or {}
    return delta.get("content") or None
''',
)


# --- q2: a whole stream -----------------------------------------------------------------

def _stream(lines: list[str], newline: str = "\n") -> bytes:
    return "".join(line + newline for line in lines).encode("utf-8")


def _events(pieces: list[str], *, comments: bool = False) -> list[str]:
    lines = [_chunk({"role": "assistant", "content": ""}), ""]
    for i, piece in enumerate(pieces):
        if comments and i % 2 == 0:
            lines += [": PROCESSING", ""]
        lines += [_chunk({"content": piece}), ""]
    lines += [_chunk({}, finish="stop"), "",
              _chunk(no_choices=True, usage={"prompt_tokens": 4, "completion_tokens": len(pieces),
                                             "total_tokens": 4 + len(pieces)}), "",
              "data: [DONE]", ""]
    return lines


#: (label, raw bytes, the full text)
STREAM_CASES = (
    ("a plain stream", _stream(_events(["Hello", ",", " world", "!"])), "Hello, world!"),
    ("a stream with CRLF line ends and comments",
     _stream(_events(["Fog", " rolls", " in."], comments=True), "\r\n"), "Fog rolls in."),
    ("a stream with non-ASCII text", _stream(_events(["Café", " ☕", " — naïve", " résumé"])),
     "Café ☕ — naïve résumé"),
    ("a stream whose text contains U+2028 (LINE SEPARATOR)",
     _stream(_events(["line one", "\u2028line two", " and more"])), "line one\u2028line two and more"),
    ("a stream with a stray chunk after [DONE]",
     _stream(_events(["Done", " here."]) + [_chunk({"content": " IGNORED"}), ""]), "Done here."),
)


_STREAM_TIPS = {
    "a stream with CRLF line ends and comments": "Lines may end with \\r\\n (or a lone \\r), not only \\n: "
                                                  "split on all three.",
}


def _check_assemble(assemble: Any) -> str:
    if not callable(assemble):
        raise Incorrect("`assemble` should be a function: `def assemble(raw): ...` taking bytes, returning a string.")
    for label, raw, want in STREAM_CASES:
        tip = _STREAM_TIPS.get(label, "")
        try:
            got = assemble(raw)
        except UnicodeDecodeError as exc:
            raise Incorrect(f"For {label}, assemble raised UnicodeDecodeError ({exc.reason}): which encoding do the "
                            "bytes use?") from None
        except Exception as exc:
            if "\u2028" in want:
                raise Incorrect(f"For {label}, assemble raised {type(exc).__name__}: a line was cut in the middle of "
                                "its JSON. `str.splitlines()` and `iter_lines()` also split at U+2028; split only on "
                                "\\r\\n, \\r and \\n.") from None
            raise Incorrect(f"For {label}, assemble raised {type(exc).__name__}: {exc}. "
                            + (tip or "If parse_sse_line passed its check, look at how the bytes become lines.")
                            ) from None
        if isinstance(got, bytes):
            raise Incorrect(f"For {label}, assemble returned bytes; decode them and return the text as a string.")
        if not isinstance(got, str):
            raise Incorrect(f"For {label}, assemble returned {type(got).__name__}; "
                            "return the whole text as one string.")
        if got == want:
            continue
        if "Ã" in got or "â" in got:
            raise Incorrect(f"For {label}, the result has garbled characters ({got!r:.50}), as in trap 1: the bytes "
                            "were decoded with the wrong encoding. Streams from this API are UTF-8.")
        if "IGNORED" in got:
            raise Incorrect(f"For {label}, the result includes text sent after `data: [DONE]`: stop reading there.")
        if "\u2028" in want:
            raise Incorrect(f"For {label}, the result is {got!r}: a piece got lost or broken. `str.splitlines()` and "
                            "`iter_lines()` also split at U+2028; split only on \\r\\n, \\r and \\n.")
        if "\r" in got:
            raise Incorrect(f"For {label}, the result contains a carriage return: lines may end with \\r\\n or \\r, "
                            "not only \\n.")
        raise Incorrect(f"For {label}, assemble returned {got!r:.60}, not the whole answer in order. {tip}".rstrip())
    return "UTF-8 decoded by hand, lines split only on CR/LF, pieces joined, reading stops at [DONE]."


q2 = Exercise(
    name="Assemble a stream",
    prompt="Write `assemble(raw)`: from the raw bytes of a whole stream, return the full answer (use your "
           "`parse_sse_line`).",
    variables=("assemble",),
    checker=_check_assemble,
    hints=[
        "Three steps: bytes → text (which encoding?), text → lines, lines → pieces with parse_sse_line.",
        "SSE allows three line ends (CR LF, a lone CR, a lone LF) and no others; `str.splitlines()` also splits "
        "at U+2028 and friends. The `re` module can split on alternatives.",
        "Stop at the line `data: [DONE]`; join the pieces with `\"\".join(...)`.",
    ],
    solution_code='''
import re

def assemble(raw):
    text = raw.decode("utf-8")
    pieces = []
    for line in re.split(r"\\r\\n|\\r|\\n", text):
        if line == "data: [DONE]":
            break
        piece = parse_sse_line(line)
        if piece:
            pieces.append(piece)
    return "".join(pieces)
''',
)


# --- q3: undo a wrong decoding ----------------------------------------------------------

_ORIGINALS = ("Café", "Hello", "☕ naïve — “quoted”", "", "Grüße aus Köln")


def _garble(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _check_undo_latin1(undo_latin1: Any) -> str:
    if not callable(undo_latin1):
        raise Incorrect("`undo_latin1` should be a function: `def undo_latin1(text): ...` returning a string.")
    for original in _ORIGINALS:
        garbled = _garble(original)
        got = run_learner(undo_latin1, "undo_latin1", garbled, situation=f"the text {garbled!r}")
        if got == original:
            continue
        if isinstance(got, bytes):
            raise Incorrect(f"undo_latin1({garbled!r}) returned bytes: one more step turns them into text.")
        if got == garbled and original != garbled:
            raise Incorrect(f"undo_latin1({garbled!r}) returned its input unchanged.")
        if got == _garble(garbled):
            raise Incorrect(f"undo_latin1({garbled!r}) returned {got!r}: even more garbled. You went the wrong way "
                            "round: swap the two encodings.")
        raise Incorrect(f"undo_latin1({garbled!r}) returned {got!r:.60}, not the original text.")
    return "Latin-1 turns the text back into the exact bytes, and UTF-8 reads them right."


q3 = Exercise(
    name="Undo a wrong decoding",
    prompt="Write `undo_latin1(text)`: given text that was UTF-8 bytes decoded as ISO-8859-1 (Latin-1), "
           "return the text it should have been.",
    variables=("undo_latin1",),
    checker=_check_undo_latin1,
    hints=[
        "Latin-1 maps every byte to one character and back, so no information was lost: first get the bytes back.",
        "Two steps: a str method that takes an encoding turns the text into bytes, and a bytes method that takes "
        "one turns bytes into text. Which encoding did the server write, and which one mangled it?",
    ],
    solution_code='''
def undo_latin1(text):
    return text.encode("latin-1").decode("utf-8")
''',
)

__all__ = ["q1", "q2", "q3", "LINE_CASES", "STREAM_CASES"]
