"""Exercises for lesson 10 (the OpenAI SDK): a client pointed at the right place that gives up in
time, a chat call, and the id support asks for.

``q1`` judges the client object the learner built. ``q2`` and ``q3`` run the learner's function
with an OpenAI client of the checker's own, pointed at a practice server started for the check
(free and offline in both modes); the checker records what went over the wire.
"""
from __future__ import annotations

import math
import json
import re
from contextlib import contextmanager
from typing import Any, Iterator

from ..practice import PracticeServer
from ..schema import DEFAULT_MODEL
from . import Exercise, Incorrect
from ._checking import run_learner

__all__ = ["q1", "q2", "q3"]

def _seconds(timeout: Any) -> float | None:
    """The longest wait a timeout setting allows (read, write, pool or connect), None for no limit."""
    if isinstance(timeout, (int, float)) and not isinstance(timeout, bool):
        return float(timeout)
    parts = [getattr(timeout, name, None) for name in ("connect", "read", "write", "pool")]
    if timeout is None or any(p is None for p in parts):
        return None
    return max(parts)


# --------------------------------------------------------------------------- q1: the client

#: The longest a quick check may take in the worst case, every attempt timing out, in seconds.
QUICK_LIMIT = 10


def _check_quick(quick: Any) -> str:
    import openai

    from ..routing import get_client

    if isinstance(quick, type):
        raise Incorrect("`quick` is the class OpenAI itself: call it, OpenAI(...), to make a client.")
    if not isinstance(quick, openai.OpenAI):
        raise Incorrect(f"`quick` is a {type(quick).__name__}; it should be an openai.OpenAI(...) client.")
    kit = get_client()
    base = str(quick.base_url).rstrip("/")
    if "api.openai.com" in base:
        raise Incorrect("`quick` points at api.openai.com, the SDK's default: pass base_url= so it reaches the "
                        "AI/ML API (or the practice server).")
    if base != kit.base_url:
        raise Incorrect(f"`quick` points at {base!r}, not at the base URL this notebook uses: take it from "
                        "helpers.connection().")
    if quick.api_key != (kit.api_key or ""):
        raise Incorrect("`quick` holds another key than the one this notebook uses: take it from "
                        "helpers.connection() (never type a key into a cell).")
    seconds = _seconds(quick.timeout)
    if seconds is None:
        raise Incorrect("`quick` has no time limit at all: a stalled connection would hang the notebook. "
                        "Pass timeout=.")
    if seconds <= 0 or not math.isfinite(seconds):
        raise Incorrect(f"A timeout of {seconds!r} s cannot work: give a positive number of seconds.")
    attempts = 1 + quick.max_retries
    worst = seconds * attempts
    if worst > QUICK_LIMIT:
        if seconds >= 600:
            raise Incorrect(f"`quick` keeps the SDK's default timeout, {seconds:g} s per attempt: pass your own.")
        raise Incorrect(f"`quick` can take {attempts} attempt{'s' if attempts != 1 else ''} (max_retries="
                        f"{quick.max_retries}) of up to {seconds:g} s each: {worst:g} s in the worst case, "
                        f"over the {QUICK_LIMIT} s allowed. The SDK's timeout limits each attempt, not the whole call.")
    return (f"Correct! At most {attempts} attempt{'s' if attempts != 1 else ''} of {seconds:g} s: "
            f"{worst:g} s in the worst case.")


q1 = Exercise(
    name="An OpenAI client",
    prompt=f"Make `quick`, an OpenAI client for this notebook's base URL and key that gives up within "
           f"{QUICK_LIMIT} seconds in the worst case, retries included.",
    variables=("quick",),
    checker=_check_quick,
    hints=[
        "helpers.connection() has .base_url and .api_key; OpenAI(...) takes base_url=, api_key=, timeout=, "
        "max_retries=.",
        "The SDK's timeout applies to each attempt: with max_retries=2 there can be 3 attempts.",
        f"(1 + max_retries) x timeout must be at most {QUICK_LIMIT}, for example timeout=5 with max_retries=1.",
    ],
    solution_code='''
conn = helpers.connection()
quick = OpenAI(base_url=conn.base_url, api_key=conn.api_key, timeout=5.0, max_retries=1)
''',
)


