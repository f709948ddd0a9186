"""Exercises for lesson 06 (4B vs 12B): measure one streamed call; cost per 1000 calls; choose a model.

``q1`` runs the learner's function against the offline practice server (free, whatever
mode the notebook is in) and checks that the numbers it reports agree with each other and
with what the stream delivered, never how fast a model was.
"""
from __future__ import annotations

import math
from typing import Any

from ..results import ChatResult
from ..schema import DEFAULT_MODEL, MODELS
from . import Exercise, Incorrect
from ._checking import RecordingClient, default_client, is_number, run_learner

__all__ = ["q1", "q2", "q3"]

_KEYS = ("model", "ttft_s", "total_s", "tokens", "tokens_per_s")


# --------------------------------------------------------------------------- q1: measure one call

def _check_measure(measure: Any) -> str:
    if not callable(measure):
        raise Incorrect("`measure` should be a function (def measure(model, prompt): ...).")
    with default_client(RecordingClient()) as recorder:
        for model in MODELS:
            before = len(recorder.calls)
            out = run_learner(measure, "measure", model, "Tell me about San Francisco")
            calls = recorder.calls[before:]
            if not calls:
                raise Incorrect("`measure` sent no request: stream the answer with "
                                "helpers.stream(prompt, model=model).")
            if [kind for kind, _, _ in calls] != ["stream"]:
                kinds = [kind for kind, _, _ in calls]
                raise Incorrect(f"`measure` made these calls: {kinds}. Use one streamed call: time to first "
                                "token only exists when the answer arrives piece by piece.")
            if calls[0][2].get("model", DEFAULT_MODEL) != model:
                streamed = calls[0][2].get('model', 'the default model')
                raise Incorrect(f"Asked to measure {model}, `measure` streamed from {streamed}.")
            if not isinstance(out, dict):
                raise Incorrect(f"`measure` returned {type(out).__name__}; return a dict with keys {list(_KEYS)}.")
            missing = [k for k in _KEYS if k not in out]
            if missing:
                raise Incorrect(f"The dict `measure` returned lacks {missing}.")
            if out["model"] != model:
                raise Incorrect("The 'model' entry should be the model you were asked to measure.")
            stream = recorder.streams[-1]
            if stream.result is None:
                raise Incorrect("The stream was not read to the end: loop over it until it finishes before you "
                                "stop the clock.")
            for k in ("ttft_s", "total_s", "tokens_per_s"):
                if not is_number(out[k]) or out[k] <= 0:
                    raise Incorrect(f"{k!r} should be a positive number of seconds (or tokens per second), "
                                    f"not {out[k]!r}.")
            if out["ttft_s"] > out["total_s"]:
                raise Incorrect("'ttft_s' is larger than 'total_s': the first token cannot come after the whole "
                                "answer.")
            expected_tokens = stream.result.usage.get("completion_tokens")
            if not isinstance(out["tokens"], int) or isinstance(out["tokens"], bool):
                raise Incorrect(f"'tokens' should be a whole number of generated tokens, not {out['tokens']!r}.")
            if expected_tokens is not None and out["tokens"] != expected_tokens:
                raise Incorrect(f"'tokens' is {out['tokens']}, but the stream's usage counts a different number of "
                                "generated tokens: read it from the result's usage (completion tokens).")
            if out["total_s"] > stream.result.latency_s * 1.5 + 0.5:
                raise Incorrect("'total_s' is much longer than the call took: start the clock just before the call.")
            # Your clock starts before the stream's own and stops after it: yours can only be longer.
            if out["ttft_s"] < stream.result.time_to_first_token_s * 0.8:
                raise Incorrect("'ttft_s' is shorter than the first piece took to arrive: stop that clock "
                                "when the first piece arrives, not before the loop.")
            generating = out["total_s"] - out["ttft_s"]
            if generating <= 0:
                raise Incorrect("'total_s' equals 'ttft_s': the clock for the whole answer stopped at the first piece.")
            want = out["tokens"] / generating
            if not math.isclose(out["tokens_per_s"], want, rel_tol=0.02):
                if math.isclose(out["tokens_per_s"], out["tokens"] / out["total_s"], rel_tol=0.02):
                    raise Incorrect("'tokens_per_s' divides by the whole time; the task measures the speed of "
                                    "generation, after the first token arrived.")
                raise Incorrect(f"'tokens_per_s' ({out['tokens_per_s']:.3g}) does not follow from your own "
                                "'tokens', 'total_s' and 'ttft_s'.")
    return "Correct! One streamed call gives you all three numbers: wait, total time and speed."


