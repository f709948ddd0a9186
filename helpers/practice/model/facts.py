"""What the practice server knows for sure: computed or looked up, never sampled.

Real arithmetic (safely parsed, never ``eval``), clock times (a train that leaves at 14:10 and takes
2 h 55 min arrives at 17:05), a small table of capitals, a small phrasebook, summaries by counting,
and text to repeat verbatim. An answer states these first; sampled text may follow.
"""
from __future__ import annotations

import ast
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from .topics import STOPWORDS

# --------------------------------------------------------------------------- arithmetic, safely

_OPS: dict[type, Callable] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow,
}
_WORD_OPS = ((r"\bmultiplied by\b", "*"), (r"\bdivided by\b", "/"), (r"\btimes\b", "*"),
             (r"\bplus\b", "+"), (r"\bminus\b", "-"), ("×", "*"), ("÷", "/"), (r"\^", "**"))
_EXPRESSION = re.compile(r"[\d.(][\d.\s()+\-*/%]*[\d)]")


def _evaluate(node: ast.AST) -> float:
    """Numbers and + - * / // % ** only; anything else raises ValueError."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        value = _evaluate(node.operand)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        left, right = _evaluate(node.left), _evaluate(node.right)
        if isinstance(node.op, ast.Pow) and (abs(right) > 64 or abs(left) > 10**6):
            raise ValueError("power too large")
        if abs(left) > 1e100 or abs(right) > 1e100:
            raise ValueError("number too large")
        return _OPS[type(node.op)](left, right)
    raise ValueError("not arithmetic")


def find_arithmetic(text: str) -> tuple[str, str] | None:
    """The first arithmetic expression in a prompt and its value, as text: ("17 * 23", "391")."""
    text = text[:2000].lower()  # the pattern can backtrack: look where questions are, at the start
    for pattern, op in _WORD_OPS:
        text = re.sub(pattern, op, text)
    text = re.sub(r"(?<=\d)\s*x\s*(?=\d)", "*", text)
    for match in _EXPRESSION.finditer(text):
        candidate = match.group().strip()
        if not re.search(r"\d\s*(\*\*|[-+*/%])\s*[\d(]", candidate):
            continue
        try:
            tree = ast.parse(candidate, mode="eval")
            value = _evaluate(tree.body)
        except ZeroDivisionError:
            return ast.unparse(tree), "undefined (division by zero)"
        except (SyntaxError, ValueError, OverflowError, RecursionError, MemoryError):
            continue
        if isinstance(value, float):
            if not math.isfinite(value):
                continue
            value = int(value) if value.is_integer() and abs(value) < 1e15 else float(f"{value:.10g}")
        return ast.unparse(tree), f"{value}"
    return None


# --------------------------------------------------------------------------- clock times

_CLOCK = re.compile(r"\b([01]?\d|2[0-3])[:h]([0-5]\d)\b(?:\s*([ap])\.?m\b\.?)?", re.I)
_HOURS = re.compile(r"\b(\d{1,3})\s*(?:hours?|hrs?|h)\b(?:\s*(?:and\s+)?(\d{1,3})\s*(?:minutes?|mins?|min|m)\b)?", re.I)
_MINUTES = re.compile(r"\b(\d{1,4})\s*(?:minutes?|mins?|min)\b", re.I)
_VEHICLES = ("train", "bus", "flight", "plane", "ferry", "boat", "film", "movie", "meeting", "class", "show")
_VERBS = (("arriv", "arrives"), ("land", "lands"), ("finish", "finishes"), ("end", "ends"), ("get", "gets there"))




@dataclass(frozen=True)
class ClockSum:
    """A clock time plus a duration, read from a question: "leaves at 14:10 and takes 2 hours and 55 minutes"."""

    start: int  # minutes after midnight
    hours: int
    minutes: int
    subject: str  # "the train", or "it"
    verb: str  # "arrives", "ends", ...

    @property
    def end(self) -> int:
        return self.start + 60 * self.hours + self.minutes

    def brief(self) -> str:
        return f"{self.subject.capitalize()} {self.verb} at {clock(self.end)}."

    def compact(self) -> str:
        return (f"{clock(self.start)} + {self.hours} h {self.minutes} min = {clock(self.end)}, "
                f"so {self.subject} {self.verb} at {clock(self.end)}.")

    def steps(self) -> str:
        middle = self.start + 60 * self.hours
        lines = [f"Start from the departure time, {clock(self.start)}.",
                 f"Add the {self.hours} hours: {clock(self.start)} + {self.hours} h = {clock(middle)}."]
        step = f"Add the {self.minutes} minutes: {clock(middle)} + {self.minutes} min = {clock(self.end)}."
        over = middle % 60 + self.minutes
        if over >= 60:
            step += (f" ({middle % 60} + {self.minutes} = {over} minutes, which is {over // 60} hour"
                     f"{'s' if over >= 120 else ''} and {over % 60} minutes.)")
        return "\n".join(lines + [step, f"So {self.subject} {self.verb} at {clock(self.end)}."])


def clock(minutes: int) -> str:
    """Minutes after midnight as a 24-hour time; "the next day" when it passes midnight."""
    days, rest = divmod(minutes, 24 * 60)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return text + ("" if not days else " the next day" if days == 1 else f", {days} days later")


def find_clock_sum(text: str) -> ClockSum | None:
    """A start time and a duration in a question, or None when the question has not both."""
    text = text[:2000]
    found = _CLOCK.search(text)
    if not found:
        return None
    hour, minute, half = int(found.group(1)), int(found.group(2)), found.group(3)
    if half:
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    rest = text[:found.start()] + " " + text[found.end():]
    hours = _HOURS.search(rest)
    if hours:
        duration = (int(hours.group(1)), int(hours.group(2) or 0))
    else:
        minutes = _MINUTES.search(rest)
        if not minutes:
            return None
        duration = divmod(int(minutes.group(1)), 60)
    low = text.lower()
    noun = next((v for v in _VEHICLES if re.search(rf"\b{v}\b", low)), "")
    verb = next((v for stem, v in _VERBS if stem in low), "arrives" if noun else "ends")
    return ClockSum(hour * 60 + minute, duration[0], duration[1], f"the {noun}" if noun else "it", verb)


# --------------------------------------------------------------------------- what the conversation said

NAME_INTRO = re.compile(r"\bmy name is ([A-Za-zÀ-ÿ][\w'-]*)", re.I)
_NAME_QUESTION = re.compile(r"\b(what(?:'s| is) my name|do you (?:remember|know) my name|who am i)\b", re.I)
_FACT = r"((?:favou?rite |lucky )?[a-z]+)"
_FACT_STATEMENT = re.compile(rf"\bmy {_FACT} is ([^.,!?;\n]{{1,40}})", re.I)
_FACT_QUESTION = re.compile(rf"\bwhat(?:'s| is) my {_FACT}\b", re.I)


def recall(question: str, earlier: list[str]) -> str | None:
    """The answer to "what is my name?" (or "my favourite number?") from earlier user messages."""
    if _NAME_QUESTION.search(question):
        names = [n for text in earlier for n in NAME_INTRO.findall(text)]
        if names:
            return f"Your name is {names[-1]}."
        return "You have not told me your name in this conversation yet."
    asked = _FACT_QUESTION.search(question)
    if not asked or asked.group(1).lower() == "name":
        return None
    thing = asked.group(1).lower()
    told = [value.strip() for text in earlier for key, value in _FACT_STATEMENT.findall(text)
            if key.lower() == thing]
    if told:
        return f"Your {thing} is {told[-1]}."
    return f"You have not told me your {thing} in this conversation yet."


def noted(prompt: str) -> str | None:
    """"Noted: your favourite number is 42." for a message that tells a favourite (not a question)."""
    found = _FACT_STATEMENT.search(prompt[:2000])
    if not found or "?" in prompt[:2000] or not re.match(r"(favou?rite|lucky) ", found.group(1), re.I):
        return None
    return f"Noted: your {found.group(1).lower()} is {found.group(2).strip()}."


def introduction(prompt: str) -> str | None:
    found = NAME_INTRO.search(prompt)
    return f"Nice to meet you, {found.group(1)}!" if found else None


# --------------------------------------------------------------------------- text to repeat

_REPEAT = re.compile(r"\b(?:repeat|say|write|echo|copy|type)\s+(?:this\s+|it\s+|back\s+)?"
                     r"(?:exactly|verbatim|word for word|after me)\b\s*[:,-]?\s*", re.I)
_QUOTED_ALL = re.compile(r"\s*([\"\u201c\u00ab'\u2018])(.*)([\"\u201d\u00bb'\u2019])\s*$", re.S)
_QUOTED = re.compile(r"[\"\u201c\u00ab](.+?)[\"\u201d\u00bb]", re.S)
_SAY = re.compile(r"^\s*say\s+[\"\u201c']?([^\s\"\u201d']+(?: [^\s\"\u201d']+)?)[\"\u201d']?\s*[.!]?\s*$", re.I)


def verbatim(prompt: str) -> str | None:
    """What "Repeat exactly: \"...\"" asks to repeat, character for character (or None)."""
    asked = _REPEAT.search(prompt[:200])
    if asked:
        rest = prompt[asked.end():]
        whole = _QUOTED_ALL.match(rest)
        if whole:
            return whole.group(2)
        part = _QUOTED.search(rest)
        return part.group(1) if part else (rest.strip() or None)
    short = _SAY.match(prompt)
    if short:
        word = short.group(1)
        return word[0].upper() + word[1:] + ("" if word[-1] in ".!?" else ".")
    return None


# --------------------------------------------------------------------------- capitals and phrases

CAPITALS = {
    "france": "Paris", "germany": "Berlin", "italy": "Rome", "spain": "Madrid", "portugal": "Lisbon",
    "japan": "Tokyo", "china": "Beijing", "india": "New Delhi", "canada": "Ottawa", "australia": "Canberra",
    "brazil": "Brasília", "mexico": "Mexico City", "egypt": "Cairo", "kenya": "Nairobi",
    "united kingdom": "London", "uk": "London", "england": "London",
    "united states": "Washington, D.C.", "usa": "Washington, D.C.", "us": "Washington, D.C.",
    "poland": "Warsaw", "norway": "Oslo", "turkey": "Ankara", "south korea": "Seoul",
}
_CAPITAL = re.compile(r"\bcapital (?:city )?of (?:the )?([a-z][a-z .'-]*?)\s*(?:[?.!,;:]|$)", re.I)


def capital(prompt: str) -> tuple[str, str | None] | None:
    """("Australia", "Canberra") for a question about a capital; the city is None when unknown."""
    found = _CAPITAL.search(prompt[:2000])
    if not found:
        return None
    country = found.group(1).strip().lower()
    shown = country.title() if len(country) > 3 else country.upper()
    return shown, CAPITALS.get(country)


PHRASEBOOK = {  # English -> (French, Spanish, German, Italian)
    "hello": ("bonjour", "hola", "hallo", "ciao"),
    "good morning": ("bonjour", "buenos días", "guten Morgen", "buongiorno"),
    "good night": ("bonne nuit", "buenas noches", "gute Nacht", "buona notte"),
    "goodbye": ("au revoir", "adiós", "auf Wiedersehen", "arrivederci"),
    "thank you": ("merci", "gracias", "danke", "grazie"),
    "please": ("s'il vous plaît", "por favor", "bitte", "per favore"),
    "yes": ("oui", "sí", "ja", "sì"),
    "no": ("non", "no", "nein", "no"),
    "how are you": ("comment allez-vous ?", "¿cómo estás?", "wie geht es dir?", "come stai?"),
    "i love you": ("je t'aime", "te quiero", "ich liebe dich", "ti amo"),
    "where is the station": ("où est la gare ?", "¿dónde está la estación?", "wo ist der Bahnhof?",
                             "dov'è la stazione?"),
    "cat": ("chat", "gato", "Katze", "gatto"), "dog": ("chien", "perro", "Hund", "cane"),
    "water": ("eau", "agua", "Wasser", "acqua"), "coffee": ("café", "café", "Kaffee", "caffè"),
    "friend": ("ami", "amigo", "Freund", "amico"), "book": ("livre", "libro", "Buch", "libro"),
    "the": ("le", "el", "der", "il"), "i": ("je", "yo", "ich", "io"), "love": ("aime", "quiero", "liebe", "amo"),
    "you": ("vous", "tú", "du", "tu"), "house": ("maison", "casa", "Haus", "casa"),
}
LANGUAGES = ("french", "spanish", "german", "italian")
_TRANSLATE = re.compile(r"\b(translate|translation|how do you say)\b", re.I)


def translation(prompt: str) -> str | None:
    """The phrasebook's translation asked for, in a sentence; None when the prompt asks for none."""
    if not _TRANSLATE.search(prompt[:2000]):
        return None
    low = prompt.lower()
    language = next((lang for lang in LANGUAGES if lang in low), "french")
    column = LANGUAGES.index(language)
    quoted = re.search(r"[\"'\u201c\u2018](.+?)[\"'\u201d\u2019]", prompt)
    if quoted:
        phrase = quoted.group(1)
    else:
        m = (re.search(r"(?:translate|say)\s+(.+?)\s+(?:in|into|to)\s+\w+", prompt, re.I)
             or re.search(r":\s*(.+)$", prompt))
        phrase = m.group(1) if m else "hello"
    key = re.sub(r"[^\w\s']", "", phrase.lower()).strip()
    if key in PHRASEBOOK:
        result, note = PHRASEBOOK[key][column], "That one is in the practice server's small phrasebook."
    else:
        result = " ".join(PHRASEBOOK[w][column] if w in PHRASEBOOK else w for w in key.split())
        note = ("The practice server translated only the words in its small phrasebook and left the rest "
                "as they were; a real model translates whole sentences.")
    return f"In {language.title()}, \u201c{phrase}\u201d is \u201c{result}\u201d. {note}"


