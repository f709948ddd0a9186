"""Choosing what the practice model talks about: corpus sections weighted by how well they match the conversation.

A section scores for each of its keywords found in the text, and a little for each rarer word it
shares with the text (the rarer, the more). The best section then weighs ``focus`` times more than
the others; sections that match less weigh in between. Earlier user turns count too, at half the
weight per turn back, so "Is it often foggy there?" after "Tell me about San Francisco" stays in
San Francisco.

    weights, bonus = topic_weights(model, config, [("Tell me about San Francisco", 1.0)])
"""
from __future__ import annotations

import math

from .corpus import tokenize
from .language_model import BASE_WEIGHT, ModelConfig, NgramModel

#: Words that say nothing about a topic.
STOPWORDS = frozenset("""a an the and or but if of to in on at by for with about from into is are was were be been
being it its this that these those i you he she we they me my your our their what which who whom how why when
where do does did can could should would will shall may might must not no yes so than then there here tell
please give write explain describe show some any all very just also more most much many as up out over one two
three answer sentence sentences short brief me us let like make know think say said get use""".split())

KEYWORD_SCORE, TOPIC_KEYWORD_SCORE = 2.0, 0.5
#: How sharply the best section stands out from the next best (the exponent of their score ratio).
SHARPNESS = 3
#: A section of more paragraphs than this weighs less per paragraph, so that its size alone does not win.
BIG_SECTION = 4
#: The logit bonus of a word the conversation used, per unit of its rarity (log of sections / users).
BONUS_PER_RARITY = 0.5
#: Sections of these topics stand in when nothing matches (a greeting, or a question the corpus does not cover).
FALLBACK_TOPICS = ("small talk", "models")


def content_words(text: str) -> list[str]:
    """The lowercased words of a text that can say what it is about."""
    return [w for w in (t.lower() for t in tokenize(text[:4000])) if w[0].isalnum() and w not in STOPWORDS]


def _phrases(text: str) -> set[str]:
    words = [t.lower() for t in tokenize(text[:4000])]
    found = set()
    for n in (1, 2, 3, 4):
        found.update(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
    return found


class TopicIndex:
    """Which sections use which words, built once per model."""

    def __init__(self, model: NgramModel):
        self.model = model
        users: dict[str, set[int]] = {}
        for number, section in enumerate(model.sections):
            for paragraph in section.paragraphs:
                for token in paragraph:
                    if token[0].isalnum():
                        users.setdefault(token.lower(), set()).add(number)
        total = len(model.sections)
        self.rarity = {w: math.log(total / len(s)) for w, s in users.items()}
        self.users = {w: tuple(sorted(s)) for w, s in users.items()}
        self.keywords: dict[str, list[tuple[int, float]]] = {}
        for number, section in enumerate(model.sections):
            for keyword in section.keywords:
                self.keywords.setdefault(keyword, []).append((number, KEYWORD_SCORE))
            for keyword in section.topic_keywords:
                self.keywords.setdefault(keyword, []).append((number, TOPIC_KEYWORD_SCORE))

    def rarity_of(self, phrase: str) -> float:
        """How rare a word (or the rarest word of a phrase) is across sections: log(sections / users)."""
        unseen = math.log(len(self.model.sections))
        return max(self.rarity.get(w, unseen) for w in phrase.split())

    def scores(self, text: str) -> list[float]:
        """How well each section matches one text: the squared rarity of every term they share,
        doubled for a section's own keywords (so "Alcatraz" outweighs "San Francisco")."""
        result = [0.0] * len(self.model.sections)
        for phrase in _phrases(text).intersection(self.keywords):
            rarity = self.rarity_of(phrase) ** 2
            for number, score in self.keywords[phrase]:
                result[number] += score * rarity
        for word in set(content_words(text)):
            for number in self.users.get(word, ()):
                result[number] += self.rarity[word] ** 2
        return result


_indexes: dict[int, TopicIndex] = {}


def _index(model: NgramModel) -> TopicIndex:
    index = _indexes.get(id(model))
    if index is None or index.model is not model:
        index = _indexes[id(model)] = TopicIndex(model)
    return index


def topic_weights(model: NgramModel, config: ModelConfig,
                  texts: list[tuple[str, float]]) -> tuple[list[float], dict[int, float]]:
    """Section weights for a conversation, and a logit bonus for the words it used, the rarer the more.

    ``texts`` pairs each text with how much it counts: the last user message 1.0, older ones less.
    """
    index = _index(model)
    total = [0.0] * len(model.sections)
    words: set[str] = set()
    for text, share in texts:
        for number, score in enumerate(index.scores(text)):
            total[number] += share * score
        if share >= 1.0:
            words.update(content_words(text))
    best = max(total)
    if best <= 0:
        fallback = [s.topic in FALLBACK_TOPICS for s in model.sections]
        total, best = [1.0 if f or not any(fallback) else 0.0 for f in fallback], 1.0
    weights = [(BASE_WEIGHT + config.focus * (score / best) ** SHARPNESS) * min(1.0, BIG_SECTION / len(s.paragraphs))
               for score, s in zip(total, model.sections)]
    rarity = index.rarity_of
    bonus = {i: BONUS_PER_RARITY * rarity(w) for w in words for i in model.by_lower.get(w, ())}
    return weights, bonus


def best_topic(model: NgramModel, text: str) -> str:
    """The title of the section that matches a text best (for tests and for the lessons' prompts)."""
    scores = _index(model).scores(text)
    best = max(range(len(scores)), key=scores.__getitem__)
    return f"{model.sections[best].topic}: {model.sections[best].title}" if scores[best] > 0 else "none"

