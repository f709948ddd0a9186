"""A canary key never leaks: not into a lesson's outputs, a widget's state, an error, a log
record or a saved notebook; and the repository refuses what would leak it.

Scans (``pytest --collect-only -q tests/repository/test_secrets.py`` counts them):

  LESSONS   not here: every lesson runs once, under nbval, holding the canary of
            tests/support/canary.py, and conftest.py scans each cell's outputs, the kernel's log
            records and its widgets' state as the cells run (tests/lessons/test_canary_scan.py proves
            that scan fails a leaking lesson)
  WIDGETS   each widget built, driven (send, stop, show code, check key, errors) and its whole
            displayed state scanned, with every log record
  ECHO      a server that puts the Authorization header into its error bodies, headers and
            stream events: str/repr/attributes of the exception, log records (DEBUG, urllib3
            included) and traceback.format_exc() are scanned
  REPO      tools/check_secrets.py (the pre-commit hook's checker) on the repository and on
            deliberately bad files; the .pre-commit-config.yaml hooks run as configured;
            .env written by save_key is private and ignored by git
"""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import stat
import subprocess
import sys
import traceback
from pathlib import Path

import pytest

import helpers
from helpers import routing
from helpers import keys
from helpers.practice import PracticeServer
from support.rawserver import RawServer, send_slowly

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT / "tools" / "check_secrets.py"

# Mixed case and digits, 32 characters: no id or word on screen shares a 5-character piece with it.
CANARY = "Zq7xKvW3pLm9TnR4bYc8HdJ2fGs6QaE5"
MASKED = keys.mask_key(CANARY)  # "****QaE5": the only form that may ever be shown
PIECE = 5  # "unmasked fragments longer than 4 characters"
FRAGMENTS = {CANARY[i:i + PIECE] for i in range(len(CANARY) - PIECE + 1)}


def leaks(text: str) -> list[str]:
    """The canary, or any piece of it longer than 4 characters, found in ``text``."""
    if CANARY in text:
        return [CANARY]
    return sorted(f for f in FRAGMENTS if f in text)


def record_text(records) -> str:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return "\n".join(formatter.format(r) for r in records)


@pytest.fixture
def keep_default_client():
    saved = routing.set_client(None)
    routing.set_client(saved)
    yield
    routing.set_client(saved)


@pytest.fixture(scope="module")
def canary_server():
    with PracticeServer(key=CANARY, latency=0) as srv:
        yield srv


# =========================================================================== WIDGETS

def _widget_states() -> str:
    import ipywidgets

    instances = getattr(ipywidgets.widgets.widget, "_instances", {})
    return json.dumps([w.get_state() for w in list(instances.values())], default=str)


def test_widgets_never_show_the_key(canary_server, keep_default_client, tmp_path, caplog):
    widgets_module = pytest.importorskip("helpers.widgets")
    caplog.set_level(logging.DEBUG)
    client = helpers.Client(api_key=CANARY, base_url=canary_server.base_url, max_retries=0)
    helpers.routing.set_client(client)
    shown = []

    pg = widgets_module.Playground(client, prompt="Tell me about San Francisco")
    pg.send()
    assert pg.wait(30) and pg.error is None and pg.text
    shown.append(pg.show_code())
    failing = widgets_module.Playground(client, prompt="Hi", extra_headers={"X-Practice-Fault": "status=500"})
    failing.send()
    assert failing.wait(30) and failing.error
    held = widgets_module.Playground(client, prompt="Hi", extra_headers={"X-Practice-Fault": "keepalive=30"})
    held.send()
    held.stop()
    assert held.wait(30)

    chat = widgets_module.ChatWidget(client)
    for message in ("Hi, my name is Ada", "What is my name?"):
        assert chat.send(message)
        assert chat.wait(30) and chat.error is None

    compare = widgets_module.CompareWidget(client, prompt="Name a colour")
    compare.send()
    assert compare.wait(30)

    key_widget = widgets_module.KeyWidget(base_url=canary_server.base_url, env_path=tmp_path / ".env")
    key_widget.key_box.value = CANARY
    key_widget.save_box.value = True
    report = key_widget.check_key()
    assert report.ok and report.masked_key == MASKED and key_widget.key_box.value == ""
    assert stat.S_IMODE((tmp_path / ".env").stat().st_mode) == 0o600  # the one place the key belongs

    for w in (pg, failing, held, chat, compare, key_widget):
        bundle = w._repr_mimebundle_()
        shown += [json.dumps(bundle, default=str), repr(w), str(w)]
    shown += [repr(report), report.message, key_widget.status.value, _widget_states(), record_text(caplog.records)]
    everything = "\n".join(shown)
    assert MASKED in everything  # the key was shown, masked
    assert not leaks(everything), leaks(everything)


