"""Finders for words and phrases: a person's name, a place, a company, a title, a product, a job, a free phrase.

Capitalised phrases are the raw material (:func:`phrases`). Each is weighed as a person, a place, an
organisation, a title and a product by what is in it and around it: a title before it ("Dr.",
"Grandpa"), a word that introduces a name ("I'm", "by", "Regards,"), a preposition of place ("in",
"from"), a known place, a company word at its end ("Ltd", "Bank", "Analytics"), quotes, a common noun
after it ("the Zephyr desk fan"). A field takes the phrases of its kind, best first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .field_kinds import Field
from .key_lexicon import KIND_OF_WORD, UNIT_WORDS
from .prompt_reading import Option
from .text_source import Found, Source
from .value_lexicon import COMMON_CAPITALISED, COUNTRIES, DAYS, MONTHS, PLACES, STOP, common_words, stem

__all__ = ["PHRASE_FINDERS", "free_text", "phrases", "Phrase", "clause_at"]

_CAP = (r"(?:[A-Z][a-z]*['\u2019][A-Z][a-z\u00e0-\u00ff]+"
        r"|[A-Z][a-z\u00e0-\u00ff]+(?:[A-Z][a-z]+)*(?:-[A-Z][a-z\u00e0-\u00ff]+)*)")
_LINK = (r"(?:&|and(?=\s+[A-Z][a-z]+\s+(?:Ltd|Inc|Co|Sons|Partners))|of|the|for|de|da|del|der|van|von|bin|al|du|"
         r"la|le|di|y|do|dos|das|des|della|el|op|ten|ter|zu)")
_OWN = (r"(?:['\u2019]s(?=[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:Hospital|School|College|Church|Cathedral|Park|Hall|Gardens?|"
        r"Square|Bay|Road|Street|Lane|Primary|Academy|Inn|Cafe|Kitchen|Bakery|Museum|Gallery|Library|Centre|Center|"
        r"Market|Chapel|Abbey|Island|Well|Green|Head|Point)\b))?")  # "St Brigid's Hospital", not "Vodafone's Red plan"
_PREFIX = r"(?:(?:(?<!\d[ \t])[A-Z]{2,4}|MSc|BSc|PhD|MEng|BEng|MPhil|MBA)[ \t]+(?=[A-Z]))?"  # "MV Northern Star"
_PHRASE = re.compile(rf"(?<![\w'\u2019]){_PREFIX}{_CAP}{_OWN}(?:[ \t]+(?:{_LINK}[ \t]+(?:the[ \t]+)?)?{_CAP}{_OWN})"
                     rf"{{0,5}}(?:[ \t]+(?:II|III|IV|VI|VII|VIII|IX|XI|XII|\d{1,3}[Kk])\b)?(?![\w-]|['\u2019]t\b)")
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev",
           "captain", "capt", "coach", "chef", "judge", "officer", "sgt"}
_RELATIONS = {"grandpa", "grandma", "granny", "grandad", "granddad", "nana", "aunt", "auntie", "uncle", "mum", "mom",
              "dad", "cousin", "brother", "sister", "son", "daughter", "baby", "little", "young", "old", "dear",
              "hi", "hello", "hey", "botanist", "author", "singer", "artist", "patient", "customer", "mister"}
_NOT_NAMES = {d.capitalize() for d in DAYS} | {m.capitalize() for m in MONTHS} | {
    "January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
    "December", "JSON", "Python", "English", "French", "German", "Spanish", "Italian", "Portuguese", "I", "OK",
    "AM", "PM", "ID", "API", "FAQ", "PS", "NB", "TBD", "ASAP", "RSVP", "USD", "EUR", "GBP", "CHF", "JPY", "VAT",
    "CEO", "CTO", "HR", "IT", "QA", "UI", "PDF", "URL", "GET", "POST", "PUT", "DELETE", "HTTP", "HTTPS", "FYI",
    "AND", "OR", "THE", "NOT", "NO", "YES", "TV", "UTC", "GMT", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
_ORG_TAIL = set("""inc ltd llc gmbh ag sa plc co corp corporation company group holdings industries bank media
analytics hosting joinery trust foods logistics robotics solar press market markets cafe café airlines airways air
labs lab studio studios solutions systems partners consulting services insurance energy motors health clinic
hospital university college school academy institute foundation society club fc united records publishing books
coffee bakery brewery winery vineyards pharmacy cinema cinemas theatre theater gallery museum stores store shop
supermarket technologies tech software networks capital ventures rail digital design works factory kitchen bistro
restaurant grill bar pub inn lodge resort spa gym fitness salon agency news times post journal magazine radio
telecom pharma freight shipping express transport auto garage dental medical care vets pets farms mart outfitters
apparel fashion print printing cleaning builders construction electric electronics games entertainment partners
associates law legal finance financial properties realty estates homes hotels bikes cycles sports boutique
cooperative council ministry department agency authority""".split())
_ORG_HEAD = {"hotel", "restaurant", "cafe", "café", "bank", "university", "domaine", "chateau", "château", "club",
             "casa", "banco", "hospital", "clinic", "studio", "gallery", "museum", "bistro", "trattoria",
             "hostel",
             "pension", "gasthof", "villa", "maison", "the"}
_PLACE_TAIL = re.compile(r"^[ \t]+(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Way|Drive|Dr\.?|Boulevard|"
                         r"Blvd\.?|Place|Square|Court|Crescent|Terrace|Close|Grove|Gardens|Park|Station|Airport|Harbour|"
                         r"Harbor|Bridge|Hill|Quay|Wharf|Market|Row|Walk|Parade|Mews)\b")
_PLACE_WORDS = {"street", "road", "avenue", "lane", "way", "drive", "boulevard", "square", "court", "crescent",
                "terrace", "close", "grove", "gardens", "park", "station", "airport", "harbour", "harbor", "bridge",
                "hill", "quay", "wharf", "row", "walk", "parade", "mews", "platform", "terminal", "gate", "room",
                "hall", "centre", "center", "island", "lake", "mountain", "beach", "valley", "city", "town"}
_NAME_BEFORE = re.compile(r"(?:\bI'?m|\bI am|\bthis is|\bname is|\bname:|\bnamed|\bit'?s|\bit is|\bmeet|regards,?|"
                          r"thanks,?|cheers,?|sincerely,?|best,|\bdear|\bhi|\bhello|\bcall me|\bsigned|\bfrom:|"
                          r"\bthanks to|\bwelcome|\bgreet|\bby|\bwith|\bpatient|\bcustomer|\bguest|\bfor|"
                          r"\binvited by|\bcontact|\bask for|\bsee|\bspoke with|\bspoke to|\bgive|\bsend|\btell|"
                          r"\bask|\bcall|\bemail|\btext|\binvite|\bremind|\bpay|\bthank|\bhelp|\blet|\bmessage)"
                          r"\s*[,:]?\s*$", re.I)
_STRONG_NAME_BEFORE = re.compile(r"(?:\bI'?m|\bI am|\bthis is|\bname is|\bname:|\bit'?s|\bcall me|\bsigned|\bdear|"
                                 r"regards,?|sincerely,?|cheers,?|\bthanks to|\bwelcome|\bmeet)\s*[,:]?\s*$", re.I)
_PERSON_AFTER = re.compile(r"^(?:'s\b|\u2019s\b|\s*\((?:born|aged|\d)|,?\s+(?:will|is|was|has|had|said|says|wrote|"
                           r"works|worked|lives|lived|turned|scored|beat|defeated|won|lost|joined|joins|enrolled|"
                           r"borrowed|invited|signed|called|emailed|asked|wants|would|needs|cannot|can't|did|does|"
                           r"and I|here|booked|reported|knows|loves|likes|speaks|studies|owns|writes|reads|"
                           r"ran|paid|bought|moved|teaches|plays|sings|started|agreed)\b)")
_PLACE_BEFORE = re.compile(r"\b(?:in|to|from|at|near|into|via|visit|visiting|towards|around|outside|based in|lives in|"
                           r"arrives in|departs|leaving|leaves|reach|reaches|between|across|through)\s+(?:the\s+)?$",
                           re.I)
_ORG_BEFORE = re.compile(r"\b(?:at|with|by|from|for|joined|joins|employer|company|via|published by|made by|"
                         r"works at|work at|working at|working for|represent|represents)\s+(?:the\s+)?$", re.I)
_ORG_AFTER = re.compile(r"^\s*(?:is hiring|are hiring|employs|was founded|were founded|,?\s*(?:which|that|who) "
                        r"(?:employs|makes|sells))", re.I)
_ROLE_BEFORE = re.compile(r"\b(?:botanist|scientist|professor|doctor|nurse|author|writer|artist|singer|chef|"
                          r"engineer|designer|manager|director|teacher|coach|captain|player|striker|architect|"
                          r"journalist|reporter|editor|founder|ceo|lawyer|landlord|tenant|patient|client|customer|"
                          r"guest|speaker|host|student|volunteer|driver|agent|stylist|photographer|my son|my daughter|"
                          r"my wife|my husband|my friend|my colleague|colleague|actor|actress|dancer|pianist|"
                          r"violinist|poet|novelist|historian|economist|dentist)\s+$", re.I)
_TITLE_BEFORE = re.compile(r"\b(?:called|titled|named|book|film|novel|song|album|movie|episode of|series|show|"
                           r"podcast|course|class|talk|webinar|workshop|read|watched|watch)\s*:?\s*$", re.I)
_NOUN_AFTER = re.compile(r"^((?:\s+[A-Z]{0,3}\d+\w*)?(?:\s+(?!(?:is|was|are|were|has|had|and|or|but|for|from|with|at|"
                         r"in|on|to|"
                         r"of|by|it|its|I|that|which|who|keeps|kept|broke|makes|made|does|did|will|won't|stopped|"
                         r"whenever|when|while|if|because|after|before|every|since|until|so|then|now|today|"
                         r"arrived|works|worked|crashes|crashed|needs|costs|runs|came|comes|looks|sounds|feels|brought|sent|"
                         r"delivered|served|taken|given|made|left|kept|put|"
                         r"seems)\b)[a-z][a-z-]+){0,3})")


@dataclass
class Phrase:
    """A capitalised phrase and how much it looks like each kind of proper noun."""

    text: str
    start: int
    end: int
    titled: str  # the title or relation before it ("Dr.", "Grandpa"), if any
    person: float = 0.0
    place: float = 0.0
    org: float = 0.0
    title: float = 0.0
    product: float = 0.0
    product_text: str = ""  # with the common nouns after it: "Zephyr desk fan"
    product_end: int = 0


def phrases(src: Source) -> list[Phrase]:
    """The text's proper-noun phrases, each weighed as a person, place, organisation, title and product."""
    if "phrases" not in src.cache:
        src.cache["phrases"] = [_weigh(src, p) for p in _raw_phrases(src)]
    return src.cache["phrases"]


