"""Finders for words and phrases: a person's name, a place, a company, a title, a product, a free phrase.

Each takes the field asked about, the :class:`~helpers.practice.text_source.Source` and the options
the prompt lists, and returns ranked ``Found`` values. Capitalised phrases are the raw material; the
words around them say what they are ("Regards, Kwame Mensah" is a person, "in Seville" a place,
"with DHL" a company, a quoted phrase a title).
"""
from __future__ import annotations

import re

from .field_kinds import Field
from .prompt_reading import Option
from .text_source import CAP_PHRASE, Found, Source
from .value_lexicon import COMMON_CAPITALISED, COUNTRIES, DAYS, MONTHS, PLACES, common_words, stem

__all__ = ["PHRASE_FINDERS", "free_text", "phrases"]

_NAME_BEFORE = re.compile(r"(?:\bI'?m|\bI am|\bthis is|\bname is|\bname:|\bit'?s|\bit is|\bmeet|regards,?|thanks,?|"
                          r"cheers,?|sincerely,?|best,|\bfrom|^-|\n-|[-\u2014]\s*$|\bfor|\bby|\bcontact|\bdear"
                          r"|\bcall me|\bsigned|\bfrom:|year-old|years? old|\bstudent|\bpupil)\s*$", re.I)
_PLACE_BEFORE = re.compile(r"\b(?:in|to|from|at|near|into|via|based in|lives in|arrives in|departs|leaving|visit|"
                           r"visiting|towards|around|outside)\s+(?:the\s+)?$", re.I)
_ORG_AFTER = re.compile(r"^\s*(?:Press|Inc\.?|Ltd\.?|LLC|GmbH|AS|AG|SA|plc|Group|Bank|Airlines?|Air|Corp\.?|"
                        r"Company|Co\.|Studios?|Labs?|Hotel|Restaurant|Cafe|Bistro)\b")
_PLACE_AFTER = re.compile(r"^\s*(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Station|Airport|Square|Park)\b")
_NOT_NAMES = {d.capitalize() for d in DAYS} | {m.capitalize() for m in MONTHS} | {
    "January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
    "December", "JSON", "Python", "English", "French", "German", "Spanish", "Italian"}


def phrases(src: Source) -> list[tuple[str, int, int]]:
    """Capitalised phrases, without the common words that only start a sentence ("Meet", "Dear", "My")."""
    common = common_words()
    found = []
    for m in CAP_PHRASE.finditer(src.text):
        parts = [(w.group(), m.start() + w.start()) for w in re.finditer(r"\S+", m.group())]
        while parts and (parts[0][0] in _NOT_NAMES or parts[0][0].lower() in COMMON_CAPITALISED
                         or parts[0][0].lower() in common and src.sentence_start(parts[0][1])):
            parts = parts[1:]
        while parts and (parts[-1][0] in _NOT_NAMES or parts[-1][0].lower() in ("the", "and", "of", "de", "van")):
            parts.pop()
        if parts:
            start, end = parts[0][1], parts[-1][1] + len(parts[-1][0])
            found.append((src.text[start:end], start, end))
    return found


def _before(src: Source, start: int, width: int = 24) -> str:
    return src.text[max(0, start - width):start]


