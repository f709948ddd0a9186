"""Fixtures the tests of helpers' own modules share."""
import pytest

from support.wire import RECORDING


@pytest.fixture
def waits():
    """Backoff sleeps, recorded instead of slept (every client ``make_client`` builds in the test, jitter out)."""
    recorded: list[float] = []
    RECORDING[:] = [recorded]
    yield recorded
    RECORDING.clear()
