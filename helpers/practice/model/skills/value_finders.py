"""Finders for values with a shape: e-mails, phones, codes, dates, times, numbers, yes/no, a choice, a currency.

Each finder takes the field asked about, the :class:`.text_source.Source` and the options the prompt
lists, and returns what the text offers for that field (``Found`` values, with a score: how well each
fits). A value close to the key's own words scores higher ("Score: 91" for ``score``, "34 pages" for
``pages``); a number's unit must suit the key ("45 minutes" is no ``weight_kg``). Words and phrases
(names, places, titles) are :mod:`helpers.practice.model.skills.phrase_finders`'.
"""
from __future__ import annotations

import datetime
import re

from .code_tables import table_for
from .field_kinds import Field, numeric_code
from .key_lexicon import LABELS, PEOPLE_WORDS, UNIT_WORDS, YEAR_WORDS, singular, unit_of
from .prompt_reading import Option
from .text_source import ISO_DATE, MONTH, TICKER, Found, Source
from .value_lexicon import (ASSOCIATIONS, CURRENCIES, DAYS, GENERIC, LANGUAGE_NAMES, LANGUAGE_WORDS, MONTHS,
                            NEGATIVE, NEGATIVE_FORMS, POSITIVE, POSITIVE_FORMS, ROOMS, SCALES, STOP, SYNONYMS,
                            UNHURRIED,
                            URGENT, VALUE_SYNONYMS, common_words, stem)

__all__ = ["FINDERS", "answered", "choose_option", "read_options", "near_key", "iso_date", "clock_time", "wants_iso",
           "wants_clock"]

_ALL_UNITS = {form for forms in UNIT_WORDS.values() for form in forms}


def near_key(f: Field, src: Source, start: int, end: int, extra=()) -> float:
    """How close a span is to the key's words or their labels (0 to 2): "Score: 91", "91 points"."""
    ahead, behind = src.around(start, end, 4, 2)
    words = {stem(w) for w in f.words if len(w) > 1} | {stem(w) for w in extra}
    for word in f.words:
        for label in LABELS.get(word, ()):
            words |= {stem(w) for w in label.split() if len(w) > 2}
    if not words:
        return 0.0
    before = [i for i, w in enumerate(reversed(ahead)) if stem(w) in words]
    after = [i for i, w in enumerate(behind) if stem(w) in words]
    if after and any(w in ("and", "then", "but", "or") for w in behind[:after[0]]):
        after = []  # "on 2025-02-11 and discharged": the word after a conjunction labels what follows it
    best = min([2 * i for i in before] + [2 * i + 1 for i in after], default=None)
    return 0.0 if best is None else max(0.3, 2.0 - 0.35 * best)


def _plain(items, f, src, base=1.0):
    return [Found(v, s, e, base + near_key(f, src, s, e) - 0.01 * i) for i, (v, s, e) in enumerate(items)]


def _email(f, src, options):
    return _plain(src.emails, f, src, 2.0)


def _phone(f, src, options):
    return _plain(src.phones, f, src, 2.0)


def _url(f, src, options):
    return _plain(src.urls, f, src, 2.0)


def _code(f, src, options):
    words = set(f.words)
    table = table_for(f.description)
    if table:
        return _coded(f, src, table)
    found = [Found(v.lstrip("#") if not {"hashtag", "handle", "tag"} & words else v, s, e,
                   1.0 + near_key(f, src, s, e) - (0.8 if _in_a_name(src, s, e) and not near_key(f, src, s, e)
                                                   else 0.0))
             for v, s, e in src.codes]
    found += _plain(src.versions, f, src, 1.0 + (2.0 if "version" in words else -0.5))
    found += _plain(src.handles, f, src, 1.0 + (2.0 if {"handle", "hashtag", "username", "tag", "user"} & words
                                                else -0.5))
    wants_letters = words & {"ticker", "symbol", "airport", "iata", "currency"} or re.search(
        r"\b(?:iata|ticker|symbol|airport code|three-letter)\b", f.description.lower())
    for m in TICKER.finditer(src.text):
        if m.group().lower() not in common_words() and m.group() not in {"I", "OK", "AM", "PM", "ID"}:
            found.append(Found(m.group(), m.start(), m.end(), (2.0 if wants_letters else 0.2) + near_key(
                f, src, m.start(), m.end())))
    if words & {"postcode", "zip", "zipcode", "postal", "post"}:  # "69003 Lyon", "Wien 1010", "Boston, MA 02134"
        for m in re.finditer(r"(?<![\w.,-])(\d{4,5})(?=[ \t]+[A-Z][a-z])|(?<=[A-Za-z][ \t])(\d{4,5})(?![\w.,-])",
                             src.text):
            value = m.group(1) or m.group(2)
            found.append(Found(value, m.start(), m.end(), 2.8 + near_key(f, src, m.start(), m.end())))
    for n in src.nums:  # "stop 4021", "status 404"
        closeness = near_key(f, src, n.start, n.end) or (0.2 if numeric_code(f) and not n.unit else 0.0)
        if closeness and float(n.value).is_integer() and not n.money and not n.implied:
            value = int(n.value) if numeric_code(f) else str(src.text[n.start:n.end])
            found.append(Found(value, n.start, n.end, 0.6 + closeness))
    return found


