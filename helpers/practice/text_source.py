"""A text read once for values: every e-mail, URL, phone number, date, time, code and number in it.

The finders (:mod:`helpers.practice.value_finders`, :mod:`helpers.practice.phrase_finders`) pick among
what a :class:`Source` holds; each value they offer is a :class:`Found`: the value, where it was, and
how well it fits the field asked about.

    src = Source("Call +47 912 34 567 before 14:30 on 2025-09-18.")
    src.phones, src.times, src.dates     # [('+47 912 34 567', 5, 19)], [('14:30', 27, 32)], [...]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .value_lexicon import NUMBER_WORDS

__all__ = ["Source", "Found", "MONTH", "ISO_DATE", "CAP_PHRASE", "TICKER", "overlaps"]

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s,;\"'<>()]+[^\s,;\"'<>().!?]")
_PHONE = re.compile(r"(?<![\w.-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w-])"
                    r"|(?<![\w.-])\+\d{7,14}\b")
ISO_DATE = r"\d{4}-\d{2}-\d{2}"
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|" \
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DATE = re.compile(rf"\b(?:{ISO_DATE}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}"
                   rf"(?:,?\s+\d{{4}})?|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|(?:today|tomorrow|"
                   rf"tonight|yesterday|next week))\b", re.I)
_TIME = re.compile(r"\b(?:[01]?\d|2[0-3])[:h][0-5]\d(?:\s*[ap]\.?m\b\.?)?|\b(?:1[0-2]|0?[1-9])\.[0-5]\d\s*[ap]\.?m\b\.?"
                   r"|\b(?:1[0-2]|0?[1-9])\s*[ap]\.?m\b\.?"
                   r"|\b(?:noon|midnight)\b", re.I)
_CODE = re.compile(r"(?<![\w@.-])(?:#\d{3,}|(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{2,}(?:-[A-Z0-9]+)*"
                   r"|\d{2,}-\d{2,}(?:-\d+)*|\d{6,})(?![\w@-])")
TICKER = re.compile(r"(?<![\w-])[A-Z]{2,5}(?![\w-])")
_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w])|(?<![\w.])\.\d+\b")
_CAP_WORD = r"(?:[A-Z][a-z]*['\u2019][A-Z][a-z\u00e0-\u00ff]+|[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z\u00e0-\u00ff]+)?)"
CAP_PHRASE = re.compile(rf"{_CAP_WORD}(?:[ \t]+(?:{_CAP_WORD}|van|de|da|del|der|von|bin|al)){{0,3}}(?![\w-])")
_QUOTE = re.compile(r"[\"\u201c\u00ab]([^\"\u201c\u201d\u00ab\u00bb\n]{1,200})[\"\u201d\u00bb]"
                    r"|(?<![\w])'([^'\n]{2,200})'(?![\w])")
#: Words as cues around a value: "3-bedroom" is 3 and "bedroom", "$9.99" is "$" and 9.99.
_CUE_WORD = re.compile(r"[A-Za-z\u00c0-\u00ff']+|[%$\u20ac\u00a3\u00b0/@]|\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[\w'\u2019%$\u20ac\u00a3\u00b0/.+-]+")


@dataclass
class Found:
    """A value found in the text, where it was, and how well it fits the field asked about."""

    value: object
    start: int
    end: int
    score: float


class Source:
    """A text read once: every e-mail, phone, date, time, code and number in it, with where they are."""

    def __init__(self, text: str, whole: str = ""):
        self.text = text[:20_000]
        self.whole = (whole or text)[:20_000]  # the whole prompt: facts may be asked outside the source
        self.emails = [(m.group(), m.start(), m.end()) for m in _EMAIL.finditer(self.text)]
        self.urls = [(m.group(), m.start(), m.end()) for m in _URL.finditer(self.text)]
        self.dates = [(m.group(), m.start(), m.end()) for m in _DATE.finditer(self.text)]
        self.times = [(m.group(), m.start(), m.end()) for m in _TIME.finditer(self.text)]
        taken = self.emails + self.urls + self.dates + self.times
        self.phones = [(m.group().strip(), m.start(), m.end()) for m in _PHONE.finditer(self.text)
                       if _digits(m.group()) >= 7 and not overlaps(m.start(), m.end(), taken)]
        self.codes = [(m.group(), m.start(), m.end()) for m in _CODE.finditer(self.text)
                      if not overlaps(m.start(), m.end(), taken + self.phones) and not _is_plain_number(m.group())]
        self.numbers = self._numbers(taken + self.phones + [c for c in self.codes if not c[0].isdigit()])
        self.quotes = [(m.group(1) or m.group(2), m.start(), m.end()) for m in _QUOTE.finditer(self.text)]
        self.words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(self.text)]
        self._cues = [(m.group().lower(), m.start()) for m in _CUE_WORD.finditer(self.text)]
        self.lower = self.text.lower()

    def _numbers(self, taken) -> list[tuple[float, int, int]]:
        found = []
        for m in _NUMBER.finditer(self.text):
            if not overlaps(m.start(), m.end(), taken):
                found.append((_to_number(m.group()), m.start(), m.end()))
        for m in re.finditer(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", self.text, re.I):
            found.append((NUMBER_WORDS[m.group(1).lower()], m.start(), m.end()))
        return sorted(found, key=lambda f: f[1])

    def around(self, start: int, end: int, before: int = 4, after: int = 3) -> tuple[list[str], list[str]]:
        """The lowercased words just before and just after a span."""
        ahead = [w for w, s in self._cues if s < start][-before:]
        behind = [w for w, s in self._cues if s >= end][:after]
        return ahead, behind

    def sentence_start(self, at: int) -> bool:
        return not self.text[:at].strip() or self.text[:at].rstrip()[-1] in ".!?\n:-\u2014\"" or \
            self.text[:at].endswith("\n")


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def overlaps(start: int, end: int, spans) -> bool:
    return any(s < end and start < e for _, s, e in spans)


def _is_plain_number(text: str) -> bool:
    return text.isdigit() and len(text) < 6


def _to_number(text: str) -> float | int:
    clean = text.replace(",", "")
    value = float(clean)
    return int(value) if value.is_integer() and "." not in clean else value