def test_key_widget_shows_no_key_when_the_server_echoes_it(keep_default_client, tmp_path, caplog):
    widgets_module = pytest.importorskip("helpers.widgets")
    caplog.set_level(logging.DEBUG)
    with RawServer(_echo(401, "json")) as srv:
        kw = widgets_module.KeyWidget(base_url=srv.base_url, env_path=tmp_path / ".env")
        kw.key_box.value = CANARY
        kw.save_box.value = True
        report = kw.check_key()
    assert not report.ok and "401" in report.message
    assert srv.requests and srv.requests[-1].headers["authorization"] == f"Bearer {CANARY}"
    assert not (tmp_path / ".env").exists()
    everything = "\n".join([repr(report), report.message, kw.status.value, _widget_states(),
                            json.dumps(kw._repr_mimebundle_(), default=str), record_text(caplog.records)])
    assert not leaks(everything), leaks(everything)


# =========================================================================== ECHO

def _echo(status, form, header=False):
    """A raw-server script answering ``status`` with the request's Authorization echoed back."""
    def script(conn, request, number):
        auth = request.headers.get("authorization", "")
        extra = f"X-Debug-Authorization: {auth}\r\n" if header else ""
        if form == "json":
            body = json.dumps({"message": f"Invalid key: {auth}", "statusCode": status, "requestId": "r-1",
                               "debug": {"authorization": auth, "seen": [auth, {"again": auth}]}}).encode()
            kind = "application/json"
        elif form == "json-key-as-name":
            body = json.dumps({"message": "Invalid key", "statusCode": status, "seen": {auth: True}}).encode()
            kind = "application/json"
        elif form == "json-list":
            body = json.dumps({"message": [f"key {auth} refused", "see docs"], "statusCode": status}).encode()
            kind = "application/json"
        elif form == "json-no-balance":
            body = json.dumps({"currency": "USD", "echo": auth}).encode()
            kind = "application/json"
        elif form == "html":
            body = f"<html><body><h1>Error</h1><pre>{auth}</pre></body></html>".encode()
            kind = "text/html"
        elif form.startswith("cut-at-"):  # the key straddles the point where the client cuts a long body
            cut = int(form[len("cut-at-"):])
            body = ("." * (cut - 10 - len("Bearer ")) + auth + " (end)").encode()
            kind = "text/html"
        else:
            body = f"upstream said: {auth}".encode()
            kind = "text/plain"
        head = (f"HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n"
                f"Connection: close\r\n{extra}\r\n").encode()
        conn.sendall(head + body)
    return script


def _echo_stream(event: str):
    def script(conn, request, number):
        auth = request.headers.get("authorization", "")
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
        first = b'data: {"choices": [{"delta": {"content": "partial"}}]}\n\n'
        if event == "error-object":
            tail = "data: " + json.dumps({"error": {"message": f"bad key {auth}", "code": 401, "key": auth}}) + "\n\n"
        elif event == "status-object":
            tail = "data: " + json.dumps({"statusCode": 500, "message": f"failed for {auth}", "auth": auth}) + "\n\n"
        else:
            tail = f"event: error\ndata: provider refused {auth}\n\n"
        send_slowly(conn, [head, first, tail.encode()])
    return script


