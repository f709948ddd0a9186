"""The widgets' logic, in process: set the controls, press the buttons, wait, read what they show.

Every call goes over loopback HTTP to a practice server (or, for "real mode", to a tiny
stand-in that answers like the real API without the practice marker). No browser here:
tests/widgets/test_browser.py drives the same widgets in JupyterLab.
"""
from __future__ import annotations

import html
import json
import os
import stat
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytest.importorskip("ipywidgets")

import helpers  # noqa: E402
from helpers import client as client_module, routing  # noqa: E402
from helpers import schema  # noqa: E402
from helpers.ports import free_port  # noqa: E402
from helpers.practice import PRACTICE_KEY, SIMULATED_MARKER, PracticeServer  # noqa: E402
from helpers.widgets import (ChatWidget, CompareWidget, KeyWidget, Playground, Throttle,  # noqa: E402
                             friendly_error, parse_stop, render_markdown, requests_snippet)

CANARY = "sk-canary-1234567890abcdef"
WAIT = 30  # seconds a worker may take before a test gives up on it (a bound, not a measurement)


@pytest.fixture
def srv(server):
    server.reset()
    return server


@pytest.fixture
def client(srv):
    with helpers.Client(api_key=srv.key, base_url=srv.base_url, max_retries=0) as c:
        yield c


@pytest.fixture(autouse=True)
def keep_default_client():
    """The key widget replaces the kit's default client: put the old one back after each test."""
    saved = routing.set_client(None)
    routing.set_client(saved)
    yield
    routing.set_client(saved)


def chats(srv):
    return [r for r in srv.requests if r["path"].endswith("/chat/completions")]


# --- the playground ------------------------------------------------------------------------------


def test_playground_sends_exactly_the_settings_chosen(client, srv):
    pg = Playground(client, prompt="Tell me about San Francisco")
    pg.model.value = "google/gemma-3-12b-it"
    pg.temperature.value = 1.3
    pg.top_p.value = 0.85
    pg.max_tokens.value = 77
    pg.use_seed.value = True
    pg.seed.value = 42
    pg.stop_text.value = r"END, \n\n"
    pg.send_button.click()
    assert pg.wait(WAIT)
    assert pg.error is None
    (request,) = chats(srv)
    body = request["body"]
    assert body["model"] == "google/gemma-3-12b-it"
    assert body["messages"] == [{"role": "user", "content": "Tell me about San Francisco"}]
    assert {k: body[k] for k in ("temperature", "top_p", "max_tokens", "seed", "stop")} == {
        "temperature": 1.3, "top_p": 0.85, "max_tokens": 77, "seed": 42, "stop": ["END", "\n\n"]}
    assert body["stream"] is True
    assert set(body) == {"model", "messages", "temperature", "top_p", "max_tokens", "seed", "stop",
                         "stream", "stream_options"}


def test_playground_leaves_seed_and_stop_out_when_not_set(client, srv):
    pg = Playground(client, prompt="Hi")
    pg.send()
    assert pg.wait(WAIT)
    body = chats(srv)[0]["body"]
    assert "seed" not in body and "stop" not in body
    assert body["temperature"] == 0.7 and body["max_tokens"] == 512


def test_playground_streams_a_marked_answer_with_its_numbers(client):
    pg = Playground(client, prompt="Tell me about San Francisco")
    assert "Practice mode" in pg.badge.value
    pg.send()
    assert pg.wait(WAIT)
    assert pg.text.startswith(SIMULATED_MARKER)
    assert pg.result is not None and pg.result.simulated
    shown = pg.panel.answer.value
    assert "Simulated by the practice server" in shown
    stats = pg.panel.stats.value
    for word in ("first token", "total", "tokens", "cost $"):
        assert word in stats, stats
    assert pg.send_button.disabled is False and pg.stop_button.disabled is True


