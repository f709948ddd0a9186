"""The ledger: seats and every call, in one SQLite file in WAL mode (the single source of truth).

Money is stored as whole nano-dollars (1 USD = 10**9) so that sums are exact: a seat's
``spent + reserved`` never drifts past its budget through rounding. Seat codes are stored
only as SHA-256 hashes. Nothing a learner sends is stored whole: a model name is cut to
``MAX_MODEL`` characters, an error to ``MAX_ERROR``. The relay and the command line open the same file at the same time;
WAL lets one write while the other reads, and every write is one short transaction.
"""
from __future__ import annotations

import hashlib
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from helpers.money import format_usd

NANO = 1_000_000_000  # nano-dollars per USD

SCHEMA = """
CREATE TABLE IF NOT EXISTS seats (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    code_hash TEXT NOT NULL UNIQUE,
    code_hint TEXT NOT NULL,
    budget_nusd INTEGER NOT NULL,
    spent_nusd INTEGER NOT NULL DEFAULT 0,
    reserved_nusd INTEGER NOT NULL DEFAULT 0,
    requests INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    paused INTEGER NOT NULL DEFAULT 0,
    pause_reason TEXT,
    overrun_nusd INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY,
    seat_id INTEGER NOT NULL REFERENCES seats(id),
    model TEXT,
    stream INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    http_status INTEGER,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    reserved_nusd INTEGER NOT NULL DEFAULT 0,
    settled_nusd INTEGER,
    upstream_request_id TEXT,
    error TEXT,
    started REAL NOT NULL,
    finished REAL,
    n INTEGER NOT NULL DEFAULT 1  -- calls this row stands for (refusals past a seat's limits come in bulk)
);
CREATE INDEX IF NOT EXISTS calls_open ON calls(status) WHERE status = 'open';
CREATE INDEX IF NOT EXISTS calls_seat_time ON calls(seat_id, started);
"""

# A call's status: open (reserved, in flight), ok, error, cut (stream ended early), abandoned (the learner
# left), refused (answered by the relay, never forwarded), recovered (left open by a crash, settled at its
# reservation).
_REFUSED = {"paused": "the seat is paused", "budget": "over the remaining budget"}
MAX_MODEL = 200
MAX_ERROR = 300


def clip(text: str | None, limit: int) -> str | None:
    """``text`` cut to ``limit`` characters (with an ellipsis when cut), or None."""
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1] + "\u2026"


def to_nusd(usd: float) -> int:
    """USD as whole nano-dollars."""
    return round(usd * NANO)


def to_usd(nusd: int | None) -> float:
    """Nano-dollars as USD (0 for None)."""
    return round((nusd or 0) / NANO, 9)


def usd_text(nusd: int | None) -> str:
    """An amount as a learner reads it: ``$0.50`` from a cent up, ``$0.0000325`` (three digits) below."""
    usd = to_usd(nusd)
    return f"${usd:,.2f}" if usd >= 0.01 else format_usd(usd)


def hash_secret(secret: str) -> str:
    """The only form in which a seat code or the admin token is kept (both are random and long, so plain
    SHA-256 suffices). Codes are looked up by this hash, so a lookup's timing tells nothing about a code."""
    return hashlib.sha256(secret.strip().encode("utf-8")).hexdigest()


def hash_code(code: str) -> str:
    """A seat code's hash, whatever the case it was typed in (codes are lower case)."""
    return hash_secret(code.lower())


class LedgerError(Exception):
    """A command-line level problem (no such seat, a name taken...) with a message to show."""


