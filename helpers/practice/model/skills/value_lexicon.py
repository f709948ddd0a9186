"""The small word lists the practice server reads values with: cues, places, sentiment, currencies.

Kept small on purpose: a 4B or 12B model knows far more, but what the lessons need from practice
mode is plausible behaviour, not coverage. :func:`common_words` is the practice corpus's own
vocabulary (a capitalised word it also uses in lower case starts a sentence; it is not a name).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..facts import CAPITALS

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "hundred": 100,
                "a dozen": 12, "a couple of": 2, "a pair of": 2, "single": 1, "double": 2}

#: Words near a number that say what it counts, for the key words that ask for it.
NUMBER_CUES = {
    "age": {"years", "year", "old", "aged", "age", "yo"}, "year": {"in", "year", "born", "since", "founded"},
    "employees": {"employs", "employees", "staff", "people", "workers"},
    "founded": {"founded", "in", "since", "established"}, "born": {"born"},
    "guests": {"guests", "guest", "people", "persons", "adults", "pax", "total"},
    "people": {"people", "persons", "guests", "of", "for"}, "passengers": {"people", "passengers", "persons"},
    "nights": {"nights", "night"}, "rooms": {"rooms", "room"}, "servings": {"serves", "servings", "portions"},
    "minutes": {"minutes", "min", "mins", "minute"}, "hours": {"hours", "hrs", "hour"},
    "days": {"days", "day"}, "rating": {"star", "stars", "rating", "rated", "/5", "out"},
    "stars": {"star", "stars"},
    "price": {"$", "price", "costs", "cost", "for", "usd", "eur", "just", "each", "@", "per"},
    "total": {"total", "due", "amount", "eur", "usd", "gbp", "$", "pay"}, "amount": {"amount", "due", "$"},
    "cost": {"cost", "costs", "$"}, "weight": {"kg", "kilos", "kilograms", "lb", "lbs", "weigh", "weight", "weighs"},
    "kg": {"kg", "kilos", "kilograms", "weigh"}, "height": {"cm", "tall", "height", "m"}, "cm": {"cm", "tall"},
    "temperature": {"degrees", "c", "\u00b0c", "\u00b0", "celsius", "f", "fahrenheit"},
    "c": {"c", "\u00b0c", "degrees", "celsius"}, "humidity": {"%", "humidity", "percent"},
    "percent": {"%", "percent"}, "experience": {"years", "experience"}, "years": {"years", "year"},
    "volume": {"volume", "loudness"}, "quantity": {"x", "units", "pieces", "pcs", "items"},
    "seats": {"seats", "seat", "tickets"}, "tickets": {"tickets", "ticket", "seats"},
    "units": {"units", "pieces", "items"}, "salary": {"$", "salary", "per"}, "budget": {"budget", "$"},
    "usd": {"$", "usd", "dollars"}, "eur": {"\u20ac", "eur", "euros"}, "duration": {"minutes", "hours", "days"},
    "distance": {"km", "miles", "mi", "kilometres", "kilometers"}, "score": {"score", "points", "out"},
}

COUNTRIES = {name.title() for name in CAPITALS if len(name) > 3} | {
    "Austria", "Belgium", "Chile", "Colombia", "Denmark", "Finland", "Greece", "Ireland", "Netherlands",
    "New Zealand", "Nigeria", "Peru", "Philippines", "Scotland", "Sweden", "Switzerland", "Thailand", "Vietnam",
    "Argentina", "Ghana", "Morocco", "Indonesia", "Wales", "Iceland", "Czechia", "Hungary", "Romania", "Ukraine"}
#: A short gazetteer: places the practice server knows are places (any capitalised word after "in" may be one).
PLACES = COUNTRIES | {city for city in CAPITALS.values()} | {
    "New York", "Los Angeles", "San Francisco", "Chicago", "Boston", "Seattle", "Toronto", "Vancouver", "Montreal",
    "Sydney", "Melbourne", "Manchester", "Edinburgh", "Glasgow", "Dublin", "Amsterdam", "Rotterdam", "Brussels",
    "Barcelona", "Valencia", "Seville", "Porto", "Milan", "Naples", "Venice", "Florence", "Munich", "Hamburg",
    "Frankfurt", "Cologne", "Vienna", "Zurich", "Geneva", "Prague", "Budapest", "Copenhagen", "Stockholm",
    "Helsinki", "Athens", "Istanbul", "Dubai", "Mumbai", "Bangalore", "Singapore", "Hong Kong", "Shanghai",
    "Osaka", "Kyoto", "Bangkok", "Lagos", "Accra", "Cape Town", "Johannesburg", "Buenos Aires", "Lima", "Bogota",
    "Santiago", "Lyon", "Marseille", "Nice", "Utrecht", "Leeds", "Bristol", "Liverpool", "Krakow", "Oslo",
    "Bergen", "Reykjavik", "Auckland", "Wellington", "Austin", "Denver", "Miami", "Berlin", "Paris", "Rome"}

POSITIVE = {"love", "great", "excel", "amaz", "fantast", "happy", "wonder", "good", "best", "perfect", "recommend",
            "thank", "awesom", "pleas", "delight", "enjoy", "brilliant", "nice", "super", "glad", "beauti", "friendly",
            "helpful", "quick", "easy", "impress", "shorter", "faster", "smooth"}
NEGATIVE = {"broke", "broken", "loud", "bad", "terribl", "awful", "worst", "hate", "disappoint", "poor", "slow",
            "crash", "late", "angry", "annoy", "useless", "faulty", "damag", "torn", "wrong", "refund", "never",
            "fail", "problem", "issu", "complain", "rude", "dirty", "cold", "horribl", "unhappy", "noisy", "wors",
            "cancel", "miss", "lost", "delay", "overcharg", "error"}
URGENT = ("urgent", "urgently", "asap", "immediately", "emergency", "critical", "right away", "right now", "today",
          "tonight", "tomorrow", "every user", "nobody can", "no one can", "can't log", "cannot", "locked",
          "is down", "outage", "deadline", "before friday", "now please", "lock it")
UNHURRIED = ("no rush", "whenever", "just wondering", "wondering", "curious", "before i buy", "before i order",
             "just wanted", "thank you", "no hurry", "at some point", "when you can", "question", "?")
#: Where a word stands on a scale of urgency: 0 low, 1 middle, 2 high, 3 higher still.
SCALES = {"low": 0, "minor": 0, "trivial": 0, "p3": 0, "medium": 1, "normal": 1, "moderate": 1, "p2": 1,
          "high": 2, "urgent": 2, "major": 2, "p1": 2, "critical": 3, "blocker": 3, "p0": 3}

#: Words that usually go with a category of that name, before any definition the prompt gives.
ASSOCIATIONS = {
    "billing": ("charge", "charged", "invoice", "payment", "paid", "price", "bill", "fee"),
    "payments": ("charge", "card", "payment", "paid", "refund"), "refund": ("refund", "money", "back"),
    "technical": ("error", "crash", "crashes", "bug", "broken", "app", "update", "working"),
    "tech support": ("error", "crash", "bug", "broken", "working"), "bug": ("crash", "error", "broken"),
    "account": ("login", "log", "password", "sign", "account", "profile"),
    "shipping": ("delivery", "shipped", "parcel", "package", "tracking", "arrived"),
    "delivery": ("delivery", "shipped", "parcel", "package", "tracking", "arrived", "courier"),
    "returns": ("return", "returned", "exchange"), "sales": ("buy", "price", "quote", "discount", "order"),
    "complaint": ("bad", "terrible", "disappointed", "angry"), "praise": ("thank", "great", "love", "fantastic"),
    "question": ("how", "what", "when", "where", "can", "do"),
    "spam": ("winner", "won", "prize", "free", "click", "congratulations", "claim", "offer", "lottery", "unsubscribe"),
    "positive": ("love", "great", "good", "happy", "excellent"), "negative": ("bad", "terrible", "broke", "hate"),
    "neutral": ("okay", "fine", "average"), "feedback": ("suggest", "feedback", "idea", "improve"),
    "sports": ("match", "team", "goal", "league", "game", "player"), "politics": ("election", "minister", "vote"),
    "business": ("market", "company", "shares", "profit"), "science": ("study", "research", "scientists"),
    "technology": ("software", "app", "phone", "ai", "computer"),
    "meals": ("lunch", "dinner", "breakfast", "restaurant", "cafe", "bistro", "coffee", "food", "meal"),
    "food": ("lunch", "dinner", "breakfast", "restaurant", "cafe", "coffee", "meal", "groceries"),
    "travel": ("flight", "train", "taxi", "hotel", "uber", "airport", "ticket", "fuel", "parking"),
    "office": ("paper", "printer", "stationery", "desk", "pens", "toner", "supplies"),
    "entertainment": ("cinema", "concert", "movie", "theatre", "tickets", "game"),
    "health": ("doctor", "pharmacy", "medicine", "dentist", "hospital"),
}

CURRENCIES = {"$": "USD", "us dollars": "USD", "dollars": "USD", "dollar": "USD", "usd": "USD", "\u20ac": "EUR",
              "euros": "EUR", "euro": "EUR", "eur": "EUR", "\u00a3": "GBP", "pounds": "GBP", "pound": "GBP",
              "sterling": "GBP", "gbp": "GBP", "\u00a5": "JPY", "yen": "JPY", "japanese yen": "JPY", "jpy": "JPY",
              "francs": "CHF", "swiss francs": "CHF", "franc": "CHF", "swiss franc": "CHF",
              "rupee": "INR", "krona": "SEK", "kroner": "NOK", "peso": "MXN", "real": "BRL", "reais": "BRL",
              "won": "KRW", "rand": "ZAR", "lira": "TRY", "shekel": "ILS", "dirham": "AED", "ringgit": "MYR",
              "chf": "CHF", "canadian dollars": "CAD", "cad": "CAD",
              "australian dollars": "AUD", "aud": "AUD", "rupees": "INR", "inr": "INR", "yuan": "CNY",
              "cny": "CNY", "kronor": "SEK", "sek": "SEK", "krone": "NOK", "nok": "NOK", "pesos": "MXN",
              "mxn": "MXN", "zloty": "PLN", "pln": "PLN"}
LANGUAGE_NAMES = ("english", "french", "german", "spanish", "italian", "portuguese", "dutch", "japanese", "chinese",
                  "korean", "arabic", "russian", "polish", "swedish", "norwegian", "danish", "turkish", "hindi")
#: A few of each language's commonest words: enough to tell which language a short text is in.
LANGUAGE_WORDS = {
    "French": {"le", "la", "les", "de", "des", "et", "est", "bonjour", "merci", "tout", "monde", "je", "vous",
               "une", "pas", "oui", "avec", "pour"},
    "Spanish": {"el", "los", "las", "de", "y", "es", "hola", "gracias", "todo", "mundo", "yo", "usted", "una",
                "por", "para", "con", "que", "buenos"},
    "German": {"der", "die", "das", "und", "ist", "hallo", "danke", "nicht", "ich", "sie", "ein", "eine", "mit",
               "guten", "welt", "wo", "bitte"},
    "Italian": {"il", "lo", "gli", "di", "e", "ciao", "grazie", "tutto", "mondo", "io", "una", "per", "con",
                "buongiorno", "che", "sono"},
    "Portuguese": {"o", "os", "as", "de", "e", "ol\u00e1", "obrigado", "obrigada", "tudo", "mundo", "eu", "uma",
                   "para", "com", "bom", "dia", "n\u00e3o"},
}
ROOMS = ("living room", "dining room", "guest room", "bedroom", "kitchen", "bathroom", "office", "garage", "hallway",
         "hall", "study", "nursery", "basement", "attic", "garden", "lounge", "porch", "kids' room", "laundry")
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                      "dec"), 1)}

#: Words that start sentences or prompts capitalised but are never a name or a place.
COMMON_CAPITALISED = frozenset("""hi hello hey dear thanks thank regards best kind cheers meet please can could would
will my our your their the a an this that these those it its i we you he she they his her there here what when where
why how who which is are was were do does did have has had just also so but and or if as at in on for from to by with
about into of yes no not sure ok okay sincerely warm yours reservation confirmation order invoice package parcel
your listing review text input message email note sensor log application subject re fw fwd update urgent hello
absolutely please good morning evening afternoon night today tomorrow yesterday one two three four five six
fully great new biography wi-fi wifi bluetooth internet founded turn extract return give convert parse classify
read respond reply here reserve
book find put play set make start stop remind translate show get send check call order cancel add create open look
does do did is are was were has have had can will shall should may might must save queue hiya howdy yo
search buy tell list schedule switch what's where's how's it's i'm i'd let's""".split())


