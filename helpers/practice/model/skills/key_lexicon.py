"""What the words of a JSON key or a function parameter ask for, and the words a text uses for them.

A key's *head* (its last word, as in English compounds) usually names what it wants: ``customer_email``
an e-mail address, ``amount_due`` an amount, ``departure_city`` a city. A few heads are vague and
defer to the word before them (``product_name`` is a product, ``invoice_number`` a code). A plural
countable noun (``guests``, ``pages``) asks how many.

:data:`KIND_OF_WORD` maps a word to its kind; :data:`LABELS` gives the other words a text may label a
value with (``total`` may be written "amount due"); :data:`UNIT_WORDS` the words that may follow a
number of that kind ("3 nights", "45 min"). Kept small and general: everyday words, not any prompt's.
"""
from __future__ import annotations

import re


def _kinds(table: dict[str, str]) -> dict[str, str]:
    return {word: kind for kind, words in table.items() for word in words.split()}


KIND_OF_WORD = _kinds({
    "email": "email e-mail mail",
    "phone": "phone telephone mobile tel cell fax callback",
    "url": "url website link homepage site web href uri domain hostname",
    "currency": "currency",
    "unit": "unit uom",
    "room": "room",
    "size": "size",
    "colour": "colour color",
    "language": "language lang locale",
    "sentiment": "sentiment mood tone feeling emotion attitude",
    "urgency": "urgency priority severity importance",
    "date": "date dob birthday birthdate deadline expiry expires expiration anniversary",
    "time": "time hour clock",
    "day": "day weekday",
    "when": "start end begin finish until since starts ends opens closes departs arrives leaves begins",
    "code": "id code ref reference sku tracking ticker symbol zip zipcode postcode iban confirmation serial "
            "pnr gate seat version tag plate registration reg isbn barcode upc voucher coupon promo pin handle "
            "hashtag username batch lot vin",
    "weak_code": "invoice order ticket flight booking account policy case claim receipt transaction member "
                 "reservation shipment parcel package class unit lot",
    "number": "count quantity qty amount total subtotal sum price cost fee fare rate charge tax vat tip discount "
              "deposit rent salary wage income budget balance age year years months weeks days hours minutes "
              "seconds nights duration length width height depth weight mass distance speed temperature humidity "
              "pressure percent percentage score rating stars points goals votes likes views followers population "
              "capacity mileage odometer calories kcal kwh steps pages grams litres liters dose limit max min "
              "minimum maximum vintage founded born experience grade marks size_gb gb mb kg km cm mm lb lbs "
              "miles mph kmh celsius fahrenheit volume floors storeys bedrooms bathrooms servings portions "
              "installments instalments people persons adults kids pax headcount",
    "name": "person customer client patient guest attendee applicant author sender recipient contact owner user "
              "speaker host organizer organiser reporter driver passenger student pupil teacher instructor tutor "
              "doctor dentist nurse vet physician surgeon employee manager boss winner loser player member "
              "volunteer landlord landlady tenant claimant buyer seller reviewer sitter finder caller borrower "
              "lender requester assignee candidate artist director writer composer coach captain chef singer "
              "actor actress founder ceo witness child son daughter parent mother father friend colleague "
              "interviewer interviewee who traveller traveler visitor participant guardian payee payer recruiter "
              "stylist therapist trainer agent mentor referee presenter performer bride groom signatory "
              "shopper subscriber customer_name addressee lecturer professor scientist researcher",
    "place": "city town village country nation nationality citizenship location place destination origin address "
             "street road venue "
             "station airport port harbour harbor region province county area district neighbourhood "
             "neighborhood where headquarters hq capital near island continent pickup dropoff departure arrival "
             "from to",
    "org": "company organisation organization org employer business firm brand manufacturer make publisher "
           "carrier courier airline hotel restaurant cafe store shop bank school university college vendor "
           "supplier merchant retailer provider insurer agency club team band group winery brewery label journal "
           "newspaper magazine charity operator studio clinic hospital pharmacy library gym salon sponsor "
           "institution lab laboratory",
    "title": "title headline subject book film movie song album novel paper article show podcast series programme "
             "program play exhibition talk lecture webinar workshop course",
    "product": "product item device model dish recipe drink food meal ingredient pizza goods gift app application "
               "software tool bike animal species breed pet plant flower grape wine beer medication medicine "
               "drug vehicle car browser os platform",
    "job": "position role job occupation profession",
    "file": "file filename attachment document path",
    "summary": "summary description gist overview synopsis",
    "text": "reason message note notes comment comments issue problem request topic event "
            "occasion details text body content complaint symptom symptoms feedback question answer query "
            "instructions purpose cause status theme",
})

