"""What the practice server says: simulated answers that are about the prompt.

Nothing here is a language model. A reply is stitched together from a small bank of
topics chosen by keywords, real arithmetic, true facts about attached images and PDFs,
and a memory of the conversation's earlier turns, so that every lesson has something
readable to look at. Like a real model's, the answer is repeatable when the request sets
``seed`` or ``temperature`` 0, and varies from call to call otherwise.

    reply = make_reply("google/gemma-3-4b-it", [{"role": "user", "content": "Hi"}], {"seed": 1})
    reply.text, reply.finish_reason, reply.prompt_tokens, reply.completion_tokens
"""
from __future__ import annotations

import ast
import base64
import binascii
import colorsys
import hashlib
import io
import json
import math
import operator
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

from ..schema import MODELS

#: Every simulated answer starts with this, so nobody mistakes it for Gemma.
SIMULATED_MARKER = "[Simulated by the practice server] "

SMALL_MODEL = MODELS[0]

#: One prompt "token" of the practice server: a word or a single punctuation mark.
TOKEN_PATTERN = re.compile(r"\w+|[^\w\s]")
#: What an attached image (or a PDF page) adds to the prompt tokens.
IMAGE_PROMPT_TOKENS = 85
#: One generated "token" (a piece): a word with its leading whitespace, punctuation attached.
PIECE_PATTERN = re.compile(r"\s*\S+")

#: The default length of an open answer, in pieces (smallest, largest): the bigger models say more.
SMALL_MODEL_LENGTH = (40, 90)
BIG_MODEL_LENGTH = (60, 140)

#: Request fields that change the text. max_tokens, stop and stream only cut or carry it.
_SAMPLING_FIELDS = ("seed", "temperature", "top_p", "top_k", "min_p", "top_a",
                    "frequency_penalty", "presence_penalty", "repetition_penalty")


@dataclass
class Reply:
    """One answer, already cut by ``max_tokens`` and ``stop``."""

    pieces: list[str]
    finish_reason: str  # "stop" or "length"
    prompt_tokens: int

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    @property
    def completion_tokens(self) -> int:
        return len(self.pieces)


def split_pieces(text: str) -> list[str]:
    """The pieces a text streams as: each word with the whitespace before it."""
    return PIECE_PATTERN.findall(text)


def count_prompt_tokens(messages: list[dict]) -> int:
    """Prompt tokens: words and punctuation of every text, plus a flat cost per image or PDF page."""
    total = 0
    for message in messages:
        content = message.get("content")
        if isinstance(content, str):
            total += _count_tokens(content)
            continue
        for part in content or []:
            kind = part.get("type")
            if kind == "text":
                total += _count_tokens(part.get("text", ""))
            elif kind == "image_url":
                total += IMAGE_PROMPT_TOKENS
            elif kind == "file":
                pages = _pdf_pages(_decode_file(part.get("file", {}).get("file_data", "")) or b"")
                total += IMAGE_PROMPT_TOKENS * max(pages, 1)
    return total


def _count_tokens(text: str) -> int:
    return sum(1 for _ in TOKEN_PATTERN.finditer(text))  # no list: a prompt may be megabytes long


def make_reply(model: str, messages: list[dict], params: dict[str, Any]) -> Reply:
    """The answer to a validated request: composed, then cut by max_tokens and stop."""
    pieces = split_pieces(compose_text(model, messages, params))
    finish = "stop"
    limit = params.get("max_completion_tokens", params.get("max_tokens"))
    stops = params.get("stop")
    if isinstance(stops, str):
        stops = [stops]
    text = "".join(pieces)
    cut_at = min((i for i in (text.find(s) for s in stops or [] if s) if i >= 0), default=-1)
    if cut_at >= 0:
        pieces = _cut_pieces(pieces, cut_at)
    if limit is not None and len(pieces) > int(limit):
        pieces, finish = pieces[: int(limit)], "length"
    return Reply(pieces, finish, count_prompt_tokens(messages))


def _cut_pieces(pieces: list[str], at: int) -> list[str]:
    """The pieces covering the first ``at`` characters (the last one possibly shortened)."""
    kept, used = [], 0
    for piece in pieces:
        if used >= at:
            break
        kept.append(piece[: at - used])
        used += len(piece)
    return [p for p in kept if p]


