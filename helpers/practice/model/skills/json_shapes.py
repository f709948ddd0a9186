"""What JSON a prompt asks for: the keys (with types, descriptions, allowed values) and the text to fill them from.

A prompt names its keys in one of four ways, and :func:`read_json_request` reads each:

- a JSON schema: ``{"type": "object", "properties": {"name": {"type": "string"}}, "required": [...]}``;
- an example or template object: ``{"origin": "Lisbon", "passengers": 2}``, ``{"name": "...", "age": 0}``,
  or a typed template ``{"guest_name": string, "rooms": number}``;
- named keys in prose: "with the keys name, email and phone", "Keys: airline, flight_number",
  "(keys: attendee, day, time)", quoted keys "\\"city\\" and \\"nights\\"";
- a list of keys with descriptions, one a line: "- applicant: the applicant's full name".

A prompt asks for JSON when it says "JSON" (or holds an object's JSON schema) and is not a function-calling prompt
(:mod:`helpers.practice.model.skills.function_calls` reads those first).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .field_kinds import Field
from .prompt_reading import Block, Option, json_blocks, listed_options, request_text, split_list, typed_template
from .text_source import Source

__all__ = ["JsonRequest", "read_json_request", "asks_for_json"]

_ASKS_JSON = re.compile(r"\b(?:as|in|into|to|with|using|of)\s+(?:a\s+|an\s+|valid\s+|the\s+|this\s+)?json\b"
                        r"|^\s*json\s*\(\s*[a-z_]\w*\s*,"
                        r"|\bjson\s*(?:object|format|only|output|response|array|with|schema|like|that|matching|"
                        r"following|template|below|:)|\b(?:return|give|reply|respond|output|answer|produce|format|"
                        r"write|emit|extract|send|convert|parse|turn|fill)\w*\b[^.?!\n]{0,60}\bjson\b", re.I)
_ONLY = re.compile(r"\b(?:json only|only (?:the |a |valid )?json|only with (?:the |a |valid )?json|nothing else|"
                   r"no other text|no (?:extra |additional )?(?:text|prose|explanation|commentary)|without "
                   r"(?:any )?(?:other |extra )?(?:text|explanation|markdown|code fences?)|"
                   r"(?:just|only) the (?:json )?object|raw json|valid json and nothing|do not add)\b", re.I)
#: A prompt that says "JSON" and names keys or holds an object asks for JSON ("JSON please, with keys a, b").
_SHAPED = re.compile(r"\b(?:keys?|fields?|properties|schema)\b|\{\s*[\"'\w]", re.I)
_CHOICE_KEYS = {"category", "label", "class", "intent", "department", "route", "team", "queue", "type", "bucket",
                "classification", "routing"}
_NAMED = re.compile(r"\b(?:keys?|fields?|properties|attributes|columns|entries)\b(?:\s+(?:called|named|needed|"
                    r"required|wanted|to use|are|should be))?[ \t]*(?::|\bof\b|[-\u2013\u2014](?=\s))?[ \t]*"
                    r"([^\n.]{1,300})", re.I)
_AFTER_JSON = re.compile(r"\bjson\b[^.\n:]{0,40}?(?:\b(?:with|containing|including|having)\b(?:\s+the)?|:|"
                         r"\s[-\u2013\u2014]\s)[ \t]*"
                         r"([^\n.]{1,300})", re.I)
_BULLET_KEY = re.compile(r"(?m)^[ \t]*[-*\u2022][ \t]*[\"'`]?([A-Za-z_][\w]{0,40})[\"'`]?[ \t]*(?:\(([^)]{1,60})\))?"
                         r"[ \t]*(?:[:\u2013\u2014-][ \t]*(.{0,200}))?$")
#: A list of key-like names after a colon, ending its line: "...: author, pages, year."
_KEY_LIST = re.compile(r"(?m):[ \t]*([a-z][a-z0-9_]*(?:[ \t]*,[ \t]*[a-z][a-z0-9_]*)+(?:,?[ \t]+(?:and|&)[ \t]+"
                       r"[a-z][a-z0-9_]*)?)[ \t]*\.?[ \t]*$")
_NOT_KEYS = {"a", "an", "the", "one", "another", "and", "also", "each", "some", "any", "it", "its", "their"}
_PAREN_KEY = re.compile(r"\(\s*[\"'`]?([a-z][a-z0-9_]{1,40})[\"'`]?\s*\)")
_SINGLE_QUOTED_KEY = re.compile(r"(?<![\w'])'([a-z][a-z0-9_]{1,40})'(?![\w'])")
_QUOTED_KEY = re.compile(r"[\"`]([A-Za-z_][A-Za-z0-9_]{1,40})[\"`]")
_LIST_STOP = re.compile(r"(?:\s+(?:for|from|in|of|based|using|describing|about|that|which|to|as|by|under|out|only|"
                        r"please|thanks)\b"
                        r"|:).*$",
                        re.I | re.S)


@dataclass
class JsonRequest:
    """A prompt's request for JSON: the fields to fill, the text to fill them from, and how it was asked."""

    fields: list[Field]
    source: Source
    options: list[Option] = field(default_factory=list)
    example: bool = False  # the prompt holds an example or template object
    only: bool = False  # the prompt asks for JSON and nothing else
    nested: dict[str, "JsonRequest"] = field(default_factory=dict)


