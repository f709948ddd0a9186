"""The relay is not an open proxy, outlasts slow clients, and keeps its admin pages to the admin token.

Request targets with ``..``, encoded slashes, other paths or other hosts reach nothing but the
configured upstream; a client that sends its headers or its body too slowly is cut off; a seat
code never opens the dashboard or its API, and the dashboard's cookie is HttpOnly and strict.
"""
from __future__ import annotations

import re
import socket
import time

import pytest
import requests

from relay_support import ADMIN_TOKEN
from support.rawserver import RawServer

TIMEOUT = 15


@pytest.mark.parametrize("target", [
    "/v1/../admin/api/seats", "/v1/chat/completions/../../admin", "/v1%2Fchat%2Fcompletions", "/v1/chat%2fcompletions",
    "//127.0.0.1:{decoy}/v1/chat/completions", "/v1/./chat/completions", "/v1\\chat\\completions",
    "/v1/embeddings", "/v1/images/generations", "/v2/keys", "/chat/completions",
    "http://127.0.0.1:{decoy}/v1/../admin/api/seats", "http://127.0.0.1:{decoy}/v1%2fchat/completions",
    "/v1/chat/completions/", "/admin/api/seats/",  # no redirect to the slashless path (on the Host header's host)
])
def test_hostile_targets_reach_nothing(hostile, target):
    relay, upstream, seats, _ = hostile
    with RawServer(lambda conn, req, n: None) as decoy:
        before = len(upstream.requests)
        body = b'{"model":"google/gemma-3-4b-it","messages":[{"role":"user","content":"ok"}]}'
        answer = _raw(relay, f"POST {target.format(decoy=decoy.port)} HTTP/1.1", body, seats[0]["code"],
                      host=f"127.0.0.1:{decoy.port}")
        assert answer.startswith(b"HTTP/1.1 404") and b"location:" not in answer.lower(), answer[:200]
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


def test_a_client_too_slow_with_its_headers_or_its_body_is_cut_off(hostile):
    """uvicorn alone would keep a connection whose headers never end open for ever (it times out only idle
    kept-alive ones); the relay answers 408 and closes it, and the same for a body dripped too slowly."""
    relay, upstream, seats, _ = hostile
    head = f"Host: x\r\nAuthorization: Bearer {seats[0]['code']}\r\n"
    request = f"POST /v1/chat/completions HTTP/1.1\r\n{head}Content-Type: application/json\r\n".encode()
    body = b'{"model":"google/gemma-3-4b-it","messages":[{"role":"user","content":"ok"}],"max_tokens":4}'
    socks = [socket.create_connection(("127.0.0.1", _port(relay)), timeout=TIMEOUT) for _ in range(5)]
    silent, partial, second, chat_body_cut, login_body_cut = socks
    try:
        partial.sendall(request[:30])  # then nothing more
        second.sendall(request + b"Content-Length: %d\r\n\r\n" % len(body) + body)  # a whole request...
        assert _one_answer(second).startswith(b"HTTP/1.1 200")
        second.sendall(request[:30])  # ...then half the headers of the next one on the same connection
        chat_body_cut.sendall(request + b"Content-Length: 100\r\n\r\n{\"mod")
        login_body_cut.sendall(f"POST /admin/login HTTP/1.1\r\n{head}Content-Type: application/x-www-form-urlencoded"
                               "\r\nContent-Length: 100\r\n\r\ntoken=".encode())
        before = len(upstream.requests)
        headers_cut = [_until_closed(sock) for sock in (silent, partial, second)]
        bodies_cut = [_until_closed(sock) for sock in (chat_body_cut, login_body_cut)]
    finally:
        for sock in socks:
            sock.close()
    for answer in headers_cut:
        assert answer.startswith(b"HTTP/1.1 408") and b"headers did not arrive" in answer, answer[:200]
    for answer in bodies_cut:
        assert answer.startswith(b"HTTP/1.1 408") and b'"statusCode":408' in answer, answer[:200]
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
    # A POST with a session's cookie but without the dashboard's header (a form on another site) is refused too,
    # and the admin token itself is no cookie (the cookie holds a session's id).
    ok_cookie = {"relay_admin": _login(relay).cookies["relay_admin"]}
    assert requests.post(relay.root + "/admin/api/pause-all", cookies=ok_cookie, timeout=TIMEOUT).status_code == 401
    assert requests.get(relay.root + "/admin/api/seats", cookies=ok_cookie, timeout=TIMEOUT).status_code == 200
    assert requests.get(relay.root + "/admin/api/seats", cookies={"relay_admin": ADMIN_TOKEN},
                        timeout=TIMEOUT).status_code == 401
    # Nor can a page on another port of this host (the same site, so the cookie goes along) add the header:
    # the browser asks first, and the relay allows no other origin.
    preflight = requests.options(relay.root + "/admin/api/pause-all", timeout=TIMEOUT, headers={
        "Origin": "http://127.0.0.1:8888", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "x-relay-dashboard"})
    assert preflight.status_code == 404 and not [h for h in preflight.headers if h.lower().startswith("access-control")]