_FILE = re.compile(r"(?<![\w@.-])(?:[\w-]+/)*[\w-]+\.(?:pdf|docx?|xlsx?|csv|txt|pptx?|png|jpe?g|gif|svg|zip|json|"
                   r"md|py|js|html?|mp3|mp4|wav|log|xml|ya?ml)\b", re.I)


def _file(f, src, options):
    """A file name or path: "quarterly_report.pdf", "docs/intro.md"."""
    return [Found(m.group(), m.start(), m.end(), 3.0 + near_key(f, src, m.start(), m.end()))
            for m in _FILE.finditer(src.text)]


def _in_a_name(src: Source, start: int, end: int) -> bool:
    """A code inside a product's name ("the Summit 40L backpack"): a capitalised word before it, mid-sentence,
    and a common noun after it."""
    before = re.search(r"([A-Z][a-z]+)\s+$", src.text[max(0, start - 20):start])
    return bool(before) and not src.sentence_start(start - len(before.group())) and bool(
        re.match(r"\s+[a-z]", src.text[end:end + 3]))


def _coded(f, src, table) -> list[Found]:
    """A standard code for a name the text gives: "Texas" -> "TX" for a two-letter state code."""
    found = []
    for name, code in table.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", src.text, re.I):
            found.append(Found(code, m.start(), m.end(), 3.0 + near_key(f, src, m.start(), m.end())))
    codes = set(table.values())
    for m in re.finditer(r"\b[A-Za-z]{2}\b", src.text):
        if m.group() in codes and m.group().isupper():
            found.append(Found(m.group(), m.start(), m.end(), 2.5))
    return found


def wants_iso(f: Field) -> bool:
    return bool(re.search(r"yyyy-mm-dd|\biso\b", f.description.lower()))


def wants_clock(f: Field) -> bool:
    return bool(re.search(r"\b24\b|hh:mm|24-hour", f.description.lower()))


def _date(f, src, options):
    iso = wants_iso(f)
    return [Found(iso_date(v) if iso else v, s, e, 1.5 + near_key(f, src, s, e) - 0.01 * i)
            for i, (v, s, e) in enumerate(src.dates)]


def iso_date(text: str) -> str:
    """``"March 14, 2025"`` as ``"2025-03-14"`` when the year is given; otherwise the text as it was."""
    year = re.search(r"\b(\d{4})\b", text)
    month = re.search(MONTH, text, re.I)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\d{4}", "", text))
    numeric = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text.strip())
    if numeric:  # "23/04/1988": day first, unless the first number cannot be a day of a month that way
        a, b, y = int(numeric.group(1)), int(numeric.group(2)), numeric.group(3)
        day_n, month_n = (b, a) if b > 12 else (a, b)
        try:
            return datetime.date(int(y), month_n, day_n).isoformat()
        except ValueError:
            return text  # "31/02/2020", "00/00/0000": no date
    if re.fullmatch(ISO_DATE, text) or not (year and month and day):
        return text
    number = MONTHS[month.group()[:3].lower()]
    return f"{year.group(1)}-{number:02d}-{int(day.group(1)):02d}"


def _time(f, src, options):
    clock = wants_clock(f)
    return [Found(clock_time(v) if clock else (v[:-1] if v.endswith(".") and v.count(".") == 1 else v), s, e,
                  1.5 + near_key(f, src, s, e) - 0.01 * i) for i, (v, s, e) in enumerate(src.times)]