# --------------------------------------------------------------------------- reading the request

@dataclass
class Attachment:
    """One image or file part of the last user message, described in a sentence."""

    kind: str  # "image" or "file"
    description: str


@dataclass
class Conversation:
    """What the reply needs to know about the messages."""

    prompt: str  # the text of the last user message
    instructions: str  # the start of the first and the last user message, lowercased: "be brief" lives there
    user_turns: int
    names: list[str]  # every "my name is X", oldest first, from earlier user messages
    attachments: list[Attachment]
    earlier_text: str  # the previous message's text (something to summarise)

    @classmethod
    def read(cls, messages: list[dict]) -> "Conversation":
        users = [m for m in messages if m.get("role") == "user"]
        texts = [_text_of(m.get("content")) for m in messages]
        last_user = users[-1] if users else {"content": ""}
        prompt = _text_of(last_user.get("content"))
        first = _text_of(users[0].get("content")) if users else ""
        names = [n for m in users[:-1] for n in _NAME_INTRO.findall(_text_of(m.get("content")))]
        attachments = _attachments(last_user.get("content"))
        earlier = texts[-2] if len(texts) >= 2 else ""
        instructions = (first[:5000] + "\n" + prompt[:5000]).lower()
        return cls(prompt, instructions, len(users), names, attachments, earlier)


def _text_of(content: Any) -> str:
    if isinstance(content, list):
        content = "\n".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    if not isinstance(content, str):
        return ""
    # an earlier simulated answer sent back as history: its marker is not part of what was said
    return content.replace(SIMULATED_MARKER, "")


def _attachments(content: Any) -> list[Attachment]:
    if not isinstance(content, list):
        return []
    found = []
    images = files = 0
    for part in content:
        if part.get("type") == "image_url":
            images += 1
            found.append(Attachment("image", describe_image(part["image_url"]["url"], images)))
        elif part.get("type") == "file":
            files += 1
            found.append(Attachment("file", describe_file(part["file"], files)))
    return found


# --------------------------------------------------------------------------- images and files

_COLOUR_NAMES = ((15, "red"), (45, "orange"), (70, "yellow"), (165, "green"), (195, "cyan"),
                 (255, "blue"), (290, "purple"), (335, "magenta"), (360, "red"))


def colour_name(r: float, g: float, b: float) -> str:
    """A plain name for an RGB colour (0-255 each): red, green, blue, grey, ..."""
    h, s, v = colorsys.rgb_to_hsv(r / 255, g / 255, b / 255)
    if v < 0.15:
        return "black"
    if s < 0.2:
        return "white" if v > 0.85 else "grey"
    hue = h * 360
    name = next(n for limit, n in _COLOUR_NAMES if hue < limit)
    if name in ("orange", "red") and v < 0.55 and s > 0.3:
        return "brown" if name == "orange" else "dark red"
    if name == "magenta" and v > 0.7 and s < 0.6:
        return "pink"
    return name


def describe_image(url: str, number: int) -> str:
    """True facts about one image part: decoded with Pillow for a data URL, never downloaded."""
    if not url.startswith("data:"):
        return (f"Image {number} is a link ({url}). The practice server works offline and does not "
                "download images, so it cannot say what that picture shows.")
    try:
        data = base64.b64decode(url.split(",", 1)[1], validate=False)
        try:
            from PIL import Image, ImageStat  # lazy: only image lessons need Pillow
        except ImportError:
            return f"Image {number} was not examined: Pillow (pip install pillow) is not installed."

        with Image.open(io.BytesIO(data)) as img:
            fmt, (w, h), mode = img.format, img.size, img.mode
            facts = f"Image {number} is a {fmt} image, {w}x{h} pixels, colour mode {mode}"
            if w * h > 40_000_000:  # too big to look at; the size is already a fact
                return facts + "; it is too large for the practice server to work out its colours."
            img.draft("RGB", (256, 256))  # JPEG: decode at a reduced size, cheaply
            small = img.convert("RGB")
            small.thumbnail((256, 256))
            r, g, b = ImageStat.Stat(small).mean
    except Exception as exc:  # a broken image is something to report, not a server error
        return f"Image {number} could not be decoded as an image ({type(exc).__name__}: {exc})."
    return (f"{facts}; its average colour is RGB ({r:.0f}, {g:.0f}, {b:.0f}), "
            f"so its dominant colour is {colour_name(r, g, b)}.")