def test_control_ranges_come_from_the_schema(client):
    pg = Playground(client)
    P = schema.PARAMS
    assert (pg.temperature.min, pg.temperature.max) == (P["temperature"].minimum, P["temperature"].maximum)
    assert (pg.top_p.min, pg.top_p.max) == (P["top_p"].minimum, P["top_p"].maximum)
    assert pg.max_tokens.min == P["max_tokens"].minimum
    assert pg.seed.min == P["seed"].minimum
    assert list(pg.model.options) == list(schema.MODELS)
    chat, compare = ChatWidget(client), CompareWidget(client)
    for w in (chat, compare):
        assert (w.temperature.min, w.temperature.max) == (P["temperature"].minimum, P["temperature"].maximum)
        assert w.max_tokens.min == P["max_tokens"].minimum
    pg.temperature.value = 7  # typed beyond the documented range: held at its edge
    assert pg.temperature.value == P["temperature"].maximum


def test_every_control_has_a_label_and_a_tooltip(client):
    import ipywidgets as widgets

    for w in (Playground(client), ChatWidget(client), CompareWidget(client), KeyWidget()):
        controls = [c for c in _walk(w.widget)
                    if isinstance(c, (widgets.Text, widgets.Textarea, widgets.Dropdown, widgets.Checkbox,
                                      widgets.BoundedFloatText, widgets.BoundedIntText, widgets.Button))]
        assert controls
        for c in controls:
            assert c.description.strip(), c
            assert c.tooltip, c
            assert not getattr(c, "description_allow_html", False)


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_show_code_has_no_key_and_runs(tmp_path):
    with PracticeServer(latency=0, key=CANARY) as canary_srv, \
            helpers.Client(api_key=CANARY, base_url=canary_srv.base_url) as canary_client:
        pg = Playground(canary_client, prompt='Say "hi" to\nSan Francisco')
        pg.temperature.value = 0.2
        pg.use_seed.value = True
        pg.seed.value = 3
        pg.stop_text.value = "END"
        pg.code_button.click()
        code = pg.show_code()
        assert code
        for shown in (code, pg.code.value):
            assert CANARY not in shown and CANARY[-8:] not in shown
        assert 'os.environ["AIML_API_KEY"]' in code
        compile(code, "<show code>", "exec")
        # The snippet is the same request: run it against the server, key from the environment only.
        script = tmp_path / "snippet.py"
        script.write_text(code)
        env = {k: v for k, v in os.environ.items() if not k.startswith("AIML")}
        env.update(AIML_API_KEY=CANARY, AIML_API_BASE=canary_srv.base_url)
        run = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr
        assert run.stdout.startswith(SIMULATED_MARKER)
        sent = canary_srv.requests[-1]["body"]
        assert sent == client_module.Client(api_key=CANARY, base_url=canary_srv.base_url).build_request(
            'Say "hi" to\nSan Francisco', model=schema.DEFAULT_MODEL, **pg.settings())


def test_show_code_of_a_bad_setting_explains_instead(client):
    pg = Playground(client, prompt="Hi")
    pg.stop_text.value = "a, b, c, d, e"
    assert pg.show_code() == ""
    assert "at most 4" in pg.code.value


def test_requests_snippet_keeps_python_values():
    code = requests_snippet({"model": "m", "messages": [{"role": "user", "content": "x"}], "flag": True,
                             "none": None})
    namespace: dict = {}
    exec(code.split("response =")[0].replace('os.environ["AIML_API_KEY"]', '"k"'), namespace)
    assert namespace["body"] == {"model": "m", "messages": [{"role": "user", "content": "x"}], "flag": True,
                                 "none": None}


def test_stop_ends_a_stream_that_sends_only_keepalives(client, srv):
    pg = Playground(client, prompt="Hi", extra_headers={"X-Practice-Fault": "keepalive=30"})
    pg.send()
    deadline = time.monotonic() + WAIT
    while not any(r["path"].endswith("/chat/completions") for r in srv.requests) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert pg.panel.running
    pg.stop_button.click()
    assert pg.wait(10), "the worker was still reading 10 s after Stop (the server would talk for 30 s)"
    assert pg.panel.stopped and pg.result is None and pg.error is None
    assert "Stopped" in pg.panel.stats.value
    assert pg.send_button.disabled is False


