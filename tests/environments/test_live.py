"""The live tooling (live/) against practice servers on loopback: preflight, test-live, drift.

A real run points AIML_API_BASE and AIML_API_KEY at the API; these tests point them at a
PracticeServer (or at a deliberately different server in front of one), which exercises
the same path. Nothing here needs a key or the internet.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import nbformat
import pytest
import requests
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import helpers
from helpers.ports import free_port
from helpers.practice import MODEL_SPECS, PracticeServer
from live import common, drift, preflight, profile, run_lessons

ROOT = Path(__file__).resolve().parents[2]
CANARY_KEY = "live-canary-key-0123456789abcdef"


# --------------------------------------------------------------------------- fixtures

@pytest.fixture
def server():
    with PracticeServer(latency=0) as srv:
        yield srv


@pytest.fixture
def canary_server():
    """A practice server whose key is a canary: it must never appear in any output."""
    with PracticeServer(latency=0, key=CANARY_KEY) as srv:
        yield srv


@pytest.fixture
def no_dotenv(tmp_path, monkeypatch):
    """Work in a folder with no .env above it, so a developer's real key is never found."""
    monkeypatch.chdir(tmp_path)
    for name in ("AIML_API_KEY", "AIMLAPI_API_KEY", "AIML_API_BASE", "AIML_PRACTICE", "AIML_OPENAPI_URL"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def point_at(monkeypatch, base_url: str, key: str | None) -> common.Target:
    monkeypatch.setenv("AIML_API_BASE", base_url)
    if key is None:
        monkeypatch.delenv("AIML_API_KEY", raising=False)
    else:
        monkeypatch.setenv("AIML_API_KEY", key)
    return common.load_target()


def refused_port() -> int:
    """A loopback port with nothing listening on it."""
    return free_port()


def run_cli(module: str, *args: str, base: str | None, key: str | None, cwd: Path, timeout: float = 120):
    """``python -m module args`` in a clean environment (no key, no .env above ``cwd``)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("AIML_API_KEY", "AIMLAPI_API_KEY", "AIML_API_BASE", "AIML_PRACTICE", "AIML_OPENAPI_URL")}
    env["PYTHONPATH"] = str(ROOT)
    if base:
        env["AIML_API_BASE"] = base
    if key:
        env["AIML_API_KEY"] = key
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    return done.returncode, done.stdout + done.stderr


def table_rows(text: str, first_column: str) -> dict[str, list[str]]:
    """Rows of a plain-text table (columns split on 2+ spaces), keyed by their first cell."""
    import re

    rows = {}
    for line in text.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if cells and cells[0]:
            rows.setdefault(cells[0], cells)
    assert first_column in rows, text
    return rows


SMALL_PROFILE = {
    "uncapped_completion_tokens": 1024,
    "lessons": {
        "00_setup": {"calls": 1, "refused": 0, "models": {
            "google/gemma-3-4b-it": {"calls": 1, "streams": 0, "prompt_tokens": 10, "completion_tokens": 5,
                                     "completion_cap": 100, "uncapped_calls": 0}}},
        "01_two_models": {"calls": 3, "refused": 2, "models": {
            "google/gemma-3-4b-it": {"calls": 2, "streams": 1, "prompt_tokens": 20, "completion_tokens": 9,
                                     "completion_cap": 200, "uncapped_calls": 0},
            "google/gemma-3-12b-it": {"calls": 1, "streams": 0, "prompt_tokens": 40, "completion_tokens": 9,
                                      "completion_cap": 1024, "uncapped_calls": 1}}},
        "02_doc_example": {"calls": 1, "refused": 0, "models": {
            "google/gemma-3-27b-it": {"calls": 1, "streams": 0, "prompt_tokens": 10, "completion_tokens": 9,
                                      "completion_cap": 50, "uncapped_calls": 0}}},
    },
}


def write_notebook(path: Path, *code: str) -> Path:
    nb = new_notebook(cells=[new_markdown_cell("# A test lesson\nYou will learn")]
                      + [new_code_cell(c) for c in code] + [new_markdown_cell("Recap")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


# --------------------------------------------------------------------------- a deliberately different server

class DifferentServer:
    """A loopback server in front of a practice server that behaves unlike the kit's description.

    ``max_temperature``: temperatures above 2 and up to this are accepted (sent on as 2).
    ``openai_errors``: error bodies come back in the OpenAI shape ``{"error": {...}}``.
    ``openapi``: a description served at ``/openapi.json``.
    """

    def __init__(self, upstream: PracticeServer, *, max_temperature: float = 2.0, openai_errors: bool = False,
                 openapi: dict | None = None):
        self.upstream, self.max_temperature, self.openai_errors, self.openapi = \
            upstream, max_temperature, openai_errors, openapi
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                if self.path == "/openapi.json" and outer.openapi is not None:
                    return self._reply(200, json.dumps(outer.openapi).encode(), {})
                self._forward(None)

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = json.loads(raw) if raw else None
                if isinstance(body, dict) and isinstance(body.get("temperature"), (int, float)) \
                        and 2 < body["temperature"] <= outer.max_temperature:
                    body["temperature"] = 2
                self._forward(body)

            def _forward(self, body):
                headers = {k: v for k, v in self.headers.items() if k.lower() in ("authorization", "accept")}
                upstream = requests.request(self.command, outer.upstream.root_url + self.path, json=body,
                                            headers=headers, timeout=10)
                data = upstream.content
                if outer.openai_errors and upstream.status_code >= 400:
                    message = upstream.json().get("message")
                    data = json.dumps({"error": {"message": message, "type": "invalid_request_error",
                                                 "code": None}}).encode()
                extra = {k: v for k, v in upstream.headers.items() if k.lower().startswith("x-")}
                self._reply(upstream.status_code, data, extra)

            def _reply(self, status, data, extra):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in extra.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._httpd.shutdown()
        self._httpd.server_close()


def vendor_shaped_openapi(**changes) -> dict:
    """A small description of the chat endpoint in the vendor's OpenAPI layout (values typed in here)."""
    number = lambda lo=None, hi=None, nullable=False: {k: v for k, v in (  # noqa: E731
        ("type", "number"), ("minimum", lo), ("maximum", hi), ("nullable", nullable or None)) if v is not None}
    props = {
        "model": {"type": "string", "enum": ["google/gemma-3-4b-it", "google/gemma-3-12b-it"]},
        "messages": {"type": "array", "items": {"oneOf": [
            {"type": "object", "properties": {"role": {"type": "string", "enum": ["user"]}}},
            {"type": "object", "properties": {"role": {"type": "string", "enum": ["assistant"]}}}]}},
        "max_completion_tokens": {"type": "integer", "minimum": 1},
        "max_tokens": number(1),
        "stream": {"type": "boolean", "default": False},
        "stream_options": {"type": "object", "properties": {"include_usage": {"type": "boolean"}}},
        "temperature": number(0, 2),
        "top_p": number(0.01, 1),
        "seed": {"type": "integer", "minimum": 1},
        "min_p": number(0.001, 0.999),
        "top_k": number(),
        "repetition_penalty": number(nullable=True),
        "top_a": number(0, 1),
        "frequency_penalty": number(-2, 2, nullable=True),
        "prediction": {"type": "object", "properties": {"type": {"type": "string", "enum": ["content"]}}},
        "presence_penalty": number(-2, 2, nullable=True),
        "stop": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}, {"nullable": True}],
                 "description": "Up to 4 sequences where the API will stop generating further tokens."},
    }
    for name, value in changes.items():
        if value is None:
            props.pop(name)
        else:
            props[name] = {**props.get(name, {}), **value}
    schema_ = {"type": "object", "properties": props, "required": ["model", "messages"]}
    return {"openapi": "3.0.0", "info": {"title": "AIML API", "version": "1.0.0"},
            "paths": {"/v1/chat/completions": {"post": {"requestBody": {"content": {
                "application/json": {"schema": schema_}}}}}}}


