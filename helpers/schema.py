"""What the chat-completions endpoint accepts, as the vendor documents it.

One table serves three readers: the client (refuses bad input before any request),
the practice server (answers 400 as the real API does) and the widgets (slider ranges).
"""

from __future__ import annotations

import base64
import binascii
import difflib
import math
import re
from dataclasses import dataclass
from typing import Any

from .model_ids import DEFAULT_MODEL, DOC_EXAMPLE_MODEL, MODELS  # noqa: F401 (the ids requests are checked against)

DEFAULT_BASE_URL = "https://api.aimlapi.com/v1"

IMAGE_MIME_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")

GEMMA_SYSTEM_ROLE_MESSAGE = "Unsupported value: 'messages[{i}].role' does not support 'system' with this model."


@dataclass(frozen=True)
class Param:
    """One optional request field: its JSON type, documented range and a one-line meaning."""

    name: str
    kind: str  # "number", "integer", "boolean", "stop", "object"
    minimum: float | None = None
    maximum: float | None = None
    nullable: bool = False
    help: str = ""


PARAMS: dict[str, Param] = {
    p.name: p
    for p in (
        Param("max_tokens", "number", 1, None, help="upper bound on generated tokens"),
        Param("max_completion_tokens", "integer", 1, None, help="upper bound on generated tokens (newer name)"),
        Param("temperature", "number", 0, 2, help="randomness: 0 focused, 2 wild"),
        Param("top_p", "number", 0.01, 1, help="keep the likeliest tokens until they add up to this probability"),
        Param("top_k", "number", help="sample only from the K likeliest tokens"),
        Param("min_p", "number", 0.001, 0.999, help="drop tokens below this share of the likeliest"),
        Param("top_a", "number", 0, 1, help="alternate top sampling"),
        Param("seed", "integer", 1, None, help="same seed and parameters, same answer (best effort)"),
        Param("frequency_penalty", "number", -2, 2, nullable=True, help="penalise tokens by how often they appeared"),
        Param("presence_penalty", "number", -2, 2, nullable=True, help="penalise tokens that appeared at all"),
        Param("repetition_penalty", "number", nullable=True, help="above 1 discourages repeats"),
        Param("stop", "stop", nullable=True, help="up to 4 strings that end the answer"),
        Param("stream", "boolean", help="send the answer as server-sent events"),
        Param("stream_options", "object", help='{"include_usage": true} adds usage to a stream'),
        Param("prediction", "object", help='{"type": "content", "content": ...} predicted output'),
    )
}

MAX_STOP_SEQUENCES = 4

#: The characters an ``X-Client-Request-Id`` may hold (a regular-expression class); the API drops any other id.
REQUEST_ID_CHARACTERS = "A-Za-z0-9._:-"
#: The longest ``X-Client-Request-Id`` the API keeps.
MAX_REQUEST_ID_LENGTH = 128
#: A whole ``X-Client-Request-Id`` the API keeps and echoes: 1 to 128 of those characters.
CLIENT_REQUEST_ID = re.compile(rf"\A[{REQUEST_ID_CHARACTERS}]{{1,{MAX_REQUEST_ID_LENGTH}}}\Z")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a request: where, the API's wording, and a learner's wording."""

    path: str
    api: str
    friendly: str

    def __str__(self) -> str:
        return self.friendly


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if _is_number(value):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _fmt(n: float) -> str:
    return f"{n:g}"


def check_param(name: str, value: Any) -> list[Problem]:
    """Problems with one optional field's value (empty list when it is fine)."""
    spec = PARAMS[name]
    if value is None:
        if spec.nullable:
            return []
        return [Problem(name, f"Expected {spec.kind}, received null", f"{name} cannot be None; leave it out instead.")]
    if spec.kind == "boolean":
        if not isinstance(value, bool):
            return [
                Problem(
                    name,
                    f"Expected boolean, received {_type_name(value)}",
                    f"{name} must be True or False, not {value!r}.",
                )
            ]
        return []
    if spec.kind == "stop":
        return _check_stop(value)
    if spec.kind == "object":
        return _check_object_param(name, value)
    return _check_number(name, spec, value)


