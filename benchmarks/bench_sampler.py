"""The practice model and its sampler: generation speed, build time at first use, memory.

    .venv/bin/python benchmarks/bench_sampler.py [--quick]    # on its own
    make bench                                                 # as section S of benchmarks/run.py

Every figure comes from a fresh interpreter (``python -c``), so nothing is built or cached before
the measure starts:

- generation: ``make_reply`` (the server's own entry point: plan, sample, cut) at latency 0, on
  prompts the process has not seen (each conditions the model anew: cold caches) and on one lesson
  prompt asked again and again with new seeds (warm caches, as a class running the same cell);
  over HTTP too, one client after another against ``python -m helpers.practice --latency 0``;
- build: the first ``get_model()`` call for the 4B's model and then the 12B's, and the whole first
  answer (build, topic index and generation);
- memory: ``tracemalloc`` around building both English models and answering the lessons' prompts.

Nothing here asserts: a goal missed reads MISS.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
GOAL_TOKENS_PER_S, GOAL_BUILD_S, GOAL_MEMORY_MB = 20_000, 0.5, 30.0

#: Runs in a fresh interpreter: prompts a process has not seen, then one prompt again and again.
GENERATE = r"""
import json, sys, time
from helpers.practice.model.replies import make_reply
from helpers.practice.model.language_model import get_model
get_model(); get_model(everything=False)  # build first: this measures generation only
subjects = ["San Francisco", "the Golden Gate Bridge", "Alcatraz", "the fog", "cable cars", "Chinatown", "Paris",
            "Tokyo", "rainbows", "volcanoes", "the Moon", "gravity", "a fridge", "the internet", "GPS", "batteries",
            "recursion", "Python functions", "an API", "writing a clear email", "names for a cat", "mankind",
            "Muir Woods", "BART", "sourdough bread", "Coit Tower", "the Presidio", "Twin Peaks", "planets", "dinosaurs"]
models = ["google/gemma-3-4b-it", "google/gemma-3-12b-it"]
rounds = int(sys.argv[1])
cold, warm = [], []
for r in range(rounds):
    prompts = [f"{opening} {s}{end}" for s in subjects
               for opening, end in [("Tell me about", ""), ("What do you know about", "?")][r % 2:r % 2 + 1]]
    tokens, start = 0, time.perf_counter()
    for i, prompt in enumerate(prompts):
        for model in models:
            tokens += make_reply(model, [{"role": "user", "content": prompt}],
                                 {"temperature": 0.8, "seed": 1000 * r + i}).completion_tokens
    cold.append((tokens, time.perf_counter() - start))
    tokens, start = 0, time.perf_counter()
    for i in range(len(prompts)):
        tokens += make_reply("google/gemma-3-4b-it", [{"role": "user", "content": "Tell me about San Francisco"}],
                             {"temperature": 0.7, "seed": 5000 * r + i}).completion_tokens
    warm.append((tokens, time.perf_counter() - start))
print(json.dumps({"cold": cold, "warm": warm}))
"""

#: Runs in a fresh interpreter: the first use of each model, then a whole first answer in another process.
BUILD = r"""
import json, time
from helpers.practice.model import language_model
t0 = time.perf_counter(); language_model.get_model(everything=False); small = time.perf_counter() - t0
t0 = time.perf_counter(); language_model.get_model(); big = time.perf_counter() - t0
print(json.dumps({"small": small, "big": big}))
"""
FIRST_ANSWER = r"""
import json, time
from helpers.practice.model.replies import make_reply
t0 = time.perf_counter()
reply = make_reply("google/gemma-3-4b-it", [{"role": "user", "content": "Tell me about San Francisco"}], {})
print(json.dumps({"first": time.perf_counter() - t0, "tokens": reply.completion_tokens}))
"""

#: Runs in a fresh interpreter: what building both English models holds, then after answering lessons' prompts.
MEMORY = r"""
import json, tracemalloc
tracemalloc.start()
from helpers.practice.model import language_model
from helpers.practice.model.replies import make_reply
language_model.get_model(everything=False); language_model.get_model()
built, _ = tracemalloc.get_traced_memory()
prompts = ["Tell me about San Francisco", "Hi! What do you think about mankind?", "Write a haiku about fog.",
           "How does a fridge work?", "List three tips for writing a clear email.", "What is my name?",
           "In one sentence, what is Alcatraz in San Francisco known for?", "Explain recursion in two sentences"]
for i in range(400):
    for model in ("google/gemma-3-4b-it", "google/gemma-3-12b-it"):
        make_reply(model, [{"role": "user", "content": prompts[i % len(prompts)]}], {"temperature": 0.9, "seed": i})
