"""Exercises for lesson 09 (batch work): a batch that gives the same answers on every run, a list of
what failed, a retry of only the failures.

``q1`` judges the batch the learner ran (its prompts, order, bound and cap, never the words), then
runs its settings twice on the checks' own practice server to see that they repeat.
``q2`` is judged on batches the checker builds. ``q3`` runs the learner's function against
the checks' own practice server (free and offline, whatever mode the notebook is in).
"""
from __future__ import annotations

from typing import Any

from .. import errors
from ..batching import BatchItem, BatchResults
from ..practice import SIMULATED_MARKER
from ..results import ChatResult
from ..model_ids import SMALL_MODEL
from . import Exercise, Incorrect
from ._checking import RecordingClient, checking_client, default_client, run_learner

__all__ = ["q1", "q2", "q3", "QUESTIONS"]

#: The prompts of exercise 1.
QUESTIONS = [
    "In one sentence, why is the sky blue?",
    "In one sentence, what is a prime number?",
    "In one sentence, what does a compiler do?",
    "In one sentence, why do leaves change colour?",
    "In one sentence, what is an API?",
    "In one sentence, what is the speed of light?",
]


# --------------------------------------------------------------------------- q1: a batch you can run again

#: The most calls in flight, and the longest answer, exercise 1 allows.
MOST_IN_FLIGHT, MOST_TOKENS = 4, 30


def _rerun_texts(model: str, params: dict) -> list[str | None]:
    """The six answers to `QUESTIONS` with the learner's settings, on the checks' own practice server."""
    from ..batching import batch

    with checking_client() as client:
        items = batch(QUESTIONS, client=client, model=model, concurrency=MOST_IN_FLIGHT, progress=False, **params)
    if items.failures:
        first = items.failures[0].error
        raise Incorrect(f"Sent to the checks' practice server, your settings failed: {type(first).__name__}: {first}")
    return items.texts


def _check_my_batch(my_batch: Any) -> str:
    items = my_batch
    if isinstance(items, list) and items and isinstance(items[0], (ChatResult, str)):
        raise Incorrect("`my_batch` holds answers one by one, as a loop of helpers.chat gives them: run the "
                        "questions through helpers.batch() so that the calls overlap.")
    if not isinstance(items, BatchResults):
        raise Incorrect(f"`my_batch` is a {type(items).__name__}; it should be what helpers.batch(...) returns.")
    prompts = [item.prompt for item in items]
    if sorted(map(str, prompts)) != sorted(QUESTIONS):
        raise Incorrect(f"The batch ran {len(prompts)} prompt(s), not the {len(QUESTIONS)} of `QUESTIONS`.")
    if prompts != QUESTIONS:
        raise Incorrect("The batch ran the questions in another order: pass `QUESTIONS` as it is.")
    if items.concurrency > MOST_IN_FLIGHT:
        raise Incorrect(f"This batch ran with concurrency {items.concurrency}; the task allows at most "
                        f"{MOST_IN_FLIGHT} calls in flight at once.")
    if items.failures:
        first = items.failures[0]
        raise Incorrect(f"{len(items.failures)} call(s) failed (the first: {type(first.error).__name__}); "
                        "look at my_batch.failures, then run the cell again.")
    params = dict(items.params)
    cap = params.get("max_tokens", params.get("max_completion_tokens"))
    if cap is None:
        raise Incorrect(f"Nothing capped the answers: the task wants each at {MOST_TOKENS} tokens at most.")
    if cap > MOST_TOKENS:
        raise Incorrect(f"The answers were capped at {cap} tokens; the task asks for {MOST_TOKENS} at most.")
    first, second = _rerun_texts(items.model, params), _rerun_texts(items.model, params)
    changed = sum(a != b for a, b in zip(first, second))
    if changed:
        raise Incorrect(f"Run twice with your batch's settings on the checks' practice server, {changed} of the "
                        f"{len(QUESTIONS)} answers came out different the second time: something in each answer "
                        "is still left to chance.")
    how = "a seed (best effort on the real API)" if "seed" in params and params.get("temperature") != 0 else \
        "settings that leave nothing to chance"
    return (f"Correct! Six calls, at most {items.concurrency} at a time, and the same six answers on every run, "
            f"thanks to {how}.")


