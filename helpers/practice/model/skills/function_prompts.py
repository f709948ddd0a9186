"""Reading a function-calling prompt as Google documents it for Gemma, and the calls written back.

Gemma has no tool token: the prompt lists the functions (as JSON definitions) and says in which
format to answer with a call, either a Python-style list or a JSON object ("Function calling with
Gemma", ai.google.dev/gemma/docs/capabilities/function-calling):

    [func_name1(params_name1=params_value1, params_name2=params_value2...), func_name2(params)]
    {"name": function name, "parameters": dictionary of argument name and its value}

:func:`read_function_prompt` finds the definitions (a list of ``{"name", "description",
"parameters"}`` objects, OpenAI-style ``{"type": "function", "function": {...}}`` wrappers too), the
format asked for and the question; :func:`find_call` reads a call back out of an earlier answer,
safely (``ast`` and ``json``, never ``eval``).
"""
from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass

from .field_kinds import Field
from .prompt_reading import Block, json_blocks

__all__ = ["Function", "FunctionPrompt", "read_function_prompt", "find_call", "Call"]

_JSON_FORMAT = re.compile(r"\{\s*[\"']name[\"']\s*:\s*(?:function|<|[\"']?\w*name)|\bjson (?:object|format)\b"
                          r"|format of \{", re.I)


@dataclass
class Function:
    """One function the prompt offers: its name, description and parameters (as fields to fill)."""

    name: str
    description: str
    parameters: list[Field]


@dataclass
class FunctionPrompt:
    """The functions, the call format asked for ("python" or "json"), the question, and the fence asked for."""

    functions: list[Function]
    format: str
    question: str
    fence: str = ""  # "tool_code" when the prompt asks for calls wrapped in ```tool_code
    context: str = ""  # an earlier question of the conversation ("And in Krakow?" follows "Weather in Porto?")


@dataclass
class Call:
    """A call read back from an answer."""

    name: str
    arguments: dict


def read_function_prompt(prompt: str) -> FunctionPrompt | None:
    """The function-calling request a prompt makes, or None when it lists no functions."""
    blocks = json_blocks(prompt)
    functions, used = [], []
    for block in blocks:
        found = [f for f in map(_function, block.value if isinstance(block.value, list) else [block.value]) if f]
        if found:
            functions += found
            used.append(block)
    if not functions:
        return None
    instructions = _without(prompt, used)
    fmt = "json" if _JSON_FORMAT.search(instructions) and not re.search(r"\[\s*func", instructions, re.I) else \
        "python"
    fence = "tool_code" if "tool_code" in instructions else ""
    return FunctionPrompt(functions, fmt, _question(prompt, used), fence)


def _function(item) -> Function | None:
    if not isinstance(item, dict):
        return None
    if isinstance(item.get("function"), dict):  # {"type": "function", "function": {...}}
        item = item["function"]
    name, params = item.get("name"), item.get("parameters", item.get("params", item.get("arguments")))
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z_][\w.]*", name):
        return None
    if not isinstance(params, dict) and "description" not in item:
        return None
    params = params if isinstance(params, dict) else {}
    properties = params.get("properties", params if "type" not in params else {})
    required = params.get("required", list(properties) if "properties" not in params else [])
    fields = [_parameter(k, v, k in required) for k, v in properties.items() if isinstance(k, str)]
    for f in fields:
        f.context = name.replace("_", " ") + ". " + str(item.get("description", ""))
    return Function(name, str(item.get("description", "")), fields)


def _parameter(name: str, spec, required: bool) -> Field:
    spec = spec if isinstance(spec, dict) else {"type": str(spec)}
    kind = spec.get("type", "")
    kind = next((k for k in kind if k != "null"), "") if isinstance(kind, list) else str(kind)
    return Field(name, kind.lower(), str(spec.get("description", "")), list(spec.get("enum") or []),
                 spec.get("default"), required)


def _without(text: str, blocks: list[Block]) -> str:
    for block in sorted(blocks, key=lambda b: -b.start):
        text = text[:block.start] + " " + text[block.end:]
    return text


_INSTRUCTION_LINE = re.compile(r"(?:function\(?s?\)?|format of|SHOULD NOT|MUST|invoke|tool_code|tool_output|"
                               r"you have access|available (?:functions|tools))", re.I)


def _question(prompt: str, blocks: list[Block]) -> str:
    """The question: the text after the last definition, else the lines that are not instructions."""
    after = prompt[max(b.end for b in blocks):].strip() if blocks else ""
    lines = [line for line in after.splitlines() if line.strip() and not _INSTRUCTION_LINE.search(line)]
    if lines:
        return "\n".join(lines).strip()
    rest = _without(prompt, blocks)
    lines = [line for line in rest.splitlines() if line.strip() and not _INSTRUCTION_LINE.search(line)]
    return "\n".join(lines).strip()


# --------------------------------------------------------------------------- calls read back

_PY_CALLS = re.compile(r"\[\s*[A-Za-z_][\w.]*\s*\(.*?\)\s*(?:,\s*[A-Za-z_][\w.]*\s*\(.*?\)\s*)*\]", re.S)


def find_call(text: str, names: set[str]) -> Call | None:
    """The first call in a text to one of ``names``, in either format, or None."""
    for m in _PY_CALLS.finditer(text[:20_000]):
        call = _python_call(m.group())
        if call and call.name in names:
            return call
    for block in json_blocks(text):
        value = block.value
        if isinstance(value, dict) and value.get("name") in names:
            args = value.get("parameters", value.get("arguments", {}))
            return Call(value["name"], args if isinstance(args, dict) else {})
    return None


def _python_call(text: str) -> Call | None:
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    node = tree.body.elts[0] if isinstance(tree.body, ast.List) and tree.body.elts else None
    if not isinstance(node, ast.Call) or not isinstance(node.func, (ast.Name, ast.Attribute)):
        return None
    name = node.func.id if isinstance(node.func, ast.Name) else ast.unparse(node.func)
    args = {}
    for keyword in node.keywords:
        try:
            args[keyword.arg] = ast.literal_eval(keyword.value)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            args[keyword.arg] = ast.unparse(keyword.value)
    return Call(name, args)


def render_call(call: Call, fmt: str) -> str:
    """A call as the format asks: ``[name(a="x", n=2)]`` or ``{"name": "name", "parameters": {...}}``."""
    if fmt == "json":
        return json.dumps({"name": call.name, "parameters": call.arguments}, ensure_ascii=False)
    args = ", ".join(f"{k}={_py_value(v)}" for k, v in call.arguments.items())
    return f"[{call.name}({args})]"


def _py_value(value) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_py_value(v) for v in value) + "]"
    return repr(value)