def _raw_phrases(src: Source):
    common = common_words()
    for m in _PHRASE.finditer(src.text):
        parts = [(w.group(), m.start() + w.start()) for w in re.finditer(r"\S+", m.group())]
        link = next((i for i, (w, _) in enumerate(parts) if w == "for" and 0 < i < len(parts) - 1), None)
        if link is not None and (" ".join(w for w, _ in parts[:link]) in PLACES or link == 1 and
                                 src.sentence_start(parts[0][1]) or \
                " ".join(w for w, _ in parts[link + 1:]) in PLACES):  # "York for Leeds": two places, not one name
            halves = (parts[:link], parts[link + 1:]) if " ".join(w for w, _ in parts[:link]) in PLACES or \
                " ".join(w for w, _ in parts[link + 1:]) in PLACES else (parts[link + 1:],)
            for half in halves:  # "Prescription for Aled Jones": the sentence's first word is no name
                yield " ".join(w for w, _ in half), half[0][1], half[-1][1] + len(half[-1][0]), ""
            continue
        titled = ""
        while parts:
            word, at = parts[0]
            if " ".join(w for w, _ in parts) in PLACES:
                break
            low = word.lower().rstrip(".")
            if low in _TITLES or low in _RELATIONS:
                titled = word
                parts = parts[1:]
                continue
            alone = len(parts) == 1 and _PERSON_AFTER.match(src.text[at + len(word):at + len(word) + 30])
            if word in _NOT_NAMES or low in COMMON_CAPITALISED and (src.sentence_start(at) or len(parts) == 1 or not
                                                                    _after_of(src, at)) or \
                    word.isupper() and len(parts) > 1 and \
                    word.lower() in common or low in common and src.sentence_start(at) and len(word) > 1 and \
                    not (len(parts) > 1 and low in _ORG_HEAD) and not alone:
                parts = parts[1:]
                titled = ""
                continue
            break
        if len(parts) == 1 and src.sentence_start(parts[0][1]) and not titled and parts[0][0] not in PLACES and \
                re.match(r"[ \t]+\d", src.text[parts[0][1] + len(parts[0][0]):]) and \
                not _PERSON_AFTER.match(src.text[parts[0][1] + len(parts[0][0]):parts[0][1] + 40]):
            continue  # "Serves 4.", "Amber warning": a sentence's first word, not a name
        after_phrase = src.text[parts[-1][1] + len(parts[-1][0]):][:40] if parts else ""
        if parts and re.search(r"(?:^|\n)[ \t]*$", src.text[:parts[0][1]]) and (
                len(parts) == 1 and re.match(r"[ \t]*:", after_phrase) and parts[0][0].lower() in common
                or re.match(r"(?:[ \t]+[a-z]+){1,2}[ \t]*:", after_phrase)):
            continue  # "Issue: ...", "Gig alert: ...": a label, not a name
        while parts and (parts[-1][0] in _NOT_NAMES or parts[-1][0].lower() in COMMON_CAPITALISED and len(parts) > 1
                         or parts[-1][0].lower() in ("the", "and", "of", "de", "van", "&",
                                                                                 "y", "la", "le", "di", "du", "for")):
            parts.pop()
        if not parts:
            continue
        start, end = parts[0][1], parts[-1][1] + len(parts[-1][0])
        if not titled:
            before = src.text[max(0, start - 12):start]
            t = re.search(r"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame)\.?\s+$", before)
            titled = t.group(1) + ("." if t.group(1) in ("Mr", "Mrs", "Ms", "Dr", "Prof", "Mx") else "") if t else ""
        yield src.text[start:end], start, end, titled
    for m in re.finditer(r"(?<![\w-])[A-Z]{2,5}(?![\w-])", src.text):  # acronyms: "DHL", "KLM"
        if re.search(r"\d[ \t]*$", src.text[max(0, m.start() - 3):m.start()]):
            continue  # "128 GB", "30 km": a unit
        if m.group() not in _NOT_NAMES and m.group().lower() not in common and \
                not re.match(r"[ \t]+[A-Z][a-z]|[ \t]*[:=]", src.text[m.end():m.end() + 3]):  # "YARD:" is a label
            if not re.search(r"[A-Z][a-z]+[ \t]+$", src.text[max(0, m.start() - 20):m.start()]):
                yield m.group(), m.start(), m.end(), ""


