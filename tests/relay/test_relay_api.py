"""Through the relay, the kit, raw ``requests`` and the OpenAI SDK work as they do against the API.

The relay runs for real (``python -m relay serve --port 0``) in front of a practice server that
accepts only the canary key the relay holds; learners send only their seat codes.
"""
from __future__ import annotations

import json
import sqlite3
import time

import pytest
import requests

import helpers
from helpers.practice import SIMULATED_MARKER, PracticeServer

from relay_support import CANARY, MODEL, Relay, add_seats, chat_body, cli, error_shape, leaks

TIMEOUT = 10


@pytest.fixture(scope="module")
def upstream():
    with PracticeServer(latency=0, key=CANARY) as srv:
        yield srv


@pytest.fixture(scope="module")
def room(upstream, tmp_path_factory):
    db = tmp_path_factory.mktemp("relay-api") / "room.db"
    seats = add_seats(db, 4, 0.50)
    with Relay(db, upstream.base_url) as relay:
        yield relay, seats


def _post(relay, code, body, **kw):
    return requests.post(relay.url + "/chat/completions", json=body, timeout=TIMEOUT,
                         headers={"Authorization": f"Bearer {code}", **kw.pop("headers", {})}, **kw)


def test_the_kit_client_chats_streams_and_reads_its_balance(room):
    relay, seats = room
    code = seats[0]["code"]
    with helpers.Client(api_key=code, base_url=relay.url, max_retries=0) as client:
        answer = client.chat("Tell me about San Francisco", max_tokens=64)
        assert answer.text.startswith(SIMULATED_MARKER.strip())
        assert answer.cost_usd and answer.cost_usd > 0
        pieces = list(client.stream("Write a haiku about the sea", max_tokens=32))
        assert "".join(pieces).startswith(SIMULATED_MARKER.strip()) and len(pieces) > 3
        balance = client.balance()
        assert 0 < balance < 0.50
        usage = client.usage("24h")
        assert usage["requests"] == 2 and usage["spend"] == pytest.approx(0.50 - balance, abs=1e-9)
        assert set(client.models()) >= {MODEL, "google/gemma-3-12b-it"}
        described = helpers.routing.describe(client)
    assert f"classroom relay at {relay.url}, seat ****{code[-4:]}" in described
    assert code not in described


def test_describe_mode_recognises_a_seat_code_offline(room, monkeypatch):
    relay, seats = room
    code = seats[1]["code"]
    monkeypatch.setenv("AIML_API_KEY", code)
    monkeypatch.setenv("AIML_API_BASE", "http://127.0.0.1:9/v1")  # a port nothing listens on: no call is made
    client = helpers.routing.from_environment()
    assert helpers.routing.describe(client).startswith(
        f"Real mode through the classroom relay at http://127.0.0.1:9/v1, seat ****{code[-4:]}")
    plain = helpers.routing.describe(helpers.Client(api_key=CANARY, base_url="http://127.0.0.1:9/v1"))
    assert "classroom relay" not in plain and plain.startswith("Real mode")


def test_seat_codes_carry_the_prefix_the_kit_recognises(room):
    from helpers.keys import RELAY_SEAT_PREFIX, is_relay_seat
    from relay.seats import new_code

    _, seats = room
    assert all(is_relay_seat(s["code"]) and s["code"].startswith(RELAY_SEAT_PREFIX) for s in seats)
    assert is_relay_seat(new_code()) and not is_relay_seat(CANARY) and not is_relay_seat(None)


def test_raw_requests_like_the_documentation(room, upstream):
    relay, seats = room
    answer = _post(relay, seats[0]["code"], chat_body("Tell me about San Francisco", temperature=0.7, max_tokens=512))
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["choices"][0]["message"]["content"].startswith(SIMULATED_MARKER.strip())
    assert float(answer.headers["x-aimlapi-usd-spent"]) == data["meta"]["usage"]["usd_spent"]
    assert answer.headers["x-inference-id"]
    # What reached the upstream: the canary, never the seat code, and only the headers the API needs.
    sent = upstream.requests[-1]
    assert sent["headers"]["Authorization"] == f"Bearer ****{CANARY[-4:]}"  # the practice server records it masked
    assert not leaks(str(sent)) and seats[0]["code"] not in str(sent)


