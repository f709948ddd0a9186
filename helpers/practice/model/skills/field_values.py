"""Filling fields from a text: each field gets the value the text supports best, or None.

:func:`candidates` gathers what the text offers for one field: values its key's words label
(:mod:`.labelled_values`), values of its kind (:mod:`.value_finders`, :mod:`.phrase_finders`), each
scored, best first. :func:`fill` then gives every field its best candidate, each span of text used
once (the same number is not both the nights and the guests), and puts the two keys of a pair in
order (``from``/``to``, ``start_date``/``end_date``, ``salary_min``/``salary_max``, ``winner``/``loser``):
by the words before each value ("from Antwerp to Krakow"), else by which comes first.

    src = Source("Hi, I'm Ada Lovelace, ada@example.com. A room for 2 nights, 3 guests.")
    fill([Field("name"), Field("email"), Field("nights"), Field("guests")], src)
    # {'name': 'Ada Lovelace', 'email': 'ada@example.com', 'nights': 2, 'guests': 3}
"""
from __future__ import annotations

import re

from .category_values import members
from .field_kinds import Field, numeric_code
from .labelled_values import labelled
from .phrase_finders import PHRASE_FINDERS, free_text
from .prompt_reading import Option
from .text_source import Found, Source
from .value_finders import FINDERS, clock_time, iso_date, wants_clock, wants_iso

__all__ = ["candidates", "fill", "assign", "order_pairs"]

_ALL_FINDERS = {**FINDERS, **PHRASE_FINDERS}
#: Kinds whose values a label cannot give as they stand (a choice is one of its values, not the text after).
_UNLABELLED = {"choice", "sentiment", "urgency", "language", "currency", "summary"}
#: Kinds whose shape the text may not have, which then name a place or a thing ("site", "room", "venue").
_FALL_BACK = {"url", "room"}
#: Kinds a quoted phrase may fill.
_QUOTABLE = {"room", "text", "product", "org", "title", "job", "code"}
#: Kinds a category's member cannot be (a number, a flag, a date).
_NOT_MEMBERS = {"number", "boolean", "date", "time", "day", "when", "email", "phone", "url", "count", "choice"}
_NUMERIC = {"number", "integer", "float", "int", "double", "decimal"}
#: Words before a value that put it first or second of a pair, by the kind of value.
_CUES = {
    "place": (r"\b(?:from|departs?|departing|leaving|leaves|out of|origin|sender|between)[:\s]+(?:the\s+)?$",
              r"\b(?:to|arrives?(?:\s+(?:in|at))?|arriving(?:\s+(?:in|at))?|into|towards|reach(?:es)?|destination|"
              r"visit(?:ing)?|heading to|going to|"
              r"recipient|for)[:\s]+(?:the\s+)?$"),
    "date": (r"\b(?:from|arriv(?:e|es|ing)|arrival|check-?in|starting|starts?|begins?|since|between|on)[:\s]+$",
             r"(?:\b(?:to|until|till|leav(?:e|es|ing)|depart(?:s|ing)?|check-?out|ends?|through|and|by)[:\s]+|-\s*)$"),
    "number": (r"\b(?:from|min(?:imum)?|at least|between|starting at)[:\s]+[$\u20ac\u00a3]?$",
               r"(?:\b(?:to|max(?:imum)?|up to|and|at most)[:\s]+|-\s*)[$\u20ac\u00a3]?$"),
}
_KIND_CLASS = {"place": "place", "org": "place", "name": "place", "title": "place", "date": "date", "time": "date",
               "when": "date", "day": "date", "number": "number", "currency": "place", "code": "place",
               "language": "place"}


