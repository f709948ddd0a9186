"""What kind of value a JSON key or a function parameter wants, from its name, type, description and example.

``customer_email`` wants an e-mail address, ``nights`` a number, ``departure_city`` a place (the one
travelled from), ``amount_due`` an amount, ``product_name`` a product. The key's head word decides
(:mod:`.key_lexicon`); a stated type, a description ("YYYY-MM-DD", "email address") or an example
value settles what the words leave open. The practice server reads the kind first, then looks for a
value of that kind in the prompt (:mod:`helpers.practice.model.skills.field_values`).

    Field("check_in", "string", "YYYY-MM-DD").kind     # "date"
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .key_lexicon import COMPOUNDS, COUNTING, KIND_OF_WORD, MONEY_WORDS, WEAK_HEADS, singular, unit_of

_NUMERIC_TYPES = {"number", "integer", "float", "int", "double", "decimal"}
_BOOLEAN_PREFIX = ("is_", "has_", "needs_", "wants_", "requires_", "can_", "should_", "was_", "did_", "does_",
                   "would_", "will_", "include_", "includes_", "allow_", "allows_", "are_", "have_", "with_",
                   "without_")
_BOOLEAN_SUFFIX = ("_allowed", "_included", "_required", "_enabled", "_requested", "_needed", "_available",
                   "_confirmed", "_flag")
#: Words that put a value first or second of a pair: from/to, min/max, home/away, winner/loser.
FIRST = {"from", "origin", "departure", "depart", "departing", "source", "start", "begin", "pickup", "min",
         "minimum", "home", "winner", "sender", "base", "outbound", "opening", "earliest"}
SECOND = {"to", "destination", "arrival", "arrive", "arriving", "target", "end", "finish", "dropoff", "max",
          "maximum", "away", "loser", "recipient", "quote", "return", "until", "closing", "latest", "into"}
_SINGLE_UNITS = {"c", "f", "m", "g", "l", "h"}


@dataclass
class Field:
    """One key to fill: its name, JSON type ("" when unknown), description, allowed values, example.

    ``context`` is what surrounds it (a function's name and description) when its own words say little."""

    key: str
    type: str = ""
    description: str = ""
    enum: list = field(default_factory=list)
    example: object = None
    required: bool = True
    context: str = ""

    @property
    def words(self) -> list[str]:
        """The key's words: ``departureCity`` and ``departure_city`` give ``["departure", "city"]``."""
        spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", self.key)
        return [w for w in re.split(r"[\s_\-.]+", spaced.lower()) if w]

    @property
    def kind(self) -> str:
        return kind_of(self)

    @property
    def order(self) -> str:
        """"first" or "second" for a key of a pair (from/to, min/max, home/away, check-in/out), else ""."""
        words = self.words
        joined = "_".join(words)
        if joined.startswith(("check_in", "checkin")):
            return "first"
        if joined.startswith(("check_out", "checkout")):
            return "second"
        if words and words[-1] in ("name",) and words[0] in ("first", "last"):
            return ""
        hits = [w for w in words if w in FIRST or w in SECOND]
        if hits:
            return "first" if hits[0] in FIRST else "second"
        described = re.findall(r"[a-z]+", self.description.lower())[:6]
        hits = [w for w in described if w in ("from", "origin", "source", "to", "destination", "target")]
        return ("first" if hits[0] in FIRST else "second") if hits else ""

    @property
    def role(self) -> str:
        """"from" or "to" (the older name of :attr:`order`), else ""."""
        return {"first": "from", "second": "to"}.get(self.order, "")


def kind_of(f: Field) -> str:
    """The kind of value a field wants; "choice" when it lists its values, "boolean", "list", or one of
    :mod:`.key_lexicon`'s kinds ("email", "number", "name", "place", ...); "count" for a plural noun
    that may be counted ("eggs"), "text" when nothing says more."""
    if f.enum:
        return "choice"
    if f.type == "boolean" or isinstance(f.example, bool) or _asks_yes_no(f):
        return "boolean"
    if f.type == "array" or isinstance(f.example, list):
        return "list"
    if not f.type and f.example is None and _stated_flag(f.words):
        return "boolean"
    numeric = f.type in _NUMERIC_TYPES or (isinstance(f.example, (int, float)) and not isinstance(f.example, bool))
    stated = _stated_kind(f.description)
    words = f.words
    if "per" in words[1:]:  # "price_per_person" is a price: what follows "per" is what it is counted against
        words = words[:words.index("per")]
    kind = _word_kind(words)
    if numeric:
        return "number"
    if stated == "code" and re.search(r"\bcurrenc", (f.description + " " + f.context).lower()):
        stated = "currency"  # "ISO code" of a currency ("Get the exchange rate between two currencies")
    if stated and (kind in (None, "text", "count", "name", "place", "org", "code", "weak_code", "product",
                            "title", "when", "day") or stated in ("currency", "date", "time")):
        return stated
    if kind is None and f.context and re.search(r"\bcurrenc", f.context.lower()) and f.order:
        return "currency"
    if kind == "weak_code":
        return "code"
    if kind is None and any(len(w) <= 4 and w.endswith("id") and w not in ("paid", "said", "void", "did", "kid")
                            for w in words):
        return "code"  # "PID", "uid", "sid"
    if kind is None:
        kind = _described_kind(f.description)
    if kind in (None, "text") and not f.type and words and (_flag_word(words[-1]) or set(words) & _FLAG_WORDS):
        return "boolean"  # "verified", "refundable", "waterproof": a key that is a state is yes or no
    return kind or "text"


#: Participles that do not end in -ed, and words after a key's subject that make it a yes/no question.
_IRREGULAR = {"met", "paid", "done", "sent", "won", "lost", "sold", "held", "shown", "broken", "frozen", "chosen",
              "given", "taken", "seen", "known", "kept", "left", "made", "built", "worn", "torn", "drawn", "hidden"}
_FLAG_TAILS = {"only", "ok", "okay", "free", "allowed", "possible", "present", "missing", "due", "pending", "wanted",
               "working", "running", "functioning", "operational", "online", "offline", "broken"}
#: Words before a participle that make the key an amount or a time, not a yes/no ("amount_paid", "date_sent").
_QUANTITIES = {"amount", "total", "sum", "price", "cost", "value", "number", "count", "date", "time", "day", "year",
               "when", "how", "percent", "percentage", "share", "hours", "minutes", "days"}


def _stated_flag(words: list[str]) -> bool:
    """A key that asks whether something happened or holds: "deposit_paid", "goal_met", "weekdays_only",
    "owns_instrument" (a verb first), but not "amount_paid" or "date_sent"."""
    if len(words) < 2 or set(words[:-1]) & _QUANTITIES or words[0] in _WHEN_FIRST:
        return False
    if words[-1] in ("due", "owed", "outstanding", "left", "remaining") and set(words) & MONEY_WORDS:
        return False  # "rent_due", "balance_due": how much
    if singular(words[0]) != words[0] and words[0] not in _VERB_FIRST and words[-1] in _COUNTED_TAILS:
        return False  # "games_won", "seats_left", "items_missing": how many
    if words[-1] in ("in", "at", "for", "on", "with", "to", "from", "by"):
        return False  # "lives_in", "works_at", "plays_for": where, or for whom
    last = words[-1]
    if last in _IRREGULAR or last in _FLAG_TAILS:
        return True
    if len(words) > 2 and (words[0] in _IRREGULAR or words[0].endswith("ed")) and words[1] in ("by", "with", "via",
                                                                                               "in", "online"):
        return True  # "paid_by_card", "booked_online"
    return words[0] in _VERB_FIRST


#: Participles after a plural noun that ask how many ("games_won", "seats_left"), not whether.
_COUNTED_TAILS = {"won", "lost", "left", "sold", "missing", "present", "remaining", "used", "booked", "taken", "made",
                  "given", "sent", "held", "kept", "done", "seen", "shown", "paid", "broken"}
#: First words of a key that asks when ("next_inspection_due", "last_serviced", "next_eligible").
_WHEN_FIRST = {"next", "last", "previous", "prev", "earliest", "latest"}
#: Verbs that open a key that asks a yes/no question ("owns_instrument", "accepts_cards").
_VERB_FIRST = {"owns", "uses", "accepts", "supports", "offers", "serves", "takes", "contains", "speaks", "drives",
               "wears", "plays", "knows", "likes", "loves", "lives", "pays", "holds", "keeps", "gets", "got", "sells",
               "ships", "delivers", "shows", "runs", "works", "smokes", "drinks", "qualifies"}


#: Key words that name a state something is in or not, beyond the participles and -able words.
_FLAG_WORDS = {"free", "online", "remote", "urgent", "vegan", "vegetarian", "organic", "private",
               "public", "active", "available", "wireless", "indoor", "outdoor", "halal", "kosher",
               "spicy", "anonymous", "hardcover", "paperback", "express", "sold", "valid", "overdue"}


#: Participles a key uses for when something happened, not whether ("created", "published").
_WHEN_WORDS = {"created", "updated", "modified", "published", "released", "posted", "submitted", "started", "ended",
               "founded", "established", "opened", "issued", "rated", "described", "scheduled", "expected",
               "received", "shipped", "delivered", "joined", "finished", "closed"}


def _flag_word(word: str) -> bool:
    """A word that says a state: a participle ("delayed", "signed"), an -able word, "-proof", or a known one."""
    return word in _FLAG_WORDS or len(word) > 4 and word.endswith("ed") and not word.endswith("eed") and \
        word not in _WHEN_WORDS or \
        len(word) > 5 and word.endswith(("able", "ible", "proof"))


def _word_kind(words: list[str]) -> str | None:
    if not words:
        return None
    if len(words) > 1 and words[-1] in ("time", "date") and "_".join(words) not in COMPOUNDS:
        return words[-1]  # "checkout_time", "kitchen_close_time": the head says it
    if len(words) > 1 and words[0] in _WHEN_FIRST and (words[-1] in _IRREGULAR or words[-1] in _FLAG_TAILS
                                                      or words[-1].endswith(("ed", "ible", "able"))):
        return "date"  # "next_inspection_due", "next_eligible": when
    joined = "_".join(words)
    for compound, kind in COMPOUNDS.items():
        if joined == compound or joined.endswith("_" + compound) or joined.startswith(compound + "_"):
            if compound == "number_of":
                return "number"
            return kind
    last = words[-1]
    if last in _SINGLE_UNITS and len(words) > 1 or last not in _SINGLE_UNITS and last not in KIND_OF_WORD and \
            unit_of([last]) and last not in ("m", "people", "pounds"):
        return "number"
    weak = None
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        kind = KIND_OF_WORD.get(word) or KIND_OF_WORD.get(singular(word))
        if word in WEAK_HEADS and weak is None and (i == len(words) - 1 or weak is not None):
            weak = word
            continue
        if kind is None:
            if i == len(words) - 1 and len(words) > 1 and words[-2] not in WEAK_HEADS:
                before = KIND_OF_WORD.get(words[-2]) or KIND_OF_WORD.get(singular(words[-2]))
                if before in ("number", "date", "time", "email", "phone", "url", "code", "currency", "language"):
                    return before  # "amount_due", "population_millions": the word before says it
                return "count" if singular(word) != word else None
            continue
        plural = singular(word) != word and word not in KIND_OF_WORD
        if kind == "name" and (plural or set(words[:i]) & COUNTING):
            return "number"  # "attendees", "max_guests": how many
        if plural and kind in ("code", "weak_code", "product", "title", "room", "org"):
            return "count"  # "seats", "tickets", "books": how many
        if weak in ("number", "no", "num", "nr"):
            return {"phone": "phone", "code": "code", "weak_code": "code"}.get(kind, "number" if kind in (
                "number", "count") else "code")
        if weak == "name" and kind in ("org", "product", "place", "title", "name", "file"):
            return kind
        if weak == "name":
            return "title" if kind == "text" else "name"
        if weak == "at":
            return kind if kind in ("place", "org", "time", "date") else "place"
        if weak == "by":
            return "date" if kind is None else kind
        return kind
    if weak == "name":
        return "name"
    if weak in ("number", "no", "num", "nr"):
        return "code" if len(words) > 1 and words[-2] not in COUNTING else "number"
    if weak == "at":
        return "place"
    if weak == "by":
        return "date"
    if len(words) == 1 and singular(words[0]) != words[0]:
        return "count"
    if _agent_noun(words[-1]):
        return "name"  # "runner", "donor", "lecturer": a person who does something
    return None


#: Words ending like a person who does something that are not people.
_NOT_AGENTS = set("""
number order water center filter folder letter paper winter summer monitor color floor error sensor tractor
vendor carrier server printer container counter weather power poster parameter meter liter charger adapter
browser router timer trailer cover corner after other under never later layer river tower shower flower powder
butter pepper dinner matter factor motor mirror major minor flavor favor honor labor rumor humor indicator
calculator elevator generator radiator refrigerator ventilator processor connector detector reactor chapter
quarter character register semester trimester barometer thermometer odometer speedometer transfer offer answer
cancer header footer marker sticker ticker barrier premier super rather either neither whether together newer
older blender heater cooler freezer toaster scooter computer litter degree coffee toffee guarantee settee
pedigree decree spree marquee entree puree lychee jamboree centimeter kilometer millimeter diameter perimeter
sector vector""".split())


_IAN_PEOPLE = {"librarian", "technician", "musician", "guardian", "physician", "politician", "electrician",
               "custodian", "comedian", "historian", "pedestrian", "veterinarian", "optician", "dietitian",
               "mathematician", "statistician", "beautician", "magician", "clinician", "paediatrician"}


def _agent_noun(word: str) -> bool:
    """A word for a person by what they do or are: "runner", "donor", "lecturer", "trainee", "cyclist"."""
    if word in _NOT_AGENTS or len(word) < 5 or word in KIND_OF_WORD or word in _FLAG_WORDS:
        return False
    return word.endswith(("er", "or", "ist", "ee")) and not word.endswith(("eer", "ier")) or word in _IAN_PEOPLE


def numeric_code(f: Field) -> bool:
    """Whether a code this key asks for is written as a number when it is all digits (``status_code``: 404,
    ``episode_number``: 212), not as a string (``order_number``: "448120", ``zip_code``: "02134")."""
    words = f.words
    if len(words) < 2 or words[-1] not in ("code", "number", "no", "num", "nr"):
        return False
    modifier = words[-2]
    return KIND_OF_WORD.get(modifier) not in ("code", "weak_code", "phone") and "_".join(words[-2:]) not in COMPOUNDS


_STATED = (("email", re.compile(r"\be-?mail\b")), ("phone", re.compile(r"\b(?:phone|telephone|mobile)\b")),
           ("url", re.compile(r"\b(?:url|web ?site|link|web address)\b")),
           ("currency", re.compile(r"\bcurrenc(?:y|ies)\b")),
           ("date", re.compile(r"\byyyy\b|\bdd/mm|\bmm/dd|\bdate\b|\biso 8601\b")),
           ("time", re.compile(r"\bhh:mm\b|\b24-hour\b|\bclock time\b|\btime\b")),
           ("code", re.compile(r"\b(?:iata|icao|iso|code|abbreviation|two-letter|three-letter)\b")))


def _stated_kind(description: str) -> str:
    """A kind the description states outright ("email address", "YYYY-MM-DD"): it beats a vague key."""
    low = description.lower()
    return next((kind for kind, pattern in _STATED if pattern.search(low)), "")


def _described_kind(description: str) -> str | None:
    """The kind of the first description word that names one ("the applicant's full name": person)."""
    for word in re.findall(r"[a-z]+", description.lower()):
        kind = KIND_OF_WORD.get(word) or KIND_OF_WORD.get(singular(word))
        if kind and kind not in ("weak_code",):
            return "number" if word in ("number", "amount") else kind
        if word in ("number", "numeric", "integer", "count", "how many"):
            return "number"
    return None


def _asks_yes_no(f: Field) -> bool:
    text = f.description.lower()
    key = "_".join(f.words)
    return (key.startswith(_BOOLEAN_PREFIX) or key.endswith(_BOOLEAN_SUFFIX)
            or bool(re.search(r"\btrue\s*(?:or|/|\|)\s*false\b|\byes\s*(?:or|/|\|)\s*no\b|\bboolean\b", text)))
