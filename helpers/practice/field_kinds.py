"""What kind of value a JSON key or a function parameter wants, from its name, type and description.

``customer_email`` wants an e-mail address, ``nights`` a number, ``departure_city`` a place (the one
travelled from), ``sentiment`` a word from a small set. The practice server reads the kind first,
then looks for a value of that kind in the prompt (:mod:`helpers.practice.field_values`).

    Field("check_in", "string", "YYYY-MM-DD").kind     # "date"
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

#: (kind, words of a key or description that ask for it), first match wins: "customer_id" is a code
#: before it is a name, "phone_number" a phone before it is a number.
KIND_WORDS = (
    ("email", {"email", "e-mail", "mail"}),
    ("phone", {"phone", "telephone", "mobile", "tel", "cell"}),
    ("url", {"url", "website", "site", "link", "homepage", "web"}),
    ("currency", {"currency"}),
    ("sentiment", {"sentiment", "mood", "tone", "feeling", "emotion"}),
    ("urgency", {"urgency", "priority", "severity", "importance"}),
    ("language", {"language", "lang"}),
    ("room", {"room"}),
    ("code", {"id", "code", "reference", "ref", "sku", "tracking", "ticker", "symbol", "zip", "postcode", "iban",
              "invoice", "order", "ticket", "flight", "booking", "confirmation", "serial", "account"}),
    ("date", {"date", "birthday", "dob", "deadline", "due", "check_in", "checkin", "check_out", "checkout", "available",
              "until", "since", "expires", "expiry", "valid", "starting", "ending", "anniversary"}),
    ("time", {"time", "hour", "clock"}),
    ("day", {"day", "weekday"}),
    ("number", {"age", "year", "years", "count", "quantity", "qty", "amount", "total", "price", "cost", "nights",
                "guests", "people", "persons", "passengers", "rooms", "servings", "minutes", "hours", "days",
                "rating", "score", "stars", "weight", "height", "temperature", "humidity", "percent",
                "percentage", "founded", "volume", "seats", "tickets", "units", "size_gb", "distance", "speed",
                "number_of", "num", "experience", "salary", "budget", "population", "duration", "length", "width",
                "employees", "staff", "headcount", "members"}),
    ("org", {"company", "carrier", "airline", "employer", "publisher", "brand", "manufacturer", "organisation",
             "organization", "restaurant", "hotel", "store", "shop", "bank", "school", "university", "vendor",
             "supplier", "team", "venue_name"}),
    ("name", {"name", "applicant", "author", "customer", "person", "attendee", "guest", "sender", "contact",
              "owner", "recipient", "user", "speaker", "driver", "patient", "employee", "client", "buyer",
              "artist", "candidate", "passenger", "who", "from_name", "full_name", "first_name", "last_name",
              "student", "pupil", "member", "child", "kid", "winner", "player", "teacher", "doctor", "manager",
              "friend", "host", "organiser", "organizer", "assignee", "reporter", "requester", "signer", "director",
              "producer", "writer", "composer", "painter", "creator", "founder", "ceo", "chef", "singer", "actor",
              "caller", "applicant_name", "interviewer", "coach", "captain"}),
    ("place", {"city", "town", "country", "location", "place", "destination", "origin", "address",
               "headquarters", "venue", "station", "departure", "arrival", "where", "region", "state", "from",
               "to", "hq", "based", "capital", "near", "nearby", "around", "area", "neighbourhood", "neighborhood"}),
    ("title", {"title", "headline", "subject", "book", "film", "movie", "song", "album", "novel"}),
    ("job", {"position", "role", "job", "occupation", "profession"}),
    ("product", {"product", "item", "device", "model", "pizza", "dish", "article"}),
    ("size", {"size"}),
    ("summary", {"summary", "description", "gist", "overview"}),
    ("message", {"message", "note", "reminder", "task", "request", "reason", "issue", "problem", "query",
                 "text", "question", "content", "body", "topic", "event", "recipe", "meeting", "activity"}),
)
_NUMERIC_TYPES = {"number", "integer", "float", "int"}
_UNIT_SUFFIX = re.compile(r"_(kg|g|lb|lbs|cm|m|km|mi|usd|eur|gbp|c|f|percent|pct|years|minutes|mins|hours|days|"
                          r"gb|mb|ml|l|count|total|num)$")
_ORIGIN = {"origin", "from", "departure", "depart", "source", "start", "leaving", "pickup"}
_DESTINATION = {"destination", "to", "arrival", "arrive", "dest", "end", "dropoff", "target"}


@dataclass
class Field:
    """One key to fill: its name, JSON type ("" when unknown), description, allowed values, example."""

    key: str
    type: str = ""
    description: str = ""
    enum: list = field(default_factory=list)
    example: object = None
    required: bool = True

    @property
    def words(self) -> list[str]:
        """The key's words: ``departureCity`` and ``departure_city`` give ``["departure", "city"]``."""
        spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", self.key)
        return [w for w in re.split(r"[\s_\-.]+", spaced.lower()) if w]

    @property
    def kind(self) -> str:
        return kind_of(self)

    @property
    def role(self) -> str:
        """"from" or "to" for a place (or station, or currency) that has a direction, else ""."""
        words = set(self.words) | set(re.findall(r"[a-z]+", self.description.lower()))
        if words & _ORIGIN:
            return "from"
        return "to" if words & _DESTINATION else ""


