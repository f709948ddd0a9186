"""What the exercise checkers share: their own practice server, a recording client, calling the
learner's function safely, and verdicts several lessons give in the same words."""
from __future__ import annotations

import copy
import math
from typing import Any, Callable

from ..client import Client, to_messages
from ..routing import using_client
from . import Incorrect

_checking_server = None


def checking_server():
    """A practice server of the checks' own (short delays, its own fault counters), started once."""
    global _checking_server
    from ..practice import PracticeServer

    if _checking_server is None or not _checking_server.running:
        _checking_server = PracticeServer(latency=0.1).start()
    return _checking_server


def checking_client() -> Client:
    """A client of the checks' own practice server that never retries (a verdict comes quickly)."""
    server = checking_server()
    return Client(api_key=server.key, base_url=server.base_url, timeout=20, max_retries=0)


def not_a_parameter(name: Any, where: str = "") -> Incorrect:
    """The verdict on a key that is not a chat-completions parameter: "Did you mean" the nearest one (the
    schema's suggestion), else where the parameters are listed. ``where``: what holds it (``" (in `body`)"``)."""
    from ..schema import nearest_param

    near = nearest_param(str(name))
    hint = f"Did you mean {near!r}?" if near else "See the table of optional parameters in lesson 02."
    return Incorrect(f"{name!r}{where} is not a parameter of the chat-completions endpoint. {hint}")


def check_settings(settings: Any, variable: str, *, what: str, no_model: str) -> dict:
    """The verdict on a learner's dict of optional chat settings; returns it without the streaming ones.

    ``what``: what the dict should look like; ``no_model``: why it must not set the model or the messages.
    """
    from ..schema import PARAMS, check_param

    if not isinstance(settings, dict):
        raise Incorrect(f"`{variable}` should be {what}.")
    for name, value in settings.items():
        if name in ("model", "messages"):
            raise Incorrect(f"`{variable}` sets {name!r}; {no_model}")
        if name not in PARAMS:
            raise not_a_parameter(name)
        reject_problems(check_param(name, value), f"{variable}[{name!r}]")
    return {k: v for k, v in settings.items() if k not in ("stream", "stream_options")}


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


def default_client(client: Client):
    """Make ``client`` the one ``helpers.chat`` uses for the duration of a check, then put the old one back."""
    return using_client(client)


def run_learner(fn: Any, name: str, *args: Any, situation: str | None = None,
                tip: Callable[[Exception], str] | None = None) -> Any:
    """Call the learner's function; an exception becomes a verdict that names it.

    ``situation`` says which case of the check it was ("For <situation>, ..."); ``tip(exc)``
    adds what usually causes that exception ("" for none).
    """
    try:
        return fn(*args)
    except Incorrect:
        raise
    except Exception as exc:
        first = str(exc).splitlines()[0] if str(exc).strip() else ""
        text = f"`{name}` raised {type(exc).__name__}: {first}".rstrip(": ")
        if situation:
            text = f"For {situation}, {text}"
        advice = tip(exc) if tip else ""
        raise Incorrect(f"{text.rstrip('.')}. {advice}" if advice else text) from None


def run_learner_on_copy(fn: Any, name: str, arg: Any, *, situation: str | None = None,
                        tip: Callable[[Exception], str] | None = None,
                        instead: str = "build and return a new one") -> Any:
    """:func:`run_learner` with a copy of ``arg``: changing what it was given is a mistake of its own,
    and the copy keeps the checker's cases intact for the cases after it."""
    given = copy.deepcopy(arg)
    result = run_learner(fn, name, given, situation=situation, tip=tip)
    if given != arg:
        where = f"For {situation}, " if situation else ""
        raise Incorrect(f"{where}`{name}` changed the {type(arg).__name__} it was given: {instead}.")
    return result


def is_number(value: Any) -> bool:
    """An int or float that is finite (True and False do not count, though Python calls them ints)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def reject_problems(problems: list, where: str = "") -> None:
    """The first problem ``helpers.schema``'s validation found, as the verdict (``where``: the part it is about)."""
    if problems:
        raise Incorrect(f"{where}: {problems[0].friendly}" if where else problems[0].friendly)


def expect_unknown_cost(got: Any, name: str, situation: str) -> None:
    """When nothing says what a call cost, the learner's function must say None: zero would claim it was free."""
    if got is None:
        return
    if got == 0:
        raise Incorrect(f"For {situation}, `{name}` returned {got!r}: zero would claim the call was free, but "
                        "nothing says what it cost. Return None.")
    raise Incorrect(f"For {situation}, `{name}` returned {got!r:.60}; when nothing says what the call cost, "
                    "return None.")
