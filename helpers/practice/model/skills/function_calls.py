"""The practice server's answers when a prompt offers functions: a call, a plain answer, or the result used.

- The question fits a function (its name, description, parameters; and the question holds what its
  required parameters need): the answer is a call in the format the prompt asked for, arguments
  taken from the question by name and type (enums, numbers, strings, booleans; optional ones only
  when the question gives them): ``[convert_currency(amount=250, from_currency="USD", to_currency="EUR")]``
  or ``{"name": "convert_currency", "parameters": {"amount": 250, ...}}``.
- No function fits: :func:`call_answer` says so, and the practice server answers the question in prose.
- The last assistant turn made a call and the next user turn carries its result (these models have
  no tool role): :func:`result_answer` states the result's values.

The 4B slips more than the 12B (:mod:`helpers.practice.model.skills.model_slips`): words around the call, an
argument left out or of the wrong type, the call made again instead of using its result.
"""
from __future__ import annotations

import json
import random
import re

from .field_kinds import Field
from .field_values import assign, candidates, order_pairs
from .function_prompts import Call, Function, FunctionPrompt, render_call
from .model_slips import Slips
from .text_source import Found, Source
from .key_lexicon import singular
from .value_lexicon import STOP, SYNONYMS, stem, words_of

__all__ = ["call_answer", "result_answer", "choose_function"]

#: A function fits when its score reaches this (two words of the question in its name or description,
#: or one and the values its required parameters need).
FIT = 2.0
#: A runner-up within this much of the best candidate is one a model may take by mistake.
CONFUSABLE = 2.0
#: A candidate at least this good is "given by the question" (an optional parameter is filled only then).
GIVEN = 1.0
_BEFORE = ("Sure! I'll call the function for that.\n\n", "To answer this I need to call a function:\n",
           "Let me look that up.\n")
_AFTER = ("\n\nThis will get the information you asked for.", "\n\nI will use the result to answer you.")


def choose_function(prompt: FunctionPrompt) -> tuple[Function | None, list[tuple[float, Function]]]:
    """The function that fits the question best (None when none fits), and every function's score."""
    scored = _scores(prompt.functions, prompt.question)
    if prompt.context and (not scored or not _fits(scored[0])):  # a follow-up: read with the earlier question
        scored = _scores(prompt.functions, prompt.context + "\n" + prompt.question)
    best = scored[0] if scored else None
    fits = best is not None and (_fits(best) and (best[0] >= 2 * FIT or _asking(prompt.question))
                                 or _clearly_best(scored, prompt.question))  # a statement lacking a value asks nothing
    return (best[1] if fits else None), [(s[0], s[1]) for s in scored]


#: A function whose required values the question holds, this far ahead of the others, fits on that alone.
CLEAR = 1.3
MARGIN = 0.8


def _clearly_best(scored, question: str) -> bool:
    """The question asks for something and holds every required value of one function and clearly not of the
    others ("Send 12 red tulips to 5 Beech Grove" for ``order_flowers``): a model takes that function though no
    word is shared. A statement ("My grandma lives at 5 Beech Grove") asks for nothing."""
    score, _, _, complete = scored[0]
    return complete and score >= CLEAR and (len(scored) == 1 or score - scored[1][0] >= MARGIN) and bool(
        _asking(question))


_OPENERS = {"my", "the", "this", "that", "it", "i", "we", "our", "he", "she", "they", "there", "a", "an", "his",
            "her", "their", "its", "yesterday", "today"}


def _asking(question: str) -> bool:
    """A question or a request: a question mark, "please", "I'd like", "can you", or an imperative first word
    ("Send ...", "Book ..."), not a statement ("My grandma lives at ...")."""
    if "?" in question or re.search(r"\b(?:please|i'?d like|i want|i need|can you|could you|would you)\b", question,
                                    re.I):
        return True
    for part in re.split(r"[.!;,\n]|\s[-\u2013\u2014]\s", question):  # "... stolen - block it now!"
        first = re.match(r"\s*([A-Za-z']+)", part)
        if first and first.group(1).lower() not in _OPENERS:
            return True
    return False