def _decode_file(file_data: str) -> bytes | None:
    if file_data.startswith("data:"):
        file_data = file_data.split(",", 1)[-1]
    try:
        return base64.b64decode(file_data, validate=False)
    except (binascii.Error, ValueError):
        return None


def _pdf_pages(data: bytes) -> int:
    # Page objects say "/Type /Page"; the page tree says "/Type /Pages" and is not a page.
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))


def describe_file(file: dict, number: int) -> str:
    """Facts about one file part: its name, its size and, for a PDF, its page count."""
    name = file.get("filename") or "(no filename)"
    data = _decode_file(file.get("file_data", ""))
    if data is None:
        return f"File {number} ({name}) is not valid base64, so the practice server could not read it."
    facts = f"File {number}, {name}, is {len(data):,} bytes"
    if not data.startswith(b"%PDF"):
        return facts + " and does not look like a PDF (a PDF starts with %PDF)."
    pages = _pdf_pages(data)
    if pages:
        return facts + f", a PDF with {pages} page{'s' if pages != 1 else ''}."
    return facts + ", a PDF whose pages the practice server could not count."


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


# --------------------------------------------------------------------------- the topic bank

@dataclass
class Answer:
    """The substance of a reply, before it is shaped by the model and the instructions."""

    lead: str  # the direct answer, first sentence
    facts: list[str] = field(default_factory=list)  # more to say, drawn from in order or at random
    short: str = ""  # the one-word answer
    subject: str = ""
    open: bool = False  # an open question: pad or trim to the model's default length
    block: str = ""  # text kept verbatim (a poem, a code example)
    listable: bool = True  # the facts may become a numbered list


_NAME_INTRO = re.compile(r"\bmy name is ([A-Za-zÀ-ÿ][\w'-]*)", re.I)
_NAME_QUESTION = re.compile(r"\b(what(?:'s| is) my name|do you (?:remember|know) my name|who am i)\b", re.I)
_IDENTITY = re.compile(r"\b(who are you|what are you|which model|what model|are you (?:gemma|real|an? ai|human))\b", re.I)
_GREETING = re.compile(r"^\s*(hello|hi|hey|good (?:morning|afternoon|evening)|greetings)\b", re.I)
_YES_NO = re.compile(r"^\s*(is|are|am|can|could|do|does|did|should|shall|will|would|was|were|has|have|may|isn't|aren't|don't|doesn't)\b", re.I)
_LIST_REQUEST = re.compile(r"\b(steps?|list|how (?:do|can|should) i|how to|tips|ways|reasons|points|bullets?)\b", re.I)
_POEM = re.compile(r"\b(haiku|poem|verse)\b", re.I)
_SUMMARY = re.compile(r"\b(summari[sz]e|summary|sum up|tl;?dr)\b", re.I)
_TRANSLATE = re.compile(r"\b(translate|translation|how do you say)\b", re.I)
_CAPITAL = re.compile(r"\bcapital (?:city )?of (?:the )?([a-z][a-z .'-]*?)\s*(?:[?.!,;:]|$)", re.I)
_ABOUT = re.compile(r"\b(?:about|on|regarding)\s+([^?.!,;:\n]{2,60})", re.I)
_STOPWORDS = set("""a an the and or but if of to in on at by for with about from into is are was were be been
being it its this that these those i you he she we they me my your our their what which who whom how why when
where do does did can could should would will shall may might must not no yes so than then there here tell
please give write explain describe show some any all very just also more most much many as up out over""".split())

CAPITALS = {
    "france": "Paris", "germany": "Berlin", "italy": "Rome", "spain": "Madrid", "portugal": "Lisbon",
    "japan": "Tokyo", "china": "Beijing", "india": "New Delhi", "canada": "Ottawa", "australia": "Canberra",
    "brazil": "Brasília", "mexico": "Mexico City", "egypt": "Cairo", "kenya": "Nairobi",
    "united kingdom": "London", "uk": "London", "england": "London",
    "united states": "Washington, D.C.", "usa": "Washington, D.C.", "us": "Washington, D.C.",
    "poland": "Warsaw", "norway": "Oslo", "turkey": "Ankara", "south korea": "Seoul",
}