def _check_number(name: str, spec: Param, value: Any) -> list[Problem]:
    if not _is_number(value):
        return [
            Problem(
                name,
                f"Expected number, received {_type_name(value)}",
                f"{name} must be a number, not {_type_name(value)} {value!r}.",
            )
        ]
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an integer no float can hold: valid JSON, but no sampler setting
        return [
            Problem(
                name,
                "Expected number, received infinity",
                f"{name} is far too large: the documented range is {_range_text(spec)}.",
            )
        ]
    if not finite:
        return [Problem(name, "Expected number, received nan", f"{name} must be a finite number, not {value!r}.")]
    if spec.kind == "integer" and not float(value).is_integer():
        return [Problem(name, "Expected integer, received float", f"{name} must be a whole number, not {value!r}.")]
    rng = _range_text(spec)
    if spec.minimum is not None and value < spec.minimum:
        return [
            Problem(
                name,
                f"Number must be greater than or equal to {_fmt(spec.minimum)}",
                f"{name}={value!r} is too small: the documented range is {rng}.",
            )
        ]
    if spec.maximum is not None and value > spec.maximum:
        return [
            Problem(
                name,
                f"Number must be less than or equal to {_fmt(spec.maximum)}",
                f"{name}={value!r} is too large: the documented range is {rng}.",
            )
        ]
    return []


def _range_text(spec: Param) -> str:
    if spec.minimum is not None and spec.maximum is not None:
        return f"{_fmt(spec.minimum)} to {_fmt(spec.maximum)}"
    if spec.minimum is not None:
        return f"{_fmt(spec.minimum)} or more"
    return "any number"


def _check_stop(value: Any) -> list[Problem]:
    if isinstance(value, str):
        return []
    if isinstance(value, (list, tuple)):
        if len(value) > MAX_STOP_SEQUENCES:
            return [
                Problem(
                    "stop",
                    f"Array must contain at most {MAX_STOP_SEQUENCES} element(s)",
                    f"stop takes at most {MAX_STOP_SEQUENCES} strings; you gave {len(value)}.",
                )
            ]
        for i, item in enumerate(value):
            if not isinstance(item, str):
                return [
                    Problem(
                        f"stop.{i}",
                        f"Expected string, received {_type_name(item)}",
                        f"stop[{i}] must be a string, not {item!r}.",
                    )
                ]
        return []
    return [
        Problem(
            "stop",
            f"Expected string, received {_type_name(value)}",
            f"stop must be a string or a list of up to 4 strings, not {value!r}.",
        )
    ]


def _check_object_param(name: str, value: Any) -> list[Problem]:
    if not isinstance(value, dict):
        return [
            Problem(name, f"Expected object, received {_type_name(value)}", f"{name} must be a dict, not {value!r}.")
        ]
    if name == "stream_options":
        if "include_usage" not in value:
            return [
                Problem(
                    "stream_options.include_usage", "Required", 'stream_options needs "include_usage": True or False.'
                )
            ]
        if not isinstance(value["include_usage"], bool):
            return [
                Problem(
                    "stream_options.include_usage",
                    f"Expected boolean, received {_type_name(value['include_usage'])}",
                    "stream_options['include_usage'] must be True or False.",
                )
            ]
    if name == "prediction":
        if value.get("type") != "content":
            return [
                Problem(
                    "prediction.type",
                    f"Invalid enum value. Expected 'content', received '{value.get('type')}'",
                    'prediction needs "type": "content".',
                )
            ]
        content = value.get("content")
        if not isinstance(content, (str, list)):
            return [
                Problem(
                    "prediction.content",
                    f"Expected string, received {_type_name(content)}",
                    "prediction['content'] must be a string or a list of text parts.",
                )
            ]
        for j, part in enumerate(content if isinstance(content, list) else []):
            if not (isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("text"), str)):
                return [
                    Problem(
                        f"prediction.content.{j}",
                        f"Expected text part, received {_type_name(part)}",
                        f"prediction['content'][{j}] must be {{'type': 'text', 'text': '...'}}.",
                    )
                ]
    return []


def check_model(model: Any, allowed: tuple[str, ...] = MODELS) -> list[Problem]:
    """Problems with the model id; suggests the nearest known id for a typo."""
    if not isinstance(model, str):
        return [
            Problem(
                "model",
                f"Expected string, received {_type_name(model)}",
                f"model must be a string such as {MODELS[0]!r}, not {model!r}.",
            )
        ]
    if model in allowed:
        return []
    expected = " | ".join(f"'{m}'" for m in allowed)
    api = f"Invalid enum value. Expected {expected}, received '{model}'"
    if model == DOC_EXAMPLE_MODEL:
        hint = (
            f"{model!r} is the model the documentation's example sends, from another page; "
            f"this kit teaches {MODELS[0]!r} and {MODELS[1]!r}: use one of those."
        )
    else:
        near = difflib.get_close_matches(model, allowed, n=1, cutoff=0.6)
        hint = (
            f"Unknown model {model!r}. "
            + (f"Did you mean {near[0]!r}? " if near else "")
            + f"Use one of: {', '.join(allowed)}."
        )
    return [Problem("model", api, hint)]


