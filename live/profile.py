"""The call profile of each lesson, and the cost of a planned session estimated from it.

The profile (``live/lesson_profile.json``, committed) says how many chat calls each lesson
makes, on which model, with how many prompt tokens and at most how many answer tokens. It
is counted, not guessed: every lesson runs top to bottom against a fresh practice server,
which records each request it receives. The server is given a key other than the practice
key, so the lessons see real mode and take the path a live session takes; requests the
real API would refuse for free (bad body, wrong key) are counted apart. Regenerate it
whenever a lesson changes its calls (it takes about half a minute):

    .venv/bin/python -m live.profile            # all lessons -> live/lesson_profile.json
    .venv/bin/python -m live.profile --check    # does it cover every lesson on disk?

``make preflight`` multiplies the profile by the price per token it has just measured on
the real API to say whether the balance covers a session.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from helpers import keys

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
PROFILE_PATH = Path(__file__).resolve().with_name("lesson_profile.json")
#: Answer tokens assumed for a call that sets no max_tokens (the budget must have a bound).
UNCAPPED_COMPLETION_TOKENS = 1024
#: Practice token counts are words and punctuation; real tokenizers split finer.
PROMPT_TOKEN_FACTOR = 1.5
CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")
AUTHORIZED_HEADER = "x-live-authorized"


# --------------------------------------------------------------------------- counting

def _empty_model() -> dict:
    return {"calls": 0, "streams": 0, "prompt_tokens": 0, "completion_tokens": 0, "completion_cap": 0,
            "uncapped_calls": 0}


def count_calls(records, practice_key: str = keys.PRACTICE_KEY) -> dict:
    """Billable chat calls in a practice server's request records, per model.

    A request the real API would refuse for free (bad body, wrong key) is counted apart as
    ``refused``. A request carrying ``X-Practice-Fault`` counts as a normal call: the real
    API ignores that header and answers (and bills) it.
    """
    from helpers.practice.model.replies import count_prompt_tokens, make_reply
    from helpers.practice import SERVED_MODELS
    from helpers.schema import check_request

    allowed_auth = f"Bearer {keys.mask_key(practice_key)}"  # records keep the key masked
    models: dict[str, dict] = collections.defaultdict(_empty_model)
    refused = 0
    for record in records:
        path = record.get("path", "").split("?")[0].rstrip("/")
        if record.get("method") != "POST" or path not in CHAT_PATHS:
            continue
        body = record.get("body")
        headers = {k.lower(): v for k, v in (record.get("headers") or {}).items()}
        if AUTHORIZED_HEADER in headers:  # set by CountingServer from the unmasked header
            authorized = headers[AUTHORIZED_HEADER] == "1"
        else:
            authorized = headers.get("authorization") == allowed_auth
        if not authorized or not isinstance(body, dict) or check_request(body, models=SERVED_MODELS):
            refused += 1
            continue
        entry = models[body["model"]]
        entry["calls"] += 1
        entry["streams"] += bool(body.get("stream"))
        entry["prompt_tokens"] += count_prompt_tokens(body["messages"])
        entry["completion_tokens"] += make_reply(body["model"], body["messages"], body).completion_tokens
        cap = body.get("max_completion_tokens", body.get("max_tokens"))
        if cap is None:
            entry["uncapped_calls"] += 1
            cap = UNCAPPED_COMPLETION_TOKENS
        entry["completion_cap"] += int(cap)
    return {"models": dict(models), "refused": refused,
            "calls": sum(m["calls"] for m in models.values())}


def counting_server(**kwargs):
    """A PracticeServer whose records also say whether each request carried the right key.

    The server masks the key in its records (a wrong key may end in the same 4 characters),
    so the check is made on the raw header as the request is recorded.
    """
    from helpers.practice import PracticeServer

    class CountingServer(PracticeServer):
        def record(self, method, path, headers, body):
            auth = next((v for k, v in headers.items() if k.lower() == "authorization"), None)
            flag = "1" if auth == f"Bearer {self.key}" else "0"
            super().record(method, path, {**headers, AUTHORIZED_HEADER: flag}, body)

    return CountingServer(**kwargs)


def build_profile(notebooks: list[Path], *, cell_timeout: float = 120.0, as_real: bool = True, out=print) -> dict:
    """Run each notebook against a fresh practice server (latency 0) and count its calls.

    ``as_real``: the server takes a key other than the practice key, so the lessons see
    ``helpers.mode() == "real"`` and take the path a live session takes (the answers are
    still the practice server's). False: the lessons run in practice mode.
    """
    import secrets

    from .nbrun import execute_notebook

    key = "profile-run-" + secrets.token_hex(8) if as_real else keys.PRACTICE_KEY

    lessons = {}
    saved = {name: os.environ.get(name) for name in ("AIML_API_BASE", "AIML_API_KEY", "AIML_PRACTICE",
                                                      "AIMLAPI_API_KEY", "AIML_PRACTICE_LATENCY")}
    with counting_server(latency=0, balance=1_000_000.0, key=key) as server:
        server.requests = collections.deque(maxlen=1_000_000)  # never drop a record mid-lesson
        os.environ.update({"AIML_API_BASE": server.base_url, "AIML_API_KEY": server.key,
                           "AIML_PRACTICE_LATENCY": "0"})
        os.environ.pop("AIML_PRACTICE", None)
        os.environ.pop("AIMLAPI_API_KEY", None)
        try:
            for path in notebooks:
                server.reset()
                run = execute_notebook(path, cell_timeout=cell_timeout)
                counted = count_calls(list(server.requests), server.key)
                counted["ran_clean"] = run.ok
                lessons[path.stem] = counted
                out(f"  {path.stem:<28} {counted['calls']:>3} calls  {'ok' if run.ok else 'FAILED: ' + run.error}")
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    return {
        "about": "Chat calls per lesson, counted on the practice server. Regenerate: python -m live.profile",
        "generated": date.today().isoformat(),
        "lesson_mode": "real" if as_real else "practice",
        "uncapped_completion_tokens": UNCAPPED_COMPLETION_TOKENS,
        "lessons": lessons,
    }


def load_profile(path: Path = PROFILE_PATH) -> dict:
    """The committed profile; a clear FileNotFoundError when it is missing."""
    try:
        return json.loads(Path(path).read_text())
    except FileNotFoundError:
        raise FileNotFoundError(f"No lesson profile at {path}: run `.venv/bin/python -m live.profile`.") from None


def stale_lessons(profile: dict, notebooks: list[Path]) -> tuple[list[str], list[str]]:
    """(lessons on disk the profile lacks, lessons in the profile no longer on disk)."""
    on_disk = {p.stem for p in notebooks}
    known = set(profile.get("lessons", {}))
    return sorted(on_disk - known), sorted(known - on_disk)


# --------------------------------------------------------------------------- estimating

@dataclass
class Estimate:
    """A planned session's cost: per lesson (one learner), in total, and what it assumed."""

    lessons: list[str]
    learners: int
    margin: float
    per_lesson_usd: dict[str, float]
    calls_per_learner: int
    assumptions: list[str] = field(default_factory=list)

    @property
    def per_learner_usd(self) -> float:
        return sum(self.per_lesson_usd.values())

    @property
    def total_usd(self) -> float:
        return self.per_learner_usd * self.learners * self.margin


def lesson_tokens(entry: dict) -> dict[str, float]:
    """Budget tokens per model for one lesson: prompt (scaled to real tokenizers) plus every answer at its cap."""
    return {model: m["prompt_tokens"] * PROMPT_TOKEN_FACTOR + m["completion_cap"]
            for model, m in entry.get("models", {}).items()}


def price_for(model: str, rates: dict[str, float]) -> tuple[float, str | None]:
    """USD per token for ``model``: measured, else (a model the preflight did not call) twice the dearest."""
    if model in rates:
        return rates[model], None
    dearest = max(rates.values())
    return 2 * dearest, f"{model} was not measured: priced at twice the dearest measured rate"


def lesson_cost(entry: dict, rates: dict[str, float]) -> tuple[float, list[str]]:
    notes, total = [], 0.0
    for model, tokens in lesson_tokens(entry).items():
        rate, note = price_for(model, rates)
        total += tokens * rate
        if note:
            notes.append(note)
    return total, notes


def select_lessons(profile: dict, rates: dict[str, float], count: int | None = None,
                   only: str | None = None) -> tuple[list[str], str]:
    """The lessons a session covers, and how they were chosen.

    ``only`` (``"00,03,05"``, numbers or names): exactly those. ``count`` M: the M dearest
    lessons (a budget should not be optimistic). Neither: every lesson in the profile.
    """
    lessons = profile.get("lessons", {})
    names = sorted(lessons)
    if only:
        chosen = []
        for item in filter(None, (i.strip() for i in only.split(","))):
            match = [n for n in names if n == item or (item.isdigit() and n.split("_")[0] == item.zfill(2))]
            if not match:
                known = ", ".join(n[:2] for n in names)
                raise ValueError(f"--only: no lesson {item!r} in the profile (known: {known}).")
            chosen.extend(m for m in match if m not in chosen)
        return chosen, "lessons " + ", ".join(n[:2] for n in chosen)
    if count is None or count == len(names):
        return names, f"all {len(names)} lessons"
    if not 1 <= count <= len(names):
        raise ValueError(f"--lessons {count}: the profile has {len(names)} lessons; give 1 to {len(names)}.")
    dearest = sorted(names, key=lambda n: (-lesson_cost(lessons[n], rates)[0], n))[:count]
    return sorted(dearest), f"the {count} dearest of {len(names)} lessons"


def estimate_session(profile: dict, lessons: list[str], learners: int, rates: dict[str, float],
                     margin: float = 1.5) -> Estimate:
    """Cost of ``learners`` each running ``lessons`` once, times ``margin`` for re-runs and play.

    ``rates`` is USD per token per model, measured by the preflight's own calls.
    """
    if learners < 1:
        raise ValueError("learners must be 1 or more")
    if not rates:
        raise ValueError("no measured price per token: no call reported both its cost and its tokens")
    per_lesson, notes, calls = {}, [], 0
    for name in lessons:
        entry = profile["lessons"][name]
        per_lesson[name], lesson_notes = lesson_cost(entry, rates)
        calls += entry.get("calls", 0)
        notes.extend(n for n in lesson_notes if n not in notes)
    uncapped = profile.get("uncapped_completion_tokens", UNCAPPED_COMPLETION_TOKENS)
    notes.insert(0, f"every answer runs to its max_tokens ({uncapped} when a call sets none); "
                    f"prompts x{PROMPT_TOKEN_FACTOR:g} of the practice count; every token priced "
                    f"at the measured cost per answer token (an upper bound); margin x{margin:g}")
    return Estimate(lessons, learners, margin, per_lesson, calls, notes)


# --------------------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m live.profile", description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="lesson notebooks (default: notebooks/NN_*.ipynb)")
    parser.add_argument("--output", type=Path, default=PROFILE_PATH)
    parser.add_argument("--cell-timeout", type=float, default=120.0)
    parser.add_argument("--check", action="store_true", help="only say whether the profile covers every lesson")
    parser.add_argument("--practice-mode", action="store_true",
                        help="let the lessons run in practice mode (default: they see real mode, as in a live session)")
    args = parser.parse_args(argv)
    from .nbrun import lesson_notebooks

    notebooks = args.notebooks or lesson_notebooks(NOTEBOOKS)
    if args.check:
        missing, gone = stale_lessons(load_profile(args.output), lesson_notebooks(NOTEBOOKS))
        if missing or gone:
            print(f"The profile is stale: not profiled {missing or '-'}; no longer on disk {gone or '-'}.")
            return 1
        print("The profile covers every lesson on disk.")
        return 0
    if not notebooks:
        print("No lesson notebooks found (notebooks/NN_*.ipynb).", file=sys.stderr)
        return 1
    print(f"Counting the calls of {len(notebooks)} lessons on a practice server:")
    profile = build_profile(notebooks, cell_timeout=args.cell_timeout, as_real=not args.practice_mode)
    args.output.write_text(json.dumps(profile, indent=1, sort_keys=True) + "\n")
    failed = [n for n, e in profile["lessons"].items() if not e["ran_clean"]]
    partial = f" (these lessons failed part-way, their counts are partial: {failed})" if failed else ""
    print(f"Wrote {args.output}{partial}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
