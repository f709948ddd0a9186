"""The practice model: an n-gram word model over the kit's own text, with real next-token distributions.

It counts, for every context of up to four tokens in ``helpers/practice/corpus``, which token came
next. The probability of the next token mixes the longest context seen with shorter ones
(interpolation in the manner of Witten-Bell smoothing, down to a fixed tail of common tokens).
A request conditions the counts on its topic: the corpus sections the prompt picked count in
full, every other section only a little (the model's *background*), and the mix is taken over
these weighted counts, so a context that only other topics used gives way to shorter contexts of
the topic's own text. That is what keeps an answer on its subject. The chat models differ as a
small and a bigger model do: the 4B has learned from about half of the text and uses three tokens
of context; the 12B (and the 27B) learned from all of it, use four, lean less on the shorter
contexts and other topics and choose more confidently, so they follow what they learned further.

    model = get_model()                                        # built at first use, then cached
    conditioned = Conditioned(model, CONFIGS[LARGE_MODEL], model.uniform_weights())
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

from ...model_ids import DOC_EXAMPLE_MODEL, LARGE_MODEL, SMALL_MODEL
from .corpus import LINE, PARAGRAPH, SENTENCE_ENDS, Section, load_sections, subject_title

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
#: A context seen at most this often is counted event by event with the request's weights. A more
#: frequent one is counted once without weights (its commonest followers kept, at the background
#: weight), and then the request's favoured sections add their own events, found by binary search
#: in each section's events. This keeps every distribution to a few dozen operations.
DIRECT_LIMIT = 12
COMMON_FOLLOWERS = 32
FAVOURED_LIMIT = 6
#: Distributions one conditioned model keeps (each about 1.5 kB); past this, its cache starts again.
CACHE_ENTRIES = 2000
#: A favoured section weighing at least this (the best weighs 1) counts its paragraphs in the
#: answer's material: an answer opens no more paragraphs than its topic's text does.
MATERIAL_WEIGHT = 0.25
#: How many tokens make a paragraph's opening (an answer opens each paragraph differently).
OPENING = 3


@dataclass(frozen=True)
class ModelConfig:
    """How one chat model of the catalogue uses the shared counts."""

    order: int  # n of the n-gram: order - 1 tokens of context
    smoothing: float  # weight of shorter contexts: higher wanders more
    confidence: float  # logits are this times the log-probabilities: a trained model's sharper choices
    learned_all: bool  # False: learns from every other paragraph of each topic (a smaller model knows less)
    background: float  # the weight of a corpus section the prompt did not pick (a picked one weighs up to 1)
    others: float  # the share of what the whole text says next, mixed into every distribution of a topic
    min_tokens: int  # a paragraph break after this many answer tokens ends the answer
    max_tokens: int  # past this many, the next sentence end ends the answer
    max_paragraphs: int
    lists: bool  # writes "list the steps" answers as numbered lists
    steps: bool  # shows its working for clock arithmetic
    brief: int  # sentences of an answer to a question its text covers little or not at all


CONFIGS = {
    SMALL_MODEL: ModelConfig(order=4, smoothing=0.1, confidence=1.3, learned_all=False, background=1e-3,
                                        others=0.03, min_tokens=40, max_tokens=110, max_paragraphs=2, lists=False,
                                        steps=False, brief=2),
    LARGE_MODEL: ModelConfig(order=5, smoothing=0.04, confidence=1.4, learned_all=True, background=1e-4,
                                         others=0.01, min_tokens=80, max_tokens=200, max_paragraphs=3, lists=True,
                                         steps=True, brief=3),
    DOC_EXAMPLE_MODEL: ModelConfig(order=5, smoothing=0.02, confidence=1.7, learned_all=True, background=5e-5,
                                         others=0.005, min_tokens=110, max_tokens=240, max_paragraphs=3, lists=True,
                                         steps=True, brief=3),
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
        """Every section alike: the model of the whole text, with no topic."""
        return [1.0] * len(self.sections)


class Conditioned:
    """One chat model's next-token distributions for one request's topic weights, cached by context.

    ``weights[i]`` multiplies every count from corpus section i: the sections above the lowest
    weight (the background) are the topic, favoured. ``bonus`` maps the ids of tokens the
    conversation used to a logit bonus (the model "conditions on the conversation": its words come back).
    """

    def __init__(self, model: NgramModel, config: ModelConfig, weights: list[float],
                 bonus: dict[int, float] | None = None):
        self.model, self.config, self.weights, self.bonus = model, config, weights, bonus or {}
        self.background = min(weights)
        favoured = sorted(((i, w - self.background) for i, w in enumerate(weights) if w > self.background),
                          key=lambda item: -item[1])
        self.favoured = favoured[:FAVOURED_LIMIT]  # the topic: the sections that make the difference
        top = max(weights)
        material = [paragraph for i, _ in self.favoured if weights[i] >= MATERIAL_WEIGHT * top
                    for paragraph in model.sections[i].paragraphs]
        #: How the topic's paragraphs open (empty: no topic), and how many sentences they hold.
        self.openings = frozenset(tuple(model.ids[t] for t in p[:OPENING]) for p in material)
        self.sentences = sum(t in SENTENCE_ENDS for p in material for t in p)
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
        """The next token's probabilities (before the conversation bonus), and the probability left
        for the tail: ``(probabilities, tail)``; a tail token t has ``tail * model.tail_share[t]``
        more (on top of what the contexts give it).

        Every context length seen takes the share Witten-Bell gives it of what is left: ``seen /
        (seen + smoothing * types)``, where ``seen`` is the weighted number of events and ``types``
        the number of distinct followers. Where the topic used the context, a follower only other
        topics used counts as its small weight among the types; where the topic never used it,
        each counts in full, so that such a context passes most of its share down to the shorter
        contexts, where the topic's own text has a say. With a topic, a share (``others``) of what
        the whole text (no weights) says after the longest context seen joins in: the model knows
        its other topics a little. Too unlikely to matter at low temperatures, they are where a
        high temperature can go."""
        model, gamma = self.model, self.config.smoothing
        others = self.config.others if self.favoured else 0.0
        topic: dict[int, float] = {}
        whole: dict[int, float] = {}
        left = 1.0
        for length in range(len(context), 0, -1):
            if left <= 2 * TAIL_FLOOR:
                break  # the shorter contexts would add next to nothing: leave it to the tail
            lo, hi = model.span(context[len(context) - length:])
            if hi == lo:
                continue
            counts, types, raw = self._counts(lo, hi, others > 0 and not whole)
            left = _add_level(topic, counts, types, left, gamma)
            if raw:
                whole = raw
        left = _floor_tail(topic, left)
        if not whole:
            return topic, left
        mixed = {token: (1.0 - others) * p for token, p in topic.items()}
        scale = others / sum(whole.values())
        for token, count in whole.items():
            mixed[token] = mixed.get(token, 0.0) + scale * count
        return mixed, (1.0 - others) * left

    def _counts(self, lo: int, hi: int, whole: bool):
        """The weighted followers of the run lo:hi of sorted events and their number as Witten-Bell
        types; with ``whole``, the unweighted followers too (else None)."""
        model, weights, background = self.model, self.weights, self.background
        counts: dict[int, float] = {}
        raw: dict[int, float] = {}
        topical: set[int] = set()
        if hi - lo <= DIRECT_LIMIT:
            for token, section in zip(model.following[lo:hi], model.section_of[lo:hi]):
                weight = weights[section]
                counts[token] = counts.get(token, 0.0) + weight
                raw[token] = raw.get(token, 0.0) + 1.0
                if weight > background:
                    topical.add(token)
            kinds = len(counts)
        else:
            common, kinds = model.common(lo, hi)
            counts = {token: background * count for token, count in common}
            if whole:
                raw = dict(common)
            following, section_ranks = model.following, model.section_ranks
            for section, extra in self.favoured:
                ranks = section_ranks[section]
                for rank in ranks[bisect_left(ranks, lo):bisect_left(ranks, hi)]:
                    token = following[rank]
                    counts[token] = counts.get(token, 0.0) + extra
                    topical.add(token)
        others = max(0, kinds - len(topical))
        return counts, len(topical) + others * (background if topical else 1.0), raw if whole else None


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


def _add_level(probs: dict[int, float], counts: dict[int, float], types: float, left: float, gamma: float) -> float:
    """Add one context length's share of what is left to ``probs``; returns what is left after it."""
    seen = sum(counts.values())
    share = left * seen / (seen + gamma * types)
    scale = share / seen
    for token, count in counts.items():
        probs[token] = probs.get(token, 0.0) + count * scale
    return left - share