# --------------------------------------------------------------------------- preflight

def test_preflight_go_table_and_exit_0(canary_server, tmp_path):
    code, out = run_cli("live.preflight", "--learners", "2", "--lessons", "1",
                        base=canary_server.base_url, key=CANARY_KEY, cwd=tmp_path)
    assert code == 0, out
    rows = table_rows(out, "network")
    for name in ("network", "models listed", "key", "chat 4B", "chat 12B", "streaming", "budget"):
        assert rows[name][1] == "GO", (name, out)
    assert "2 learners x " in out
    assert "\nGO: " in out
    assert CANARY_KEY not in out and "****cdef" in out
    # the preflight's own calls reached the server: two chats and one stream, each with a small max_tokens
    chats = [r["body"] for r in canary_server.requests if r["path"].endswith("/chat/completions")]
    assert len(chats) == 3 and all(b["max_tokens"] <= 24 for b in chats)
    assert sum(bool(b.get("stream")) for b in chats) == 1
    assert {b["model"] for b in chats} == set(helpers.MODELS)


def test_preflight_names_a_configured_model_the_api_does_not_serve(canary_server, tmp_path, monkeypatch):
    """An instructor's AIML_MODEL_SMALL that the API does not list is a no-go, with how to choose another."""
    monkeypatch.setenv("AIML_MODEL_SMALL", "google/gemma-3-4b-it-retired")
    code, out = run_cli("live.preflight", "--learners", "2", "--lessons", "1",
                        base=canary_server.base_url, key=CANARY_KEY, cwd=tmp_path)
    assert code == 1, out
    rows = table_rows(out, "network")
    assert rows["models listed"][1] == "NO-GO" and "google/gemma-3-4b-it-retired" in out
    assert "helpers.models()" in out and "AIML_MODEL_SMALL" in out


