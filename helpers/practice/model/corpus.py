"""The practice model's text: its token rules and the corpus files it learns from.

A practice token is a word (inner apostrophes and hyphens kept: ``Fisherman's``, ``well-known``),
a number (``14:10``, ``2.7``, ``800,000``), an inline code span in backticks, a single punctuation
mark, or a line break (``"\\n"``) or paragraph break (``"\\n\\n"``). A *piece* is what a stream
sends: a token with the whitespace in front of it.

The corpus lives in ``helpers/practice/corpus/*.txt``, one file per topic::

    # cities: cities and travel, San Francisco above all      <- name: description
    # keywords: city, cities, travel                           <- words that pick the whole file
    # layout: lines                                            <- optional: keep line breaks (poems)
    # language: fr                                             <- optional: another language's model
    ## Golden Gate Bridge | golden gate bridge, bridge         <- a section and its keywords
    A paragraph: one block of lines, read as one answer.

A section titled "X, again" continues the subject of section "X" (more paragraphs, other
keywords): the two are one subject wherever the kit groups sections. ``unknown.txt`` holds what
the practice model says of a question its text does not cover; no prompt's words pick it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

PARAGRAPH = "\n\n"
LINE = "\n"

#: One practice token (see the module docstring); whitespace between tokens is dropped.
_TOKEN = r"`[^`\n]{1,80}`|\d+(?:[.,:]\d+)*[A-Za-z]*(?:-\w+)*|\w+(?:['\u2019-]\w+)*|[^\w\s]"
TOKEN = re.compile(_TOKEN)
#: A text cut into pieces without losing a character: line breaks on their own (as the model writes
#: them), every token with the other whitespace before it, and trailing whitespace on the last piece.
_PIECE = re.compile(rf"[^\S\n]*\n\n?|[^\S\n]*(?:{_TOKEN})")

_NO_SPACE_BEFORE = set(",.;:!?)]}%/\u201d\u2019")
_NO_SPACE_AFTER = set("([{/$\u201c\u2018\u00bf\u00a1")
SENTENCE_ENDS = frozenset(".!?")


def tokenize(text: str) -> list[str]:
    """The practice tokens of a text: ``"It's 14:10."`` gives ``["It's", "14:10", "."]``."""
    return TOKEN.findall(text)


def split_pieces(text: str) -> list[str]:
    """The pieces a text streams as; ``"".join(split_pieces(t)) == t`` for every text."""
    pieces = _PIECE.findall(text)
    used = sum(map(len, pieces))
    if used < len(text):  # whitespace after the last token (or a text of whitespace only)
        if pieces:
            pieces[-1] += text[used:]
        else:
            pieces = [text]
    return pieces


def separator(previous: str | None, token: str) -> str:
    """The whitespace that goes in front of ``token`` when it follows ``previous`` in generated text."""
    if previous is None or previous in (PARAGRAPH, LINE) or token in (PARAGRAPH, LINE):
        return ""
    if token in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
        return ""
    return " "


@dataclass(frozen=True)
class Section:
    """One ``##`` section of a corpus file: the unit that a prompt's topic selects."""

    topic: str  # the file's name, such as "cities"
    title: str
    keywords: tuple[str, ...]
    topic_keywords: tuple[str, ...]
    language: str
    paragraphs: tuple[tuple[str, ...], ...]  # each paragraph as its tokens
    verse: bool = False  # line breaks kept (a file with "# layout: lines")


_AGAIN = re.compile(r",\s*again$")


def subject_title(title: str) -> str:
    """The subject a section's title names: "Functions, again" continues "Functions"."""
    return _AGAIN.sub("", title)


def parse_corpus_file(text: str) -> list[Section]:
    """The sections of one corpus file (format in the module docstring)."""
    header: dict[str, str] = {}
    sections: list[Section] = []
    title, keywords, blocks = "", (), []

    def close() -> None:
        if title:
            sections.append(_section(header, title, keywords, blocks))

    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.strip().splitlines()
        while lines and lines[0].startswith("# ") and not title:  # the header: "# name: description" first
            key, _, value = lines.pop(0)[2:].partition(":")
            header.update({key.strip(): value.strip()} if header else {"topic": key.strip()})
        if lines and lines[0].startswith("## "):
            close()
            head, _, kws = lines.pop(0)[3:].partition("|")
            title, keywords, blocks = head.strip(), _keywords(kws), []
        if lines:
            blocks.append(lines)
    close()
    return sections


def _keywords(text: str) -> tuple[str, ...]:
    return tuple(" ".join(tokenize(k.lower())) for k in text.split(",") if k.strip())


def _section(header: dict[str, str], title: str, keywords: tuple[str, ...], blocks: list[list[str]]) -> Section:
    keep_lines = header.get("layout", "") == "lines"
    paragraphs = []
    for lines in blocks:
        tokens: list[str] = []
        for i, line in enumerate(lines):
            if i and keep_lines:
                tokens.append(LINE)
            tokens += tokenize(line)
        paragraphs.append(tuple(tokens))
    return Section(header.get("topic", "?"), title, keywords, _keywords(header.get("keywords", "")),
                   header.get("language", "en"), tuple(paragraphs), keep_lines)


@functools.cache
def load_sections() -> tuple[Section, ...]:
    """Every section of every corpus file shipped with the kit, in file-name order (read once)."""
    folder = resources.files("helpers.practice.model") / "corpus"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)
    return tuple(s for f in files for s in parse_corpus_file(f.read_text(encoding="utf-8")))