def _login(relay, token: str = ADMIN_TOKEN, **headers) -> requests.Response:
    return requests.post(relay.root + "/admin/login", data={"token": token}, headers=headers, timeout=TIMEOUT,
                         allow_redirects=False)


def test_the_login_cookie_holds_a_session_that_logout_ends(hostile):
    """The cookie was the admin token itself, valid until the relay restarted: now it holds a random session id
    the relay keeps, and logging out ends the session (a copy of the cookie opens nothing after)."""
    relay, _, _, _ = hostile
    login = _login(relay)
    assert login.status_code == 303
    cookie = login.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/admin" in cookie
    session = login.cookies["relay_admin"]
    assert len(session) >= 40 and session != ADMIN_TOKEN and ADMIN_TOKEN not in login.headers["set-cookie"]
    assert _login(relay).cookies["relay_admin"] != session  # a new session each time
    jar = {"relay_admin": session}
    assert requests.get(relay.root + "/admin/api/seats", cookies=jar, timeout=TIMEOUT).status_code == 200
    out = requests.post(relay.root + "/admin/logout", cookies=jar, timeout=TIMEOUT, allow_redirects=False)
    assert out.status_code == 303 and 'relay_admin=""' in out.headers["set-cookie"]
    assert requests.get(relay.root + "/admin/api/seats", cookies=jar, timeout=TIMEOUT).status_code == 401
    page = requests.get(relay.root + "/admin", cookies=jar, timeout=TIMEOUT)
    assert 'name="token"' in page.text  # the login page again


def test_the_cookie_is_secure_over_https_through_a_trusted_proxy(hostile):
    """Behind the GUIDE's reverse proxy the cookie went out without Secure: the relay now trusts the proxy it is
    told of (--forwarded-allow-ips), so its X-Forwarded-Proto: https makes the cookie Secure."""
    relay, _, _, _ = hostile
    assert "secure" in _login(relay, **{"X-Forwarded-Proto": "https"}).headers["set-cookie"].lower()
    assert "secure" not in _login(relay, **{"X-Forwarded-Proto": "http"}).headers["set-cookie"].lower()


def test_wrong_admin_tokens_are_throttled_per_address_and_logged(hostile):
    """About 420 wrong guesses a second were answered: now five a minute from one address, then a 429 with
    Retry-After for every attempt from it (the right token too), while other addresses go on."""
    relay, _, _, _ = hostile
    guesser, instructor = {"X-Forwarded-For": "203.0.113.7"}, {"X-Forwarded-For": "203.0.113.8"}
    guesses = [f"guess-number-{i}-abcdefgh" for i in range(5)]
    assert [_login(relay, g, **guesser).status_code for g in guesses] == [401] * 5
    throttled = _login(relay, ADMIN_TOKEN, **guesser)
    assert throttled.status_code == 429 and 1 <= int(throttled.headers["retry-after"]) <= 60
    assert "Too many wrong tokens" in throttled.text and "set-cookie" not in throttled.headers
    api = requests.get(relay.root + "/admin/api/seats", headers={**guesser, "Authorization": f"Bearer {ADMIN_TOKEN}"},
                       timeout=TIMEOUT)
    assert api.status_code == 429 and api.headers["retry-after"] and api.json()["statusCode"] == 429
    assert _login(relay, ADMIN_TOKEN, **instructor).status_code == 303
    for _ in range(50):  # the relay logs just after answering (bounded: 1 s)
        if "refused a token from 203.0.113.7" in relay.output():
            break
        time.sleep(0.02)
    log = relay.output()
    assert "a wrong admin token from 203.0.113.7 on /admin/login (5 in the last minute)" in log
    assert "refused a token from 203.0.113.7: throttled" in log
    assert not [g for g in guesses if g in log] and ADMIN_TOKEN not in log  # never the tokens tried


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
