"""Exercises for lesson 02 (modify the example: your prompt, your model, your parameters).

    from helpers.exercises.lesson02 import q1, q2, q3
"""
from __future__ import annotations

import math
from typing import Any

from ..schema import MODELS, PARAMS, check_messages, check_model, check_param
from . import Exercise, Incorrect
from ._checking import check_settings, checking_client, not_a_parameter, reject_problems, run_learner_on_copy

SMALL, BIG = MODELS

# --- q1: a request body with given settings -------------------------------------------

Q1_PROMPT = "Write a haiku about fog."
Q1_SETTINGS = {"temperature": 0.2, "max_tokens": 60, "seed": 7}


def _check_body(body: Any) -> str:
    if not isinstance(body, dict):
        raise Incorrect(f"`body` should be a dict (a JSON object), not {type(body).__name__}.")
    for required in ("model", "messages"):
        if required not in body:
            raise Incorrect(f"`body` has no {required!r}: the API requires it.")
    reject_problems(check_model(body["model"]), "body['model']")
    if body["model"] == SMALL:
        raise Incorrect("body['model'] is the 4B model; the task asks for the 12B.")
    messages = body["messages"]
    reject_problems(check_messages(messages, allow_empty_text=False), "body['messages']")
    if len(messages) != 1:
        raise Incorrect(f"body['messages'] holds {len(messages)} messages; the task needs exactly one.")
    message = messages[0]
    if message.get("role") != "user":
        raise Incorrect(f"body['messages'][0] has role {message.get('role')!r}: the question comes from the user.")
    content = message.get("content")
    if not isinstance(content, str):
        raise Incorrect("body['messages'][0]['content'] should be the prompt as a plain string.")
    if content.strip() != Q1_PROMPT:
        raise Incorrect(f"body['messages'][0]['content'] is {content!r:.60}, not the prompt the task gives.")
    extra = sorted(set(body) - {"model", "messages", *Q1_SETTINGS})
    for name in extra:
        if name not in PARAMS:
            raise not_a_parameter(name, " (in `body`)")
    if extra:
        raise Incorrect(f"`body` also sets {', '.join(map(repr, extra))}, which the task does not ask for: "
                        "leave a parameter out to get its default.")
    for name, want in Q1_SETTINGS.items():
        if name not in body:
            raise Incorrect(f"`body` has no {name!r}: the task sets it.")
        reject_problems(check_param(name, body[name]), f"body[{name!r}]")
        if PARAMS[name].kind == "integer" and not isinstance(body[name], int):
            raise Incorrect(f"body[{name!r}] is {body[name]!r}: {name} is an integer parameter, so write it without "
                            "a decimal point.")
        if isinstance(body[name], (str, bool)) or body[name] != want:
            raise Incorrect(f"body[{name!r}] is {body[name]!r}, not the value the task gives.")
    return "Model, one user message, and three parameters, each in its documented range."


q1 = Exercise(
    name="Build a request body",
    prompt=f"Build `body`: the 12B model, one user message {Q1_PROMPT!r}, temperature 0.2, max_tokens 60, seed 7.",
    variables=("body",),
    checker=_check_body,
    hints=[
        "Start from the `json={...}` of the quickstart call: a dict with 'model' and 'messages', then add the "
        "parameters as more keys beside them.",
        "`messages` is a list of dicts, each with a 'role' and a 'content'; the question comes from the user.",
        "Numbers go in as numbers, not as strings in quotes, and the names are spelled as in `helpers.PARAMS`.",
    ],
    solution_code='''
body = {
    "model": "''' + BIG + '''",
    "messages": [{"role": "user", "content": "Write a haiku about fog."}],
    "temperature": 0.2,
    "max_tokens": 60,
    "seed": 7,
}
''',
)


# --- q2: one short draw, twice --------------------------------------------------------
# The lesson shows `seed` and `stop` apart; the task changes {"temperature": 0.9} to use both.

