"""The practice model: an n-gram word model over the kit's own text, with real next-token distributions.

It counts, for every context of up to four tokens in ``helpers/practice/corpus``, which token came
next. The probability of the next token mixes the longest context seen with shorter ones
(interpolation in the manner of Witten-Bell smoothing, down to a fixed tail of common tokens), and
every count is weighted by how well its corpus section matches the prompt's topic. The chat models
differ as a small and a bigger model do: the 4B has learned from about half of the text and uses
three tokens of context; the 12B (and the 27B) learned from all of it, use four, lean less on the
shorter contexts and choose more confidently, so they follow what they learned further and wander less.

    model = get_model()                                        # built at first use, then cached
    conditioned = Conditioned(model, CONFIGS["google/gemma-3-12b-it"], model.uniform_weights())
    ids, logits = conditioned.next(model.start_context())      # the first token's candidates

Nothing here is built at ``import helpers``: :func:`get_model` builds on its first call (well
under half a second) and keeps the model for the life of the process.
"""
from __future__ import annotations

import math
import threading
from array import array
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from operator import itemgetter

from .corpus import LINE, PARAGRAPH, Section, load_sections

#: The longest context any model uses (the 27B's order 5 means four tokens of context).
MAX_CONTEXT = 4
#: Logits are log-probabilities plus this constant, so that the likeliest tokens have positive
#: logits, as in a real model. Softmax does not see the shift; a repetition penalty does
#: (it divides positive logits and multiplies negative ones).
LOGIT_OFFSET = 25.0
#: The candidates a distribution keeps, likeliest first (the rest of the tail is negligible).
MAX_CANDIDATES = 120
#: The bottom level of the mix, the one every context shares: the commonest tokens, which always
#: keep at least TAIL_FLOOR of the probability. Far too unlikely to matter at low temperatures, they
#: are what a high temperature brings up, as a real model's long tail is: the text gets odd.
TAIL_SIZE = 60
TAIL_FLOOR = 0.012
#: A context seen at most this often (or a paragraph start) is counted event by event with the
#: request's weights. A more frequent one is counted once without weights (its commonest followers
#: kept); for contexts of two tokens or more, the request's most favoured sections then add their
#: share, found by binary search in each section's events. Single-token contexts (the backoff
#: level) stay unweighted. This keeps every distribution to a few dozen operations.
DIRECT_LIMIT = 12
COMMON_FOLLOWERS = 32
FAVOURED_LIMIT = 6
#: Distributions one conditioned model keeps (each about 1.5 kB); past this, its cache starts again.
CACHE_ENTRIES = 2000
#: The weight of a corpus section that has nothing to do with the prompt (the best one weighs
#: ``focus`` more): what the model knows of other topics still shows, a little.
BASE_WEIGHT = 0.15
#: In frequent contexts, sections weighing less than BASE_WEIGHT plus this count as BASE_WEIGHT (a rounding of the mix).
WEIGHT_TOLERANCE = 0.5


@dataclass(frozen=True)
class ModelConfig:
    """How one chat model of the catalogue uses the shared counts."""

    order: int  # n of the n-gram: order - 1 tokens of context
    smoothing: float  # weight of shorter contexts: higher wanders more
    confidence: float  # logits are this times the log-probabilities: a trained model's sharper choices
    learned_all: bool  # False: learns from every other paragraph of each section (a smaller model knows less)
    focus: float  # extra weight of the corpus section that best matches the prompt
    min_tokens: int  # a paragraph break after this many answer tokens ends the answer
    max_tokens: int  # past this many, the next sentence end ends the answer
    max_paragraphs: int
    lists: bool  # writes "list the steps" answers as numbered lists
    steps: bool  # shows its working for clock arithmetic


