"""Choosing what the practice model talks about, and whether its text covers the question at all.

A section scores for each of its keywords found in the text, and a little for each rarer word it
shares with the text (the rarer, the more). Earlier user turns count too, at half the weight per
turn back, so "Is it often foggy there?" after "Tell me about San Francisco" stays in San
Francisco. The sections scoring at least half the best (a section and its ", again" sibling
together) are the *topic*: the answer keeps to them. They weigh up to 1 (the best most), every
other section only the model's small background weight.

How well the text covers the question:

- *covered*: a keyword of the topic names the question ("How does a fridge work?");
- *partly*: words the corpus has never seen weigh at least as much as the keywords that matched
  ("a recipe for sourdough": the corpus knows sourdough, not recipes);
- *uncovered*: no keyword matches ("the rules of chess"): the answer then comes from the
  ``unknown`` corpus file, what the practice model says of a question its text does not cover.

    choice = choose_topic(model, config, [("Tell me about San Francisco", 1.0)])
    choice.weights, choice.bonus, choice.picked, choice.coverage
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .corpus import load_sections, subject_title, tokenize
from .language_model import FAVOURED_LIMIT, ModelConfig, NgramModel

#: Words that say nothing about a topic.
STOPWORDS = frozenset("""a an the and or but if of to in on at by for with about from into is are was were be been
being it its this that these those i you he she we they me my your our their what which who whom how why when
where do does did can could should would will shall may might must not no yes so than then there here tell
please give write explain describe show some any all very just also more most much many as up out over one two
three answer sentence sentences short brief me us let like make know think say said get use""".split())

KEYWORD_SCORE, TOPIC_KEYWORD_SCORE = 2.0, 0.5
#: How sharply the best section stands out from the rest of the topic (the exponent of their score ratio).
SHARPNESS = 3
#: Sections scoring at least this share of the best one make up the topic.
PICKED_SHARE = 0.5
#: A section of more paragraphs than this weighs less per paragraph, so that its size alone does not win.
BIG_SECTION = 2
#: The logit bonus of a word the conversation used, per unit of its rarity (log of sections / users).
BONUS_PER_RARITY = 0.5
#: The section that stands in when a message says nothing a topic could match ("Go on", "?").
FALLBACK = ("small talk", "What can you do")
#: The corpus file of what to say when the text does not cover a question; never matched by words.
UNKNOWN_TOPIC = "unknown"
COVERED, PARTLY, UNCOVERED = "covered", "partly", "uncovered"


def content_words(text: str) -> list[str]:
    """The lowercased words of a text that can say what it is about."""
    return [w for w in (t.lower() for t in tokenize(text[:4000])) if w[0].isalnum() and w not in STOPWORDS]


def _phrases(text: str) -> set[str]:
    words = [t.lower() for t in tokenize(text[:4000])]
    found = set()
    for n in (1, 2, 3, 4):
        found.update(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
    return found


_vocabularies: dict[str, tuple[frozenset[str], frozenset[str]]] = {}


def _vocabulary(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """Every word of a language's corpus, prose and verse: as written, and lowercased."""
    found = _vocabularies.get(language)
    if found is None:
        words = frozenset(t for s in load_sections() if s.language == language for p in s.paragraphs for t in p)
        found = _vocabularies[language] = (words, frozenset(w.lower() for w in words))
    return found


def _known(word: str, vocabulary: frozenset[str]) -> bool:
    stems = {word, word + "s", word + "es", word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-2] + "e",
             word[:-1] + "ing"}
    return any(stem in vocabulary for stem in stems if len(stem) > 2)