def test_only_the_api_headers_are_forwarded(room, upstream):
    relay, seats = room
    answer = _post(relay, seats[0]["code"], chat_body(max_tokens=8), headers={
        "X-Client-Request-Id": "lesson-08.call-1", "X-Practice-Fault": "status=500", "Cookie": "session=abc",
        "X-Forwarded-For": "10.0.0.1", "X-Secret-Header": "learner-private"})
    assert answer.status_code == 200  # the fault header did not reach the upstream
    assert answer.headers["x-client-request-id"] == "lesson-08.call-1"
    names = {n.lower() for n in upstream.requests[-1]["headers"]}
    assert names <= {"host", "authorization", "content-type", "accept", "x-client-request-id", "content-length",
                     "user-agent", "accept-encoding", "connection"}, names


def test_the_relay_sets_max_tokens_when_the_learner_did_not(room, upstream):
    relay, seats = room
    assert _post(relay, seats[0]["code"], chat_body()).status_code == 200
    assert upstream.requests[-1]["body"]["max_tokens"] == 8192  # the model's outputMax in the catalogue
    assert _post(relay, seats[0]["code"], chat_body(max_tokens=100_000)).status_code == 200
    assert upstream.requests[-1]["body"]["max_tokens"] == 8192  # capped
    assert _post(relay, seats[0]["code"], chat_body(max_tokens=12)).status_code == 200
    assert upstream.requests[-1]["body"]["max_tokens"] == 12  # the learner's own is kept


def _tiny_png() -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def test_no_call_is_billed_above_its_reservation(room):
    """The worst case reserved is an upper bound of what the upstream reports, whatever the call looks like."""
    from helpers.content import user_message

    relay, seats = room
    code = seats[1]["code"]
    bodies = [chat_body("Éléphant, 象, 🐘: " * 40, max_tokens=64), chat_body("Tell me about San Francisco " * 200),
              {"model": MODEL, "messages": [user_message("What colour is this?", _tiny_png())], "max_tokens": 32},
              chat_body("Write a poem", max_completion_tokens=40, stream=True, stream_options={"include_usage": True}),
              {"model": "google/gemma-3-12b-it", "messages": [{"role": "user", "content": "Hi"},
                                                              {"role": "assistant", "content": "Hello!"},
                                                              {"role": "user", "content": "A haiku, please"}]}]
    for body in bodies:
        answer = _post(relay, code, body)
        assert answer.status_code == 200, answer.text
    rows = _settled_rows(relay.db, seats[1]["name"], len(bodies),
                         "model, stream, http_status, prompt_tokens, completion_tokens, upstream_request_id, started, "
                         "finished")
    assert [r[1] for r in rows] == ["ok"] * len(bodies)
    assert all(0 < settled <= reserved for _, _, reserved, settled, *_ in rows), rows
    # Every call's row: seat, model, status, tokens, reserved, settled, the upstream's request id, times.
    assert [(r[4], r[5], r[6]) for r in rows] == [(b["model"], int(bool(b.get("stream"))), 200) for b in bodies]
    assert all(r[7] and r[8] and r[9] and r[10] <= r[11] for r in rows), [r[7:] for r in rows]