def test_preflight_without_a_key_says_how_to_get_one(tmp_path):
    code, out = run_cli("live.preflight", base=None, key=None, cwd=tmp_path)
    assert code == 2, out
    assert "No API key is configured" in out
    for hint in ("https://aimlapi.com/app/keys", "AIML_API_KEY", ".env", "funded"):
        assert hint in out


def test_preflight_wrong_key_is_no_go_with_401_and_masked(server, tmp_path):
    code, out = run_cli("live.preflight", base=server.base_url, key=CANARY_KEY, cwd=tmp_path)
    assert code == 1, out
    rows = table_rows(out, "key")
    assert rows["network"][1] == "GO"
    assert rows["key"][1] == "NO-GO" and "401" in rows["key"][2]
    assert "https://aimlapi.com/app/keys" in out
    assert all(rows[n][1] == "SKIP" for n in ("chat 4B", "chat 12B", "streaming", "budget"))
    assert "NO-GO: key failed" in out
    assert CANARY_KEY not in out


def test_preflight_refused_port_is_a_connection_failure_not_an_auth_one(tmp_path):
    base = f"http://127.0.0.1:{refused_port()}/v1"
    code, out = run_cli("live.preflight", base=base, key=CANARY_KEY, cwd=tmp_path)
    assert code == 1, out
    rows = table_rows(out, "network")
    assert rows["network"][1] == "NO-GO"
    assert "refused the connection" in rows["network"][2] and "401" not in out
    assert rows["key"][1] == "SKIP"


def test_dns_failure_is_reported_as_no_network():
    def no_dns(host, port, **kw):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    found = common.diagnose_connection("https://api.example.invalid/v1", resolve=no_dns)
    assert found.kind == "dns" and found.no_network
    assert "api.example.invalid could not be looked up" in found.text


def test_refused_port_diagnosis_is_not_no_network():
    found = common.diagnose_connection(f"http://127.0.0.1:{refused_port()}/v1", timeout=2)
    assert found.kind == "refused" and not found.no_network


def test_preflight_budget_no_go_when_the_balance_is_short(server, no_dotenv, monkeypatch):
    server.balance = 0.0001
    target = point_at(monkeypatch, server.base_url, server.key)
    pf = preflight.run_checks(target, learners=500, profile=SMALL_PROFILE, notebooks=[])
    rows = {c.name: c for c in pf.checks}
    assert rows["budget"].result == "NO-GO", pf.table()
    assert "Top up" in rows["budget"].detail and "500 learners x all 3 lessons" in rows["budget"].detail
    assert not pf.go and pf.estimate.total_usd > pf.balance
    assert all(rows[n].result == "GO" for n in ("network", "key", "chat 4B", "chat 12B", "streaming"))


