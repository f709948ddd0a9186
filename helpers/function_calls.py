"""Function calling by prompt, as Google documents it for Gemma (lesson 13).

    calls = find_calls(answer.text)                    # [] for a plain answer
    arguments = check_call(calls[0], DEFINITIONS)      # CallError when the call does not fit a definition
    trace = call_loop(prompt, functions={"get_order": get_order}, definitions=DEFINITIONS, max_steps=3)
    trace.answer, trace.steps

"Function calling with Gemma" (ai.google.dev/gemma/docs/capabilities/function-calling): Gemma outputs no
tool-specific token, so the application detects a call by its shape. The page documents two shapes: a
Python-style list, ``[name(param=value, ...)]``, and a JSON object ``{"name": ..., "parameters": {...}}``.
Nothing here runs what the model wrote: arguments are read with ``ast.literal_eval`` (plain values
only), checked against the function's JSON definition by a pydantic model, and only functions the
application put on its allow-list are called. The result goes back in the next user turn: these models
have no tool role.
"""
from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Literal, Mapping

from .client import Client, to_messages
from .money import format_usd
from .practice import SIMULATED_MARKER
from .results import ChatResult
from .schema import DEFAULT_MODEL
from .structured import describe_error

__all__ = ["FunctionCall", "CallError", "find_calls", "check_call", "run_call", "result_message", "call_loop",
           "CallTrace", "Step"]

#: Where a Python-style call list starts: "[" then a name (dotted names too, to refuse them by name) and "(".
CALL_START = re.compile(r"\[\s*[A-Za-z_][\w.]*\s*\(")
#: JSON Schema's types, as the pydantic model that checks a call's arguments reads them.
JSON_TYPES: dict[str, Any] = {"string": str, "integer": int, "number": float, "boolean": bool, "array": list,
                              "object": dict}
#: What a model writes for true, false and null when it mixes JSON into a Python-style call.
JSON_WORDS = {"true": True, "false": False, "null": None}
#: The longest result sent back to the model, in characters (a bigger one is cut and says so).
MAX_RESULT_CHARS = 2000
MAX_STEPS = 10


class CallError(ValueError):
    """A call the application refuses; the message says why, in words fit to send back to the model."""



def _default_client() -> Client:
    from . import get_client  # the kit's default client, wherever the package keeps it

    return get_client()

@dataclass(frozen=True)
class FunctionCall:
    """One call found in an answer: the function's name, its arguments, and the shape it came in."""

    name: str
    arguments: dict
    style: str  # "python" or "json"
    #: The answer's text around the call (the prompt asked for none; the practice marker does not count).
    extra_text: str = ""

    def __str__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.arguments.items())
        return f"{self.name}({args})"


def _plain_value(node: ast.expr, name: str, param: str) -> Any:
    if isinstance(node, ast.Name) and node.id in JSON_WORDS:
        return JSON_WORDS[node.id]
    try:
        return ast.literal_eval(node)  # numbers, strings, lists, dicts, True/False/None: nothing is run
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        raise CallError(f"The argument {param} of {name} is not a plain value ({ast.unparse(node)[:60]}): "
                        "write numbers, quoted strings, lists or true/false.") from None


def _python_calls(text: str, start: int) -> tuple[list[FunctionCall], int] | None:
    """The call list starting at ``start``, and where it ends; None if no "]" closes valid Python there."""
    for end in (m.end() for m in re.finditer(r"\]", text[start:])):
        try:
            tree = ast.parse(text[start:start + end].strip(), mode="eval")
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            continue
        if not isinstance(tree.body, ast.List):
            continue
        calls = []
        for node in tree.body.elts:
            if not isinstance(node, ast.Call):
                raise CallError(f"The call list holds {ast.unparse(node)[:60]!r}, which is not a call: "
                                "write [function_name(param=value)].")
            if not isinstance(node.func, ast.Name):
                raise CallError(f"{ast.unparse(node.func)[:60]!r} is not the plain name of a function: "
                                "call one of the functions listed, by its name alone.")
            name = node.func.id
            if node.args:
                raise CallError(f"The call to {name} passes a value without its parameter's name: "
                                "write every argument as name=value.")
            if any(k.arg is None for k in node.keywords):
                raise CallError(f"The call to {name} unpacks a dictionary (**): write every argument as name=value.")
            arguments = {k.arg: _plain_value(k.value, name, k.arg) for k in node.keywords}
            calls.append(FunctionCall(name, arguments, "python"))
        return calls, start + end
    return None


