"""Values a text labels with the key's own words: "Total due: 3,480", "gate B22", "4 nights", "Policy PX-55120".

Whatever the kind of a key, the surest sign of its value is the key's words (or their everyday
synonyms, :data:`.key_lexicon.LABELS`) right before it ("Invoice no.: HF-2025-0417", "issue date is
2025-04-17", "seat 42A") or, for a count, right after it ("34 pages", "a 3-bedroom flat"). The value
is then read in the shape the key's kind wants: a number, a date, a code, a name, a clause.
"""
from __future__ import annotations

import re

from .field_kinds import Field, numeric_code
from .key_lexicon import LABELS, WEAK_HEADS, singular
from .text_source import Found, Source

__all__ = ["labelled", "value_at"]

_FILLER = {"number": r"(?:number|no\.?|nr\.?|#|num\.?)", "no": r"(?:no\.?|number|#|nr\.?)",
           "id": r"(?:id|number|#|no\.?)", "colour": r"colou?r", "color": r"colou?r", "num": r"(?:num|number|no\.?|#)"}
_SHORT = {"to", "from", "at", "for", "on", "by", "in", "of", "x", "h", "v", "call", "pay", "number", "contact", "date"}
_BOOL_NOISE = {"is", "has", "have", "can", "should", "would", "will", "was", "did", "does", "needs", "wants",
               "requires", "include", "includes", "allow", "allows", "are"}
_SEPARATOR = re.compile(r"[ \t]*(?:(?P<colon>[:=]|-(?=\s)|\u2013|\u2014|->)|(?P<verb>\b(?:is|was|are|were|of|at|on|"
                        r"by|for|will be|to)\b))?[ \t]*(?:(?:number|no\.?|nr\.?|#|id)\b[ \t]*:?[ \t]*)?")
_TWO_TOKEN_CODE = re.compile(r"#?([A-Z0-9][A-Z0-9-]{0,9}(?:[ \t][A-Z0-9]{2,7})?)(?![\w-])")


def _word_pattern(word: str) -> str:
    if word in _FILLER:
        return _FILLER[word]
    one = singular(word)
    stem = re.escape(one)
    return rf"{stem}(?:s|es)?" if len(one) > 2 else re.escape(word)


def label_patterns(f: Field) -> list[tuple[re.Pattern, float]]:
    """The ways a text may label this key's value, each with how sure a match of it is (1 surest)."""
    words = [w for w in f.words if not (f.kind == "boolean" and w in _BOOL_NOISE)]
    if "per" in words[1:]:  # "lessons_per_week": what is counted, not what it is counted against
        words = words[:words.index("per")]
    if not words:
        return []
    found: list[tuple[str, float]] = []
    if len(words) > 1:
        found.append((r"[\s_-]*".join(_word_pattern(w) for w in words), 1.0))
        if words[-1] in WEAK_HEADS or words[-1] in ("id", "code"):
            found.append((r"[\s_-]*".join(_word_pattern(w) for w in words[:-1]), 0.8))
    heads = [w for w in reversed(words) if w not in WEAK_HEADS]
    head = heads[0] if heads else words[-1]
    found.append((_word_pattern(head), 0.8 if len(words) > 1 else 1.0))
    for word in words:
        if word != head and len(word) > 2 and word not in WEAK_HEADS and len(words) > 1:
            found.append((_word_pattern(word), 0.6))
    for word in dict.fromkeys([head] + words + ["_".join(words)]):
        for synonym in LABELS.get(word, ()):
            found.append((r"\s+".join(re.escape(s) for s in synonym.split()), 0.65))
    out, seen = [], set()
    for pattern, sure in found:
        if pattern in seen:
            continue
        seen.add(pattern)
        short = pattern.replace("\\", "") in _SHORT or len(pattern.replace("\\", "")) <= 2
        out.append((re.compile(rf"(?<![\w@#-])(?:{pattern})(?![\w@-])", re.I), sure * (0.6 if short else 1.0)))
    return out


def labelled(f: Field, src: Source) -> list[Found]:
    """The values this text labels with the key's words, best first."""
    found = []
    for pattern, sure in label_patterns(f):
        for m in pattern.finditer(src.text):
            named = re.search(r"((?:[A-Z][\w'\u2019&-]*[ \t]+)+)$", src.text[max(0, m.start() - 60):m.start()])
            if named and m.group()[:1].isupper() and f.kind not in ("number", "count", "boolean"):
                # "Loch Arrin Park" for ``park``: the key's word ends a name, which is the value
                name = named.group(1) + m.group()
                if not src.sentence_start(m.start() - len(named.group(1))) or len(named.group(1).split()) > 1:
                    found.append(Found(name.strip(), m.start() - len(named.group(1)), m.end(), 4.0 * sure))
                continue
            sep = _SEPARATOR.match(src.text, m.end())
            strength = 4.0 if sep.group("colon") else 3.4 if sep.group("verb") else 3.0
            value = value_at(f, src, sep.end(), after_label=True)
            if value is not None:
                value.score = strength * sure
                found.append(value)
            if f.kind in ("number", "count"):  # "34 pages", "a 3-bedroom flat", "412 kWh"
                for n in src.nums:
                    gap = src.text[n.end:m.start()]
                    if 0 <= m.start() - n.end <= 3 and re.fullmatch(r"[ \t-]*", gap) and not n.money:
                        found.append(Found(n.value, n.start, n.end, 4.0 * sure))
    return sorted(found, key=lambda c: -c.score)