def clock_time(text: str) -> str:
    low = text.lower().replace(".", "")
    if low in ("noon", "midnight"):
        return "12:00" if low == "noon" else "00:00"
    m = re.match(r"(\d{1,2})(?:[:h](\d{2}))?\s*([ap])?", low)
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    hour = hour % 12 + (12 if half == "p" else 0) if half else hour
    return f"{hour:02d}:{minute:02d}"


def _when(f, src, options):
    found = _time(f, src, options) + [Found(c.value, c.start, c.end, c.score - 0.3) for c in _date(f, src, options)]
    if not found and f.order:  # "start" and "end" of a route: places
        from .phrase_finders import places

        found = places(f, src, options)
    return found


def _day(f, src, options):
    return [Found(m.group().capitalize(), m.start(), m.end(), 2.0 + near_key(f, src, m.start(), m.end()))
            for m in re.finditer(r"\b(" + "|".join(DAYS) + r")\b", src.text, re.I)] + _date(f, src, options)


def _number(f, src, options):
    words = f.words
    unit = unit_of(words)
    stems = {stem(singular(w)) for w in words if len(w) > 1}
    year = bool(set(words) & YEAR_WORDS) and unit in ("", "years") and "years" not in words
    people = bool(set(words) & PEOPLE_WORDS)
    raw_scale = bool({"million", "millions", "thousand", "thousands", "billion", "billions", "k"} & set(words))
    per = singular(words[words.index("per") + 1]) if "per" in words[:-1] else ""
    found = []
    for n in src.nums:
        if per and n.implied and n.unit and singular(n.unit) == per:
            continue  # "an hour" in "45 GBP an hour" is what the number is counted against
        if n.implied and unit not in ("days", "weeks", "months", "years", "hours", "nights", "minutes"):
            continue
        value = n.raw if raw_scale else n.value
        u = n.unit
        score = 0.5 + near_key(f, src, n.start, n.end)
        if unit == "money":
            score += 2.0 if n.money else -1.0 if u in _ALL_UNITS else 0.0
        elif unit:
            forms = UNIT_WORDS.get(unit, {unit})
            if u in forms or u.rstrip(".") in forms:
                score += 3.0
            elif unit in ("days", "nights") and u in ("week", "weeks"):
                value, score = value * 7, score + 2.0
            elif unit == "minutes" and u in ("hour", "hours", "h", "hr", "hrs"):
                value, score = value * 60, score + 1.5
            elif u in _ALL_UNITS or n.money:
                score -= 2.0
        score += _counted(f, src, n, stems)
        if people and (u in UNIT_WORDS["people"] or re.search(r"\b(?:for|of|party of|table for)\s+$",
                                                            src.text[max(0, n.start - 12):n.start], re.I)
                       or re.match(r"\s+of\s+(?:us|you|them)\b", src.text[n.end:n.end + 12])):
            score += 2.0
        if year:
            score += 2.5 if isinstance(value, int) and 1000 <= value <= 2100 else -3.0
        elif isinstance(value, int) and 1900 <= value <= 2100 and not n.money and not u:
            score -= 0.7
        if "age" in words or "old" in words:
            around = src.text[max(0, n.start - 12):n.end + 12].lower()
            score += 2.5 if re.search(r"year-old|years? old|\baged?\b|turned|\bage\b", around) or re.search(
                r"\b(?:i'm|i am|he's|she's|he is|she is)\s+$", src.lower[max(0, n.start - 8):n.start]) else 0.0
        if f.type == "integer" and not float(value).is_integer():
            score -= 1.5
        if n.pair:
            score += 0.2
        score += _part_or_per(f, src, n, per)
        found.append(Found(_whole(value, f), n.start, n.end, score))
    return found


def _counted(f: Field, src: Source, n, stems: set[str]) -> float:
    """How much the words after a number say it counts the key's thing: "34 pages", "twenty flashcards" for
    cards, "250 business cards", "two pizzas" for order_pizza's quantity, "six lemons" for a quantity."""
    words, u = f.words, n.unit
    later = re.match(r"[ \t]+([a-z]+)[ \t]+([a-z]+)\b", src.text[n.end:n.end + 30])
    later = later if later and later.group(1) not in STOP else None
    if u and (stem(singular(u)) in stems or stem(u) in stems or any(len(w) > 3 and u.endswith(w) for w in words)):
        return 3.0
    if later and stem(singular(later.group(2))) in stems:
        return 2.5
    if set(words) & _COUNT_KEYS and _counts_the_subject(f, src, n):
        return 1.5
    if set(words) & _COUNT_KEYS and not n.money and u not in _ALL_UNITS and re.match(
            r"[ \t]+(?:[a-z]+[ \t]+)?[a-z]{3,}s\b", src.text[n.end:n.end + 30]):
        return 0.8
    return 0.0


