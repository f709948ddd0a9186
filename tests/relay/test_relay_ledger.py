"""The ledger survives kill -9: seats and spend stay, and a call left open is settled at its reservation.
One relay serves one ledger: a second one on the same file refuses to start, until the first has gone."""
from __future__ import annotations

import sqlite3
import threading
import time

import requests

from relay_support import Relay, add_seats, chat_body, cli
from hostile_upstream import PRICE, HostileUpstream

TIMEOUT = 15


def _rows(db, sql, *args):
    with sqlite3.connect(db) as con:
        return con.execute(sql, args).fetchall()


def _post(relay, code, prompt):
    return requests.post(relay.url + "/chat/completions", json=chat_body(prompt, max_tokens=16), timeout=TIMEOUT,
                         headers={"Authorization": f"Bearer {code}"})


def test_kill_9_then_restart_keeps_the_ledger_and_settles_the_open_call(tmp_path):
    db = tmp_path / "room.db"
    seat, other = add_seats(db, 2, 1.0)
    with HostileUpstream() as upstream:
        relay = Relay(db, upstream.base_url, "--price", PRICE).start()
        try:
            assert _post(relay, seat["code"], "ok").status_code == 200
            spent_before = _settled(db)
            assert spent_before == 520  # the upstream's reported $0.00000052
            # A call the upstream never answers: its reservation is in the ledger, its settlement never comes.
            seen = len(upstream.requests)
            learner = threading.Thread(target=lambda: _swallow(_post, relay, seat["code"], "hang-until-released"))
            learner.start()
            for _ in range(200):  # until the relay has forwarded it (bounded: 10 s)
                if len(upstream.requests) > seen:
                    break
                time.sleep(0.05)
            assert len(upstream.requests) > seen, "the hanging call never reached the upstream"
            second = cli("serve", "--upstream", upstream.base_url, "--port", 0, "--price", PRICE, db=db, check=False,
                         process=True)
            assert second.returncode == 1 and "Another relay is serving" in second.stderr, second
        finally:
            relay.kill()
        learner.join(TIMEOUT)
        rows_before = _rows(db, "SELECT id, status, reserved_nusd FROM calls ORDER BY id")
        open_calls = [r for r in rows_before if r[1] == "open"]
        assert len(open_calls) == 1 and open_calls[0][2] > 0
        reserved = open_calls[0][2]
        assert _rows(db, "SELECT reserved_nusd FROM seats WHERE name = 'seat-01'")[0][0] == reserved

        with Relay(db, upstream.base_url, "--price", PRICE) as again:
            assert "settled 1 call(s) left open" in _wait_for(again, "settled")
            assert _post(again, other["code"], "ok").status_code == 200  # the seats still open
    rows_after = _rows(db, "SELECT id, status, reserved_nusd, settled_nusd FROM calls ORDER BY id")
    assert [r[0] for r in rows_after[: len(rows_before)]] == [r[0] for r in rows_before]  # no row lost
    recovered = [r for r in rows_after if r[0] == open_calls[0][0]][0]
    assert recovered[1] == "recovered" and recovered[3] == reserved
    spent, held = _rows(db, "SELECT spent_nusd, reserved_nusd FROM seats WHERE name = 'seat-01'")[0]
    assert spent == spent_before + reserved and held == 0
    assert _rows(db, "PRAGMA journal_mode")[0][0] == "wal"


def _settled(db) -> int:
    """seat-01's spend once no call of it is open (the relay settles just after answering)."""
    for _ in range(100):
        if not _rows(db, "SELECT 1 FROM calls WHERE status = 'open'"):
            break
        time.sleep(0.02)
    return _rows(db, "SELECT spent_nusd FROM seats WHERE name = 'seat-01'")[0][0]


def _swallow(fn, *args):
    try:
        fn(*args)
    except requests.RequestException:
        pass  # the relay was killed under it


def _wait_for(relay, word: str) -> str:
    for _ in range(100):
        if word in relay.output():
            break
        time.sleep(0.05)
    return relay.output()


def test_a_ledger_from_before_gains_the_calls_count_column(tmp_path):
    """Rows that stand for several refused calls came with a column: an older ledger gets it when opened."""
    from relay.ledger import Ledger

    db = tmp_path / "old.db"
    add_seats(db, 1, 1.0)
    with sqlite3.connect(db) as con:
        con.execute("ALTER TABLE calls DROP COLUMN n")
        con.execute("INSERT INTO calls (seat_id, model, status, started) VALUES (1, 'm', 'refused', 0)")
    ledger = Ledger(db)
    try:
        ledger.record_refusal(1, None, 429, "429: refused", 5)
        assert [(r["requests"], r["errors"]) for r in ledger.report()] == [(5, 5), (1, 1)]
    finally:
        ledger.close()