q1 = Exercise(
    name="A batch you can run again",
    prompt=f"Run `QUESTIONS` through helpers.batch() so that the answers are the same on every run, with at most "
           f"{MOST_IN_FLIGHT} calls in flight and answers capped at {MOST_TOKENS} tokens; keep the result in "
           "`my_batch`.",
    variables=("my_batch",),
    checker=_check_my_batch,
    hints=[
        "helpers.batch() takes the same request settings as helpers.chat, and sends them with every call.",
        "Same answers every time is lesson 02's subject: one setting makes every step take the likeliest word, "
        "another fixes the random draw.",
        "The bound on calls in flight and the cap on each answer are two more arguments of batch().",
    ],
    solution_code='''
my_batch = helpers.batch(QUESTIONS, concurrency=4, max_tokens=30, temperature=0, progress=False)
''',
)


# --------------------------------------------------------------------------- q2: what failed

def _answer(text: str) -> ChatResult:
    return ChatResult(text=text, model=SMALL_MODEL, finish_reason="stop",
                      usage={"prompt_tokens": 5, "completion_tokens": 5, "total_tokens": 10}, cost_usd=0.00001)


def _error(status: int) -> errors.APIStatusError:
    return errors.status_error_class(status)(f"Error code {status}", status_code=status)


def _batch(outcomes: list[tuple[str, Any]]) -> BatchResults:
    items = []
    for i, (prompt, outcome) in enumerate(outcomes):
        if isinstance(outcome, BaseException):
            items.append(BatchItem(i, prompt, None, outcome, attempts=1))
        else:
            items.append(BatchItem(i, prompt, _answer(outcome), None, attempts=1))
    return BatchResults(items, wall_s=1.0, concurrency=4, final_concurrency=4)


_MIXED = [("red?", "answer red"), ("green?", _error(503)), ("blue?", "answer blue"),
          ("cyan?", _error(429)), ("pink?", "answer pink"), ("grey?", errors.APITimeoutError("too slow"))]
_ALL_OK = [("one?", "answer one"), ("two?", "answer two")]
_ALL_BAD = [("x?", _error(500)), ("y?", _error(401))]


def _check_failed_prompts(failed_prompts: Any) -> str:
    if not callable(failed_prompts):
        raise Incorrect("`failed_prompts` should be a function: `def failed_prompts(items): ...`.")
    for label, outcomes in (("a batch where 3 of 6 calls failed", _MIXED), ("a batch where nothing failed", _ALL_OK),
                            ("a batch where every call failed", _ALL_BAD)):
        want = [p for p, o in outcomes if isinstance(o, BaseException)]
        got = run_learner(failed_prompts, "failed_prompts", _batch(outcomes))
        if got is None:
            raise Incorrect(f"For {label}, `failed_prompts` returned None: did you forget `return`?")
        if not isinstance(got, list):
            raise Incorrect(f"For {label}, `failed_prompts` returned a {type(got).__name__}; return a list.")
        if any(isinstance(g, BatchItem) for g in got):
            raise Incorrect(f"For {label}, `failed_prompts` returned the items themselves; return their prompts.")
        if got == want:
            continue
        ok = [p for p, o in outcomes if not isinstance(o, BaseException)]
        if got == ok and got:
            raise Incorrect(f"For {label}, `failed_prompts` returned the prompts that worked, not those that failed.")
        if sorted(got) == sorted(want):
            raise Incorrect(f"For {label}, the prompts are right but in another order: keep the batch's order.")
        if set(got) < set(want):
            raise Incorrect(f"For {label}, `failed_prompts` missed some failures: a failure can be any error "
                            "(a 503, a 429, a timeout), so test `item.ok` rather than one kind of error.")
        raise Incorrect(f"For {label}, `failed_prompts` returned {got!r:.80}, which is not the prompts of the "
                        "failed items.")
    return "Correct! Failures stay in the batch, and now you can list them."


