"""A text read once for values: every e-mail, URL, phone number, date, time, code and number in it.

The finders (:mod:`.value_finders`, :mod:`.phrase_finders`, :mod:`.labelled_values`) pick among what
a :class:`Source` holds; each value they offer is a :class:`Found`: the value, where it was, and how
well it fits the field asked about. Each span is given to one kind only (a date is not also a
number, a phone number not also a code).

    src = Source("Call +47 912 34 567 before 14:30 on 2025-09-18.")
    src.phones, src.times, src.dates     # [('+47 912 34 567', 5, 19)], [('14:30', 27, 32)], [...]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .value_lexicon import NUMBER_WORDS

__all__ = ["Source", "Found", "Number", "MONTH", "ISO_DATE", "CAP_PHRASE", "TICKER", "overlaps"]

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s,;\"'<>()]+[^\s,;\"'<>().!?]"
                  r"|(?<![\w@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|uk|de|fr|nl|es|it|eu|dev|app|"
                  r"ai|example|info|biz|me|tv|us|ca|au|ch|at|be|se|no|dk|pl|pt|ie)\b(?![.@-]?\w)(?:/[^\s,;\"'<>()]*"
                  r"[^\s,;\"'<>().!?])?", re.I)
_PHONE = re.compile(r"(?<![\w.,-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,6}){1,4}(?![\w-])"
                    r"|(?<![\w.-])\+\d{7,14}\b")
ISO_DATE = r"\d{4}-\d{2}-\d{2}"
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|" \
        r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DATE = re.compile(rf"\b(?:{ISO_DATE}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}"
                   rf"(?:,?\s+\d{{4}})?|{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?![\d:])|(?:today|tomorrow|"
                   rf"tonight|yesterday|next week))\b", re.I)
_TIME = re.compile(r"\b(?:[01]?\d|2[0-3])[:h][0-5]\d(?::[0-5]\d(?![\d:]))?(?:\s*[ap]\.?m\b\.?)?"
                   r"|\b(?:1[0-2]|0?[1-9])\.[0-5]\d\s*[ap]\.?m\b\.?"
                   r"|\b(?:1[0-2]|0?[1-9])\s*[ap]\.?m\b\.?"
                   r"|\b(?:noon|midnight)\b"
                   r"|\b(?:[2-9]\d|\d{3}):[0-5]\d(?::[0-5]\d)?\b(?![:.]\d)", re.I)  # a duration: "38:12", "52:18"
_VERSION = re.compile(r"(?<![\w.])v?\d+\.\d+\.\d+(?:\.\d+)?(?![\w.]*\d)")
_IP = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]*\d)")
_HANDLE = re.compile(r"(?<![\w@#])[@#][A-Za-z_][\w]*")
_CODE = re.compile(r"(?<![\w@.,#/-])#?[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*(?![\w-]|[/.]\w|,\d)")
#: A code of two parts: "AB12 CDE", "SW1A 1AA" (a UK plate or postcode), "1015 CJ" (a Dutch postcode), "AY 482913".
_TWO_PART = re.compile(r"(?<![\w@#/-])(?:[A-Z]{1,2}\d{1,2}[A-Z]?[ \t]\d?[A-Z]{2,3}|\d{4}[ \t][A-Z]{2}"
                       r"|[A-Z]{2}[ \t]\d{4,6})(?![\w-])")
_UNIT_CAPS = {"GB", "MB", "KB", "TB", "AM", "PM", "KM", "CM", "MM", "HP", "KW", "MW", "ML", "KG", "UK", "US", "EU"}
_PAIR = re.compile(r"(?<![\w=])([A-Za-z][\w.-]{0,30})=(?!=)((?:[A-Z]\.[ \t]?[A-Z][a-z]+)|[^\s=,;]+)")
TICKER = re.compile(r"(?<![\w-])[A-Z]{2,5}(?![\w-])")
_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w]|\.\d)|(?<![\w.])\.\d+\b"
                     r"|(?<![\w.])\d+(?:\.\d+)?(?=[a-zA-Z%\u00b0])")
_SCALE = re.compile(r"\s*(million|billion|thousand|bn|k\b)", re.I)
_SCALES = {"million": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3, "k": 1e3}
_CAP_WORD = r"(?:[A-Z][a-z]*['\u2019][A-Z][a-z\u00e0-\u00ff]+|[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z\u00e0-\u00ff]+)?)"
CAP_PHRASE = re.compile(rf"{_CAP_WORD}(?:[ \t]+(?:{_CAP_WORD}|van|de|da|del|der|von|bin|al)){{0,3}}(?![\w-])")
_QUOTE = re.compile(r"[\"\u201c\u00ab]([^\"\u201c\u201d\u00ab\u00bb\n]{1,200})[\"\u201d\u00bb]"
                    r"|(?<![\w])['\u2018]([^'\u2018\u2019\n]{2,200})['\u2019](?![\w])")
#: Words as cues around a value: "3-bedroom" is 3 and "bedroom", "$9.99" is "$" and 9.99.
_CUE_WORD = re.compile(r"[A-Za-z\u00c0-\u00ff']+|[%$\u20ac\u00a3\u00a5\u00b0/@#]|\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[\w'\u2019%$\u20ac\u00a3\u00b0/.+-]+")
_CURRENCY_BEFORE = re.compile(r"(?:[$\u20ac\u00a3\u00a5]|\b(?:USD|EUR|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|INR)\s?)$")


@dataclass
class Found:
    """A value found in the text, where it was, and how well it fits the field asked about."""

    value: object
    start: int
    end: int
    score: float


@dataclass
class Number:
    """A number in the text: its value, where it was, the word after it (its unit) and before it."""

    value: float | int
    start: int
    end: int
    unit: str  # the word just after ("nights", "kg", "%", "bedroom" for "3-bedroom"), lowercased
    money: bool  # a currency sign or code next to it
    raw: float | int  # before a scale word ("1.7 million": raw 1.7, value 1700000)
    pair: str = ""  # "first" or "second" of a range or a score ("65,000-80,000", "3-1")
    implied: bool = False  # "a week", "an hour": one, said without a digit


class Source:
    """A text read once: every e-mail, phone, date, time, code and number in it, with where they are."""

    def __init__(self, text: str, whole: str = ""):
        self.text = text[:20_000]
        self.whole = (whole or text)[:20_000]  # the whole prompt: facts may be asked outside the source
        self.lower = self.text.lower()
        self.emails = _spans(_EMAIL, self.text, [])
        self.urls = _spans(_URL, self.text, self.emails)
        self.handles = _spans(_HANDLE, self.text, self.emails + self.urls)
        self.dates = _spans(_DATE, self.text, self.emails + self.urls)
        self.times = _spans(_TIME, self.text, self.emails + self.urls + self.dates)
        self.addresses = _spans(_IP, self.text, self.emails + self.urls + self.dates + self.times)
        self.versions = _spans(_VERSION, self.text, self.emails + self.urls + self.dates + self.times + self.addresses)
        taken = self.emails + self.urls + self.dates + self.times + self.versions + self.handles + self.addresses
        two = [c for c in _spans(_TWO_PART, self.text, taken) if c[0].split()[-1] not in _UNIT_CAPS
               and c[0].split()[0] not in _UNIT_CAPS]
        self.codes = sorted(two + self.addresses + [c for c in _spans(_CODE, self.text, taken + two)
                                                    if _is_code(c[0])], key=lambda c: c[1])
        self.phones = [(m.group().strip(), m.start(), m.end()) for m in _PHONE.finditer(self.text)
                       if _digits(m.group()) >= 7 and not overlaps(m.start(), m.end(), taken)
                       and not _looks_like_code(m.group())]
        self.codes = [c for c in self.codes if not overlaps(c[1], c[2], self.phones)]
        self.nums = self._numbers(taken + self.phones + [c for c in self.codes if not c[0].isdigit()])
        self.numbers = [(n.value, n.start, n.end) for n in self.nums]
        self.quotes = [((m.group(1) or m.group(2)).strip(), m.start(), m.end()) for m in _QUOTE.finditer(self.text)]
        self.words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(self.text)]
        self._cues = [(m.group().lower(), m.start()) for m in _CUE_WORD.finditer(self.text)]
        #: "cycle=delicates temp=30C signed=K. Adeyemi": each pair's key (lowercased), value and where it is
        self.pairs = [(m.group(1).lower(), v, m.start(2), m.start(2) + len(v))
                      for m in _PAIR.finditer(self.text) for v in [m.group(2).rstrip(".,;")]] + _table_pairs(self.text)
        self.cache: dict = {}  # what finders work out once per text (the proper-noun phrases)

    def _numbers(self, taken) -> list[Number]:
        found = []
        for m in _NUMBER.finditer(self.text):
            if overlaps(m.start(), m.end(), taken):
                continue
            raw = _to_number(m.group())
            end, value = m.end(), raw
            scale = _SCALE.match(self.text, end)
            word = scale.group(1).lower() if scale else ""
            if word in ("million", "billion", "thousand", "bn") or word == "k" and scale.group().startswith("k"):
                value, end = _whole(raw * _SCALES[word]), scale.end()
            found.append(Number(value, m.start(), end, self._unit(end), self._money(m.start(), end), raw))
        tens = "|".join(w for w, v in NUMBER_WORDS.items() if v in (20, 30, 40, 50, 60, 70, 80, 90))
        ones = "|".join(w for w, v in NUMBER_WORDS.items() if 1 <= v <= 9 and " " not in w and w not in ("single",))
        for m in re.finditer(rf"\b({tens})[- ]({ones})\b", self.text, re.I):  # "forty-five"
            if not overlaps(m.start(), m.end(), taken):
                value = NUMBER_WORDS[m.group(1).lower()] + NUMBER_WORDS[m.group(2).lower()]
                found.append(Number(value, m.start(), m.end(), self._unit(m.end()), False, value))
                taken = taken + [(m.group(), m.start(), m.end())]
        for m in re.finditer(r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b", self.text,
                             re.I):
            if not overlaps(m.start(), m.end(), taken):
                value = NUMBER_WORDS[m.group(1).lower()]
                found.append(Number(value, m.start(), m.end(), self._unit(m.end()), False, value))
        for m in re.finditer(r"\b(?:an?|one)\s+(week|day|hour|month|year|night|fortnight|dozen)\b", self.text, re.I):
            unit = m.group(1).lower()
            value, unit = (2, "weeks") if unit == "fortnight" else (12, "") if unit == "dozen" else (1, unit)
            if not overlaps(m.start(), m.end(), taken) and not any(n.start == m.start() for n in found):
                found.append(Number(value, m.start(), m.start() + len(m.group().split()[0]), unit, False, value,
                                    implied=True))
        found.sort(key=lambda n: n.start)
        for a, b in zip(found, found[1:]):  # "65,000-80,000", "3-1", "10 to 12", "between 5 and 8"
            gap = self.text[a.end:b.start]
            if re.fullmatch(r"\s*(?:-|\u2013|to|and)\s*", gap) and (gap.strip() != "and" or re.search(
                    r"\bbetween\s+$", self.text[max(0, a.start - 9):a.start])) and not a.pair:
                a.pair, b.pair = "first", "second"
                if not a.unit or a.unit in ("-", "to", "and"):
                    a.unit = b.unit
                a.money = a.money or b.money
        return found

    def _unit(self, end: int) -> str:
        after = re.match(r"(?:-|\s*)([A-Za-z%\u00b0][A-Za-z/\u00b0]*|%)", self.text[end:end + 24])
        return after.group(1).lower() if after else ""

    def _money(self, start: int, end: int) -> bool:
        before = self.text[max(0, start - 5):start]
        after = self.text[end:end + 14].lower()
        return bool(_CURRENCY_BEFORE.search(before) or re.match(
            r"\s*(?:[$\u20ac\u00a3]|usd|eur|gbp|chf|jpy|cad|aud|sek|nok|dkk|pln|inr|dollars?|euros?|pounds?|francs?|"
            r"yen|bucks)\b", after))

    def around(self, start: int, end: int, before: int = 4, after: int = 3) -> tuple[list[str], list[str]]:
        """The lowercased words just before and just after a span."""
        ahead = [w for w, s in self._cues if s < start][-before:]
        behind = [w for w, s in self._cues if s >= end][:after]
        return ahead, behind

    def sentence_start(self, at: int) -> bool:
        head = self.text[:at].rstrip()
        return not head or head[-1] in ".!?\n:-\u2014\"|(" or self.text[:at].endswith("\n")


def _table_pairs(text: str) -> list[tuple[str, str, int, int]]:
    """A plain-text table's header and first row as pairs: "JOB | CLIENT\nTR-881 | Oakmere Foods", or columns
    lined up with two spaces or more. (Which row a prompt means is left to the first.)"""
    lines = [(m.group(), m.start()) for m in re.finditer(r"[^\n]+", text)]
    for (head, _), (row, at) in zip(lines, lines[1:]):
        sep = r"[ \t]*\|[ \t]*" if head.count("|") >= 2 and row.count("|") == head.count("|") else \
            r"[ \t]{2,}" if len(re.split(r"[ \t]{2,}", head.strip())) >= 3 else None
        if sep is None:
            continue
        names = re.split(sep, head.strip().strip("|"))
        cells = [(c.group(), at + c.start()) for c in re.finditer(r"[^|]+?(?=[ \t]*(?:\||$))" if "|" in sep
                                                                 else r"\S+(?:[ \t]\S+)*", row)]
        cells = [(c.strip(), s + len(c) - len(c.lstrip())) for c, s in cells if c.strip()]
        if len(names) == len(cells) and not any(re.search(r"\d", n) for n in names):
            return [(n.strip().lower(), c, s, s + len(c)) for n, (c, s) in zip(names, cells)]
    return []


def _spans(pattern, text: str, taken) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in pattern.finditer(text) if not overlaps(m.start(), m.end(), taken)]


def _is_code(token: str) -> bool:
    """A reference, not a word or a plain number: it has a digit, and upper-case letters, a separator or 6+ digits."""
    body = token.lstrip("#")
    if not re.search(r"\d", body) or re.search(r"[a-z]", body):
        return False
    if re.fullmatch(r"\d+", body):
        return len(body) >= 6 or token.startswith("#")
    if re.fullmatch(r"\d+(?:[-/]\d+)+", body):  # "55-2901" a code, "3-1" a score, "6/4" a fraction
        return sum(c.isdigit() for c in body) >= 5 or body.count("-") >= 2
    return True


def _looks_like_code(text: str) -> bool:
    return bool(re.match(r"\s*97[89]-", text)) or text.count("-") >= 3


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def overlaps(start: int, end: int, spans) -> bool:
    return any(s < end and start < e for _, s, e in spans)


def _to_number(text: str) -> float | int:
    clean = text.replace(",", "")
    value = float(clean)
    return int(value) if value.is_integer() and "." not in clean else value


def _whole(value: float) -> float | int:
    return int(round(value)) if abs(value - round(value)) < 1e-6 else value
