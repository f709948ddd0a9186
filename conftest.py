"""Test session set-up shared by the unit tests and the notebook runs (nbval).

One practice server starts before anything else, and its URL and key go into the
environment so the notebook kernels (which inherit it) talk to it. Nothing here needs
a key or the internet.
"""
import os

import pytest

_server = None


def pytest_configure(config):
    global _server
    from helpers.practice import PracticeServer

    # Real keys from the developer's shell or .env must never reach a test run.
    for name in ("AIML_API_KEY", "AIMLAPI_API_KEY", "AIML_API_BASE", "AIML_PRACTICE"):
        os.environ.pop(name, None)
    # Simulated delays at a tenth of their size: comparisons still show, the suite stays fast.
    latency = float(os.environ.get("AIML_PRACTICE_LATENCY", "0.1"))
    _server = PracticeServer(latency=latency).start()
    os.environ["AIML_API_BASE"] = _server.base_url
    os.environ["AIML_API_KEY"] = _server.key
    os.environ["AIML_PRACTICE_LATENCY"] = str(latency)
    os.environ.setdefault("MPLBACKEND", "Agg")


def pytest_unconfigure(config):
    if _server is not None:
        _server.stop()


@pytest.fixture(scope="module")
def server():
    """A practice server of the test module's own, with no simulated delays."""
    from helpers.practice import PracticeServer

    with PracticeServer(latency=0) as srv:
        yield srv


@pytest.fixture(scope="session")
def session_server():
    """The practice server every notebook kernel talks to."""
    return _server