ECHO = [
    # id: script, what the client calls, expected error
    pytest.param(_echo(401, "json"), "chat", helpers.AuthenticationError, id="chat-401-json-body"),
    pytest.param(_echo(400, "json-list"), "chat", helpers.BadRequestError, id="chat-400-message-list"),
    pytest.param(_echo(401, "json-key-as-name"), "chat", helpers.AuthenticationError,
                 id="chat-401-key-as-a-field-name"),
    pytest.param(_echo(500, "text"), "chat", helpers.InternalServerError, id="chat-500-plain-text-retried"),
    pytest.param(_echo(502, "html"), "chat", helpers.InternalServerError, id="chat-502-html"),
    pytest.param(_echo(401, "json"), "stream", helpers.AuthenticationError, id="stream-401-json-body"),
    pytest.param(_echo(200, "html"), "chat", helpers.errors.APIResponseValidationError, id="chat-200-html"),
    pytest.param(_echo(200, "html"), "models", helpers.errors.APIResponseValidationError, id="models-200-html"),
    pytest.param(_echo(200, "cut-at-120"), "chat", helpers.errors.APIResponseValidationError,
                 id="chat-200-key-across-the-cut"),
    pytest.param(_echo(500, "cut-at-500"), "chat", helpers.InternalServerError, id="chat-500-key-across-the-cut"),
    pytest.param(_echo(401, "json"), "balance", helpers.AuthenticationError, id="balance-401-json-body"),
    pytest.param(_echo(200, "json-no-balance"), "balance", helpers.errors.APIResponseValidationError,
                 id="balance-200-without-a-balance"),
    pytest.param(_echo(429, "json", header=True), "chat", helpers.RateLimitError, id="chat-429-key-in-a-header"),
    pytest.param(_echo_stream("error-object"), "stream", helpers.AuthenticationError, id="stream-error-object"),
    pytest.param(_echo_stream("status-object"), "stream", helpers.InternalServerError, id="stream-status-object"),
    pytest.param(_echo_stream("error-event-text"), "stream", helpers.APIError, id="stream-error-event-not-json"),
]


@pytest.mark.parametrize("script,how,cls", ECHO)
def test_echoed_key_never_reaches_an_error_a_log_or_a_traceback(caplog, script, how, cls):
    caplog.set_level(logging.DEBUG)  # urllib3's records included
    with RawServer(script) as srv:
        client = helpers.Client(api_key=CANARY, base_url=srv.base_url, max_retries=2, sleep=lambda s: None)
        stream = None
        formatted = ""
        try:
            if how == "stream":
                stream = client.stream("Hi")
                list(stream)
            else:
                getattr(client, how)(*(["Hi"] if how == "chat" else []))
        except helpers.APIError as exc:
            err = exc
            formatted = traceback.format_exc()
        else:
            pytest.fail("the call should have failed")
    assert type(err) is cls, repr(err)
    assert srv.requests[0].headers["authorization"] == f"Bearer {CANARY}"  # the key was sent, and echoed
    attributes = json.dumps({k: v for k, v in vars(err).items()}, default=str)
    everything = "\n".join([str(err), repr(err), json.dumps(err.body, default=str),
                            str(getattr(err, "api_message", "")), attributes, formatted, record_text(caplog.records),
                            repr(stream) + (stream.text if stream else "")])
    assert not leaks(everything), leaks(everything)
    if isinstance(err, helpers.APIStatusError) and how != "stream":
        assert MASKED in json.dumps(err.body, default=str) + str(err)  # the echo arrived, masked


def test_client_and_result_reprs_never_show_the_key(canary_server, caplog):
    caplog.set_level(logging.DEBUG)
    client = helpers.Client(api_key=CANARY, base_url=canary_server.base_url)
    result = client.chat("Hi")
    s = client.stream("Hi")
    list(s)
    conn = helpers.client.Connection(client.base_url, CANARY, False)
    shown = [repr(client), str(client), helpers.routing.describe(client), repr(client.session.auth), repr(result),
             str(result), json.dumps(result.raw), json.dumps(dict(result.headers)), repr(s), repr(s.result), repr(conn),
             repr(canary_server), json.dumps(list(canary_server.requests), default=str), record_text(caplog.records)]
    everything = "\n".join(shown)
    assert MASKED in everything and not leaks(everything), leaks(everything)


