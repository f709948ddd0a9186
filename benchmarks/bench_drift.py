"""Practice answers that wander: how often an answer switches topic part-way, 4B and 12B side by side.

    .venv/bin/python benchmarks/bench_drift.py [--quick] [--kit PATH]   # on its own
    make bench                                                           # as section D of benchmarks/run.py

How a sentence's topic is told: it belongs to the corpus section that holds most of its runs of
four tokens (``helpers.practice.model.topic_drift``); an answer drifts when one of its sentences
belongs to a section that neither the prompt picks nor the answer's first sentence belongs to.

The prompts are held out: none of them is in the tests (tests/practice/test_staying_on_topic.py
has its own). Every answer is seeded and made by ``make_reply`` in a fresh interpreter. ``--kit``
measures another checkout of the kit (an older commit, say) with this file's prompts and measure:
copy ``helpers/practice/model/topic_drift.py`` into it first if it has none. Nothing here asserts.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
GOAL = 0.05
MODELS = ("google/gemma-3-4b-it", "google/gemma-3-12b-it")
COVERED = [
    "Why is the sea salty?", "How do volcanoes erupt?", "Tell me about Alcatraz.", "How does GPS know where I am?",
    "What is a black hole?", "How do bees make honey?", "How do I give a good talk?",
    "What is recursion in programming?",
    "How does Wi-Fi work?", "Why do we need sleep?", "Tell me about Tokyo.", "How do solar panels make electricity?",
    "What is the Golden Gate Bridge famous for?", "How do vaccines work?", "Suggest a name for my new puppy.",
    "What is a language model?", "How should I write a report?", "How do rockets reach space?",
    "What are dinosaurs?",
    "How do magnets work?", "What is JSON used for?", "How does a microwave heat food?", "Tell me about Muir Woods.",
    "What makes a rainbow?", "How does the heart pump blood?", "What is git?", "How do elevators work?",
    "What does temperature do in a language model?", "Why do leaves change colour in autumn?",
    "Tell me about the cable cars.", "What do you think about kindness?", "How do planes fly?",
    "What is a prime number?",
    "Tell me something about London.", "How do fridges keep food cold?", "How do high-speed trains work?",
    "What is the Ferry Building?", "How do earthquakes happen?", "Why do stars twinkle?",
    "What is a virtual environment in Python?",
]
UNCOVERED = [
    "What is the best pizza topping?", "How do I change a car tyre?", "How tall is Mount Everest?",
    "How do I play the guitar?", "What is the stock market?", "Recommend a good novel to read.",
    "What is the offside rule?", "Who painted the Mona Lisa?", "How do I cook rice?",
    "What is the tallest building in Dubai?", "How do I tie a tie?", "How do I learn to play the violin?",
]

#: Runs in a fresh interpreter: the share of drifting answers per model, prompt set and temperature.
MEASURE = r"""
import json, sys
from helpers.practice.model.replies import make_reply
from helpers.practice.model.topic_drift import answer_drifts
sets, temperatures, seeds = json.loads(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3])
models = ["google/gemma-3-4b-it", "google/gemma-3-12b-it"]
out = []
for name, prompts in sets.items():
    for temperature in temperatures:
        for model in models:
            drifted = tokens = stops = 0
            for prompt in prompts:
                for seed in range(1, seeds + 1):
                    reply = make_reply(model, [{"role": "user", "content": prompt}],
                                       {"temperature": temperature, "seed": seed})
                    drifted += answer_drifts(prompt, reply.text)
                    tokens += reply.completion_tokens
                    stops += reply.finish_reason == "stop"
            n = len(prompts) * seeds
            out.append({"set": name, "temperature": temperature, "model": model, "answers": n,
                        "drift": drifted / n, "tokens": tokens / n, "stop": stops / n})
print(json.dumps(out))
"""


def run(kit: Path = ROOT, seeds: int = 5, temperatures=(0.7, 1.5)) -> list[dict]:
    """The drift figures, from a fresh interpreter in ``kit``."""
    sets = json.dumps({"covered": COVERED, "uncovered": UNCOVERED})
    out = subprocess.run([PY, "-c", MEASURE, sets, json.dumps(list(temperatures)), str(seeds)], cwd=kit,
                         capture_output=True, text=True, timeout=900)
    if out.returncode:
        raise RuntimeError(f"the drift benchmark failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(quick: bool = False, say=print) -> list[dict]:
    """Every drift figure, as rows for benchmarks/run.py (section D)."""
    seeds = 2 if quick else 5
    say(f"D. practice drift: {len(COVERED)} covered and {len(UNCOVERED)} uncovered held-out prompts, "
        f"{seeds} seeds, both models...")
    return rows(run(seeds=seeds), seeds)


def rows(figures: list[dict], seeds: int) -> list[dict]:
    found = {(f["set"], f["temperature"], f["model"]): f for f in figures}
    out = []
    for name, prompts in (("covered", COVERED), ("uncovered", UNCOVERED)):
        for temperature in sorted({f["temperature"] for f in figures}):
            small, big = (found[(name, temperature, m)] for m in MODELS)
            goal = temperature <= 1.0
            label = f"Practice drift, {name} held-out prompts ({len(prompts)}), temperature {temperature:g}"
            runs = f"{small['answers']} answers ({seeds} seeds)"
            out.append({"measure": f"{label}: 4B", "value": 100 * small["drift"], "unit": "%", "runs": runs,
                        "goal": f"<= {GOAL:.0%}" if goal else "", "ok": small["drift"] <= GOAL if goal else None,
                        "note": f"{small['tokens']:.0f} tokens an answer, {small['stop']:.0%} ended by stop",
                        "short": f"Practice model: drift, {name} prompts, 4B" if goal else ""})
            out.append({"measure": f"{label}: 12B", "value": 100 * big["drift"], "unit": "%", "runs": runs,
                        "baseline": 100 * small["drift"], "baseline_label": "4B",
                        "goal": f"<= {GOAL:.0%} and <= 4B" if goal else "",
                        "ok": big["drift"] <= min(GOAL, small["drift"]) if goal else None,
                        "note": f"{big['tokens']:.0f} tokens an answer, {big['stop']:.0%} ended by stop",
                        "short": f"Practice model: drift, {name} prompts, 12B" if goal else ""})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/bench_drift.py", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer seeds: a smoke check, not figures to quote")
    parser.add_argument("--kit", type=Path, default=ROOT, help="the checkout of the kit to measure (default: this one)")
    args = parser.parse_args(argv)
    seeds = 2 if args.quick else 5
    for row in rows(run(args.kit, seeds), seeds):
        result = "" if row.get("ok") is None else "PASS" if row["ok"] else "MISS"
        print(f"{row['measure']}: {row['value']:.1f}%  {row.get('goal', '')} {result}  ({row['note']})".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
