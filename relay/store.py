"""The relay's side of the ledger: one thread owns the SQLite connection, the event loop never blocks on it.

Every ledger call runs on that thread, one after another, so reservations are serialised
(two calls racing for the last cent cannot both win) and a slow disk never stalls a stream.
``call`` waits for the answer; ``post`` queues a write (a settlement) and returns at once, so
a call's answer reaches the learner before its settlement is written. ``close`` drains the queue.

One relay serves one ledger: ``serve_alone`` takes a lock beside it for as long as the relay
runs, so a second relay on the same file (which would settle the first one's calls in flight
as left over from a crash) refuses to start.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import sqlite3
from functools import partial
from pathlib import Path

from .ledger import Ledger, LedgerError

log = logging.getLogger("relay")


def serve_alone(db: str | Path) -> sqlite3.Connection:
    """Hold ``DB.lock`` exclusively until the process ends (keep the connection); LedgerError when another relay
    holds it. An SQLite lock, because the system drops it when its process dies, kill -9 too, on every system."""
    path = Path(str(db) + ".lock")
    if not path.parent.is_dir():
        raise LedgerError(f"The folder {path.parent} does not exist: create it or choose another --db path.")
    lock = sqlite3.connect(str(path), timeout=0, isolation_level=None, check_same_thread=False)
    try:
        lock.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError:
        lock.close()
        raise LedgerError(f"Another relay is serving {db} already (it holds {path}). Stop it first, or give this one "
                          "its own --db.") from None
    return lock


class Store:
    """The ledger on its own thread: ``await store.call("reserve", ...)``, ``store.post("settle", ...)``."""

    def __init__(self, path):
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="relay-ledger")
        self.ledger: Ledger = self._pool.submit(Ledger, path).result()

    async def call(self, method: str, *args):
        """Run ``Ledger.method(*args)`` on the ledger thread and wait for its result."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, partial(getattr(self.ledger, method), *args))

    def post(self, method: str, *args) -> concurrent.futures.Future:
        """Queue ``Ledger.method(*args)`` without waiting (safe in a cancelled task's ``finally``)."""
        future = self._pool.submit(getattr(self.ledger, method), *args)
        future.add_done_callback(_log_failure)
        return future

    def close(self) -> None:
        """Finish every queued write, then close the database."""
        self._pool.submit(self.ledger.close)
        self._pool.shutdown(wait=True)


def _log_failure(future: concurrent.futures.Future) -> None:
    exc = future.exception()
    if exc is not None:
        log.error("ledger write failed: %s: %s", type(exc).__name__, exc)