def _settled_rows(db, seat: str, count: int, more: str = "") -> list:
    """The seat's calls as (id, status, reserved, settled, *more) once ``count`` of them are closed
    (the relay settles and records just after answering; bounded)."""
    columns = "c.id, c.status, c.reserved_nusd, c.settled_nusd" + "".join(f", c.{m.strip()}" for m in more.split(",")
                                                                          if m.strip())
    for _ in range(100):
        with sqlite3.connect(db) as con:
            rows = con.execute(f"SELECT {columns} FROM calls c JOIN seats s ON s.id = c.seat_id "
                               "WHERE s.name = ? AND c.status != 'open' ORDER BY c.id", (seat,)).fetchall()
        if len(rows) >= count:
            break
        time.sleep(0.02)
    return rows


def test_the_openai_sdk_works_through_the_relay(room):
    openai = pytest.importorskip("openai")
    relay, seats = room
    client = openai.OpenAI(api_key=seats[2]["code"], base_url=relay.url, max_retries=0, timeout=TIMEOUT)
    answer = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Hi"}], max_tokens=16)
    assert answer.choices[0].message.content.startswith(SIMULATED_MARKER.strip())
    text = "".join(chunk.choices[0].delta.content or "" for chunk in client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": "Hi"}], max_tokens=16, stream=True) if chunk.choices)
    assert text.startswith(SIMULATED_MARKER.strip())
    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(api_key="relay-aaaaa-bbbbb-ccccc-ddddd", base_url=relay.url, max_retries=0).chat.completions \
            .create(model=MODEL, messages=[{"role": "user", "content": "Hi"}])


@pytest.mark.parametrize("code", [None, "", "relay-aaaaa-bbbbb-ccccc-ddddd", CANARY, "Bearer"])
def test_a_wrong_code_gets_the_apis_401(room, code):
    relay, _ = room
    headers = {} if code is None else {"Authorization": f"Bearer {code}"}
    answer = requests.post(relay.url + "/chat/completions", json=chat_body(), headers=headers, timeout=TIMEOUT)
    assert answer.status_code == 401
    body = answer.json()
    assert error_shape(body) == {"message", "path", "requestId", "statusCode", "timestamp"}
    assert body["statusCode"] == 401 and "seat code" in body["message"]


@pytest.mark.parametrize("raw, content_type, says", [
    (b"{not json", "application/json", "Invalid JSON"),
    (b"[1, 2]", "application/json", "Expected object"),
    (b'{"model": "google/gemma-3-4b-it"}', "application/json", "[messages]"),
    (b'{"model": "google/gemma-3-4b-it", "messages": [{"role": "user", "content": "x"}], "max_tokens": -1}',
     "application/json", "[max_tokens]"),
    (b'{"model": "google/gemma-3-4b-it", "messages": [{"role": "user", "content": "x"}], "max_tokens": NaN}',
     "application/json", "Invalid JSON"),
    (b"\xff\xfe", "application/json", "not UTF-8"),
    (b'{"model": "x"}', "text/plain", "Content-Type"),
    (b'{"model": "no/such-model", "messages": [{"role": "user", "content": "x"}]}', "application/json", "no price"),
])
def test_a_bad_body_gets_the_apis_400(room, raw, content_type, says):
    relay, seats = room
    answer = requests.post(relay.url + "/chat/completions", data=raw, timeout=TIMEOUT,
                           headers={"Authorization": f"Bearer {seats[0]['code']}", "Content-Type": content_type})
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert error_shape(body) == {"message", "path", "requestId", "statusCode", "timestamp"}
    assert body["message"].startswith("Body validation error!") and says in body["message"]
    assert body["path"] == "/v1/chat/completions"


def test_the_relays_own_refusals_are_rows_in_the_ledger_too(room):
    """Every call a seat makes is a row, also one the relay answers itself without forwarding it."""
    relay, seats = room
    code, headers = seats[3]["code"], {"Authorization": f"Bearer {seats[3]['code']}"}
    sent = [requests.post(relay.url + "/chat/completions", data=b"{not json", timeout=TIMEOUT,
                          headers={**headers, "Content-Type": "application/json"}),
            _post(relay, code, chat_body(model="no/such-model")),
            requests.post(relay.url + "/chat/completions", data=b"a" * (11 * 1024 * 1024), timeout=TIMEOUT,
                          headers={**headers, "Content-Type": "application/json"})]
    with sqlite3.connect(relay.db) as con:  # written before the answers went out: no waiting
        assert con.execute("SELECT COUNT(*) FROM calls c JOIN seats s ON s.id = c.seat_id WHERE s.name = ?",
                           (seats[3]["name"],)).fetchone()[0] == 3
    sent.append(_post(relay, code, chat_body(max_tokens=4)))
    assert [a.status_code for a in sent] == [400, 400, 413, 200]
    rows = _settled_rows(relay.db, seats[3]["name"], len(sent), "http_status, model, error")
    assert [r[1] for r in rows] == ["refused", "refused", "refused", "ok"]
    assert [r[4] for r in rows] == [400, 400, 413, 200] and rows[1][5] == "no/such-model"
    assert "Invalid JSON" in rows[0][6] and "no price" in rows[1][6] and "Payload Too Large" in rows[2][6]
    listed = {s["name"]: s for s in json.loads(cli("seats", "list", "--json", db=relay.db).stdout)}
    assert listed[seats[3]["name"]]["requests"] == len(sent)


def test_the_upstreams_own_400_comes_back_as_it_is(room):
    relay, seats = room
    answer = _post(relay, seats[0]["code"], {"model": MODEL, "messages": [{"role": "system", "content": "Be brief"},
                                                                          {"role": "user", "content": "Hi"}]})
    assert answer.status_code == 400
    assert "does not support 'system'" in answer.json()["message"]


def test_bodies_over_the_practice_servers_limit_are_refused(room):
    relay, seats = room
    big = b'{"model": "google/gemma-3-4b-it", "messages": [{"role": "user", "content": "' + b"a" * (10 * 1024 * 1024)
    answer = requests.post(relay.url + "/chat/completions", data=big + b'"}]}', timeout=TIMEOUT,
                           headers={"Authorization": f"Bearer {seats[0]['code']}", "Content-Type": "application/json"})
    assert answer.status_code == 413 and answer.json()["statusCode"] == 413

    def chunks():  # no Content-Length: the limit holds on a chunked body too
        for _ in range(11):
            yield b"a" * (1024 * 1024)
    answer = requests.post(relay.url + "/chat/completions", data=chunks(), timeout=TIMEOUT,
                           headers={"Authorization": f"Bearer {seats[0]['code']}", "Content-Type": "application/json"})
    assert answer.status_code == 413


def test_models_are_forwarded_and_cached(room, upstream):
    relay, _ = room
    before = sum(1 for r in upstream.requests if r["path"].startswith("/v1/models"))
    first = requests.get(relay.url + "/models", params={"include": "pricing"}, timeout=TIMEOUT)
    again = requests.get(relay.url + "/models", params={"include": "pricing"}, timeout=TIMEOUT)
    assert first.status_code == again.status_code == 200 and first.json() == again.json()
    assert {m["id"] for m in first.json()["data"]} >= {MODEL}
    after = sum(1 for r in upstream.requests if r["path"].startswith("/v1/models"))
    assert after - before <= 1  # the relay read its prices at start; the second answer came from its cache


def test_billing_is_the_seats_own_remaining_budget(room):
    relay, seats = room
    fresh = requests.get(relay.root + "/v2/billing", headers={"Authorization": f"Bearer {seats[2]['code']}"},
                         timeout=TIMEOUT)
    assert fresh.json()["currency"] == "USD" and 0 < fresh.json()["current_balance"] <= 0.50
    bad = requests.get(relay.root + "/v2/usage", params={"period": "forever"},
                       headers={"Authorization": f"Bearer {seats[2]['code']}"}, timeout=TIMEOUT)
    assert bad.status_code == 400 and "period" in bad.json()["message"]
    assert requests.get(relay.root + "/v2/billing", timeout=TIMEOUT).status_code == 401
