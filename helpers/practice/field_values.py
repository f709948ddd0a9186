"""Filling fields from a text: each field gets the value the text supports best, or None.

:func:`fill` gives every :class:`~helpers.practice.field_kinds.Field` the best candidate its kind's
finder offers (:mod:`~helpers.practice.value_finders`, :mod:`~helpers.practice.phrase_finders`), each
span of text used once (the same number is not both the nights and the guests). Candidates come
ranked, best first, so a weaker model can take the second best (:func:`candidates`).

    src = Source("Hi, I'm Ada Lovelace, ada@example.com. A room for 2 nights, 3 guests.")
    fill([Field("name"), Field("email"), Field("nights"), Field("guests")], src)
    # {'name': 'Ada Lovelace', 'email': 'ada@example.com', 'nights': 2, 'guests': 3}
"""
from __future__ import annotations

from .field_kinds import Field
from .phrase_finders import PHRASE_FINDERS, free_text
from .prompt_reading import Option
from .text_source import Found, Source
from .value_finders import FINDERS

__all__ = ["candidates", "fill"]

_ALL_FINDERS = {**FINDERS, **PHRASE_FINDERS}


def candidates(f: Field, src: Source, options: list[Option] = ()) -> list[Found]:
    """The values the text offers for a field, best first (an empty list: the text has none)."""
    found = _ALL_FINDERS.get(f.kind, free_text)(f, src, options)
    return sorted(found, key=lambda c: -c.score)



def fill(fields: list[Field], src: Source, options: list[Option] = (), pick=None) -> dict:
    """Every field's value: the best candidate not already used by another field, else None.

    ``pick(field, ranked)`` may choose another candidate than the first (a weaker model's slip)."""
    ranked = {f.key: candidates(f, src, options) for f in fields}
    free = {"message", "text", "summary"}  # a phrase may span a date or a number: those are taken first
    order = sorted(fields, key=lambda f: (f.kind in free, -(ranked[f.key][0].score if ranked[f.key] else -1)))
    used: list[tuple[int, int]] = []
    values = {}
    for f in order:
        free = [c for c in ranked[f.key] if c.start < 0 or not any(s < c.end and c.start < e for s, e in used)]
        chosen = pick(f, free) if pick and free else (free[0] if free else None)
        if chosen is not None and chosen.start >= 0:
            used.append((chosen.start, chosen.end))
        values[f.key] = chosen.value if chosen is not None else None
    return {f.key: values[f.key] for f in fields}
