"""Which skill a conversation asks of the practice server: a function call, a result used, JSON, or a label.

:func:`skill_answer` looks at the messages before any prose is planned:

1. a user turn lists functions (JSON definitions, as Google documents for Gemma): the answer is a
   call (:mod:`helpers.practice.function_calls`); when the last assistant turn made a call, the
   last user turn carries its result and the answer states it; when no function fits, the
   question alone is answered in prose;
2. the last user turn asks for JSON: the object asked for (:mod:`helpers.practice.json_answers`);
   a follow-up that asks to fix it (a repair loop sends the validation error back) answers the
   earlier request again, with fewer slips;
3. the last user turn asks to classify a text into listed labels: one label
   (:mod:`helpers.practice.label_answers`);
4. anything else: prose, as before.

    answer = skill_answer("google/gemma-3-12b-it", messages, {"seed": 1})
    answer.text         # the whole answer, or None: write prose for answer.messages
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .function_calls import call_answer, result_answer
from .function_prompts import find_call, read_function_prompt
from .json_answers import write_json
from .json_shapes import read_json_request
from .label_answers import read_label_request, write_label
from .model_slips import dice, reading_for, slips_for

__all__ = ["SkillAnswer", "skill_answer"]

#: How many user turns back a function list or a JSON request is looked for.
LOOK_BACK = 6
_REPAIR = re.compile(r"\b(fix|invalid|error|errors|failed|fails|validation|missing|wrong|again|correct|retry|"
                     r"not valid|could not parse|couldn't parse)\b", re.I)


@dataclass
class SkillAnswer:
    """What a skill made of the conversation: the whole answer, or the messages to answer in prose."""

    text: str | None
    messages: list[dict]


def skill_answer(model: str, messages: list[dict], params: dict) -> SkillAnswer:
    """The answer a skill writes for these messages (see the module docstring)."""
    turns = [(m.get("role"), _text(m.get("content"))) for m in messages]
    users = [i for i, (role, _) in enumerate(turns) if role == "user"]
    if not users:
        return SkillAnswer(None, messages)
    last = turns[users[-1]][1]
    slips, rng = slips_for(model, params.get("temperature")), dice(model, last, params)
    called = _function_answer(turns, users, slips, rng)
    if called is not None:
        return called if called.messages else SkillAnswer(called.text, messages)
    request, repair = _json_request(turns, users)
    if request is not None:
        slips = slips.scaled(0.3) if repair else slips
        return SkillAnswer(write_json(request, slips, rng, reading_for(model)), messages)
    labels = read_label_request(last)
    if labels is not None:
        return SkillAnswer(write_label(*labels, slips, rng, reading_for(model)), messages)
    return SkillAnswer(None, messages)


def _function_answer(turns, users, slips, rng) -> SkillAnswer | None:
    for at in reversed(users[-LOOK_BACK:]):
        prompt = read_function_prompt(turns[at][1])
        if prompt is not None:
            break
    else:
        return None
    names = {f.name for f in prompt.functions}
    assistants = [i for i, (role, _) in enumerate(turns) if role == "assistant" and i > at]
    if assistants and assistants[-1] < users[-1]:
        call = find_call(turns[assistants[-1]][1], names)
        if call is not None:  # the last user turn carries the call's result
            return SkillAnswer(result_answer(call, turns[users[-1]][1], prompt.format, slips, rng), [])
    if at != users[-1]:  # a new question in a conversation that listed functions earlier
        prompt.context, prompt.question = prompt.question, turns[users[-1]][1]
    text = call_answer(prompt, slips, rng)
    if text is None:
        return SkillAnswer(None, [{"role": "user", "content": prompt.question}])
    return SkillAnswer(text, [])


def _json_request(turns, users):
    """The JSON request to answer, and whether this turn asks to repair an earlier answer.

    A turn that reports a problem ("not valid JSON", a validation error, "fix it") after an earlier
    request for JSON repeats that request, whatever the error text quotes."""
    last = turns[users[-1]][1]
    if len(users) > 1 and _REPAIR.search(last[:4000]):
        for at in reversed(users[-LOOK_BACK:-1]):
            earlier = read_json_request(turns[at][1])
            if earlier is not None:
                return earlier, True
    return read_json_request(last), False


def _text(content) -> str:
    if isinstance(content, list):
        content = "\n".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return content if isinstance(content, str) else ""  # a simulated marker in history never looks like a call