def _part_or_per(f: Field, src: Source, n, per: str) -> float:
    """"38 of 42 lifts": a total key takes the whole, another the part; "2 lessons a week" for lessons_per_week."""
    score = 0.0
    whole = re.search(r"\d\s*(?:of|out of|/)\s*$", src.text[max(0, n.start - 10):n.start])
    part = re.match(r"\s*(?:of|out of|/)\s*\d", src.text[n.end:n.end + 10])
    if set(f.words) & _WHOLE_WORDS:
        score += 1.5 if whole else -1.0 if part else 0.0
    elif whole or part:
        score += 0.5 if part else -0.5
    if per and re.match(rf"[ \t]*(?:[\w$\u20ac\u00a3%/]+[ \t]+){{0,2}}(?:per|a|an|each|every|/)[ \t]*{per}",
                        src.lower[n.end:n.end + 30]):
        score += 2.5
    return score


#: Key words that ask for the whole of an "X of Y" (the Y), not the part.
_WHOLE_WORDS = {"total", "max", "maximum", "capacity", "all", "overall", "out_of", "available_total"}
_COUNT_KEYS = {"quantity", "qty", "count", "number", "num", "copies", "amount", "n", "how_many", "times", "units"}


def _counts_the_subject(f: Field, src: Source, n) -> bool:
    """The number counts what the function is about: a noun within two words after it is a word of the
    function's name or description ("Roll three twenty-sided dice" for ``roll_dice``)."""
    if not f.context:
        return False
    subject = {stem(singular(w)) for w in re.findall(r"[a-z]+", f.context.lower()) if len(w) > 2}
    after = re.findall(r"[a-z]+", src.text[n.end:n.end + 30].lower())[:3]
    return any(stem(singular(w)) in subject for w in after if len(w) > 2)


def _whole(value, f: Field):
    if isinstance(value, float) and value.is_integer() and f.type == "integer":
        return int(value)
    return value


def _count(f, src, options):
    """A plural key ("eggs", "bags"): the number before the noun, else the words the text gives."""
    words = f.words[:f.words.index("per")] if "per" in f.words[1:] else f.words
    stems = {stem(singular(w)) for w in words}
    found = []
    for n in src.nums:
        after = re.match(r"[ \t-]*(?:[a-z]+[ \t]+)?([a-z]+)", src.text[n.end:n.end + 30], re.I)
        noun = after.group(1).lower() if after else ""
        if n.unit and stem(singular(n.unit)) in stems or noun and (stem(singular(noun)) in stems or any(
                len(w) > 3 and noun.endswith(w) for w in f.words)):
            found.append(Found(n.value, n.start, n.end, 3.0))
    from .phrase_finders import free_text

    return found + [Found(c.value, c.start, c.end, c.score - 1.0) for c in free_text(f, src, options)]


def _sentiment(f, src, options):
    words = [w.lower() for w, _, _ in src.words]
    score = _hits(words, POSITIVE) - _hits(words, NEGATIVE)
    score -= 2 * len(re.findall(r"\b(?:not|never|no)\s+(?:good|great|happy|recommend)", src.lower))
    stars = re.search(r"\b([1-5])\s*(?:/\s*5|stars?|out of 5)", src.lower)
    if stars:
        score += 2 * (int(stars.group(1)) - 3)
    label = "positive" if score > 0 else "negative" if score < 0 else "neutral"
    return [Found(label, -1, -1, 1.0)]


def _hits(words: list[str], lexicon: set[str]) -> int:
    """How many words start with one of the lexicon's stems."""
    return sum(any(w.startswith(p) for p in lexicon) for w in words)


def _urgency_score(src: Source) -> float:
    low = src.lower
    score = sum(2 for w in URGENT if re.search(rf"\b{re.escape(w)}\b", low))
    score += min(src.text.count("!"), 2) * 0.5 - sum(1.5 for w in UNHURRIED if w in low)
    return score


def _urgency(f, src, options):
    score = _urgency_score(src)
    scale = [o.name for o in options] or ["low", "medium", "high"]
    ranks = [SCALES.get(name.lower(), 1) for name in scale]
    want = 3 if score >= 4 and max(ranks) >= 3 else 2 if score >= 2 else 0 if score <= -1 else 1
    best = min(range(len(scale)), key=lambda i: abs(ranks[i] - want))
    return [Found(scale[best], -1, -1, 1.0)]


