"""The practice server's answer to a prompt that asks for JSON: an object of the shape asked, filled from the text.

The values come from the prompt's text (:mod:`helpers.practice.model.skills.field_values`) and the practice
server's facts; the answer then slips the way small models do (:mod:`helpers.practice.model.skills.model_slips`):

    Here is the JSON object:          <- a lead-in sentence (sometimes)

    ```json                           <- a fence (often)
    {
      "name": "Ada Lovelace",
      "age": "36"                     <- a number as a string, a key missing or renamed (sometimes)
    }
    ```
    Let me know if you need more.     <- a closing sentence (sometimes)

The practice server puts its simulated-answer marker before all of it, as it does before every answer.
"""
from __future__ import annotations

import json
import random
import re

from .field_kinds import Field
from .field_values import fill
from .function_calls import CONFUSABLE
from .json_shapes import JsonRequest
from .label_answers import pick_label
from .model_slips import SHAPE, Slips
from .value_finders import read_options

__all__ = ["write_json", "LEADS", "TRAILS"]

LEADS = ("Here is the JSON object:", "Sure! Here's the extracted data in JSON format:", "Here's the JSON:",
         "Okay, here is the information as JSON:")
TRAILS = ("Let me know if you need anything else!", "I hope this helps.",
          "Note: fields the text does not mention are set to null.")
_SYNONYMS = {"name": "full_name", "email": "email_address", "phone": "phone_number", "city": "location",
             "date": "day", "price": "cost", "title": "name", "category": "type", "sentiment": "tone",
             "age": "years", "address": "location", "product": "item", "urgency": "priority", "company": "organization"}


def write_json(request: JsonRequest, slips: Slips, rng: random.Random, reading: float = 1.0) -> str:
    """The answer's text: the filled object, with this answer's slips (see the module docstring)."""
    if request.example:
        slips = slips.scaled(0.4, *SHAPE)
    if request.only:
        slips = slips.scaled(0.15, "lead", "trail").scaled(0.6, "fence")
    obj = fill_object(request, slips, rng, reading)
    obj = _reshape(obj, request.fields, slips, rng)
    compact = rng.random() < slips.fence * 0.3
    text = json.dumps(obj, ensure_ascii=False, indent=None if compact else 2)
    if rng.random() < slips.syntax:
        text = _break_syntax(text, rng)
    if rng.random() < slips.fence:
        text = "```json\n" + text + "\n```"
    if rng.random() < slips.lead:
        text = rng.choice(LEADS) + "\n\n" + text
    if rng.random() < slips.trail:
        text += "\n\n" + rng.choice(TRAILS)
    return text


def fill_object(request: JsonRequest, slips: Slips, rng: random.Random, reading: float = 1.0) -> dict:
    """The object with every field filled (nested objects too), before any slip of shape."""
    clear = any(o.words for o in request.options)

    def pick(f: Field, ranked):
        if f.kind == "choice":
            return pick_label(ranked, slips, clear, rng)
        close = [c for c in ranked[1:3] if c.score > 0 and str(c.value) != str(ranked[0].value)
                 and c.score >= ranked[0].score - CONFUSABLE]
        return rng.choice(close) if close and rng.random() < slips.pick else ranked[0]

    obj = fill(request.fields, request.source, read_options(request.options, reading), pick)
    for key, inner in request.nested.items():
        obj[key] = fill_object(inner, slips, rng, reading)
    for f in request.fields:
        if f.kind == "list" and not isinstance(obj[f.key], list):
            obj[f.key] = [] if obj[f.key] is None else [obj[f.key]]
        elif f.type == "string" and isinstance(obj[f.key], (int, float)) and not isinstance(obj[f.key], bool):
            obj[f.key] = str(obj[f.key])
    return obj


def _reshape(obj: dict, fields: list[Field], slips: Slips, rng: random.Random) -> dict:
    """A key dropped or renamed, a number quoted: the slips of shape."""
    keys = list(obj)
    if keys and rng.random() < slips.missing:
        obj.pop(rng.choice(keys))
    if obj and rng.random() < slips.renamed:
        key = rng.choice(list(obj))
        renamed = _SYNONYMS.get(key) or _camel(key)
        if renamed != key and renamed not in obj:
            obj = {renamed if k == key else k: v for k, v in obj.items()}
    numbers = [k for k, v in obj.items() if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if numbers and rng.random() < slips.as_string:
        key = rng.choice(numbers)
        obj[key] = str(obj[key])
    return obj


def _camel(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(w.capitalize() for w in rest) if rest else key.capitalize()


def _break_syntax(text: str, rng: random.Random) -> str:
    """One of the syntax errors small models make: a trailing comma, Python quotes, a missing brace."""
    choice = rng.randrange(3)
    if choice == 0 and text.rstrip().endswith("}"):
        body = text.rstrip()[:-1].rstrip()
        return body + ",\n}" if "\n" in text else body + ",}"
    if choice == 1:
        return re.sub(r'"((?:[^"\\]|\\.)*)"', lambda m: "'" + m.group(1).replace("'", "\\'") + "'", text)
    return text.rstrip()[:-1].rstrip()
