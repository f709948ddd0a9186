"""The upstream key never leaves the relay, and the relay is not an open proxy.

A canary key goes through every error path of an upstream that echoes it (in error bodies,
headers, a 200 answer, the middle of a stream), breaks off, sends garbage, stays silent or is
down; no piece of it longer than 4 characters reaches a learner, the relay's output, the
ledger or the dashboard. Hostile request targets never reach anything but the upstream.
"""
from __future__ import annotations

import re
import socket
import sqlite3
import subprocess
import sys
import time

import pytest
import requests

from relay.redact import Redactor

from relay_support import ADMIN_TOKEN, CANARY, ROOT, Relay, add_seats, chat_body, cli, leaks
from hostile_upstream import PRICE, SLOW_EVENTS, HostileUpstream
from support.rawserver import RawServer

TIMEOUT = 15
#: How long the hostile fixture's relay gives a client for a request's headers, and for its body.
SLOW_CLIENT_SECONDS = 1
API_SHAPE = {"message", "path", "requestId", "statusCode", "timestamp"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    db = tmp_path_factory.mktemp("relay-hostile") / "room.db"
    seats = add_seats(db, 2, 1.0)
    with HostileUpstream() as upstream, Relay(db, upstream.base_url, "--price", PRICE, "--timeout", 1,
                                              "--header-timeout", SLOW_CLIENT_SECONDS,
                                              "--body-timeout", SLOW_CLIENT_SECONDS) as relay:
        yield relay, upstream, seats, db


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
    models = requests.get(relay.url + "/models", timeout=TIMEOUT).text
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


@pytest.mark.parametrize("target", [
    "/v1/../admin/api/seats", "/v1/chat/completions/../../admin", "/v1%2Fchat%2Fcompletions", "/v1/chat%2fcompletions",
    "//127.0.0.1:{decoy}/v1/chat/completions", "/v1/./chat/completions", "/v1\\chat\\completions",
    "/v1/embeddings", "/v1/images/generations", "/v2/keys", "/chat/completions",
    "http://127.0.0.1:{decoy}/v1/../admin/api/seats", "http://127.0.0.1:{decoy}/v1%2fchat/completions",
])
def test_hostile_targets_reach_nothing(hostile, target):
    relay, upstream, seats, _ = hostile
    with RawServer(lambda conn, req, n: None) as decoy:
        before = len(upstream.requests)
        body = b'{"model":"google/gemma-3-4b-it","messages":[{"role":"user","content":"ok"}]}'
        answer = _raw(relay, f"POST {target.format(decoy=decoy.port)} HTTP/1.1", body, seats[0]["code"])
        assert answer.startswith(b"HTTP/1.1 404"), answer[:200]
        assert len(upstream.requests) == before and decoy.connections == 0


def test_absolute_urls_and_other_hosts_go_only_to_the_upstream(hostile):
    """An absolute-form target is served as its path (HTTP/1.1 servers must accept the form; uvicorn reduces
    it to the path): the upstream is fixed when the relay starts, so neither the target's host nor the
    Host header ever chooses where a call goes."""
    relay, upstream, seats, _ = hostile
    with RawServer(lambda conn, req, n: None) as decoy:
        body = b'{"model":"google/gemma-3-4b-it","messages":[{"role":"user","content":"ok"}]}'
        elsewhere = f"127.0.0.1:{decoy.port}"
        upstream_host = upstream.base_url.split("//")[1].split("/")[0]
        for line, host in ((f"POST http://{elsewhere}/v1/chat/completions HTTP/1.1", elsewhere),
                           (f"POST https://{elsewhere}/v1/chat/completions HTTP/1.1", "evil.example"),
                           ("POST /v1/chat/completions HTTP/1.1", elsewhere),
                           ("POST /v1/chat/completions HTTP/1.1", "evil.example")):
            before = len(upstream.requests)
            answer = _raw(relay, line, body, seats[0]["code"], host=host)
            assert answer.startswith(b"HTTP/1.1 200"), (line, host, answer[:200])
            assert len(upstream.requests) == before + 1  # the configured upstream, and only it
            assert upstream.requests[-1].headers["host"] == upstream_host
            assert upstream.requests[-1].path == "/v1/chat/completions"
        assert decoy.connections == 0


def _until_closed(sock: socket.socket) -> bytes:
    """Everything the relay sends until it closes the connection (socket.timeout if it never does)."""
    answer = b""
    while chunk := sock.recv(65536):
        answer += chunk
    return answer


@pytest.mark.parametrize("path, content_type", [("/v1/chat/completions", "application/json"),
                                                ("/admin/login", "application/x-www-form-urlencoded")])
def test_a_body_dripped_too_slowly_gets_a_408(hostile, path, content_type):
    relay, upstream, seats, _ = hostile
    before = len(upstream.requests)
    with socket.create_connection(("127.0.0.1", _port(relay)), timeout=TIMEOUT) as s:
        s.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {seats[0]['code']}\r\n"
                  f"Content-Type: {content_type}\r\nContent-Length: 100\r\n\r\ntoken=".encode())
        answer = _until_closed(s)  # no more bytes come: the relay answers once the body's time is up, then closes
    assert answer.startswith(b"HTTP/1.1 408") and b'"statusCode":408' in answer
    assert len(upstream.requests) == before


