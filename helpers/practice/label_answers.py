"""The practice server's answer to "which of these categories is it?": one of the listed labels.

A prompt that lists the allowed answers ("one of: billing, technical, account, shipping, other",
or a definition a line) and asks to classify, categorise, route or label a text gets a label
chosen by the words of the text against each label's name, its usual words and its definition
(a smaller model reads less of the definitions). The 4B dresses the label more often
("Category: billing", "Billing."), which an exact-match grader must normalise.
"""
from __future__ import annotations

import random
import re

from .model_slips import Slips
from .prompt_reading import Option, listed_options, source_text
from .text_source import Found, Source
from .value_finders import choose_option, read_options

__all__ = ["read_label_request", "write_label", "pick_label"]

_ASKS = re.compile(r"\b(classify|classif|categori[sz]e|categori[sz]ation|route|routing|label|which (?:category|label|"
                   r"team|department|queue)|what (?:category|label|type)|assign|triage|tag)\b", re.I)
#: Two labels this close in score are a toss-up for the model.
CLOSE = 0.5
#: How much less unsure a model is when the prompt defines the labels or shows examples.
CLEARER = 0.35
_DRESSED = ("Category: {}", "{}.", "The category is {}.", "**{}**", "{}\n\nThis message is about {}.")


def read_label_request(prompt: str) -> tuple[list[Option], Source] | None:
    """The options and the text to classify, when the prompt asks for one label out of a list."""
    if not _ASKS.search(prompt[:20_000]):
        return None
    options = listed_options(prompt)
    if len(options) < 2:
        return None
    lines = [line for line in prompt.splitlines() if not any(
        re.match(rf"\s*[-*\u2022]?\s*[\"'`]?{re.escape(o.name)}[\"'`]?\s*[:=\u2013-]", line, re.I) for o in options)]
    return options, Source(source_text("\n".join(lines)), prompt)


def write_label(options: list[Option], src: Source, slips: Slips, rng: random.Random, reading: float = 1.0) -> str:
    """One label, sometimes the runner-up (see :func:`pick_label`), sometimes dressed (``slips.lead``)."""
    ranked = sorted(choose_option(read_options(options, reading), src), key=lambda c: -c.score)
    label = str(pick_label(ranked, slips, any(o.words for o in options), rng).value)
    if rng.random() < slips.lead:
        form = rng.choice(_DRESSED)
        return form.format(label.capitalize() if form.startswith("{}") else label, label)
    return label


def pick_label(ranked: list[Found], slips: Slips, clear: bool, rng: random.Random) -> Found:
    """The label a model settles on: the best, or the runner-up when the two are close (``slips.unsure``)
    or by a slip (``slips.pick``). A prompt that defines its labels or shows examples (``clear``) leaves
    it less unsure."""
    if len(ranked) < 2:
        return ranked[0]
    close = ranked[0].score - ranked[1].score < CLOSE
    chance = (slips.unsure if close else slips.pick) * (CLEARER if clear else 1.0)
    return ranked[1] if rng.random() < chance else ranked[0]
