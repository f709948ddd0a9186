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
from .topics import content_words

#: Past this many tokens in one sentence, sentence ends get likelier with every token (a real model
#: rarely writes endless sentences); in an answer asked to be brief, past the smaller number.
LONG_SENTENCE, LONG_SENTENCE_BRIEF = 24, 14
#: Each time the likeliest next token would repeat a run the answer already wrote, the sentence's
#: end gets this much likelier (added to its logits): a sentence that has run out of new words ends.
STUCK_PUSH = 2.0
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
    terse: bool = False  # the conversation asked for few sentences: long ones are cut shorter
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
        self.sentence_tokens = self.prose_tokens = self.items = self.stuck = 0
        self.paragraphs, self.restarts = 1, 0  # restarts: the times the text began afresh after the first
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
        self.restated = _Restated(self) if plan.prose and plan.lead and self.finish is None else None

    # -- what the model offers next

    def candidates(self) -> tuple[list[int], list[float]]:
        """The next token's candidates and logits: the model's, with this answer's rules applied."""
        ids, logits = self.plan.conditioned.next(tuple(self.context))
        ids, logits = self._open_anew(ids, logits)
        banned = self._banned()
        if self.sentence_tokens == 0 and not self.at_paragraph_start and ids[0] in banned and not self.plan.verse:
            return [0], [logits[0]]  # the next sentence would repeat one: the paragraph is said
        if ids[0] in banned and self.sentence_tokens:
            self.stuck += 1  # what the model would say next it has said: time to end the sentence
        for token in banned:
            if token in ids and len(ids) > 1:
                at = ids.index(token)
                ids, logits = ids[:at] + ids[at + 1:], logits[:at] + logits[at + 1:]
        limit = LONG_SENTENCE_BRIEF if self.plan.terse else LONG_SENTENCE
        push = 0.35 * (self.sentence_tokens - limit) + STUCK_PUSH * self.stuck
        if push > 0:  # a long sentence, or one that has run out of words: its end gets likelier
            words = self.model.words
            pairs = sorted(((x + push if words[t] in SENTENCE_ENDS else x, t) for t, x in zip(ids, logits)),
                           key=lambda pair: -pair[0])
            ids, logits = [t for _, t in pairs], [x for x, _ in pairs]
        return ids, logits

    def _open_anew(self, ids, logits):
        """After the first paragraph (or fresh start), text opens as one of the topic's paragraphs not
        yet opened (when the model offers one): a new paragraph takes up a new part of the topic."""
        at, openings = len(self.opening), self.plan.conditioned.openings
        if not self.restarts or at >= OPENING or not openings:
            return ids, logits
        allowed = {o[at] for o in openings - self.openings if o[:at] == self.opening}
        kept = [(t, x) for t, x in zip(ids, logits) if t in allowed]
        if not kept:
            return ids, logits
        return [t for t, _ in kept], [x for _, x in kept]

    def _banned(self) -> set[int]:
        banned = set(self.grams.get(self.trail, ())) - {0}  # ending a paragraph again is no repeat
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
            elif self._topic_said():  # sentences or items asked for, and nothing fresh left to say
                self._drop_empty_item()
                self.finish = "stop"
                return
            # else the sentences (or list items) asked for go on in the same paragraph, afresh
            self.context = list(self.model.start_context())
            self.at_paragraph_start, self.sentence_tokens, self.opening, self.stuck = True, 0, (), 0
            self.restarts += 1
            return
        self.at_paragraph_start = False
        if len(self.opening) < OPENING:
            self.opening += (token,)
            if len(self.opening) == OPENING:
                self.openings.add(self.opening)
        text = self.model.words[token]
        if self.restated is not None and self.sentence_tokens == 0:
            self.restated.mark(self)
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
            return self.items >= self._items_wanted() and self.sentence_tokens > 0
        if self._topic_said():
            return True
        config = self.config
        return self.prose_tokens >= config.min_tokens or (self.paragraphs >= config.max_paragraphs
                                                           and self.prose_tokens >= config.min_tokens // 2)

    def _topic_said(self) -> bool:
        """Whether every paragraph of the topic's text has opened one of the answer's: nothing fresh is left."""
        openings = self.plan.conditioned.openings
        return bool(openings) and openings <= self.openings

    def _drop_empty_item(self) -> None:
        """Take back the number of a list item that gets no text (the list ends before it)."""
        marker = [LINE, str(self.items), "."]
        if self.plan.list_items is not None and self.sentence_tokens == 0 and self.pieces[-3:] == marker:
            del self.pieces[-3:]
            self.items -= 1

    def _sentence_end(self) -> None:
        if self.restated is not None and self.restated.left_out(self):
            return
        self.sentences += 1
        self.sentence_tokens = self.stuck = 0
        plan = self.plan
        if plan.sentence_limit and self.sentences >= plan.sentence_limit:
            self.finish = "stop"
        elif plan.list_items is not None:
            if self.items >= self._items_wanted():
                self.finish = "stop"
            else:
                self._next_item()
        elif self.prose_tokens >= self.config.max_tokens:
            self.finish = "stop"

    def _items_wanted(self) -> int:
        """The items asked for; without a number, DEFAULT_LIST_ITEMS at most, and no more than the
        topic's text has sentences (each item is one)."""
        if self.plan.list_items:
            return self.plan.list_items
        return max(2, min(DEFAULT_LIST_ITEMS, self.plan.conditioned.sentences or DEFAULT_LIST_ITEMS))

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


class _Restated:
    """Where the sampled sentence being written begins, to leave it out if it only restates the lead:
    every word of it that says something is in the lead ("Canberra is the capital of Australia."
    after "The capital of Australia is Canberra."). The model has still written it, so what
    follows follows from it."""

    def __init__(self, writer: Generator):
        self.words = frozenset(content_words(writer.plan.lead))
        self.mark(writer)

    def mark(self, writer: Generator) -> None:
        """A sentence begins here."""
        self.at, self.previous, self.sentences = len(writer.pieces), writer.previous, writer.sentences

    def left_out(self, writer: Generator) -> bool:
        """Whether the sentence just written restates the lead; if so, it is taken out of the answer."""
        said = set(content_words("".join(writer.pieces[self.at:])))
        if not said or not said <= self.words:
            return False
        del writer.pieces[self.at:]
        writer.previous, writer.sentences, writer.sentence_tokens = self.previous, self.sentences, 0
        return True


def generate(plan: Plan, settings: SamplerSettings, rng: random.Random, limit: int) -> tuple[list[str], str]:
    """The pieces of one answer and its finish reason ("stop" or "length", at ``limit`` pieces)."""
    writer = Generator(plan, limit)
    for _ in range(4 * limit + 64):  # a bound on steps, not only on pieces: nothing can loop for ever
        if writer.finish is not None:
            break
        ids, logits = writer.candidates()
        writer.accept(sample(ids, logits, settings, writer.history.counts, rng))
    return writer.pieces, writer.finish or "length"
