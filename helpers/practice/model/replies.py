"""What the practice server says: answers sampled from the practice model, led by facts it computes.

Every answer is written token by token by the kit's small n-gram model
(:mod:`helpers.practice.model.language_model`), sampled with the request's own knobs
(:mod:`helpers.practice.model.sampler`: temperature, top_k, top_p, min_p, top_a, the three penalties,
seed), and cut by ``stop`` and ``max_tokens``. What the kit can know for sure comes first and is
never sampled: arithmetic and clock times, facts about attached images and PDFs, what the
conversation told it (a name, a number), text to repeat verbatim, a few capitals and phrases.
The sampled text keeps to the topic the conversation picked (:mod:`helpers.practice.model.topics`),
and a question the kit's text does not cover gets a short answer that says so.

Which kind of answer a message gets is decided in one place, :func:`_lead` (first match wins),
then, for prose, by how well the text covers the question (:func:`plan_reply`).

    reply = make_reply("google/gemma-3-4b-it", [{"role": "user", "content": "Hi"}], {"seed": 1})
    reply.text, reply.finish_reason, reply.prompt_tokens, reply.completion_tokens
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from ...model_ids import SMALL_MODEL
from .attachments import attachment_tokens, describe_attachments
from .catalogue import OUTPUT_MAX
from .corpus import split_pieces
from .facts import (capital, find_arithmetic, find_clock_sum, introduction, noted, recall, summary, translation,
                    verbatim)
from .generation import Plan, generate
from .language_model import CONFIGS, Conditioned, ModelConfig, get_model
from .sampler import SamplerSettings
from .skills.skill_answers import skill_answer
from .topics import COVERED, UNCOVERED, TopicChoice, choose_topic, content_words

__all__ = ["SIMULATED_MARKER", "Reply", "make_reply", "plan_reply", "count_prompt_tokens", "split_pieces",
           "TOKEN_PATTERN"]

#: Every simulated answer starts with this, so nobody mistakes it for Gemma.
SIMULATED_MARKER = "[Simulated by the practice server] "

#: One prompt "token" of the practice server: a word or a single punctuation mark.
TOKEN_PATTERN = re.compile(r"\w+|[^\w\s]")


@dataclass
class Reply:
    """One answer, already cut by ``max_tokens`` and ``stop``: its pieces are the tokens it streams."""

    pieces: list[str]
    finish_reason: str  # "stop" or "length"
    prompt_tokens: int

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    @property
    def completion_tokens(self) -> int:
        return len(self.pieces)


def count_prompt_tokens(messages: list[dict]) -> int:
    """Prompt tokens: words and punctuation of every text, plus a flat cost per image or PDF page."""
    total = 0
    for message in messages:
        content = message.get("content")
        if isinstance(content, str):
            total += _count_tokens(content)
            continue
        for part in content or []:
            if part.get("type") == "text":
                total += _count_tokens(part.get("text", ""))
            elif part.get("type") in ("image_url", "file"):
                total += attachment_tokens(part)
    return total


def _count_tokens(text: str) -> int:
    return sum(1 for _ in TOKEN_PATTERN.finditer(text))  # no list: a prompt may be megabytes long


def make_reply(model: str, messages: list[dict], params: dict[str, Any]) -> Reply:
    """The answer to a validated request: planned, sampled, then cut by max_tokens and stop."""
    seed = params.get("seed")
    rng = random.Random(seed) if seed is not None else random.Random()
    limit = params.get("max_completion_tokens", params.get("max_tokens"))
    limit = OUTPUT_MAX if limit is None else max(1, min(int(limit), OUTPUT_MAX))
    skilled = skill_answer(model, messages, params)  # JSON, a function call, a result used, a label
    if skilled.text is not None:
        pieces = split_pieces(skilled.text)
        pieces, finish = (pieces[:limit], "length") if len(pieces) > limit else (pieces, "stop")
    else:
        plan = plan_reply(model, skilled.messages)
        pieces, finish = generate(plan, SamplerSettings.from_request(params), rng, limit)
    stops = params.get("stop")
    stops = [stops] if isinstance(stops, str) else [s for s in stops or [] if s]
    text = "".join(pieces)
    cut_at = min((i for i in (text.find(s) for s in stops if s) if i >= 0), default=-1)
    if cut_at >= 0:  # the answer was written as if no stop applied; a stop string ends it there
        pieces, finish = _cut_pieces(pieces, cut_at), "stop"
    return Reply(pieces, finish, count_prompt_tokens(messages))


def _cut_pieces(pieces: list[str], at: int) -> list[str]:
    """The pieces covering the first ``at`` characters (the last one possibly shortened)."""
    kept, used = [], 0
    for piece in pieces:
        if used >= at:
            break
        kept.append(piece[: at - used])
        used += len(piece)
    return [p for p in kept if p]


# --------------------------------------------------------------------------- reading the conversation

@dataclass
class Conversation:
    """What the answer needs to know about the messages."""

    prompt: str  # the text of the last user message
    instructions: str  # the start of the first and the last user message, lowercased: "be brief" lives there
    earlier_users: list[str]  # the user messages before the last one, oldest first
    earlier: str  # the previous message's text (something to summarise)
    attachments: list[str]  # one sentence of facts per image or file of the last user message

    @classmethod
    def read(cls, messages: list[dict]) -> "Conversation":
        users = [m for m in messages if m.get("role") == "user"]
        texts = [_text_of(m.get("content")) for m in messages]
        last = users[-1] if users else {"content": ""}
        prompt = _text_of(last.get("content"))
        first = _text_of(users[0].get("content")) if users else ""
        instructions = (first[:5000] + "\n" + prompt[:5000]).lower()
        return cls(prompt, instructions, [_text_of(m.get("content"))[:20_000] for m in users[:-1]],
                   texts[-2] if len(texts) >= 2 else "", describe_attachments(last.get("content")))

    def topic_texts(self, hint: str) -> list[tuple[str, float]]:
        """The texts that choose the topic, each with its share: the latest user turn counts most."""
        texts = [(self.prompt[:4000], 1.0)]
        texts += [(text[:2000], 0.5 ** (age + 1)) for age, text in enumerate(reversed(self.earlier_users[-4:]))]
        return texts + ([(hint, 1.0)] if hint else [])


def _text_of(content: Any) -> str:
    if isinstance(content, list):
        content = "\n".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    if not isinstance(content, str):
        return ""
    # an earlier simulated answer sent back as history: its marker is not part of what was said
    return content.replace(SIMULATED_MARKER, "")


# --------------------------------------------------------------------------- the lead: what is known for sure

@dataclass
class Lead:
    """The forced start of an answer and what it implies for the rest."""

    text: str = ""
    short: str = ""  # the one-word answer, when there is one
    prose: bool = True  # sampled text may follow
    joiner: str = " "
    hint: str = ""  # extra words for choosing the topic
    verse: bool = False
    sentences: int | None = None  # the answer's length in sentences (the lead's included), when the kind sets one


_IDENTITY = re.compile(r"\b(who are you|what are you|which model|what model|are you (?:gemma|real|an? ai|human))\b",
                       re.I)
_POEM = re.compile(r"\b(haiku|poem|verse)\b", re.I)
_ABOUT = re.compile(r"\b(?:about|on|regarding)\s+([^?.!,;:\n]{2,60})", re.I)
_ATTACHMENTS_NOTE = ("Beyond these facts the practice server cannot see what an attachment shows; "
                     "the real model reads the content itself.")


def _lead(convo: Conversation, config: ModelConfig) -> Lead:
    """What the answer starts with, from the last user message (first match wins)."""
    prompt = convo.prompt[:20_000]  # what matters lives near the start; a pasted book need not be scanned
    repeated = verbatim(prompt)
    if repeated is not None:
        return Lead(repeated, short=repeated, prose=False)
    if convo.attachments:
        count = len(convo.attachments)
        text = (f"You sent {count} attachment{'s' if count != 1 else ''}.\n" + "\n".join(convo.attachments)
                + "\n" + _ATTACHMENTS_NOTE)
        return Lead(text, short="Picture." if "Image" in text else "Document.", joiner="\n\n", hint="picture")
    remembered = recall(prompt, convo.earlier_users)
    if remembered:
        return Lead(remembered, short=remembered.split()[-1], hint="hello")
    greeting = introduction(prompt) or noted(prompt)
    if greeting:
        return Lead(greeting, short=greeting.split()[-1], hint="hello")
    if _IDENTITY.search(prompt):
        return Lead("I am the practice model of this kit, not Gemma: a small word model running on your computer.",
                    short="Practice.", hint="practice model")
    return _computed_lead(convo, config, prompt)


def _computed_lead(convo: Conversation, config: ModelConfig, prompt: str) -> Lead:
    trip = find_clock_sum(prompt)
    if trip:
        asked_steps = re.search(r"\b(explain|steps?|show|how)\b", prompt, re.I)
        text = trip.steps() if config.steps else trip.compact() if asked_steps else trip.brief()
        return Lead(text, short=trip.brief().split(" at ")[-1], hint="clock times",
                    joiner="\n\n" if config.steps else " ")
    arithmetic = find_arithmetic(prompt)
    if arithmetic:
        expr, value = arithmetic
        return Lead(f"{expr} = {value}.", short=value.split(" ")[0], hint="arithmetic")
    asked = capital(prompt)
    if asked:
        country, city = asked
        if city is None:
            return Lead(f"The practice server does not know the capital of {country}.", short="Unknown.",
                        hint=country)
        return Lead(f"The capital of {country} is {city}.", short=f"{city}.", hint=city)
    fixed = translation(prompt) or summary(convo.prompt, convo.earlier)
    if fixed:
        return Lead(fixed, short=fixed.split("\u201d")[-2].split("\u201c")[-1] if "\u201c" in fixed else "",
                    prose=False)
    if _POEM.search(prompt):
        about = _ABOUT.search(prompt)
        subject = about.group(1).strip() if about else "the sea"
        kind = "haiku" if "haiku" in prompt.lower() else "short poem"
        return Lead(f"Here is a {kind} about {subject}:", short=subject.split()[-1].capitalize() + ".",
                    joiner="\n\n", hint=subject, verse=True)
    return Lead()


# --------------------------------------------------------------------------- questions the text does not cover

_SUBJECT_FORMS = (
    (re.compile(r"^(?:what|who)(?:'s| is| are| was| were) (.+)$", re.I), r"\1"),
    (re.compile(r"^(?:(?:can|could|would|will) you )?(?:please )?(?:tell me|teach me|talk|explain|describe|give me|"
                r"show me|recommend|suggest)(?: about)? (.+)$", re.I), r"\1"),
    (re.compile(r"^how (?:do|can|should|would|could) (?:i|you|we|one) (.+)$", re.I), r"how to \1"),
)
_PERSON = {"my": "your", "i": "you", "me": "you", "mine": "yours", "am": "are", "myself": "yourself"}


def question_subject(prompt: str) -> str:
    """What a question is about, as the end of "knows little about ...": "What are the rules of chess?"
    gives "the rules of chess"; a question of another shape is quoted ("this question: how ...?")."""
    first = re.split(r"(?<=[?.!])\s|\n", prompt.strip()[:400])[0].strip()
    first = first.rsplit(":", 1)[-1].strip() if len(first.rsplit(":", 1)[-1].split()) > 2 else first
    asked = first.rstrip("?.!").strip()
    subject = next((m.expand(form) for pattern, form in _SUBJECT_FORMS for m in [pattern.match(asked)] if m), None)
    if subject is None:
        shown = first[:1].lower() + first[1:] if first[1:2].islower() else first
        subject = f"this question: {shown}" if first.endswith("?") else "that"
    subject = re.sub(r"\b(my|i|me|mine|am|myself)\b", lambda m: _PERSON[m.group(1).lower()], subject, flags=re.I)
    return subject if 0 < len(subject) <= 100 else "this question"


def _little_known(lead: Lead, topic: TopicChoice, prompt: str, config: ModelConfig) -> Lead:
    """The answer to a question the text covers in part (what it has, briefly) or not at all (saying so)."""
    if lead.text:  # a fact is known for sure (a capital, a sum): it stands alone rather than lead to other topics
        return Lead(lead.text, short=lead.short, prose=False, joiner=lead.joiner)
    subject = question_subject(prompt)
    end = "" if subject.endswith("?") else "."
    if topic.coverage == UNCOVERED:
        return Lead(f"The practice model knows little about {subject}{end}", short="Unknown.", sentences=config.brief)
    return Lead(f"The practice model knows little about {subject}{end} Here is what its text says about "
                f"{topic.subject}.", short=topic.subject[:1].upper() + topic.subject[1:] + ".",
                sentences=config.brief + 1)


# --------------------------------------------------------------------------- the shape: instructions

_ONE_WORD = re.compile(r"\b(one|1|single)[ -]word\b")
_BRIEF = re.compile(r"\b(be brief|briefly|keep it short|short answer|be concise|concisely|tl;?dr)\b")
_SENTENCES = re.compile(r"\b(?:in |with |using )?(one|two|three|four|five|[1-5]) (?:short )?(?:sentences?|lines?)\b")
_LANGUAGE = re.compile(r"\b(?:reply|answer|respond|write|speak)\s+(?:only\s+)?in (french|spanish|german)\b")
_LIST = re.compile(r"\b(steps?|list|tips|ways|reasons|ideas|points|bullets?|names|examples)\b")
_COUNTED = re.compile(r"\b(two|three|four|five|six|seven|[2-7])\s+(?:\w+\s+)?(?!sentences|lines)\w+s\b")
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
LANGUAGE_CODES = {"french": "fr", "spanish": "es", "german": "de"}
FOREIGN_LEADS = {
    "fr": "Voici une réponse simulée, en français, du serveur d'entraînement.",
    "es": "Aquí tienes una respuesta simulada, en español, del servidor de práctica.",
    "de": "Hier ist eine simulierte Antwort, auf Deutsch, vom Übungsserver.",
}


def _number(word: str) -> int:
    return _NUMBERS.get(word) or int(word)


def _shape(plan: Plan, lead: Lead, convo: Conversation, config: ModelConfig) -> None:
    """Apply the instructions: one word, a language, a number of sentences, a numbered list."""
    asks = convo.instructions
    if _ONE_WORD.search(asks):
        words = [w for w in content_words(convo.prompt) if w.isalpha()]
        plan.lead = lead.short or (max(words, key=len).capitalize() + "." if words else "Hello.")
        plan.prose = False
        return
    if _LANGUAGE.search(asks):
        plan.lead, plan.joiner, plan.prose = FOREIGN_LEADS[LANGUAGE_CODES[_LANGUAGE.search(asks).group(1)]], " ", True
    counted = _SENTENCES.search(asks)
    if counted:
        plan.sentence_limit, plan.terse = _number(counted.group(1)), True
    elif _BRIEF.search(asks):
        plan.sentence_limit, plan.terse = 2 if config.lists else 1, True
    low = convo.prompt.lower()
    if config.lists and plan.prose and not plan.lead and not plan.sentence_limit and (_LIST.search(low)
                                                                                      or _COUNTED.search(low)):
        many = _COUNTED.search(low)
        plan.list_items = _number(many.group(1)) if many else 0
        plan.lead = list_intro(convo.prompt)


_LIST_NOUN = re.compile(r"\b(?:(the|some|a few)\s+)?(?:(two|three|four|five|six|seven|[2-7])\s+)?"
                        r"((?:(?!me\b|us\b|you\b|them\b)[a-z-]+\s+)?"
                        r"(?:steps|tips|ways|reasons|ideas|points|names|examples|things|facts)\b)"
                        r"([^.?!:;\n]{0,60})", re.I)


def list_intro(prompt: str) -> str:
    """The line a numbered list opens with: "List three tips for an email" gives "Here are three tips for an email:"."""
    found = _LIST_NOUN.search(prompt[:2000]) or _COUNTED.search(prompt[:2000])
    if found is None:
        return "Here is a list:"
    if found.re is _COUNTED:
        what, rest = found.group(0), prompt[found.end():found.end() + 60]
        rest = re.split(r"[.?!:;\n]", rest)[0]
    else:
        article, count, noun, rest = found.groups()
        what = f"{count or (article or 'some').lower()} {noun.lower()}"
    rest = re.sub(r"\b(my|i|me|mine|am|myself)\b", lambda m: _PERSON[m.group(1).lower()], rest.rstrip(), flags=re.I)
    return f"Here are {what}{rest}:"


# --------------------------------------------------------------------------- the plan

#: Conditioned models kept for later requests alike (the same prompt again, as lessons send).
CONDITIONED_KEPT = 8
_conditioned: dict[tuple, tuple[Conditioned, TopicChoice]] = {}


def _conditioning(model_id: str, language: str, config: ModelConfig, texts: list[tuple[str, float]],
                  only: str = "") -> tuple[Conditioned, TopicChoice]:
    """The model conditioned on this conversation's topic, shared by requests that condition alike.

    ``only`` (a topic such as "poems") uses a model of that topic's text alone; coverage is judged
    for English prose only."""
    model = get_model(language, only, config.learned_all)
    topic = choose_topic(model, config, texts, judge=language == "en" and not only)
    key = (model_id, language, only, tuple(round(w, 4) for w in topic.weights), tuple(sorted(topic.bonus.items())))
    found = _conditioned.get(key)
    if found is None:
        if len(_conditioned) >= CONDITIONED_KEPT:
            _conditioned.clear()  # bounded: each one holds a cache of distributions
        found = _conditioned[key] = (Conditioned(model, config, topic.weights, topic.bonus), topic)
    return found


def plan_reply(model: str, messages: list[dict]) -> Plan:
    """Everything about an answer that does not depend on sampling: lead, topic, length and shape."""
    convo = Conversation.read(messages)
    config = CONFIGS.get(model, CONFIGS[SMALL_MODEL])
    language = _LANGUAGE.search(convo.instructions)
    language = LANGUAGE_CODES[language.group(1)] if language else "en"
    lead = _lead(convo, config)  # the kind of answer: a fact, a repeat, verse, attachments, ... or prose
    texts = convo.topic_texts(lead.hint) if language == "en" else [(convo.prompt[:4000], 1.0)]
    only = "poems" if lead.verse else "pictures" if convo.attachments and language == "en" else ""
    conditioned, topic = _conditioning(model, language, config, texts, only)
    if topic.coverage != COVERED and lead.prose:
        lead = _little_known(lead, topic, convo.prompt, config)  # a question the text covers little or not at all
    plan = Plan(conditioned, lead.text, lead.prose, lead.joiner, verse=lead.verse, sentence_limit=lead.sentences)
    _shape(plan, lead, convo, config)
    return plan