SAN_FRANCISCO = [
    "San Francisco sits at the tip of a peninsula between the Pacific Ocean and San Francisco Bay, in Northern California.",
    "Its best-known landmark is the Golden Gate Bridge, which opened in 1937 and is painted a colour called International Orange.",
    "The city is famous for its steep hills, its cable cars and its summer fog, which some locals call Karl.",
    "Summer days are often cool, around 15–20 °C, and September and October tend to be the warmest months.",
    "Alcatraz Island, a former federal prison in the bay, is now a museum reached by ferry.",
    "Neighbourhoods such as Chinatown, the Mission District and Haight-Ashbury each have their own character.",
    "The 1906 earthquake and the fires after it destroyed much of the city, which was largely rebuilt within a decade.",
    "Today it is a centre of the technology industry, with Silicon Valley just to the south.",
    "About 800,000 people live in the city itself, which covers only about 121 square kilometres of land.",
]

PROGRAMMING = [
    "Python is a general-purpose programming language, first released by Guido van Rossum in 1991.",
    "It marks blocks of code with indentation, which keeps programs readable.",
    "A large standard library and the Python Package Index (PyPI) cover everything from web requests to data science.",
    "With the requests library, calling an HTTP API like this one takes only a few lines of code.",
    "A Jupyter notebook or the interactive interpreter gives immediate feedback while you experiment.",
    "Functions are defined with def, and f-strings make it easy to put values into text.",
    "Python is dynamically typed, but optional type hints help editors and tools catch mistakes early.",
    "A virtual environment (python -m venv) keeps each project's packages separate.",
]
CODE_EXAMPLE = '```python\ndef greet(name):\n    return f"Hello, {name}!"\n\nprint(greet("world"))\n```'

GENERIC = [
    "Questions about {subject} rarely have a single answer: what fits best depends on what you need it for.",
    "A good first step with {subject} is to say exactly what you want to know, and why.",
    "Asking again about {subject} with more detail usually gets a more specific answer.",
    "The practice server only matches a few keywords in your prompt; a real model would draw on what it learned in training.",
    "Try changing temperature, max_tokens or stop and watch how this answer changes.",
    "Setting a seed makes these simulated answers repeatable, just as it makes real ones more repeatable.",
    "Every answer here starts with a marker, so you always know no real model wrote it.",
    "The usage block of the response tells you how many tokens the prompt and the answer took.",
    "Streaming shows the first words while the rest of the answer is still on its way.",
    "When you are ready, put your own key in AIML_API_KEY and the same code talks to the real API.",
]

WILD = [
    "Somewhere, a teapot hums about all this in B-flat.",
    "At this temperature the words begin to wander, like a cat walking across a keyboard.",
    "Picture the idea as a kite: it tugs, it loops, and it rarely lands where you expect.",
    "Purple thoughts drift sideways through the afternoon.",
]

HAIKU_LINES = (
    ["Quiet {s} waits", "Morning {s} hums", "Soft light on {s}", "Old {s} at dusk"],
    ["a small wind carries the sound", "the day leans in to listen", "slow clouds drift across the hill",
     "one leaf turns over and falls"],
    ["then all is still", "the world breathes out", "and night comes home", "a bell, then silence"],
)

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
    "where is the station": ("où est la gare ?", "¿dónde está la estación?", "wo ist der Bahnhof?", "dov'è la stazione?"),
    "cat": ("chat", "gato", "Katze", "gatto"), "dog": ("chien", "perro", "Hund", "cane"),
    "water": ("eau", "agua", "Wasser", "acqua"), "coffee": ("café", "café", "Kaffee", "caffè"),
    "friend": ("ami", "amigo", "Freund", "amico"), "book": ("livre", "libro", "Buch", "libro"),
    "the": ("le", "el", "der", "il"), "i": ("je", "yo", "ich", "io"), "love": ("aime", "quiero", "liebe", "amo"),
    "you": ("vous", "tú", "du", "tu"), "house": ("maison", "casa", "Haus", "casa"),
}
LANGUAGES = ("french", "spanish", "german", "italian")


_LEAD_IN = re.compile(r"^(?:(?:please|can you|could you|tell me|explain|describe|what(?:'s| is| are)|who(?:'s| is| are)"
                      r"|how (?:does|do|is|are)|why (?:does|do|is|are)|where is|when (?:is|was)|do you know)\s+)+", re.I)