_NEGATION = re.compile(r"(?:\b(?:not|no|never|without|non|nobody|none|cannot|can't|isn't|aren't|wasn't|doesn't|"
                       r"don't|didn't|hasn't|haven't|won't|wouldn't|neither|nor|zero|nothing|skip|skipping|skipped|"
                       r"declined?|instead of)\b|n't)(?:\W+\w+){0,3}\W*$", re.I)
_NEGATIVE_AFTER = re.compile(r"^(?:(?:[ \t]+[a-z]+){1,2}[ \t]*[?:=][ \t]*|\W{0,3})(?:no|none|not included|excluded|off|"
                             r"false|not allowed|"
                             r"prohibited|forbidden|disabled|n)\b", re.I)
_BOOL_NOISE = {"is", "has", "have", "can", "should", "would", "will", "was", "did", "does", "needs", "wants",
               "requires", "include", "includes", "allow", "allows", "are", "allowed", "included", "enabled",
               "required", "requested", "needed", "available", "confirmed", "flag", "possible"}


def _boolean(f, src, options):
    words = [w for w in f.words if w not in _BOOL_NOISE] or f.words
    if len(words) > 1 and words[-1] == "free":  # "chain_free", "gluten_free": true when the thing is absent
        said = _phrase_flag(f, src)
        if said:
            return said
        found = _boolean(Field("_".join(words[:-1]), "boolean"), src, options)
        return [Found(not c.value, c.start, c.end, c.score) for c in found]
    if set(words) & _POWER_KEYS:  # "on", "enabled": turning something on or off
        on = re.search(r"\b(?:on|enable|enabled|start|activate|open)\b", src.lower)
        off = re.search(r"\b(?:off|disable|disabled|stop|deactivate|close|shut)\b", src.lower)
        if on or off:
            hit = off if off and (not on or off.start() < on.start()) else on
            return [Found(hit is on, hit.start(), hit.end(), 3.0)]
    found = _phrase_flag(f, src)
    for word in words + ["_".join(words)]:
        for form in NEGATIVE_FORMS.get(word, ()) + NEGATIVE_FORMS.get(singular(word), ()):
            m = re.search(rf"\b{re.escape(form)}\b", src.lower)
            if m:
                found.append(Found(False, m.start(), m.end(), 3.2))
        for form in POSITIVE_FORMS.get(word, ()):
            m = re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", src.lower)
            if m:
                found.append(Found(not _negated(src, m.start(), m.end()), m.start(), m.end(), 2.6))
    said = _said_flag(words, src)
    if said is not None:
        found.append(said)
    if found:
        return found
    usual = [a for w in words for a in ASSOCIATIONS.get(w, ())]
    if usual or set(words) & {"urgent", "urgency"}:  # a judgement ("spam", "urgent"): the words that speak for it
        evidence = _hits([w.lower().strip(".,!?") for w, _, _ in src.words], {stem(a) for a in usual})
        evidence += 2 * (_urgency_score(src) >= 2) if set(words) & {"urgent", "urgency"} else 0
        return [Found(evidence >= 2, -1, -1, 1.5 if evidence >= 2 else 0.5)]
    return [Found(False, -1, -1, 0.2)]


def _phrase_flag(f: Field, src: Source) -> list[Found]:
    """The key's whole phrase in the text ("late checkout", "water resistant", "in stock"), true unless negated
    before ("not a sequel", "out of stock") or after ("Late checkout: no")."""
    words = [w for w in f.words if w not in _BOOL_NOISE or w in ("in", "on")] or f.words
    if len(words) < 2 and not (words and len(words[0]) > 3):
        return []
    phrase = r"[\s_\-]?".join(re.escape(w) for w in words)
    found = answered(words, src)
    for m in re.finditer(rf"(?<![\w-]){phrase}s?(?![\w-])", src.lower):
        before = src.lower[max(0, m.start() - 30):m.start()]
        after = re.match(r"\s*(?:[:=\-]|\bis\b|\bwas\b|\bare\b|\bset to\b)?\s*(yes|no|none|not|true|false|on|off|"
                         r"y|n)\b", src.lower[m.end():m.end() + 16])
        yes = not _NEGATION.search(before) and not re.search(r"\bout of\s+$", before)
        if after:
            yes = after.group(1) in ("yes", "true", "on", "y")
        found.append(Found(yes, m.start(), m.end(), 3.5 if after else 3.0))
    return found