Q2_TEMPERATURE = 0.9
Q2_PROMPT = "Tell me about San Francisco"
Q2_STOP = "."


def _greedy_setting(repeatable: dict) -> str | None:
    """A setting that leaves one candidate per step: repeatable, but no longer a random draw."""
    if repeatable.get("temperature") == 0:
        return "temperature 0 always takes the likeliest token"
    if repeatable.get("top_k") == 1:
        return "top_k 1 keeps only the likeliest token"
    top_p = repeatable.get("top_p")
    if isinstance(top_p, (int, float)) and not isinstance(top_p, bool) and top_p <= 0.05:
        return f"top_p {top_p} keeps only the likeliest token"
    return None


def _twice(repeatable: dict) -> tuple:
    """The learner's parameters sent twice to the checks' own practice server: the two results."""
    params = {"max_tokens": 300, **repeatable}
    with checking_client() as client:
        return tuple(client.chat(Q2_PROMPT, **params) for _ in range(2))


def _stops_at_full_stop(stop: Any) -> bool:
    return stop == Q2_STOP or (isinstance(stop, (list, tuple)) and Q2_STOP in stop)


def _check_repeatable(repeatable: Any) -> str:
    check_settings(repeatable, "repeatable", what='a dict of keyword arguments, such as {"temperature": 0.7}',
                   no_model="`helpers.chat(prompt, **repeatable)` passes the model and prompt itself: keep only "
                            "the optional parameters.")
    if repeatable.get("stream"):
        raise Incorrect("helpers.chat waits for a whole answer: leave `stream` out.")
    greedy = _greedy_setting(repeatable)
    if greedy:
        raise Incorrect(f"{greedy}: the answer repeats, but it is no longer a random draw. The task keeps the "
                        f"draw (temperature {Q2_TEMPERATURE}) and makes that draw repeat.")
    if "seed" not in repeatable:
        raise Incorrect("Nothing here fixes the random choices the model makes, so two calls can still differ. "
                        "Which parameter in the table pins them?")
    seed = repeatable["seed"]
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise Incorrect(f"seed is {seed!r}; use a whole number (an int) so it is sent as an integer.")
    if repeatable.get("temperature") != Q2_TEMPERATURE:
        raise Incorrect(f"`repeatable` sets temperature to {repeatable.get('temperature', 'its default')}; the task "
                        f"keeps it at {Q2_TEMPERATURE}, so that the answer is still drawn at random.")
    if "stop" not in repeatable:
        if "max_tokens" in repeatable or "max_completion_tokens" in repeatable:
            raise Incorrect("A token limit cuts the answer after a number of tokens, wherever that falls; the task "
                            "ends it just before its first full stop, wherever that falls.")
        raise Incorrect("Nothing here ends the answer at its first full stop, so it runs on for several sentences. "
                        "Which parameter ends an answer at a string of your choice?")
    if not _stops_at_full_stop(repeatable["stop"]):
        raise Incorrect(f"stop is {repeatable['stop']!r}: the answer should end just before its first full stop, "
                        "so that is the string to stop at.")
    first, second = _twice(repeatable)
    if first.text != second.text:
        raise Incorrect("Sent twice to the practice server, these settings gave two different answers: "
                        "something in them still changes from call to call.")
    if first.finish_reason != "stop" or Q2_STOP in first.text:
        raise Incorrect("Sent to the practice server, the answer did not end at its first full stop: something "
                        "in the settings cuts it sooner or lets it run on.")
    return ("Sent twice to the practice server, the same one-sentence draw came back. A fixed seed with the same "
            "settings asks for the same random choices (on the real API, best effort), and the stop string ends "
            "the answer before it is written.")


