"""helpers.ask_for_key: the environment and .env first, a masked prompt only when someone can answer,
the key kept in memory and shown as its last 4 characters, .env written (mode 0600) only when asked.

The prompt is answered three ways: by a stand-in ``ask`` function, by nobody (a Python without a
terminal, in a subprocess), and through a real Jupyter kernel's stdin channel, as JupyterLab's
password box would. Every call goes to a practice server on loopback.
"""
from __future__ import annotations

import os
import queue
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from helpers import key_prompt
from helpers.practice import PracticeServer

ROOT = Path(__file__).resolve().parents[2]
#: A made-up key (it works only on this file's own practice server).
TYPED = "canary-typed-key-000000000000wxyz"


@pytest.fixture
def no_key(monkeypatch, tmp_path):
    """No key anywhere: no variables, and a working folder without a .env above it."""
    for name in ("AIML_API_KEY", "AIMLAPI_API_KEY", "AIML_API_BASE", "AIML_PRACTICE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    helpers.routing.set_client(None)
    yield tmp_path
    helpers.routing.set_client(None)


@pytest.fixture(scope="module")
def typed_key_server():
    """A practice server that accepts TYPED as its key: a call with the typed key gets an answer."""
    with PracticeServer(latency=0, key=TYPED) as srv:
        yield srv


def _never_asked(prompt):
    raise AssertionError(f"asked {prompt!r} although a key is configured")


def test_a_key_in_the_environment_is_used_without_asking(no_key, monkeypatch, server):
    monkeypatch.setenv("AIML_API_KEY", "canary-env-key-0000000000000abcd")
    monkeypatch.setenv("AIML_API_BASE", server.base_url)
    status = helpers.ask_for_key(ask=_never_asked)
    assert status.source == "AIML_API_KEY" and status.masked_key == "****abcd"
    assert "A key from AIML_API_KEY: ****abcd" in str(status)
    assert "canary-env-key" not in repr(status)


def test_a_key_in_dotenv_is_used_without_asking(no_key, monkeypatch):
    (no_key / ".env").write_text("AIML_API_KEY=canary-dotenv-key-00000000000efgh\n")
    status = helpers.ask_for_key(ask=_never_asked)
    assert status.source == ".env (AIML_API_KEY)" and "****efgh" in str(status)
    assert "canary-dotenv-key" not in str(status)


def test_the_practice_servers_own_key_is_named_as_such(no_key, monkeypatch, server):
    monkeypatch.setenv("AIML_API_KEY", server.key)
    monkeypatch.setenv("AIML_API_BASE", server.base_url)
    status = helpers.ask_for_key(ask=_never_asked)
    assert status.mode == "practice" and "practice server's own key" in str(status)


def test_aiml_practice_wins_and_nothing_is_asked(no_key, monkeypatch):
    monkeypatch.setenv("AIML_PRACTICE", "1")
    status = helpers.ask_for_key(ask=_never_asked)
    assert status.mode == "practice" and "AIML_PRACTICE=1" in str(status)


def test_a_typed_key_becomes_the_default_clients_and_shows_only_its_last_4(no_key, monkeypatch, typed_key_server):
    monkeypatch.setenv("AIML_API_BASE", typed_key_server.base_url)
    prompts = []
    status = helpers.ask_for_key(ask=lambda prompt: prompts.append(prompt) or f"  {TYPED}\n")
    assert prompts == [key_prompt.PROMPT]
    assert status.source == "typed" and status.masked_key == "****wxyz" and status.mode == "real"
    assert TYPED not in str(status) and TYPED[:-4] not in repr(status)
    assert helpers.get_client().api_key_masked == "****wxyz"
    # The default client really sends it: the server that accepts only this key answers.
    answer = helpers.chat("Hi", max_tokens=5)
    assert answer.text
    assert not (no_key / ".env").exists(), "nothing is saved unless asked"
    # Run again (the cell re-run): the key in memory is reported, nothing is asked.
    again = helpers.ask_for_key(ask=_never_asked)
    assert "typed earlier, ****wxyz" in str(again)


def test_save_writes_dotenv_readable_by_its_owner_only(no_key, monkeypatch, typed_key_server):
    monkeypatch.setenv("AIML_API_BASE", typed_key_server.base_url)
    (no_key / ".env.example").write_text("AIML_API_KEY=\nAIML_API_BASE=\n")
    (no_key / "notebooks").mkdir()
    monkeypatch.chdir(no_key / "notebooks")  # a lesson's folder: the .env goes to the project's top folder
    status = helpers.ask_for_key(save=True, ask=lambda _prompt: TYPED)
    saved = no_key / ".env"
    assert status.saved_to == saved.resolve()
    assert saved.read_text() == f"AIML_API_KEY={TYPED}\n"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert "mode 0600" in str(status) and TYPED not in str(status)


def test_enter_alone_stays_in_practice_mode(no_key):
    before = helpers.get_client()
    status = helpers.ask_for_key(ask=lambda _prompt: "")
    assert status.mode == "practice" and "No key typed. Staying in practice mode" in str(status)
    assert helpers.get_client() is before


def test_a_bad_paste_is_refused_with_what_to_do_and_not_echoed(no_key):
    before = helpers.get_client()
    status = helpers.ask_for_key(save=True, ask=lambda _prompt: "sk abc def ghi jkl")
    assert "does not look like an API key" in str(status) and "https://aimlapi.com/app/keys" in str(status)
    assert "ghi" not in str(status)
    assert helpers.get_client() is before and not (no_key / ".env").exists()


def _env_without_keys(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("AIML_API_KEY", "AIMLAPI_API_KEY", "AIML_API_BASE")}
    env.update(PYTHONPATH=str(ROOT), **extra)
    return env


def test_without_a_terminal_nobody_is_asked_and_nothing_waits(tmp_path, server):
    """Plain Python with stdin that is not a terminal (CI, a pipe): the prompt is skipped at once."""
    code = "import helpers; print(helpers.ask_for_key())"
    done = subprocess.run([sys.executable, "-c", code], input="canary-piped-key-0000000000000000\n",
                          capture_output=True, text=True, cwd=tmp_path, timeout=60,
                          env=_env_without_keys(AIML_API_BASE=server.base_url))
    assert done.returncode == 0, done.stderr
    assert "Nobody can answer a prompt here" in done.stdout
    assert "canary-piped" not in done.stdout + done.stderr


@pytest.fixture
def kernel(tmp_path, typed_key_server):
    """A real IPython kernel, started in an empty folder, pointed at the typed-key practice server."""
    jupyter_client = pytest.importorskip("jupyter_client")
    manager = jupyter_client.KernelManager(kernel_name="python3")
    manager.start_kernel(cwd=str(tmp_path), env=_env_without_keys(AIML_API_BASE=typed_key_server.base_url))
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    yield client
    client.stop_channels()
    manager.shutdown_kernel(now=True)


def _run(kc, code: str, *, allow_stdin: bool, answer: str | None = None) -> tuple[str, list[dict]]:
    """Execute ``code``; answer each input request with ``answer``; return (stdout, input requests)."""
    msg_id = kc.execute(code, allow_stdin=allow_stdin)
    requests_seen, out = [], []
    while True:
        try:
            request = kc.get_stdin_msg(timeout=0.05)
            requests_seen.append(request["content"])
            kc.input(answer)
        except queue.Empty:
            pass
        try:
            msg = kc.get_iopub_msg(timeout=0.05)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            raise AssertionError("\n".join(msg["content"]["traceback"]))
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return "".join(out), requests_seen


def test_in_a_kernel_nothing_waits_and_a_key_pasted_later_switches_the_kit(kernel, tmp_path):
    """Run All in JupyterLab: no stdin prompt (it would hold every later cell), a masked box instead; a key
    pasted into it later (the box's value set, as the browser sets it on Enter) becomes the kit's key."""
    out, asked = _run(kernel, "import helpers\nstatus = helpers.ask_for_key()\nprint(status)", allow_stdin=True,
                      answer=TYPED)
    assert asked == [] and "paste it into the masked box below" in out
    assert "will be refused (401)" in out  # AIML_API_BASE names a server and there is no key: not practice mode
    out, _ = _run(kernel, f"status.entry.key_box.value = {TYPED!r}\n"
                          "print(status.entry.key_box.value == '', status.entry.message)", allow_stdin=False)
    assert out.startswith("True Using the key you typed, ****wxyz") and TYPED not in out
    out, _ = _run(kernel, "print(helpers.get_client().api_key_masked, helpers.chat('Hi', max_tokens=5).text != '')",
                  allow_stdin=False)
    assert out.split() == ["****wxyz", "True"]
    assert not (tmp_path / ".env").exists()


def test_in_a_kernel_a_bad_paste_is_refused_and_nothing_changes(kernel):
    out, _ = _run(kernel, "import helpers\nstatus = helpers.ask_for_key()\n"
                          "status.entry.key_box.value = 'not a key'\nprint(status.entry.message)\n"
                          "print(helpers.get_client().api_key_masked)", allow_stdin=False)
    assert "does not look like an API key" in out and out.splitlines()[-1] == "(no key)"


def test_the_status_shows_the_box_in_a_notebook_and_its_sentence_elsewhere(no_key):
    from helpers.key_prompt import KeyStatus
    from helpers.widgets.key import KeyEntry

    status = KeyStatus("practice", "", "(no key)", "No key found.", entry=KeyEntry(lambda typed: None))
    bundle = status._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert data["text/plain"] == "No key found." and "application/vnd.jupyter.widget-view+json" in data
    assert KeyStatus("practice", "", "(no key)", "Plain.")._repr_mimebundle_() == {"text/plain": "Plain."}