q1 = Exercise(
    name="Measure a stream",
    prompt="Write `measure(model, prompt)`: stream one answer and return its model, ttft_s, total_s, tokens, "
           "tokens_per_s.",
    variables=("measure",),
    checker=_check_measure,
    hints=[
        "Read the clock three times: just before the call, when the first piece arrives (the loop's first "
        "turn), and after the loop. Each reading minus the first is a duration.",
        "After the loop, stream.result.usage['completion_tokens'] is the number of generated tokens.",
        "tokens_per_s is the speed of writing: divide by the time from the first piece to the end, not by "
        "the whole time.",
    ],
    solution_code='''
def measure(model, prompt):
    start = time.perf_counter()
    ttft = None
    s = helpers.stream(prompt, model=model)
    for piece in s:
        if ttft is None:
            ttft = time.perf_counter() - start
    total = time.perf_counter() - start
    tokens = s.result.usage["completion_tokens"]
    return {"model": model, "ttft_s": ttft, "total_s": total, "tokens": tokens,
            "tokens_per_s": tokens / (total - ttft)}
''',
)


# --------------------------------------------------------------------------- q2: cost per 1000 calls

def _result(model: str, cost: float | None) -> ChatResult:
    return ChatResult(text="(answer)", model=model, finish_reason="stop",
                      usage={"prompt_tokens": 10, "completion_tokens": 20, "total_tokens": 30}, cost_usd=cost)


def _check_cost(cost_per_1000: Any) -> str:
    if not callable(cost_per_1000):
        raise Incorrect("`cost_per_1000` should be a function (def cost_per_1000(results): ...).")
    small, big = MODELS
    cases = [
        ([_result(small, 0.0001), _result(small, 0.0003), _result(big, 0.0009)],
         {small: 0.2, big: 0.9}),
        ([_result(big, 0.002), _result(small, None), _result(small, 0.00005), _result(big, 0.004)],
         {small: 0.05, big: 3.0}),
    ]
    for results, expected in cases:
        out = run_learner(cost_per_1000, "cost_per_1000", list(results))
        if not isinstance(out, dict):
            raise Incorrect(f"`cost_per_1000` returned {type(out).__name__}; return a dict from model to dollars.")
        if set(out) != set(expected):
            raise Incorrect(f"The dict's keys are {sorted(out)}; there should be one per model in the results.")
        for model, want in expected.items():
            got = out[model]
            if not is_number(got):
                raise Incorrect(f"The value for {model} is {got!r}; it should be a number of dollars.")
            if math.isclose(got, want, rel_tol=1e-6):
                continue
            n = sum(1 for r in results if r.model == model and r.cost_usd is not None)
            if math.isclose(got, want / 1000, rel_tol=1e-6):
                raise Incorrect("The numbers are the cost of one call; the question is about a thousand.")
            if n > 1 and math.isclose(got, want * n, rel_tol=1e-6):
                raise Incorrect("The numbers grow with how many calls were measured: average the calls of a model "
                                "instead of adding them up.")
            if math.isclose(got, sum(r.cost_usd or 0 for r in results if r.model == model) * 1000
                            / sum(1 for r in results if r.model == model), rel_tol=1e-6):
                raise Incorrect("An answer without a known cost (cost_usd None) was counted as free: leave it out "
                                "of the average.")
            raise Incorrect(f"The value for {model} is off: it should be the average cost of its calls, times 1000.")
    return "Correct! Multiply a tiny per-call cost by your real volume before you choose a model."


q2 = Exercise(
    name="Cost per 1000 calls",
    prompt="Write `cost_per_1000(results)`: for each model, the average cost_usd of its calls times 1000.",
    variables=("cost_per_1000",),
    checker=_check_cost,
    hints=[
        "Group the costs by r.model in a dict of lists, skipping results whose cost_usd is None.",
        "An average is a total divided by a count, and the question is about a thousand calls, not one.",
    ],
    solution_code='''
def cost_per_1000(results):
    costs = {}
    for r in results:
        if r.cost_usd is not None:
            costs.setdefault(r.model, []).append(r.cost_usd)
    return {model: sum(c) / len(c) * 1000 for model, c in costs.items()}
''',
)


# --------------------------------------------------------------------------- q3: choose a model

def _row(model: str, ttft: float, cost: float, correct: bool) -> dict:
    return {"model": model, "ttft_s": ttft, "cost_usd": cost, "correct": correct}


