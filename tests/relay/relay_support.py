"""Running the classroom relay for real in tests: ``python -m relay serve --port 0`` in a subprocess.

The upstream key it holds is ``CANARY``; the practice server in front of which it runs accepts
only that key, so a call that works proves the relay, and only the relay, sent it.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
if str(TESTS) not in sys.path:  # support/ (the browser helpers, the raw server) lives one folder up
    sys.path.insert(0, str(TESTS))

#: A made-up upstream key; no piece of it longer than 4 characters may ever reach a learner or a file.
CANARY = "Xr8vNq3TmK7wLp2ZcY9bHf4JdG6sVa5E"
PIECE = 5
FRAGMENTS = {CANARY[i:i + PIECE] for i in range(len(CANARY) - PIECE + 1)}
ADMIN_TOKEN = "relay-admin-token-for-tests-only"
MODEL = "google/gemma-3-4b-it"
START_TIMEOUT = 30.0


def leaks(text) -> list[str]:
    """Every piece of the canary (5 characters or more) found in ``text`` (str or bytes)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return sorted(f for f in FRAGMENTS if f in text)


def relay_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("AIML_API_KEY", "AIMLAPI_API_KEY", "AIML_API_BASE",
                                                            "RELAY_ADMIN_TOKEN")}
    env.update({"AIML_API_KEY": CANARY, "RELAY_ADMIN_TOKEN": ADMIN_TOKEN, "PYTHONPATH": str(ROOT)})
    env.update(extra)
    return env


def cli(*args, db=None, check=True, process=False) -> subprocess.CompletedProcess:
    """``python -m relay ARGS`` to completion: its ``main()`` in this process, or with ``process`` a real
    ``python -m relay`` (for ``serve``, the environment, exit codes as a shell sees them)."""
    argv = [*map(str, args), *(["--db", str(db)] if db is not None else [])]
    if process:
        done = subprocess.run([sys.executable, "-m", "relay", *argv], cwd=ROOT, env=relay_env(), capture_output=True,
                              text=True, timeout=60)
    else:
        done = _in_process(argv)
    if check and done.returncode != 0:
        raise AssertionError(f"{' '.join(argv)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


def _in_process(argv: list[str]) -> subprocess.CompletedProcess:
    from relay.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exc:  # argparse refusing an option
            status = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(["python", "-m", "relay", *argv], status, out.getvalue(), err.getvalue())


def add_seats(db, count: int, budget: float, prefix: str = "seat") -> list[dict]:
    """Create seats with ``seats add --json``; their names and codes."""
    return json.loads(cli("seats", "add", "--count", count, "--budget", budget, "--prefix", prefix, "--json",
                          db=db).stdout)


class Relay:
    """``with Relay(db, upstream_url, "--concurrency", "2") as relay: relay.url``"""

    def __init__(self, db, upstream: str, *options, env: dict | None = None):
        self.db, self.upstream, self.options = Path(db), upstream, [str(o) for o in options]
        self.env = relay_env(**(env or {}))
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self._out: list[str] = []
        self._err: list[str] = []

    @property
    def root(self) -> str:
        return self.url[: -len("/v1")]

    def __enter__(self) -> "Relay":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> "Relay":
        command = [sys.executable, "-m", "relay", "serve", "--upstream", self.upstream, "--db", str(self.db),
                   "--port", "0", *self.options]
        self.proc = subprocess.Popen(command, cwd=self.db.parent, env=self.env, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self._out, self._err = [], []
        ready = threading.Event()
        threading.Thread(target=self._read, args=(self.proc.stdout, self._out, ready), daemon=True).start()
        threading.Thread(target=self._read, args=(self.proc.stderr, self._err, None), daemon=True).start()
        if not ready.wait(START_TIMEOUT) or not self.url:
            self.stop()
            raise AssertionError(f"the relay did not print its URL:\n{self.output()}")
        return self

    def _read(self, stream, lines: list, ready: threading.Event | None) -> None:
        for line in stream:
            lines.append(line)
            if ready is not None and not ready.is_set() and line.startswith("http"):
                self.url = line.strip()
                ready.set()
        if ready is not None:
            ready.set()

    def output(self) -> str:
        """Everything the relay printed so far (stdout, then stderr)."""
        return "".join(self._out) + "".join(self._err)

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        time.sleep(0.05)  # the reader threads take the last lines

    def kill(self) -> None:
        """kill -9: no clean-up of any kind."""
        proc, self.proc = self.proc, None
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=5)


def chat_body(content: str = "Say hi", **extra) -> dict:
    return {"model": MODEL, "messages": [{"role": "user", "content": content}], **extra}


def error_shape(payload: dict) -> set:
    return set(payload) & {"message", "path", "requestId", "statusCode", "timestamp"}