def candidates(f: Field, src: Source, options: list[Option] = ()) -> list[Found]:
    """The values the text offers for a field, best first (an empty list: the text has none)."""
    kind = f.kind
    found = list(_ALL_FINDERS.get(kind, free_text)(f, src, options))
    if not found and src.emails and set(f.words) & {"to", "from", "recipient", "sender", "cc"}:
        found = [Found(v, s, e, 2.0) for v, s, e in src.emails]  # "Email bob@example.com ..." for send_email's to
    if not found and kind in _FALL_BACK:  # "site" with no URL in the text is a place: "at Galloway Forest"
        found = [Found(c.value, c.start, c.end, c.score - 0.5) for c in _ALL_FINDERS["place"](f, src, options)]
    if kind in _QUOTABLE:  # a quoted phrase is what a key of words asks for: book "Clockwork Lab"
        found += [Found(q, s, e, 2.6) for q, s, e in src.quotes if 0 < len(q.split()) <= 8]
    if kind not in _UNLABELLED:
        found += labelled(f, src)
    if kind not in _NOT_MEMBERS:
        found += members(f, src)
    found += _paired(f, src) + _identifiers(f, src)
    found += _slugs(f, src) + _trimmed(f, found)
    found = [_without_key_word(c, f) for c in found]
    found = [c for c in (_typed(c, f) for c in found) if c is not None]
    best: dict[tuple, Found] = {}
    for c in found:  # the same value at the same place, found twice, counts once (its best score)
        key = (str(c.value).lower(), c.start)
        if key not in best or best[key].score < c.score:
            best[key] = c
    return sorted(best.values(), key=lambda c: -c.score)


#: Keys that name a piece of software or a machine, which a text writes as a lower-case identifier.
_SYSTEM_WORDS = {"package", "service", "component", "server", "host", "hostname", "app", "application", "project",
                 "repo", "repository", "module", "library", "lib", "bucket", "cluster", "container", "database", "db",
                 "instance", "node", "pod", "namespace", "branch", "job", "pipeline", "microservice", "servername"}
_IDENTIFIER = re.compile(r"(?<![\w@./-])([a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+|[a-z]{4,}[0-9]*)(?![\w@/-]|\.[a-z])")


def _identifiers(f: Field, src: Source) -> list[Found]:
    """A lower-case identifier for a key that names software or a machine: "checkout-api", "web-03.eu-west",
    "quillstream" (a word no dictionary has)."""
    from .value_lexicon import common_words

    from .key_lexicon import WEAK_HEADS

    heads = [w for w in f.words if w not in WEAK_HEADS]
    if not heads or heads[-1] not in _SYSTEM_WORDS:
        return []
    common = common_words()
    found = []
    for m in _IDENTIFIER.finditer(src.text):
        word = m.group(1)
        joined = bool(re.search(r"[-_.]", word))
        if not joined and (word in common or word in _STOPWORDS):
            continue
        if any(s <= m.start() < e for _, s, e in src.urls + src.emails):
            continue
        found.append(Found(word, m.start(), m.end(), 2.8 if joined else 1.2))
    return found


_STOPWORDS = {"this", "that", "with", "from", "into", "what", "when", "where", "which", "please", "there", "their",
              "about", "would", "could", "should", "have", "been", "back", "take", "make", "newest", "latest"}


def _paired(f: Field, src: Source) -> list[Found]:
    """The value of a "key=value" pair whose key is this key or its word ("temp=30C" for ``temperature_c``,
    "qty=240" for ``quantity``, "cycle=delicates")."""
    from .key_lexicon import LABELS
    from .value_lexicon import stem

    if not src.pairs:
        return []
    words = [w for w in f.words if len(w) > 1]
    stems = {stem(w) for w in words}
    labels = {label for w in words for label in LABELS.get(w, ()) if " " not in label}
    found = []
    for key, value, start, end in src.pairs:
        parts = [p for p in re.split(r"[_.\-]+", key) if p]
        exact = key == f.key.lower() or parts == words
        close = any(stem(p) in stems or p in labels or len(p) >= 3 and any(w.startswith(p) for w in words)
                    for p in parts)
        if not (exact or close):
            continue
        typed = _pair_value(value, f)
        if typed is not None:
            found.append(Found(typed, start, end, 5.0 if exact else 4.2))
    return found