def _subject_of(prompt: str) -> str:
    m = _ABOUT.search(prompt)
    if m:
        return m.group(1).strip().rstrip(".")
    first_line = prompt.strip().splitlines()[0] if prompt.strip() else ""
    words = _LEAD_IN.sub("", first_line).strip(" ?!.:;").split()
    return " ".join(words[:8]) if words else "your question"


def _keyword(prompt: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_]+", prompt) if w.lower() not in _STOPWORDS]
    return max(words, key=len).capitalize() if words else "Hello"


def _answer(convo: Conversation, pick: "_Picker") -> Answer:
    """Choose what to say from the last user message."""
    prompt = convo.prompt[:20_000]  # keywords live near the start; a pasted book need not be scanned
    low = prompt.lower()
    subject = _subject_of(prompt)

    if convo.attachments:
        count = len(convo.attachments)
        tail = ("Beyond these facts the practice server cannot see what an attachment shows; "
                "the real model reads the content itself.")
        kinds = {a.kind for a in convo.attachments}
        return Answer(f"You sent {count} attachment{'s' if count != 1 else ''}.", [tail],
                      short="Image." if kinds == {"image"} else "Document.", subject="your attachments",
                      block="\n".join(a.description for a in convo.attachments), listable=False)
    if _NAME_QUESTION.search(prompt):
        if convo.names:
            name = convo.names[-1]
            return Answer(f"Your name is {name}.", ["You told me earlier in this conversation."],
                          short=f"{name}.", subject="your name")
        return Answer("You have not told me your name in this conversation yet.",
                      ["Each request carries the whole conversation, so tell me once and I can use it later."],
                      short="Unknown.", subject="your name")
    intro = _NAME_INTRO.search(prompt)
    if intro:
        name = intro.group(1)
        return Answer(f"Nice to meet you, {name}!",
                      ["I will remember your name as long as it stays in the messages you send.",
                       "What would you like to talk about?"], short=f"{name}.", subject=name)
    if _IDENTITY.search(prompt):
        return Answer("I am the kit's offline practice server, imitating the AI/ML API with canned text.",
                      ["I am not Gemma and no model wrote this answer.",
                       "With a real key in AIML_API_KEY, Google's Gemma 3 answers the same request instead."],
                      short="Simulator.", subject="the practice server")
    arithmetic = find_arithmetic(prompt)
    if arithmetic:
        expr, value = arithmetic
        return Answer(f"{expr} = {value}.",
                      [f"The practice server really computes simple arithmetic like {expr}, so this result is right.",
                       "Real language models sometimes slip on long calculations; check important numbers in code."],
                      short=f"{value.split(' ')[0]}", subject=expr, listable=False)
    capital = _CAPITAL.search(prompt)
    if capital:
        country = capital.group(1).strip().lower()
        city = CAPITALS.get(country)
        if city:
            return Answer(f"The capital of {country.title() if len(country) > 3 else country.upper()} is {city}.",
                          [f"{city} is also one of the country's largest and best-known cities.",
                           "Ask about another country to compare."], short=f"{city}.", subject=country)
        return Answer(f"The practice server does not know the capital of {country.title()}.",
                      ["It knows only a handful of capitals, such as those of France, Japan and Brazil."],
                      short="Unknown.", subject=country)
    if _TRANSLATE.search(prompt):
        return _translation(prompt)
    if _SUMMARY.search(prompt):
        return _summary(convo.prompt, convo.earlier_text)
    if _POEM.search(prompt):
        s = subject if _ABOUT.search(prompt) else "the sea"
        lines = [pick.one(options).format(s=s) for options in HAIKU_LINES]
        lines[0] = lines[0][0].upper() + lines[0][1:]
        return Answer(f"Here is a short poem about {s}:",
                      ["Three short lines, one image in each, in the manner of a haiku."],
                      short=s.split()[-1].capitalize() + ".",
                      subject=s, block="\n".join(lines), listable=False)
    if "san francisco" in low:
        return Answer("San Francisco is one of the best-known cities in the United States.",
                      pick.order(SAN_FRANCISCO), short="Foggy.", subject="San Francisco", open=True)
    if re.search(r"\b(python|programming|program|code|coding|function|script|javascript|loop|variable|debug)\b", low):
        block = CODE_EXAMPLE if re.search(r"\b(code|function|example)\b", low) else ""
        return Answer("Programming is easiest to learn by writing small programs and running them.",
                      pick.order(PROGRAMMING), short="Python.", subject="programming", open=True, block=block)
    if _GREETING.search(prompt) and len(prompt.split()) <= 6:
        return Answer("Hello! The practice server is standing in for the model here.",
                      ["Ask me something, for example \u201cTell me about San Francisco\u201d, and I will answer "
                       "with simulated text."], short="Hello!", subject="greetings")
    if _YES_NO.search(prompt) and prompt.rstrip().endswith("?"):
        # A stable coin flip per question: the same question always gets the same verdict.
        verdict = ("Yes", "No")[hashlib.sha256(low.strip().encode()).digest()[0] % 2]
        return Answer(f"{verdict}, at least according to the practice server's coin flip.",
                      ["The practice server answers yes/no questions by chance, so do not rely on this one.",
                       "A real model would weigh what it knows before answering."]
                      + [g.format(subject=subject) for g in pick.order(GENERIC)],
                      short=f"{verdict}.", subject=subject, open=True)
    return Answer(f"You asked about {subject}.", [g.format(subject=subject) for g in pick.order(GENERIC)],
                  short=_keyword(prompt) + ".", subject=subject, open=True)