CONFIGS = {
    "google/gemma-3-4b-it": ModelConfig(order=4, smoothing=0.1, confidence=1.3, learned_all=False, focus=80.0,
                                        min_tokens=40, max_tokens=110, max_paragraphs=2, lists=False, steps=False),
    "google/gemma-3-12b-it": ModelConfig(order=5, smoothing=0.04, confidence=1.5, learned_all=True, focus=200.0,
                                         min_tokens=80, max_tokens=200, max_paragraphs=3, lists=True, steps=True),
    "google/gemma-3-27b-it": ModelConfig(order=5, smoothing=0.02, confidence=1.7, learned_all=True, focus=300.0,
                                         min_tokens=110, max_tokens=240, max_paragraphs=3, lists=True, steps=True),
}


class NgramModel:
    """Counts of one language's corpus, indexed for fast lookup of every context up to MAX_CONTEXT tokens.

    Each paragraph of the corpus is one training answer: it starts after MAX_CONTEXT paragraph
    tokens and ends with one. Every token that follows a context is an *event*; events are sorted
    by their context read backwards (the latest token first), so the events of any context, of any
    length, form one run of the sorted arrays that two binary searches find.
    """

    def __init__(self, sections: list[Section]):
        self.sections = sections
        self.words: list[str] = [PARAGRAPH, LINE]
        self.ids: dict[str, int] = {PARAGRAPH: 0, LINE: 1}
        stream, section_of = [0] * MAX_CONTEXT, [0] * MAX_CONTEXT
        for number, section in enumerate(sections):
            for paragraph in section.paragraphs:
                stream += [self._id(t) for t in paragraph] + [0] * MAX_CONTEXT
                section_of += [number] * (len(paragraph) + MAX_CONTEXT)
        self.size = len(self.words)
        self._index(stream, section_of)
        self.counts = Counter(t for t in stream if t > 1)
        total = sum(c for _, c in self.counts.most_common(TAIL_SIZE))
        self.tail = [(t, c / total) for t, c in self.counts.most_common(TAIL_SIZE)]  # likeliest first
        self.tail_share = dict(self.tail)
        self.tail_logs = [(t, math.log(p)) for t, p in self.tail]
        self.lower = [w.lower() for w in self.words]
        self.by_lower: dict[str, list[int]] = {}
        for number, word in enumerate(self.lower):
            self.by_lower.setdefault(word, []).append(number)
        self._common: dict[tuple[int, int], tuple[list[tuple[int, int]], int]] = {}

    def _id(self, token: str) -> int:
        found = self.ids.get(token)
        if found is None:
            found = self.ids[token] = len(self.words)
            self.words.append(token)
        return found

    def _index(self, stream: list[int], section_of: list[int]) -> None:
        size = len(self.words)
        keys, events = [], []
        for i in range(MAX_CONTEXT, len(stream)):
            if stream[i] == 0 and stream[i - 1] == 0:
                continue  # padding between paragraphs, not an event
            key = 0
            for back in range(1, MAX_CONTEXT + 1):
                key = key * size + stream[i - back]
            keys.append(key)
            events.append(i)
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self.keys = array("q", (keys[j] for j in order))
        self.following = array("I", (stream[events[j]] for j in order))
        self.section_of = array("H", (section_of[events[j]] for j in order))
        self.events = len(order)
        ranks: list[list[int]] = [[] for _ in self.sections]
        for rank, section in enumerate(self.section_of):
            ranks[section].append(rank)
        self.section_ranks = [array("I", r) for r in ranks]  # each section's events, in sorted order

    def start_context(self) -> tuple[int, ...]:
        """The context every answer (and every new paragraph) starts from."""
        return (0,) * MAX_CONTEXT

    def token_id(self, token: str) -> int:
        """The id of a token, or -1 for a token the corpus never used."""
        return self.ids.get(token, -1)

    def span(self, context: tuple[int, ...]) -> tuple[int, int]:
        """The run of sorted events whose preceding tokens end with ``context`` (latest token last)."""
        key, size = 0, self.size
        if min(context, default=0) < 0:
            return 0, 0  # a token the corpus never used: no context of it was ever seen
        for token in reversed(context):
            key = key * size + token
        width = size ** (MAX_CONTEXT - len(context))
        key *= width
        return bisect_left(self.keys, key), bisect_left(self.keys, key + width)

    def common(self, lo: int, hi: int) -> tuple[list[tuple[int, int]], int]:
        """The commonest followers of a frequent context (the run lo:hi) with their unweighted counts,
        and the number of distinct followers; computed once per run."""
        found = self._common.get((lo, hi))
        if found is None:
            counts = Counter(self.following[lo:hi])
            found = self._common[(lo, hi)] = (counts.most_common(COMMON_FOLLOWERS), len(counts))
        return found

    def uniform_weights(self) -> list[float]:
        return [BASE_WEIGHT] * len(self.sections)