def _after_of(src: Source, at: int) -> bool:
    """A name after "of", "for", "called" mid-sentence keeps an everyday first word: "three bags of Night Owl"."""
    return bool(re.search(r"\b(?:of|for|called|named|titled|at|to|see|watch|visit)\s+$", src.text[max(0, at - 10):at]))


def _weigh(src: Source, raw) -> Phrase:
    text, s, e, titled = raw
    p = Phrase(text, s, e, titled)
    words = text.split()
    low = [w.lower() for w in words]
    before, after = src.text[max(0, s - 30):s], src.text[e:e + 40]
    line_alone = re.search(r"(?:^|\n)[ \t]*$", src.text[:s]) and re.match(r"[ \t]*(?:\n|$|\||,)", after)
    known_place = text in PLACES or text.title() in PLACES
    org_tail = low[-1] in _ORG_TAIL and len(words) > 1 or low[-1] in ("inc", "ltd", "llc", "gmbh", "plc")
    org_head = low[0] in _ORG_HEAD and len(words) > 1
    acronym = text.isupper() and len(text) <= 5
    # a person
    p.person = 1.2 * min(len(words), 2) - 1.0 + (0.3 if len(words) == 2 else 0.0)
    p.person += 4.0 if titled else 0.0
    p.person += 3.0 if _STRONG_NAME_BEFORE.search(before) else 1.5 if _NAME_BEFORE.search(before) else 0.0
    p.person += 1.5 if _PERSON_AFTER.match(after) else 0.0
    p.person += 1.5 if line_alone and len(words) >= 2 else 0.0
    p.person += 3.0 if re.search(r"(?:^|\s)[-\u2013\u2014]\s*$", before) and not re.match(r"\s*\w", after) else 0.0
    p.person += 2.0 if _ROLE_BEFORE.search(before) else 0.0
    versus = bool(re.search(r"\b(?:vs\.?|v\.?|versus|against|beat|beats|defeated|plays?|played)\s+$", before, re.I)
                  or re.match(r"\s+(?:vs\.?|v\.?|versus|against|beat|beats|defeated|\d+\s*(?:[-,.]|$))", after, re.I))
    p.person -= 4.0 if known_place or org_tail or org_head or acronym else 0.0
    p.person -= 2.0 if _quoted(src, s) else 0.0
    p.person -= 2.5 if re.search(r"\b(?:the|a|an|our|your|this)\s+$", before, re.I) else 0.0
    p.person -= 1.0 if _PLACE_TAIL.match(after) or low[-1] in _PLACE_WORDS else 0.0
    p.person -= 1.5 if re.search(r"\b(?:in|at|near|into|via)\s+$", before, re.I) else 0.0
    p.person -= 1.0 if re.match(r"[ \t]+\d", after) else 0.0
    if len(words) == 1 and not titled and src.sentence_start(s) and re.match(
            r"[ \t]+(?:to|for|from|of|with|at|in|on|the|a|an|[a-z]+ed)\b", after) and not _PERSON_AFTER.match(after):
        p.person -= 1.5  # "Congrats to ...", "Donation received": a sentence's first word, not a name
    _weigh_place_and_org(p, src, before, after, low, versus)
    # a title (of a book, a film, a talk)
    p.title = 4.0 if _quoted(src, s) else 0.0
    p.title += 2.5 if _TITLE_BEFORE.search(before) else 0.0
    p.title -= 1.0 if titled or known_place else 0.0
    # a product: the name and the common nouns after it ("the Zephyr desk fan", "Pixel 8")
    nouns = _NOUN_AFTER.match(after)
    p.product_text, p.product_end = text, e
    if nouns and nouns.group(1).strip():
        tail = _without_verb(nouns.group(1), after[len(nouns.group(1)):])
        p.product_text, p.product_end = text + tail, e + len(tail)
        p.product += 1.5
    p.product += 1.5 if re.search(r"\b(?:the|my|a|an|our|your|new|this|his|her)\s+$", before, re.I) else 0.0
    p.product += 1.0 if re.match(r"[ \t]+\d", after) else 0.0
    p.product -= 2.0 if known_place or titled else 0.0
    p.product -= 1.0 if _STRONG_NAME_BEFORE.search(before) else 0.0
    return p