def test_stop_keeps_what_arrived_and_reads_no_more():
    with PracticeServer(latency=5) as slow, helpers.Client(api_key=slow.key, base_url=slow.base_url) as c:
        pg = Playground(c, prompt="Tell me about San Francisco")
        pg.max_tokens.value = 2000
        pg.send()
        deadline = time.monotonic() + WAIT
        while len(pg.text) <= len(SIMULATED_MARKER) + 5 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert pg.text.startswith(SIMULATED_MARKER)
        pg.stop()
        assert pg.wait(10)
        kept = pg.text
        assert pg.panel.stopped and pg.result is None
        assert f"Stopped after {len(kept)} characters" in pg.panel.stats.value
        time.sleep(0.3)
        assert pg.text == kept


def test_reset_gives_back_the_playground_as_it_was_made(client, srv):
    pg = Playground(client, prompt="Tell me about San Francisco")
    fresh = (pg.prompt.value, pg.model.value, pg.settings())
    pg.model.value = helpers.MODELS[1]
    pg.temperature.value, pg.max_tokens.value, pg.top_p.value = 1.5, 60, 0.5
    pg.use_seed.value, pg.seed.value, pg.stop_text.value = True, 42, "END"
    pg.prompt.value = "Write a haiku"
    assert pg.send() and pg.wait(WAIT) and pg.text
    pg.show_code()
    assert pg.panel.answer.value and pg.panel.stats.value and pg.code.value
    pg.reset()
    assert (pg.prompt.value, pg.model.value, pg.settings()) == fresh
    assert fresh[2] == {"temperature": 0.7, "top_p": 1.0, "max_tokens": 512}
    assert (pg.panel.answer.value, pg.panel.stats.value, pg.code.value, pg.text) == ("", "", "", "")
    assert pg.result is None and pg.error is None and pg.seed.disabled
    assert not pg.send_button.disabled and pg.stop_button.disabled


def test_reset_stops_an_answer_that_is_streaming(client, srv):
    pg = Playground(client, prompt="Tell me about San Francisco", extra_headers={"X-Practice-Fault": "delay=0.3"})
    assert pg.send() and pg.panel.running
    pg.reset()
    assert pg.wait(WAIT)
    assert (pg.panel.answer.value, pg.panel.stats.value, pg.text) == ("", "", "")
    assert not pg.send_button.disabled and pg.stop_button.disabled


@pytest.mark.parametrize("fault, expected", [
    ("status=503", "server failed (503)"),
    ("status=429", "Too many requests (429). Wait a minute"),
    ("status=429;retry_after=600", "The server asked to wait 600 s (10 minutes)"),
    ("status=403", "cannot pay (403)"),
])
def test_api_errors_become_one_friendly_line(client, fault, expected):
    pg = Playground(client, prompt="Hi", extra_headers={"X-Practice-Fault": fault})
    pg.send()
    assert pg.wait(WAIT)
    assert pg.error and expected in pg.error
    assert "\n" not in pg.error and "Traceback" not in pg.panel.stats.value
    assert 'role="alert"' in pg.panel.stats.value


def test_a_bad_key_gives_a_401_line_without_the_key(srv):
    wrong = "sk-canary-wrongwrongwrong9876"
    with helpers.Client(api_key=wrong, base_url=srv.base_url) as c:
        pg = Playground(c, prompt="Hi")
        pg.send()
        assert pg.wait(WAIT)
    assert "401" in pg.error and "https://aimlapi.com/app/keys" in pg.error
    assert wrong not in pg.error and wrong not in pg.panel.stats.value


