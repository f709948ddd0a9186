"""Reading a prompt's structure: the JSON it holds, the text to work on, the options it lists.

Prompts that ask for JSON or a function call mix instructions, objects (a schema, an example,
function definitions) and the text to work on. This module tells them apart, with the standard
library only (``json``, ``ast.literal_eval``; never ``eval``):

    blocks = json_blocks('Reply as {"name": "..."}. Text: Hi, I am Ada.')   # [Block(value={'name': '...'}, ...)]
    source_text('Extract JSON.\\nText: Hi, I am Ada.', blocks)               # 'Hi, I am Ada.'
    listed_options("Route it to one of: billing, shipping or other.")        # [Option('billing', ...), ...]
"""
from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field

#: Only this much of a prompt is read for structure (what matters lives near its start and end).
READ_LIMIT = 20_000
#: Objects longer than this are not parsed (a pasted data dump is not a schema).
BLOCK_LIMIT = 8_000
#: At most this many brackets are tried as the start of an object: a text of braces cannot take long.
ATTEMPTS = 60


@dataclass
class Block:
    """A JSON (or Python-literal) object or list found in a text, with where it was."""

    value: object
    start: int
    end: int


def json_blocks(text: str) -> list[Block]:
    """The top-level ``{...}`` and ``[...]`` in a text that parse as JSON or as a Python literal."""
    text = text[:READ_LIMIT]
    found, i, attempts = [], 0, 0
    while i < len(text) and attempts < ATTEMPTS:
        if text[i] in "{[":
            attempts += 1
            end = _balanced_end(text, i)
            if end is not None:
                value = _parse(text[i:end])
                if value is not None:
                    found.append(Block(value, i, end))
                    i = end
                    continue
        i += 1
    return found


def _balanced_end(text: str, start: int) -> int | None:
    """Where the bracket at ``start`` closes (strings respected), or None."""
    depth, quote, escaped = 0, "", False
    for i in range(start, min(len(text), start + BLOCK_LIMIT)):
        ch = text[i]
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == quote:
                quote = ""
        elif ch in "\"'" and not (ch == "'" and text[i - 1:i].isalpha()):
            quote = ch
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _parse(snippet: str) -> object:
    try:
        return json.loads(snippet)
    except ValueError:
        pass
    try:
        value = ast.literal_eval(snippet)
    except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
        return None
    return value if isinstance(value, (dict, list)) else None


#: ``"key": string`` pairs of a typed template such as ``{"name": string, "rooms": number}``.
_TYPED_PAIR = re.compile(r"[\"']?([A-Za-z_][\w ]{0,40}?)[\"']?\s*:\s*(string|str|number|int|integer|float|"
                         r"bool|boolean|array|list|date|null)\b", re.I)
_TYPE_NAMES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "list": "array",
               "date": "string", "null": "string"}


def typed_template(text: str) -> tuple[dict[str, str], tuple[int, int]] | None:
    """``{"guest_name": string, "rooms": number}`` (not JSON) as {key: JSON type}, with its span."""
    for opening in re.finditer(r"\{", text[:READ_LIMIT]):
        end = text.find("}", opening.start(), opening.start() + 2000)
        if end < 0:
            continue
        inner = text[opening.start() + 1:end]
        pairs = _TYPED_PAIR.findall(inner)
        if pairs and len(pairs) >= inner.count(":"):
            return ({key.strip(): _TYPE_NAMES.get(kind.lower(), kind.lower()) for key, kind in pairs},
                    (opening.start(), end + 1))
    return None


# --------------------------------------------------------------------------- the text to work on

#: Labels that introduce instructions or objects, never the text to work on.
_INSTRUCTION_LABELS = frozenset("""schema example examples format output json keys fields properties
instructions instruction rules note notes categories category labels options functions tools answer response
return definitions reply template""".split())
_LABEL = re.compile(r"(?m)^[ \t]*(?:[-*#]+\s*)?([A-Za-z][A-Za-z _'-]{0,30}?)\s*:[ \t]*")
_QUOTED = re.compile(r"\"\"\"(.+?)\"\"\"|<(\w+)>(.+?)</\2>|[\"\u201c](\S[^\"\u201c\u201d]{23,}?\S)[\"\u201d]", re.S)
_AFTER_COLON = re.compile(r".*:\s+(.{20,})$", re.S)


def source_text(prompt: str, blocks: list[Block] = (), spans: list[tuple[int, int]] = ()) -> str:
    """The part of a prompt to extract from: a labelled or quoted text, else what remains without objects."""
    text = prompt[:READ_LIMIT]
    for start, end in sorted([(b.start, b.end) for b in blocks] + list(spans), reverse=True):
        text = text[:start] + " " + text[end:]
    labelled = _last_labelled(text)
    if labelled:
        return labelled
    quoted = [next(g for g in (m.group(1), m.group(3), m.group(4)) if g) for m in _QUOTED.finditer(text)]
    if quoted:
        return max(quoted, key=len).strip()
    after = _AFTER_COLON.search(text.split("\n\n")[-1] if "\n\n" in text.strip() else text)
    return after.group(1).strip() if after else text.strip()


