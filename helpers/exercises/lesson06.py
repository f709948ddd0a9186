"""Exercises for lesson 06 (4B vs 12B): measure one streamed call; cost per 1000 calls.

``q1`` runs the learner's function against the offline practice server (free, whatever
mode the notebook is in) and checks that the numbers it reports agree with each other and
with what the stream delivered, never how fast a model was.
"""
from __future__ import annotations

import math
from typing import Any

from ..results import ChatResult
from ..schema import MODELS
from . import Exercise, Incorrect
from ._checking import RecordingClient, default_client, is_number, run_learner

__all__ = ["q1", "q2"]

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
                raise Incorrect("`measure` sent no request: stream the answer with helpers.stream(prompt, model=model).")
            if [kind for kind, _, _ in calls] != ["stream"]:
                kinds = [kind for kind, _, _ in calls]
                raise Incorrect(f"`measure` made these calls: {kinds}. Use one streamed call: time to first "
                                "token only exists when the answer arrives piece by piece.")
            if calls[0][2].get("model", "google/gemma-3-4b-it") != model:
                raise Incorrect(f"Asked to measure {model}, `measure` streamed from {calls[0][2].get('model', 'the default model')}.")
            if not isinstance(out, dict):
                raise Incorrect(f"`measure` returned {type(out).__name__}; return a dict with keys {list(_KEYS)}.")
            missing = [k for k in _KEYS if k not in out]
            if missing:
                raise Incorrect(f"The dict `measure` returned lacks {missing}.")
            if out["model"] != model:
                raise Incorrect("The 'model' entry should be the model you were asked to measure.")
            stream = recorder.streams[-1]
            if stream.result is None:
                raise Incorrect("The stream was not read to the end: loop over it until it finishes before you stop the clock.")
            for k in ("ttft_s", "total_s", "tokens_per_s"):
                if not is_number(out[k]) or out[k] <= 0:
                    raise Incorrect(f"{k!r} should be a positive number of seconds (or tokens per second), not {out[k]!r}.")
            if out["ttft_s"] > out["total_s"]:
                raise Incorrect("'ttft_s' is larger than 'total_s': the first token cannot come after the whole answer.")
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
    prompt="Write `measure(model, prompt)`: stream one answer and return its model, ttft_s, total_s, tokens, tokens_per_s.",
    variables=("measure",),
    checker=_check_measure,
    hints=[
        "start = time.perf_counter() just before helpers.stream(...); read it again when the first piece arrives "
        "and once more after the loop.",
        "After the loop, stream.result.usage['completion_tokens'] is the number of generated tokens.",
        "tokens_per_s = tokens / (total_s - ttft_s): the speed once the answer has started.",
    ],
    solution_code='''
def measure(model, prompt):
    start = time.perf_counter()
    ttft = None
    s = helpers.stream(prompt, model=model, max_tokens=200)
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
        "For each model: sum(costs) / len(costs) * 1000.",
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
