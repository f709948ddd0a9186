"""The relay in front of the hostile upstream, one per test module that asks for it."""
from __future__ import annotations

import pytest

from relay_support import Relay, add_seats
from hostile_upstream import PRICE, HostileUpstream

#: How long this relay gives a client for a request's headers, and for its body (seconds).
SLOW_CLIENT_SECONDS = 1
PROXY = "127.0.0.1"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(relay, upstream, seats, db): a relay with two seats of $1 in front of ``HostileUpstream``, behind a
    reverse proxy it trusts at ``PROXY`` (the tests themselves: they may say X-Forwarded-Proto and -For)."""
    db = tmp_path_factory.mktemp("relay-hostile") / "room.db"
    seats = add_seats(db, 2, 1.0)
    with HostileUpstream() as upstream, Relay(db, upstream.base_url, "--price", PRICE, "--timeout", 1,
                                              "--header-timeout", SLOW_CLIENT_SECONDS,
                                              "--body-timeout", SLOW_CLIENT_SECONDS,
                                              "--forwarded-allow-ips", PROXY) as relay:
        yield relay, upstream, seats, db
