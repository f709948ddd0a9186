"""JSON out of a model that has no JSON mode (lesson 12): find it, validate it, ask again when it is wrong.

    value = extract_json(answer.text)              # the JSON value, without fences or a lead-in sentence
    ticket = parse_as(Ticket, answer.text)         # the same, checked by a pydantic model
    reply = chat_json(prompt, Ticket, repairs=2)   # ask; on a bad answer, send the error back and ask again
    reply.value, reply.ok, reply.tries

Gemma 3's chat-completions schema has no ``response_format``: the prompt asks for JSON and the code
checks what came back. Small models wrap it in a fenced code block or a sentence ("Here is the JSON:"),
and sometimes miss a key or write a number as a string; the first two are stripped here, the rest is
what the pydantic model and the repair loop are for.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from .client import Client, to_messages
from .money import format_usd
from .results import ChatResult
from .schema import DEFAULT_MODEL

__all__ = ["extract_json", "parse_as", "describe_error", "chat_json", "JSONReply", "Try"]

#: A Markdown code fence, with or without a language tag: the first one's body is the JSON's best guess.
FENCE = re.compile(r"```[ \t]*(?:json|JSON|javascript)?[ \t]*\r?\n(.*?)```", re.S)
#: What the repair turn says after the problems: it points back to the request rather than restating it.
REPAIR_REQUEST = "Correct these problems and answer again, in the format I asked for."


def extract_json(text: str) -> Any:
    """The first JSON object (or array) in a model's answer, parsed.

    Looks inside the first fenced code block when there is one, else in the whole text, and skips
    whatever comes before the first ``{`` or ``[`` that starts valid JSON (a lead-in sentence, the
    practice server's marker) and after its end. Raises ValueError saying what was wrong.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_json reads the text of an answer (a str), not {type(text).__name__}.")
    fenced = FENCE.search(text)
    places = [fenced.group(1), text] if fenced else [text]
    decoder = json.JSONDecoder()
    first_error: json.JSONDecodeError | None = None
    for place in places:
        for match in re.finditer(r"[{\[]", place):
            try:
                value, _ = decoder.raw_decode(place, match.start())
            except json.JSONDecodeError as exc:
                if place[match.start()] == "{" and first_error is None:
                    first_error = exc
                continue
            if isinstance(value, (dict, list)):
                return value
    if first_error is not None:
        raise ValueError(f"The answer holds something like a JSON object, but it is not valid JSON: "
                         f"{first_error.msg} (at character {first_error.pos} of the answer).")
    raise ValueError("The answer holds no JSON object: no '{' starts one.")


def parse_as(model_class: Any, text: str) -> Any:
    """``model_class`` (a pydantic model) validated from the JSON in ``text``.

    Raises ValueError when there is no JSON, and pydantic's ValidationError (a ValueError too)
    when the JSON does not fit the model: a missing key, a wrong type, a value not allowed.
    """
    return model_class.model_validate(extract_json(text))


def describe_error(exc: BaseException) -> str:
    """One line per problem, short enough to send back to the model: ``age: Input should be a valid
    integer (got '30')``. pydantic's errors are listed by field; any other error is its message."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            problems = errors(include_url=False)
        except TypeError:
            problems = None
        if isinstance(problems, list) and problems:
            lines = []
            for p in problems:
                where = ".".join(str(part) for part in p.get("loc", ())) or "the object"
                got = "" if p.get("type") == "missing" else f" (got {p.get('input')!r:.60})"
                lines.append(f"{where}: {p.get('msg')}{got}")
            return "\n".join(lines)
    return str(exc)



def _default_client() -> Client:
    from . import get_client  # the kit's default client, wherever the package keeps it

    return get_client()

@dataclass
class Try:
    """One answer of :func:`chat_json`: its text, and the error that made it unusable (None: it was used)."""

    text: str
    error: str | None
    result: ChatResult = field(repr=False)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class JSONReply:
    """What :func:`chat_json` got: ``value`` (a validated model, or None), every try, the conversation."""

    value: Any
    tries: list[Try]
    messages: list[dict] = field(repr=False)

    @property
    def ok(self) -> bool:
        return self.value is not None

    @property
    def cost_usd(self) -> float | None:
        costs = [t.result.cost_usd for t in self.tries]
        return None if any(c is None for c in costs) else sum(costs)

    def __repr__(self) -> str:
        outcome = "valid" if self.ok else "no valid answer"
        lines = [f"JSONReply: {outcome} after {len(self.tries)} tr{'y' if len(self.tries) == 1 else 'ies'}, "
                 f"{format_usd(self.cost_usd)}"]
        for n, t in enumerate(self.tries, start=1):
            verdict = "used" if t.ok else "refused: " + t.error.replace("\n", "; ")
            lines.append(f"  try {n}: {verdict}\n    {t.text[:100]!r}")
        if self.ok:
            lines.append(f"  value: {self.value!r}")
        return "\n".join(lines)


def chat_json(prompt_or_messages: Any, model_class: Any, *, repairs: int = 2, client: Client | None = None,
              model: str = DEFAULT_MODEL, **params: Any) -> JSONReply:
    """Ask for JSON that ``model_class`` validates; after an unusable answer, send the error back and
    ask again, at most ``repairs`` more times. ``params`` go into every request (``max_tokens``, ...).

    Never raises for a bad answer: ``reply.value`` is None when no try was usable (read ``reply.tries``).
    A failed call raises its typed error, as ``helpers.chat`` does.
    """
    if not isinstance(repairs, int) or isinstance(repairs, bool) or not 0 <= repairs <= 5:
        raise ValueError(f"repairs is how many times to ask again, 0 to 5, not {repairs!r}.")
    client = client or _default_client()
    messages = to_messages(prompt_or_messages)
    tries: list[Try] = []
    for _ in range(repairs + 1):
        if tries:  # the previous answer was unusable: say why, and ask again
            messages.append({"role": "user", "content": f"That answer could not be used:\n{tries[-1].error}\n"
                                                        f"{REPAIR_REQUEST}"})
        result = client.chat(messages, model=model, **params)
        messages = [*messages, {"role": "assistant", "content": result.text}]
        try:
            value = parse_as(model_class, result.text)
        except ValueError as exc:
            tries.append(Try(result.text, describe_error(exc), result))
            continue
        tries.append(Try(result.text, None, result))
        return JSONReply(value, tries, messages)
    return JSONReply(None, tries, messages)