def _weigh_place_and_org(p: Phrase, src: Source, before: str, after: str, low: list[str], versus: bool) -> None:
    text, s, titled = p.text, p.start, p.titled
    known_place = text in PLACES or text.title() in PLACES
    org_tail = low[-1] in _ORG_TAIL and len(low) > 1 or low[-1] in ("inc", "ltd", "llc", "gmbh", "plc")
    org_head = low[0] in _ORG_HEAD and len(low) > 1
    acronym = text.isupper() and len(text) <= 5
    words = text.split()
    # a place
    p.place = 3.0 if known_place else 0.0
    p.place += 2.0 if _PLACE_BEFORE.search(before) else 1.0 if re.search(r"\bfor\s+$", before) else 0.0
    p.place += 2.5 if _PLACE_TAIL.match(after) or low[-1] in _PLACE_WORDS else 0.0
    p.place -= 0.6 * max(0.0, p.person - 1.0)
    p.place -= 2.0 if titled or org_tail or _quoted(src, s) else 0.0
    p.place -= 1.5 if _STRONG_NAME_BEFORE.search(before) else 0.0
    # an organisation
    p.org = 4.0 if org_tail else 0.0
    p.org += 3.0 if org_head else 0.0
    p.org += 2.0 if acronym else 0.0
    p.org += 1.5 if _ORG_BEFORE.search(before) else 0.0
    p.org += 2.0 if _ORG_AFTER.match(after) else 0.0
    p.org -= 2.0 if known_place and not org_tail else 0.0
    p.org -= 2.5 if titled else 0.0
    p.org += 2.5 if versus else 0.0
    p.person += 1.5 if versus else 0.0
    p.place -= 2.0 if versus else 0.0
    p.org += 0.5 if len(words) >= 2 and not p.person > 2 else 0.0


def _without_verb(tail: str, rest: str) -> str:
    """A product's common nouns without a verb at their end: "plays" before "with", "packs" before "a"."""
    words = re.findall(r"\s+\S+", tail)
    while words and re.fullmatch(r"\s+[a-z]+[^s]s", words[-1]) and (
            re.match(r"\s+(?:a|an|the|with|to|in|on|for|at|by|his|her|my|our|their|its|up|out|about|over)\b", rest)
            or len(words) > 1):
        rest = words.pop() + rest
    return "".join(words)


def _with_the(src: Source, p: Phrase) -> tuple[str, int]:
    """A name of two words or more keeps a capitalised "The" before it ("The Velvet Owls", "The Hague")."""
    if len(p.text.split()) >= 2 and src.text[max(0, p.start - 4):p.start] == "The ":
        return "The " + p.text, p.start - 4
    return p.text, p.start


def _quoted(src: Source, at: int) -> bool:
    return any(s <= at < e for _, s, e in src.quotes)


def _near(f: Field, src: Source, start: int, end: int) -> float:
    """How close a span is to a word of the key (0 to 1.5): "host Noor Rahman", "Rahman, our host"."""
    ahead, behind = src.around(start, end, 4, 3)
    words = {stem(w) for w in f.words if len(w) > 2}
    if not words:
        return 0.0
    close = [i for i, w in enumerate(reversed(ahead)) if stem(w) in words]
    after = [i for i, w in enumerate(behind) if stem(w) in words]
    best = min(close + after, default=None)
    return 0.0 if best is None else 1.5 - 0.3 * best