def test_no_network_says_what_to_do():
    with helpers.Client(api_key=PRACTICE_KEY, base_url=f"http://127.0.0.1:{free_port()}/v1", max_retries=0) as c:
        pg = Playground(c, prompt="Hi")
        pg.send()
        assert pg.wait(WAIT)
    assert pg.error.startswith("Could not get an answer from 127.0.0.1")
    assert "practice server" in pg.error


def test_refused_input_is_explained_before_sending(client, srv):
    pg = Playground(client, prompt="   ")
    assert pg.send() is False
    assert "empty" in pg.error
    pg.prompt.value = "Hi"
    pg.stop_text.value = "a, b, c, d, e"
    assert pg.send() is False
    assert "at most 4" in pg.error
    assert chats(srv) == []


def test_friendly_error_never_shows_a_key():
    err = helpers.APIConnectionError(f"broke while sending {CANARY}")
    assert CANARY not in friendly_error(err, CANARY)
    assert "****cdef" in friendly_error(err, CANARY)
    assert friendly_error(RuntimeError("boom")).startswith("Something unexpected went wrong (RuntimeError")


def test_parse_stop():
    assert parse_stop("") is None and parse_stop(" , ") is None
    assert parse_stop("END") == "END"
    assert parse_stop(r"END, \n\n,STOP") == ["END", "\n\n", "STOP"]


# --- rendering ----------------------------------------------------------------------------------


@pytest.mark.parametrize("attack", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "![pixel](https://tracker.example/p.png)",
    "<iframe src=https://example.com></iframe>",
])
def test_markdown_rendering_cannot_run_code_or_load_things(attack):
    out = render_markdown("Hello **world**\n\n" + attack)
    assert "<strong>world</strong>" in out
    tags = _tags(out)
    assert {"p", "strong"} <= {t for t, _ in tags}
    for tag, attrs in tags:
        assert tag not in ("script", "img", "iframe", "object", "embed", "style"), out
        for name, value in attrs:
            assert not name.startswith("on") and name not in ("src", "style"), out
            if name == "href":
                assert value.startswith(("https://", "http://", "#")), out


def _tags(markup: str) -> list:
    """Every element the browser would build from ``markup``: (tag, attributes)."""
    from html.parser import HTMLParser

    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Collector().feed(markup)
    return found


def test_markdown_keeps_code_readable():
    out = render_markdown("```python\nif a < b:\n    print('<ok>')\n```")
    assert "<pre style=" in out and "<code" in out and "a &lt; b" in out


HAIKU = "Here is a haiku about fog:\n\nGrey fog on the bay\nthe bridge <b>towers</b> float\na foghorn answers"


def test_markdown_keeps_single_line_breaks_and_still_escapes():
    out = render_markdown(HAIKU)
    assert "Grey fog on the bay<br />\nthe bridge &lt;b&gt;towers&lt;/b&gt; float<br />\na foghorn answers" in out
    assert [t for t, _ in _tags(out)] == ["p", "p", "br", "br"]  # two paragraphs; no <b> from the answer


def test_chat_shows_the_models_line_breaks(client):
    chat = ChatWidget(client)
    assert chat.send("Write a haiku about fog")
    assert chat.wait(WAIT)
    verse = chat.history[-1]["content"].split("\n\n", 1)[1].strip()  # the practice server's verse: a line each
    assert verse.count("\n") >= 2
    assert verse.replace("\n", "<br />\n") in html.unescape(chat.panel.answer.value)


def test_throttle_coalesces_renders_and_never_drops_the_last():
    now = [0.0]
    renders = []
    throttle = Throttle(lambda: renders.append(now[0]), 0.05, clock=lambda: now[0])
    throttle()  # the first ask renders at once
    for _ in range(100):  # a burst in the same instant: one trailing render is scheduled
        throttle()
    assert renders == [0.0]
    throttle.flush()  # the end of a stream: render the final state now
    assert len(renders) == 2
    now[0] = 1.0
    throttle()
    assert len(renders) == 3