def check_messages(messages: Any, *, allow_empty_text: bool = True) -> list[Problem]:
    """Problems with the messages list: roles, content types, content parts."""
    if not isinstance(messages, (list, tuple)):
        return [
            Problem(
                "messages",
                f"Expected array, received {_type_name(messages)}",
                "messages must be a list of {'role': ..., 'content': ...} dicts.",
            )
        ]
    if not messages:
        return [
            Problem(
                "messages",
                "Array must contain at least 1 element(s)",
                "messages is empty: send at least one user message.",
            )
        ]
    problems: list[Problem] = []
    for i, msg in enumerate(messages):
        problems.extend(_check_message(i, msg, allow_empty_text))
    return problems


def _check_message(i: int, msg: Any, allow_empty_text: bool) -> list[Problem]:
    problems: list[Problem] = []
    where = f"messages.{i}"
    if not isinstance(msg, dict):
        problems.append(
            Problem(
                where,
                f"Expected object, received {_type_name(msg)}",
                f"messages[{i}] must be a dict like {{'role': 'user', 'content': 'Hi'}}, not {msg!r}.",
            )
        )
        return problems
    role = msg.get("role")
    if role == "system":
        problems.append(
            Problem(
                f"{where}.role",
                GEMMA_SYSTEM_ROLE_MESSAGE.format(i=i),
                f"messages[{i}] has role 'system', which Gemma 3 refuses (the API answers 400). "
                "Put your instructions at the start of the first user message instead.",
            )
        )
        return problems
    if role not in ("user", "assistant"):
        problems.append(
            Problem(
                f"{where}.role",
                f"Invalid enum value. Expected 'user' | 'assistant', received '{role}'",
                f"messages[{i}] has role {role!r}; Gemma 3 takes only 'user' and 'assistant'.",
            )
        )
        return problems
    if "name" in msg and not isinstance(msg["name"], str):
        problems.append(
            Problem(
                f"{where}.name",
                f"Expected string, received {_type_name(msg['name'])}",
                f"messages[{i}]['name'] must be a string.",
            )
        )
    if "content" not in msg:
        problems.append(Problem(f"{where}.content", "Required", f"messages[{i}] has no 'content'."))
        return problems
    return problems + _check_content(i, role, msg["content"], allow_empty_text)


def _check_content(i: int, role: str, content: Any, allow_empty_text: bool) -> list[Problem]:
    where = f"messages.{i}"
    problems: list[Problem] = []
    if isinstance(content, str):
        if not allow_empty_text and not content.strip():
            problems.append(
                Problem(
                    f"{where}.content",
                    "String must contain at least 1 character(s)",
                    f"messages[{i}] has empty content: write a prompt.",
                )
            )
    elif isinstance(content, list) and role == "user":
        problems.extend(_check_parts(content, where, allow_empty_text))
    else:
        want = "a string or a list of content parts" if role == "user" else "a string"
        problems.append(
            Problem(
                f"{where}.content",
                f"Expected string, received {_type_name(content)}",
                f"messages[{i}]['content'] must be {want}, not {_type_name(content)}.",
            )
        )
    return problems


_DATA_URL = re.compile(r"^data:(?P<mime>[\w/+.-]+);base64,(?P<data>.*)$", re.S)


def _check_parts(parts: list, where: str, allow_empty_text: bool) -> list[Problem]:
    if not parts:
        return [
            Problem(
                f"{where}.content",
                "Array must contain at least 1 element(s)",
                f"{where}: the list of content parts is empty.",
            )
        ]
    problems = []
    for j, part in enumerate(parts):
        at = f"{where}.content.{j}"
        kind = part.get("type") if isinstance(part, dict) else None
        if kind == "text":
            if not isinstance(part.get("text"), str):
                problems.append(Problem(f"{at}.text", "Required", f"{at}: a text part needs 'text': a string."))
            elif not allow_empty_text and not part["text"].strip():
                problems.append(
                    Problem(
                        f"{at}.text", "String must contain at least 1 character(s)", f"{at}: the text part is empty."
                    )
                )
        elif kind == "image_url":
            problems.extend(_check_image_part(part, at))
        elif kind == "file":
            problems.extend(_check_file_part(part, at))
        else:
            problems.append(
                Problem(
                    f"{at}.type",
                    f"Invalid enum value. Expected 'text' | 'image_url' | 'file', received '{kind}'",
                    f"{at}: a content part's 'type' must be 'text', 'image_url' or 'file'.",
                )
            )
    return problems


