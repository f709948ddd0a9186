"""Writing one answer: a forced lead (facts the kit computes), then tokens sampled from the practice model.

The generator keeps the state a chat model keeps while it writes: the context, the tokens so far
(for the penalties), how many sentences and paragraphs it has written, and when to stop. Its rules
are deterministic functions of the tokens so far, so the only randomness is the sampler's draw:
with ``top_k=1`` an answer is the temperature-0 answer, whatever the temperature.

    pieces, finish_reason = generate(plan, SamplerSettings(temperature=0.7), random.Random(1), limit=300)
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from .corpus import LINE, PARAGRAPH, SENTENCE_ENDS, separator, split_pieces, tokenize
from .language_model import MAX_CONTEXT, OPENING, Conditioned
from .sampler import History, SamplerSettings, sample

#: Past this many tokens in one sentence, sentence ends get likelier with every token (a real model
#: rarely writes endless sentences); in an answer with a sentence limit, past the smaller number.
LONG_SENTENCE, LONG_SENTENCE_BRIEF = 24, 14
#: A list with no count asked for ends after this many items.
DEFAULT_LIST_ITEMS = 5
#: An answer never repeats a run of (model order + this) tokens, as Hugging Face's
#: ``no_repeat_ngram_size`` would have it: it stands in for what a trained model learns (not to
#: loop), which counts alone do not give. Sampling knobs still act on everything else.
NO_REPEAT_EXTRA = 1


@dataclass
class Plan:
    """What one answer will be, decided from the conversation before any sampling."""

    conditioned: Conditioned  # the model, its configuration and the request's topic weights
    lead: str = ""  # forced text the answer starts with ("" for none)
    prose: bool = True  # whether sampled text follows the lead
    joiner: str = " "  # between the lead and the sampled text: " " or "\n\n"
    sentence_limit: int | None = None  # stop after this many sentences (the lead's included)
    list_items: int | None = None  # None: prose; 0: a numbered list of any length; n: of n items
    verse: bool = False  # a poem: line breaks kept, the answer ends with its paragraph


class Generator:
    """One answer being written, token by token (see the module docstring)."""

    def __init__(self, plan: Plan, limit: int):
        self.plan, self.limit = plan, limit
        self.model = plan.conditioned.model
        self.config = plan.conditioned.config
        self.pieces: list[str] = []
        self.history = History()
        self.finish: str | None = None
        self.previous: str | None = None
        self.context = list(self.model.start_context())
        self.at_paragraph_start = True
        self.opening: tuple[int, ...] = ()  # the first tokens of the paragraph being written
        self.openings: set[tuple[int, ...]] = set()  # how earlier paragraphs opened
        self.sentence_tokens = self.prose_tokens = self.items = 0
        self.paragraphs = 1
        self.trail: tuple[int, ...] = ()
        self.grams: dict[tuple[int, ...], set[int]] = {}
        self.repeat_span = self.config.order + NO_REPEAT_EXTRA - 1
        self.sentences = sum(t in SENTENCE_ENDS for t in tokenize(plan.lead))
        for piece in split_pieces(plan.lead):
            self._emit(piece, piece.strip())
        enough = plan.sentence_limit is not None and self.sentences >= plan.sentence_limit
        if self.finish is None and (not plan.prose or enough):
            self.finish = "stop"
        elif self.finish is None and plan.lead and plan.joiner.strip(" ") == "\n\n":
            self._emit(PARAGRAPH, PARAGRAPH)
        if plan.list_items is not None and self.finish is None and plan.lead:
            self._next_item()

    # -- what the model offers next

    def candidates(self) -> tuple[list[int], list[float]]:
        """The next token's candidates and logits: the model's, with this answer's rules applied."""
        ids, logits = self.plan.conditioned.next(tuple(self.context))
        ids, logits = self._open_anew(ids, logits)
        for token in self._banned():
            if token in ids and len(ids) > 1:
                at = ids.index(token)
                ids, logits = ids[:at] + ids[at + 1:], logits[:at] + logits[at + 1:]
        limit = LONG_SENTENCE_BRIEF if self.plan.sentence_limit else LONG_SENTENCE
        push = 0.35 * (self.sentence_tokens - limit)
        if push > 0:  # a long sentence: its end gets likelier with every token
            words = self.model.words
            pairs = sorted(((x + push if words[t] in SENTENCE_ENDS else x, t) for t, x in zip(ids, logits)),
                           key=lambda pair: -pair[0])
            ids, logits = [t for _, t in pairs], [x for x, _ in pairs]
        return ids, logits

    def _open_anew(self, ids, logits):
        """After the first paragraph, a paragraph opens as one of the topic's paragraphs not yet opened
        (when the model offers one): a new paragraph takes up a new part of the topic."""
        at, openings = len(self.opening), self.plan.conditioned.openings
        if self.paragraphs < 2 or at >= OPENING or not openings:
            return ids, logits
        allowed = {o[at] for o in openings - self.openings if o[:at] == self.opening}
        kept = [(t, x) for t, x in zip(ids, logits) if t in allowed]
        if not kept:
            return ids, logits
        return [t for t, _ in kept], [x for _, x in kept]

    def _banned(self) -> set[int]:
        banned = set(self.grams.get(self.trail, ()))
        if not self.plan.verse:
            banned.add(1)  # line breaks belong to verse
        if self.at_paragraph_start:
            banned |= {0, 1}  # no empty paragraph
        if len(self.opening) == OPENING - 1:
            banned |= {o[-1] for o in self.openings if o[:-1] == self.opening}
        return banned

    # -- taking a token

    def accept(self, token: int) -> None:
        """Add one sampled token to the answer and update the state; may set ``finish``."""
        if len(self.trail) == self.repeat_span:
            self.grams.setdefault(self.trail, set()).add(token)
        self.trail = (self.trail + (token,))[-self.repeat_span:]
        if token == 0:
            if self._paragraph_ends_answer():
                self.finish = "stop"
                return
            if self.plan.sentence_limit is None and self.plan.list_items is None:
                self._emit(PARAGRAPH, PARAGRAPH, token)
                self.paragraphs += 1
            # else the sentences (or list items) asked for go on in the same paragraph, afresh
            self.context = list(self.model.start_context())
            self.at_paragraph_start, self.sentence_tokens, self.opening = True, 0, ()
            return
        self.at_paragraph_start = False
        if len(self.opening) < OPENING:
            self.opening += (token,)
            if len(self.opening) == OPENING:
                self.openings.add(self.opening)
        text = self.model.words[token]
        self._emit(separator(self.previous, text) + text, text, token)
        self.context = self.context[1 - MAX_CONTEXT:] + [token]
        self.prose_tokens += 1
        self.sentence_tokens += 1
        if text in SENTENCE_ENDS and self.finish is None:
            self._sentence_end()

    def force(self, text: str) -> None:
        """Add a token of the caller's choosing (to look at the distribution after a given start)."""
        token = self.model.token_id(text)
        if token >= 0:
            self.accept(token)
            return
        self.at_paragraph_start = False  # a word the corpus never used: no context of it was seen
        self._emit(separator(self.previous, text) + text, text, -1)
        self.context = self.context[1 - MAX_CONTEXT:] + [-1]
        self.prose_tokens += 1
        self.sentence_tokens += 1

    def _paragraph_ends_answer(self) -> bool:
        plan = self.plan
        if plan.verse:
            return True
        if plan.sentence_limit is not None:
            return self.sentences >= plan.sentence_limit
        if plan.list_items is not None:  # an item's text ends the list only once the last item has begun
            return self.items >= (plan.list_items or DEFAULT_LIST_ITEMS) and self.sentence_tokens > 0
        config, openings = self.config, self.plan.conditioned.openings
        if openings and openings <= self.openings:
            return True  # the topic is said: every paragraph of its text has opened one of the answer's
        return self.prose_tokens >= config.min_tokens or (self.paragraphs >= config.max_paragraphs
                                                           and self.prose_tokens >= config.min_tokens // 2)

    def _sentence_end(self) -> None:
        self.sentences += 1
        self.sentence_tokens = 0
        plan = self.plan
        if plan.sentence_limit and self.sentences >= plan.sentence_limit:
            self.finish = "stop"
        elif plan.list_items is not None:
            wanted = plan.list_items or DEFAULT_LIST_ITEMS
            if self.items >= wanted:
                self.finish = "stop"
            else:
                self._next_item()
        elif self.prose_tokens >= self.config.max_tokens:
            self.finish = "stop"

    def _next_item(self) -> None:
        self.items += 1
        for piece in (LINE, str(self.items), "."):
            if self.finish is None:
                self._emit(piece, piece)

    def _emit(self, piece: str, text: str, token: int | None = None) -> None:
        if self.finish is not None:
            return
        self.pieces.append(piece)
        self.previous = text
        token = self.model.token_id(text) if token is None else token
        if token >= 0:
            self.history.accept(token)
        if len(self.pieces) >= self.limit:
            self.finish = "length"


def generate(plan: Plan, settings: SamplerSettings, rng: random.Random, limit: int) -> tuple[list[str], str]:
    """The pieces of one answer and its finish reason ("stop" or "length", at ``limit`` pieces)."""
    writer = Generator(plan, limit)
    for _ in range(4 * limit + 64):  # a bound on steps, not only on pieces: nothing can loop for ever
        if writer.finish is not None:
            break
        ids, logits = writer.candidates()
        writer.accept(sample(ids, logits, settings, writer.history.counts, rng))
    return writer.pieces, writer.finish or "length"