def kind_of(f: Field) -> str:
    """The kind of value a field wants (see KIND_WORDS); "choice" when it lists its values."""
    if f.enum:
        return "choice"
    if f.type == "boolean" or isinstance(f.example, bool) or _asks_yes_no(f):
        return "boolean"
    if f.type == "array" or isinstance(f.example, list):
        return "list"
    words = f.words
    joined = "_".join(words)
    stated = _stated_kind(f.description)
    numeric = f.type in _NUMERIC_TYPES or (isinstance(f.example, (int, float)) and not isinstance(f.example, bool))
    if numeric or _UNIT_SUFFIX.search(joined) or joined.startswith(("number_of", "num_", "n_", "total_")):
        return "number"
    for kind, names in KIND_WORDS:
        if set(words) & names or joined in names:
            kind = _refine(kind, words)
            return stated if stated and kind in _VAGUE else kind
    if any(len(w) <= 4 and w.endswith("id") and w not in ("paid", "said", "void") for w in words):
        return "code"  # "PID", "uid", "sid"
    described = set(re.findall(r"[a-z][a-z_-]+", f.description.lower()))
    for kind, names in KIND_WORDS:
        if described & names:
            return "number" if "number" in described and kind != "code" else kind
    return "number" if "number" in described else "text"


def _refine(kind: str, words: list[str]) -> str:
    """A few names the first match gets wrong: ``product_name`` is a product, ``order_total`` a number."""
    last = words[-1]
    if kind == "code" and last in _NUMBER_LAST:
        return "number"
    if kind == "code" and last in {"total", "amount", "count", "date", "time", "status", "name"}:
        return {"total": "number", "amount": "number", "count": "number", "date": "date", "time": "time",
                "status": "text", "name": "name"}[last]
    if kind == "name" and len(words) > 1:
        for other, names in KIND_WORDS:
            if other in ("org", "product", "place", "title") and set(words[:-1]) & names:
                return other
    if kind == "number" and last in {"name", "city", "country"}:
        return "name" if last == "name" else "place"
    return kind


_NUMBER_LAST = {"price", "cost", "fee", "amount", "total", "count", "quantity", "age", "weight", "number_of"}
_VAGUE = {"place", "name", "text", "message", "org"}
_STATED = (("email", re.compile(r"\be-?mail\b")), ("phone", re.compile(r"\bphone\b")),
           ("url", re.compile(r"\b(?:url|web ?site|link)\b")))


def _stated_kind(description: str) -> str:
    """A kind the description states outright ("email address"): it beats a vague key such as ``to``."""
    low = description.lower()
    return next((kind for kind, pattern in _STATED if pattern.search(low)), "")


def _asks_yes_no(f: Field) -> bool:
    text = f.description.lower()
    return (f.key.lower().startswith(("is_", "has_", "needs_", "wants_", "requires_", "can_", "should_"))
            or "true or false" in text or "true/false" in text or "yes or no" in text)