@dataclass
class Refusal:
    """Why a reservation was refused: ``kind`` is "paused" or "budget"."""

    kind: str
    seat: str
    budget_nusd: int
    available_nusd: int
    reason: str | None = None


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (and create if needed) the ledger; WAL mode, a busy timeout, autocommit with explicit BEGINs."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise LedgerError(f"The folder {path.parent} does not exist: create it or choose another --db path.")
    db = sqlite3.connect(str(path), timeout=10.0, isolation_level=None, check_same_thread=False)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA busy_timeout = 10000")
    if db.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
        raise LedgerError(f"{path}: SQLite could not switch to WAL mode (is it on a network drive?).")
    db.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a commit survives a crash of the process
    db.execute("PRAGMA foreign_keys = ON")
    db.executescript(SCHEMA)
    if "n" not in {row["name"] for row in db.execute("PRAGMA table_info(calls)")}:  # a ledger from before
        try:
            db.execute("ALTER TABLE calls ADD COLUMN n INTEGER NOT NULL DEFAULT 1")
        except sqlite3.OperationalError as exc:  # the relay and a command racing: the other added it
            if "duplicate column" not in str(exc):
                raise
    return db


class Ledger:
    """Every read and write the relay and the command line make, each one short transaction.

    Not thread-safe by itself: the relay calls it from one thread (see ``relay.store``).
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.db = connect(path)

    def close(self) -> None:
        self.db.close()

    def _write(self, fn, *args):
        self.db.execute("BEGIN IMMEDIATE")
        try:
            result = fn(*args)
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
        return result

    # -- seats (command line and dashboard)

    def add_seats(self, seats: list[tuple[str, str, float]]) -> None:
        """Create seats from (name, code, budget_usd); all or none."""
        now = time.time()

        def insert():
            for name, code, budget in seats:
                if self.db.execute("SELECT 1 FROM seats WHERE name = ?", (name,)).fetchone():
                    raise LedgerError(f"A seat named {name!r} exists already: choose another --prefix.")
                self.db.execute(
                    "INSERT INTO seats (name, code_hash, code_hint, budget_nusd, created, updated) "
                    "VALUES (?, ?, ?, ?, ?, ?)", (name, hash_code(code), code[-4:], to_nusd(budget), now, now))
        self._write(insert)

    def seat_names(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM seats ORDER BY id")]

    def seats(self) -> list[dict]:
        """Every seat as the dashboard and ``seats list`` show it (USD amounts)."""
        rows = self.db.execute("SELECT * FROM seats ORDER BY id").fetchall()
        return [seat_view(r) for r in rows]

    def set_paused(self, name: str | None, paused: bool, reason: str | None = None) -> int:
        """Pause or resume one seat (``name``) or all (None); returns how many seats changed."""
        def update():
            where, args = ("", ()) if name is None else (" WHERE name = ?", (name,))
            if name is not None and not self.db.execute("SELECT 1 FROM seats WHERE name = ?", args).fetchone():
                raise LedgerError(f"No seat named {name!r}. `python -m relay seats list --db {self.path}` "
                                  "shows the names.")
            cur = self.db.execute(f"UPDATE seats SET paused = ?, pause_reason = ?, updated = ?{where}",
                                  (int(paused), reason if paused else None, time.time(), *args))
            return cur.rowcount
        return self._write(update)

    # -- the relay's hot path

    def find_seat(self, code_hash: str) -> tuple[int, str] | None:
        """The (id, name) of the seat whose code has this hash, or None."""
        row = self.db.execute("SELECT id, name FROM seats WHERE code_hash = ?", (code_hash,)).fetchone()
        return None if row is None else (row["id"], row["name"])

    def reserve(self, seat_id: int, model: str, stream: bool, amount: int) -> int | Refusal:
        """Hold ``amount`` nano-dollars of the seat's budget for one call: the call's id, or a Refusal."""
        model = clip(model, MAX_MODEL)

        def run():
            now = time.time()
            seat = self.db.execute("SELECT name, budget_nusd, spent_nusd, reserved_nusd, paused, pause_reason "
                                   "FROM seats WHERE id = ?", (seat_id,)).fetchone()
            available = seat["budget_nusd"] - seat["spent_nusd"] - seat["reserved_nusd"]
            refusal = None
            if seat["paused"]:
                refusal = Refusal("paused", seat["name"], seat["budget_nusd"], available, seat["pause_reason"])
            elif amount > available:
                refusal = Refusal("budget", seat["name"], seat["budget_nusd"], available)
            if refusal is not None:
                self.db.execute("INSERT INTO calls (seat_id, model, stream, status, http_status, error, started, "
                                "finished) VALUES (?, ?, ?, 'refused', 403, ?, ?, ?)",
                                (seat_id, model, int(stream), f"refused: {refusal.kind}", now, now))
                self.db.execute("UPDATE seats SET requests = requests + 1, errors = errors + 1, last_error = ? "
                                "WHERE id = ?", (f"403: refused, {_REFUSED[refusal.kind]}", seat_id))
                return refusal
            self.db.execute("UPDATE seats SET reserved_nusd = reserved_nusd + ?, requests = requests + 1, "
                            "updated = ? WHERE id = ?", (amount, now, seat_id))
            cur = self.db.execute("INSERT INTO calls (seat_id, model, stream, status, reserved_nusd, started) "
                                  "VALUES (?, ?, ?, 'open', ?, ?)", (seat_id, model, int(stream), amount, now))
            return cur.lastrowid
        return self._write(run)

    def record_refusal(self, seat_id: int, model: str | None, http_status: int, error: str, n: int = 1) -> None:
        """``n`` calls refused before any reservation (a bad body, a limit): one row, and an error on the seat."""
        model, error = clip(model, MAX_MODEL), clip(error, MAX_ERROR)

        def run():
            now = time.time()
            self.db.execute("INSERT INTO calls (seat_id, model, status, http_status, error, started, finished, n) "
                            "VALUES (?, ?, 'refused', ?, ?, ?, ?, ?)",
                            (seat_id, model, http_status, error, now, now, n))
            self.db.execute("UPDATE seats SET requests = requests + ?, errors = errors + ?, last_error = ? "
                            "WHERE id = ?", (n, n, error, seat_id))
        self._write(run)

    def settle(self, call_id: int, outcome: "Outcome") -> None:
        """Close an open call at the cost it really had; an overrun pauses the seat. Idempotent."""
        outcome.error, outcome.request_id = clip(outcome.error, MAX_ERROR), clip(outcome.request_id, MAX_MODEL)

        def run():
            call = self.db.execute("SELECT seat_id, reserved_nusd FROM calls WHERE id = ? AND status = 'open'",
                                   (call_id,)).fetchone()
            if call is None:
                return
            cost = max(0, outcome.cost_nusd)
            overrun = max(0, cost - call["reserved_nusd"])
            now = time.time()
            self.db.execute(
                "UPDATE calls SET status = ?, http_status = ?, prompt_tokens = ?, completion_tokens = ?, "
                "settled_nusd = ?, upstream_request_id = ?, error = ?, finished = ? WHERE id = ?",
                (outcome.status, outcome.http_status, outcome.prompt_tokens, outcome.completion_tokens, cost,
                 outcome.request_id, outcome.error, now, call_id))
            failed = int(outcome.status != "ok")
            self.db.execute(
                "UPDATE seats SET reserved_nusd = reserved_nusd - ?, spent_nusd = spent_nusd + ?, "
                "errors = errors + ?, last_error = CASE WHEN ? THEN ? ELSE last_error END, updated = ? "
                "WHERE id = ?", (call["reserved_nusd"], cost, failed, failed, outcome.error, now, call["seat_id"]))
            if overrun:
                reason = (f"after an overrun: the upstream reported {usd_text(cost)} for call {call_id}, "
                          f"{usd_text(overrun)} more than the {usd_text(call['reserved_nusd'])} reserved")
                self.db.execute("UPDATE seats SET paused = 1, pause_reason = ?, overrun_nusd = overrun_nusd + ?, "
                                "last_error = ? WHERE id = ?", (reason, overrun, reason, call["seat_id"]))
        self._write(run)

    def recover(self) -> int:
        """Settle every call left open (by a crash) at its reservation, never dropping it; how many."""
        def run():
            now = time.time()
            rows = self.db.execute("SELECT id, seat_id, reserved_nusd FROM calls WHERE status = 'open'").fetchall()
            for row in rows:
                self.db.execute("UPDATE calls SET status = 'recovered', settled_nusd = reserved_nusd, "
                                "error = 'left open when the relay stopped; settled at its reservation', "
                                "finished = ? WHERE id = ?", (now, row["id"]))
                self.db.execute("UPDATE seats SET spent_nusd = spent_nusd + ? WHERE id = ?",
                                (row["reserved_nusd"], row["seat_id"]))
            # With nothing open, nothing is reserved: rebuild the column from the calls (heals any drift).
            self.db.execute("UPDATE seats SET reserved_nusd = 0")
            return len(rows)
        return self._write(run)

    # -- what a seat may read about itself

    def balance(self, seat_id: int) -> int:
        """The seat's budget less its spend and its reservations, never below 0."""
        row = self.db.execute("SELECT budget_nusd - spent_nusd - reserved_nusd FROM seats WHERE id = ?",
                              (seat_id,)).fetchone()
        return max(0, row[0])

    def usage(self, seat_id: int, start: float, end: float) -> tuple[int, int]:
        """(nano-dollars, calls) of the seat's calls started in the window, refusals aside."""
        row = self.db.execute("SELECT COALESCE(SUM(COALESCE(settled_nusd, reserved_nusd)), 0), COUNT(*) FROM calls "
                              "WHERE seat_id = ? AND started BETWEEN ? AND ? AND status != 'refused'",
                              (seat_id, start, end)).fetchone()
        return row[0], row[1]

    # -- the report

    def report(self) -> list[dict]:
        """Spend by seat and model: requests, tokens, errors."""
        rows = self.db.execute(
            "SELECT s.name AS seat, COALESCE(c.model, '(none)') AS model, SUM(c.n) AS requests, "
            "SUM(CASE WHEN c.status NOT IN ('ok', 'open') THEN c.n ELSE 0 END) AS errors, "
            "COALESCE(SUM(c.prompt_tokens), 0) AS prompt_tokens, "
            "COALESCE(SUM(c.completion_tokens), 0) AS completion_tokens, "
            "COALESCE(SUM(c.settled_nusd), 0) AS spent_nusd, SUM(c.status = 'open') AS open "
            "FROM calls c JOIN seats s ON s.id = c.seat_id GROUP BY s.id, c.model ORDER BY s.id, c.model").fetchall()
        return [{"seat": r["seat"], "model": r["model"], "requests": r["requests"], "errors": r["errors"],
                 "prompt_tokens": r["prompt_tokens"], "completion_tokens": r["completion_tokens"],
                 "spent_usd": to_usd(r["spent_nusd"]), "open": r["open"]} for r in rows]


@dataclass
class Outcome:
    """How one forwarded call ended, for ``Ledger.settle``."""

    status: str
    cost_nusd: int
    http_status: int | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    request_id: str | None = None
    error: str | None = None


def seat_view(row: sqlite3.Row) -> dict:
    """A seat's row as the dashboard and ``seats list`` show it (USD, the code as ****abcd)."""
    return {"name": row["name"], "code": "****" + row["code_hint"], "budget_usd": to_usd(row["budget_nusd"]),
            "spent_usd": to_usd(row["spent_nusd"]), "reserved_usd": to_usd(row["reserved_nusd"]),
            "remaining_usd": to_usd(max(0, row["budget_nusd"] - row["spent_nusd"] - row["reserved_nusd"])),
            "requests": row["requests"], "errors": row["errors"], "paused": bool(row["paused"]),
            "pause_reason": row["pause_reason"], "overrun_usd": to_usd(row["overrun_nusd"]),
            "last_error": row["last_error"]}
