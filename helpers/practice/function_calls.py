"""The practice server's answers when a prompt offers functions: a call, a plain answer, or the result used.

- The question fits a function (its name, description, parameters; and the question holds what its
  required parameters need): the answer is a call in the format the prompt asked for, arguments
  taken from the question by name and type (enums, numbers, strings, booleans; optional ones only
  when the question gives them): ``[convert_currency(amount=250, from_currency="USD", to_currency="EUR")]``
  or ``{"name": "convert_currency", "parameters": {"amount": 250, ...}}``.
- No function fits: :func:`call_answer` says so, and the practice server answers the question in prose.
- The last assistant turn made a call and the next user turn carries its result (these models have
  no tool role): :func:`result_answer` states the result's values.

The 4B slips more than the 12B (:mod:`helpers.practice.model_slips`): words around the call, an
argument left out or of the wrong type, the call made again instead of using its result.
"""
from __future__ import annotations

import json
import random
import re

from .field_kinds import Field
from .field_values import candidates
from .function_prompts import Call, Function, FunctionPrompt, render_call
from .model_slips import Slips
from .text_source import Found, Source
from .value_lexicon import STOP, SYNONYMS, stem, words_of

__all__ = ["call_answer", "result_answer", "choose_function"]

#: A function fits when its score reaches this (two words of the question in its name or description,
#: or one and the values its required parameters need).
FIT = 2.0
#: A candidate at least this good is "given by the question" (an optional parameter is filled only then).
GIVEN = 1.0
_BEFORE = ("Sure! I'll call the function for that.\n\n", "To answer this I need to call a function:\n",
           "Let me look that up.\n")
_AFTER = ("\n\nThis will get the information you asked for.", "\n\nI will use the result to answer you.")


def choose_function(prompt: FunctionPrompt) -> tuple[Function | None, list[tuple[float, Function]]]:
    """The function that fits the question best (None when none fits), and every function's score."""
    scored = _scores(prompt.functions, prompt.question)
    if prompt.context and (not scored or scored[0][0] < FIT):  # a follow-up: read with the earlier question
        scored = _scores(prompt.functions, prompt.context + "\n" + prompt.question)
    best = scored[0] if scored else None
    return (best[1] if best and best[0] >= FIT else None), scored


def _scores(functions: list[Function], question: str) -> list[tuple[float, Function]]:
    src = Source(question)
    words = words_of(question)
    asked = {stem(w) for w in words if w not in STOP} | {stem(s) for w in words for s in SYNONYMS.get(w, ())}
    return sorted(((_fit(f, asked, src), f) for f in functions), key=lambda sf: -sf[0])


def _fit(function: Function, asked: set[str], src: Source) -> float:
    name = {stem(w) for w in re.split(r"[_\W]+|(?<=[a-z])(?=[A-Z])", function.name) if len(w) > 1}
    described = {stem(w) for w in words_of(function.description) if w not in STOP}
    params = {stem(w) for f in function.parameters for w in f.words}
    allowed = {stem(w) for f in function.parameters for e in f.enum for w in words_of(str(e))}
    score = 1.5 * len(asked & (name | allowed)) + 1.0 * len(asked & described - name) + 0.5 * len(asked & params - name)
    for f in function.parameters:
        best = candidates(f, src)
        if (not best or best[0].score < GIVEN) and f.kind in ("text", "message"):
            best = [c for c in [_leftover(src.text, function, [])] if c is not None] + best
        given = bool(best) and best[0].score >= GIVEN
        if f.required:
            score += 0.8 if given else -1.0
        elif given:
            score += 0.3
    return score


def arguments(function: Function, question: str, slips: Slips, rng: random.Random, context: str = "") -> dict:
    """The arguments taken from the question: required ones always (when it has a value), optional ones when
    given; a required one the question lacks is taken from ``context`` (an earlier question), if there."""
    src = Source(question)
    args, used = {}, []
    for f in sorted(function.parameters, key=lambda f: not f.required):
        found = [c for c in candidates(f, src) if c.start < 0 or not any(s < c.end and c.start < e for s, e in used)]
        if (not found or found[0].score < GIVEN) and f.required and f.kind in ("text", "message"):
            found = [c for c in [_leftover(question, function, used)] if c is not None] + found
        if not found and f.required and context:
            earlier = candidates(f, Source(context))
            if earlier:
                args[f.key] = _typed(earlier[0].value, f)
            continue
        if not found or (not f.required and found[0].score < GIVEN):
            continue
        chosen = found[1] if len(found) > 1 and found[1].score > 0 and rng.random() < slips.pick else found[0]
        if chosen.start >= 0:
            used.append((chosen.start, chosen.end))
        args[f.key] = _typed(chosen.value, f)
    return {f.key: args[f.key] for f in function.parameters if f.key in args}


_CUE_BEFORE = re.compile(r"\b(?:with|using|for|about|of|on|containing|called|named|word|term)\s+$", re.I)
_VERBS = frozenset("""find search look get show give tell need want like takes take make use using help mean does did
have has any some recipe recipes thing things""".split())


def _leftover(question: str, function: Function, used: list[tuple[int, int]]) -> Found | None:
    """What a question is about beyond its function's own words: a quoted phrase, else the content word
    after "with", "using", "for" (or the last one): ``search_recipes`` for "Any recipes using chickpeas?"."""
    src = Source(question)
    free = [q for q in src.quotes if not any(s < q[2] and q[1] < e for s, e in used)]
    if free:
        return Found(free[0][0], free[0][1], free[0][2], 1.5)
    own = {stem(w) for w in words_of(function.name.replace("_", " ") + " " + function.description)}
    words = [m for m in re.finditer(r"[A-Za-z][A-Za-z'-]{2,}", question)
             if m.group().lower() not in STOP and m.group().lower() not in _VERBS and stem(m.group()) not in own
             and not any(s < m.end() and m.start() < e for s, e in used)]
    if not words:
        return None
    cued = [m for m in words if _CUE_BEFORE.search(question[:m.start()])]
    chosen = (cued or words)[-1] if not cued else cued[0]
    return Found(chosen.group(), chosen.start(), chosen.end(), 1.0 if cued else 0.6)


def _typed(value, f: Field):
    if f.type == "integer" and isinstance(value, float) and value.is_integer():
        return int(value)
    if f.type == "string" and not isinstance(value, str):
        return str(value)
    return value


def call_answer(prompt: FunctionPrompt, slips: Slips, rng: random.Random) -> str | None:
    """The call the question asks for, as text with this answer's slips; None when no function fits."""
    function, scored = choose_function(prompt)
    if function is None:
        return None
    close = [f for s, f in scored[1:2] if s >= FIT and s >= 0.8 * scored[0][0]]
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