def _check_file_part(part: dict, at: str) -> list[Problem]:
    f = part.get("file")
    if not isinstance(f, dict) or not isinstance(f.get("file_data"), str):
        return [
            Problem(
                f"{at}.file",
                "Required",
                f"{at}: a file part needs 'file': {{'file_data': base64 PDF, 'filename': ...}}.",
            )
        ]
    if "filename" in f and not isinstance(f["filename"], str):
        return [
            Problem(
                f"{at}.file.filename",
                f"Expected string, received {_type_name(f['filename'])}",
                f"{at}: the file's 'filename' must be a string, such as 'report.pdf'.",
            )
        ]
    return []


def _check_image_part(part: dict, at: str) -> list[Problem]:
    image = part.get("image_url")
    if not isinstance(image, dict) or not isinstance(image.get("url"), str):
        return [Problem(f"{at}.image_url.url", "Required", f"{at}: an image part needs 'image_url': {{'url': ...}}.")]
    detail = image.get("detail")
    if "detail" in image and detail not in ("low", "high", "auto"):
        # as the API's validator words it: a string outside the enum, or another type (null included)
        wrong = (f"Invalid enum value. Expected 'low' | 'high' | 'auto', received '{detail}'" if isinstance(detail, str)
                 else f"Expected 'low' | 'high' | 'auto', received {_type_name(detail)}")
        return [
            Problem(
                f"{at}.image_url.detail",
                wrong,
                f"{at}: detail must be 'low', 'high' or 'auto' (or left out).",
            )
        ]
    url = image["url"]
    if url.startswith("data:"):
        m = _DATA_URL.match(url)
        if not m:
            return [
                Problem(
                    f"{at}.image_url.url", "Invalid url", f"{at}: a data URL looks like 'data:image/png;base64,<data>'."
                )
            ]
        if m["mime"] not in IMAGE_MIME_TYPES:
            return [
                Problem(
                    f"{at}.image_url.url",
                    f"Unsupported image type '{m['mime']}'",
                    f"{at}: images must be JPG, PNG, GIF or WEBP, not {m['mime']}.",
                )
            ]
        try:
            base64.b64decode(m["data"], validate=True)
        except (binascii.Error, ValueError):
            return [
                Problem(
                    f"{at}.image_url.url",
                    "Invalid base64 image data",
                    f"{at}: the data URL's base64 does not decode; encode the file's bytes with base64.b64encode.",
                )
            ]
        return []
    if not re.match(r"^https?://[^\s/]+", url):
        return [
            Problem(
                f"{at}.image_url.url",
                "Invalid url",
                f"{at}: the image url must start with http(s):// or be a data:image/...;base64 URL.",
            )
        ]
    return []


def nearest_param(name: str) -> str | None:
    """The known parameter a misspelt ``name`` most likely means (``"max_token"`` -> ``"max_tokens"``), or None."""
    near = difflib.get_close_matches(name, list(PARAMS), n=1, cutoff=0.6)
    return near[0] if near else None


def unknown_param_hint(name: str) -> str:
    """What to say about a name that is not a parameter: "Did you mean 'max_tokens'?", else the known ones."""
    near = nearest_param(name)
    return f"Did you mean {near!r}?" if near else f"Known parameters: {', '.join(PARAMS)}."


def check_request(body: Any, *, models: tuple[str, ...] = MODELS, strict: bool = False) -> list[Problem]:
    """Every problem with a chat-completions body.

    ``strict`` is the client's view: also refuse unknown fields and empty prompts,
    which the API itself would let through or ignore.
    """
    if not isinstance(body, dict):
        return [Problem("", f"Expected object, received {_type_name(body)}", "The request body must be a JSON object.")]
    problems: list[Problem] = []
    if "model" not in body:
        problems.append(Problem("model", "Required", "model is required."))
    else:
        problems += check_model(body["model"], models)
    if "messages" not in body:
        problems.append(Problem("messages", "Required", "messages is required."))
    else:
        problems += check_messages(body["messages"], allow_empty_text=not strict)
    for name, value in body.items():
        if name in ("model", "messages"):
            continue
        if name in PARAMS:
            problems += check_param(name, value)
        elif strict:
            hint = unknown_param_hint(name)
            problems.append(Problem(name, "Unrecognized key", f"Unknown parameter {name!r}. {hint}"))
    return problems