def _one_answer(sock: socket.socket) -> bytes:
    """One whole answer with a Content-Length, read from a connection that stays open."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536) or pytest.fail(f"the relay closed the connection: {data[:200]!r}")
    head, _, rest = data.partition(b"\r\n\r\n")
    length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))
    while len(rest) < length:
        rest += sock.recv(65536) or pytest.fail("the relay closed the connection mid-answer")
    return head + b"\r\n\r\n" + rest


def test_a_client_that_sends_its_headers_too_slowly_is_cut_off(hostile):
    """uvicorn alone would keep these connections open for ever (it times out only idle kept-alive ones)."""
    relay, upstream, seats, _ = hostile
    request = (f"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {seats[0]['code']}\r\n"
               "Content-Type: application/json\r\n").encode()
    body = b'{"model":"google/gemma-3-4b-it","messages":[{"role":"user","content":"ok"}],"max_tokens":4}'
    silent, partial, second = (socket.create_connection(("127.0.0.1", _port(relay)), timeout=TIMEOUT)
                               for _ in range(3))
    with silent, partial, second:
        partial.sendall(request[:30])  # then nothing more
        second.sendall(request + b"Content-Length: %d\r\n\r\n" % len(body) + body)  # a whole request...
        assert _one_answer(second).startswith(b"HTTP/1.1 200")
        second.sendall(request[:30])  # ...then half the headers of the next one on the same connection
        before = len(upstream.requests)
        for sock in (silent, partial, second):
            answer = _until_closed(sock)
            assert answer.startswith(b"HTTP/1.1 408") and b"headers did not arrive" in answer, answer[:200]
    assert len(upstream.requests) == before


def test_a_seat_code_never_opens_the_admin_pages(hostile):
    relay, _, seats, _ = hostile
    headers = {"Authorization": f"Bearer {seats[0]['code']}"}
    assert requests.get(relay.root + "/admin/api/seats", headers=headers, timeout=TIMEOUT).status_code == 401
    for path in ("/admin/api/seats/seat-01/pause", "/admin/api/pause-all"):
        assert requests.post(relay.root + path, headers=headers, timeout=TIMEOUT).status_code == 401
    cookie = {"relay_admin": seats[0]["code"]}
    assert requests.get(relay.root + "/admin/api/seats", cookies=cookie, timeout=TIMEOUT).status_code == 401
    page = requests.get(relay.root + "/admin", cookies=cookie, timeout=TIMEOUT)
    assert 'name="token"' in page.text and "pause-all" not in page.text  # the login page, not the dashboard
    login = requests.post(relay.root + "/admin/login", data={"token": seats[0]["code"]}, timeout=TIMEOUT,
                          allow_redirects=False)
    assert login.status_code == 401 and "set-cookie" not in login.headers
    # A POST with the right cookie but without the dashboard's header (a form on another site) is refused too.
    ok_cookie = {"relay_admin": ADMIN_TOKEN}
    assert requests.post(relay.root + "/admin/api/pause-all", cookies=ok_cookie, timeout=TIMEOUT).status_code == 401


def test_the_login_cookie_is_httponly_and_strict(hostile):
    relay, _, _, _ = hostile
    login = requests.post(relay.root + "/admin/login", data={"token": ADMIN_TOKEN}, timeout=TIMEOUT,
                          allow_redirects=False)
    assert login.status_code == 303
    cookie = login.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/admin" in cookie


def _port(relay) -> int:
    return int(relay.root.rsplit(":", 1)[1])


def _raw(relay, request_line: str, body: bytes, code: str, host: str | None = None) -> bytes:
    port = _port(relay)
    head = (f"{request_line}\r\nHost: {host or f'127.0.0.1:{port}'}\r\nAuthorization: Bearer {code}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as s:
        s.sendall(head.encode() + body)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


def test_every_log_line_is_redacted_whichever_library_writes_it():
    """asyncio, httpx or any other library logs through the relay's one redacting handler too."""
    script = ("import logging; from relay.redact import Redactor; from relay.serve import configure_logging; "
              f"configure_logging('info', Redactor({CANARY!r})); "
              f"logging.getLogger('asyncio').error('Task exception: key=%s', {CANARY!r}); "
              f"logging.getLogger('httpx').warning('header Bearer {CANARY}'); "
              f"logging.getLogger('relay').info('relay line {CANARY[:12]}'); "
              "logging.getLogger('httpx').info('quiet below warnings')")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Task exception: key=****" in done.stderr and "header Bearer ****" in done.stderr
    assert "relay line ****" in done.stderr and "quiet below" not in done.stderr
    assert not leaks(done.stderr + done.stdout), leaks(done.stderr)


@pytest.mark.parametrize("cut", range(1, 12))
def test_the_stream_redactor_catches_a_key_split_anywhere(cut):
    text = b'data: {"content": "a ' + CANARY.encode() + b' b"}\n\n'
    redactor = Redactor(CANARY).stream()
    at = text.index(CANARY.encode()) + cut * 2
    out = redactor.feed(text[:at]) + redactor.feed(text[at:]) + redactor.flush()
    assert not leaks(out) and out.endswith(b' b"}\n\n') and b"****" in out
    assert Redactor(CANARY).stream().feed(b"data: [DONE]\n\n") == b"data: [DONE]\n\n"  # nothing held back