def names(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """People's names: capitalised words with what usually goes around a name."""
    found = []
    for text, s, e in phrases(src):
        before, after = _before(src, s), src.text[e:e + 20]
        score = 1.5 * min(len(text.split()), 2) - 1.0
        score += 3.0 if _NAME_BEFORE.search(before) and not _PLACE_BEFORE.search(before[-8:]) else 0.0
        signed = re.search(r"(?:^|[\n,\-\u2014])\s*$", src.text[:s])  # a signature: on its own line, after a dash
        score += 2.0 if signed and (not src.text[e:].strip(" .!,\n") or src.text[e:e + 1] == "\n") else 0.0
        score -= 4.0 if text in PLACES or _PLACE_BEFORE.search(before) else 0.0
        score -= 3.0 if _ORG_AFTER.match(after) or _PLACE_AFTER.match(after) else 0.0
        score -= 2.0 if re.search(r"\b(?:the|a|an)\s+$", before, re.I) else 0.0
        score -= 2.0 if _quoted(src, s) else 0.0
        score -= 1.5 if re.match(r"\s+(?:position|role|job|team|department|desk|fan|kettle)\b", after) else 0.0
        if score > 0:
            found.append(_name_part(f, text, s, e, score))
    return found


def _name_part(f: Field, text: str, start: int, end: int, score: float) -> Found:
    """The part of a name a key asks for: ``first_name`` the first word, ``last_name`` the last."""
    words = set(f.words)
    parts = text.split()
    if len(parts) > 1 and words & {"first", "given", "forename"}:
        return Found(parts[0], start, start + len(parts[0]), score)
    if len(parts) > 1 and words & {"last", "surname", "family"}:
        return Found(parts[-1], end - len(parts[-1]), end, score)
    return Found(text, start, end, score)


def _quoted(src: Source, at: int) -> bool:
    return any(s <= at < e for _, s, e in src.quotes)


def places(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """Places: known ones, or capitalised words after "in", "to", "from"; "from"/"to" roles respected."""
    found = _capital_fact(src) if "capital" in f.words else []
    if {"address", "pickup", "street", "dropoff", "destination", "location", "near", "around"} & set(f.words):
        found += [Found(m.group().strip(), m.start(), m.end(), 4.0) for m in _ADDRESS.finditer(src.text)]
    for text, s, e, before in _place_phrases(src):
        score = 1.0 + (2.0 if text in PLACES else 0.0) + (1.5 if _PLACE_BEFORE.search(before) else 0.0)
        score += 1.0 if "country" in f.words and text in COUNTRIES else 0.0
        score -= 2.0 if "country" in f.words and text not in COUNTRIES else 0.0
        score -= 1.0 if "city" in f.words and text in COUNTRIES else 0.0
        if f.role:
            score += 3.0 if (_FROM if f.role == "from" else _TO).search(before) else 0.0
        if {"headquarters", "hq", "based"} & set(f.words):
            score += 2.0 if re.search(r"\b(?:based|headquartered|located)\s+in\s+$", before, re.I) else 0.0
        found.append(Found(text, s, e, score))
    if not found:  # a proper noun the question asks about ("Where is Timbuktu?")
        found = [Found(text, s, e, 1.0) for text, s, e in phrases(src) if text not in COMMON_CAPITALISED]
    return found


_STREET = r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Way|Drive|Dr\.?|Boulevard|Blvd\.?|Place|" \
          r"Square|Court|Crescent|Terrace|Close)"
#: "14 Harbour Road", "221B Baker Street", "Bergstrasse 12", "Calle Mayor 5".
_ADDRESS = re.compile(rf"\b\d{{1,5}}[A-Za-z]?\s+(?:[A-Z][\w'-]*\s+){{1,3}}{_STREET}(?![\w])"
                      rf"|\b[A-Z][\w-]*(?:stra(?:ss|\u00df)e|gasse|weg|platz|straat|gatan|gade|vej)\s+\d{{1,5}}\w?\b"
                      rf"|\b(?:Calle|Rue|Via|Rua|Avenida)\s+(?:[A-Za-z][\w'-]*\s+){{1,3}}\d{{1,5}}\b")
_FROM = re.compile(r"\b(?:from|departs?|departing|leaving|leaves)\s+(?:the\s+)?$", re.I)
_TO = re.compile(r"\b(?:to|arrives? in|arriving in|into|for)\s+(?:the\s+)?$", re.I)


def _place_phrases(src: Source):
    """Capitalised phrases that may be places, each with the text just before it."""
    seen = set()
    for text, s, e in phrases(src):
        before = _before(src, s)
        extra = re.match(r"(?:\s+(?:\d+\w*|[A-Z]\d+\w*))+", src.text[e:])  # "Room B12", "Bergstrasse 12"
        if extra and _PLACE_BEFORE.search(before):
            e += extra.end()
            text = src.text[s:e]
        if text in seen:
            continue
        seen.add(text)
        if text in PLACES or _PLACE_BEFORE.search(before) or _PLACE_AFTER.match(src.text[e:e + 12]):
            yield text, s, e, before


def _capital_fact(src: Source) -> list[Found]:
    from .facts import capital

    asked = capital(src.whole)
    return [Found(asked[1], -1, -1, 5.0)] if asked and asked[1] else []


def orgs(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """Companies: acronyms, names before "Inc", "Press", "AS", or after "with", "at", "by"."""
    found = []
    for m in re.finditer(r"(?<![\w-])[A-Z]{2,5}(?![\w-])", src.text):
        if m.group().lower() not in common_words() and m.group() not in ("OK", "AM", "PM", "ID", "JSON"):
            found.append(Found(m.group(), m.start(), m.end(), 1.5 + _org_context(src, m.start())))
    for text, s, e in phrases(src):
        after = _ORG_AFTER.match(src.text[e:e + 16])
        score = 1.0 + _org_context(src, s) + (2.5 if after else 0.0) - (2.0 if text in PLACES else 0.0)
        found.append(Found(text + (src.text[e:e + after.end()] if after else ""), s, e + (after.end() if after else 0),
                           score))
    return [c for c in found if c.score > 0.5]


def _org_context(src: Source, start: int) -> float:
    before = _before(src, start, 16).lower()
    return 1.5 if re.search(r"\b(?:with|by|at|from|via|on)\s+$", before) else 0.0


def titles(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """Titles: a quoted phrase first, else capitalised words after "called", "titled", "book"."""
    found = [Found(q.strip(), s, e, 3.0 - 0.01 * i) for i, (q, s, e) in enumerate(src.quotes)]
    for text, s, e in phrases(src):
        before = _before(src, s).lower()
        if re.search(r"\b(?:called|titled|named|book|film|novel|song|album|movie)\s+$", before):
            found.append(Found(text, s, e, 2.0))
    return found


def job(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """A job: "applying for the Data Analyst position", "works as a nurse"."""
    found = []
    for m in re.finditer(r"\b(?:the|a|an)\s+([\w -]{2,40}?)\s+(?:position|role|job|post|vacancy)\b", src.text, re.I):
        found.append(Found(m.group(1).strip(), m.start(1), m.end(1), 2.0))
    for m in re.finditer(r"\b(?:as|am|is|was)\s+an?\s+((?:[\w-]+\s+){0,2}?[\w-]+(?:er|or|ist|ian|ant|ent|nurse|chef))"
                         r"\b", src.text):
        found.append(Found(m.group(1), m.start(1), m.end(1), 1.5))
    return found


_VERBS = r"(?:is|was|are|were|has|had|have|broke|arrived|stopped|keeps|kept|shows|showed|won't|doesn't|isn't|" \
         r"didn't|does|did|will|works|worked|came|comes|crashes|crashed|switches|won|that|which|and|but|from|in|on|" \
         r"for|to|at|with|I|it)\b"


_PRODUCT = re.compile(rf"\b(?i:the|my|a|an|your|this|our|new)\s+([A-Z][\w-]*(?:\s+(?!{_VERBS})[\w-]+){{0,3}}?)"
                      rf"(?=\s+{_VERBS}|[,.!?;:)]|$)")


_NOUN_PHRASE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Mm]y|[Ss]ome|[Tt]wo|[Tt]hree)\s+"
                          r"((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*?)(?=\s+(?:for|with|to|from|and|that|which|is|was|in|on|at|please)\b|[,.!?;:]|$)")


def products(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """Products: a capitalised name and the words after it up to a verb ("the Zephyr desk fan is loud")."""
    found = []
    for m in re.finditer(_PRODUCT, src.text):
        found.append(Found(m.group(1), m.start(1), m.end(1), 2.0))
    for text, s, e in phrases(src):
        found.append(Found(text, s, e, 0.8 - (1.0 if text in PLACES else 0.0)))
    for m in _NOUN_PHRASE.finditer(src.text):
        found.append(Found(m.group(1), m.start(1), m.end(1), 0.6))
    known = [Found(o.name, -1, -1, 3.0) for o in options if o.name.lower().split()[0] in src.text.lower()]
    return known + [c for c in found if c.score > 0]


def free_text(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """Any other string: "key: value" in the text, a quoted phrase, the words after a cue, a short first line."""
    found = []
    key = r"[\s_-]+".join(re.escape(w) for w in f.words)
    for m in re.finditer(rf"\b{key}\s*(?::|=|\bis\b|\bwas\b)\s*([^\n.;,]{{1,80}})", src.text, re.I):
        found.append(Found(m.group(1).strip(" \"'"), m.start(1), m.end(1), 3.0))
    for pattern, score in _PHRASE_CUES.get(_cue_family(f), ()):
        for m in re.finditer(pattern, src.text, re.I):
            found.append(Found(m.group(1).strip(" \"'"), m.start(1), m.end(1), score))
    for m in re.finditer(rf"\b{re.escape(f.words[-1])}\s+(?:number\s+|no\.?\s+)?([A-Z]?\d+[A-Z]?\b|[A-Z]{{1,3}}\d+\w*)",
                         src.text, re.I) if f.words else ():  # "gate B22" for a key "new_gate"
        found.append(Found(m.group(1), m.start(1), m.end(1), 2.5))
    stems = {stem(w) for w in f.words}
    for value, s, e in src.numbers:  # "2 bags" for a key "bags"
        if any(stem(w) in stems for w in src.around(s, e, 0, 1)[1]):
            found.append(Found(value, s, e, 2.5))
    told = re.search(r":\s*([^\n]{2,200}?)(?=[.!?](?:\s|$)|\n|$)", src.text)  # "Save a note: buy oat milk"
    if told and _cue_family(f) in ("text", "message", "query", ""):
        found.append(Found(told.group(1).strip(), told.start(1), told.end(1), 2.0))
    if _cue_family(f) in ("text", "query"):
        found += [Found(q, s, e, 1.0) for q, s, e in src.quotes]
    first = re.split(r"(?<=[.!?\n])\s+", src.text.strip())[0].strip(" .")
    if first and len(first.split()) <= 5:
        found.append(Found(first, src.text.find(first), src.text.find(first) + len(first), 0.6))
    return found


def _cue_family(f: Field) -> str:
    words = set(f.words)
    for family, names in (("message", {"message", "reminder", "task", "note", "todo"}),
                          ("request", {"request", "reason", "intent", "ask"}),
                          ("text", {"text", "phrase", "sentence", "content"}),
                          ("query", {"query", "search", "keywords", "q"}),
                          ("event", {"event", "meeting", "occasion", "activity"}),
                          ("topic", {"topic", "subject", "about"})):
        if words & names:
            return family
    return ""


_END = r"(?=\s+(?:at|on|every|tomorrow|today|tonight|in|by|before|after)\b|[.!?,;\n]|$)"
_PHRASE_CUES = {
    "message": ((rf"\bremind me (?:to|about)\s+(.{{2,80}}?){_END}", 3.0), (rf"\bnote:?\s+(.{{2,80}}?){_END}", 2.0)),
    "request": ((r"\b(?:i'?d like to|i would like to|i want to|please|can you|could you|i need to)\s+"
                 r"(.{3,80}?)(?=[.!?;\n]|$)", 2.5),),
    "text": ((r"\btranslate\s+(.{2,120}?)\s+(?:into|to)\s+\w+", 1.5),),
    "query": ((r"\b(?:for|about|search)\s+(.{2,60}?)(?=[.?!\n]|$)", 2.0),),
    "event": ((r"(?:^|[.!?]\s+)(?:the|a|an|our|my)\s+([\w -]{3,40}?)\s+(?:will|is|takes|starts|begins|on)\b", 2.5),),
    "topic": ((r"\b(?:about|on|regarding|love|hate|like)\s+(?:the\s+|my\s+)?(.{3,40}?)(?=[,.!?;\n]|$)", 1.5),),
}

PHRASE_FINDERS = {"name": names, "place": places, "org": orgs, "title": titles, "job": job, "product": products,
                  "message": free_text, "text": free_text}
