"""Finders for values with a shape: e-mails, phones, codes, dates, times, numbers, a sentiment, a choice.

Each finder takes the field asked about, the :class:`~helpers.practice.text_source.Source` and the
options the prompt lists, and returns what the text offers for that field (``Found`` values, with
a score: how well each fits). Words and phrases (names, places, titles) are
:mod:`helpers.practice.phrase_finders`'.
"""
from __future__ import annotations

import re

from .field_kinds import Field
from .prompt_reading import Option
from .text_source import ISO_DATE, MONTH, TICKER, Found, Source
from .value_lexicon import (ASSOCIATIONS, CURRENCIES, DAYS, GENERIC, LANGUAGE_NAMES, LANGUAGE_WORDS, MONTHS,
                            NEGATIVE, NUMBER_CUES, POSITIVE, ROOMS, SCALES, STOP, SYNONYMS, UNHURRIED, URGENT,
                            common_words, stem)

__all__ = ["FINDERS", "choose_option", "read_options", "spans", "cue_score"]


def spans(items, score=1.0) -> list[Found]:
    return [Found(v, s, e, score - 0.01 * i) for i, (v, s, e) in enumerate(items)]


def cue_score(f: Field, src: Source, start: int, end: int, cues: set[str]) -> float:
    ahead, behind = src.around(start, end)
    words = set(f.words) | cues
    score = 2.0 * len(words & set(behind[:2])) + 1.5 * len(words & set(ahead[-3:]))
    return score + 0.5 * len(set(f.words) & set(ahead + behind))


def _email(f, src, options):
    return spans(src.emails)


def _phone(f, src, options):
    return spans(src.phones)


def _url(f, src, options):
    return spans(src.urls)


def _code(f, src, options):
    cues = set(f.words) | {w for w in re.findall(r"[a-z]+", f.description.lower()) if len(w) > 2}
    found = [Found(v, s, e, 1.0 + cue_score(f, src, s, e, cues)) for v, s, e in src.codes]
    if "ticker" in f.words or "symbol" in f.words or "ticker" in f.description.lower():
        found += [Found(m.group(), m.start(), m.end(), 2.0) for m in TICKER.finditer(src.text)
                  if m.group().lower() not in common_words() and m.group() not in {"I", "OK", "AM", "PM"}]
    return found


def _date(f, src, options):
    iso = "yyyy-mm-dd" in f.description.lower() or "iso" in f.description.lower()
    return [Found(_iso_date(v) if iso else v, s, e, 1.0 - 0.01 * i) for i, (v, s, e) in enumerate(src.dates)]


def _iso_date(text: str) -> str:
    """``"March 14, 2025"`` as ``"2025-03-14"`` when the year is given; otherwise the text as it was."""
    year = re.search(r"\b(\d{4})\b", text)
    month = re.search(MONTH, text, re.I)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\d{4}", "", text))
    if re.fullmatch(ISO_DATE, text) or not (year and month and day):
        return text
    number = MONTHS[month.group()[:3].lower()]
    return f"{year.group(1)}-{number:02d}-{int(day.group(1)):02d}"


def _time(f, src, options):
    clock = "24" in f.description or "hh:mm" in f.description.lower()
    return [Found(_clock(v) if clock else (v[:-1] if v.endswith(".") and v.count(".") == 1 else v), s, e,
                  1.0 - 0.01 * i) for i, (v, s, e) in enumerate(src.times)]


def _clock(text: str) -> str:
    low = text.lower().replace(".", "")
    if low in ("noon", "midnight"):
        return "12:00" if low == "noon" else "00:00"
    m = re.match(r"(\d{1,2})(?:[:h](\d{2}))?\s*([ap])?", low)
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    hour = hour % 12 + (12 if half == "p" else 0) if half else hour
    return f"{hour:02d}:{minute:02d}"


def _day(f, src, options):
    return [Found(m.group().capitalize(), m.start(), m.end(), 1.0)
            for m in re.finditer(r"\b(" + "|".join(DAYS) + r")\b", src.text, re.I)] + _date(f, src, options)


def _number(f, src, options):
    cues = set()
    for word in f.words + re.findall(r"[a-z]+", f.description.lower()):
        cues |= NUMBER_CUES.get(word, set())
    year = bool({"year", "founded", "born", "published"} & set(f.words))
    money = bool(_MONEY_KEYS & set(f.words))
    found = []
    for value, s, e in src.numbers:
        if year and not (isinstance(value, int) and 1000 <= value <= 2100):
            continue
        score = 0.2 + cue_score(f, src, s, e, cues) + (1.5 if money and _is_money(src, s, e) else 0.0)
        found.append(Found(int(value) if f.type == "integer" and float(value).is_integer() else value, s, e, score))
    return found


_MONEY_KEYS = {"amount", "price", "total", "cost", "salary", "budget", "usd", "eur", "gbp", "fee", "balance", "sum"}


def _is_money(src: Source, start: int, end: int) -> bool:
    """A number with a currency: "$9.99", "1,250.00 EUR", "250 US dollars"."""
    before, after = src.text[max(0, start - 2):start], src.text[end:end + 16].lower()
    word = re.match(r"\s*([a-z$\u20ac\u00a3]+(?: [a-z]+)?)", after)
    return any(ch in before for ch in "$\u20ac\u00a3\u00a5") or bool(
        word and (word.group(1) in CURRENCIES or word.group(1).split()[0] in CURRENCIES))