def value_at(f: Field, src: Source, at: int, after_label: bool = False) -> Found | None:
    """The value of the key's kind that starts at ``at`` (spaces, "the", a currency sign skipped), or None."""
    lead = re.match(r"[ \t]*(?:(?:the|a|an|about|around|approx\.?|approximately|just|only|up to|over|under|"
                    r"roughly|some)[ \t]+)*", src.text[at:at + 200], re.I)
    at += lead.end()
    kind = f.kind
    if kind in ("number", "count"):
        return _number_at(f, src, at)
    spans = {"email": (src.emails, 2), "url": (src.urls, 2), "phone": (src.phones, 3)}
    if kind in spans:
        return _starting(spans[kind][0], at, spans[kind][1])
    if kind in ("date", "day", "when", "time"):
        return _when_at(kind, src, at)
    quoted = [q for q in src.quotes if at <= q[1] <= at + 1] if after_label else []
    if quoted and kind in ("code", "text", "place", "org", "title", "product", "job", "name", "list"):
        return Found(quoted[0][0], quoted[0][1], quoted[0][2], 0.0)  # "with the reference 'March rent'"
    if kind == "code":
        return _code_at(f, src, at, after_label)
    if kind == "boolean":
        m = re.match(r"(yes|no|true|false|included|none|not included|on|off|y|n)\b", src.text[at:], re.I)
        return Found(m.group(1).lower() in ("yes", "true", "included", "on", "y"), at, at + m.end(), 0.0) if m else None
    if kind == "name":
        from .phrase_finders import _name_part, phrases

        return next((_name_part(f, p, 0.0) for p in phrases(src) if at <= p.start <= at + 8 and (
            p.person > -1.5 or after_label)), None)  # "Donor: St Aidan's Primary School" is the donor
    if kind in ("place", "org", "title", "product", "job", "text", "list") and after_label:
        return _phrase_at(kind, src, at)
    return None


def _starting(spans, at: int, slack: int = 2) -> Found | None:
    for item in spans:
        value, s, e = item[0], item[1], item[2]
        if at <= s <= at + slack:
            return Found(value, s, e, 0.0)
    return None


def _number_at(f: Field, src: Source, at: int) -> Found | None:
    raw = bool({"million", "millions", "thousand", "thousands", "billion", "billions"} & set(f.words))
    for n in src.nums:
        gap = src.text[at:n.start]
        if 0 <= n.start - at <= 6 and re.fullmatch(r"[ \t]*(?:[$\u20ac\u00a3\u00a5]|[A-Z]{3}[ \t]?)?[ \t]*", gap):
            return Found(n.raw if raw else n.value, n.start, n.end, 0.0)
    return None


def _when_at(kind: str, src: Source, at: int) -> Found | None:
    for spans in ([src.times, src.dates] if kind == "time" else [src.dates, src.times]):
        hit = _starting(spans, at, 4)
        if hit is not None:
            return hit
    if kind == "day":
        m = re.match(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)", src.text[at:], re.I)
        return Found(m.group(1).capitalize(), at, at + m.end(), 0.0) if m else None
    return None


def _code_at(f: Field, src: Source, at: int, after_label: bool) -> Found | None:
    hit = _starting(src.handles, at, 0) or _starting(src.versions, at, 1)
    if hit is not None:
        return hit
    m = _TWO_TOKEN_CODE.match(src.text, at)
    if not m:
        return None
    value = m.group(1)
    if re.fullmatch(r"\d{1,4}", value):
        return Found(int(value) if numeric_code(f) else value, m.start(1), m.end(1), 0.0)
    if re.search(r"\d", value) or re.fullmatch(r"[A-Z]{2,4}", value) and after_label:
        value = value.lstrip("#") if not {"hashtag", "handle"} & set(f.words) else value
        if " " in value and not (re.search(r"\d", value.split()[0]) or len(value.split()[0]) <= 3):
            value = value.split()[0]
        return Found(value, m.start(1), m.start(1) + len(value), 0.0)
    return None


def _phrase_at(kind: str, src: Source, at: int) -> Found | None:
    from .phrase_finders import clause_at

    quoted = [q for q in src.quotes if at <= q[1] <= at + 1]
    if quoted:
        return Found(quoted[0][0], quoted[0][1], quoted[0][2], 0.0)
    clause = clause_at(src, at, 6 if kind != "text" else 12)
    if clause is None:
        return None
    text, end = clause
    if re.fullmatch(r"\d{1,9}", text):  # "line 88": a number, not a string
        return Found(int(text), at, end, 0.0)
    if kind in ("place", "org", "title") and not text[:1].isupper() and not text[:1].isdigit():
        return None
    return Found(text, at, end, 0.0)