class Conditioned:
    """One chat model's next-token distributions for one request's topic weights, cached by context.

    ``weights[i]`` multiplies every count from corpus section i; ``bonus`` maps the ids of tokens the
    conversation used to a logit bonus (the model "conditions on the conversation": its words come back).
    """

    def __init__(self, model: NgramModel, config: ModelConfig, weights: list[float],
                 bonus: dict[int, float] | None = None):
        self.model, self.config, self.weights, self.bonus = model, config, weights, bonus or {}
        favoured = sorted(((i, w - BASE_WEIGHT) for i, w in enumerate(weights) if w - BASE_WEIGHT > WEIGHT_TOLERANCE),
                          key=lambda item: -item[1])
        self.favoured = favoured[:FAVOURED_LIMIT]  # the sections that make most of the difference
        self.cache: dict[tuple[int, ...], tuple[array, array]] = {}
        self.tail = [(t, config.confidence * lp) for t, lp in model.tail_logs]

    def next(self, context: tuple[int, ...]) -> tuple[array, array]:
        """Candidate ids and their logits, likeliest first, for the token after ``context``."""
        context = context[len(context) - (self.config.order - 1):]
        found = self.cache.get(context)
        if found is None:
            if len(self.cache) >= CACHE_ENTRIES:
                self.cache.clear()  # bounded: a long session does not grow without limit
            found = self.cache[context] = self._compute(context)
        return found

    def probabilities(self, context: tuple[int, ...]) -> tuple[dict[int, float], float]:
        """The mix of every context length seen (before the conversation bonus), and the probability
        left for the tail: ``(probabilities, tail)``; a tail token t has ``tail * model.tail_share[t]``
        more (on top of what the contexts give it)."""
        model, gamma = self.model, self.config.smoothing
        probs: dict[int, float] = {}
        remaining = 1.0
        for length in range(len(context), 0, -1):
            if remaining <= 2 * TAIL_FLOOR:
                break  # the shorter contexts would add next to nothing: leave it to the tail
            lo, hi = model.span(context[len(context) - length:])
            if hi == lo:
                continue
            followers, seen, types, total = self._counts(lo, hi, length, context[-1] == 0)
            share = remaining * seen / (seen + gamma * types)
            scale = share / total
            for token, count in followers:
                probs[token] = probs.get(token, 0.0) + count * scale
            remaining -= share
        if remaining < TAIL_FLOOR:
            keep = (1.0 - TAIL_FLOOR) / (1.0 - remaining)
            for token in probs:
                probs[token] *= keep
            remaining = TAIL_FLOOR
        return probs, remaining

    def _counts(self, lo: int, hi: int, length: int, start: bool):
        """Weighted followers of the run lo:hi: (followers and counts, events, distinct followers, total)."""
        model, weights = self.model, self.weights
        if hi - lo <= DIRECT_LIMIT or start:
            counts: dict[int, float] = {}
            for token, section in zip(model.following[lo:hi], model.section_of[lo:hi]):
                counts[token] = counts.get(token, 0.0) + weights[section]
            return counts.items(), hi - lo, len(counts), sum(counts.values())
        common, types = model.common(lo, hi)
        if length == 1:
            return common, hi - lo, types, float(hi - lo)
        counts = {token: BASE_WEIGHT * count for token, count in common}
        total = BASE_WEIGHT * (hi - lo)
        following, section_ranks = model.following, model.section_ranks
        for section, extra in self.favoured:
            ranks = section_ranks[section]
            first, last = bisect_left(ranks, lo), bisect_left(ranks, hi)
            for rank in ranks[first:last]:
                token = following[rank]
                counts[token] = counts.get(token, 0.0) + extra
            total += extra * (last - first)
        return counts.items(), hi - lo, max(types, len(counts)), total

    def _compute(self, context: tuple[int, ...]) -> tuple[array, array]:
        probs, tail = self.probabilities(context)
        shares = self.model.tail_share
        for token in probs:
            probs[token] += tail * shares.get(token, 0.0)
        for token, bonus in self.bonus.items():
            p = probs.get(token) or tail * shares.get(token, 0.0)
            if p:
                probs[token] = p * math.exp(bonus)
        head = sorted(probs.items(), key=itemgetter(1), reverse=True)
        sharp = self.config.confidence
        offset = LOGIT_OFFSET - sharp * math.log(head[0][1])
        pairs = [(t, sharp * math.log(p) + offset) for t, p in head]
        base = offset + sharp * math.log(tail)
        pairs += [(t, base + x) for t, x in self.tail if t not in probs]
        pairs.sort(key=itemgetter(1), reverse=True)  # two sorted runs: a merge
        del pairs[MAX_CANDIDATES:]
        return array("I", [t for t, _ in pairs]), array("d", [x for _, x in pairs])


