"""Run every lesson against the configured API: ``make test-live``.

    make test-live                                      # needs AIML_API_KEY (or .env)
    .venv/bin/python -m live.run_lessons notebooks/03_streaming.ipynb   # some lessons only

In order: the drift check (``live/drift.py``), the client's live checks
(``live/client_checks.py``), then each lesson notebook top to bottom in a fresh kernel,
with a table of pass/fail, time and cost per lesson. The cost of a lesson is the drop in
the balance (``GET /v2/billing``, free) across it; the billing endpoint may lag by a few
seconds, so a late charge can land on the next lesson, and the total is re-read at the end.

Without a key it does nothing, says so, and exits 0 (``make test`` and CI never need one).
Exit status: 0 everything passed and no drift, 1 otherwise.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from helpers import advice, settings

from . import client_checks, drift
from . import profile as lesson_profile
from .common import Target, explain_error, format_table, format_usd, load_target, redact
from .nbrun import NotebookRun, execute_notebook, lesson_notebooks

SKIP_TEXT = ("test-live skipped: no AIML_API_KEY (environment or .env), so there is no API to run the lessons "
             f"against.\nSet a key from {advice.KEYS_PAGE} (funded account) and run `make test-live` "
             "again; `make preflight` checks the key first.")


@dataclass
class LessonResult:
    run: NotebookRun
    cost_usd: float | None

    @property
    def row(self) -> list[str]:
        r = self.run
        note = "" if r.ok else (f"cell {r.failed_cell}: " if r.failed_cell is not None else "") + r.error
        return [r.lesson, "pass" if r.ok else "FAIL", f"{r.seconds:.1f} s",
                format_usd(self.cost_usd) if self.cost_usd is not None else "unknown", note[:140]]


def _balance(client) -> float | None:
    try:
        return client.balance()
    except Exception:  # noqa: BLE001 - the cost column then says unknown
        return None


def _say(text: str) -> None:
    print(text, flush=True)


def run_lessons(notebooks: list[Path], target: Target, *, cell_timeout: float = 180.0, out=_say) -> list[LessonResult]:
    """Run each notebook with the kernel pointed at ``target``; cost from the balance across it."""
    results = []
    with target.client(timeout=20, max_retries=1) as client:
        before = _balance(client)
        for path in notebooks:
            out(f"  running {path.name} ...")
            run = execute_notebook(path, cell_timeout=cell_timeout)
            run.error = redact(run.error, target.api_key)
            after = _balance(client)
            cost = round(before - after, 9) if before is not None and after is not None else None
            results.append(LessonResult(run, cost))
            before = after
    return results


def lessons_table(results: list[LessonResult]) -> str:
    rows = [r.row for r in results]
    costs = [r.cost_usd for r in results]
    total = sum(c for c in costs if c is not None)
    passed = sum(r.run.ok for r in results)
    rows.append(["total", f"{passed}/{len(results)} pass", f"{sum(r.run.seconds for r in results):.1f} s",
                 format_usd(total) + (" (some unknown)" if None in costs else ""), ""])
    return format_table(["lesson", "result", "time", "cost", "note"], rows)


def point_kernels_at(target: Target) -> list[str]:
    """Put the target in this process's environment (the kernels inherit it); returns notes."""
    notes = []
    if settings.practice_forced():
        notes.append(f"{settings.PRACTICE_VARIABLE} was set: unset for this run, so the lessons use the API.")
        os.environ.pop(settings.PRACTICE_VARIABLE, None)
    os.environ["AIML_API_KEY"] = target.api_key or ""
    os.environ["AIML_API_BASE"] = target.base_url
    return notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m live.run_lessons", description=__doc__.split("\n\n")[0],
                                     epilog="Exit status: 0 all passed and no drift (or skipped: no key), 1 otherwise.")
    parser.add_argument("notebooks", nargs="*", type=Path, help="lesson notebooks (default: notebooks/NN_*.ipynb)")
    parser.add_argument("--cell-timeout", type=float, default=180.0, help="seconds one cell may take (default 180)")
    parser.add_argument("--no-drift", action="store_true", help="skip the drift check")
    parser.add_argument("--no-client-checks", action="store_true", help="skip the client's live checks")
    parser.add_argument("--openapi", default=None, metavar="URL_OR_FILE", help="passed to the drift check")
    args = parser.parse_args(argv)

    target = load_target()
    if not target.api_key:
        print(SKIP_TEXT)
        return 0
    notebooks = args.notebooks or lesson_notebooks(lesson_profile.NOTEBOOKS)
    missing = [str(p) for p in notebooks if not Path(p).is_file()]
    if missing:
        print(f"No such notebook: {', '.join(missing)}", file=sys.stderr)
        return 1
    print(f"Live run against {target.describe()}")
    for note in point_kernels_at(target):
        print(note)
    try:
        prof = lesson_profile.load_profile()
        calls = sum(prof["lessons"].get(Path(p).stem, {}).get("calls", 0) for p in notebooks)
        print(f"{len(notebooks)} lessons; about {calls} chat calls by the lesson profile, "
              "plus about 10 for the checks.")
    except FileNotFoundError:
        pass
    started = time.monotonic()
    failed = False

    with target.client(timeout=20, max_retries=1) as client:
        try:
            start_balance = client.balance()
        except Exception as exc:  # noqa: BLE001
            what, todo = explain_error(exc, target)
            print(f"\nCannot start: {what}\n{todo}")
            return 1

        if not args.no_drift:
            print("\n== Drift check ==")
            report = drift.run_drift(target, openapi=args.openapi)
            print(report.text())
            failed |= report.exit_code != 0

        if not args.no_client_checks:
            print("\n== Client checks ==")
            checks = client_checks.run_client_checks(target)
            print(client_checks.table(checks))
            failed |= not all(c.ok for c in checks)

        print(f"\n== Lessons ({len(notebooks)}) ==")
        results = run_lessons(notebooks, target, cell_timeout=args.cell_timeout)
        print(lessons_table(results))
        failed |= not all(r.run.ok for r in results)

        time.sleep(2.0 if not target.practice else 0.0)  # let the billing endpoint catch up
        try:
            spent = start_balance - client.balance()
            print(f"\nBalance {format_usd(start_balance)} before, spent {format_usd(round(spent, 9))} in all "
                  f"({time.monotonic() - started:.0f} s).")
        except Exception:  # noqa: BLE001
            print("\nThe balance could not be read at the end: the total spend is unknown.")
    if target.practice:
        print("Note: this was a practice server: its answers and prices are simulated.")
    print("\nLIVE RUN " + ("FAILED: see the tables above." if failed else "PASSED."))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