def _fits(scored) -> bool:
    """A function fits when the question shares its words and holds every required value, or scores high."""
    score, _, lexical, complete = scored
    return score >= FIT or lexical >= 1.0 and complete


def _scores(functions: list[Function], question: str) -> list[tuple[float, Function]]:
    words = words_of(question)
    asked = {stem(w) for w in words if w not in STOP} | {stem(s) for w in words for s in SYNONYMS.get(w, ())}
    found = []
    for f in functions:
        score, lexical, complete = _fit(f, asked, question)
        found.append((score, f, lexical, complete))
    return sorted(found, key=lambda sf: -sf[0])


def _fit(function: Function, asked: set[str], question: str) -> tuple[float, float, bool]:
    """How well a function fits: the question's words in its name, enum values, description and parameter
    names; and whether the question holds what its required parameters need."""
    name = {stem(w) for w in re.split(r"[_\W]+|(?<=[a-z])(?=[A-Z])", function.name) if len(w) > 1}
    described = {stem(w) for w in words_of(function.description) if w not in STOP}
    params = {stem(w) for f in function.parameters for w in f.words}
    allowed = {stem(w) for f in function.parameters for e in f.enum for w in words_of(str(e))}
    lexical = 1.5 * len(asked & (name | allowed)) + 1.0 * len(asked & described - name) + 0.5 * len(
        asked & params - name)
    lexical += 1.0 * len(_partly(asked - name - described, name)) + 0.4 * len(_partly(asked - params, params - name))
    ranked, _ = _ranked(function, question)
    # a value its parameter's own words or units label, or of a shape only it takes ("holiday.jpg" for a file)
    lexical += 0.5 * sum(1 for f in function.parameters if ranked[f.key] and ranked[f.key][0].score >= 3.0
                         and f.kind in _SHAPED)
    score, complete = lexical, True
    for f in function.parameters:
        best = ranked[f.key][0].score if ranked[f.key] else -9.0
        if f.required:
            score += 0.8 if best >= 0.8 else -1.0
            complete = complete and best >= 0.5
        elif best >= GIVEN:
            score += 0.3
    return score, lexical, complete


#: Kinds whose value has a shape of its own, or a unit: a question holding one points to the function taking it.
_SHAPED = {"file", "url", "email", "phone", "number", "count"}


def _partly(asked: set[str], words: set[str]) -> set[str]:
    """The asked stems that begin a longer word of the function or are begun by one ("showing" and
    ``showtimes``, "citizens" and ``citizenship``): the same word family, compounded or derived."""
    return {a for a in asked if len(a) >= 4 and any(w != a and min(len(w), len(a)) >= 4 and (
        w.startswith(a) or a.startswith(w)) for w in words)}


#: Kinds of parameter a question may fill with its own words ("recipes using chickpeas", "a plant that has ...").
_FREE = {"text", "product", "title", "summary", "count", "message"}


def _ranked(function: Function, question: str) -> tuple[dict[str, list[Found]], Source]:
    """Each parameter's candidates in the question, best first (pairs put in order)."""
    src = Source(question)
    ranked = {}
    own = {stem(w) for w in words_of(function.name.replace("_", " ") + " " + function.description)}
    for f in function.parameters:
        found = candidates(f, src)
        if f.kind in _FREE:
            left = _leftover(question, function, f)
            found += [left] if left is not None else []
            found += _modifier(question, f) + _counted_kind(question, function, f)
            for c in found:  # "the shopping list" is what add_to_shopping_list is about, not the item
                words = words_of(str(c.value)) if isinstance(c.value, str) else []
                if words and all(stem(w) in own or w in STOP for w in words):
                    c.score -= 1.5
            found = sorted(found, key=lambda c: -c.score)
        ranked[f.key] = found
    order_pairs(function.parameters, ranked, src)
    return ranked, src


def _modifier(question: str, f: Field) -> list[Found]:
    """The words before the parameter's own noun: "Scale my lasagne recipe" gives ``recipe`` "lasagne"."""
    head = f.words[-1] if f.words else ""
    if len(head) < 3:
        return []
    m = re.search(rf"\b(?:my|the|a|an|our|this|that|your)\s+([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+{re.escape(head)}s?\b",
                  question, re.I)
    if m and not any(w in STOP for w in m.group(1).split()):
        return [Found(m.group(1), m.start(1), m.end(1), 2.0)]
    return []