class TopicIndex:
    """Which sections use which words, built once per model."""

    def __init__(self, model: NgramModel):
        self.model = model
        users: dict[str, set[int]] = {}
        self.unknown = tuple(i for i, s in enumerate(model.sections) if s.topic == UNKNOWN_TOPIC)
        # Every chat model's index counts the whole text of its sections (the 4B's model learned half
        # of it), so that every model scores a prompt alike: they pick the same topic.
        whole = {(s.language, s.topic, s.title): s for s in load_sections()}
        for number, section in enumerate(model.sections):
            section = whole.get((section.language, section.topic, section.title), section)
            for paragraph in section.paragraphs if number not in self.unknown else ():
                for token in paragraph:
                    if token[0].isalnum():
                        users.setdefault(token.lower(), set()).add(number)
        total = len(model.sections)
        self.rarity = {w: math.log(total / len(s)) for w, s in users.items()}
        self.users = {w: tuple(sorted(s)) for w, s in users.items()}
        self.keywords: dict[str, list[tuple[int, float]]] = {}
        subjects: dict[tuple[str, str], int] = {}
        #: Each section's subject: a section and its ", again" sibling share one.
        self.subject = [subjects.setdefault((s.topic, subject_title(s.title)), len(subjects)) for s in model.sections]
        for number, section in enumerate(model.sections):
            if number in self.unknown:
                continue
            for keyword in section.keywords:
                self.keywords.setdefault(keyword, []).append((number, KEYWORD_SCORE))
            for keyword in section.topic_keywords:
                self.keywords.setdefault(keyword, []).append((number, TOPIC_KEYWORD_SCORE))

    def _keywords_in(self, text: str) -> list[str]:
        return [phrase for phrase in _phrases(text) if phrase in self.keywords]

    def rarity_of(self, phrase: str) -> float:
        """How rare a word (or the rarest word of a phrase) is across sections: log(sections / users)."""
        unseen = math.log(len(self.model.sections))
        return max(self.rarity.get(w, unseen) for w in phrase.split())

    def scores(self, text: str) -> list[float]:
        """How well each section matches one text: the squared rarity of every term they share,
        doubled for a section's own keywords (so "Alcatraz" outweighs "San Francisco")."""
        return self.score(text)[0]

    def score(self, text: str) -> tuple[list[float], list[float]]:
        """Each section's score (as :meth:`scores`) and the part of it its own keywords earned (not
        its file's: those, such as "how do" or "city", name a kind of question, not a subject)."""
        result = [0.0] * len(self.model.sections)
        keyed = [0.0] * len(self.model.sections)
        for phrase in self._keywords_in(text):
            rarity = self.rarity_of(phrase) ** 2
            for number, score in self.keywords[phrase]:
                result[number] += score * rarity
                if score == KEYWORD_SCORE:
                    keyed[number] += score * rarity
        for word in set(content_words(text)):
            for number in self.users.get(word, ()):
                result[number] += self.rarity[word] ** 2
        return result, keyed

    def unknown_weight(self, text: str, language: str) -> float:
        """How much of a text the corpus has never seen: the squared rarity of an unseen word, per such word."""
        vocabulary = _vocabulary(language)[1]
        unseen = math.log(len(self.model.sections)) ** 2
        words = {w for w in content_words(text) if len(w) > 2 and w.replace("'", "").isalpha()}
        return unseen * sum(not _known(w, vocabulary) for w in words)


_indexes: dict[int, TopicIndex] = {}


def _index(model: NgramModel) -> TopicIndex:
    index = _indexes.get(id(model))
    if index is None or index.model is not model:
        index = _indexes[id(model)] = TopicIndex(model)
    return index


@dataclass
class TopicChoice:
    """What an answer is about: section weights, the words to favour, and how well the text covers it."""

    weights: list[float]
    bonus: dict[int, float] = field(default_factory=dict)
    picked: tuple[int, ...] = ()  # the topic's sections, best first
    coverage: str = COVERED
    subject: str = ""  # for a question covered in part: the subject it names, as a sentence would name it


def choose_topic(model: NgramModel, config: ModelConfig, texts: list[tuple[str, float]],
                 judge: bool = True) -> TopicChoice:
    """The topic of a conversation and a logit bonus for the words it used, the rarer the more.

    ``texts`` pairs each text with how much it counts: the last user message 1.0 (it comes first),
    older ones less, a hint from the answer's lead 1.0. With ``judge`` (English prose), how well
    the text covers the question is judged too, on the whole text (so every chat model judges
    alike); without it (verse, pictures, other languages) the question counts as covered."""
    index = _index(model)
    own = [(text, share) for text, share in texts if share >= 1.0]
    total, keyed, words = _scores(index, own)
    if not any(keyed):  # the message names no subject of its own: the conversation's earlier turns have a say
        total = _scores(index, texts)[0]
    picked, coverage, subject = _pick(model, index, total), COVERED, ""
    if judge and texts:
        coverage, found = _coverage(index, texts)
        if coverage == UNCOVERED:
            picked = index.unknown or picked
        elif coverage == PARTLY:  # the answer keeps to the one subject the question named
            picked = tuple(n for n, s in enumerate(model.sections) if index.subject[n] == index.subject[found])
            subject = _named(subject_title(model.sections[found].title), model.sections[found].language)
    weights = _weights(model, config, index, total, picked)
    rarity = index.rarity_of
    bonus = {i: BONUS_PER_RARITY * rarity(w) for w in words for i in model.by_lower.get(w, ())}
    return TopicChoice(weights, bonus, picked, coverage, subject)