def test_a_long_answer_is_rendered_far_fewer_times_than_it_has_pieces(client):
    pg = Playground(client, prompt="Tell me about San Francisco")
    pg.max_tokens.value = 2000
    pg.send()
    assert pg.wait(WAIT)
    pieces = pg.result.usage["completion_tokens"]
    assert pieces > 20
    assert pg.panel.throttle.calls < pieces  # updates are coalesced, not one per token


# --- chat ---------------------------------------------------------------------------------------


def test_chat_sends_the_whole_history_and_tallies(client, srv):
    chat = ChatWidget(client)
    chat.message.value = "My name is Ada."
    chat.send_button.click()
    assert chat.wait(WAIT)
    assert chat.message.value == ""
    chat.send("What is my name?")
    assert chat.wait(WAIT)
    first, second = (r["body"] for r in chats(srv))
    assert first["messages"] == [{"role": "user", "content": "My name is Ada."}]
    assert [m["role"] for m in second["messages"]] == ["user", "assistant", "user"]
    assert second["messages"][1]["content"].startswith(SIMULATED_MARKER)
    assert second["messages"][2] == {"role": "user", "content": "What is my name?"}
    assert [m["role"] for m in chat.history] == ["user", "assistant", "user", "assistant"]
    assert chat.tally.calls == 2 and chat.tally.total_tokens > 0
    assert chat.tally.entries[-1].total_tokens == chat.panel.result.tokens
    assert "2 turns" in chat.tally_label.value and f"{chat.tally.total_tokens} tokens" in chat.tally_label.value
    shown = chat.panel.answer.value
    assert shown.count("<b>You:</b>") == 2 and shown.count("<b>Gemma:</b>") == 2
    chat.clear_button.click()
    assert chat.history == [] and chat.tally.calls == 0 and "0 turns" in chat.tally_label.value
    assert chat.panel.answer.value == ""


def test_chat_escapes_what_the_learner_types(client):
    chat = ChatWidget(client)
    chat.send("<img src=x onerror=alert(1)>")
    assert chat.wait(WAIT)
    assert "<img" not in chat.panel.answer.value


def test_a_failed_turn_is_not_kept_and_the_message_comes_back(srv):
    with helpers.Client(api_key="sk-canary-wrongwrongwrong9876", base_url=srv.base_url) as bad:
        chat = ChatWidget(bad)
        chat.send("Hello?")
        assert chat.wait(WAIT)
    assert "401" in chat.error
    assert chat.history == [] and chat.message.value == "Hello?"


# --- compare ------------------------------------------------------------------------------------


def test_compare_streams_both_models_at_once(client, srv):
    cmp_ = CompareWidget(client, prompt="Explain recursion in two sentences")
    cmp_.max_tokens.value = 100
    cmp_.send_button.click()
    assert cmp_.wait(WAIT)
    sent = sorted(r["body"]["model"] for r in chats(srv))
    assert sent == sorted(schema.MODELS)
    assert all(r["body"]["max_tokens"] == 100 for r in chats(srv))
    for model, panel in cmp_.panels.items():
        assert panel.text.startswith(SIMULATED_MARKER), model
        assert panel.result.model.startswith(model)
        for word in ("first token", "total", "tokens/s"):
            assert word in panel.stats.value
    assert "First token first" in cmp_.summary.value
    assert cmp_.send_button.disabled is False


def test_compare_runs_the_two_streams_concurrently(client, srv):
    # The server holds each stream open with keep-alives for 30 s: both requests arriving while
    # neither has finished means the two models run at the same time, not one after the other.
    cmp_ = CompareWidget(client, prompt="Hi", extra_headers={"X-Practice-Fault": "keepalive=30"})
    cmp_.send()
    deadline = time.monotonic() + WAIT
    while len(chats(srv)) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sorted(r["body"]["model"] for r in chats(srv)) == sorted(schema.MODELS)
    assert all(p.running for p in cmp_.panels.values())
    cmp_.stop_button.click()
    assert cmp_.wait(10)
    assert all(p.stopped for p in cmp_.panels.values())
    assert cmp_.send_button.disabled is False and cmp_.stop_button.disabled is True