def asks_for_json(text: str) -> bool:
    """Whether a prompt asks for its answer as JSON ("as JSON", "a JSON object", "return ... JSON", "JSON
    please: a, b", "return {"a": ""}"), not merely mentions it ("What is JSON used for?")."""
    head = text[:20_000]
    return bool(_ASKS_JSON.search(head) or re.search(r"\bjson\b", head, re.I) and _SHAPED.search(head)
                or re.search(r"\bjson\b\s*(?:please\b|[-\u2013:]\s*\w)", head, re.I)
                or re.search(r"\b(?:return|reply|respond|output|give|fill)\w*\b[^{}\n]{0,40}\{\s*[\"']\w+[\"']\s*:",
                             head, re.I) and any(isinstance(b.value, dict) and len(b.value) >= 2
                                                 for b in json_blocks(head))
                or re.search(r"\b(?:return|reply|respond|output|give|fill|answer)\w*\b[^{}\n]{0,40}\{", head, re.I)
                and typed_template(head) is not None and len(typed_template(head)[0]) >= 2
                or _holds_schema(head)
                or re.search(r"\bjson\b", head, re.I) and bool(_identifier_lists(head) or _defined_keys(head)))


def _holds_schema(text: str) -> bool:
    """A JSON schema of an object in the prompt ("Schema: {"type": "object", "properties": ...}") asks for one."""
    if '"properties"' not in text or "?" in text:
        return False  # "What does this schema mean? {...}" asks about it
    return any(isinstance(b.value, dict) and b.value.get("type") == "object" and isinstance(b.value.get("properties"),
                                                                                          dict)
               and text[b.end:].strip() for b in json_blocks(text))


def read_json_request(prompt: str) -> JsonRequest | None:
    """The JSON a prompt asks for, or None when it does not ask for JSON."""
    if not asks_for_json(prompt):
        return None
    blocks = [b for b in json_blocks(prompt) if isinstance(b.value, dict)]
    options = listed_options(prompt)
    typed = typed_template(prompt) if not blocks else None
    spans = [typed[1]] if typed else []
    fields, example = _fields_of(prompt, blocks, typed)
    if typed:
        example = True
    source = Source(request_text(prompt, blocks, spans, [f.key for f in fields]), prompt)
    request = JsonRequest(fields, source, options, example, bool(_ONLY.search(prompt)))
    _attach_choices(request)
    if re.search(r"\byyyy-mm-dd\b|\biso[ -]?(?:8601|dates?|format)\b", _instruction(prompt), re.I):
        for f in request.fields:  # "Dates as YYYY-MM-DD." for every date key that says nothing itself
            if f.kind in ("date", "when", "day") and not f.description:
                f.description = "YYYY-MM-DD"
    for f in request.fields:
        if isinstance(f.example, dict) and f.example:
            inner = [Field(k, _json_type(v), example=v) for k, v in f.example.items()]
            request.nested[f.key] = JsonRequest(inner, source, options, True, request.only)
    if not request.fields:
        request.fields = _fields_found(source)
    return request


def _fields_of(prompt: str, blocks: list[Block], typed) -> tuple[list[Field], bool]:
    """The fields, and whether they came from an example or template object."""
    for block in blocks:
        schema = block.value.get("properties") if isinstance(block.value.get("properties"), dict) else None
        if schema is not None:
            required = block.value.get("required") or list(schema)
            return [_schema_field(k, v, k in required) for k, v in schema.items()], False
    for block in blocks:
        if block.value and all(isinstance(k, str) for k in block.value):
            return [_example_field(k, v) for k, v in block.value.items()], True
    if typed:
        return [Field(k, t) for k, t in typed[0].items()], True
    return _named_fields(prompt), False


def _schema_field(key: str, spec, required: bool) -> Field:
    spec = spec if isinstance(spec, dict) else {}
    kind = spec.get("type", "")
    kind = next((k for k in kind if k != "null"), "") if isinstance(kind, list) else kind
    example = {k: "" for k in spec.get("properties", {})} if kind == "object" else None
    return Field(key, kind if isinstance(kind, str) else "", str(spec.get("description", "")),
                 list(spec.get("enum") or []), example, required)