_ANSWERED = re.compile(r"(?m)^[ \t]*(?:[-*\u2022][ \t]*)?([^\n?:]{3,120})[?:][ \t]*(yes|no|y|n|true|false|none)\b",
                       re.I)


def answered(words: list[str], src: Source) -> list[Found]:
    """A form's question answered yes or no on its line: "Severe egg allergy? NO" for ``egg_allergy``, "Can staff
    enter if you're out? Yes" for ``permission_to_enter``, "DNO/permit required: no" for ``permit_needed``."""
    stems = {stem(w) for w in words if len(w) > 2 and w not in STOP}
    if not stems:
        return []
    best, found = 0, []
    for m in _ANSWERED.finditer(src.text):
        asked = {stem(w) for w in re.findall(r"[a-z]+", m.group(1).lower()) if len(w) > 2}
        hits = sum(1 for s in stems if any(a == s or min(len(a), len(s)) >= 4 and (a.startswith(s) or s.startswith(a))
                                           for a in asked))
        if hits > best:
            best, found = hits, [Found(m.group(2).lower() in ("yes", "y", "true"), m.start(2), m.end(2), 3.6 + hits)]
    return found


def _negated(src: Source, start: int, end: int) -> bool:
    before = src.lower[max(0, start - 30):start]
    return bool(_NEGATION.search(before) or _NEGATIVE_AFTER.match(src.lower[end:end + 16]))


def _said_flag(words: list[str], src: Source) -> Found | None:
    """A flag the text names: "vaccinated", "every day" for ``repeat_daily``, "pin it" for ``pinned``;
    false when negated ("not vaccinated", "has not been neutered", "unvaccinated", "no pets"). A word that
    is the key's own word counts before a longer or shorter form of it ("declare" before "declaration")."""
    cues = {stem(w) for w in words if len(w) > 2}
    if not cues:
        return None
    best = None
    for m in re.finditer(r"[\w-]+", src.lower):
        word = stem(m.group())
        bare = word[2:] if word.startswith("un") and len(word) > 5 else word[3:] if word.startswith("non") else ""
        hit = any(len(word) >= 3 and (word.startswith(c) or c.startswith(word)) and min(len(word), len(c)) >= 3
                  for c in cues)
        if hit or bare and any(bare.startswith(c) or c.startswith(bare) for c in cues):
            negated = bool(bare) and not hit or _negated(src, m.start(), m.end())
            found = Found(not negated, m.start(), m.end(), 2.8)
            if word in cues:
                return found
            best = best or found
    return best


_POWER_KEYS = {"on", "enabled", "enable", "active", "power", "powered", "state"}


def _choice(f, src, options):
    values = list(f.enum) or [o.name for o in options]
    known = {o.name.lower(): o for o in options}
    if {"sentiment", "tone", "mood"} & set(f.words) or {str(v).lower() for v in values} <= _FEELINGS:
        label = _sentiment(f, src, options)[0].value
        return [Found(v, -1, -1, 3.0 if str(v).lower() == label else 0.1) for v in values]
    if any(str(v).lower() in known and known[str(v).lower()].words for v in values) or \
            set(f.words) & _CATEGORY_KEYS and any(str(v).lower() in known for v in values):
        return choose_option([known.get(str(v).lower(), Option(str(v))) for v in values], src)  # by what defines each
    table = table_for(f.description, values)
    found = []
    for v in values:
        name = str(v).lower()
        forms = {name} | set(VALUE_SYNONYMS.get(name, ())) | {n for n, c in table.items() if c.lower() == name}
        for form in forms:
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", src.lower):
                own = form == name or form in table
                score = (3.0 if own else 2.2) + _role_bonus(f, src, m) + 0.3 * near_key(f, src, m.start(), m.end())
                found.append(Found(v, m.start(), m.end(), score - 0.001 * m.start() / max(1, len(src.text))))
        if not found or all(c.value != v for c in found):
            stems = {stem(w) for w in re.findall(r"[a-z]+", name) if len(w) > 3}
            for m in re.finditer(r"[a-z][a-z'-]+", src.lower):
                if stems and any(stem(m.group()).startswith(s) or s.startswith(stem(m.group())) and len(m.group()) > 3
                                 for s in stems):
                    found.append(Found(v, m.start(), m.end(), 2.4 + _role_bonus(f, src, m)))
    if found:
        return found
    if {"urgency", "priority", "severity", "risk", "level"} & set(f.words) or all(
            str(v).lower() in SCALES for v in values):
        return _urgency(f, src, [Option(str(v)) for v in values])
    return [Found(c.value, -1, -1, min(c.score, 1.5)) for c in
            choose_option([known.get(str(v).lower(), Option(str(v))) for v in values], src)]


