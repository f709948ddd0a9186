"""JupyterLab and Chromium for end-to-end tests: start them on loopback, always stop them.

Chromium is Debian's package (``apt-get install chromium``), driven by Playwright's Python
package; Playwright's own browser download is never used. JupyterLab runs with empty
temporary config, data, runtime, settings and workspace folders, autosave off (a test must
never write outputs into a committed notebook), and no network calls of its own.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import requests

from helpers.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def require_browser():
    """Playwright's sync API, or a skip that says how to get what is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's Chromium with `apt-get install -y chromium` "
                    "(never `playwright install`)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is missing: `.venv/bin/pip install -r requirements-test.txt`")
    return sync_playwright


def _jupyter_command() -> list[str]:
    jupyter = Path(sys.executable).with_name("jupyter")
    return [str(jupyter)] if jupyter.exists() else [sys.executable, "-m", "jupyter"]


class JupyterLab:
    """``with JupyterLab(env={...}) as lab: lab.url(...)``: a private Lab server on a free loopback port."""

    def __init__(self, *, env: dict | None = None, cwd: Path = ROOT, startup_timeout: float = 60.0):
        self.port = free_port()
        self.cwd = Path(cwd)
        self.extra_env = dict(env or {})
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None
        self._tmp: str | None = None
        self.log_path: Path | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"

    def __enter__(self) -> "JupyterLab":
        self._tmp = tempfile.mkdtemp(prefix="lab-test-")
        tmp = Path(self._tmp)
        settings = tmp / "settings"
        docmanager = settings / "@jupyterlab" / "docmanager-extension"
        docmanager.mkdir(parents=True)
        (docmanager / "plugin.jupyterlab-settings").write_text(json.dumps({"autosave": False}))
        apputils = settings / "@jupyterlab" / "apputils-extension"
        apputils.mkdir(parents=True)
        (apputils / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false"}))
        env = {**os.environ,
               "JUPYTER_CONFIG_DIR": str(tmp / "config"), "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
               "JUPYTER_DATA_DIR": str(tmp / "data"), "IPYTHONDIR": str(tmp / "ipython"),
               "JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "workspaces"),
               "JUPYTER_PLATFORM_DIRS": "1", **self.extra_env}
        command = _jupyter_command() + [
            "lab", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}", "--ServerApp.port_retries=0",
            "--ServerApp.token=", "--ServerApp.password=", "--allow-root", "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.expose_app_in_browser=True", f"--ServerApp.root_dir={self.cwd}"]
        self.log_path = tmp / "lab.log"
        log = open(self.log_path, "wb")
        try:
            # A session of its own, so stopping it can end its kernels too (by this process group's id).
            self.process = subprocess.Popen(command, cwd=self.cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        finally:
            log.close()
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if requests.get(self.url("api/status"), timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"JupyterLab did not answer /api/status within {self.startup_timeout:g} s:\n"
                           f"{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except (OSError, AttributeError):
            return "(no log)"

    def shutdown_kernels(self) -> None:
        """Ask Lab to shut its kernels down (each kernel runs in a session of its own)."""
        try:
            for kernel in requests.get(self.url("api/kernels"), timeout=5).json():
                requests.delete(self.url(f"api/kernels/{kernel['id']}"), timeout=10)
        except (requests.RequestException, ValueError, KeyError, TypeError):
            pass

    def leftovers(self) -> list[int]:
        """Processes still running that this server started: their command line names our temp folder
        (a kernel's connection file lives in our runtime folder)."""
        if not self._tmp:
            return []
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            if self._tmp.encode() in cmdline:
                found.append(int(entry.name))
        return found

    def stop(self) -> None:
        """Shut the kernels down, SIGTERM Lab (SIGKILL if it lingers), end any straggler it started,
        remove the temp folders."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            self.shutdown_kernels()
            pgid = process.pid  # start_new_session made Lab the leader of its own group
            try:
                os.killpg(pgid, signal.SIGTERM)
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(pgid, signal.SIGKILL)
                process.wait(timeout=5)
            except ProcessLookupError:
                pass
        for pid in self.leftovers():  # a kernel that outlived Lab
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __exit__(self, *exc) -> None:
        self.stop()


def wait_for_idle_kernel(page, timeout_ms: int = 60_000) -> None:
    """Wait until the status bar says the kernel is idle (the toolbar says so too early)."""
    page.wait_for_function(
        "() => { const bar = document.querySelector('#jp-main-statusbar');"
        " return bar && bar.textContent.includes('| Idle'); }", timeout=timeout_ms)


def dismiss_dialogs(page) -> int:
    """Close any JupyterLab dialog (kernel choice, build notice...) with its default button; how many."""
    closed = 0
    for _ in range(5):
        dialog = page.locator(".jp-Dialog")
        if dialog.count() == 0:
            break
        accept = dialog.locator(".jp-Dialog-footer button.jp-mod-accept")
        if accept.count():
            accept.first.click()
        else:
            page.keyboard.press("Escape")
        closed += 1
        page.wait_for_timeout(200)
    return closed


def screenshot(page, name: str) -> Path | None:
    """Save a full-page screenshot under test-artifacts/ (gitignored); None if the page is gone."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    try:
        page.screenshot(path=str(path), full_page=True)
    except Exception:
        return None
    return path