def _pair_value(text: str, f: Field):
    """A pair's value as the key's kind wants it: "30C" -> 30 for a number, "none" -> False for a flag."""
    if f.kind in ("number", "count") or f.type in _NUMERIC:
        m = re.match(r"-?\d+(?:\.\d+)?", text.replace(",", ""))
        return (float(m.group()) if "." in m.group() else int(m.group())) if m else None
    if f.kind == "code" and numeric_code(f) and re.fullmatch(r"\d{1,6}", text):
        return int(text)  # "table=6" for tableNumber
    if f.kind == "boolean" or f.type == "boolean":
        low = text.lower()
        return True if low in ("yes", "true", "on", "y", "1") else False if low in (
            "no", "false", "off", "n", "0", "none") else None
    return text


_SLUG = re.compile(r"(?<![\w./-])[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*(?![\w/-])")


def _slugs(f: Field, src: Source) -> list[Found]:
    """An "owner/name" a repository or project key asks for: "acme/webshop"."""
    if not ({"repo", "repository", "project", "slug"} & set(f.words) or "owner/" in f.description.lower()):
        return []
    return [Found(m.group(), m.start(), m.end(), 3.5) for m in _SLUG.finditer(src.text)
            if not any(s <= m.start() < e for _, s, e in src.urls)]


def _trimmed(f: Field, found: list[Found]) -> list[Found]:
    """A phrase ending in the word of what the function handles, without it: "atorvastatin prescription" for
    ``refill_prescription``'s medication is "atorvastatin"."""
    if not f.context or f.kind not in ("product", "text", "title"):
        return []
    from .value_lexicon import stem

    subject = {stem(w) for w in re.findall(r"[a-z]+", f.context.split(".")[0].lower()) if len(w) > 2}
    subject -= {stem(w) for w in f.words}
    out = []
    for c in found:
        words = str(c.value).split() if isinstance(c.value, str) else []
        rest = [w.lower() for w in words[:-1]]
        if len(words) >= 2 and stem(words[-1].lower()) in subject and len(rest) <= 3 and not any(
                stem(w) in subject or w in ("my", "the", "a", "an", "our", "your", "his", "her", "their")
                for w in rest):
            text = " ".join(words[:-1])
            out.append(Found(text, c.start, c.start + len(text), c.score + 0.3))
    return out


def _without_key_word(c: Found, f: Field) -> Found:
    """A name without the key's own word before it: "Guest Tom Reed" for ``guest`` is "Tom Reed"."""
    if f.kind != "name" or not isinstance(c.value, str) or " " not in c.value:
        return c
    first, rest = c.value.split(" ", 1)
    if first.lower() in f.words and rest[:1].isupper():
        return Found(rest, c.start + len(first) + 1, c.end, c.score)
    return c


def _typed(c: Found, f: Field) -> Found | None:
    """The candidate as the field's type wants it: a number for a number, or nothing."""
    if f.type in _NUMERIC and not isinstance(c.value, (int, float)) or f.type in _NUMERIC and isinstance(
            c.value, bool):
        text = str(c.value).replace(",", "")
        if not re.fullmatch(r"-?\d+(?:\.\d+)?", text):
            return None
        c = Found(float(text) if "." in text else int(text), c.start, c.end, c.score)
    if f.type == "integer" and isinstance(c.value, float) and c.value.is_integer():
        c = Found(int(c.value), c.start, c.end, c.score)
    if f.type == "boolean" and not isinstance(c.value, bool):
        return None
    if isinstance(c.value, str) and f.kind in ("date", "day", "when") and wants_iso(f):
        c = Found(iso_date(c.value), c.start, c.end, c.score)
    if isinstance(c.value, str) and f.kind in ("time", "when") and wants_clock(f) and re.match(r"\d|noon|midnight",
                                                                                              c.value, re.I):
        c = Found(clock_time(c.value), c.start, c.end, c.score)
    return c