def _choose_cases() -> list[tuple[str, list[dict], float, str | None]]:
    small, big = MODELS
    return [
        ("both models right, both quick", [_row(small, 0.3, 0.0001, True), _row(big, 0.6, 0.0004, True),
                                           _row(small, 0.4, 0.0001, True), _row(big, 0.7, 0.0004, True)], 2.0, small),
        ("the 4B wrong once", [_row(small, 0.3, 0.0001, True), _row(big, 0.6, 0.0004, True),
                               _row(small, 0.4, 0.0001, False), _row(big, 0.7, 0.0004, True)], 2.0, big),
        ("the 12B too slow to start", [_row(small, 0.3, 0.0001, True), _row(big, 2.5, 0.0004, True)], 1.0, small),
        ("the 4B too slow to start once", [_row(small, 0.3, 0.0001, True), _row(big, 0.6, 0.0004, True),
                                           _row(small, 1.2, 0.0001, True), _row(big, 0.7, 0.0004, True)], 1.0, big),
        ("a first token exactly at the limit", [_row(small, 1.0, 0.0001, True), _row(big, 0.5, 0.0004, True)],
         1.0, small),
        ("the 12B cheaper this time", [_row(small, 0.3, 0.0005, True), _row(big, 0.6, 0.0002, True)], 2.0, big),
        ("no model good enough", [_row(small, 0.3, 0.0001, False), _row(big, 3.0, 0.0004, True)], 1.0, None),
    ]


def _why_wrong(got: Any, want: str | None, rows: list[dict], max_wait_s: float) -> str:
    picked = [r for r in rows if r["model"] == got]
    if any(not r["correct"] for r in picked):
        return f"`choose_model` chose {got}, which got an answer wrong: a model must answer every prompt correctly."
    if any(r["ttft_s"] > max_wait_s for r in picked):
        return f"`choose_model` chose {got}, whose first token came later than max_wait_s on some call."
    if want is None:
        return f"`choose_model` returned {got!r}, but no model was right every time and quick enough: return None."
    if got is None:
        return "`choose_model` returned None, but a model was right every time and quick enough."
    if any(r["ttft_s"] == max_wait_s for r in rows if r["model"] == want):
        return (f"`choose_model` chose {got}; a first token that arrives exactly at max_wait_s is still within the "
                "limit.")
    return f"`choose_model` chose {got}; of the models good enough, pick the one whose calls cost least in total."


def _check_choose(choose_model: Any) -> str:
    if not callable(choose_model):
        raise Incorrect("`choose_model` should be a function (def choose_model(rows, max_wait_s): ...).")
    for situation, rows, max_wait_s, want in _choose_cases():
        got = run_learner(choose_model, "choose_model", [dict(r) for r in rows], max_wait_s, situation=situation,
                          tip=lambda _exc: "Each row is a dict with 'model', 'ttft_s', 'cost_usd' and 'correct'.")
        if isinstance(got, dict):
            raise Incorrect(f"For {situation}, `choose_model` returned a row; return the model's id (a string).")
        if got == want and (got is None or isinstance(got, str)):
            continue
        if got is not None and got not in MODELS:
            raise Incorrect(f"For {situation}, `choose_model` returned {got!r:.60}; return a model id from the rows, "
                            "or None.")
        raise Incorrect(f"For {situation}, " + _why_wrong(got, want, rows, max_wait_s))
    return "Correct! Right first, quick enough second, then the cheapest: the order in which to choose."


q3 = Exercise(
    name="Choose a model",
    prompt="Write `choose_model(rows, max_wait_s)`: of the models right on every call and never slower than "
           "max_wait_s to the first token, the one whose calls cost least in total; None if there is none.",
    variables=("choose_model",),
    checker=_check_choose,
    hints=[
        "Go model by model: collect the rows of one model with a list comprehension on r['model'].",
        "A model qualifies only if every one of its rows passes both tests: answered correctly, and started "
        "within max_wait_s. One wrong or slow row rules it out.",
        "min() with a key function picks the cheapest of the models that qualify, by their total cost; on "
        "an empty collection it raises, so deal with \"none qualifies\" first.",
    ],
    solution_code='''
def choose_model(rows, max_wait_s):
    costs = {}
    for model in {r["model"] for r in rows}:
        mine = [r for r in rows if r["model"] == model]
        if all(r["correct"] and r["ttft_s"] <= max_wait_s for r in mine):
            costs[model] = sum(r["cost_usd"] for r in mine)
    return min(costs, key=costs.get) if costs else None
''',
)
