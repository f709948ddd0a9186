"""How often each practice model slips when it writes JSON or a function call, and the dice it rolls.

A small model asked for JSON often wraps it in a fenced block, leads with a sentence, drops or
renames a key, writes a number as a string, or breaks the syntax; asked for a call it adds prose,
drops an argument or gives one the wrong type. The 4B slips more than the 12B, every model slips
more at higher temperatures, and a prompt that shows an example object (or asks for JSON only)
makes the shape (or the wrapping) slips rarer. These rates are the practice server's choice, not
measurements of Gemma.

The dice are reproducible: with ``seed`` the same request gets the same answer, at temperature 0
too (whatever the seed), and different prompts under one seed do not all slip alike.
"""
from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, replace

from ....model_ids import DOC_EXAMPLE_MODEL, LARGE_MODEL, SMALL_MODEL

__all__ = ["Slips", "slips_for", "dice", "reading_for"]


@dataclass(frozen=True)
class Slips:
    """Chances, per answer, of each slip at temperature 1 (``pick``: per field with another candidate)."""

    fence: float  # ```json ... ``` around the object
    lead: float  # a sentence before it ("Here is the JSON:")
    trail: float  # a sentence after it
    syntax: float  # a trailing comma, single quotes, a missing closing brace
    missing: float  # a key left out
    renamed: float  # a key renamed (camelCase, a synonym)
    as_string: float  # a number written as a string
    pick: float  # a field filled with the text's second-best candidate
    prose: float  # (calls) words before or after the call
    wrong_type: float  # (calls) an argument of the wrong type
    drop_arg: float  # (calls) an argument left out
    recall: float  # (results) the call made again instead of an answer
    drop_value: float  # (results) a value of the result left out of the answer
    unsure: float  # (labels) the runner-up label chosen when the text speaks for two about equally

    def scaled(self, factor: float, *names: str) -> "Slips":
        """These chances with the named ones (every one when none is named) multiplied by ``factor``."""
        names = names or tuple(self.__dataclass_fields__)
        return replace(self, **{n: min(1.0, getattr(self, n) * factor) for n in names})


_RATES = {
    SMALL_MODEL: Slips(fence=0.45, lead=0.30, trail=0.12, syntax=0.08, missing=0.08, renamed=0.07,
                                  as_string=0.12, pick=0.10, prose=0.25, wrong_type=0.12, drop_arg=0.10,
                                  recall=0.10, drop_value=0.14, unsure=0.45),
    LARGE_MODEL: Slips(fence=0.30, lead=0.08, trail=0.03, syntax=0.015, missing=0.02, renamed=0.015,
                                   as_string=0.03, pick=0.025, prose=0.06, wrong_type=0.025, drop_arg=0.02,
                                   recall=0.02, drop_value=0.03, unsure=0.25),
}
_RATES[DOC_EXAMPLE_MODEL] = _RATES[LARGE_MODEL].scaled(0.5)
#: How much of each category's definition a model takes in (a smaller model reads less of a long prompt).
_READING = {SMALL_MODEL: 0.5, LARGE_MODEL: 1.0, DOC_EXAMPLE_MODEL: 1.0}
SHAPE = ("syntax", "missing", "renamed", "as_string")
WRAPPING = ("lead", "trail", "prose")


def slips_for(model: str, temperature: float | None) -> Slips:
    """The model's chances at this temperature: 0.35x at temperature 0, 1x at 1, about 1.65x at 2."""
    base = _RATES.get(model, _RATES[SMALL_MODEL])
    t = 1.0 if temperature is None else max(0.0, float(temperature))
    return base.scaled(min(2.0, 0.35 + 0.65 * t))


def reading_for(model: str) -> float:
    """The share of each listed category's definition words the model uses when it chooses one."""
    return _READING.get(model, 0.5)


def dice(model: str, prompt: str, params: dict) -> random.Random:
    """The random source of one answer: fixed by seed and prompt; at temperature 0, by the prompt alone."""
    seed, temperature = params.get("seed"), params.get("temperature")
    if temperature is not None and float(temperature) <= 0.0:
        seed = "greedy"
    if seed is None:
        return random.Random()
    return random.Random(f"{seed}|{model}|{zlib.crc32(prompt.encode('utf-8', 'replace'))}")
