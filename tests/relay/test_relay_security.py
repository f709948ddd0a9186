"""The upstream key never leaves the relay.

A canary key goes through every error path of an upstream that echoes it (in error bodies,
headers, a 200 answer, the middle of a stream), breaks off, sends garbage, stays silent or is
down; no piece of it longer than 4 characters reaches a learner, the relay's output, the
ledger or the dashboard. (test_relay_proxy.py: hostile requests, slow clients, the admin pages.)
"""
from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
import time

import pytest
import requests

from relay.redact import Redactor

from relay_support import ADMIN_TOKEN, CANARY, ROOT, Relay, add_seats, chat_body, cli, leaks
from hostile_upstream import PRICE, SLOW_EVENTS

TIMEOUT = 15
API_SHAPE = {"message", "path", "requestId", "statusCode", "timestamp"}


def _chat(relay, code, prompt, stream=False, **kw):
    return requests.post(relay.url + "/chat/completions", json=chat_body(prompt, stream=stream, max_tokens=16),
                         headers={"Authorization": f"Bearer {code}"}, timeout=TIMEOUT, **kw)


def _everything(answer: requests.Response) -> str:
    return f"{answer.status_code} {dict(answer.headers)} {answer.content!r}"


ERRORS = [("echo-401", 502), ("echo-400", 400), ("echo-text-500", 500), ("silent", 504), ("redirect", 502)]


@pytest.mark.parametrize("prompt, status, stream", [
    *((p, s, False) for p, s in ERRORS + [("echo-json-200", 200), ("bad-json", 502)]),
    *((p, s, True) for p, s in ERRORS),  # a streamed 200 is the echo-stream test's
])
def test_no_piece_of_the_key_reaches_the_learner(hostile, prompt, status, stream):
    relay, upstream, seats, _ = hostile
    answer = _chat(relay, seats[0]["code"], prompt, stream=stream, allow_redirects=False)
    assert answer.status_code == status, answer.text
    assert not leaks(_everything(answer)), leaks(_everything(answer))
    assert not {"location", "set-cookie", "x-debug-auth"} & {h.lower() for h in answer.headers}
    if status != 200:
        assert set(answer.json()) == API_SHAPE
    assert upstream.requests[-1].headers["authorization"] == f"Bearer {CANARY}"  # the relay did send the key


def test_a_key_split_across_stream_reads_is_caught(hostile):
    relay, _, seats, _ = hostile
    answer = _chat(relay, seats[0]["code"], "echo-stream", stream=True)
    assert answer.status_code == 200 and b"data: [DONE]" in answer.content
    assert b"here it is: ****" in answer.content
    assert not leaks(_everything(answer))


def test_a_stream_cut_by_the_upstream_is_cut_for_the_learner(hostile):
    relay, _, seats, _ = hostile
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        _chat(relay, seats[0]["code"], "cut-stream", stream=True)


def test_an_upstream_that_is_down_gets_a_502_and_costs_nothing(tmp_path):
    with socket.socket() as s:  # a port that was free a moment ago, with nothing listening on it
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = tmp_path / "down.db"
    seat = add_seats(db, 1, 1.0)[0]
    with Relay(db, f"http://127.0.0.1:{port}/v1", "--price", PRICE) as relay:
        answer = _chat(relay, seat["code"], "ok")
        output = relay.output()
    assert answer.status_code == 502 and set(answer.json()) == API_SHAPE
    assert "cannot reach the upstream" in answer.json()["message"]
    assert "could not read prices" in output and not leaks(output)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT spent_nusd, reserved_nusd FROM seats").fetchone() == (0, 0)