q2 = Exercise(
    name="The failed prompts",
    prompt="Write `failed_prompts(items)`: the prompts of the items that failed, in the batch's order.",
    variables=("failed_prompts",),
    checker=_check_failed_prompts,
    hints=[
        "Each item has `.ok` (True when it has a result) and `.prompt`.",
        "A list comprehension with an `if` keeps only some items.",
    ],
    solution_code='''
def failed_prompts(items):
    return [item.prompt for item in items if not item.ok]
''',
)


# --------------------------------------------------------------------------- q3: retry only what failed

def _check_retry_failed(retry_failed: Any) -> str:
    if not callable(retry_failed):
        raise Incorrect("`retry_failed` should be a function: `def retry_failed(items): ...`.")
    outcomes = _MIXED
    with default_client(RecordingClient(timeout=20.0, max_retries=1)) as recorder:
        got = run_learner(retry_failed, "retry_failed", _batch(outcomes))
        sent = [messages[-1]["content"] if messages and isinstance(messages[-1], dict) else messages
                for _, messages, _ in recorder.calls]
    failed = [p for p, o in outcomes if isinstance(o, BaseException)]
    if not sent:
        raise Incorrect("`retry_failed` sent no request: run the failed prompts through helpers.batch() again.")
    if sorted(map(str, sent)) != sorted(failed):
        extra = sorted(set(map(str, sent)) - set(failed))
        if extra:
            raise Incorrect(f"`retry_failed` sent {len(sent)} request(s), including prompts that had already worked "
                            f"({extra[0]!r}): send only the {len(failed)} that failed.")
        raise Incorrect(f"`retry_failed` sent {len(sent)} request(s); the batch had {len(failed)} failures, each "
                        "to be sent once.")
    if not isinstance(got, list):
        raise Incorrect(f"`retry_failed` returned a {type(got).__name__}; return a list of texts, one per item.")
    if len(got) != len(outcomes):
        raise Incorrect(f"`retry_failed` returned {len(got)} text(s); return one per item of the original batch "
                        f"({len(outcomes)}), in its order.")
    for i, (prompt, outcome) in enumerate(outcomes):
        if isinstance(outcome, BaseException):
            if not isinstance(got[i], str) or not got[i].startswith(SIMULATED_MARKER):
                raise Incorrect(f"Position {i} ({prompt!r}) failed before; it should now hold the text of its new "
                                f"answer, not {got[i]!r:.60}.")
        elif got[i] != outcome:
            raise Incorrect(f"Position {i} ({prompt!r}) had worked; keep its text as it was, not {got[i]!r:.60}.")
    return "Correct! Only the failures were sent again, and every answer is back in its place."


q3 = Exercise(
    name="Retry the failures",
    prompt="Write `retry_failed(items)`: send only the failed prompts again (with helpers.batch()) and return one "
           "text per item of the original batch, in order (old texts kept, failures filled in).",
    variables=("retry_failed",),
    checker=_check_retry_failed,
    hints=[
        "Start from your `failed_prompts(items)` (or the same list comprehension).",
        "helpers.batch(those_prompts, progress=False) returns the new items in the same order as those prompts.",
        "Walk the original items in order; each time one had failed, take the next answer of the new batch "
        "(iter() and next() do that).",
    ],
    solution_code='''
def retry_failed(items):
    again = iter(helpers.batch([item.prompt for item in items if not item.ok], progress=False))
    return [item.text if item.ok else next(again).text for item in items]
''',
)