#: Heads that say little by themselves: the word before them decides (``company_name`` is a company).
WEAK_HEADS = {"name", "number", "no", "num", "nr", "value", "info", "details", "data", "type", "kind", "at", "by",
              "on", "in", "of"}
#: Whole keys whose kind their words taken one by one would get wrong.
COMPOUNDS = {"check_in": "date", "check_out": "date", "checkin": "date", "checkout": "date", "due_date": "date",
             "date_of_birth": "date", "first_name": "name", "last_name": "name", "full_name": "name",
             "given_name": "name", "family_name": "name", "surname": "name", "job_title": "job",
             "zip_code": "code", "post_code": "code", "postal_code": "code", "country_code": "code",
             "currency_code": "currency", "order_total": "number", "phone_number": "phone",
             "e_mail": "email", "web_site": "url", "time_zone": "text", "start_time": "time", "end_time": "time",
             "start_date": "date", "end_date": "date", "number_of": "number", "year_built": "number",
             "opening_hours": "text", "ip": "code", "ip_address": "code"}
#: Words before a head that make a person's key a count ("max_attendees") or keep it a person ("lead_guest").
COUNTING = {"max", "min", "maximum", "minimum", "num", "number", "total", "count", "n", "no", "expected", "extra"}

#: Words a text may put before (or after) a value for a key word: "Total due: 3,480", "amount due 96.20".
LABELS = {
    "total": ("total", "total due", "amount due", "grand total", "balance due", "to pay", "in total", "total of"),
    "amount": ("amount", "amount due", "total", "sum", "pay"), "price": ("price", "costs", "cost", "for", "at"),
    "cost": ("cost", "costs", "price", "total", "estimated at"), "fee": ("fee", "costs", "price", "at"),
    "salary": ("salary", "pay", "paid"), "rent": ("rent", "per month", "a month"),
    "email": ("email", "e-mail", "mail", "write to", "reach me at", "contact"),
    "phone": ("phone", "tel", "telephone", "mobile", "call", "call me on", "number", "cell"),
    "supplier": ("supplier", "vendor", "from", "bill from", "seller"), "vendor": ("vendor", "supplier", "from"),
    "invoice": ("invoice", "invoice no", "invoice number", "inv"), "date": ("date", "on", "dated"),
    "tracking": ("tracking", "tracking number", "parcel"), "reference": ("reference", "ref"),
    "issue": ("issue", "issued", "issue date"), "due": ("due", "due by", "payable by", "by"),
    "age": ("age", "aged", "turned", "years old", "year-old"), "guests": ("guests", "people", "persons", "adults"),
    "people": ("people", "persons", "guests", "for"), "servings": ("serves", "servings", "portions", "for"),
    "rating": ("rating", "rated", "stars", "out of", "/5"), "score": ("score", "scored", "points", "rated"),
    "stars": ("stars", "star"), "duration": ("duration", "runs", "lasts", "long"),
    "minutes": ("minutes", "min", "mins", "minute"), "hours": ("hours", "hrs", "hour", "h"),
    "quantity": ("quantity", "qty", "x", "units", "pieces"), "weight": ("weight", "weighs", "kg"),
    "temperature": ("temperature", "temp", "degrees", "oven"), "experience": ("experience", "years"),
    "employees": ("employees", "staff", "people", "employs", "workers"), "phone_number": ("phone", "number"),
    "severity": ("severity", "priority"), "priority": ("priority", "severity", "urgency"),
    "location": ("location", "at", "in", "venue"), "venue": ("venue", "at", "location"),
    "sender": ("from", "sender", "by"), "recipient": ("to", "recipient", "for"),
    "author": ("by", "author", "written by"), "director": ("directed by", "director", "by"),
    "host": ("host", "hosted by", "by"), "organizer": ("organised by", "organized by", "organizer", "by"),
    "reporter": ("reported by", "reporter", "by"), "speaker": ("speaker", "with", "by"),
    "company": ("company", "at", "from", "works at", "employer"), "employer": ("employer", "at", "company"),
    "version": ("version", "v", "app version"), "os": ("os", "on", "running"),
    "colour": ("colour", "color"), "color": ("color", "colour"),
    "winner": ("beat", "defeated", "won"), "children": ("kids", "children", "child", "under-12s"),
    "kids": ("kids", "children"), "adults": ("adults", "grown-ups"), "deposit": ("deposit",), "vat": ("vat", "tax"),
    "tax": ("tax", "vat"),
}