q2 = Exercise(
    name="One short draw, twice",
    prompt=f"Change {{'temperature': {Q2_TEMPERATURE}}} into `repeatable`: still a random draw, the same answer at "
           "every call, ending just before its first full stop.",
    variables=("repeatable",),
    checker=_check_repeatable,
    hints=[
        "Three wishes, three keys: one keeps the draw random, one makes it repeat, one ends it. The lesson shows "
        "each of them in its own section.",
        "Greedy settings (temperature 0, top_k 1) repeat too, but they stop drawing at random: the task keeps "
        f"temperature {Q2_TEMPERATURE}.",
        "The string an answer stops at is not returned, so stopping at a full stop leaves the first sentence "
        "without one.",
    ],
    solution_code=f'repeatable = {{"temperature": {Q2_TEMPERATURE}, "seed": 42, "stop": "{Q2_STOP}"}}',
)


# --- q3: clamp parameters into their documented ranges --------------------------------

_CLAMP_CASES = (
    ({"temperature": 3}, {"temperature": 2}),
    ({"top_p": 0}, {"top_p": 0.01}),
    ({"min_p": 1, "temperature": 0.7}, {"min_p": 0.999, "temperature": 0.7}),
    ({"max_tokens": 0}, {"max_tokens": 1}),
    ({"frequency_penalty": -5, "presence_penalty": 2.5}, {"frequency_penalty": -2, "presence_penalty": 2}),
    ({"top_k": 500, "seed": 5}, {"top_k": 500, "seed": 5}),
    ({"frequency_penalty": None, "stop": ["\n\n"]}, {"frequency_penalty": None, "stop": ["\n\n"]}),
    ({"temperature": 0.7, "max_tokens": 512}, {"temperature": 0.7, "max_tokens": 512}),
    ({}, {}),
)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=0, abs_tol=1e-12)
    return a == b


def _check_clamp(clamp_params: Any) -> str:
    if not callable(clamp_params):
        raise Incorrect("`clamp_params` should be a function: `def clamp_params(params): ...` returning a new dict.")
    for original, want in _CLAMP_CASES:
        got = run_learner_on_copy(clamp_params, "clamp_params", original, situation=f"the parameters {original!r}",
                                  tip=lambda _exc: "Some parameters have no minimum or maximum (None in the table), "
                                                   "and some values are not numbers.")
        if not isinstance(got, dict):
            raise Incorrect(f"clamp_params({original!r}) returned {type(got).__name__}; return a dict.")
        if set(got) != set(want):
            raise Incorrect(f"clamp_params({original!r}) returned the keys {sorted(got)}; it must keep every "
                            "parameter it was given, and add none.")
        for name in want:
            if not _same(got[name], want[name]):
                spec = PARAMS[name]
                raise Incorrect(f"clamp_params({original!r}) gave {name}={got[name]!r}. The documented range of {name} "
                                f"is minimum {spec.minimum!r}, maximum {spec.maximum!r}: values inside it stay as "
                                "they are, values outside move to the nearest end, and None or non-numbers are "
                                "left alone.")
    return "Out-of-range values move to the nearest documented limit; everything else passes through."


q3 = Exercise(
    name="Clamp into range",
    prompt="Write `clamp_params(params)`: a new dict where each number outside its range in `helpers.PARAMS` moves "
           "to the nearest end of the range.",
    variables=("clamp_params",),
    checker=_check_clamp,
    hints=[
        "`helpers.PARAMS[name].minimum` and `.maximum` hold the range; either can be None (no limit).",
        "`max(value, minimum)` lifts a value that is too small; `min(value, maximum)` lowers one that is too large.",
        "Only clamp numbers: `isinstance` tells an int or a float from None, a string or a list, which stay as "
        "they are.",
    ],
    solution_code='''
def clamp_params(params):
    fixed = {}
    for name, value in params.items():
        spec = helpers.PARAMS.get(name)
        if spec is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
            if spec.minimum is not None:
                value = max(value, spec.minimum)
            if spec.maximum is not None:
                value = min(value, spec.maximum)
        fixed[name] = value
    return fixed
''',
)

__all__ = ["q1", "q2", "q3"]
