"""Money: a seat never spends more than its budget, even with many calls in flight; limits answer 429.

The relay reserves each call's worst case before forwarding it and settles the upstream's
reported cost afterwards; these tests race calls against that and read the ledger after.
"""
from __future__ import annotations

import sqlite3
import threading

import pytest
import requests

import helpers
from helpers.practice import MODEL_SPECS, PracticeServer
from relay.ledger import to_nusd, usd_text
from relay.pricing import Price, worst_case_nusd

from relay_support import ADMIN_TOKEN, CANARY, MODEL, Relay, add_seats, chat_body
from hostile_upstream import PRICE, HostileUpstream

TIMEOUT = 15
RACERS = 40
# What the relay reserves for chat_body("Hi", max_tokens=100) at the practice server's prices for the
# model, and a budget that covers two such calls but not three.
WORST_NUSD = worst_case_nusd(chat_body("Hi", max_tokens=100), Price(MODEL_SPECS[MODEL].input_price,
                                                                    MODEL_SPECS[MODEL].output_price))
BUDGET_FOR_TWO = round(2.5 * WORST_NUSD / 1e9, 6)  # seats add keeps micro-dollars


@pytest.fixture(scope="module")
def upstream():
    with PracticeServer(latency=0, key=CANARY) as srv:
        yield srv


def _race(url: str, code: str, n: int, body: dict) -> list[requests.Response]:
    barrier = threading.Barrier(n)
    answers: list = [None] * n

    def one(i: int) -> None:
        barrier.wait()
        answers[i] = requests.post(url + "/chat/completions", json=body, timeout=TIMEOUT,
                                   headers={"Authorization": f"Bearer {code}"})
    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT * 2)
    return answers


def _seat(db, name: str) -> sqlite3.Row:
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        return con.execute("SELECT * FROM seats WHERE name = ?", (name,)).fetchone()


def _rows_reserved(db) -> int:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT reserved_nusd FROM calls WHERE status = 'ok'").fetchone()[0]


def _admin_seats(relay) -> dict:
    answer = requests.get(relay.root + "/admin/api/seats", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
                          timeout=TIMEOUT)
    return {s["name"]: s for s in answer.json()["seats"]}


def test_forty_calls_in_flight_never_overspend_a_budget_for_two(upstream, tmp_path):
    db = tmp_path / "race.db"
    seat = add_seats(db, 1, BUDGET_FOR_TWO, prefix="race")[0]
    upstream.server_wide(delay=0.5)  # every call stays in flight while the others arrive
    try:
        with Relay(db, upstream.base_url, "--concurrency", 64, "--rate-limit", 1000) as relay:
            answers = _race(relay.url, seat["code"], RACERS, chat_body("Hi", max_tokens=100))
            seats = _admin_seats(relay)
    finally:
        upstream.server_wide()
    statuses = [a.status_code for a in answers]
    assert set(statuses) <= {200, 403}, statuses
    assert statuses.count(200) >= 2  # any two worst cases fit the budget
    row = _seat(db, "race-01")
    assert row["spent_nusd"] <= row["budget_nusd"] and row["reserved_nusd"] == 0
    refused = [a.json() for a in answers if a.status_code == 403]
    assert len(refused) == RACERS - statuses.count(200)
    for body in refused:
        assert body["statusCode"] == 403 and set(body) == {"message", "path", "requestId", "statusCode", "timestamp"}
        assert f"of its {usd_text(to_nusd(BUDGET_FOR_TWO))} budget" in body["message"]
        assert "could cost up to $0.0000" in body["message"] and "max_tokens" in body["message"]
    with sqlite3.connect(db) as con:
        settled, calls = con.execute("SELECT SUM(settled_nusd), COUNT(*) FROM calls").fetchone()
    assert settled == row["spent_nusd"] and calls == RACERS  # every call is a row, and the rows add up
    assert seats["race-01"]["spent_usd"] <= seats["race-01"]["budget_usd"]


def test_past_the_seats_concurrency_the_answer_is_429_with_retry_after(upstream, tmp_path):
    db = tmp_path / "limits.db"
    seat = add_seats(db, 1, 1.0)[0]
    upstream.server_wide(delay=0.5)  # every call stays in flight while the others arrive
    try:
        with Relay(db, upstream.base_url, "--rate-limit", 1000) as relay:  # default concurrency: 4
            answers = _race(relay.url, seat["code"], 8, chat_body("Hi", max_tokens=8))
    finally:
        upstream.server_wide()
    ok = [a for a in answers if a.status_code == 200]
    limited = [a for a in answers if a.status_code == 429]
    assert len(ok) <= 4 and len(ok) + len(limited) == 8 and limited
    for answer in limited:
        assert answer.headers["Retry-After"] == "1"
        assert "4 calls at once" in answer.json()["message"]


def test_past_the_rate_limit_the_answer_is_429_with_retry_after(upstream, tmp_path):
    db = tmp_path / "rate.db"
    rate = add_seats(db, 1, 1.0)[0]
    with Relay(db, upstream.base_url, "--rate-limit", 3) as relay:
        with helpers.Client(api_key=rate["code"], base_url=relay.url, max_retries=0) as client:
            for _ in range(3):
                client.chat("Hi", max_tokens=8)
            with pytest.raises(helpers.RateLimitError):
                client.chat("Hi", max_tokens=8)
        answer = requests.post(relay.url + "/chat/completions", json=chat_body(),
                               headers={"Authorization": f"Bearer {rate['code']}"}, timeout=TIMEOUT)
        assert answer.status_code == 429 and 1 <= int(answer.headers["Retry-After"]) <= 60
        assert "3 calls a minute" in answer.json()["message"]


def test_an_upstream_cost_over_the_reservation_pauses_the_seat(tmp_path):
    db = tmp_path / "overrun.db"
    over = add_seats(db, 1, 1.0)[0]
    with HostileUpstream() as upstream, Relay(db, upstream.base_url, "--price", PRICE) as relay:
        first = requests.post(relay.url + "/chat/completions", json=chat_body("overcharge", max_tokens=100),
                              timeout=TIMEOUT, headers={"Authorization": f"Bearer {over['code']}"})
        assert first.status_code == 200  # the answer was already paid for: the learner gets it
        seats = _admin_seats(relay)
        assert seats["seat-01"]["paused"] and seats["seat-01"]["overrun_usd"] > 0
        assert "more than" in seats["seat-01"]["pause_reason"] and "overrun" in seats["seat-01"]["last_error"]
        after = requests.post(relay.url + "/chat/completions", json=chat_body("ok", max_tokens=100), timeout=TIMEOUT,
                              headers={"Authorization": f"Bearer {over['code']}"})
        assert after.status_code == 403 and "paused after an overrun" in after.json()["message"]
    row = _seat(db, "seat-01")
    assert row["paused"] == 1 and row["spent_nusd"] == 10_000_000  # the reported $0.01 is what it cost
    assert row["overrun_nusd"] == 10_000_000 - _rows_reserved(db)