def names(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """People's names, the part the key asks for (``first_name``), without a title before a full name."""
    found = []
    for p in phrases(src):
        if p.org > 1.0 and p.person < 0.15:  # a donor, a client or a customer may be an organisation: a last resort
            found.append(Found(_with_the(src, p)[0], p.start, p.end, 0.1 + 0.5 * _near(f, src, p.start, p.end)))
        if p.person < 0.15 or p.text.isupper():  # a lone first name counts: "Gary", "Priya"
            continue
        found.append(_name_part(f, p, p.person + 0.5 * _near(f, src, p.start, p.end)))
    return found


def _name_part(f: Field, p: Phrase, score: float) -> Found:
    """The part of a name a key asks for: ``first_name`` the first word, ``last_name`` the last; a title kept
    only before a lone surname ("Dr. Lindgren", but "Ines Duarte" for "Professor Ines Duarte")."""
    words = set(f.words)
    parts = p.text.split()
    if len(parts) > 1 and words & {"first", "given", "forename"} and "author" not in words:
        return Found(parts[0], p.start, p.start + len(parts[0]), score)
    if len(parts) > 1 and words & {"last", "surname", "family"}:
        return Found(parts[-1], p.end - len(parts[-1]), p.end, score)
    titled = p.titled.rstrip(".").lower()
    if len(parts) == 1 and titled in _TITLES:
        return Found(f"{p.titled} {p.text}", p.start, p.end, score)
    return Found(p.text, p.start, p.end, score)


def places(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """Places: known ones, capitalised words after "in", "to", "from", street addresses; a country for a
    country key."""
    words = set(f.words)
    found = _capital_fact(src) if "capital" in words else []
    for m in _ADDRESS.finditer(src.text):
        if words & {"address", "pickup", "street", "dropoff", "location", "near", "around", "where", "venue"}:
            found.append(Found(m.group().strip(), m.start(), m.end(), 4.5))
            town = _TOWN_AFTER.match(src.text, m.end())
            if town and words & {"address", "location", "where", "dropoff", "pickup"} and \
                    town.group(1) not in COUNTRIES:
                found.append(Found(src.text[m.start():town.end(1)].strip(), m.start(), town.end(1), 4.7))
    for p in phrases(src):
        score = p.place + (0.5 if p.place > 0 else -0.5) - max(0.0, p.person - 2.5) * 0.5
        text, end = p.text, p.end
        extra = re.match(r"[ \t]+(?:\d+\w*|[A-Z]\d+\w*)\b", src.text[p.end:])  # "Platform 3", "Room B12"
        scored = any(n.pair and n.start == p.end + extra.start() + 1 for n in src.nums) if extra else False
        if extra and not scored and (p.place > 0 or p.text.split()[-1].lower() in _PLACE_WORDS):
            text, end = src.text[p.start:p.end + extra.end()], p.end + extra.end()
        if "country" in words or "nation" in words:
            score += 2.5 if text in COUNTRIES else -2.0
        if words & {"city", "town"} and text in COUNTRIES:
            score -= 2.0
        if words & {"street", "address"} and not _PLACE_TAIL.match(src.text[p.end:p.end + 12]):
            score -= 1.0
        score += 0.5 * _near(f, src, p.start, end)
        if score > 0.3:
            named, start = _with_the(src, p) if text == p.text else (text, p.start)
            found.append(Found(named, start, end, score))
    if "country" in words:
        for m in re.finditer(r"\b([A-Z][a-z]+)(?:\s+(?:citizens?|passport|nationals?))\b|\b(?:an?|the)\s+([A-Z][a-z]+)"
                             r"\s+(?:citizen|passport|national|traveller|traveler)", src.text):
            from .code_tables import DEMONYMS
            country = DEMONYMS.get((m.group(1) or m.group(2)).lower())
            if country:
                found.append(Found(country, m.start(), m.end(), 3.0))
    return found + _unclassified(f, src)


def _unclassified(f: Field, src: Source) -> list[Found]:
    """Proper nouns nothing marks as a person: what a model takes when the key asks for a place or a name of a
    thing and the text offers nothing clearer ("Where exactly is Timbuktu?", "Amber warning for Cornwall")."""
    return [Found(p.text, p.start, p.end, 0.9 + 0.3 * _near(f, src, p.start, p.end)) for p in phrases(src)
            if p.person < 2.5 and not p.text.isupper() or p.text.isupper() and len(p.text) >= 3]


_STREET = r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Way|Drive|Dr\.?|Boulevard|Blvd\.?|Place|" \
          r"Square|Court|Crescent|Terrace|Close|Grove|Gardens|Rise|Row|Mews|Hill|Walk|Parade|Quay|Wharf|View|Green|" \
          r"Gate|Park|Yard|Passage|Alley|Embankment|Circus|Heights|Vale|Meadow|Meadows|Drove|Hollow)"
#: "14 Harbour Road", "221B Baker Street", "Bergstrasse 12", "Calle Mayor 5", "Keizersgracht 123".
_ADDRESS = re.compile(rf"\b\d{{1,5}}[A-Za-z]?\s+(?:[A-Z][\w'-]*\s+){{0,3}}{_STREET}(?![\w])"
                      rf"|\b[A-Z][\w-]*(?:stra(?:ss|\u00df)e|gasse|weg|platz|straat|gracht|gatan|gade|vej|laan)\s+\d{{1,5}}\w?\b"
                      rf"|\b(?:Calle|Rue|Via|Rua|Avenida)\s+(?:[A-Za-z][\w'-]*\s+){{1,3}}\d{{1,5}}\b"
                      rf"|\b\d{{1,5}}[A-Za-z]?,?\s+(?:Rue|Via|Calle|Rua|Avenida|Avenue|Boulevard|Chemin|Piazza|Plaza|Place)"
                      rf"(?:\s+(?:[a-z]{{1,3}}|[A-Z][\w'-]*)){{1,4}}(?=\s*[,.;]|\s*$)")
#: ", Harrogate" after a street address: the town, which an address key takes too.
_TOWN_AFTER = re.compile(r",[ \t]*([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)"
                         r"(?=[ \t]*(?:[.,;!?]|$|\b(?:on|at|for|by|tomorrow)\b))")


def _capital_fact(src: Source) -> list[Found]:
    from ..facts import capital

    asked = capital(src.whole)
    return [Found(asked[1], -1, -1, 5.0)] if asked and asked[1] else []


def orgs(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """Organisations: names ending in a company word, acronyms, names after "at", "with", "from"."""
    found = before_key(f, src)
    for p in phrases(src):
        score = p.org + 0.5 * _near(f, src, p.start, p.end) - max(0.0, p.person - 2.0) * 0.6 - 0.3 * p.place
        if {"team", "club"} & set(f.words) and p.place > 0:
            score += p.place * 0.6  # a team is often named for its town
        if score > 0.3:
            named, start = _with_the(src, p)
            found.append(Found(named, start, p.end, score))
    return found + _unclassified(f, src)


_CALLED = re.compile(r"\b(?:called|titled|entitled|named)\s+[\"\u201c']?([A-Z0-9][\w'\u2019&-]*(?:[ \t]+(?!(?:by|"
                     r"from|with|"
                     r"and|for|in|on|at|is|was|has|had|which|that|who|will|starring|hosted|written|directed|"
                     r"came|comes|runs|costs|has)\b)[\w'\u2019&-]+){0,6})")


def called(f: Field, src: Source) -> list[Found]:
    """The name after "called", "titled", "named" up to a stop word or punctuation: "a film titled Harbour
    Lights by ...", "a recipe called Lemon drizzle cake."."""
    found = []
    for m in _CALLED.finditer(src.text):
        text = m.group(1).rstrip("'\u2019")
        found.append(Found(text, m.start(1), m.start(1) + len(text), 3.2 + 0.3 * _near(f, src, m.start(1), m.end(1))))
    return found


def before_key(f: Field, src: Source) -> list[Found]:
    """A proper name right before the key's head word: "the Pro plan", "the Lumen lamp", "Nordic team"."""
    heads = [w for w in f.words if len(w) > 2][-1:]
    if not heads:
        return []
    head = re.escape(heads[0])
    found = []
    for p in phrases(src):
        m = re.match(rf"((?:[ \t]+[A-Z]{{0,3}}\d+[A-Za-z]?)?)[ \t]+{head}(?:s|es)?\b", src.text[p.end:p.end + 40], re.I)
        if m and p.titled == "":
            named, start = _with_the(src, p)
            found.append(Found(named + m.group(1), start, p.end + len(m.group(1)), 3.3))
    return found


_SMALL = {"a", "an", "the", "of", "and", "for", "in", "on", "to", "with", "at", "by", "or", "&"}


def _heading(src: Source) -> list[Found]:
    """The text's first words before a colon, a dash or a bar, as a heading names what follows: "Grandma's
    Banana Bread: Preheat ...", "Team offsite planning - Tuesday". Before a colon only a title-cased one
    ("Recipe card: ..." is a label)."""
    m = re.match(r"[\s\"\u201c']*([A-Z][^:\n|]{2,80}?)[ \t]*(:|[ \t][-\u2013\u2014][ \t]|\|)", src.text)
    line = re.match(r"[ \t]*([A-Z][^\n.!?:,]{2,80}?)[ \t]*\n", src.text)  # "Wheel Throwing for Beginners\n..."
    if line and 2 <= len(line.group(1).split()) <= 8 and all(
            w[:1].isupper() or w.lower() in _SMALL for w in line.group(1).split()):
        return [Found(line.group(1), line.start(1), line.end(1), 3.0)]
    if not m:
        return []
    words = m.group(1).split()
    if not 2 <= len(words) <= 8 or re.search(r"[.!?,]", m.group(1)):
        return []
    titled = all(w[:1].isupper() or w.lower() in _SMALL for w in words)
    if not titled:
        inner = [p for p in phrases(src) if m.start(1) < p.start and p.end <= m.end(1)]
        if inner:
            return [Found(inner[-1].text, inner[-1].start, inner[-1].end, 3.0)]
    if m.group(2) == ":" and not titled:
        return []
    return [Found(m.group(1), m.start(1), m.end(1), 3.0 if titled else 2.6)]


def titles(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """Titles: a quoted phrase first, else the words after "called", "titled", "book"; else a
    capitalised phrase that is no person or place."""
    found = [Found(q, s, e, 3.5 - 0.01 * i) for i, (q, s, e) in enumerate(src.quotes) if len(q.split()) <= 12]
    found += called(f, src) + before_key(f, src) + _heading(src)
    if set(f.words) <= {"title"}:  # a person's title ("Head of Partnerships") when the text is a contact's
        found += [Found(c.value, c.start, c.end, c.score - 1.2) for c in job(f, src, options)]
    for p in phrases(src):
        score = p.title + 0.5 * _near(f, src, p.start, p.end) - 0.4 * max(p.person, p.place, 0.0)
        if re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+", p.text):
            score += 1.0  # "SeedSwap", "StreamMax": a made-up name of a product or a project
        if score > -0.5 and not _quoted(src, p.start):
            named, start = _with_the(src, p)
            found.append(Found(named, start, p.end, score + 0.8))
    return found


_JOB_NOUNS = r"(?:engineer|analyst|manager|developer|designer|barista|driver|nurse|teacher|supervisor|assistant|" \
             r"officer|scientist|consultant|specialist|technician|coordinator|director|administrator|accountant|" \
             r"clerk|cashier|chef|cook|waiter|waitress|cleaner|intern|editor|writer|architect|lawyer|pharmacist|" \
             r"electrician|plumber|mechanic|receptionist|programmer|researcher|lecturer|tutor|instructor|" \
             r"representative|agent|advisor|adviser|executive|associate|lead|head|operator|guard|courier|" \
             r"photographer|translator|therapist|dentist|doctor|physician|surgeon|veterinarian|vet|carpenter|" \
             r"gardener|secretary|buyer|planner|strategist|recruiter|trainer|coach|volunteer|helper|porter|" \
             r"librarian|baker|butcher|farmer|pilot|steward|stewardess|attendant|salesperson|tester|owner|" \
             r"founder|partner|marketer|bookkeeper|auditor|inspector|surveyor|paramedic|caregiver|nanny)"
_JOB_CAP = _JOB_NOUNS.replace("(?:", "(?:(?i:", 1) + ")"
_JOB = re.compile(rf"\b((?:[A-Z][\w-]*\s+){{1,3}}{_JOB_CAP}s?)\b|"
                  rf"\b(?i:as|an?|our|the|new|hiring)\s+((?:[a-z][a-z-]*\s+){{0,2}}{_JOB_NOUNS})\b")


_JOB_BEFORE_JOBS = re.compile(rf"\b((?:[A-Za-z][a-z-]*\s+){{0,2}}(?i:{_JOB_NOUNS[3:-1]}))\s+"
                              r"(?i:jobs?|roles?|positions?|vacanc(?:y|ies)|openings?)\b")
_NOT_JOB_WORDS = {"any", "some", "all", "find", "remote", "new", "local", "part-time", "full-time", "the", "a", "an",
                  "me", "for", "search", "show", "list", "good", "paid"}


def job(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """A job: "a Senior Backend Engineer", "the Data Analyst position", "as a driver", "Head of Partnerships"."""
    found = []
    for m in re.finditer(r"\b(?:the|a|an)\s+([\w -]{2,40}?)\s+(?:position|role|job|post|vacancy)\b", src.text, re.I):
        found.append(Found(m.group(1).strip(), m.start(1), m.end(1), 3.0))
    for m in _JOB.finditer(src.text):
        text = (m.group(1) or m.group(2)).strip()
        words = text.split()
        while words and words[0].lower() in ("a", "an", "the", "our", "new", "as", "is", "hiring", "senior's"):
            words = words[1:]
        if words:
            start = m.start(1) if m.group(1) else m.start(2)
            found.append(Found(" ".join(words), start, start + len(" ".join(words)), 2.5 if m.group(1) else 2.0))
    for m in _JOB_BEFORE_JOBS.finditer(src.text):  # "remote data engineer jobs", "any nurse roles"
        words = m.group(1).split()
        while words and words[0].lower() in _NOT_JOB_WORDS:
            words = words[1:]
        if words:
            text = " ".join(words)
            found.append(Found(text, m.end(1) - len(text), m.end(1), 2.8))
    for m in re.finditer(r"\b((?:Head|Director|VP|Vice President|Chief \w+ Officer) of [A-Z][\w]+(?: [A-Z][\w]+)?)",
                         src.text):
        found.append(Found(m.group(1), m.start(1), m.end(1), 3.0))
    return found


_UNIT_FORMS = {form for forms in UNIT_WORDS.values() for form in forms} | {"per", "a", "an", "the", "of", "in", "at"}
_CLAUSE_WORDS = {"seen", "at", "in", "on", "for", "from", "with", "and", "or", "to", "is", "was", "are", "were",
                 "spotted", "found", "left", "sold", "each", "per"}


def products(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """Products: a capitalised name and the common nouns after it ("the Zephyr desk fan is loud")."""
    found = [Found(o.name, -1, -1, 3.0) for o in options if o.name.lower().split()[0] in src.lower]
    found += called(f, src) + before_key(f, src)
    for p in phrases(src):
        score = p.product + 0.5 * _near(f, src, p.start, p.end) - 0.5 * max(p.person - 1.0, p.place, 0.0)
        if score > 0 and not p.text.isupper():
            found.append(Found(p.product_text, p.start, p.product_end, score + 0.5))
    for m in re.finditer(r"(?:^|(?<=[.!?:\n])\s*)([A-Z][a-z]+(?:\s+[a-z][a-z-]+){0,3}?)(?=\s*(?:[.,:;!?(]|\s-\s|$)"
                         r"|\s+(?:in|on|at|by|near)\s+the\b)",
                         src.text):
        label = re.match(r"\s*:", src.text[m.end(1):])  # "Recipe card: ...": the label, not the dish
        if m.group(1).split()[0].lower() not in COMMON_CAPITALISED and len(m.group(1).split()) >= 2 and not label:
            found.append(Found(m.group(1), m.start(1), m.end(1), 1.4 + 0.5 * _near(f, src, m.start(1), m.end(1))))
    for n in src.nums:  # "14 curlews", "24 boxes of printer paper": what is counted
        m = re.match(r"[ \t]+(?:[a-z]+[ \t]+of[ \t]+)?([a-z][a-z-]+(?:[ \t]+[a-z][a-z-]+)?)",
                     src.text[n.end:n.end + 40])
        if m and not n.money and n.unit not in _UNIT_FORMS and m.group(1).split()[0] not in _CLAUSE_WORDS | STOP:
            words = m.group(1).split()
            words = words[:1] if len(words) > 1 and words[1] in _CLAUSE_WORDS else words
            text = " ".join(words)
            found.append(Found(text, n.end + m.start(1), n.end + m.start(1) + len(text), 1.1))
    for m in _NOUN_PHRASE.finditer(src.text):
        found.append(Found(m.group(1), m.start(1), m.end(1), 0.6 + 0.5 * _near(f, src, m.start(1), m.end(1))))
        last = m.group(1).split()[-1]
        if last != m.group(1):  # "a blue umbrella": the noun alone, when "blue" is another key's
            found.append(Found(last, m.end(1) - len(last), m.end(1), 0.5 + 0.5 * _near(f, src, m.start(1), m.end(1))))
    return found + [Found(c.value, c.start, c.end, c.score - 0.3) for c in _unclassified(f, src)]


_NOUN_PHRASE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Mm]y|[Ss]ome|[Tt]wo|[Tt]hree|[Oo]ur)\s+"
                          r"((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*?)(?=\s+(?:for|with|to|from|and|that|which|is|was|in|"
                          r"on|at|please|has|had|were|are)\b|[,.!?;:]|$)")


def clause_at(src: Source, start: int, limit: int = 12) -> tuple[str, int] | None:
    """The words from ``start`` to the end of their clause (at most ``limit`` words), and where it ends."""
    m = re.match(rf"[ \t]*((?:(?:[^\s,.;!?()\n|]|\.(?=\w))+(?:[ \t]+|(?=[,.;!?()\n|]|$))){{1,{limit}}})",
                 src.text[start:])
    if not m:
        return None
    text = m.group(1).strip().strip("\"'\u201c\u201d")
    text = re.split(r"\s+(?:and|but|because|so|which|who|that|if|when|while|as|then|-|\u2013|is|was|are|were|has|"
                    r"had|will|would|can|could|should|must|does|did|keeps|got|gets|needs|arrived|broke|from|for|"
                    r"with|by|at|on|in|to|of|after|before|since|until|whenever)\s+", text)[0]
    return (text, start + m.start(1) + len(text)) if text else None


def free_text(f: Field, src: Source, options: list[Option]) -> list[Found]:
    """Any other string: a quoted phrase, the words after a cue, a short first clause."""
    found = before_key(f, src)
    family = _cue_family(f)
    for pattern, score in _PHRASE_CUES.get(family, ()):
        for m in re.finditer(pattern, src.text, re.I):
            found.append(Found(m.group(1).strip(" \"'"), m.start(1), m.end(1), score))
    stems = {stem(w) for w in f.words}
    for n in src.nums:  # "bus number 73", "route #5": a number named as one
        if re.search(r"(?:\bnumber|\bno\.?|#)[ \t]*$", src.text[max(0, n.start - 8):n.start], re.I):
            found.append(Found(src.text[n.start:n.end], n.start, n.end, 1.2))
    for value, s, e in src.numbers:  # "2 bags" for a key "bags"
        if any(stem(w) in stems for w in src.around(s, e, 0, 1)[1]):
            found.append(Found(value, s, e, 2.5))
    told = re.search(r":\s*([^\n]{2,200}?)(?=[.!?](?:\s|$)|\n|$)", src.text)  # "Save a note: buy oat milk"
    if told and family in ("text", "message", "query", ""):
        found.append(Found(told.group(1).strip(), told.start(1), told.end(1), 1.5))
    if family in ("text", "query"):
        found += [Found(q, s, e, 1.0) for q, s, e in src.quotes]
    first = clause_at(src, 0, 10)
    if first:
        found.append(Found(first[0], 0, first[1], 0.4))
    if family == "event" or not family and f.words and f.words[-1] not in KIND_OF_WORD:
        found += _things(f, src)
        for m in re.finditer(r"\b\d+\s+([a-z][a-z-]{2,}s)\b|\b(?:loves?|likes?|enjoys?|into)\s+([a-z]{3,}ing)\b",
                             src.text):  # "Buy 6 apples" for fruit, "loves knitting" for hobby
            word = m.group(1) or m.group(2)
            found.append(Found(word, m.start(m.lastindex), m.end(m.lastindex), 1.7))
        head = re.escape(f.words[-1])
        for m in re.finditer(rf"\b(?:the|a|an|my|our|your|his|her|their)\s+([a-z][a-z-]+)\s+{head}s?\b", src.text):
            if m.group(1) not in f.words and m.group(1) not in STOP:  # "the banking sector", "the late shift"
                found.append(Found(m.group(1), m.start(1), m.end(1), 2.2))
    return found


def _label(src: Source, p: Phrase) -> bool:
    """A line's first words before a colon or a dash: "Snow report:", "Harvest note - ...", "Chat message:"."""
    return bool(re.search(r"(?:^|\n)[ \t]*$", src.text[:p.start]) and re.match(
        r"(?:[ \t]+[a-z]+){0,2}[ \t]*(?::|[ \t][-\u2013\u2014][ \t])", src.text[p.end:p.end + 30]))


def _things(f: Field, src: Source) -> list[Found]:
    """Proper nouns that name no person, for a key that names a kind of thing the lexicon does not know ("trail",
    "hut", "vessel"): "the Glen Rosa Horseshoe", "Rifugio Vajolet", "MV Northern Star"; not a heading."""
    found = []
    for p in phrases(src):
        if p.person >= 2.5 or p.titled or re.match(r"[ \t]*:", src.text[p.end:p.end + 3]) or _label(src, p):
            continue
        named, start = _with_the(src, p)
        score = 1.9 + 0.3 * _near(f, src, p.start, p.end) - 0.4 * max(p.place, 0.0) / 3
        if " " not in p.text and src.sentence_start(p.start) and re.match(
                r"[ \t]+(?:to|for|from|of|with|at|in|on|the|a|an|[a-z]+ed)\b", src.text[p.end:p.end + 20]):
            score -= 0.6  # "Congrats to ...": a sentence's first word
        found.append(Found(named, start, p.end, score))
    return found


def _cue_family(f: Field) -> str:
    words = set(f.words)
    for family, names in (("message", {"message", "reminder", "task", "note", "todo"}),
                          ("request", {"request", "reason", "intent", "ask"}),
                          ("text", {"text", "phrase", "sentence", "content"}),
                          ("query", {"query", "search", "keywords", "q"}),
                          ("event", {"event", "meeting", "occasion", "activity"}),
                          ("topic", {"topic", "subject", "about"}),
                          ("issue", {"issue", "problem", "complaint", "symptom", "symptoms"})):
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
    "issue": ((r"\b(?:about|with|has|have|had|of)\s+(?:an?\s+|the\s+|my\s+)?((?:[a-z]+\s+){0,3}(?:cough|pain|fever|"
               r"throat|ache|rash|noise|leak|crash|error|problem|issue)[a-z]*)", 2.0),),
}

PHRASE_FINDERS = {"name": names, "place": places, "org": orgs, "title": titles, "job": job,
                  "product": products, "message": free_text, "text": free_text}
