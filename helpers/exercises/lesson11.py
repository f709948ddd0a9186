"""Exercises for lesson 11 (the playground): a request that keeps the 4B's answer short; settings
under which a hot temperature still gives one answer; the history a chat sends on its second turn.

Both checks judge what the learner built (a request body, a dict of settings) and then send it
to the checks' own practice server (free and offline, whatever mode the notebook is in), so the
verdict rests on what the settings do, not on what the learner says they do.

    from helpers.exercises.lesson11 import q1, q2, q3
"""
from __future__ import annotations

from typing import Any

from ..schema import MODELS, check_messages, check_request
from . import Exercise, Incorrect
from ._checking import check_settings, checking_client, is_number, reject_problems

__all__ = ["q1", "q2", "q3"]

SMALL = MODELS[0]
MOST_TOKENS = 20
HOT = 1.5
Q2_PROMPT = "Tell me about San Francisco"
Q2_CALLS = 4


# --------------------------------------------------------------------------- q1: a short answer

def _cap(body: dict) -> Any:
    return body.get("max_tokens", body.get("max_completion_tokens"))


def _check_short_request(short_request: Any) -> str:
    body = short_request
    if not isinstance(body, dict):
        raise Incorrect(f"`short_request` should be a request body (a dict, like Show code's `body`), "
                        f"not {type(body).__name__}.")
    sendable = {k: v for k, v in body.items() if k not in ("stream", "stream_options")}
    for required in ("model", "messages"):
        if required not in sendable:
            raise Incorrect(f"`short_request` has no {required!r}: every request body needs it.")
    reject_problems(check_request(sendable, strict=True))
    if sendable["model"] != SMALL:
        raise Incorrect(f"`short_request` asks {sendable['model']}; the task is about the 4B.")
    cap = _cap(sendable)
    if cap is None:
        raise Incorrect("Nothing in `short_request` limits the answer's length, so it can run long. Which setting "
                        "caps the tokens an answer may have?")
    if cap > MOST_TOKENS:
        raise Incorrect(f"`short_request` lets the answer run to {cap:g} tokens; the task wants at most "
                        f"{MOST_TOKENS}.")
    params = {k: v for k, v in sendable.items() if k not in ("model", "messages")}
    with checking_client() as client:
        answer = client.chat(sendable["messages"], model=SMALL, **params)
    tokens = answer.usage.get("completion_tokens")
    if not isinstance(tokens, int) or tokens > MOST_TOKENS:
        raise Incorrect(f"Sent to the practice server, the answer took {tokens} tokens, more than {MOST_TOKENS}.")
    return (f"Sent to the practice server: {tokens} tokens, finish_reason {answer.finish_reason!r}. A cap is the one "
            "setting that guarantees a length; 'length' means the answer was cut there.")


q1 = Exercise(
    name="A short answer",
    prompt=f"Set `short_request`: a request body for the 4B whose answer can have at most {MOST_TOKENS} tokens.",
    variables=("short_request",),
    checker=_check_short_request,
    hints=[
        "Set the playground's boxes, press Show code, and copy the `body = {...}` it prints into the cell, "
        "renamed `short_request`.",
        "Of the playground's settings, one is a ceiling on the answer's tokens; stop only ends an answer "
        "when its text appears.",
        f"The model must be {SMALL!r}.",
    ],
    solution_code=f'''
short_request = {{
    "model": "{SMALL}",
    "messages": [{{"role": "user", "content": "Tell me about San Francisco"}}],
    "max_tokens": {MOST_TOKENS},
}}
''',
)


# --------------------------------------------------------------------------- q2: one answer, even hot

def _check_settings_shape(settings: Any) -> dict:
    settings = check_settings(settings, "one_answer",
                              what="a dict of settings, like what playground.settings() returns",
                              no_model="keep only the settings (the check sends its own prompt to the 4B).")
    temperature = settings.get("temperature")
    if not is_number(temperature) or temperature < HOT:
        raise Incorrect(f"`one_answer` sets temperature {temperature!r}; the task keeps it at {HOT} or more, "
                        "where answers vary a lot.")
    if "seed" in settings:
        raise Incorrect("A seed repeats one random draw. The task asks for settings under which there is "
                        "nothing left to draw: leave the seed out.")
    return settings