def fill(fields: list[Field], src: Source, options: list[Option] = (), pick=None) -> dict:
    """Every field's value: the best candidate not already used by another field, else None.

    ``pick(field, ranked)`` may choose another candidate than the first (a weaker model's slip)."""
    fields = [as_flag(f, src) for f in fields]
    ranked = {f.key: candidates(f, src, options) for f in fields}
    for i, f in enumerate(fields):
        best = ranked[f.key][0] if ranked[f.key] else None
        if _feature_key(f) and (best is None or best.score < _WEAK or _mentioned(f, src) and best.score < 3.0 and (
                _only_key_words(best, f) or _had(f, src) and not _modified(f, src)) or _feature_word(f)
                and best.score < _PROPER):
            fields[i] = Field(f.key, "boolean", f.description, example=f.example, required=f.required,
                              context=f.context)
            ranked[f.key] = candidates(fields[i], src, options)
    order_pairs(fields, ranked, src)
    _brand_and_model(fields, ranked, src)
    return _without_others(assign(fields, ranked, pick), fields)


_BRAND = {"brand", "make", "manufacturer", "maker"}
_MODEL_NAME = re.compile(r"(?<![\w-])([A-Z][A-Za-z]+)[ \t]+((?:[A-Za-z]*[A-Z][\w-]*[ \t]+)?"
                         r"(?:(?=[\w-]*\d)[A-Za-z0-9][\w-]*|[A-Z][a-z]+)"
                         r"(?:[ \t]+(?:Pro|Max|Plus|Mini|Ultra|Lite|\d+[A-Za-z]?))?)(?![\w-])")


def _brand_and_model(fields: list[Field], ranked: dict, src: Source) -> None:
    """A brand key and a model key take the two parts of one product name: "the Korvo Pulse 5 phone" is brand
    "Korvo" and model "Pulse 5"; "Fujifilm X-T4 body" is "Fujifilm" and "X-T4"."""
    from .value_lexicon import common_words

    brand = next((f for f in fields if set(f.words) & _BRAND), None)
    model = next((f for f in fields if "model" in f.words and f is not brand), None)
    if brand is None or model is None:
        return
    from .phrase_finders import phrases

    common = common_words()
    people = [(p.start, p.end) for p in phrases(src) if p.person >= 2.5]
    for start in (w.start() for w in re.finditer(r"(?<![\w-])[A-Z]", src.text)):
        m = _MODEL_NAME.match(src.text, start)
        if not m or m.group(1).lower() in common or m.group(1) in ("The", "A", "An", "My", "Our") or any(
                s <= m.start(1) < e for s, e in people):
            continue
        ranked[brand.key].insert(0, Found(m.group(1), m.start(1), m.end(1), 6.0))
        ranked[model.key].insert(0, Found(m.group(2), m.start(2), m.end(2), 6.0))
        return


def _without_others(values: dict, fields: list[Field]) -> dict:
    """A phrase without another key's value or a true flag's word at its start: "peach ranunculus" is
    "ranunculus" when ``colour`` is "peach"; "organic spelt flour" is "spelt flour" beside ``organic``."""
    words = {str(v).lower() for v in values.values() if isinstance(v, str) and " " not in v}
    words |= {f.words[-1] for f in fields if values.get(f.key) is True and f.words}
    for key, value in values.items():
        if isinstance(value, str) and " " in value:
            first, rest = value.split(" ", 1)
            if first.islower() and first in words and first != str(value).lower():
                values[key] = rest
    return values