def _role_bonus(f: Field, src: Source, m) -> float:
    """For a "from" or "to" value: "42 km" and "from km" are sources; "to kg", "into", "how many miles" targets."""
    before = src.lower[max(0, m.start() - 12):m.start()]
    source = bool(re.search(r"(?:\d\s*|\bfrom\s+)$", before))
    target = bool(re.search(r"\b(?:to|into|in|how many|how much)\s+$", before))
    if f.role == "from":
        return 1.0 if source else -0.5 if target else 0.0
    if f.role == "to":
        return 1.0 if target else -0.5 if source else 0.0
    return 0.0


_FEELINGS = {"positive", "negative", "neutral", "mixed"}
#: Keys that sort a text into the prompt's own categories.
_CATEGORY_KEYS = {"category", "label", "class", "intent", "department", "route", "team", "queue", "type", "bucket",
                  "classification", "routing", "topic"}


def _matches(stems: set[str], wanted: set[str]) -> int:
    """How many of the wanted stems the text has, a longer or shorter form counting ("ship", "shipping")."""
    return sum(1 for w in wanted if w in stems or len(w) >= 4 and any(
        len(s) >= 4 and (s.startswith(w) or w.startswith(s)) for s in stems))


def choose_option(options: list[Option], src: Source) -> list[Found]:
    """The options ranked by how much of the text speaks for each (name, usual words, definition)."""
    stems = {stem(w) for w, _, _ in src.words if w.lower() not in STOP and w.lower() not in GENERIC}
    ranked = []
    for i, option in enumerate(options):
        own = {stem(w) for w in re.findall(r"[a-z]+", option.name.lower())}
        usual = option.usual if option.usual is not None else ASSOCIATIONS.get(option.name.lower(), ())
        usual = {stem(w) for w in usual}
        defined = {stem(w) for w in option.words if w not in STOP}
        score = 2.0 * _matches(stems, own) + 1.0 * _matches(stems, usual - own)
        score += 1.5 * _matches(stems, defined - own - usual)
        ranked.append(Found(option.name, -1, -1, score - 0.001 * i))
    if ranked and max(r.score for r in ranked) <= 0:
        fallback = [r for r in ranked if r.value.lower() in ("other", "general", "misc", "none", "unknown")]
        if fallback:
            fallback[0].score = 0.5
    return ranked


def read_options(options: list[Option], reading: float) -> list[Option]:
    """The options as a model takes them in: a share of each definition and of the words it links to each
    name (``reading``), and the everyday synonyms of the definition words it read."""
    read = []
    for o in options:
        words = o.words[: max(1, round(len(o.words) * reading))] if o.words else []
        words += [s for w in words if w not in GENERIC for s in SYNONYMS.get(w, ())]
        usual = ASSOCIATIONS.get(o.name.lower(), ())
        read.append(Option(o.name, words, tuple(usual[: max(1, round(len(usual) * reading))]) if usual else ()))
    return read


def _currency(f, src, options):
    found = []
    for m in re.finditer(r"[$\u20ac\u00a3\u00a5]|\b[A-Za-z]+\b", src.text):
        pair = re.match(r"\s+[a-z]+\b", src.text[m.end():])
        words = [m.group() + pair.group()] if pair else []
        for text in words + [m.group()]:
            code = CURRENCIES.get(text.lower()) if (text.islower() or len(text) > 3 or not text.isalpha()
                                                     or text.isupper()) else None
            if code and not any(c.start == m.start() for c in found):
                found.append(Found(code, m.start(), m.start() + len(text), 1.5))
                break
    if f.order:
        for i, c in enumerate(found):
            before = src.text[max(0, c.start - 12):c.start].lower()
            after = src.text[c.end:c.end + 8].lower()
            into = re.search(r"\b(?:to|into|in)\s+(?:\w+\s+)?$", before)
            since = re.search(r"\bfrom\s+(?:\w+\s+)?$", before) or re.search(r"\d\s*$", before) or re.match(
                r"\s*(?:to|into|->|\u2192)\s", after)
            if f.order == "second":
                c.score += 1.0 if into else -0.5 if since else 0.3 * i
            else:
                c.score += 1.0 if since else -0.5 if into else -0.3 * i
    return found