used, peak = tracemalloc.get_traced_memory()
print(json.dumps({"built": built / 2**20, "used": used / 2**20, "peak": peak / 2**20, "answers": 800}))
"""


def _run(code: str, *args: str, timeout: float = 600) -> dict:
    out = subprocess.run([PY, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if out.returncode:
        raise RuntimeError(f"benchmark process failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def over_http(calls: int) -> tuple[int, float]:
    """Completion tokens and seconds for ``calls`` chats, one after another, against the practice server's CLI."""
    import requests

    from helpers.keys import PRACTICE_KEY

    proc = subprocess.Popen([PY, "-m", "helpers.practice", "--port", "0", "--latency", "0"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        base_url = proc.stdout.readline().strip()
        headers = {"Authorization": f"Bearer {PRACTICE_KEY}"}
        with requests.Session() as session:
            def chat(i: int) -> int:
                body = {"model": "google/gemma-3-4b-it", "temperature": 0.8, "seed": i + 1,
                        "messages": [{"role": "user", "content": "Tell me about San Francisco"}]}
                r = session.post(base_url + "/chat/completions", json=body, headers=headers, timeout=30)
                r.raise_for_status()
                return r.json()["usage"]["completion_tokens"]

            for i in range(20):  # warm-up: the server builds its model at the first call
                chat(i)
            start = time.perf_counter()
            tokens = sum(chat(100 + i) for i in range(calls))
            return tokens, time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def measure(quick: bool = False, say=print) -> list[dict]:
    """Every sampler figure, as rows for benchmarks/run.py (section S)."""
    runs = 3 if quick else 7
    say(f"S. practice generation: {runs} fresh processes, cold prompts then one warm prompt...")
    gen = [_run(GENERATE, "2") for _ in range(runs)]
    cold = [t / s for g in gen for t, s in g["cold"]]
    warm = [t / s for g in gen for t, s in g["warm"]]
    say("S. practice model build at first use, fresh interpreters...")
    builds = [_run(BUILD) for _ in range(runs)]
    firsts = [_run(FIRST_ANSWER) for _ in range(runs)]
    say("S. practice model memory (tracemalloc)...")
    mem = _run(MEMORY)
    say("S. practice generation over HTTP...")
    http_tokens, http_s = over_http(60 if quick else 300)
    return rows(cold, warm, builds, firsts, mem, http_tokens / http_s, 60 if quick else 300)


def rows(cold, warm, builds, firsts, mem, http_rate, http_calls) -> list[dict]:
    c, w = statistics.median(cold), statistics.median(warm)
    small, big = (statistics.median(b[k] for b in builds) for k in ("small", "big"))
    first = statistics.median(f["first"] for f in firsts)
    goal_rate, goal_build = f">= {GOAL_TOKENS_PER_S:,} tokens/s", f"<= {GOAL_BUILD_S} s"
    return [
        {"measure": "Practice generation, prompts not seen before (`make_reply`, latency 0, cold caches)",
         "value": c, "unit": "tokens/s", "runs": f"{len(cold)} rounds of 60 answers", "goal": goal_rate,
         "ok": c >= GOAL_TOKENS_PER_S, "short": "Practice model: generation, new prompts"},
        {"measure": "Practice generation, one lesson prompt again with new seeds (warm caches)", "value": w,
         "unit": "tokens/s", "runs": f"{len(warm)} rounds of 30 answers", "goal": goal_rate,
         "ok": w >= GOAL_TOKENS_PER_S, "baseline": c, "baseline_label": "new prompts", "ratio": w / c,
         "ratio_label": "x", "short": "Practice model: generation, a repeated prompt"},
        {"measure": f"Practice generation over HTTP, {http_calls} chats one after another (4B, latency 0)",
         "value": http_rate, "unit": "tokens/s", "runs": "1 run", "baseline": w, "baseline_label": "in-process",
         "ratio": http_rate / w, "ratio_label": "x", "note": "includes HTTP, JSON and the server's threads"},
        {"measure": "Practice model build at first use: the 4B's model (half the text)", "value": small,
         "unit": "s", "runs": f"{len(builds)} fresh interpreters", "goal": goal_build, "ok": small <= GOAL_BUILD_S,
         "short": "Practice model: build at first use"},
        {"measure": "Practice model build at first use: the 12B's model (all the text)", "value": big, "unit": "s",
         "runs": f"{len(builds)} fresh interpreters", "goal": goal_build, "ok": big <= GOAL_BUILD_S},
        {"measure": "First practice answer in a fresh interpreter (build, topics and 4B answer)", "value": first,
         "unit": "s", "runs": f"{len(firsts)} fresh interpreters", "goal": goal_build, "ok": first <= GOAL_BUILD_S},
        {"measure": "Practice models' memory: the 4B's and the 12B's built (tracemalloc)", "value": mem["built"],
         "unit": "MB", "runs": "1 run", "goal": f"<= {GOAL_MEMORY_MB:g} MB", "ok": mem["built"] <= GOAL_MEMORY_MB,
         "short": "Practice model: memory"},
        {"measure": f"Practice models' memory after {mem['answers']} answers (caches included)", "value": mem["used"],
         "unit": "MB", "runs": "1 run", "goal": f"<= {GOAL_MEMORY_MB:g} MB", "ok": mem["used"] <= GOAL_MEMORY_MB,
         "note": f"peak {mem['peak']:.1f} MB"},
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/bench_sampler.py", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs: a smoke check, not figures to quote")
    args = parser.parse_args(argv)
    for row in measure(quick=args.quick):
        result = "" if "ok" not in row else "PASS" if row["ok"] else "MISS"
        print(f"{row['measure']}: {row['value']:,.3f} {row['unit']}  {row.get('goal', '')} {result}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
