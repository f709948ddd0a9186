"""Exercises for lesson 10 (the OpenAI SDK): a client pointed at the right place that gives up on a
silent server, a chat call, and the id support asks for.

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
from ..model_ids import SMALL_MODEL
from . import Exercise, Incorrect
from ._checking import run_learner

__all__ = ["q1", "q2", "q3"]


# --------------------------------------------------------------------------- q1: the client

#: What exercise 1 allows, in seconds: to connect, and for every other wait (read, write, pool).
CONNECT_LIMIT, SILENCE_LIMIT = 2.0, 5.0
PHASES = ("connect", "read", "write", "pool")


def _limits(timeout: Any) -> dict[str, float | None] | None:
    """The four limits a client's ``timeout`` gives httpx (a number sets all four); None for no timeout."""
    if timeout is None:
        return None
    if isinstance(timeout, (int, float)) and not isinstance(timeout, bool):
        return {phase: float(timeout) for phase in PHASES}
    return {phase: getattr(timeout, phase, None) for phase in PHASES}


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
    limits = _limits(quick.timeout)
    if limits is None or all(v is None for v in limits.values()):
        raise Incorrect("`quick` has no time limit at all: a silent server would hang the notebook. Pass timeout=.")
    unset = [phase for phase, v in limits.items() if v is None]
    if unset:
        raise Incorrect(f"`quick` has no {unset[0]} timeout: that wait could last forever. Give every one of the "
                        "four a limit.")
    bad = [(phase, v) for phase, v in limits.items() if not (v > 0 and math.isfinite(v))]
    if bad:
        raise Incorrect(f"A {bad[0][0]} timeout of {bad[0][1]!r} s cannot work: give a positive number of seconds.")
    if limits["read"] >= 600:
        raise Incorrect(f"`quick` keeps the SDK's default timeout: {limits['read']:g} s of silence while reading "
                        "before it gives up. Pass your own.")
    if limits["connect"] > CONNECT_LIMIT:
        if len(set(limits.values())) == 1:
            raise Incorrect(f"A single number sets all four timeouts to it, so `quick` waits up to "
                            f"{limits['connect']:g} s to connect; the task allows {CONNECT_LIMIT:g}. Set the connect "
                            "timeout apart from the others.")
        raise Incorrect(f"`quick` waits up to {limits['connect']:g} s to connect; the task allows {CONNECT_LIMIT:g}.")
    over = [(phase, v) for phase, v in limits.items() if phase != "connect" and v > SILENCE_LIMIT]
    if over:
        phase, v = over[0]
        raise Incorrect(f"`quick`'s {phase} timeout is {v:g} s; the task allows {SILENCE_LIMIT:g} s for every wait "
                        "but the connection.")
    if quick.max_retries != 0:
        raise Incorrect(f"`quick` may retry (max_retries={quick.max_retries}): each attempt gets all four limits "
                        f"afresh, so a silent server keeps it waiting {1 + quick.max_retries} times over. The task "
                        "wants one attempt.")
    return (f"Correct! `quick` gives up after {limits['connect']:g} s without a connection or {limits['read']:g} s "
            "without data, and never retries. That bounds silence, not the whole call: an answer whose bytes keep "
            "arriving, however slowly, is not cut off (the lesson's trickle), and no SDK setting would cut it.")


q1 = Exercise(
    name="A client that notices silence",
    prompt=f"Make `quick`, an OpenAI client for this notebook's base URL and key that waits at most "
           f"{CONNECT_LIMIT:g} s to connect, at most {SILENCE_LIMIT:g} s for any other piece of the exchange, and "
           "makes one attempt only.",
    variables=("quick",),
    checker=_check_quick,
    hints=[
        "Take the base URL and the key from the kit's connection, as the lesson's client cell does; OpenAI(...) "
        "takes base_url=, api_key=, timeout= and max_retries=.",
        "A single number sets all four of httpx's timeouts to it. openai.Timeout takes a number for all of them "
        "and, by name, any one of them set apart.",
        "One attempt means no retries at all.",
    ],
    solution_code='''
conn = helpers.connection()
quick = OpenAI(base_url=conn.base_url, api_key=conn.api_key, timeout=openai.Timeout(5.0, connect=2.0), max_retries=0)
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
    if body.get("model") != SMALL_MODEL:
        raise Incorrect(f"`ask` asked for the model {body.get('model')!r}; the task is about {SMALL_MODEL!r}.")
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
    prompt=f"Write `ask(client, prompt)`: one chat call to {SMALL_MODEL} through the OpenAI client it is given; "
           "return the answer's text.",
    variables=("ask",),
    checker=_check_ask,
    hints=[
        "The lesson's chat cell calls the client's chat.completions.create() with a model and a list of messages: "
        "do the same with the `client` and the `prompt` you are given.",
        "The answer is an object, not a dict: its text sits in the first choice's message, read with dots.",
    ],
    solution_code='''
def ask(client, prompt):
    completion = client.chat.completions.create(
        model=helpers.SMALL_MODEL,
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
        "Put `.with_raw_response` between `completions` and `.create`: the same arguments, a raw response back.",
        "The raw response has the headers (the id is one of them); its .parse() gives the usual ChatCompletion.",
    ],
    solution_code='''
def ask_with_id(client, prompt):
    raw = client.chat.completions.with_raw_response.create(
        model=helpers.SMALL_MODEL,
        messages=[{"role": "user", "content": prompt}],
        max_tokens=100,
    )
    completion = raw.parse()
    return completion.choices[0].message.content, raw.headers.get("x-inference-id")
''',
)