def _last_labelled(text: str) -> str:
    """The text after the last label that is not an instruction's ("Message:", "Review:", "Input:")."""
    labels = list(_LABEL.finditer(text))
    for at, label in reversed(list(enumerate(labels))):
        name = label.group(1).strip().lower()
        if set(name.replace("_", " ").split()) & _INSTRUCTION_LABELS:
            continue
        end = len(text)
        for later in labels[at + 1:]:
            if set(later.group(1).strip().lower().split()) & _INSTRUCTION_LABELS:
                end = later.start()
                break
        while at > 0 and _header_pair(text, labels[at - 1], labels[at]):  # "From: ...\nSubject: ..." stay together
            at -= 1
        start = label.end() if labels[at] is label else labels[at].start()
        content = text[start:end].strip()
        if len(content.split()) >= 3:
            return content
    return ""


def _header_pair(text: str, earlier: re.Match, later: re.Match) -> bool:
    """Two labels on consecutive lines, neither an instruction's: a block of headers."""
    name = earlier.group(1).strip().lower()
    return text.count("\n", earlier.end(), later.start()) == 1 and not set(name.split()) & _INSTRUCTION_LABELS


# --------------------------------------------------------------------------- options listed in a prompt

@dataclass
class Option:
    """One of the answers a prompt allows (a category, a label), with the words that define it."""

    name: str
    words: list[str] = field(default_factory=list)  # from its definition and examples, lowercased
    usual: tuple[str, ...] | None = None  # the words a model links to the name (None: the lexicon's, all of them)


_ONE_OF = re.compile(r"\b(?:one of|either|among|categories|category|labels?|options?|choices?|classes)"
                     r"\b(?:\s+(?:these|the following|the))?\s*(?:[:(\[]|are|is)[ \t]*([^\n.;)\]]{3,300})", re.I)
_PAREN_LIST = re.compile(r"\(([^(),]{1,60}(?:,[^(),]{1,60})+)\)")
_DEFINITION = re.compile(r"(?m)^[ \t]*[-*\u2022]?\s*[\"'`]?([A-Za-z][\w -]{0,30}?)[\"'`]?\s*(?::|-|\u2013|=)\s+"
                         r"(.{3,300})$")
_CATEGORY_WORDS = re.compile(r"\b(?:categor|label|class|route|routing|department|queue|bucket|team|intent)", re.I)
_SPLIT = re.compile(r"\s*(?:,|\bor\b|\band\b|/|\|)\s*")


def split_list(text: str) -> list[str]:
    """``"billing, shipping or other"`` as ``["billing", "shipping", "other"]``."""
    return [item.strip(" '\"`*.?!") for item in _SPLIT.split(text) if item.strip(" '\"`*.?!")]


def listed_options(text: str) -> list[Option]:
    """The answers a prompt allows, in order, each with the words of its definition (if any)."""
    text = text[:READ_LIMIT]
    names: list[str] = []
    found = _ONE_OF.search(text) or next((m for m in _PAREN_LIST.finditer(text)  # "(billing, shipping or other)"
                                          if re.search(r"\b(?:or|and)\s+\S", m.group(1).split(",")[-1])), None)
    if found:
        names = [n for n in split_list(found.group(1)) if 0 < len(n.split()) <= 3]
    definitions = _definitions(text)
    if len(names) < 2 and _CATEGORY_WORDS.search(text):
        names = [n for n in definitions if len(n.split()) <= 3 and n not in _INSTRUCTION_LABELS]
    if len(names) < 2:
        return []
    return [Option(n, _words(definitions.get(n.lower(), "")) + _examples_of(n, text)) for n in names[:20]]


def _definitions(text: str) -> dict[str, str]:
    """``name: definition`` lines that stand together (two or more in a row): a list of categories.

    A lone ``Message: ...`` line is the text to work on, not a category."""
    found: dict[str, str] = {}
    run: list[re.Match] = []
    for m in list(_DEFINITION.finditer(text)) + [None]:
        if m is not None and run and text.count("\n", run[-1].end(), m.start()) <= 1:
            run.append(m)
            continue
        if len(run) >= 2:
            for r in run:
                found.setdefault(r.group(1).strip().lower(), r.group(2))
        run = [m] if m is not None else []
    return found


def _examples_of(name: str, text: str) -> list[str]:
    """Words of few-shot examples labelled ``name``: ``"my parcel is late" -> shipping``."""
    words = []
    pattern = re.compile(rf"[\"\u201c]([^\"\u201d]{{3,200}})[\"\u201d]\s*(?:->|=>|:|\u2192|is|was)\s*[\"'`]?"
                         rf"{re.escape(name)}\b", re.I)
    for m in pattern.finditer(text):
        words += _words(m.group(1))
    return words


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if len(w) > 2]


# --------------------------------------------------------------------------- the text a JSON request works on