# --- the key widget ------------------------------------------------------------------------------


class _RealLikeAPI(BaseHTTPRequestHandler):
    """Answers like the real API (no practice marker), accepting one key: for the "real mode" report."""

    key = CANARY

    def log_message(self, *args):
        pass

    def _json(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _authorized(self):
        if self.headers.get("Authorization") != f"Bearer {self.key}":
            self._json(401, {"message": "This request requires a valid API key.", "statusCode": 401})
            return False
        return True

    def do_GET(self):
        if self.path.startswith("/v1/models"):
            return self._json(200, {"object": "list", "data": [{"id": m} for m in schema.MODELS]})
        if self.path == "/v2/billing" and self._authorized():
            return self._json(200, {"current_balance": 12.5, "currency": "USD"})

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self._authorized():
            self._json(200, {"id": "x", "object": "chat.completion", "model": schema.DEFAULT_MODEL,
                             "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi"},
                                          "finish_reason": "length"}],
                             "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})


@pytest.fixture
def real_like_api():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _RealLikeAPI)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def test_key_widget_practice_choice(client, srv):
    helpers.routing.set_client(client)
    kw = KeyWidget()
    kw.practice_box.value = True
    kw.check_button.click()
    report = kw.report
    assert report.ok and report.mode == "practice"
    assert report.balance == pytest.approx(srv.balance, abs=1e-6) and "$5.00" in report.message
    assert "Practice mode" in kw.status.value
    assert helpers.get_client().simulated
    paths = [r["path"] for r in srv.requests]
    assert paths == ["/v1/models", "/v1/chat/completions", "/v2/billing"]
    assert srv.requests[1]["body"]["max_tokens"] == 1


def test_the_practice_box_says_what_the_badge_says(client, real_like_api, tmp_path):
    helpers.routing.set_client(client)  # the practice server's
    kw = KeyWidget(base_url=real_like_api, env_path=tmp_path / ".env")
    assert "Practice mode" in kw.status.value and kw.practice_box.value is True
    kw.key_box.value = CANARY  # a key typed to be used: Check tries it rather than the practice server
    assert kw.practice_box.value is False
    assert kw.check_key().mode == "real"
    assert "Real mode" in kw.status.value and kw.practice_box.value is False
    assert KeyWidget().practice_box.value is False  # a new widget in real mode
    kw.practice_box.value = True
    assert kw.check_key().mode == "practice"
    assert "Practice mode" in kw.status.value and kw.practice_box.value is True


def test_key_widget_real_mode_masks_the_key_and_clears_the_box(real_like_api, tmp_path):
    kw = KeyWidget(base_url=real_like_api, env_path=tmp_path / ".env")
    kw.key_box.value = CANARY
    report = kw.check_key()
    assert kw.key_box.value == ""  # gone from the widget (and so from any saved widget state)
    assert CANARY not in repr(kw.key_box)
    assert report.ok and report.mode == "real" and report.masked_key == "****cdef"
    assert report.balance == 12.5 and "$12.50" in report.message
    assert "****cdef" in kw.status.value and CANARY not in kw.status.value
    assert CANARY not in json.dumps(kw.key_box.get_state(), default=str)
    assert helpers.get_client().base_url == real_like_api and helpers.get_client().mode == "real"
    assert not (tmp_path / ".env").exists()  # not saved unless asked