def test_preflight_estimate_uses_the_measured_price(server, no_dotenv, monkeypatch):
    target = point_at(monkeypatch, server.base_url, server.key)
    pf = preflight.run_checks(target, learners=3, profile=SMALL_PROFILE, notebooks=[])
    assert pf.go, pf.table()
    # the price per token of each model is what its preflight call cost, from the answer
    chat_bodies = [r["body"] for r in server.requests if r["path"].endswith("/chat/completions")]
    assert set(pf.rates) == set(helpers.MODELS) and len(chat_bodies) == 3
    assert pf.rates[helpers.MODELS[1]] > pf.rates[helpers.MODELS[0]] > 0  # the practice 12B costs more
    # an upper bound: at least the practice server's price of an answer token (USD per million)
    for model in helpers.MODELS:
        assert pf.rates[model] >= MODEL_SPECS[model].output_price / 1e6 >= MODEL_SPECS[model].input_price / 1e6
    expected = profile.estimate_session(SMALL_PROFILE, sorted(SMALL_PROFILE["lessons"]), 3, pf.rates, 1.5)
    assert pf.estimate.total_usd == pytest.approx(expected.total_usd)
    assert pf.spent == pytest.approx(5.0 - server.balance)


def test_preflight_deadline_and_call_timeouts(server, no_dotenv, monkeypatch):
    target = point_at(monkeypatch, server.base_url, server.key)
    pf = preflight.run_checks(target, deadline_s=0.5, profile=SMALL_PROFILE, notebooks=[])
    assert pf.checks[0].result == "NO-GO" and "deadline" in pf.checks[0].detail
    server.server_wide(delay=3.0)  # every chat answer waits longer than a call may
    pf = preflight.run_checks(target, call_timeout=0.5, profile=SMALL_PROFILE, notebooks=[])
    rows = {c.name: c for c in pf.checks}
    assert rows["key"].result == "GO"
    assert rows["chat 4B"].result == "NO-GO" and "timeout" in rows["chat 4B"].detail
    assert not pf.go


def test_preflight_asks_on_a_terminal_only(server, no_dotenv, monkeypatch, capsys):
    point_at(monkeypatch, server.base_url, server.key)
    (no_dotenv / "profile.json").write_text(json.dumps(SMALL_PROFILE))
    answers = iter(["many", "4", "1"])
    asked = []

    def read(question):
        asked.append(question)
        return next(answers)

    assert preflight.main(["--profile", "profile.json"], interactive=True, read=read) == 0
    assert asked == ["How many learners? [1]: "] * 2 + ["How many lessons will each run? [all]: "]
    out = capsys.readouterr().out
    assert "Please type a whole number" in out and "4 learners x the 1 dearest of 3 lessons" in out
    assert preflight.main(["--profile", "profile.json"], interactive=False, read=read) == 0
    assert len(asked) == 3  # not asked again
    assert "1 learner x all 3 lessons" in capsys.readouterr().out


# --------------------------------------------------------------------------- the profile and the estimate

def test_estimate_arithmetic():
    rates = {"google/gemma-3-4b-it": 1e-7, "google/gemma-3-12b-it": 3e-7}
    est = profile.estimate_session(SMALL_PROFILE, ["00_setup", "01_two_models"], learners=10, rates=rates, margin=2)
    assert est.per_lesson_usd["00_setup"] == pytest.approx((10 * 1.5 + 100) * 1e-7)
    assert est.per_lesson_usd["01_two_models"] == pytest.approx((20 * 1.5 + 200) * 1e-7 + (40 * 1.5 + 1024) * 3e-7)
    assert est.total_usd == pytest.approx(10 * 2 * (115e-7 + 230e-7 + 1084 * 3e-7))
    assert est.calls_per_learner == 4
    # a model the preflight did not call is priced at twice the dearest measured rate, and said so
    est = profile.estimate_session(SMALL_PROFILE, ["02_doc_example"], 1, rates, 1)
    assert est.total_usd == pytest.approx((10 * 1.5 + 50) * 6e-7)
    assert any("gemma-3-27b-it was not measured" in a for a in est.assumptions)
    with pytest.raises(ValueError, match="no measured price"):
        profile.estimate_session(SMALL_PROFILE, ["00_setup"], 1, {}, 1)


def test_measured_rate_charges_the_cost_to_answer_tokens():
    result = helpers.ChatResult("OK", "m", "stop", usage={"prompt_tokens": 30, "completion_tokens": 10,
                                                         "total_tokens": 40}, cost_usd=2e-6)
    assert preflight.measured_rate(result) == pytest.approx(2e-7)
    # an answer that reports no answer tokens (the documentation's own sample does) falls back to all tokens
    odd = helpers.ChatResult("OK", "m", "stop", usage={"prompt_tokens": 30, "completion_tokens": 0,
                                                      "total_tokens": 40}, cost_usd=2e-6)
    assert preflight.measured_rate(odd) == pytest.approx(5e-8)
    assert preflight.measured_rate(helpers.ChatResult("OK", "m", "stop", usage={}, cost_usd=None)) is None