# --------------------------------------------------------------------------- summaries by counting

_SUMMARY = re.compile(r"\b(summari[sz]e|summary|sum up|tl;?dr)\b", re.I)


def summary(prompt: str, earlier: str) -> str | None:
    """A counted summary of the text the prompt gives (after a colon, or before the request) or of the
    previous message; None when no summary is asked for."""
    asked = _SUMMARY.search(prompt[:20_000])
    if not asked:
        return None
    after = prompt[asked.end():]
    colon = re.search(r"[:\n]\s*(.+)$", after, re.S)
    before = prompt[:asked.start()].rsplit("\n", 1)[0] if "\n" in prompt[:asked.start()] else ""
    if colon and len(colon.group(1).split()) > 5:
        source = colon.group(1).strip()[:50_000]
    elif len(before.split()) > 5:
        source = before.strip()[-50_000:]
    else:
        source = earlier.strip()[:50_000]
    if not source:
        return ("There is nothing to summarise yet. Paste the text after a colon, for example "
                "\u201cSummarise: ...\u201d.")
    words = re.findall(r"[^\W\d_][\w'-]*", source)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", source) if s.strip()]
    common = [w for w, _ in Counter(w.lower() for w in words if w.lower() not in STOPWORDS and len(w) > 2)
              .most_common(3)]
    topic = ", ".join(common[:-1]) + (" and " if len(common) > 1 else "") + common[-1] if common else "its opening"
    first = " ".join(sentences[0].split()[:25]) if sentences else source[:150]
    plural = "s" if len(sentences) != 1 else ""
    return (f"In short: the text ({len(words)} words, {len(sentences)} sentence{plural}) is mainly about {topic}. "
            f"Its opening point is: \u201c{first.rstrip('.')}\u201d.")