def _language(f, src, options):
    named = [Found(name.capitalize(), m.start(), m.end(), 1.0) for name in LANGUAGE_NAMES
             for m in [re.search(rf"\b{name}\b", src.lower)] if m]
    words = re.findall(r"[a-z\u00e0-\u00ff]+", src.lower)
    counts = {lang: sum(w in common for w in words) for lang, common in LANGUAGE_WORDS.items()}
    best = max(counts, key=counts.get)
    return named + ([Found(best, -1, -1, 0.5 + counts[best])] if counts[best] >= 2 else [])


def _room(f, src, options):
    found = [Found(m.group().lower(), m.start(), m.end(), 2.5 - 0.01 * i)
             for i, m in enumerate(re.finditer(r"\b(?:" + "|".join(ROOMS) + r")\b", src.text, re.I))]
    from .phrase_finders import places

    return found + [Found(c.value, c.start, c.end, c.score - 0.5) for c in places(f, src, options)]


_SIZES = (r"A[3-6]|extra[ -]large|extra[ -]small|small|medium|large|regular|x{0,2}[sl]|m|mini|family|king|queen|"
          r"single|double")


def _size(f, src, options):
    return [Found(m.group().lower(), m.start(), m.end(), 2.5 + near_key(f, src, m.start(), m.end()))
            for m in re.finditer(rf"\b(?:{_SIZES})\b", src.text, re.I) if len(m.group()) > 2 or m.group().isupper()]


_COLOURS = ("red", "orange", "yellow", "green", "blue", "purple", "violet", "pink", "brown", "black", "white", "grey",
            "gray", "silver", "gold", "beige", "navy", "teal", "turquoise", "maroon", "cream", "ivory", "khaki",
            "peach", "coral", "lilac", "lavender", "mint", "burgundy", "plum", "olive", "mustard", "rose", "crimson",
            "charcoal", "sage", "magenta", "cyan", "indigo", "bronze", "copper", "tan", "amber", "emerald")


def _colour(f, src, options):
    found = []
    for m in re.finditer(r"\b(?:" + "|".join(_COLOURS) + r")\b", src.text, re.I):
        named = re.search(r"((?:[A-Z][a-z]+[ \t]+){1,2})$", src.text[max(0, m.start() - 30):m.start()]) \
            if m.group()[:1].isupper() else None
        if named and not src.sentence_start(m.start() - len(named.group(1))):  # "2.5 litres of Sage Green"
            found.append(Found(named.group(1) + m.group(), m.start() - len(named.group(1)), m.end(), 3.0))
        found.append(Found(m.group().lower(), m.start(), m.end(), 2.5 + near_key(f, src, m.start(), m.end())))
    return found


def _unit(f, src, options):
    """The unit a number is written in: "mmol/L" in "6.8 mmol/L", "kg", "°C", "%"."""
    found = []
    for n in src.nums:
        m = re.match(r"[ \t]*([A-Za-z\u00b5\u00b0%][A-Za-z\u00b5\u00b0%]*(?:/[A-Za-z]+)?)", src.text[n.end:n.end + 20])
        unit = m.group(1) if m else ""
        if unit and (unit.lower() in _ALL_UNITS or "/" in unit or unit[:1] in "\u00b5\u00b0%"
                     or len(unit) <= 4 and unit.lower() not in common_words()):
            found.append(Found(unit, n.end + m.start(1), n.end + m.end(1), 2.5 + near_key(f, src, n.start, n.end)))
    return found


def _summary(f, src, options):
    first = re.split(r"(?<=[.!?])\s+", src.text.strip())[0]
    words = first.split()
    return [Found(" ".join(words[:14]) + ("..." if len(words) > 14 else ""), -1, -1, 1.0)] if words else []


FINDERS = {"email": _email, "phone": _phone, "url": _url, "code": _code, "date": _date, "time": _time, "day": _day,
           "when": _when, "number": _number, "count": _count, "sentiment": _sentiment, "urgency": _urgency,
           "boolean": _boolean, "file": _file, "choice": _choice, "currency": _currency, "language": _language,
           "summary": _summary, "unit": _unit,
           "room": _room, "size": _size, "colour": _colour}