# --------------------------------------------------------------------------- a checking client

def _answer_text(body: bytes) -> str | None:
    """The assistant's text in a chat-completions answer as sent: a JSON body, or a stream of SSE chunks."""
    try:
        return json.loads(body)["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        pass
    pieces = []
    for line in re.split(r"\r\n|\r|\n", body.decode("utf-8", "replace")):  # not splitlines(): U+2028 is text
        if line.startswith("data:") and line[5:].strip() != "[DONE]":
            try:
                choices = json.loads(line[5:]).get("choices") or [{}]
            except ValueError:
                return None
            pieces.append((choices[0].get("delta") or {}).get("content") or "")
    return "".join(pieces) if pieces else None


@contextmanager
def _checking_openai(**options: Any) -> Iterator[tuple[Any, PracticeServer, list]]:
    """An OpenAI client on a fresh practice server; ``responses`` collects, for every answer, its
    headers and the assistant's text it carried (``{"headers": ..., "text": ...}``)."""
    import httpx2
    import openai

    responses: list = []

    def keep(response) -> None:
        response.read()  # the SDK reads the same bytes again afterwards
        responses.append({"headers": dict(response.headers), "text": _answer_text(response.content)})

    with PracticeServer(latency=0) as server, httpx2.Client(event_hooks={"response": [keep]}) as http:
        client = openai.OpenAI(base_url=server.base_url, api_key=server.key, timeout=20.0, max_retries=0,
                               http_client=http, **options)
        yield client, server, responses


#: The prompt the checks of q2 and q3 hand to the learner's function.
_PROMPT = "Tell me about San Francisco"


def _sdk_tip(exc: Exception) -> str:
    """What usually causes a crash in code that calls the SDK."""
    text = str(exc)
    if isinstance(exc, TypeError) and "not subscriptable" in text:
        return "The SDK's answers are objects, not dicts: read their fields with dots (completion.choices[0]...)."
    if isinstance(exc, AttributeError) and "Response' object has no attribute" in text:
        return "The raw response carries the headers; its .parse() gives the usual ChatCompletion."
    return ""


def _run_with_openai(fn: Any, name: str) -> tuple[Any, list[dict], list[dict]]:
    """Run the learner's ``fn(client, prompt)`` once with a checking client: what it returned, the
    chat-completions bodies the server received, and the server's answers (headers and text)."""
    with _checking_openai() as (client, server, responses):
        out = run_learner(fn, name, client, _PROMPT, tip=_sdk_tip)
        bodies = [r["body"] for r in server.requests
                  if r["path"].endswith("/chat/completions") and isinstance(r["body"], dict)]
    return out, bodies, responses


# --------------------------------------------------------------------------- q2: a chat call

def _check_ask(ask: Any) -> str:
    if not callable(ask):
        raise Incorrect("`ask` should be a function: `def ask(client, prompt): ...`.")
    out, bodies, responses = _run_with_openai(ask, "ask")
    if not bodies:
        raise Incorrect("`ask` sent no request through the client it is given: call client.chat.completions"
                        ".create(...) on that client, not helpers.chat or a client of your own.")
    if len(bodies) > 1:
        raise Incorrect(f"`ask` sent {len(bodies)} requests for one question; one is enough.")
    body = bodies[0]
    if body.get("model") != DEFAULT_MODEL:
        raise Incorrect(f"`ask` asked for the model {body.get('model')!r}; the task is about {DEFAULT_MODEL!r}.")
    messages = body.get("messages") or []
    if not messages or messages[-1].get("content") != _PROMPT:
        raise Incorrect("The last message `ask` sent is not the prompt it was given: send it as the user's content.")
    if out is None:
        raise Incorrect("`ask` returned None: return the answer's text.")
    if not isinstance(out, str):
        kind = type(out).__name__
        raise Incorrect(f"`ask` returned a {kind}; return the text only: it sits in the first choice's message "
                        "content.")
    if out != responses[-1]["text"]:
        raise Incorrect("`ask` returned a text that is not the answer's content: return choices[0].message.content.")
    return "Correct! The same chat call as helpers.chat, through the OpenAI SDK."


q2 = Exercise(
    name="Ask through the SDK",
    prompt=f"Write `ask(client, prompt)`: one chat call to {DEFAULT_MODEL} through the OpenAI client it is given; "
           "return the answer's text.",
    variables=("ask",),
    checker=_check_ask,
    hints=[
        "client.chat.completions.create(model=..., messages=[{\"role\": \"user\", \"content\": prompt}])",
        "The answer's text is completion.choices[0].message.content.",
    ],
    solution_code='''
def ask(client, prompt):
    completion = client.chat.completions.create(
        model="google/gemma-3-4b-it",
        messages=[{"role": "user", "content": prompt}],
        max_tokens=100,
    )
    return completion.choices[0].message.content
''',
)


# --------------------------------------------------------------------------- q3: the id support asks for

def _check_ask_with_id(ask_with_id: Any) -> str:
    if not callable(ask_with_id):
        raise Incorrect("`ask_with_id` should be a function: `def ask_with_id(client, prompt): ...`.")
    out, bodies, responses = _run_with_openai(ask_with_id, "ask_with_id")
    if not bodies:
        raise Incorrect("`ask_with_id` sent no request through the client it is given: call the chat endpoint "
                        "through that client's chat.completions.")
    if len(bodies) > 1:
        raise Incorrect(f"`ask_with_id` sent {len(bodies)} requests; one call gives both the text and the headers.")
    if not isinstance(out, tuple) or len(out) != 2:
        raise Incorrect(f"`ask_with_id` returned {type(out).__name__}; return a pair: (text, inference_id).")
    text, inference_id = out
    sent_id = responses[-1]["headers"].get("x-inference-id") if responses else None
    if not isinstance(text, str) or text != responses[-1]["text"]:
        raise Incorrect("The first element is not the answer's text: parse the raw response (.parse()) and "
                        "read choices[0].message.content.")
    if isinstance(inference_id, str) and inference_id.startswith("chatcmpl-"):
        raise Incorrect("The second element is the completion's `id` from the body. Support asks for the id in "
                        "the x-inference-id response header: read the headers of the raw response.")
    if inference_id is None:
        raise Incorrect("The second element is None: read the x-inference-id header of the raw response "
                        "(client.chat.completions.with_raw_response.create(...)).")
    if inference_id != sent_id:
        raise Incorrect(f"The second element, {inference_id!r:.60}, is not the x-inference-id header the server sent.")
    return "Correct! One call, the parsed answer and the id to quote to support."


q3 = Exercise(
    name="The id to quote",
    prompt="Write `ask_with_id(client, prompt)` returning (text, inference_id): the answer's text and its "
           "x-inference-id header, from one call made with `with_raw_response`.",
    variables=("ask_with_id",),
    checker=_check_ask_with_id,
    hints=[
        "raw = client.chat.completions.with_raw_response.create(...) takes the same arguments as create().",
        "raw.headers.get(\"x-inference-id\") is the id; raw.parse() is the usual ChatCompletion.",
    ],
    solution_code='''
def ask_with_id(client, prompt):
    raw = client.chat.completions.with_raw_response.create(
        model="google/gemma-3-4b-it",
        messages=[{"role": "user", "content": prompt}],
        max_tokens=100,
    )
    completion = raw.parse()
    return completion.choices[0].message.content, raw.headers.get("x-inference-id")
''',
)