def test_the_key_leaves_the_box_as_soon_as_the_browser_sends_it(real_like_api, tmp_path):
    from helpers.widgets.key import RECEIVED_PLACEHOLDER

    kw = KeyWidget(base_url=real_like_api, env_path=tmp_path / ".env")
    sent = []
    kw.key_box._send = lambda msg, buffers=None: sent.append(msg)  # what would go back to the browser
    kw.key_box.set_state({"value": CANARY})  # exactly what a browser's update does
    assert kw.key_box.value == "" and kw.key_box.placeholder == RECEIVED_PLACEHOLDER
    assert CANARY not in json.dumps(kw.key_box.get_state(), default=str)
    assert CANARY not in json.dumps(sent)  # not echoed back
    assert any(m.get("state", {}).get("value") == "" for m in sent)  # the browser's box is emptied
    report = kw.check_key()  # Check still has the key, from memory
    assert report.ok and report.masked_key == "****cdef"
    assert "no key typed" in kw.check_key().message  # and forgets it once used


def test_key_widget_saves_to_env_only_when_asked(real_like_api, tmp_path):
    env = tmp_path / ".env"
    env.write_text("OTHER=1\n")
    os.chmod(env, 0o644)
    kw = KeyWidget(base_url=real_like_api, env_path=env)
    kw.key_box.value = CANARY
    kw.save_box.value = True
    report = kw.check_key()
    assert report.saved_to == env.resolve()
    assert stat.S_IMODE(env.stat().st_mode) == 0o600
    assert env.read_text().splitlines() == ["OTHER=1", f"AIML_API_KEY={CANARY}"]
    assert CANARY not in kw.status.value and "Saved to" in kw.status.value


def test_key_widget_bad_key_gives_a_401_message(real_like_api, tmp_path):
    before = helpers.get_client()
    kw = KeyWidget(base_url=real_like_api, env_path=tmp_path / ".env")
    wrong = "sk-canary-thisisnotthekey42"
    kw.key_box.value = wrong
    kw.save_box.value = True
    report = kw.check_key()
    assert not report.ok and "401" in report.message and "https://aimlapi.com/app/keys" in report.message
    assert report.message.startswith("Key ****ey42")
    assert wrong not in kw.status.value and 'role="alert"' in kw.status.value
    assert kw.key_box.value == ""
    assert helpers.get_client() is before  # a key that does not work is not used...
    assert not (tmp_path / ".env").exists()  # ...nor saved


def test_key_widget_no_credits_and_no_network(srv, tmp_path):
    srv.balance = 0
    kw = KeyWidget(base_url=srv.base_url, env_path=tmp_path / ".env")
    kw.key_box.value = srv.key
    report = kw.check_key()
    assert not report.ok and "403" in report.message and "top up" in report.message.lower()
    kw = KeyWidget(base_url=f"http://127.0.0.1:{free_port()}/v1")
    kw.key_box.value = CANARY
    report = kw.check_key()
    assert not report.ok and report.message.startswith("Key ****cdef: Could not get an answer")


def test_key_widget_refuses_something_that_is_not_a_key(tmp_path):
    kw = KeyWidget(env_path=tmp_path / ".env")
    kw.key_box.value = "my key is secret"
    report = kw.check_key()
    assert not report.ok and "does not look like an API key" in report.message
    assert kw.key_box.value == "" and "secret" not in kw.status.value


def test_save_goes_to_the_project_top_folder_by_default(tmp_path, monkeypatch):
    (tmp_path / ".env.example").write_text("AIML_API_KEY=\n")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    assert KeyWidget().env_path == tmp_path / ".env"


def test_widgets_show_a_plain_line_where_widgets_cannot_render(client):
    bundle = Playground(client)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith("Playground (a widget")


def test_send_is_enabled_again_when_an_answer_finishes_before_send_returns(client, monkeypatch):
    """A fast answer can end (on its own thread) before ``send`` has shown the widget as running: the
    widget must not be left running with Send disabled."""
    from helpers.widgets import AnswerPanel

    def instant(panel, *args, on_done=None, **kwargs):
        on_done(panel)
        return True

    monkeypatch.setattr(AnswerPanel, "start", instant)
    pg, compare = Playground(client, prompt="Hi"), CompareWidget(client, prompt="Hi")
    assert pg.send() and compare.send()
    for w in (pg, compare):
        assert w.send_button.disabled is False and w.stop_button.disabled is True