# =========================================================================== REPO

def run_checker(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(CHECKER), *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_the_repository_passes_its_own_secret_check():
    result = run_checker("--all")
    assert result.returncode == 0, result.stdout + result.stderr


def _notebook(tmp_path, name="bad.ipynb", outputs=False, count=None, source="print('hi')", widgets=False):
    import nbformat

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(source)
    if outputs:
        cell.outputs = [nbformat.v4.new_output("stream", text="hi\n")]
    cell.execution_count = count
    nb.cells = [nbformat.v4.new_markdown_cell("# A lesson"), cell]
    if widgets:
        nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}, "version_major": 2}}
    path = tmp_path / name
    nbformat.write(nb, path)
    return path


HEX_KEY = "0123456789abcdef" * 2  # shaped like an AI/ML API key

BAD_FILES = [
    # id: file maker, words the checker must print
    pytest.param(lambda t: _notebook(t, outputs=True, count=1), "has outputs", id="notebook-with-outputs"),
    pytest.param(lambda t: _notebook(t, count=4), "execution count", id="notebook-with-an-execution-count"),
    pytest.param(lambda t: _notebook(t, widgets=True), "widget state", id="notebook-with-widget-state"),
    pytest.param(lambda t: _notebook(t, source=f'key = "{HEX_KEY}"'), "AI/ML API key", id="notebook-with-a-hex-key"),
    pytest.param(lambda t: _notebook(t, source='h = {"Authorization": "Bearer ' + "Ab1" * 10 + '"}'), "bearer token",
                 id="notebook-with-a-bearer-token"),
    pytest.param(lambda t: _write(t / "lesson.py", "client = Client(api_key='sk-" + "x1" * 12 + "')\n"), "sk- key",
                 id="python-with-an-sk-key"),
    pytest.param(lambda t: _write(t / "notes.md", "AIML_API_KEY=" + "Q1w2E3r4" * 4 + "\n"), "AIML_API_KEY",
                 id="markdown-with-an-assigned-key"),
    pytest.param(lambda t: _write(t / ".env", "AIML_API_KEY=\n"), "never commit it", id="a-dotenv-file"),
    pytest.param(lambda t: _write(t / "id.txt", "-----BEGIN " + "OPENSSH PRIVATE KEY-----\n"), "private key",
                 id="a-private-key"),
]


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


@pytest.mark.parametrize("make,words", BAD_FILES)
def test_the_checker_refuses_a_bad_file(tmp_path, make, words):
    path = make(tmp_path)
    result = run_checker(str(path))
    assert result.returncode == 1
    assert str(path) in result.stdout and words in result.stdout, result.stdout
    assert HEX_KEY not in result.stdout  # it names the problem without printing the secret


def test_the_checker_lets_clean_files_and_marked_canaries_through(tmp_path):
    clean = _notebook(tmp_path, name="clean.ipynb", source='key = os.environ["AIML_API_KEY"]')
    marked = _write(tmp_path / "test_x.py", 'KEY = "sk-canary-0123456789abcdef"\nEXAMPLE = ".env.example"\n'
                                             "# AIML_API_KEY=" "practice-key-0000 (the practice server's public key)\n")
    image = tmp_path / "scene.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + HEX_KEY.encode())
    result = run_checker(str(clean), str(marked), str(image))
    assert result.returncode == 0, result.stdout