def assign(fields: list[Field], ranked: dict[str, list[Found]], pick=None) -> dict:
    """Each field's value from its ranked candidates, the surest first, each span of text used once."""
    used: list[tuple[int, int]] = []
    values = {}
    left = list(fields)

    def free(f):
        return [c for c in ranked[f.key] if c.start < 0 or not any(s < c.end and c.start < e for s, e in used)]

    while left:  # the surest value first, whichever field it is for; a phrase may span a date: it waits
        f = max(left, key=lambda f: (f.kind not in _FREE_KINDS, free(f)[0].score if free(f) else -99.0))
        left.remove(f)
        options_left = free(f)
        chosen = pick(f, options_left) if pick and options_left else (options_left[0] if options_left else None)
        if chosen is not None and chosen.start >= 0 and not isinstance(chosen.value, bool):
            used.append((chosen.start, chosen.end))  # a flag's words are evidence, not a value another key loses
        values[f.key] = chosen.value if chosen is not None else None
    return {f.key: values[f.key] for f in fields}


_FREE_KINDS = {"message", "text", "summary"}
_SAID_YES_NO = (r"(?:\s*[:=\-]\s*|\s+(?:is|was|are|were|set to|turned)\s+)"
                r"(?:yes|no|on|off|true|false|enabled|disabled|y|n)\b")
_DETERMINED = re.compile(r"\b(?:the|a|an|my|our|your|his|her|their|this|that)\s+[a-z-]+\s+$")
_DETERMINER = re.compile(r"\b(?:a|an|the|this|that|my|your|our|their|his|her|its|of|for|with|per|by|in|on|at|to)\s+$")


def as_flag(f: Field, src: Source) -> Field:
    """The field as a yes/no flag when it has no type and the text uses its words as one: followed by yes/no
    or on/off ("Auto-renew is on", "Late checkout: no", whatever kind the key's words suggest); for a key that
    says no kind, standing as a value, an aside or a state at the end of a clause ("Service: Express",
    "(verified purchase)", "not vegetarian", "flagged abnormal."); or when the text uses a word that says the
    key's state or its opposite ("out of stock" for ``in_stock``, "collected in store" for ``delivery``)."""
    if f.type or f.enum or f.kind in ("boolean", "choice", "list") or not f.words:
        return f
    flag = Field(f.key, "boolean", f.description, example=f.example, required=f.required, context=f.context)
    phrase = r"[\s_\-]?".join(re.escape(w) for w in f.words)
    mentions = list(re.finditer(rf"(?<![\w-]){phrase}(?![\w-])", src.lower))
    if any(re.match(_SAID_YES_NO, src.lower[m.end():m.end() + 20]) for m in mentions):
        return flag
    if f.kind not in _UNTYPED_KINDS:
        return f
    if states_of(f, src) or _answered_line(f, src):
        return flag
    for word in (w for w in f.words if len(w) > 3 and f.kind == "text"):  # "Need packing help? No"
        if re.search(rf"(?<![\w-]){re.escape(word)}(?:[ \t]+[a-z]+)?[ \t]*[?:=\-][ \t]*(?:yes|no)\b", src.lower):
            return flag
    for m in mentions:
        after, before = src.lower[m.end():m.end() + 20], src.lower[max(0, m.start() - 12):m.start()]
        if f.kind != "text" or re.match(r"\s*:", after) or _DETERMINER.search(before):
            continue
        aside = re.search(r"\(\s*$", before) and re.match(r"\s*\)", after)
        as_value = re.search(r":\s*$", before) and re.match(r"\s*(?:[.,;\n]|$)", after)
        at_end = re.search(r"(?<![A-Za-z0-9])(?:[a-z][a-z0-9-]*|[A-Z0-9]*\d[A-Z0-9]*)\s+$",
                           src.text[max(0, m.start() - 16):m.start()]) and not _DETERMINED.search(
            src.lower[max(0, m.start() - 30):m.start()]) and re.match(
            r"\s*(?:[.;!\n)]|$)", after)
        before = src.lower[max(0, m.start() - 24):m.start()]
        negated = re.search(r"\b(?:not|no|non-?|without|has|have|had|offers?|includes?|including|comes with|"
                            r"free)\s+(?:a\s+|an\s+|free\s+)?$", before) or re.search(
            r"\b(?:very|quite|really|too|so|fairly|extremely|is|was|are|were|be|been|being)\s+$", before)
        if aside or as_value or negated or at_end:
            return flag
    return f


