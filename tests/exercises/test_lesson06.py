"""Lesson 06's exercises (4B vs 12B): their typical wrong answers and special cases.

Each wrong answer fails with a message that names the problem (tests/support/exercises.py runs it
as a notebook cell would). What every exercise must do (its solution passes, its starters are not
an attempt, the notebook holds its cells) is written once, in LessonExercises, and runs here for
this lesson.

Its checks call practice servers over loopback HTTP.
"""
from __future__ import annotations

from helpers.exercises import lesson06
from support.exercises import LessonExercises, assert_hints_hide_the_solution

# (exercise, learner code, a fragment the failure message must contain)
WRONG = [
    # q1: measure
    ("q1", '''
def measure(model, prompt):
    start = time.perf_counter()
    ttft = None
    s = helpers.stream(prompt, model=model)
    for piece in s:
        if ttft is None:
            ttft = time.perf_counter() - start
    total = time.perf_counter() - start
    tokens = s.result.usage["completion_tokens"]
    return {"model": model, "ttft_s": ttft, "total_s": total, "tokens": tokens, "tokens_per_s": tokens / total}
''', "divides by the whole time"),
    ("q1", '''
def measure(model, prompt):
    start = time.perf_counter()
    r = helpers.chat(prompt, model=model)
    total = time.perf_counter() - start
    tokens = r.usage["completion_tokens"]
    return {"model": model, "ttft_s": total, "total_s": total, "tokens": tokens, "tokens_per_s": tokens / total}
''', "Use one streamed call"),
    ("q1", '''
def measure(model, prompt):
    start = time.perf_counter()
    s = helpers.stream(prompt, model=model)
    ttft = time.perf_counter() - start
    for piece in s:
        pass
    total = time.perf_counter() - start
    tokens = s.result.usage["completion_tokens"]
    return {"model": model, "ttft_s": ttft, "total_s": total, "tokens": tokens, "tokens_per_s": tokens / (total - ttft)}
''', "shorter than the first piece took"),
    ("q1", '''
def measure(model, prompt):
    start = time.perf_counter()
    ttft, pieces = None, 0
    for piece in helpers.stream(prompt, model=model):
        pieces += 1
        if ttft is None:
            ttft = time.perf_counter() - start
    total = time.perf_counter() - start
    return {"model": model, "ttft_s": ttft, "total_s": total, "tokens": pieces, "tokens_per_s": pieces / (total - ttft)}
''', "read it from the result's usage"),
    ("q1", '''
def measure(model, prompt):
    start = time.perf_counter()
    ttft = None
    s = helpers.stream(prompt)
    for piece in s:
        if ttft is None:
            ttft = time.perf_counter() - start
    total = time.perf_counter() - start
    tokens = s.result.usage["completion_tokens"]
    return {"model": model, "ttft_s": ttft, "total_s": total, "tokens": tokens, "tokens_per_s": tokens / (total - ttft)}
''', "streamed from the default model"),
    ("q1", '''
def measure(model, prompt):
    start = time.perf_counter()
    s = helpers.stream(prompt, model=model)
    for piece in s:
        ttft = time.perf_counter() - start
        break
    total = time.perf_counter() - start
    return {"model": model, "ttft_s": ttft, "total_s": total, "tokens": 1, "tokens_per_s": 1 / total}
''', "not read to the end"),
    ("q1", '''
def measure(model, prompt):
    s = helpers.stream(prompt, model=model)
    s.until_done()
    return (s.result.time_to_first_token_s, s.result.latency_s)
''', "return a dict"),
    # q2: cost_per_1000
    ("q2", '''
def cost_per_1000(results):
    out = {}
    for r in results:
        if r.cost_usd is not None:
            out[r.model] = out.get(r.model, 0) + r.cost_usd * 1000
    return out
''', "average the calls"),
    ("q2", '''
def cost_per_1000(results):
    costs = {}
    for r in results:
        if r.cost_usd is not None:
            costs.setdefault(r.model, []).append(r.cost_usd)
    return {m: sum(c) / len(c) for m, c in costs.items()}
''', "cost of one call"),
    ("q2", '''
def cost_per_1000(results):
    costs = {}
    for r in results:
        costs.setdefault(r.model, []).append(r.cost_usd or 0)
    return {m: sum(c) / len(c) * 1000 for m, c in costs.items()}
''', "counted as free"),
    ("q2", '''
def cost_per_1000(results):
    costs = {}
    for r in results:
        costs.setdefault(r.model, []).append(r.cost_usd)
    return {m: sum(c) / len(c) * 1000 for m, c in costs.items()}
''', "raised TypeError"),
    ("q2", '''
def cost_per_1000(results):
    return {"google/gemma-3-4b-it": 0.2, "google/gemma-3-12b-it": 0.9}
''', "is off"),
    # q3: choose_model
    ("q3", "def choose_model(rows, max_wait_s):\n"
           "    return min(rows, key=lambda r: r['cost_usd'])['model']", "got an answer wrong"),
    ("q3", '''
def choose_model(rows, max_wait_s):
    good = [r for r in rows if all(x["correct"] for x in rows if x["model"] == r["model"])]
    return min(good, key=lambda r: r["cost_usd"])["model"] if good else None
''', "later than max_wait_s"),
    ("q3", '''
def choose_model(rows, max_wait_s):
    ok = {r["model"] for r in rows} - {r["model"] for r in rows if not r["correct"] or r["ttft_s"] >= max_wait_s}
    return min(ok, key=lambda m: sum(r["cost_usd"] for r in rows if r["model"] == m)) if ok else None
''', "exactly at max_wait_s"),
    ("q3", '''
def choose_model(rows, max_wait_s):
    ok = {r["model"] for r in rows} - {r["model"] for r in rows if not r["correct"] or r["ttft_s"] > max_wait_s}
    return min(ok) if ok else None
''', "cost least in total"),
    ("q3", '''
def choose_model(rows, max_wait_s):
    ok = [r for r in rows if r["correct"] and r["ttft_s"] <= max_wait_s]
    return min(ok, key=lambda r: r["cost_usd"]) if ok else None
''', "returned a row"),
    ("q3", '''
def choose_model(rows, max_wait_s):
    ok = {r["model"] for r in rows} - {r["model"] for r in rows if not r["correct"] or r["ttft_s"] > max_wait_s}
    return min(ok, key=lambda m: sum(r["cost_usd"] for r in rows if r["model"] == m)) if ok else ""
''', "or None"),
]


class TestLesson06(LessonExercises):
    module = lesson06
    mistakes = WRONG

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_hide_the_solution(self.lesson, q)