def _scores(index: TopicIndex, texts: list[tuple[str, float]]) -> tuple[list[float], list[float], set[str]]:
    """Each section's score over the texts (at their shares), the part keywords earned in the texts
    that count fully, and those texts' content words."""
    total, keyed = [0.0] * len(index.model.sections), [0.0] * len(index.model.sections)
    words: set[str] = set()
    for text, share in texts:
        scores, keys = index.score(text)
        total = [t + share * s for t, s in zip(total, scores)]
        if share >= 1.0:
            keyed = [k + key for k, key in zip(keyed, keys)]
            words.update(content_words(text))
    return total, keyed, words


def _pick(model: NgramModel, index: TopicIndex, total: list[float]) -> tuple[int, ...]:
    """The topic's sections, best first: those whose subject scores at least PICKED_SHARE of the best."""
    best_of: dict[int, float] = {}
    for number, score in enumerate(total):
        subject = index.subject[number]
        best_of[subject] = max(best_of.get(subject, 0.0), score)
    best = max(best_of.values(), default=0.0)
    if best <= 0:
        return tuple(i for i, s in enumerate(model.sections) if (s.topic, s.title) == FALLBACK)
    ranked = sorted((number for number in range(len(total)) if best_of[index.subject[number]] >= PICKED_SHARE * best),
                    key=lambda number: (-best_of[index.subject[number]], index.subject[number]))
    return tuple(ranked[:FAVOURED_LIMIT])


def _coverage(index: TopicIndex, texts: list[tuple[str, float]]) -> tuple[str, int]:
    """How well the text covers the question, and the section whose subject matches it best.

    The message's own words judge (the texts that count fully): a section keyword names a subject
    the text covers, in part when words it never saw weigh as much. A message that names no
    subject and no unknown word is covered when the conversation before it had a topic (a follow-up
    such as "Tell me more"), or when it has nothing to say about (a "?")."""
    model = index.model
    total, keyed, words = _scores(index, [(text, share) for text, share in texts if share >= 1.0])
    best = max(range(len(total)), key=lambda n: (keyed[n], total[n]))
    matched = max(k for n, k in enumerate(keyed) if index.subject[n] == index.subject[best]) / KEYWORD_SCORE
    unknown = index.unknown_weight(texts[0][0], model.sections[best].language)
    if matched <= 0:
        earlier = _scores(index, texts)[0]
        best = max(range(len(earlier)), key=earlier.__getitem__)
        followed = len(texts) > 1 and earlier[best] > 0 and not unknown
        coverage = COVERED if followed or not (words or unknown) else UNCOVERED
    else:
        coverage = PARTLY if unknown >= matched else COVERED
    return coverage, best


def _named(title: str, language: str) -> str:
    """A subject title inside a sentence: "Car engines" becomes "car engines"; "Canberra" and
    "Ferry Building" stay as they are."""
    first = title.split()[0]
    common = first.lower() in _vocabulary(language)[0] and title[len(first):] == title[len(first):].lower()
    return first.lower() + title[len(first):] if common else title


def _weights(model: NgramModel, config: ModelConfig, index: TopicIndex, total: list[float],
             picked: tuple[int, ...]) -> list[float]:
    """1 for the best section of the topic, less for the others in it, the background for the rest."""
    if not picked:
        return model.uniform_weights()
    subject_best: dict[int, float] = {}
    for number in picked:
        subject = index.subject[number]
        subject_best[subject] = max(subject_best.get(subject, 0.0), total[number])
    best = max(subject_best.values())
    raw = {n: ((subject_best[index.subject[n]] / best) ** SHARPNESS if best > 0 else 1.0)
           * min(1.0, BIG_SECTION / max(1, len(model.sections[n].paragraphs))) for n in picked}
    top = max(raw.values())
    weights = [config.background] * len(model.sections)
    for number, weight in raw.items():
        weights[number] = max(config.background * 2, weight / top)
    return weights


def best_topic(model: NgramModel, text: str) -> str:
    """The title of the section that matches a text best (for tests and for the lessons' prompts)."""
    scores = _index(model).scores(text)
    best = max(range(len(scores)), key=scores.__getitem__)
    return f"{model.sections[best].topic}: {model.sections[best].title}" if scores[best] > 0 else "none"