def _hooks() -> dict:
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_hooks_run_the_same_checks(tmp_path):
    hooks = _hooks()
    assert set(hooks) >= {"nbstripout", "check-secrets"}
    check = hooks["check-secrets"]
    assert check["entry"].split() == ["python", "tools/check_secrets.py"] and "files" not in check
    strip = hooks["nbstripout"]
    assert re.search(strip["files"], "notebooks/03_streaming.ipynb") and not re.search(strip["files"], "README.md")
    assert f"nbstripout=={_pinned('nbstripout')}" in strip["additional_dependencies"]
    # Run the hooks as pre-commit would: nbstripout with its args, then the checker, on a bad notebook.
    bad = _notebook(tmp_path, outputs=True, count=3, widgets=True)
    ids_before = [c["id"] for c in json.loads(bad.read_text())["cells"]]
    entry = [sys.executable, str(ROOT / check["entry"].split()[1])]
    assert subprocess.run(entry + [str(bad)], capture_output=True, timeout=60).returncode == 1
    nbstripout = shutil.which("nbstripout", path=str(Path(sys.executable).parent)) or shutil.which("nbstripout")
    assert nbstripout, "nbstripout (requirements-test.txt) is installed"
    assert subprocess.run([nbstripout, *strip.get("args", []), str(bad)], timeout=60).returncode == 0
    assert subprocess.run(entry + [str(bad)], capture_output=True, timeout=60).returncode == 0
    stripped = json.loads(bad.read_text())
    assert [c["id"] for c in stripped["cells"]] == ids_before  # --keep-id: no churn in committed notebooks
    assert "widgets" not in stripped["metadata"]
    # and a key is still refused after stripping: stripping is not hiding
    keyed = _notebook(tmp_path, name="keyed.ipynb", source=f'key = "{HEX_KEY}"')
    subprocess.run([nbstripout, *strip.get("args", []), str(keyed)], timeout=60, check=True)
    assert subprocess.run(entry + [str(keyed)], capture_output=True, timeout=60).returncode == 1


def _pinned(name: str) -> str:
    text = (ROOT / "requirements-test.txt").read_text()
    return re.search(rf"^{re.escape(name)}==([\w.]+)", text, re.M).group(1)


def test_save_key_writes_a_private_file_whatever_the_umask(tmp_path):
    path = tmp_path / ".env"
    path.write_text("OTHER=1\n")
    os.chmod(path, 0o666)
    old = os.umask(0)
    try:
        keys.save_key(CANARY, path)
        fresh = keys.save_key(CANARY, tmp_path / "new.env")
    finally:
        os.umask(old)
    for p in (path, fresh):
        assert stat.S_IMODE(p.stat().st_mode) == 0o600
    assert path.read_text() == f"OTHER=1\nAIML_API_KEY={CANARY}\n"


@pytest.mark.parametrize("bad", ["two words", "key\nAIML_API_BASE=http://evil.example/v1", "'quoted'", "a=b", " "],
                         ids=["space", "newline-injection", "quotes", "equals", "blank"])
def test_save_key_refuses_what_is_not_a_key(tmp_path, bad):
    with pytest.raises(ValueError, match="does not look like an API key"):
        keys.save_key(bad, tmp_path / ".env")
    assert not (tmp_path / ".env").exists()


def test_save_key_never_writes_the_key_into_a_readable_file(tmp_path, monkeypatch):
    path = tmp_path / ".env"
    path.write_text("OTHER=1\n")
    os.chmod(path, 0o644)
    modes_at_write = []
    real_fdopen = os.fdopen

    def spying_fdopen(fd, *args, **kwargs):
        f = real_fdopen(fd, *args, **kwargs)
        real_write = f.write

        def write(text):
            modes_at_write.append(stat.S_IMODE(os.fstat(fd).st_mode))
            return real_write(text)
        f.write = write
        return f
    monkeypatch.setattr(os, "fdopen", spying_fdopen)
    keys.save_key(CANARY, path)
    assert modes_at_write and set(modes_at_write) == {0o600}


def test_the_place_the_kit_saves_the_key_is_ignored_by_git(monkeypatch):
    monkeypatch.chdir(ROOT / "notebooks")  # where a learner's kernel runs
    target = keys.default_env_path()
    assert target == ROOT / ".env"
    for path in (target, ROOT / "notebooks" / ".env", ROOT / "workshop" / ".env"):
        ignored = subprocess.run(["git", "check-ignore", "-q", str(path)], cwd=ROOT, timeout=30)
        assert ignored.returncode == 0, f"{path} is not ignored by git"