def test_select_lessons():
    rates = {"google/gemma-3-4b-it": 1e-7, "google/gemma-3-12b-it": 3e-7}
    assert profile.select_lessons(SMALL_PROFILE, rates)[0] == ["00_setup", "01_two_models", "02_doc_example"]
    assert profile.select_lessons(SMALL_PROFILE, rates, count=1) == (["01_two_models"], "the 1 dearest of 3 lessons")
    assert profile.select_lessons(SMALL_PROFILE, rates, only="0,02")[0] == ["00_setup", "02_doc_example"]
    with pytest.raises(ValueError, match="1 to 3"):
        profile.select_lessons(SMALL_PROFILE, rates, count=7)
    with pytest.raises(ValueError, match="no lesson '09'"):
        profile.select_lessons(SMALL_PROFILE, rates, only="09")


@pytest.mark.parametrize("counting", [False, True], ids=["PracticeServer", "counting_server"])
def test_count_calls_from_a_practice_servers_records(counting):
    with (profile.counting_server(latency=0) if counting else PracticeServer(latency=0)) as server:
        client = helpers.Client(api_key=server.key, base_url=server.base_url, max_retries=0)
        client.chat("Hello there", max_tokens=20)
        client.chat("Hi", model=helpers.MODELS[1])
        "".join(client.stream("Stream this", max_tokens=7))
        with pytest.raises(helpers.InternalServerError):  # the real API ignores the header, and bills the call
            client.chat("Faulty", max_tokens=3, extra_headers={"X-Practice-Fault": "status=503"})
        requests.post(server.base_url + "/chat/completions", timeout=10,
                      headers={"Authorization": f"Bearer {server.key}"},
                      json={"model": helpers.MODELS[0], "messages": [{"role": "user", "content": "x"}],
                            "temperature": 9})
        with pytest.raises(helpers.AuthenticationError):
            helpers.Client(api_key="not-the-key-1111", base_url=server.base_url, max_retries=0).chat("Hi")
        client.models()
        records = list(server.requests)
    counted = profile.count_calls(records, server.key)
    small, large = counted["models"][helpers.MODELS[0]], counted["models"][helpers.MODELS[1]]
    assert counted["calls"] == 4 and counted["refused"] == 2
    assert (small["calls"], small["streams"], small["completion_cap"], small["uncapped_calls"]) == (3, 1, 30, 0)
    assert (large["calls"], large["completion_cap"], large["uncapped_calls"]) == (
        1, profile.UNCAPPED_COMPLETION_TOKENS, 1)
    assert small["prompt_tokens"] == 5  # "Hello there", "Stream this", "Faulty"


def test_counting_server_tells_a_wrong_key_with_the_same_last_four():
    with profile.counting_server(latency=0) as server:
        with pytest.raises(helpers.AuthenticationError):
            helpers.Client(api_key="wrong-key-" + server.key[-4:], base_url=server.base_url, max_retries=0).chat("Hi")
        records = list(server.requests)
    assert profile.count_calls(records, server.key) == {"models": {}, "refused": 1, "calls": 0}


def test_build_profile_counts_a_notebooks_calls(tmp_path):
    nb = write_notebook(tmp_path / "00_counted.ipynb",
                        "import helpers",
                        "helpers.chat('One', max_tokens=5)\n"
                        "helpers.chat('Two', model='google/gemma-3-12b-it', max_tokens=6)",
                        "print(''.join(helpers.stream('Three', max_tokens=4)))")
    before = {k: os.environ.get(k) for k in ("AIML_API_BASE", "AIML_API_KEY")}
    built = profile.build_profile([nb], out=lambda *_: None)
    assert {k: os.environ.get(k) for k in before} == before  # the environment is restored
    lesson = built["lessons"]["00_counted"]
    assert lesson["ran_clean"] and lesson["calls"] == 3
    assert lesson["models"][helpers.MODELS[0]]["completion_cap"] == 9
    assert lesson["models"][helpers.MODELS[1]]["calls"] == 1


def test_the_committed_profile_is_well_formed():
    data = profile.load_profile()
    assert data["lessons"], "live/lesson_profile.json lists no lessons: run python -m live.profile"
    for name, lesson in data["lessons"].items():
        assert name[:2].isdigit() and name[2] == "_", name
        assert lesson["calls"] == sum(m["calls"] for m in lesson["models"].values())
        for model, entry in lesson["models"].items():
            assert entry["completion_cap"] >= entry["calls"] >= entry["streams"] >= 0, (name, model)