_models: dict[tuple[str, str, bool], NgramModel] = {}
_lock = threading.Lock()


def get_model(language: str = "en", topic: str = "", everything: bool = True) -> NgramModel:
    """The practice model of one language ("en", "fr", "es", "de"), built on first use and kept.

    It learns from the language's prose; with ``topic`` (such as "poems", the verse), from that
    topic's text alone; without ``everything``, from every other paragraph of each section only
    (the first, the third, ...), as a smaller model that has learned less."""
    key = (language, topic, everything)
    model = _models.get(key)
    if model is None:
        with _lock:
            model = _models.get(key)
            if model is None:
                sections = [s if everything else replace(s, paragraphs=s.paragraphs[::2])
                            for s in load_sections() if s.language == language
                            and (s.topic == topic if topic else not s.verse)]
                if not sections:
                    raise ValueError(f"the practice model has no text in language {language!r} {topic}".strip())
                model = _models[key] = NgramModel(sections)
    return model


def attested_fraction(text: str, n: int = 4, language: str = "en") -> float:
    """The share of a text's n-grams of practice tokens that occur in the corpus: a measure of how
    closely an answer follows what the model learned (1.0: every run of n tokens is in the text)."""
    from .corpus import tokenize

    model = get_model(language)
    tokens = [model.token_id(t) for t in tokenize(text)]
    grams = [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
    if not grams:
        return 0.0
    found = 0
    for gram in grams:
        if -1 in gram:
            continue
        lo, hi = model.span(gram[:-1]) if n > 1 else (0, model.events)
        found += gram[-1] in model.following[lo:hi]
    return found / len(grams)


_sentences: dict[str, frozenset[str]] = {}


def whole_sentence_share(text: str, language: str = "en") -> float:
    """The share of a text's sentences that the practice model's text contains word for word: a measure
    of coherence (a model that keeps more context splices fewer sentences together)."""
    from .corpus import SENTENCE_ENDS, tokenize

    known = _sentences.get(language)
    if known is None:
        found: set[str] = set()
        for section in load_sections():
            if section.language == language:
                for paragraph in section.paragraphs:
                    found.update(_sentences_of(paragraph, SENTENCE_ENDS))
        known = _sentences[language] = frozenset(found)
    sentences = _sentences_of([t for t in tokenize(text) if t != LINE], SENTENCE_ENDS)
    return sum(s in known for s in sentences) / len(sentences) if sentences else 0.0


def _sentences_of(tokens, ends) -> list[str]:
    sentences, current = [], []
    for token in tokens:
        current.append(token)
        if token in ends:
            sentences.append(" ".join(current))
            current = []
    return sentences