def _check_one_answer(one_answer: Any) -> str:
    settings = _check_settings_shape(one_answer)
    params = {"max_tokens": 40, **settings}
    with checking_client() as client:
        texts = [client.chat(Q2_PROMPT, model=SMALL, **params).text for _ in range(Q2_CALLS)]
        greedy = client.chat(Q2_PROMPT, model=SMALL, **{**params, "temperature": 0}).text
    different = len(set(texts))
    if different > 1:
        raise Incorrect(f"Sent {Q2_CALLS} times to the practice server, these settings gave {different} different "
                        f"answers: at temperature {settings['temperature']:g}, more than one candidate token is "
                        "still left at some step.")
    if texts[0] != greedy:
        raise Incorrect(f"The {Q2_CALLS} answers were the same, but not the likeliest one (the answer at "
                        "temperature 0): the settings leave more than one candidate, and chance drew the same "
                        "one each time. Cut the candidates harder.")
    return (f"{Q2_CALLS} calls at temperature {settings['temperature']:g}, one answer, the likeliest: when a cut "
            "leaves one candidate per step, temperature has nothing left to choose from.")


q2 = Exercise(
    name="One answer, even hot",
    prompt=f"Set `one_answer`: settings with temperature {HOT} or more and no seed under which the 4B gives the "
           "same answer every time.",
    variables=("one_answer",),
    checker=_check_one_answer,
    hints=[
        "Temperature only reshapes the odds of the candidates that are left. Which playground setting removes "
        "candidates before that?",
        "top_p keeps the likeliest tokens until their probabilities add up to top_p. How small can it go?",
        "playground.settings() gives the boxes' settings as a dict; drop 'seed' if you ticked Fixed seed.",
    ],
    solution_code=f'one_answer = {{"temperature": {HOT}, "top_p": 0.01, "max_tokens": 40}}',
)


# --------------------------------------------------------------------------- q3: the history of a chat

NAME = "Ola"
FIRST = f"My name is {NAME}."
QUESTION = "What is my name?"


def _check_history_shape(history: Any) -> list:
    if not isinstance(history, list):
        raise Incorrect(f"`history` should be a list of messages (dicts with 'role' and 'content'), "
                        f"not {type(history).__name__}.")
    reject_problems(check_messages(history, allow_empty_text=False), "history")
    roles = [m.get("role") for m in history]
    if roles != ["user", "assistant", "user"]:
        raise Incorrect(f"`history` has the roles {roles}. The second turn sends three messages: your first "
                        "message, the answer it got, and your new question.")
    first, _, last = (m.get("content") for m in history)
    if not isinstance(first, str) or first.strip() != FIRST:
        raise Incorrect(f"The first message is {first!r:.60}; the task's first message is {FIRST!r}.")
    if not isinstance(last, str) or last.strip() != QUESTION:
        raise Incorrect(f"The last message is {last!r:.60}; the task's question is {QUESTION!r}.")
    return history


def _check_history(history: Any) -> str:
    messages = _check_history_shape(history)
    with checking_client() as client:
        answer = client.chat(messages, model=SMALL, max_tokens=30, temperature=0).text
    if NAME not in answer:
        raise Incorrect(f"Sent to the practice server, the answer did not say {NAME}: {answer!r:.80}. "
                        "Does the history carry the name?")
    return (f"The answer says {NAME}: the model 'remembers' only because the history was sent again. "
            "That is what the chat widget does on every turn.")


q3 = Exercise(
    name="A chat's second turn",
    prompt=f"Set `history`: the messages a chat sends on its second turn, after {FIRST!r} got an answer and "
           f"you ask {QUESTION!r}.",
    variables=("history",),
    checker=_check_history,
    hints=[
        "Three dicts, in the order they were said: yours, the assistant's, yours again.",
        "The assistant's message is the answer your first message got; any text will do here, such as "
        "'Nice to meet you!'.",
        "Roles are 'user' and 'assistant' (Gemma refuses 'system').",
    ],
    solution_code=f'''
history = [
    {{"role": "user", "content": "{FIRST}"}},
    {{"role": "assistant", "content": "Nice to meet you!"}},
    {{"role": "user", "content": "{QUESTION}"}},
]
''',
)
