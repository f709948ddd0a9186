"""What the exercise checkers share: their own practice server, a recording client, safe calls."""
from __future__ import annotations

import copy
from contextlib import contextmanager
from typing import Any, Iterator

from .. import client as _client_module
from ..client import Client, to_messages
from . import Incorrect

_checking_server = None


def checking_server():
    """A practice server of the checks' own (short delays, its own fault counters), started once."""
    global _checking_server
    from ..practice_server import PracticeServer

    if _checking_server is None or not _checking_server.running:
        _checking_server = PracticeServer(latency=0.1).start()
    return _checking_server


class RecordingClient(Client):
    """A practice-server client that remembers every request a learner's code sends.

    ``calls`` holds ``(kind, messages, params)``; ``streams`` the ChatStream objects handed out.
    ``fault`` (an ``X-Practice-Fault`` value) is added to every request when set.
    """

    def __init__(self, *, fault: str | None = None, api_key: str | None = None, base_url: str | None = None,
                 timeout: float = 20.0, max_retries: int = 0):
        if base_url is None:
            server = checking_server()
            base_url, api_key = server.base_url, api_key or server.key
        super().__init__(api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries)
        self.fault = fault
        self.calls: list[tuple[str, list, dict]] = []
        self.streams: list = []

    def _headers(self, extra: dict | None) -> dict | None:
        if not self.fault:
            return extra
        return {**(extra or {}), "X-Practice-Fault": self.fault}

    def _record(self, kind: str, prompt_or_messages: Any, params: dict) -> None:
        try:
            messages = copy.deepcopy(to_messages(prompt_or_messages))
        except Exception:  # the real call below raises the helpful error
            messages = prompt_or_messages
        self.calls.append((kind, messages, dict(params)))

    def chat(self, prompt_or_messages: Any, *, extra_headers: dict | None = None, **params: Any):
        self._record("chat", prompt_or_messages, params)
        return super().chat(prompt_or_messages, extra_headers=self._headers(extra_headers), **params)

    def stream(self, prompt_or_messages: Any, *, extra_headers: dict | None = None, **params: Any):
        self._record("stream", prompt_or_messages, params)
        s = super().stream(prompt_or_messages, extra_headers=self._headers(extra_headers), **params)
        self.streams.append(s)
        return s


@contextmanager
def default_client(client: Client) -> Iterator[Client]:
    """Make ``client`` the one ``helpers.chat`` uses for the duration of a check, then put the old one back."""
    previous = _client_module._default_client
    _client_module.set_client(client)
    try:
        yield client
    finally:
        _client_module.set_client(previous)
        client.close()


def run_learner(fn: Any, name: str, *args: Any) -> Any:
    """Call the learner's function; an exception becomes a verdict that names it."""
    try:
        return fn(*args)
    except Incorrect:
        raise
    except Exception as exc:
        raise Incorrect(f"`{name}` raised {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")) from None