_ASKS = re.compile(r"\bjson\b|\bschema\b", re.I)
#: Labels that only say what kind of text follows ("Text:", "Review:"): not part of it.
_CONTAINERS = frozenset("""text input message review email tweet sentence note listing snippet report request comment
feedback post ad record log receipt letter voicemail announcement confirmation biography bio notice reply query
question content passage paragraph excerpt transcript data source document string line entry""".split())
_KEY_WORDS = re.compile(r"\b(?:keys?|fields?|properties|attributes)\b", re.I)
_LABEL_ONLY = re.compile(r"^\s*(?:[-*#]+\s*)?[A-Za-z][\w '/-]{0,30}:\s*$")
_LIST_START = re.compile(r"^\s*[\"'`]?[A-Za-z_][\w]*[\"'`]?(?:\s*\([^)]*\))?\s*(?:,|\band\b|/)\s*[\"'`]?[A-Za-z_]")
_ONLY_SAY = re.compile(r"^(?:please\s+)?(?:return|reply|respond|answer|output|give)\b.*\b(?:only|nothing else)\b", re.I)


def request_text(prompt: str, blocks: list[Block] = (), spans: list[tuple[int, int]] = (), keys=()) -> str:
    """The part of a JSON request to fill the keys from: the lines that are not instructions (what asks
    for JSON, names the keys, shows the schema), the text after an instruction's colon ("...for this
    sentence: Chinua Achebe published..."), a quoted text; with no such part, the sentences of the prompt
    that do not ask for JSON ("What is the capital of Japan? Answer as JSON...")."""
    text = prompt[:READ_LIMIT]
    for start, end in sorted([(b.start, b.end) for b in blocks] + list(spans), reverse=True):
        text = text[:start] + " " + text[end:]
    names = {_norm(k) for k in keys}
    content = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped or _LABEL_ONLY.match(stripped):
            content.append("")
            continue
        if _is_instruction(stripped, names):
            rest = _content_of(stripped, names)
            if rest:
                content.append(rest)
            continue
        content.append(line.rstrip())
    labelled = [i for i, line in enumerate(content) if _container_label(line, names)]
    if labelled:  # "Message: ..." after the rules: the text is from there on
        content = content[labelled[-1]:]
    body = "\n".join(content).strip()
    if not body:
        sentences = re.split(r"(?<=[.?!])\s+", text.strip())
        body = " ".join(s for s in sentences if not _is_instruction(s, names)).strip() or text.strip()
    first, _, rest = body.partition("\n")
    label = re.match(r"^\s*([A-Za-z]+)\s*:\s+(?=\S)", first)
    if label and label.group(1).lower() in _CONTAINERS and _norm(label.group(1)) not in names:
        body = (first[label.end():] + ("\n" + rest if rest else "")).strip()  # "Text: ...", "Review: ..."
    whole = re.fullmatch(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]\.?", body)
    return whole.group(1).strip() if whole else body


def _container_label(line: str, names: set[str]) -> bool:
    label = re.match(r"^\s*([A-Za-z]+)\s*:\s*\S", line)
    return bool(label) and label.group(1).lower() in _CONTAINERS and _norm(label.group(1)) not in names


def _norm(key: str) -> str:
    return re.sub(r"[\s_-]+", "_", re.sub(r"([a-z])([A-Z])", r"\1_\2", key.strip(" \"'`"))).lower()


def _is_instruction(line: str, names: set[str]) -> bool:
    if _ASKS.search(line) or _ONLY_SAY.search(line):
        return True
    bullet = re.match(r"^\s*[-*\u2022]\s*([\"'`]?)([A-Za-z_]\w*)", line)
    if bullet and _norm(bullet.group(2)) in names and (bullet.group(1) or not bullet.group(2)[:1].isupper()):
        return True  # "- name: the customer's name" defines a key; "* Block: C" is the text's data
    mentioned = sum(1 for n in names if re.search(rf"\b{re.escape(n)}\b", line.lower()))
    return bool(_KEY_WORDS.search(line)) and mentioned >= min(2, len(names)) and bool(names)


def _content_of(line: str, names: set[str]) -> str:
    """The text an instruction line carries: a long quote, else what follows a colon and is not the key list."""
    for colon in re.finditer(r":(?!//)", line):
        if line[:colon.start()].count("(") > line[:colon.start()].count(")"):
            continue  # "(one of: low, medium, high)", "(keys: a, b)"
        rest = line[colon.end():].strip()
        if len(rest.split()) < 2 or _ASKS.search(rest) and not re.search(r"[.?!]\s", rest):
            continue
        first = _norm(re.split(r"\s*(?:,|\band\b|\(|/)\s*", rest)[0])
        if first in names or _LIST_START.match(rest):
            continue
        kept = [s for s in re.split(r"(?<=[.?!\"\u201d])\s+", rest) if not _is_instruction(s, names)]
        if kept:
            return " ".join(kept).strip()
    quoted = [m for m in re.finditer(r"[\"\u201c]([^\"\u201c\u201d]{8,})[\"\u201d]", line)
              if len(m.group(1).split()) >= 3 and _norm(m.group(1)) not in names]
    if quoted:
        return max((q.group(1) for q in quoted), key=len).strip()
    return ""