def _counted_kind(question: str, function: Function, f: Field) -> list[Found]:
    """The words between a number and the function's thing: "six poppy seed bagels" for ``order_bagels``'s
    flavour is "poppy seed"."""
    subject = {stem(singular(w)) for w in words_of(function.name.replace("_", " ")) if len(w) > 2}
    for m in re.finditer(r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a dozen)\s+"
                         r"((?:[a-z][a-z-]+\s+){1,3})([a-z]+)\b", question, re.I):
        if stem(singular(m.group(2).lower())) in subject:
            words = m.group(1).split()
            if not any(w.lower() in STOP for w in words):
                text = " ".join(words)
                return [Found(text, m.start(1), m.start(1) + len(text), 2.1)]
    return []


def arguments(function: Function, question: str, slips: Slips, rng: random.Random, context: str = "") -> dict:
    """The arguments taken from the question: required ones always (when it has a value), optional ones when
    given; a required one the question lacks is taken from ``context`` (an earlier question), if there."""
    ranked, _ = _ranked(function, question)
    for f in function.parameters:
        if not f.required:  # an optional date is not "today": the function's default covers it
            ranked[f.key] = [c for c in ranked[f.key] if c.score >= GIVEN and not (
                isinstance(c.value, str) and c.value.lower() in _RELATIVE_DAYS)]

    def pick(f, found):
        return found[1] if _confusable(found) and rng.random() < slips.pick else found[0]

    values = assign(function.parameters, ranked, pick)
    args = {}
    for f in function.parameters:
        value = values[f.key]
        if value is None and f.required and context:
            earlier = candidates(f, Source(context))
            value = earlier[0].value if earlier else None
        if value is not None:
            args[f.key] = _typed(value, f)
    return args


_RELATIVE_DAYS = {"today", "tonight", "now", "this evening", "this morning"}  # "tomorrow" is no default


def _confusable(found: list[Found]) -> bool:
    """Whether the runner-up is a value a model could take instead: another value, nearly as well supported."""
    return len(found) > 1 and found[1].score > 0 and str(found[1].value) != str(found[0].value) and \
        found[1].score >= found[0].score - CONFUSABLE


_CUE_BEFORE = re.compile(r"\b(?:with|using|for|about|of|on|containing|called|named|titled|word|term|has|have|"
                         r"like|featuring|by|bring|carry|take|pack|do|does|did|say|saying)\s+(?:the\s+|a\s+|an\s+|some\s+|my\s+)?$",
                         re.I)
_VERBS = frozenset("""find search look get show give tell need want like takes take make use using help mean does did
have has any some recipe recipes thing things what which who whose today tomorrow tonight now soon later please thanks
allowed fed""".split())


def _leftover(question: str, function: Function, f: Field) -> Found | None:
    """What a question is about beyond its function's own words: a quoted phrase; else, after a cue word
    ("with", "using", "has"), the clause (for a description) or the word (for an ingredient, a title);
    else the last content word: ``search_recipes`` for "Any recipes using chickpeas?"."""
    src = Source(question)
    if src.quotes:
        q = src.quotes[0]
        return Found(q[0], q[1], q[2], 2.2)
    own = {stem(w) for w in words_of(function.name.replace("_", " ") + " " + function.description)}
    own |= {stem(w) for p in function.parameters for w in p.words}  # "team" is another argument's word
    words = [m for m in re.finditer(r"(?<![\w-])[A-Za-z][A-Za-z'-]{2,}(?![\w])", question)
             if m.group().lower() not in STOP and m.group().lower() not in _VERBS and stem(m.group()) not in own]
    if not words:
        return None
    cued = [m for m in words if _CUE_BEFORE.search(question[:m.start()])]
    if cued and f.kind in ("summary", "text", "message"):
        end = re.search(r"[.?!;\n]|$", question[cued[0].start():])
        clause = question[cued[0].start():cued[0].start() + end.start()].strip()
        return Found(clause, cued[0].start(), cued[0].start() + len(clause), 1.8)
    chosen = cued[0] if cued else words[-1]
    if cued:  # "bring cured ham into": the words up to a preposition or the end
        words = [chosen.group()]
        for w in re.match(r"((?:[ \t]+[A-Za-z'-]+){0,2})", question[chosen.end():]).group(1).split():
            if not w.islower() or w in STOP or w in _VERBS or w.endswith("s") and len(words) > 1:
                break  # "tofu, vegan please": a comma ends it (the match stops at punctuation)
            words.append(w)
        text = " ".join(words)
        return Found(text, chosen.start(), chosen.start() + len(text), 1.6)
    return Found(chosen.group(), chosen.start(), chosen.end(), 0.6)


