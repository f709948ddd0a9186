"""Does a practice answer stay on its topic? Which corpus section each sentence comes from, and drift.

A sentence belongs to the corpus section that holds the most of its runs of four practice tokens
(a section and its ", again" sibling count as one; a sentence with fewer than two such runs, such
as a computed fact, belongs to none). An answer *drifts* when one of its sentences belongs to a
section that is neither one the prompt picks (scoring at least half the best section's score in
the topic index) nor the section of the answer's first sentence: a switch part-way through.

    answer_drifts("What is the capital of Australia?", text)    # True or False
    sentence_sections(text)                                        # ["cities: Canberra", None, ...]

It reads only the corpus, the n-gram index and the topic index, so it measures any answer the
same way (the benchmark's before-and-after figures included).
"""
from __future__ import annotations

import re
from collections import Counter

from .corpus import LINE, PARAGRAPH, SENTENCE_ENDS, tokenize
from .language_model import NgramModel, get_model
from .topics import TopicIndex

#: A sentence needs at least this many runs of four tokens found in the corpus to belong to a section.
MIN_RUNS = 2
#: Sections scoring at least this share of the best one are among those the prompt picks.
PICKED_SHARE = 0.5
GRAM = 4
_AGAIN = re.compile(r",\s*again$")

_indexes: dict[int, TopicIndex] = {}


def group_of(model: NgramModel, section: int) -> str:
    """A section's name with its ", again" sibling merged: "code: Functions" for both."""
    found = model.sections[section]
    return f"{found.topic}: {_AGAIN.sub('', found.title)}"


def _sentences(tokens: list[str]) -> list[list[str]]:
    sentences, current = [], []
    for token in tokens:
        if token in (PARAGRAPH, LINE):
            if current:
                sentences.append(current)
            current = []
            continue
        current.append(token)
        if token in SENTENCE_ENDS:
            sentences.append(current)
            current = []
    return sentences + ([current] if current else [])


_grams: dict[int, tuple[NgramModel, dict[tuple[int, int], frozenset[str]]]] = {}


def _groups_of_grams(model: NgramModel) -> dict[tuple[int, int], frozenset[str]]:
    """For every run of four tokens in the corpus, the section groups that hold it (built once per model).

    A run is keyed by its first three tokens as one number (as the model's event keys hold them)
    and its fourth token."""
    found = _grams.get(id(model))
    if found is None or found[0] is not model:
        groups = [group_of(model, i) for i in range(len(model.sections))]
        table: dict[tuple[int, int], set[str]] = {}
        for key, token, section in zip(model.keys, model.following, model.section_of):
            table.setdefault((key // model.size, token), set()).add(groups[section])
        found = _grams[id(model)] = (model, {gram: frozenset(g) for gram, g in table.items()})
    return found[1]


def _tallies(model: NgramModel, sentence: list[str]) -> Counter:
    """For each section group, how many of the sentence's runs of four tokens it contains."""
    ids = [model.token_id(t) for t in sentence]
    table, size = _groups_of_grams(model), model.size
    tally: Counter = Counter()
    for i in range(len(ids) - GRAM + 1):
        first, second, third, fourth = ids[i:i + GRAM]
        if min(first, second, third, fourth) < 0:
            continue
        tally.update(table.get(((third * size + second) * size + first, fourth), ()))
    return tally


def sentence_sections(text: str, allowed: set[str] = frozenset(), model: NgramModel | None = None) -> list[str | None]:
    """The section group of each sentence of a text (None for a sentence the corpus does not hold).

    Where groups tie, one of ``allowed`` wins, then the first in the corpus."""
    model = model or get_model()
    found: list[str | None] = []
    for sentence in _sentences(tokenize(text) if isinstance(text, str) else text):
        tally = _tallies(model, sentence)
        if not tally or max(tally.values()) < MIN_RUNS:
            found.append(None)
            continue
        best = max(tally.values())
        tied = [g for g, n in tally.items() if n == best]
        found.append(next((g for g in tied if g in allowed), min(tied)))
    return found


def picked_sections(prompt: str, model: NgramModel | None = None) -> set[str]:
    """The section groups a prompt picks: those scoring at least PICKED_SHARE of the best."""
    model = model or get_model()
    index = _indexes.get(id(model))
    if index is None or index.model is not model:
        index = _indexes[id(model)] = TopicIndex(model)
    scores = index.scores(prompt)
    best = max(scores)
    if best <= 0:
        return set()
    return {group_of(model, i) for i, s in enumerate(scores) if s >= PICKED_SHARE * best}


def drifted_sentences(prompt: str, answer: str, model: NgramModel | None = None) -> list[str]:
    """The sections an answer switches to part-way (empty when it keeps to its topic)."""
    model = model or get_model()
    allowed = picked_sections(prompt, model)
    homes = sentence_sections(answer, allowed, model)
    first = next((h for h in homes if h is not None), None)
    if first is not None:
        allowed = allowed | {first}
        homes = sentence_sections(answer, allowed, model)  # ties now favour the first section too
    return [h for h in homes if h is not None and h not in allowed]


def answer_drifts(prompt: str, answer: str, model: NgramModel | None = None) -> bool:
    """Whether an answer switches part-way to a corpus section that is neither picked nor its first."""
    return bool(drifted_sentences(prompt, answer, model))