def _translation(prompt: str) -> Answer:
    low = prompt.lower()
    language = next((lang for lang in LANGUAGES if lang in low), "french")
    column = LANGUAGES.index(language)
    quoted = re.search(r"[\"'\u201c\u2018](.+?)[\"'\u201d\u2019]", prompt)
    if quoted:
        phrase = quoted.group(1)
    else:
        m = re.search(r"(?:translate|say)\s+(.+?)\s+(?:in|into|to)\s+\w+", prompt, re.I) or re.search(r":\s*(.+)$", prompt)
        phrase = m.group(1) if m else "hello"
    key = re.sub(r"[^\w\s']", "", phrase.lower()).strip()
    if key in PHRASEBOOK:
        result = PHRASEBOOK[key][column]
        note = "That one is in the practice server's small phrasebook."
    else:
        words = key.split()
        result = " ".join(PHRASEBOOK[w][column] if w in PHRASEBOOK else w for w in words)
        note = ("The practice server translated only the words in its small phrasebook and left the rest "
                "as they were; a real model translates whole sentences.")
    return Answer(f"In {language.title()}, \u201c{phrase}\u201d is \u201c{result}\u201d.", [note],
                  short=result.split()[0].capitalize() if result else "?", subject=phrase, listable=False)


def _summary(prompt: str, earlier: str) -> Answer:
    m = re.search(r"[:\n]\s*(.+)$", prompt, re.S)
    source = m.group(1).strip() if m and len(m.group(1).split()) > 5 else earlier.strip()
    if not source:
        return Answer("There is nothing to summarise yet.",
                      ["Paste the text after a colon, for example \u201cSummarise: ...\u201d."], short="Nothing.",
                      subject="a summary", listable=False)
    words = re.findall(r"[^\W\d_][\w'-]*", source)
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", source) if s.strip()]
    common = [w for w, _ in Counter(w.lower() for w in words if w.lower() not in _STOPWORDS and len(w) > 2)
              .most_common(3)]
    topic = ", ".join(common[:-1]) + (" and " if len(common) > 1 else "") + common[-1] if common else "its opening"
    first = " ".join(sentences[0].split()[:25]) if sentences else source[:150]
    return Answer(f"In short: the text ({len(words)} words, {len(sentences)} sentence"
                  f"{'s' if len(sentences) != 1 else ''}) is mainly about {topic}.",
                  [f"Its opening point is: \u201c{first.rstrip('.')}\u201d."],
                  short=(common[0].capitalize() + ".") if common else "Nothing.", subject="the text")


# --------------------------------------------------------------------------- shaping the reply

class _Picker:
    """Choices made by the reply: the first option when temperature is 0, else the random generator's."""

    def __init__(self, rng: random.Random, focused: bool):
        self.rng, self.focused = rng, focused

    def one(self, options: list[str]) -> str:
        return options[0] if self.focused else self.rng.choice(options)

    def order(self, items: list[str]) -> list[str]:
        if self.focused:
            return list(items)
        items = list(items)
        self.rng.shuffle(items)
        return items