def _json_call(text: str, start: int) -> tuple[FunctionCall, int] | None:
    try:
        value, end = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError:
        return None
    if not isinstance(value, dict) or "name" not in value or not {"parameters", "arguments"} & set(value):
        return None  # an object, but not a call's (a JSON answer may well have a "name")
    name, arguments = value.get("name"), value.get("parameters", value.get("arguments", {}))
    if not isinstance(name, str) or not name:
        raise CallError(f"The call's \"name\" should be a function's name (a string), not {name!r:.60}.")
    if not isinstance(arguments, dict):
        raise CallError(f"The call to {name} gives \"parameters\" as {type(arguments).__name__}; "
                        "give them as an object: {\"parameter\": value}.")
    return FunctionCall(name, arguments, "json"), end


def find_calls(text: str) -> list[FunctionCall]:
    """The function calls in a model's answer, found by their shape; [] when it is a plain answer.

    Either shape counts: ``[name(param=value, ...), ...]`` or ``{"name": ..., "parameters": {...}}``
    (inside a fenced code block or not). Raises CallError for something shaped like a call that cannot
    be read safely: a value that is not plain (``x + 1``, ``os.system(...)``), an argument without its
    name, a dotted name. Text around the call is kept in ``extra_text``.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_calls reads the text of an answer (a str), not {type(text).__name__}.")
    body = text[len(SIMULATED_MARKER):] if text.startswith(SIMULATED_MARKER) else text
    found: tuple[list[FunctionCall], int, int] | None = None
    for match in CALL_START.finditer(body):
        python = _python_calls(body, match.start())
        if python:
            found = (python[0], match.start(), python[1])
            break
    if found is None:
        for match in re.finditer(r"\{", body):
            call = _json_call(body, match.start())
            if call:
                found = ([call[0]], match.start(), call[1])
                break
    if found is None:
        if CALL_START.search(body):
            raise CallError("The answer starts a call list but it is not valid Python: "
                            "write [function_name(param=value)] with quoted strings.")
        return []
    calls, start, end = found
    extra = _without_fence(body[:start] + " " + body[end:])
    return [FunctionCall(c.name, c.arguments, c.style, extra) for c in calls]


def _without_fence(text: str) -> str:
    """The text around a call, without the code fence's marks a call may come wrapped in."""
    return re.sub(r"```[\w]*", " ", text).strip()


def _arguments_model(definition: Mapping[str, Any]) -> Any:
    """A strict pydantic model of the function's parameters: types as declared, no extra names."""
    from pydantic import ConfigDict, create_model

    parameters = definition.get("parameters") or {}
    properties = parameters.get("properties") or {}
    required = set(parameters.get("required") or ())
    fields = {}
    for param, spec in properties.items():
        spec = spec or {}
        kind: Any = Literal[tuple(spec["enum"])] if spec.get("enum") else JSON_TYPES.get(spec.get("type"), Any)
        fields[param] = (kind, ...) if param in required else (kind | None, None)
    return create_model(f"{definition['name']}_arguments", __config__=ConfigDict(strict=True, extra="forbid"),
                        **fields)


def check_call(call: FunctionCall, definitions: list[Mapping[str, Any]]) -> dict:
    """The call's arguments, checked against its function's definition (JSON Schema, as Google's page
    describes functions). Raises CallError for an unknown function, a missing required argument, an
    argument the function does not have, a wrong type or a value outside its ``enum``."""
    by_name = {d.get("name"): d for d in definitions}
    if call.name not in by_name:
        known = ", ".join(sorted(str(n) for n in by_name))
        raise CallError(f"There is no function named {call.name!r}; the functions are: {known}.")
    from pydantic import ValidationError

    try:
        checked = _arguments_model(by_name[call.name]).model_validate(call.arguments)
    except ValidationError as exc:
        raise CallError(f"The arguments of {call.name} do not fit its definition:\n{describe_error(exc)}") from None
    return {k: v for k, v in checked.model_dump().items() if k in call.arguments}


def run_call(call: FunctionCall, functions: Mapping[str, Callable[..., Any]],
             definitions: list[Mapping[str, Any]]) -> Any:
    """Check the call, then run it, if and only if its name is on the allow-list ``functions``
    ({name: Python function}). Raises CallError for a call refused; an error the function raises
    propagates (the loop reports it to the model)."""
    arguments = check_call(call, definitions)
    if call.name not in functions:
        allowed = ", ".join(sorted(functions))
        raise CallError(f"{call.name!r} is not a function this application runs; it runs: {allowed}.")
    return functions[call.name](**arguments)