#: Words that may follow (or precede) a number of a kind of quantity: "3 nights", "45 min", "$9.99".
UNIT_WORDS = {
    "money": {"$", "\u20ac", "\u00a3", "\u00a5", "usd", "eur", "gbp", "chf", "jpy", "cad", "aud", "sek", "nok",
              "dkk", "pln", "inr", "dollars", "dollar", "euros", "euro", "pounds", "pound", "francs", "yen", "bucks"},
    "minutes": {"minutes", "minute", "min", "mins", "m"}, "hours": {"hours", "hour", "hrs", "hr", "h"},
    "days": {"days", "day"}, "weeks": {"weeks", "week"}, "months": {"months", "month"}, "nights": {"nights", "night"},
    "years": {"years", "year", "yrs", "yr"}, "kg": {"kg", "kilos", "kilograms", "kilo"},
    "g": {"g", "grams", "gram", "gr"}, "lb": {"lb", "lbs", "pounds"}, "km": {"km", "kilometres", "kilometers"},
    "miles": {"miles", "mile", "mi"}, "m": {"m", "metres", "meters", "metre", "meter"},
    "cm": {"cm", "centimetres", "centimeters"}, "percent": {"%", "percent", "per cent", "pct"},
    "c": {"c", "\u00b0c", "celsius", "degrees"}, "f": {"f", "\u00b0f", "fahrenheit", "degrees"},
    "kwh": {"kwh"}, "ml": {"ml"}, "l": {"l", "litres", "liters"}, "gb": {"gb"}, "mb": {"mb"},
    "kmh": {"km/h", "kph", "kmh"}, "mph": {"mph"}, "ms": {"ms"}, "calories": {"calories", "kcal", "cal"},
    "px": {"px", "pixel", "pixels"}, "mg": {"mg", "milligrams", "milligram"}, "mah": {"mah"},
    "inches": {"inches", "inch"}, "w": {"w", "watts", "watt"}, "kw": {"kw", "kilowatts", "kilowatt"},
    "tonnes": {"tonnes", "tonne", "tons", "ton", "t"}, "hectares": {"hectares", "hectare", "ha"},
    "seconds": {"seconds", "second", "secs", "sec", "s"}, "gsm": {"gsm"}, "bpm": {"bpm"},
    "stars": {"stars", "star", "/5"}, "people": {"people", "persons", "guests", "adults", "pax"},
}
#: Key words that ask for an amount of money.
MONEY_WORDS = {"amount", "price", "total", "subtotal", "cost", "fee", "fare", "salary", "wage", "budget", "balance",
               "sum", "rent", "deposit", "tax", "vat", "tip", "discount", "charge", "income", "due", "paid", "pay",
               "usd", "eur", "gbp", "chf", "revenue", "refund", "fine", "value"}
#: Key words that ask for a year.
YEAR_WORDS = {"year", "founded", "vintage", "born", "published", "released", "built", "established"}
#: Key words that ask for a count of people ("for 4", "party of 6").
PEOPLE_WORDS = {"people", "persons", "guests", "passengers", "travellers", "travelers", "adults", "attendees",
                "participants", "party", "diners", "seats", "tickets", "riders", "players", "visitors"}


def unit_of(words: list[str]) -> str:
    """The quantity a key's words measure ("weight_kg" in kg, "length_minutes" in minutes, "hours_per_week" in
    hours), or ""."""
    if "per" in words[1:]:
        words = words[:words.index("per")]  # what comes after "per" is what it is counted against
    for word in reversed(words):
        if word == "m" and words[-1] == "m" and len(words) > 1:
            return "m"  # "radius_m": metres
        if word in ("min", "max", "m", "h", "s", "no"):  # "salary_min" is a minimum, not minutes
            continue
        if word in UNIT_WORDS:
            return word
        for unit, forms in UNIT_WORDS.items():
            if word in forms and unit not in ("m", "f", "c", "g", "l") or word == unit:
                return unit
    if set(words) & MONEY_WORDS:
        return "money"
    return ""


def singular(word: str) -> str:
    """``guests`` -> ``guest``, ``countries`` -> ``country``, ``boxes`` -> ``box`` (roughly)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and re.search(r"(?:ss|x|ch|sh)es$", word):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
