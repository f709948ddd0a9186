"""The seat and report commands: they write the ledger directly, so a running relay sees them at once."""
from __future__ import annotations

import csv
import json
import os
import re
import secrets
from pathlib import Path

from helpers.keys import RELAY_SEAT_PREFIX

from .ledger import Ledger, LedgerError, to_nusd, usd_text
from .shown import escaped, spreadsheet_cell

#: Letters and digits that cannot be misread on paper (no 0/o, 1/l/i).
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
GROUPS, GROUP_LENGTH = 4, 5  # 20 characters from 31: about 99 bits
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
MAX_BUDGET = 1000.0


def new_code() -> str:
    """A fresh seat code: the prefix the kit recognises, then four groups of five characters."""
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS))
    return RELAY_SEAT_PREFIX + "-".join(groups)


def db_must_exist(path: str) -> Path:
    """The ledger's path, or LedgerError saying how to create it (a typo must not make an empty ledger)."""
    db = Path(path)
    if not db.exists():
        raise LedgerError(f"{db} does not exist yet: create seats first with "
                          f"`python -m relay seats add --db {db} --count N --budget USD`.")
    return db


def run(args) -> int:
    """``seats add|list|pause|resume|pause-all|resume-all``."""
    if args.action == "add":
        return add(args)
    ledger = Ledger(db_must_exist(args.db))
    try:
        if args.action == "list":
            return show(ledger, args.json)
        paused = args.action.startswith("pause")
        name = getattr(args, "name", None)
        changed = ledger.set_paused(name, paused, "by the instructor" if paused else None)
        what = name if name else f"{changed} seat{'s' if changed != 1 else ''}"
        print(f"{'Paused' if paused else 'Resumed'} {what}. A running relay applies it to the next call.")
        return 0
    finally:
        ledger.close()


def add(args) -> int:
    """``seats add``: new seats with fresh codes, printed once (a table and a handout, or JSON)."""
    if not NAME.match(args.prefix):
        raise LedgerError(f"--prefix {args.prefix!r}: use up to 32 letters, digits, - or _.")
    if not 0 < args.budget <= MAX_BUDGET:
        raise LedgerError(f"--budget {args.budget}: give each seat between $0 and ${MAX_BUDGET:.0f} (USD).")
    ledger = Ledger(args.db)
    try:
        taken = set(ledger.seat_names())
        width = max(2, len(str(args.count + len(taken))))
        seats, number = [], 1
        while len(seats) < args.count:
            name = f"{args.prefix}-{number:0{width}d}"
            number += 1
            if name not in taken:
                seats.append((name, new_code(), round(args.budget, 6)))
        ledger.add_seats(seats)
    finally:
        ledger.close()
    rows = [{"name": n, "code": c, "budget_usd": b} for n, c, b in seats]
    if args.json:
        print(json.dumps(rows))
        return 0
    print(_table([[r["name"], r["code"], usd_text(to_nusd(r["budget_usd"]))] for r in rows],
                 ["seat", "code", "budget"]))
    path = Path(args.handout) if args.handout else Path(args.db).with_name(Path(args.db).stem + "-handout.md")
    write_handout(path, rows, args.url)
    print(f"\nThe codes are shown this once and kept only as hashes. Handout: {path} (yours to print, then delete).")
    return 0


def write_handout(path: Path, rows: list[dict], url: str) -> None:
    """One page: each seat's code and the two settings, to cut into slips (mode 0600: it holds the codes)."""
    lines = ["# Your seat in today's workshop", "",
             "Before you start JupyterLab (or in lesson 00), set these two values, then restart the kernel:", "",
             "```", f"AIML_API_BASE={url}", "AIML_API_KEY=<your seat's code, from the table>", "```", "",
             "`helpers.describe_mode()` then says *classroom relay*. Keep your code to yourself: it spends "
             "your seat's budget. The kit, raw `requests` and the OpenAI SDK all work with these two values.", "",
             "| seat | budget | your AIML_API_KEY |", "| --- | --- | --- |"]
    lines += [f"| {row['name']} | {usd_text(to_nusd(row['budget_usd']))} | `{row['code']}` |" for row in rows]
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write("\n".join(lines) + "\n")


def show(ledger: Ledger, as_json: bool) -> int:
    """``seats list``: every seat's budget, spend, requests and state."""
    keys = ("name", "budget_usd", "spent_usd", "requests", "paused")
    seats = [{k: s[k] for k in keys} for s in ledger.seats()]
    if as_json:
        print(json.dumps(seats))
        return 0
    if not seats:
        print("No seats yet: `python -m relay seats add --db PATH --count N --budget USD`.")
        return 0
    print(_table([[s["name"], usd_text(to_nusd(s["budget_usd"])), usd_text(to_nusd(s["spent_usd"])), str(s["requests"]),
                   "paused" if s["paused"] else "active"] for s in seats],
                 ["seat", "budget", "spent", "requests", "state"]))
    return 0


def report(args) -> int:
    """``report``: spend by seat and model, printed (control characters escaped) and optionally written as CSV
    (cells that could run as formulas neutralised)."""
    ledger = Ledger(db_must_exist(args.db))
    try:
        rows = ledger.report()
    finally:
        ledger.close()
    columns = ["seat", "model", "requests", "errors", "prompt_tokens", "completion_tokens", "spent_usd"]
    if args.csv:  # learners chose the model names: no cell may run as a spreadsheet formula
        with open(args.csv, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, quoting=csv.QUOTE_ALL)
            writer.writerow(columns)
            writer.writerows([spreadsheet_cell(r[c]) for c in columns] for r in rows)
    if not rows:
        print("No calls yet.")
        return 0
    total = sum(r["spent_usd"] for r in rows)
    body = [[escaped(r["seat"]), escaped(r["model"]), str(r["requests"]), str(r["errors"]), str(r["prompt_tokens"]),
             str(r["completion_tokens"]), usd_text(to_nusd(r["spent_usd"]))] for r in rows]
    print(_table(body, ["seat", "model", "requests", "errors", "prompt tokens", "completion tokens", "spent"]))
    print(f"\nTotal: {usd_text(to_nusd(total))} over {sum(r['requests'] for r in rows)} requests."
          + (f" Written to {args.csv}." if args.csv else ""))
    return 0


def _table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows])