def _randomness(model: str, messages: list[dict], params: dict) -> tuple[random.Random, float]:
    temperature = params.get("temperature")
    temperature = 1.0 if temperature is None else float(temperature)
    if params.get("seed") is not None or temperature == 0:
        sampling = {k: params.get(k) for k in _SAMPLING_FIELDS}
        digest = hashlib.sha256(json.dumps([model, messages, sampling], sort_keys=True, default=str).encode())
        return random.Random(digest.hexdigest()), temperature
    return random.Random(), temperature


_ONE_WORD = re.compile(r"\b(one|1|single)[ -]word\b")
_BRIEF = re.compile(r"\b(be brief|briefly|keep it short|short answer|in one sentence|be concise|concisely|tl;?dr)\b")
_LANGUAGE = re.compile(r"\b(?:reply|answer|respond|write|speak)\s+(?:only\s+)?in (french|spanish|german)\b")

FOREIGN = {
    "french": ("Voici une réponse simulée par le serveur d'entraînement.",
               "Votre question portait sur « {subject} ».", "En bref : {short}",
               "Le serveur ne connaît que quelques phrases en français, mais il suit votre consigne.",
               "Avec une vraie clé, le modèle répondrait vraiment à votre question."),
    "spanish": ("Aquí tienes una respuesta simulada del servidor de práctica.",
                "Tu pregunta trataba de «{subject}».", "En resumen: {short}",
                "El servidor solo conoce unas pocas frases en español, pero sigue tu instrucción.",
                "Con una clave real, el modelo respondería de verdad a tu pregunta."),
    "german": ("Hier ist eine simulierte Antwort des Übungsservers.",
               "Deine Frage betraf „{subject}“.", "Kurz gesagt: {short}",
               "Der Server kennt nur wenige deutsche Sätze, aber er folgt deiner Anweisung.",
               "Mit einem echten Schlüssel würde das Modell deine Frage wirklich beantworten."),
}


def compose_text(model: str, messages: list[dict], params: dict[str, Any]) -> str:
    """The whole simulated answer (before max_tokens and stop), without the marker."""
    rng, temperature = _randomness(model, messages, params)
    pick = _Picker(rng, focused=temperature == 0)
    convo = Conversation.read(messages)
    big = model != SMALL_MODEL
    answer = _answer(convo, pick)
    asks = convo.instructions

    if _ONE_WORD.search(asks):
        return answer.short or "Yes."
    language = _LANGUAGE.search(asks)
    if language:
        opener, about, short, *rest = FOREIGN[language.group(1)]
        lines = [opener, about.format(subject=answer.subject), short.format(short=answer.short or answer.lead)]
        return " ".join(lines + (rest if big else rest[:1]))
    if _BRIEF.search(asks):
        return " ".join([answer.lead] + answer.facts[:1]) if big else answer.lead

    wants_list = big and answer.listable and answer.facts and _LIST_REQUEST.search(convo.prompt)
    opening = [answer.lead]
    if convo.user_turns >= 2:
        opening.append(f"(This is message {convo.user_turns} from you in our conversation.)")
    lo, hi = BIG_MODEL_LENGTH if big else SMALL_MODEL_LENGTH
    target = rng.randint(lo, hi) if answer.open else None
    closing = (f"In short: {answer.subject} is worth a closer look, and a more specific question "
               "will get a more specific answer.") if big and answer.open else ""
    wild = pick.one(WILD) if temperature > 1.2 and rng.random() < min(1.0, temperature - 1.0) else ""
    block_len = len(split_pieces(" ".join((answer.block, closing, wild))))

    facts: list[str] = []
    for fact in answer.facts:
        used = len(split_pieces(" ".join(opening + facts))) + block_len
        if target is not None and used + len(split_pieces(fact)) > target and used >= lo:
            break
        facts.append(fact)
        if target is None and not big:
            break  # the small model keeps closed answers to one more sentence
    if wild:  # a high temperature lets the words wander
        facts.append(wild)

    parts = [" ".join(opening), answer.block]
    if wants_list:
        parts.append("\n".join(f"{i}. {fact}" for i, fact in enumerate(facts, 1)))
    else:
        parts.append(" ".join(facts))
    parts.append(closing)
    separator = "\n\n" if big or answer.block else " "
    return separator.join(p for p in parts if p)