def _floor_tail(probs: dict[int, float], left: float) -> float:
    """Keep at least TAIL_FLOOR for the tail, taken from every token alike; returns the tail's share."""
    if left >= TAIL_FLOOR:
        return left
    keep = (1.0 - TAIL_FLOOR) / (1.0 - left)
    for token in probs:
        probs[token] *= keep
    return TAIL_FLOOR


_models: dict[tuple[str, str, bool], NgramModel] = {}
_lock = threading.Lock()


def get_model(language: str = "en", topic: str = "", everything: bool = True) -> NgramModel:
    """The practice model of one language ("en", "fr", "es", "de"), built on first use and kept.

    It learns from the language's prose; with ``topic`` (such as "poems", the verse), from that
    topic's text alone; without ``everything``, from every other paragraph of each subject only
    (the first, the third, ...; a section and its ", again" sibling are one subject), as a smaller
    model that has learned less."""
    key = (language, topic, everything)
    model = _models.get(key)
    if model is None:
        with _lock:
            model = _models.get(key)
            if model is None:
                sections = [s for s in load_sections() if s.language == language
                            and (s.topic == topic if topic else not s.verse)]
                if not everything:
                    sections = _every_other_paragraph(sections)
                if not sections:
                    raise ValueError(f"the practice model has no text in language {language!r} {topic}".strip())
                model = _models[key] = NgramModel(sections)
    return model


def _every_other_paragraph(sections: list[Section]) -> list[Section]:
    """The first, third, ... paragraph of each subject, counting on through a section's ", again" sibling."""
    seen: dict[tuple[str, str], int] = {}
    kept = []
    for section in sections:
        subject = (section.topic, subject_title(section.title))
        start = seen.get(subject, 0)
        seen[subject] = start + len(section.paragraphs)
        kept.append(replace(section, paragraphs=section.paragraphs[start % 2::2]))
    return kept


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
