"""An instructor's preflight: is the key, the API and the balance ready for a live session?

    make preflight                                   # or: .venv/bin/python -m live.preflight
    make preflight ARGS="--learners 20 --lessons 6"

In under a minute and for a fraction of a cent it checks, in order: the network (free
``GET /v1/models``, which must list both Gemma 3 models), the key (``GET /v2/billing``),
one small chat on each model, one small stream, and whether the balance covers the
session you plan (cost measured on the calls just made, scaled by the lessons' call
profile in ``live/lesson_profile.json``). Then it prints a go / no-go table.

Exit status: 0 go, 1 no-go (the table says why and what to do), 2 no key configured.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from helpers import advice, model_ids, settings

from . import profile as lesson_profile
from .common import (NO_KEY_TEXT, Deadline, Target, explain_error, format_table, format_usd, load_target)
from .nbrun import lesson_notebooks

GO, NO_GO, WARN, SKIP = "GO", "NO-GO", "WARN", "SKIP"
#: A prompt whose answer fills max_tokens: the measured price per answer token is then close to the real one.
PROMPT = "Count from 1 to 50, separated by spaces."
CHAT_MAX_TOKENS = 24
STREAM_MAX_TOKENS = 16
DEFAULT_DEADLINE = 50.0
DEFAULT_CALL_TIMEOUT = 15.0
DEFAULT_MARGIN = 1.5


@dataclass
class Check:
    name: str
    result: str
    detail: str

    @property
    def failed(self) -> bool:
        return self.result in (NO_GO, SKIP)


@dataclass
class Preflight:
    """Everything one preflight found: the checks in order, and what it measured."""

    target: Target
    checks: list[Check] = field(default_factory=list)
    balance: float | None = None
    rates: dict[str, float] = field(default_factory=dict)  # USD per token, measured
    spent: float = 0.0
    estimate: lesson_profile.Estimate | None = None
    plan: str = ""

    @property
    def go(self) -> bool:
        return bool(self.checks) and not any(c.failed for c in self.checks)

    def add(self, name: str, result: str, detail: str) -> Check:
        check = Check(name, result, detail)
        self.checks.append(check)
        return check

    def table(self) -> str:
        return format_table(["check", "result", "detail"], [[c.name, c.result, c.detail] for c in self.checks])

    def verdict(self) -> str:
        if self.go:
            return "GO: the key, both models, streaming and the balance are ready for the session."
        failed = [c.name for c in self.checks if c.result == NO_GO]
        skipped = [c.name for c in self.checks if c.result == SKIP]
        text = "NO-GO: " + (f"{', '.join(failed)} failed" if failed else "")
        if skipped:
            text += ("; " if failed else "") + f"{', '.join(skipped)} could not be checked"
        return text + ". Fix what the table says, then run `make preflight` again."


def _skip_rest(pf: Preflight, names: list[str], why: str) -> None:
    for name in names:
        pf.add(name, SKIP, why)


def _chat_detail(result, seconds: float) -> str:
    tokens = result.tokens
    bits = [f"{seconds:.1f} s", f"{tokens} tokens" if tokens is not None else "no token usage",
            format_usd(result.cost_usd) if result.cost_usd is not None else "no cost reported"]
    preview = " ".join(result.text.split())[:40]
    return f"answered {preview!r} ({', '.join(bits)})"


def measured_rate(result) -> float | None:
    """USD per token from one answer: its cost over its answer tokens (over all tokens if it gave none).

    Charging the whole cost to the answer tokens gives an upper bound on the price of an
    answer token (and of a prompt token, which costs no more): a budget errs high, not low.
    """
    if result.cost_usd is None:
        return None
    usage = result.usage if isinstance(result.usage, dict) else {}
    completion = usage.get("completion_tokens")
    if isinstance(completion, (int, float)) and not isinstance(completion, bool) and completion >= 1:
        return result.cost_usd / completion
    return result.cost_usd / result.tokens if result.tokens else None


def _record_rate(pf: Preflight, model: str, result) -> None:
    if result.cost_usd is not None:
        pf.spent += result.cost_usd
    rate = measured_rate(result)
    if rate is not None:
        pf.rates.setdefault(model, rate)


CHECK_NAMES = ["network", "models listed", "key", "chat 4B", "chat 12B", "streaming", "budget"]


def run_checks(target: Target, *, learners: int = 1, lessons: int | None = None, only: str | None = None,
               deadline_s: float = DEFAULT_DEADLINE, call_timeout: float = DEFAULT_CALL_TIMEOUT,
               margin: float = DEFAULT_MARGIN, profile: dict | None = None,
               notebooks: list | None = None) -> Preflight:
    """Run every check against ``target`` (which must have a key); never raises for an API failure."""
    pf = Preflight(target)
    with target.client(timeout=call_timeout, max_retries=1) as client:
        _run_checks(pf, client, Deadline(deadline_s), call_timeout)
    if not any(c.name == "budget" for c in pf.checks):  # not skipped already
        budget_check(pf, learners=learners, lessons=lessons, only=only, margin=margin,
                     profile=profile, notebooks=notebooks)
    return pf


def _run_checks(pf: Preflight, client, deadline: Deadline, call_timeout: float) -> None:
    target = pf.target

    def call(fn: Callable, cap: float = call_timeout):
        client.timeout = deadline.timeout(cap)
        return fn()

    # 1. the network, for free
    started = time.monotonic()
    try:
        listed = call(client.models)
    except Exception as exc:  # noqa: BLE001 - explained in the table
        what, todo = explain_error(exc, target)
        pf.add("network", NO_GO, f"GET /v1/models: {what}\n{todo}")
        _skip_rest(pf, CHECK_NAMES[1:], "needs the network check to pass")
        return
    pf.add("network", GO, f"GET /v1/models answered in {time.monotonic() - started:.1f} s ({len(listed)} models)")
    missing = [m for m in model_ids.MODELS if m not in listed]
    if missing:
        pf.add("models listed", NO_GO, f"not in /v1/models: {', '.join(missing)}\n"
                                       f"{advice.for_status(404, model=missing[0]).todo}")
    else:
        pf.add("models listed", GO, " and ".join(model_ids.MODELS))

    # 2. the key, for free
    try:
        pf.balance = call(client.balance)
    except Exception as exc:  # noqa: BLE001
        what, todo = explain_error(exc, target)
        pf.add("key", NO_GO, f"GET /v2/billing: {what}\n{todo}")
        _skip_rest(pf, CHECK_NAMES[3:], "needs a key that works")
        return
    pf.add("key", GO, f"key {target.masked_key} accepted; balance {format_usd(pf.balance)}")

    # 3. one small chat per model, one small stream
    for name, model in (("chat 4B", model_ids.SMALL_MODEL), ("chat 12B", model_ids.LARGE_MODEL)):
        started = time.monotonic()
        try:
            result = call(lambda: client.chat(PROMPT, model=model, max_tokens=CHAT_MAX_TOKENS, temperature=0))
        except Exception as exc:  # noqa: BLE001
            what, todo = explain_error(exc, target)
            pf.add(name, NO_GO, f"{model}: {what}\n{todo}")
            continue
        _record_rate(pf, model, result)
        if not result.text.strip():
            pf.add(name, NO_GO, f"{model} answered with no text (finish_reason {result.finish_reason!r})\n"
                                "Run it again; if it persists, the model may be down: check the vendor's status.")
        else:
            pf.add(name, GO, f"{model} {_chat_detail(result, time.monotonic() - started)}")

    started = time.monotonic()
    try:
        stream = client.stream(PROMPT, model=model_ids.SMALL_MODEL, max_tokens=STREAM_MAX_TOKENS,
                               temperature=0, timeout=deadline.timeout(call_timeout))
        pieces = list(stream)
        result = stream.result
    except Exception as exc:  # noqa: BLE001
        what, todo = explain_error(exc, target)
        pf.add("streaming", NO_GO, f"{what}\n{todo}")
    else:
        if result is not None:
            _record_rate(pf, model_ids.SMALL_MODEL, result)
        if not pieces:
            pf.add("streaming", NO_GO, "the stream ended without any text\n"
                                       "A proxy may buffer event streams; try another network.")
        else:
            first = stream.time_to_first_token_s or 0.0
            pf.add("streaming", GO, f"{len(pieces)} pieces, first after {first:.1f} s, "
                                    f"done in {time.monotonic() - started:.1f} s")


def budget_check(pf: Preflight, *, learners: int, lessons: int | None, only: str | None, margin: float,
                 profile: dict | None, notebooks: list | None) -> None:
    """Add the budget row: does the balance cover the session estimated from measured prices?"""
    try:
        profile = profile if profile is not None else lesson_profile.load_profile()
    except FileNotFoundError as exc:
        pf.add("budget", NO_GO, f"{exc}")
        return
    if not pf.rates:
        pf.add("budget", WARN, "no call reported both its cost and its tokens, so the session cannot be priced;\n"
                               f"the balance is {format_usd(pf.balance)}. Compare it with the vendor's price list.")
        return
    try:
        chosen, how = lesson_profile.select_lessons(profile, pf.rates, count=lessons, only=only)
        pf.estimate = est = lesson_profile.estimate_session(profile, chosen, learners, pf.rates, margin)
    except ValueError as exc:
        pf.add("budget", NO_GO, str(exc))
        return
    pf.plan = f"{learners} learner{'s' if learners != 1 else ''} x {how}"
    detail = (f"{pf.plan}: about {est.calls_per_learner} calls and {format_usd(est.per_learner_usd)} per learner;\n"
              f"estimate {format_usd(est.total_usd)} (x{margin:g} margin) "
              f"against a balance of {format_usd(pf.balance)}")
    if pf.balance is not None and pf.balance >= est.total_usd:
        pf.add("budget", GO, detail)
    else:
        pf.add("budget", NO_GO,
               detail + "\nTop up at " + advice.BILLING_PAGE + " or plan fewer learners or lessons.")
    missing, _ = lesson_profile.stale_lessons(profile, notebooks if notebooks is not None
                                              else lesson_notebooks(lesson_profile.NOTEBOOKS))
    if missing:
        pf.add("lesson profile", WARN, f"lessons not in live/lesson_profile.json: {', '.join(missing)} (not priced)\n"
                                       "Regenerate it: .venv/bin/python -m live.profile")


# --------------------------------------------------------------------------- command line

def _ask_int(question: str, default: int | None, read: Callable[[str], str]) -> int | None:
    shown = "all" if default is None else str(default)
    while True:
        try:
            answer = read(f"{question} [{shown}]: ").strip()
        except EOFError:
            return default
        if not answer:
            return default
        if answer.isdigit() and int(answer) > 0:
            return int(answer)
        print("  Please type a whole number above 0, or press Enter for the default.")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m live.preflight",
                                     description="Check the key, models, streaming and balance before a live session.",
                                     epilog="Exit status: 0 go, 1 no-go, 2 no key configured.")
    parser.add_argument("--learners", type=int, default=None, help="learners in the session (default 1)")
    parser.add_argument("--lessons", type=int, default=None,
                        help="lessons each learner runs (default all; priced as the dearest M)")
    parser.add_argument("--only", default=None, help="exact lessons instead, e.g. 00,01,03")
    parser.add_argument("--profile", type=Path, default=lesson_profile.PROFILE_PATH,
                        help="the lessons' call profile (default live/lesson_profile.json)")
    parser.add_argument("--margin", type=float, default=DEFAULT_MARGIN, help="safety factor for re-runs (default 1.5)")
    parser.add_argument("--deadline", type=float, default=DEFAULT_DEADLINE, help="seconds for the whole preflight")
    parser.add_argument("--timeout", type=float, default=DEFAULT_CALL_TIMEOUT, help="seconds for one call")
    parser.add_argument("--no-input", action="store_true", help="never ask questions (defaults instead)")
    args = parser.parse_args(argv)
    for name in ("learners", "lessons"):
        value = getattr(args, name)
        if value is not None and value < 1:
            parser.error(f"--{name} must be 1 or more")
    if args.margin < 1 or args.deadline <= 0 or args.timeout <= 0:
        parser.error("--margin must be 1 or more; --deadline and --timeout must be positive")
    return args


def main(argv: list[str] | None = None, *, interactive: bool | None = None,
         read: Callable[[str], str] = input) -> int:
    args = parse_args(argv)
    target = load_target()
    print("Preflight for a live session")
    if not target.api_key:
        print(f"Target: {target.base_url}\n")
        print(NO_KEY_TEXT)
        return 2
    print(f"Target: {target.describe()}")
    if settings.practice_forced():
        print(f"Note: {settings.PRACTICE_VARIABLE} is set here, so lessons started from this shell would use the "
              "practice server. Unset it for the session.")
    if interactive is None:
        interactive = sys.stdin.isatty() and sys.stdout.isatty() and not args.no_input
    if interactive and args.only is None:
        if args.learners is None:
            args.learners = _ask_int("How many learners?", 1, read)
        if args.lessons is None:
            args.lessons = _ask_int("How many lessons will each run?", None, read)
    learners = args.learners or 1
    try:
        profile = lesson_profile.load_profile(args.profile)
    except (FileNotFoundError, ValueError) as exc:
        print(f"\n{exc}")
        return 1
    print(f"Checking (deadline {args.deadline:g} s, {args.timeout:g} s per call)...\n")
    pf = run_checks(target, learners=learners, lessons=args.lessons, only=args.only,
                    deadline_s=args.deadline, call_timeout=args.timeout, margin=args.margin, profile=profile)
    print(pf.table())
    if pf.spent:
        print(f"\nThis preflight spent {format_usd(pf.spent)}.")
    if pf.estimate is not None:
        print("Estimate assumes: " + "; ".join(pf.estimate.assumptions) + ".")
    if target.practice:
        print("Note: this was a practice server: its answers and prices are simulated.")
    print("\n" + pf.verdict())
    return 0 if pf.go else 1


if __name__ == "__main__":
    sys.exit(main())