# --------------------------------------------------------------------------- test-live

def test_test_live_without_a_key_is_skipped_with_exit_0(tmp_path):
    code, out = run_cli("live.run_lessons", base=None, key=None, cwd=tmp_path)
    assert code == 0, out
    assert "test-live skipped: no AIML_API_KEY" in out and "https://aimlapi.com/app/keys" in out


def test_test_live_table_pass_fail_time_and_cost(canary_server, tmp_path):
    good = write_notebook(tmp_path / "00_good.ipynb", "import helpers",
                          "r = helpers.chat('Hi', max_tokens=10)\nassert r.simulated")
    bad = write_notebook(tmp_path / "01_bad.ipynb", "import helpers", "x = 1",
                         "raise RuntimeError('broken on purpose')")
    code, out = run_cli("live.run_lessons", str(good), str(bad), base=canary_server.base_url, key=CANARY_KEY,
                        cwd=tmp_path, timeout=300)
    assert code == 1, out
    rows = table_rows(out, "00_good")
    assert rows["00_good"][1] == "pass" and rows["00_good"][2].endswith(" s")
    assert rows["00_good"][3].startswith("$") and rows["00_good"][3] != "$0"  # the chat cost something
    assert rows["01_bad"][1] == "FAIL" and rows["01_bad"][3] == "$0"
    assert "cell 3: RuntimeError: broken on purpose" in rows["01_bad"][4]
    assert rows["total"][1] == "1/2 pass"
    # drift and client checks ran first, against the same server
    assert "No drift found" in out and table_rows(out, "chat() 4B")["chat() 4B"][1] == "pass"
    assert "LIVE RUN FAILED" in out
    assert CANARY_KEY not in out


def test_test_live_with_a_wrong_key_stops_before_the_lessons(server, tmp_path):
    nb = write_notebook(tmp_path / "00_never.ipynb", "raise SystemExit('must not run')")
    code, out = run_cli("live.run_lessons", str(nb), base=server.base_url, key=CANARY_KEY, cwd=tmp_path)
    assert code == 1, out
    assert "Cannot start: the API refused the key (401)" in out and "https://aimlapi.com/app/keys" in out
    assert "00_never" not in out.split("Cannot start")[1] and CANARY_KEY not in out


def test_drift_with_a_wrong_key_stops_instead_of_reporting_every_probe(server, no_dotenv, monkeypatch):
    target = point_at(monkeypatch, server.base_url, CANARY_KEY)
    report = drift.run_drift(target)
    assert report.exit_code == 2 and report.drift == []
    assert "Boundary probes stopped: a plain request was refused (401" in report.text()
    assert len([r for r in server.requests if r["path"].endswith("/chat/completions")]) == 1


def test_run_lessons_cost_is_the_balance_drop(server, no_dotenv, monkeypatch, tmp_path):
    target = point_at(monkeypatch, server.base_url, server.key)
    nb = write_notebook(tmp_path / "00_spend.ipynb", "import helpers",
                        "for m in helpers.MODELS:\n    helpers.chat('Spend a little', model=m, max_tokens=30)")
    [result] = run_lessons.run_lessons([nb], target, out=lambda *_: None)
    assert result.run.ok, result.run.error
    # the billing endpoint shows the balance to 12 decimals: the cost is the drop in what it shows
    assert result.cost_usd == pytest.approx(5.0 - round(server.balance, 12), abs=1e-12) and result.cost_usd > 0
    text = run_lessons.lessons_table([result])
    assert "00_spend" in text and "1/1 pass" in text


# --------------------------------------------------------------------------- drift

PROBE_NAMES = ("temperature=2", "temperature=2.01", "top_p=0.01", "top_p=0.005", "min_p=0.001", "min_p=0.0005",
               "min_p=1", "seed=0", "stop with 4 strings", "stop with 5 strings", "system role", "unknown model",
               "wrong key")