def _example_field(key: str, value) -> Field:
    if isinstance(value, str) and "|" in value and len(value.split("|")) <= 12:
        return Field(key, "string", enum=[v.strip() for v in value.split("|") if v.strip()])
    hint = value if isinstance(value, str) and (value.startswith("<") or "e.g." in value) else ""
    return Field(key, _json_type(value), hint, example=value)


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return {str: "string", list: "array", dict: "object"}.get(type(value), "")


def _named_fields(prompt: str) -> list[Field]:
    """Keys named in prose: a list of bullets ("- name: who wrote"), a list after "keys" or "JSON with",
    or quoted keys; the longest list wins ("the key facts ... keys "a", "b"" names two keys, not "facts")."""
    head = prompt[:6000]
    found = [[(m.group(1), (m.group(2) or "") + " " + (m.group(3) or "")) for m in _BULLET_KEY.finditer(head)
              if "_" in m.group(1) or m.group(1)[:1].islower()]]
    found += [_items(m.group(1)) for pattern in (_NAMED, _AFTER_JSON) for m in pattern.finditer(head)]
    found.append([(k, "") for k in dict.fromkeys(_QUOTED_KEY.findall(head))])
    asking = _instruction(prompt) or head  # "Tasting notes: apricot, jasmine" in the text is no list of keys
    listed = [[(k.strip(), "") for k in split_list(m.group(1))] for m in _KEY_LIST.finditer(asking)]
    for pattern in (_PAREN_KEY, _SINGLE_QUOTED_KEY):  # "a field for the city (city)", "'sender' is who wrote it"
        keys = list(dict.fromkeys(pattern.findall(head)))
        if len(keys) >= 2:
            found.append([(k, "") for k in keys])
    found = [items for items in found if not (len(items) == 1 and items[0][0].lower() in ("json", "object"))]
    best = max(found + listed, key=lambda items: len(items) + 1.5 * any(items is i for i in listed), default=[])
    if len(best) < 2:  # no list the usual ways: one in the sentence that asks ("give me a, b and c as JSON")
        best = max(_identifier_lists(head) + _defined_keys(head) + [best], key=len)
    return [_prose_field(k, d) for k, d in best]


_ITEM = r"[A-Za-z_][A-Za-z0-9_]*(?:[ \t]*\([^()\n]{0,60}\))?"
_IDENTIFIERS = re.compile(rf"(?<![\w'-])({_ITEM}(?:[ \t]*,[ \t]*{_ITEM})+(?:[ \t]*,?[ \t]+(?:and|&)[ \t]+{_ITEM})?)"
                          rf"(?![\w'-])")
_CLAUSE_KEY = re.compile(r"(?:^|\bwhere\b|,|;|\band\b)[ \t]*([a-z][a-z0-9_]*)[ \t]+(?:is|are|says|gives|holds|means|"
                         r"should be|must be|contains|tells)\b", re.I)


#: Words that make a question about JSON a request for it ("can you turn this into json?").
_REQUEST = re.compile(r"\b(?:turn|convert|give|return|make|put|extract|format|output|write|produce|send|fill|parse|"
                      r"pull|reply|respond|answer)\b", re.I)


def _instruction(prompt: str) -> str:
    """The sentences of a prompt that ask for JSON, in its first paragraph or its last: "Give me student,
    programme and start_date as JSON.", "...\n\nPlease return dog_name, breed in JSON." (a question about JSON,
    ending in "?", asks for none)."""
    paragraphs = prompt[:6000].strip().split("\n\n")
    asking = []
    for paragraph in dict.fromkeys([paragraphs[0], paragraphs[-1]]):
        sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n", paragraph) if re.search(r"\bjson\b", s, re.I)]
        if sentences and not any(s.rstrip().endswith("?") and not _REQUEST.search(s) for s in sentences):
            asking += [line[:600] for line in paragraph.split("\n") if re.search(r"\bjson\b", line, re.I)]
    return "\n".join(asking)