def _typed(value, f: Field):
    if f.type == "integer" and isinstance(value, float) and value.is_integer():
        return int(value)
    if f.type in ("number", "integer") and isinstance(value, str) and re.fullmatch(r"-?\d+(?:\.\d+)?", value):
        return float(value) if "." in value else int(value)
    if f.type == "string" and not isinstance(value, str):
        return str(value)
    return value


def call_answer(prompt: FunctionPrompt, slips: Slips, rng: random.Random) -> str | None:
    """The call the question asks for, as text with this answer's slips; None when no function fits."""
    function, scored = choose_function(prompt)
    if function is None:
        return None
    close = [f for s, f in scored[1:2] if s >= FIT and s >= 0.8 * scored[0][0]]  # a 4B may take the runner-up
    if close and rng.random() < slips.pick:
        function = close[0]
    args = arguments(function, prompt.question, slips, rng, prompt.context)
    if args and rng.random() < slips.drop_arg:
        args.pop(rng.choice(list(args)))
    typed = [k for k, v in args.items() if isinstance(v, (int, float, bool))]
    if typed and rng.random() < slips.wrong_type:
        key = rng.choice(typed)
        args[key] = json.dumps(args[key])
    text = render_call(Call(function.name, args), prompt.format)
    return _wrap(text, prompt, slips, rng)


def _wrap(text: str, prompt: FunctionPrompt, slips: Slips, rng: random.Random) -> str:
    if prompt.fence:
        text = f"```{prompt.fence}\n{text}\n```"
    elif rng.random() < slips.fence * 0.3:
        text = f"```{'json' if prompt.format == 'json' else 'python'}\n{text}\n```"
    if rng.random() < slips.prose:
        text = rng.choice(_BEFORE) + text if rng.random() < 0.6 else text + rng.choice(_AFTER)
    return text


# --------------------------------------------------------------------------- using a result

def result_answer(call: Call, result_text: str, fmt: str, slips: Slips, rng: random.Random) -> str:
    """An answer that states the result sent back for ``call`` (or, slipping, makes the call again)."""
    if rng.random() < slips.recall:
        return render_call(call, fmt)
    value = _result_value(result_text)
    if isinstance(value, dict) and value:
        items = list(value.items())
        if len(items) > 1 and rng.random() < slips.drop_value:
            items.pop(rng.randrange(len(items)))
        said = _join([f"the {_words(k)} is {_said(v)}" for k, v in items])
    else:
        said = f"the result is {_said(value)}"
    return f"According to {call.name}, {said}."


def _result_value(text: str):
    from .prompt_reading import json_blocks

    blocks = json_blocks(text)
    if blocks:
        return blocks[0].value
    quoted = re.search(r"[\"\u201c]([^\"\u201d]{1,500})[\"\u201d]", text)
    if quoted:
        return quoted.group(1)
    after = re.split(r":\s*", text.strip(), maxsplit=1)
    value = after[-1].strip().strip("`").strip()
    try:
        return json.loads(value)
    except ValueError:
        return value


def _words(key: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(key)).replace("_", " ").lower()


def _said(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return _join([_said(v) for v in value]) or "none"
    if isinstance(value, dict):
        return ", ".join(f"{_words(k)} {_said(v)}" for k, v in value.items())
    return "none" if value is None else str(value)


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1] if parts else ""