def test_a_stream_the_learner_abandons_is_closed_upstream_at_once(hostile):
    relay, upstream, seats, db = hostile
    with requests.post(relay.url + "/chat/completions", json=chat_body("slow-stream", stream=True), stream=True,
                       headers={"Authorization": f"Bearer {seats[1]['code']}"}, timeout=TIMEOUT) as answer:
        lines = answer.iter_lines()
        got = [next(lines) for _ in range(6)]
    assert any(b"piece 2" in g for g in got)
    assert upstream.slow_done.wait(TIMEOUT), "the upstream stream never ended"
    assert upstream.sent_slow < SLOW_EVENTS // 2, f"the upstream went on to send {upstream.sent_slow} events"
    for _ in range(100):  # the relay settles just after closing the upstream (bounded: 2 s)
        with sqlite3.connect(db) as con:
            row = con.execute("SELECT status, reserved_nusd, settled_nusd FROM calls WHERE status = 'abandoned' "
                              "ORDER BY id DESC").fetchone()
        if row:
            break
        time.sleep(0.02)
    assert row, "the abandoned stream was never settled"
    status, reserved, settled = row
    assert status == "abandoned" and settled == reserved > 0  # the reservation stands: the cost is unknown


def test_nothing_the_relay_writes_or_shows_holds_the_key(hostile):
    relay, _, seats, db = hostile
    for prompt in ("echo-401", "echo-json-200", "echo-text-500"):
        _chat(relay, seats[0]["code"], prompt)
    stranger = "relay-wrong-seat-code-abcd9"
    assert _chat(relay, stranger, "ok").status_code == 401
    dashboard = requests.get(relay.root + "/admin/api/seats", timeout=TIMEOUT,
                             headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}).text
    models = requests.get(relay.url + "/models", headers={"Authorization": f"Bearer {seats[0]['code']}"},
                          timeout=TIMEOUT).text
    assert '"data"' in models  # the upstream's list (which echoes the key it was sent), redacted
    report = cli("report", db=db).stdout + cli("seats", "list", db=db).stdout
    files = b"".join(p.read_bytes() for p in db.parent.iterdir() if p.is_file())
    for where, text in (("dashboard", dashboard), ("models", models), ("report", report), ("ledger files", files),
                        ("relay output", relay.output())):
        assert not leaks(text), f"{where}: {leaks(text)}"
    assert "upstream 500" in dashboard  # the last error was recorded, without the key
    assert seats[0]["code"] not in files.decode("latin-1") and seats[0]["code"] not in relay.output()
    assert stranger not in relay.output() and "no seat has the code ****bcd9" in _settle_log(relay)


def _settle_log(relay) -> str:
    for _ in range(50):  # the relay logs just after answering
        if "no seat has the code" in relay.output():
            break
        time.sleep(0.02)
    return relay.output()


def test_every_log_line_is_redacted_whichever_library_writes_it():
    """asyncio, httpx or any other library logs through the relay's one redacting handler too, which also shows
    control characters escaped (a learner's text must not drive the instructor's terminal)."""
    script = ("import logging; from relay.redact import Redactor; from relay.serve import configure_logging; "
              f"configure_logging('info', Redactor({CANARY!r})); "
              f"logging.getLogger('asyncio').error('Task exception: key=%s', {CANARY!r}); "
              f"logging.getLogger('httpx').warning('header Bearer {CANARY}'); "
              f"logging.getLogger('relay').info('relay line {CANARY[:12]}'); "
              "logging.getLogger('relay').info('a code ending %s', '\\x1b[2J\\x1b]52;c;aGk=\\x07'); "
              "logging.getLogger('httpx').info('quiet below warnings')")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Task exception: key=****" in done.stderr and "header Bearer ****" in done.stderr
    assert "relay line ****" in done.stderr and "quiet below" not in done.stderr
    assert "a code ending \\x1b[2J\\x1b]52;c;aGk=\\x07" in done.stderr and "\x1b" not in done.stderr  # shown, not run
    assert not leaks(done.stderr + done.stdout), leaks(done.stderr)


@pytest.mark.parametrize("cut", range(1, 12))
def test_the_stream_redactor_catches_a_key_split_anywhere(cut):
    text = b'data: {"content": "a ' + CANARY.encode() + b' b"}\n\n'
    redactor = Redactor(CANARY).stream()
    at = text.index(CANARY.encode()) + cut * 2
    out = redactor.feed(text[:at]) + redactor.feed(text[at:]) + redactor.flush()
    assert not leaks(out) and out.endswith(b' b"}\n\n') and b"****" in out
    assert Redactor(CANARY).stream().feed(b"data: [DONE]\n\n") == b"data: [DONE]\n\n"  # nothing held back
