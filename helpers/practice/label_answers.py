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
from .text_source import Source
from .value_finders import choose_option

__all__ = ["read_label_request", "write_label"]

_ASKS = re.compile(r"\b(classify|classif|categori[sz]e|categori[sz]ation|route|routing|label|which (?:category|label|"
                   r"team|department|queue)|what (?:category|label|type)|assign|triage|tag)\b", re.I)
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


def write_label(options: list[Option], src: Source, slips: Slips, rng: random.Random,
                definition_weight: float = 1.0) -> str:
    """One label, sometimes the second best (``slips.pick``), sometimes dressed (``slips.lead``)."""
    if definition_weight != 1.0:
        options = [Option(o.name, o.words[: max(1, int(len(o.words) * definition_weight))]) for o in options]
    ranked = sorted(choose_option(options, src), key=lambda c: -c.score)
    chosen = ranked[0]
    if len(ranked) > 1 and rng.random() < slips.pick * 1.5:
        chosen = ranked[1]
    label = str(chosen.value)
    if rng.random() < slips.lead:
        form = rng.choice(_DRESSED)
        return form.format(label.capitalize() if form.startswith("{}") else label, label)
    return label