def test_drift_none_against_the_practice_server(server, no_dotenv, monkeypatch):
    target = point_at(monkeypatch, server.base_url, server.key)
    report = drift.run_drift(target)
    assert report.exit_code == 0, report.text()
    assert report.drift == []
    checked = {f.check: f for f in report.findings}
    for name in PROBE_NAMES:
        assert checked[name].drift is False, name
    assert checked["temperature=2"].api == "accepted (200)"
    assert checked["temperature=2.01"].api.startswith("refused (400")
    assert checked["401 error body"].drift is False and checked["answer shape"].drift is False
    # accepted probes ask for a single token; few requests in all
    chats = [r["body"] for r in server.requests if r["path"].endswith("/chat/completions")]
    assert len(chats) == len(PROBE_NAMES) + 1 and all(b.get("max_tokens") == 1 for b in chats)
    assert "No drift found" in report.text()


def test_drift_names_a_server_that_accepts_temperature_2_5(server, no_dotenv, monkeypatch):
    with DifferentServer(server, max_temperature=2.5) as different:
        target = point_at(monkeypatch, different.base_url, server.key)
        report = drift.run_drift(target)
    assert report.exit_code == 1
    assert [f.check for f in report.drift] == ["temperature=2.01"]
    assert report.drift[0].sentence() == "temperature=2.01: kit says refused (400), API accepted (200)"
    assert "Drift found (1):\n  - temperature=2.01: kit says refused (400), API accepted (200)" in report.text()


def test_drift_names_an_error_body_of_another_shape(server, no_dotenv, monkeypatch):
    with DifferentServer(server, openai_errors=True) as different:
        target = point_at(monkeypatch, different.base_url, server.key)
        report = drift.run_drift(target)
    names = {f.check for f in report.drift}
    assert {"401 error body", "400 error body", "system role message"} <= names
    body = next(f for f in report.drift if f.check == "401 error body")
    assert "lacks message, path, requestId, statusCode, timestamp" in body.api
    assert "temperature=2.01" not in names


def test_drift_from_the_command_line_is_a_list_not_a_traceback(server, tmp_path):
    with DifferentServer(server, max_temperature=2.5) as different:
        code, out = run_cli("live.drift", base=different.base_url, key=server.key, cwd=tmp_path)
    assert code == 1, out
    assert "- temperature=2.01: kit says refused (400), API accepted (200)" in out
    assert "Traceback" not in out


def test_drift_without_a_key_or_network(no_dotenv, monkeypatch, tmp_path):
    report = drift.run_drift(common.load_target())
    assert report.exit_code == 2 and "no API key" in report.text()
    target = point_at(monkeypatch, f"http://127.0.0.1:{refused_port()}/v1", CANARY_KEY)
    report = drift.run_drift(target, openapi=f"http://127.0.0.1:{refused_port()}/openapi.json")
    assert report.exit_code == 2
    text = report.text()
    assert "Boundary probes skipped: cannot connect" in text and "OpenAPI comparison skipped: cannot connect" in text
    assert CANARY_KEY not in text


def test_drift_openapi_matching_description(server, no_dotenv, tmp_path):
    path = tmp_path / "gemma-3.openapi.json"
    path.write_text(json.dumps(vendor_shaped_openapi()))
    report = drift.run_drift(common.load_target(), openapi=str(path))
    assert report.exit_code == 0, report.text()
    assert "OpenAPI (AIML API 1.0.0): compared the model ids, roles and 15 parameters; 0 differences." in report.text()


def test_drift_openapi_names_each_difference(server, no_dotenv, monkeypatch):
    changed = vendor_shaped_openapi(temperature={"maximum": 2.5}, logprobs={"type": "boolean"}, top_a=None,
                                    model={"enum": helpers.MODELS + ("google/gemma-3-27b-it",)},
                                    stop={"description": "Up to 5 sequences."})
    changed["info"]["version"] = "1.1.0"
    with DifferentServer(server, openapi=changed) as different:
        url = different.base_url[: -len("/v1")] + "/openapi.json"
        monkeypatch.setenv("AIML_OPENAPI_URL", url)
        report = drift.run_drift(common.load_target(), probe=False)
    sentences = {f.sentence() for f in report.drift}
    assert sentences == {
        "openapi: temperature.maximum: kit says 2, API 2.5",
        "openapi: parameter logprobs: kit says unknown, API documents it",
        "openapi: parameter top_a: kit says known, API does not document it",
        "openapi: model google/gemma-3-27b-it: kit says not taught, API lists it",
        "openapi: stop, most strings: kit says 4, API 5",
    }
    assert report.exit_code == 1
    assert "the description has a new version" in report.text()