def result_message(call: FunctionCall, result: Any) -> str:
    """The text that carries a function's result back to the model in the next user turn."""
    body = result if isinstance(result, str) else json.dumps(result, default=str, ensure_ascii=False)
    if len(body) > MAX_RESULT_CHARS:
        body = body[:MAX_RESULT_CHARS] + f" ... (cut at {MAX_RESULT_CHARS} characters)"
    return f"Result of {call}: {body}"


@dataclass
class Step:
    """One turn of :func:`call_loop`: the model's answer, the calls found in it and what went back."""

    text: str
    calls: list[FunctionCall]
    sent: str | None  # the next user turn (results or the reason a call was refused); None: a final answer
    refused: str | None = None  # why the answer's call was refused, if it was
    result: ChatResult | None = field(default=None, repr=False)


@dataclass
class CallTrace:
    """What :func:`call_loop` did: every step, the conversation, and the final answer (None at the limit)."""

    steps: list[Step]
    messages: list[dict] = field(repr=False)
    answer: str | None

    @property
    def stopped(self) -> str:
        return "answered" if self.answer is not None else f"step limit ({len(self.steps)} steps)"

    @property
    def cost_usd(self) -> float | None:
        costs = [s.result.cost_usd if s.result else None for s in self.steps]
        return None if any(c is None for c in costs) else sum(costs)

    def __repr__(self) -> str:
        lines = [f"CallTrace: {self.stopped}, {format_usd(self.cost_usd)}"]
        for n, step in enumerate(self.steps, start=1):
            lines.append(f"  step {n} model: {step.text[:200]!r}")
            if step.sent is not None:
                lines.append(f"         user:  {step.sent[:120]!r}")
        return "\n".join(lines)


def _answer_to(answer: str, functions: Mapping[str, Callable[..., Any]],
               definitions: list[Mapping[str, Any]]) -> tuple[list[FunctionCall], str | None, str | None]:
    """(calls found, the next user turn or None for a final answer, why a call was refused)."""
    try:
        calls = find_calls(answer)
    except CallError as exc:
        return [], _refusal(str(exc)), str(exc)
    if not calls:
        return [], None, None
    replies = []
    for call in calls:
        try:
            replies.append(result_message(call, run_call(call, functions, definitions)))
        except CallError as exc:
            return calls, _refusal(str(exc)), str(exc)
        except Exception as exc:  # the function itself failed: the model hears so and may answer without it
            replies.append(f"Result of {call}: the function failed ({type(exc).__name__}: {str(exc)[:200]})")
    return calls, "\n".join(replies) + "\nUse this to answer my question.", None


def _refusal(reason: str) -> str:
    return (f"That call could not be run. {reason}\nCall one of the functions listed, in the format asked "
            "for, or answer in plain text.")


def call_loop(prompt_or_messages: Any, *, functions: Mapping[str, Callable[..., Any]],
              definitions: list[Mapping[str, Any]], max_steps: int = 4, client: Client | None = None,
              model: str = DEFAULT_MODEL, **params: Any) -> CallTrace:
    """Ask; while the answer is a call, run it (allow-listed, checked) and send the result back in the
    next user turn; stop at a plain answer or after ``max_steps`` answers. ``params`` go into every request.

    A refused call (unknown function, bad argument, unreadable) is not run: the reason goes back instead,
    so the model can correct itself. A failed API call raises its typed error, as ``helpers.chat`` does.
    """
    if not isinstance(max_steps, int) or isinstance(max_steps, bool) or not 1 <= max_steps <= MAX_STEPS:
        raise ValueError(f"max_steps is how many answers to ask for, 1 to {MAX_STEPS}, not {max_steps!r}.")
    missing = [d.get("name") for d in definitions if d.get("name") not in functions]
    if missing:
        raise ValueError(f"{missing[0]!r} is described to the model but not in functions: add the Python "
                         "function that runs it, or leave its definition out.")
    client = client or _default_client()
    messages = to_messages(prompt_or_messages)
    steps: list[Step] = []
    for _ in range(max_steps):
        result = client.chat(messages, model=model, **params)
        messages = [*messages, {"role": "assistant", "content": result.text}]
        calls, sent, refused = _answer_to(result.text, functions, definitions)
        steps.append(Step(result.text, calls, sent, refused, result))
        if sent is None:
            return CallTrace(steps, messages, result.text)
        messages.append({"role": "user", "content": sent})
    return CallTrace(steps, messages, None)