def _identifier_lists(prompt: str) -> list[list[tuple[str, str]]]:
    """Lists of key-like words in the instruction, however they are introduced: "give me student, programme,
    start_date (YYYY-MM-DD) and scholarship as JSON", "(winery, guests, date)", "company, movers - put
    these in a JSON object". Three items or more, or two with one written as a key (``tax_year``)."""
    found = []
    text = _instruction(prompt)
    for m in _IDENTIFIERS.finditer(text):
        before = text[max(0, m.start() - 24):m.start()].lower()
        keyish = "_" in m.group(1) or re.search(r"[a-z][A-Z]", m.group(1))
        if re.search(r"(?:one of|either|values?|options?|choose from|among)\s*:?\s*$", before) or re.search(
                r"([a-z_]+)\s*\(\s*$", before) and not keyish and not re.search(
                r"(?:json|keys?|fields?|object|record)\s*\(\s*$", before):
            continue  # a key's allowed values: "category (one of: billing, delivery)"
        items = [(k, "" if note.strip().lower() in ("json", "in json", "as json") else note)
                 for k, note in _items(m.group(1))]
        names = [k for k, _ in items]
        if len(items) != len(split_list(re.sub(r"\([^)]*\)", "", m.group(1)))):
            continue  # a phrase in the list: prose, not keys
        if any(k.lower() in _PROSE_WORDS for k in names):
            continue
        if len(items) >= 3 or len(items) == 2 and any("_" in k or re.search(r"[a-z][A-Z]", k) for k in names):
            found.append(items)
    return found


#: Words that make a comma-separated list prose rather than keys ("Hi, could you ...").
_PROSE_WORDS = {"hi", "hello", "thanks", "please", "yes", "no", "ok", "so", "but", "then", "well", "sure", "i", "we",
                "you", "it", "this", "that", "on", "in", "at", "for", "with", "to", "from", "by", "of", "or", "is",
                "are", "was", "not", "as", "if"}


def _defined_keys(prompt: str) -> list[list[tuple[str, str]]]:
    """Keys each defined in a clause: "where shop is the florist's name, plan is the name of the plan and
    vase_included says whether a vase comes"."""
    text = _instruction(prompt)
    found = []
    for m in _CLAUSE_KEY.finditer(text):
        key = m.group(1)
        if key.lower() in _PROSE_WORDS or key.lower() in ("it", "there", "what", "which", "who", "json"):
            continue
        rest = text[m.end():]
        nxt = _CLAUSE_KEY.search(rest)
        definition = (rest[:nxt.start()] if nxt else rest.split(".")[0]).strip(" ,;")
        found.append((key, definition))
    return [found] if len(found) >= 2 else []


def _items(text: str) -> list[tuple[str, str]]:
    """``'name (full), "age" and city for ...'`` as ``[("name", "full"), ("age", ""), ("city", "")]``."""
    notes: list[str] = []

    def keep(m):
        notes.append(m.group(1))
        return f" \x00{len(notes) - 1} "

    text = re.sub(r"\(([^)]*)\)", keep, text.split("\n")[0])
    text = re.split(r":", text)[0]
    items = []
    for raw in split_list(text):
        raw = raw if len(raw.split()) == 1 else _LIST_STOP.sub("", raw)
        note = re.search(r"\x00(\d+)", raw)
        name = re.sub(r"\x00\d+", "", raw).strip(" \"'`:)(")
        if name and len(name.split()) <= 3 and re.fullmatch(r"[A-Za-z_][\w ]*", name) \
                and name.split()[0].lower() not in _NOT_KEYS:
            items.append((re.sub(r"\s+", "_", name), notes[int(note.group(1))] if note else ""))
    return items


def _prose_field(key: str, description: str) -> Field:
    description = description.strip()
    allowed = re.sub(r"^\s*(?:one of|either)\s*:?\s*", "", description, flags=re.I)
    values = split_list(allowed) if re.search(r",|\bor\b|\||/", allowed) else []
    if values and all(len(v.split()) <= 2 for v in values):
        if {v.lower() for v in values} <= {"true", "false", "yes", "no"}:
            return Field(key, "boolean", description)
        return Field(key, "string", description, enum=values)
    typed = re.fullmatch(r"\s*(string|str|text|integer|int|number|float|decimal|boolean|bool)\s*", description, re.I)
    if typed:
        return Field(key, {"str": "string", "text": "string", "int": "integer", "float": "number",
                           "decimal": "number", "bool": "boolean"}.get(typed.group(1).lower(), typed.group(1).lower()))
    kind = "number" if re.search(r"\b(?:a number|numbers?|integer|numeric)\b", description, re.I) else ""
    return Field(key, kind, description)


def _attach_choices(request: JsonRequest) -> None:
    """A "category" (or "label", "intent"...) key takes its values from the options the prompt lists."""
    if not request.options:
        return
    for f in request.fields:
        if not f.enum and set(f.words) & _CHOICE_KEYS:
            f.enum = [o.name for o in request.options]


def _fields_found(source: Source) -> list[Field]:
    """No keys named: keys for what the text holds, as a model asked for "JSON" with no shape would."""
    keys = [("name", "name"), ("email", "emails"), ("phone", "phones"), ("date", "dates"), ("time", "times")]
    fields = [Field(k) for k, attr in keys if attr == "name" or getattr(source, attr)]
    return fields + [Field("details", "string")]