#: Kinds a key's words may suggest that a text can still show to be a yes/no flag.
_UNTYPED_KINDS = {"text", "name", "place", "org", "product", "title", "count"}


def _answered_line(f: Field, src: Source) -> bool:
    """A line of the text asks about the key and answers yes or no ("Is water leaking into another room? No")."""
    from .value_finders import answered

    return bool(answered([w for w in f.words if w not in ("is", "has", "needs", "was")], src))


def states_of(f: Field, src: Source) -> list:
    """Where the text says the key's state or its opposite in other words ("sold out", "in person")."""
    from .value_lexicon import NEGATIVE_FORMS, POSITIVE_FORMS

    words = f.words
    forms = [form for w in dict.fromkeys([words[-1], "_".join(words)]) for form in NEGATIVE_FORMS.get(w, ()) +
             POSITIVE_FORMS.get(w, ()) if form not in words and form != " ".join(words)]
    return [m for form in forms for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", src.lower)]


#: A candidate below this score is a guess: a clause the text happens to start with.
_WEAK = 1.6
#: A proper noun nothing else marks, offered for a key that names a thing ("trail", "hut", "party").
_PROPER = 1.9


def _feature_key(f: Field) -> bool:
    """An untyped key whose head word names no kind of value: a feature something has or not ("packed_lunch",
    "hotfix", "postal_vote"), which a model answers with true or false."""
    from .key_lexicon import KIND_OF_WORD, singular

    words = f.words
    return (not f.type and not f.enum and f.kind == "text" and bool(words) and words[-1] not in KIND_OF_WORD
            and singular(words[-1]) not in KIND_OF_WORD and f.example is None)


def _feature_word(f: Field) -> bool:
    """A key whose last word is a facility or a state ("ev_charging", "complete"), which a proper noun does not
    fill."""
    last = f.words[-1] if f.words else ""
    return last.endswith("ing") and len(last) > 5 or last in _STATES


_STATES = {"complete", "fragile", "broken", "faulty", "fault", "damaged", "new", "used", "open", "closed", "full",
           "empty", "ready", "safe", "secure", "clean", "dirty", "late", "early", "busy", "free", "public", "private",
           "live", "hot", "cold", "wet", "dry", "fresh", "local", "handmade", "accessible", "eligible", "visible",
           "hotfix", "lunch", "breakfast", "dinner", "wifi", "pool", "garden", "balcony", "lift", "elevator",
           "heating", "aircon", "ac", "fee", "vote", "hookup", "sauna", "gym", "spa", "kitchen", "terrace", "view"}


def _mentioned(f: Field, src: Source) -> bool:
    """The key's words stand in the text in lower case as a thing had or not ("with a packed lunch"), not
    counted ("3 children") nor numbered ("line 88")."""
    from .value_lexicon import stem

    stems = {stem(w) for w in f.words if len(w) > 2}
    for w, s, e in src.words:
        if w[:1].islower() and stem(w.lower()) in stems and not re.search(r"\d[\s-]*$", src.text[max(0, s - 4):s]) \
                and not re.match(r"[\s:#-]*\d", src.text[e:e + 4]):
            return True
    return bool(states_of(f, src))


def _had(f: Field, src: Source) -> bool:
    """The key's last word follows an article or "with": a thing had ("it's the hotfix", "with a packed lunch")."""
    word = re.escape(f.words[-1])
    if re.search(rf"\b(?:[Aa]n?|[Tt]he|[Ww]ith|[Ii]ts|[Nn]o)\s+(?:[a-z-]+\s+)?(?i:{word})s?\b", src.text):
        return True
    said = "|".join(re.escape(w) for w in f.words if len(w) > 2) or word
    return bool(re.search(rf"\b(?:{said})(?:[\w-]*)\s+(?:included|provided|available|offered|on site|on-site)\b",
                          src.lower) or any(m.end() < len(src.lower) and re.match(
        r"\s+(?:included|provided|available|offered)\b", src.lower[m.end():]) for m in states_of(f, src)))


def _modified(f: Field, src: Source) -> bool:
    """The key's word has a word of its own before it that is not the key's: "the banking sector", "the late
    shift" (a value), not "a packed lunch" for ``packed_lunch``."""
    m = re.search(rf"\b(?:the|a|an|my|our|your|his|her|their)\s+([a-z-]+)\s+{re.escape(f.words[-1])}s?\b", src.lower)
    return bool(m) and m.group(1) not in f.words


def _only_key_words(c: Found, f: Field) -> bool:
    """A candidate that is no more than the key's own words ("lunch" for ``packed_lunch``)."""
    from .value_lexicon import STOP, stem

    stems = {stem(w) for w in f.words}
    words = re.findall(r"[a-z]+", str(c.value).lower())
    return not isinstance(c.value, (int, float)) and all(stem(w) in stems or w in STOP for w in words)


def order_pairs(fields: list[Field], ranked: dict[str, list[Found]], src: Source) -> None:
    """Score the candidates of two paired keys of one kind by the cue words before them, else by order; a key
    of a pair with no partner (``destination`` beside ``citizenship``) by the cue words alone."""
    paired: set[str] = set()
    for first in fields:
        if first.order != "first":
            continue
        cls = _KIND_CLASS.get(first.kind)
        seconds = [f for f in fields if f.order == "second" and _KIND_CLASS.get(f.kind) == cls and f is not first
                   and _shares_words(first, f)]
        if not cls or not seconds:
            continue
        second = seconds[0]
        paired.update((first.key, second.key))
        firsts, lasts = _CUES.get(cls, _CUES["place"])
        shared = sorted({c.start for c in ranked[first.key] if c.start >= 0} & {c.start for c in ranked[second.key]
                                                                                if c.start >= 0})
        for field, sign in ((first, 1.0), (second, -1.0)):
            for c in ranked[field.key]:
                if c.start < 0:
                    continue
                before = src.text[max(0, c.start - 24):c.start].lower()
                number = next((n for n in src.nums if n.start == c.start), None)
                if number is not None and number.pair:
                    c.score += 1.5 * sign * (1 if number.pair == "first" else -1)
                elif re.search(firsts, before):
                    c.score += 2.0 * sign
                elif re.search(lasts, before):
                    c.score -= 2.0 * sign
                elif c.start in shared and len(shared) > 1:
                    c.score += 0.5 * sign * (1 if c.start == shared[0] else -1 if c.start == shared[-1] else 0)
            ranked[field.key].sort(key=lambda c: -c.score)
    for lone in fields:
        cls = _KIND_CLASS.get(lone.kind)
        if lone.key in paired or not lone.order or cls != "place":
            continue
        firsts, lasts = _CUES[cls]
        sign = 1.0 if lone.order == "first" else -1.0
        for c in ranked[lone.key]:
            before = src.text[max(0, c.start - 24):c.start].lower() if c.start >= 0 else ""
            if before and re.search(firsts, before):
                c.score += 2.0 * sign
            elif before and re.search(lasts, before):
                c.score -= 2.0 * sign
        ranked[lone.key].sort(key=lambda c: -c.score)


def _shares_words(a: Field, b: Field) -> bool:
    """Two keys of a pair share what they are about beyond their order words (``salary_min``/``salary_max``),
    or have none (``from``/``to``, ``origin``/``destination``)."""
    from .field_kinds import FIRST, SECOND

    rest_a = [w for w in a.words if w not in FIRST and w not in SECOND]
    rest_b = [w for w in b.words if w not in FIRST and w not in SECOND]
    return not rest_a or not rest_b or bool(set(rest_a) & set(rest_b)) or a.kind == b.kind