def stem(word: str) -> str:
    """A crude stem: lower case, without the commonest English endings (``charged`` and ``charges`` agree)."""
    word = word.lower().strip("'\u2019.,!?;:\"()")
    for ending in ("ing", "ed", "es", "s", "ly", "y", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words the practice corpus writes in lower case, with the list above."""
    from ..language_model import get_model  # the corpus's vocabulary; built once and shared with the answers

    model = get_model()
    return frozenset(w for w in model.words if w.islower() and len(w) > 1) | COMMON_CAPITALISED


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'-]+", text.lower())


#: Words that say nothing about which function a question needs.
STOP = frozenset("""a an the and or but if of to in on at by for with about from into is are was were be been it its
this that these those i you he she we they me my your our their what which who how why when where do does did can
could should would will shall may might must not no yes so than then there here please some any all very just also
more most many as up out over get give tell want need like know let make right now currently current
latest""".split())

#: Words that turn up in requests of every kind, so they say nothing about which category one belongs to.
GENERIC = frozenset("""order orders ordered product products item items customer help thanks thank hi hello please
never still again one two time week weeks day days service""".split())

#: Question words and what they usually ask for: the everyday knowledge that links "trading at" to a price.
SYNONYMS = {
    "room": ("hotel", "booking"), "old": ("age",), "born": ("birth", "age"), "birthday": ("birth",),
    "words": ("lyrics", "text"),
    "weather": ("forecast", "temperature"), "forecast": ("weather",), "rain": ("weather", "forecast"),
    "sunny": ("weather",), "hot": ("weather", "temperature"), "cold": ("weather", "temperature"),
    "freezing": ("temperature", "cold"), "warm": ("temperature",), "degrees": ("temperature",),
    "heating": ("temperature", "thermostat"), "trading": ("price", "stock", "share"), "shares": ("stock", "price"),
    "worth": ("price", "value"), "cost": ("price",), "costs": ("price",), "much": ("price", "amount", "convert"),
    "exchange": ("convert", "currency", "rate"), "dollars": ("currency",), "euros": ("currency",),
    "pounds": ("currency",), "yen": ("currency",), "reserve": ("book", "booking", "reservation"),
    "book": ("reserve", "booking", "reservation"), "table": ("restaurant",), "remind": ("reminder",),
    "reminder": ("remind",), "remember": ("reminder", "note"), "timer": ("countdown",), "countdown": ("timer",),
    "play": ("music", "song"), "song": ("music",), "listen": ("music",), "parcel": ("package", "delivery",
                                                                                    "shipment", "tracking"),
    "package": ("parcel", "delivery", "shipment"), "where": ("status", "track", "location"),
    "delivered": ("delivery", "status"), "email": ("mail", "message", "send"), "mail": ("email", "send"),
    "send": ("email", "message"), "find": ("search", "look"), "search": ("find", "look"), "look": ("search", "find"),
    "translate": ("translation", "language"), "say": ("translate",), "meeting": ("calendar", "event", "schedule"),
    "schedule": ("calendar", "event"), "appointment": ("calendar", "event", "book"), "stock": ("inventory",),
    "available": ("inventory", "availability", "stock"), "train": ("trains", "rail", "connection"),
    "flight": ("flights", "fly", "airline"), "fly": ("flight", "flights"), "hotel": ("room", "booking"),
    "lights": ("light", "lamp"), "lamp": ("light",), "turn": ("switch", "set"), "set": ("change", "adjust"),
    "make": ("set",), "calculate": ("compute",), "wake": ("alarm",), "alarm": ("wake",),
    "coordinates": ("latitude", "longitude", "location", "geocode"), "map": ("location", "coordinates"),
    "mean": ("define", "definition", "meaning"),
    "means": ("define", "definition", "meaning"), "meaning": ("define", "definition"),
    "switch": ("turn", "set", "toggle"),
    "landed": ("flight", "arrival", "status"), "land": ("flight", "arrival"), "delayed": ("flight", "status", "delay"),
    "departed": ("flight", "departure", "status"), "boarding": ("flight", "gate", "status"),
    "news": ("headlines", "articles"), "climb": ("elevation", "ascent", "gain"),
    "climbing": ("elevation", "ascent", "gain"), "stream": ("watch", "streaming", "show"),
    "watch": ("stream", "streaming", "show", "film", "movie"), "order": ("purchase", "buy"),
    "buy": ("order", "purchase"), "cancel": ("cancellation",), "refund": ("return", "payment", "money", "back"),
    "payment": ("pay", "paid", "paypal", "card", "visa", "charge", "checkout"), "charges": ("charged", "fee", "paid"),
    "prices": ("price", "cost", "paid", "pay", "$"), "invoices": ("invoice", "receipt", "vat", "statement"),
    "working": ("crash", "crashes", "error", "broken", "fault", "faulty", "stopped", "won't", "off"),
    "use": ("pair", "setup", "install", "connect", "manual"), "damage": ("torn", "broken", "damaged", "cracked"),
    "delivery": ("deliver", "delivered", "shipping", "ship", "courier", "tracking", "arrive", "arrived", "express"),
    "addresses": ("address",), "transit": ("delivery", "courier", "arrived"), "passwords": ("password", "login",
                                                                                          "log", "reset"),
    "signing": ("sign", "login", "log", "signed"), "personal": ("gdpr", "privacy", "delete"),
    "settings": ("change", "merge", "profile"), "praise": ("thanks", "fantastic", "great"),
    "jobs": ("hiring", "cv", "job", "career"), "press": ("journalist", "comment", "media"),
    "jab": ("vaccination", "vaccine"), "jabs": ("vaccination", "vaccinations", "vaccine"),
    "shots": ("vaccination", "vaccine"), "injections": ("vaccination",), "fed": ("feeding", "feed"),
    "vote": ("polling", "election", "ballot"), "voting": ("polling", "election"), "newest": ("latest",),
    "bring": ("allowed", "prohibited", "customs", "import"), "allowed": ("prohibited", "permitted", "rules"),
    "taxi": ("cab", "ride"), "cab": ("taxi", "ride"), "bouquet": ("flowers", "flower"), "roses": ("flowers",),
    "tulips": ("flowers",), "sunflowers": ("flowers",), "lilies": ("flowers",),
    "showing": ("showtimes", "listings", "film", "films", "cinema"),
    "cinema": ("showtimes", "film", "movie"), "rules": ("instructions", "how"), "setup": ("rules",),
    "tide": ("tides",), "temperature": ("weather",), "umbrella": ("weather", "rain", "forecast"),
    "rate": ("exchange",), "franc": ("currency", "exchange"), "francs": ("currency", "exchange"),
    "mortgage": ("loan",), "repayments": ("loan", "payment"), "doctor": ("appointment",),
    "dentist": ("appointment", "dental"), "vet": ("appointment", "veterinary", "pet"),
    "time": ("showtimes", "times", "schedule"), "busy": ("occupancy", "crowd", "capacity"),
    "rammed": ("occupancy", "busy", "crowd"), "packed": ("occupancy", "busy"), "crowded": ("occupancy", "busy"),
    "quiet": ("occupancy", "busy"),
    "stargazing": ("sky", "stars", "observatory", "astronomy"), "nearest": ("find", "near", "nearby"),
    "closest": ("find", "near", "nearby"), "open": ("hours", "opening"),
}

#: Words that say a yes/no key is false although its own word is not negated ("unpaid", "manual").
NEGATIVE_FORMS = {
    "paid": ("unpaid", "outstanding", "owing", "overdue", "not paid", "not yet paid", "payment due"),
    "automatic": ("manual",), "manual": ("automatic",), "open": ("closed", "shut"), "closed": ("open",),
    "locked": ("unlock", "unlocked"), "lock": ("unlock",), "on": ("off",), "enabled": ("disabled", "off"),
    "included": ("excluded", "not included", "extra charge"), "available": ("unavailable", "sold out", "taken"),
    "attending": ("can't make it", "cannot make it", "can't come", "cannot come", "won't be able", "unable to",
                  "decline", "regrets", "not coming", "won't make it"),
    "coming": ("can't make it", "cannot make it", "not coming", "won't make it"),
    "recommend": ("never again", "avoid", "don't buy", "do not buy", "waste of money", "wouldn't recommend"),
    "passed": ("failed", "did not pass", "didn't pass"), "pass": ("failed", "fail"),
    "vegetarian": ("chicken", "beef", "pork", "lamb", "fish", "bacon", "ham", "sausage", "meat", "turkey",
                   "duck", "prawn", "prawns", "shrimp", "salmon", "tuna", "anchovies", "chorizo", "pepperoni",
                   "veal", "venison", "mince"),
    "vegan": ("chicken", "beef", "pork", "lamb", "fish", "meat", "cheese", "egg", "eggs", "milk", "butter", "honey",
              "cream"),
    "married": ("single", "divorced", "unmarried"), "active": ("inactive", "cancelled", "expired", "suspended"),
    "valid": ("invalid", "expired"), "success": ("failed", "error"), "successful": ("failed", "error"),
    "delivered": ("lost", "missing", "not arrived", "hasn't arrived"), "refundable": ("non-refundable",),
    "stock": ("out of stock", "sold out", "unavailable", "none left", "no stock"),
    "in_stock": ("out of stock", "sold out", "unavailable", "none left", "no stock"),
    "online": ("in person", "in-person", "on campus", "on-campus", "on site", "on-site", "face to face",
               "face-to-face", "offline", "in the classroom", "in class"),
    "delivery": ("collect", "collected", "collection", "pick up", "picked up", "pickup", "pick-up", "in store",
                 "in-store", "takeaway", "take away", "take-away"),
    "low": ("ok", "okay", "fine", "good", "full", "normal", "charged"),
    "working": ("broken", "out of order", "faulty", "not working", "stopped working", "down", "dead"),
    "card": ("cash", "in cash", "paid cash", "bank transfer"),
    "group": ("private", "one-to-one", "one to one", "1:1", "1-to-1", "individual", "solo"),
    "abnormal": ("normal", "within range", "in range"), "normal": ("abnormal", "out of range", "flagged"),
    "capital": ("second city", "second-largest city", "second largest city"),
    "smoking": ("non-smoking", "no smoking"), "pets": ("no pets",), "remote": ("on-site", "onsite", "in office",
                                                                               "in-office"),
}
#: Other words that say a yes/no key is true: "e-bike" for ``electric``, "per month" for ``monthly``.
POSITIVE_FORMS = {
    "electric": ("e-bike", "ebike", "e-scooter", "ev", "charging", "charge"), "monthly": ("a month", "per month",
                                                                                         "every month", "monthly"),
    "weekly": ("a week", "per week", "every week"), "daily": ("every day", "each day", "a day", "daily"),
    "express": ("next-day", "next day", "priority", "overnight"), "remote": ("from home", "wfh", "anywhere"),
    "urgent": ("asap", "immediately", "emergency", "right away", "urgently"), "spicy": ("hot", "chilli", "chili",
                                                                                       "fiery", "spicy"),
    "gift": ("gift wrap", "gift-wrap", "present"), "color": ("colour", "in color"), "colour": ("color",),
    "attending": ("will attend", "will be there", "count me in", "happy to attend", "accept"),
    "recommend": ("recommend", "must-buy", "worth every", "worth it", "love it"),
    "crashed": ("crash", "crashes", "crashing", "froze", "freezes"), "overdue": ("overdue", "late", "past due"),
    "refund": ("money back", "refund", "reimburse"), "requested": ("want", "would like", "asking", "request"),
    "open": ("open now", "open right now", "currently open", "right now", "now"), "now": ("right now", "currently"),
    "verified": ("verified",), "new": ("never been", "first time", "first visit", "not been before", "new to"),
    "oat": ("oat milk", "oat"), "delivery": ("deliver", "delivered", "delivery", "shipped to", "sent to"),
    "in_stock": ("in stock", "available", "on the shelf", "got the", "here already", "have them", "have it"),
    "stock": ("in stock", "available", "got the", "here already"),
    "online": ("online", "remote", "virtual", "on zoom", "over zoom", "via zoom", "over video", "via video",
               "video call", "on teams", "remotely"),
    "low": ("low", "running out", "nearly empty", "almost empty", "below 10%", "replace soon"),
    "abnormal": ("abnormal", "flagged", "out of range", "elevated", "too high", "too low"),
    "group": ("group", "class of", "with others"),
    "outdoor": ("outside", "outdoors", "terrace", "garden", "patio", "al fresco", "open-air", "open air"),
    "indoor": ("inside", "indoors", "indoor"), "employed": ("works", "working", "employed", "full-time", "part-time",
                                                            "job as", "works as"),
    "fragile": ("glass", "glassware", "handle with care", "breakable", "delicate", "porcelain", "ceramics"),
    "revisit": ("come back", "go back", "return visit", "follow-up", "follow up", "revisit"),
    "half_board": ("dinner and breakfast", "breakfast and dinner", "half board", "half-board"),
    "complete": ("all pieces", "all parts", "nothing missing", "complete", "all the pieces"),
    "debit": ("charged", "paid", "spent", "payment", "purchase", "withdrawn", "withdrawal"),
    "hookup": ("hook-up", "hook up", "hookup"), "wifi": ("wi-fi", "wifi", "wireless internet"),
    "parking": ("parking", "car park", "parking space", "garage"), "breakfast": ("breakfast",),
    "priority": ("urgent", "asap", "rush", "high priority", "as soon as possible", "express"),
    "insured": ("insurance", "insured", "cover", "covered"), "warranty": ("warranty", "guarantee", "guaranteed"),
    "first": ("first class", "first-class"),
}
#: Everyday words for a listed value: "huge" for ``large``, "children" for ``pediatrics``.
VALUE_SYNONYMS = {
    "illness": ("sick", "ill", "unwell", "fever", "flu", "off sick", "poorly"), "sick": ("ill", "unwell", "poorly"),
    "s": ("small",), "m": ("medium",), "l": ("large",), "xl": ("extra large", "extra-large"),
    "xs": ("extra small", "extra-small"), "xxl": ("double extra large",),
    "large": ("huge", "big", "massive", "enormous", "giant", "deep"), "small": ("tiny", "little", "minor", "mini"),
    "medium": ("moderate", "average", "mid", "normal", "regular"), "regular": ("medium", "normal", "standard"),
    "high": ("urgent", "critical", "severe", "serious", "asap", "immediately", "dangerous", "danger", "do not eat",
             "emergency"),
    "low": ("minor", "trivial", "no rush", "whenever", "cosmetic", "typo"),
    "critical": ("crash", "crashes", "nobody can", "no one can", "every user", "outage", "down", "data loss"),
    "major": ("broken", "fails", "cannot", "can't"), "minor": ("typo", "cosmetic", "small", "slight"),
    "pediatrics": ("child", "children", "children's", "kid", "kids", "son", "daughter", "baby", "toddler", "infant"),
    "paediatrics": ("child", "children", "kid", "son", "daughter", "baby"),
    "cardiology": ("heart", "chest pain", "palpitations", "blood pressure"),
    "dermatology": ("skin", "rash", "mole", "acne", "eczema"),
    "orthopedics": ("bone", "knee", "hip", "fracture", "joint", "back pain", "sprain", "shoulder"),
    "neurology": ("headache", "migraine", "seizure", "numbness"), "ophthalmology": ("eye", "eyes", "vision"),
    "running": ("run", "ran", "jog", "jogged", "jogging"), "swimming": ("swim", "swam", "pool"),
    "cycling": ("cycle", "cycled", "bike", "biked", "ride", "rode"), "walking": ("walk", "walked", "hike", "hiked"),
    "celsius": ("\u00b0c", "c"), "fahrenheit": ("\u00b0f", "f"), "miles": ("mile", "mi"), "km": ("kilometres",
                                                                                                 "kilometers"),
    "kg": ("kilos", "kilograms"), "lb": ("pounds", "lbs"), "close": ("shut", "closing"), "open": ("opening",),
    "positive": ("love", "great", "excellent", "amazing"), "negative": ("terrible", "awful", "bad", "broke"),
    "delivery": ("late", "arrived", "courier", "shipping", "parcel", "never came"),
    "billing": ("charged", "invoice", "payment", "refund", "money back", "price"),
    "quality": ("broken", "faulty", "defect", "poor quality", "damaged", "cheap"),
    "today": ("today", "so far today"), "week": ("this week", "weekly", "past week"),
    "month": ("this month", "monthly", "past month"), "evening": ("tonight", "after work", "pm"),
    "morning": ("am", "before noon", "early"), "afternoon": ("after lunch",),
}
