"""Test session set-up shared by the unit tests and the notebook runs (nbval).

One practice server starts before anything else, and its URL and key go into the environment so the
notebook kernels (which inherit it) talk to it. Its key is the canary of tests/support/canary.py: every
lesson runs once, under nbval, holding it, and every cell's outputs, the kernels' log records and their
widgets' state are scanned for it as the cells run. Nothing here needs a key or the internet.
"""
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "tests"))

from support import canary  # noqa: E402

_server = None
_work: "Path | None" = None
_capture: "canary.CaptureReader | None" = None
_last_cells: set = set()
_notebook_started: dict = {}


def pytest_configure(config):
    global _server, _capture, _work
    from helpers.practice import PracticeServer

    # Real keys from the developer's shell or .env must never reach a test run.
    for name in ("AIML_API_KEY", "AIMLAPI_API_KEY", "AIML_API_BASE", "AIML_PRACTICE"):
        os.environ.pop(name, None)
    # Simulated delays at a tenth of their size: comparisons still show, the suite stays fast.
    latency = float(os.environ.get("AIML_PRACTICE_LATENCY", "0.1"))
    _server = PracticeServer(latency=latency, key=canary.CANARY).start()
    _work = Path(tempfile.mkdtemp(prefix="kit-canary-"))
    os.environ.update(canary.install_kernel_capture(_work / "ipython", _work / "capture"))
    _capture = canary.CaptureReader(_work / "capture")
    os.environ["AIML_API_BASE"] = _server.base_url
    os.environ["AIML_API_KEY"] = _server.key
    os.environ["AIML_PRACTICE_LATENCY"] = str(latency)
    os.environ.setdefault("MPLBACKEND", "Agg")


def pytest_unconfigure(config):
    if _server is not None:
        _server.stop()
    if _work is not None:  # the kernels' IPython profile and captured logs: every run made a new one
        shutil.rmtree(_work, ignore_errors=True)


#: The longest files first (wall seconds under make test's load, measured on 2 cores), so that no
#: worker is left running one of them after the others have finished everything else. The Makefile passes
#: --no-loadscope-reorder, or xdist would reorder files by their number of tests instead.
LONGEST_FIRST = ("test_binder.py", "test_live.py", "test_workshop.py", "test_sampling_over_http.py",  # 16 to 23 s
                 "test_server_abuse.py", "test_browser.py", "09_batch_work.ipynb", "test_faults.py",  # 6 to 16 s
                 "test_relay_budget.py", "test_secrets.py", "07_errors_and_retries.ipynb", "test_relay_proxy.py",
                 "test_relay_api.py", "test_batch.py", "12_json_output.ipynb", "test_relay_abuse.py",  # 4 to 5 s
                 "test_practice_server.py", "14_evaluating_prompts.ipynb", "test_relay_dashboard.py",
                 "10_openai_sdk.ipynb", "openai_sdk_timeouts_and_mapping.ipynb")


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: a file's cells keep their order
    last = {}
    for item in items:
        if hasattr(item, "test_outputs"):  # an nbval cell
            last[item.parent.nodeid] = item.nodeid
    _last_cells.update(last.values())


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A lesson cell fails when its outputs, a log record or a widget's state shows the canary key."""
    outcome = yield
    report = outcome.get_result()
    if call.when != "call" or not hasattr(item, "test_outputs"):
        return
    _notebook_started.setdefault(item.parent.nodeid, call.start)
    problems = []
    if canary.output_leaks(item.test_outputs):
        problems.append(f"its outputs show the key or a piece of it: {canary.output_leaks(item.test_outputs)}")
    logged = canary.leaks(_capture.new_text()) if _capture else []
    if logged:
        problems.append(f"a log record or a widget's state holds a piece of the key: {logged}")
    if item.nodeid in _last_cells and not _used_canary(_notebook_started[item.parent.nodeid]):
        problems.append("the lesson never called the practice server with the canary key, so the scan proved nothing")
    if problems and report.passed:
        report.outcome = "failed"
        report.longrepr = f"{item.nodeid}: " + "; ".join(problems)


def _used_canary(since: float) -> bool:
    wanted = f"Bearer {canary.MASKED}"  # the server records keys masked
    return any(r["time"] >= since and r["headers"].get("Authorization") == wanted for r in list(_server.requests))


@pytest.fixture(scope="module")
def server():
    """A practice server of the test module's own, with no simulated delays."""
    from helpers.practice import PracticeServer

    with PracticeServer(latency=0) as srv:
        yield srv


@pytest.fixture(scope="session")
def session_server():
    """The practice server every notebook kernel talks to (it accepts only the canary key)."""
    return _server