def _sentiment(f, src, options):
    words = [w.lower() for w, _, _ in src.words]
    score = _hits(words, POSITIVE) - _hits(words, NEGATIVE)
    score -= 2 * len(re.findall(r"\b(?:not|never|no)\s+(?:good|great|happy|recommend)", src.lower))
    stars = re.search(r"\b([1-5])\s*(?:/\s*5|stars?|out of 5)", src.lower)
    if stars:
        score += int(stars.group(1)) - 3
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
    want = 2 if score >= 2 else 0 if score <= -1 else 1
    best = min(range(len(scale)), key=lambda i: abs(ranks[i] - want))
    return [Found(scale[best], -1, -1, 1.0)]


def _boolean(f, src, options):
    if set(f.words) & _POWER_KEYS:  # "on", "enabled": turning something on or off
        on = re.search(r"\b(?:on|enable|enabled|start|activate|open)\b", src.lower)
        off = re.search(r"\b(?:off|disable|disabled|stop|deactivate|close|shut)\b", src.lower)
        if on or off:
            hit = off if off and (not on or off.start() < on.start()) else on
            return [Found(hit is on, hit.start(), hit.end(), 1.5)]
    words = [w for w in f.words if w not in {"is", "has", "needs", "wants", "requires", "can", "should"}]
    said = _said_flag(words, src)
    if said is not None:
        return [said]
    usual = [a for w in words for a in ASSOCIATIONS.get(w, ())]
    if usual or set(words) & {"urgent", "urgency"}:  # a judgement ("spam", "urgent"): the words that speak for it
        evidence = _hits([w.lower().strip(".,!?") for w, _, _ in src.words], {stem(a) for a in usual})
        evidence += 2 * (_urgency_score(src) >= 2) if set(words) & {"urgent", "urgency"} else 0
        return [Found(evidence >= 2, -1, -1, 1.5 if evidence >= 2 else 0.5)]
    return [Found(False, -1, -1, 0.2)]


def _said_flag(words: list[str], src: Source) -> Found | None:
    """A flag the text names: "vaccinated", "every day" for ``repeat_daily``, "pin it" for ``pinned``;
    false when negated ("not vaccinated", "unvaccinated", "did not pass")."""
    cues = {stem(w) for w in words if len(w) > 2} | ({"daily", "every day"} if "daily" in words else set())
    for m in re.finditer(r"[\w-]+(?: day)?", src.lower):
        word = stem(m.group())
        if m.group() in cues or any(len(word) >= 3 and (word.startswith(c) or c.startswith(word)) for c in cues):
            before = src.lower[max(0, m.start() - 16):m.start()]
            negated = re.search(r"\b(?:not|no|never|without|un|didn't|did not|don't)\W*$", before) or \
                m.group().startswith("un")
            return Found(not negated, m.start(), m.end(), 1.5)
    return None


_POWER_KEYS = {"on", "enabled", "enable", "active", "power", "powered", "state"}


def _room(f, src, options):
    return [Found(m.group().lower(), m.start(), m.end(), 2.0 - 0.01 * i)
            for i, m in enumerate(re.finditer(r"\b(?:" + "|".join(ROOMS) + r")\b", src.text, re.I))]


def _choice(f, src, options):
    values = list(f.enum) or [o.name for o in options]
    known = {o.name.lower(): o for o in options}
    if {"sentiment", "tone", "mood"} & set(f.words) or {str(v).lower() for v in values} <= _FEELINGS:
        label = _sentiment(f, src, options)[0].value
        return [Found(v, -1, -1, 3.0 if str(v).lower() == label else 0.1) for v in values]
    if {"urgency", "priority", "severity"} & set(f.words) or all(str(v).lower() in SCALES for v in values):
        return _urgency(f, src, [Option(str(v)) for v in values])
    mentioned = [(v, m) for v in values for m in re.finditer(rf"\b{re.escape(str(v).lower())}\b", src.lower)]
    if mentioned and not any(str(v).lower() in known for v in values):  # an enum value the text names
        return [Found(v, m.start(), m.end(), 3.0 - 0.01 * m.start() / max(1, len(src.text)) + _role_bonus(f, src, m))
                for v, m in mentioned]
    return choose_option([known.get(str(v).lower(), Option(str(v))) for v in values], src)


def _role_bonus(f: Field, src: Source, m: re.Match) -> float:
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
            if code and not any(c.value == code for c in found):
                found.append(Found(code, m.start(), m.start() + len(text), 1.0))
                break
    if f.role == "to":
        marked = [c for c in found if re.search(r"\b(?:to|into|in)\s+(?:\w+\s+)?$", src.text[:c.start])]
        return marked + [c for c in found[1:] if c not in marked] + found[:1]
    return found


def _language(f, src, options):
    named = [Found(name.capitalize(), m.start(), m.end(), 1.0) for name in LANGUAGE_NAMES
             for m in [re.search(rf"\b{name}\b", src.lower)] if m]
    words = re.findall(r"[a-z\u00e0-\u00ff]+", src.lower)
    counts = {lang: sum(w in common for w in words) for lang, common in LANGUAGE_WORDS.items()}
    best = max(counts, key=counts.get)
    return named + ([Found(best, -1, -1, 0.5 + counts[best])] if counts[best] >= 2 else [])


def _size(f, src, options):
    return [Found(m.group().lower(), m.start(), m.end(), 1.0) for m in
            re.finditer(r"\b(small|medium|large|extra large|regular|x?xl|mini|family)\b", src.text, re.I)]


def _summary(f, src, options):
    first = re.split(r"(?<=[.!?])\s+", src.text.strip())[0]
    words = first.split()
    return [Found(" ".join(words[:14]) + ("..." if len(words) > 14 else ""), -1, -1, 1.0)] if words else []




FINDERS = {"email": _email, "phone": _phone, "url": _url, "code": _code, "date": _date, "time": _time, "day": _day,
           "number": _number, "sentiment": _sentiment, "urgency": _urgency, "boolean": _boolean, "choice": _choice,
           "currency": _currency, "language": _language, "size": _size, "summary": _summary, "room": _room}
