"""Where calls go: the offline practice server, a classroom relay or the AI/ML API. This module decides.

    helpers.describe_mode()            # which mode, and how to switch
    switch = helpers.use_practice()    # practice mode from here, with or without a key
    switch.back()                      # the mode and the client from before

From the settings (:mod:`helpers.settings`: ``AIML_API_KEY``, ``AIML_API_BASE``, ``AIML_PRACTICE``,
in the environment or ``.env``) it builds the default client that ``helpers.chat()``, the widgets and
the lessons use, starting the shared practice server when no key is configured. Every other module
asks it (``get_client``, ``use_key``, ``reload``, ``using_client``) rather than replacing the default
client itself.
"""
from __future__ import annotations

import contextlib
import os
from typing import Any, Iterator

from . import keys, model_ids, schema, settings
from .client import Client, Connection

__all__ = ["get_client", "set_client", "using_client", "from_environment", "key_client", "use_key", "reload",
           "use_practice", "switch_is_on",
           "PracticeSwitch", "practice_client", "mode", "describe", "describe_mode", "connection"]

_default: Client | None = None


def _practice_server():
    from .practice.server import shared_server  # started on first use: importing the kit starts nothing

    return shared_server()


def from_environment(**options: Any) -> Client:
    """A new client as the settings say: the key and base URL configured, else the shared practice server.

    ``options`` are :class:`~helpers.Client`'s (``timeout``, ``max_retries``, ...).
    """
    found, source = settings.find_api_key()
    base_url = settings.find_base_url()
    if settings.practice_forced() or (found is None and base_url is None):
        server = _practice_server()
        found, source, base_url = server.key, "practice server", server.base_url
    try:
        client = Client(found, base_url or schema.DEFAULT_BASE_URL, **options)
    except ValueError as exc:
        if base_url and "base_url" in str(exc):
            raise ValueError(f"AIML_API_BASE is {base_url!r}, which is not an API address: it must look like "
                             f"{schema.DEFAULT_BASE_URL!r} (ending in /v1). Fix it or unset it, then restart the "
                             "kernel; helpers.use_practice() practises offline meanwhile.") from None
        raise
    client.key_source = source
    return client


def get_client() -> Client:
    """The default client, built from the settings on first use."""
    global _default
    if _default is None:
        _default = from_environment()
    return _default


def set_client(client: Client | None) -> Client | None:
    """Make ``client`` the default (None: rebuild from the settings next time); returns the one it replaces.

    ``previous = set_client(mine)`` ... ``set_client(previous)`` puts things back as they were.
    """
    global _default
    previous, _default = _default, client
    return previous


@contextlib.contextmanager
def using_client(client: Client) -> Iterator[Client]:
    """``client`` is the default inside the block; the one before comes back after it (``client`` is closed)."""
    previous = set_client(client)
    try:
        yield client
    finally:
        set_client(previous)
        client.close()


def key_client(key: str, base_url: str | None = None, **options: Any) -> Client:
    """A new client for a typed key, to ``base_url`` (default: ``AIML_API_BASE``, else the API)."""
    client = Client(key, base_url or settings.find_base_url() or schema.DEFAULT_BASE_URL, **options)
    client.key_source = "this kernel's memory"
    return client


def use_key(key: str, **options: Any) -> Client:
    """Send calls with ``key`` from now on, held in this kernel's memory; returns the new default client.

    A ``use_practice()`` switch that is on ends first: the key typed last is the one in use."""
    client = key_client(key, **options)
    if _active is not None and _active.on:
        _active.back()
    set_client(client)
    return client


def reload() -> Client:
    """Forget the default client and build it again from the settings (after they changed); returns it."""
    set_client(None)
    return get_client()


def practice_client(**options: Any) -> Client:
    """A client of the practice server: the one the default client uses if it is one, else the shared one."""
    current = _default
    if current is not None and current.simulated:
        client = Client(current.api_key, current.base_url, **options)
    else:
        server = _practice_server()
        client = Client(server.key, server.base_url, **options)
    client.key_source = "practice server"
    return client


def mode() -> str:
    """``"practice"`` or ``"real"``: where the default client's answers come from."""
    return get_client().mode


def describe(client: Client) -> str:
    """One paragraph saying where ``client``'s answers come from and how to switch."""
    if client.simulated and _active is not None and _active.on:
        text = (f"Practice mode for now (helpers.use_practice()): answers are simulated by the offline practice "
                f"server at {client.base_url} and every answer says so. The switch's .back() returns to the mode "
                "from before.")
    elif client.simulated:
        how = ("unset AIML_PRACTICE (it keeps the kit here although a key is set)"
               if settings.practice_forced() and settings.find_api_key()[0]
               else "set AIML_API_KEY (or put it in .env)")
        text = (f"Practice mode: answers are simulated by the offline practice server at {client.base_url} "
                f"and every answer says so. To use the real API, {how} and restart the kernel.")
    elif not client.api_key:
        text = (f"No key: calls to {client.base_url} will be refused (401). Set AIML_API_KEY (or put it in .env) "
                "and restart the kernel, or unset AIML_API_BASE to use the practice server.")
    elif keys.is_relay_seat(client.api_key):  # a classroom relay's seat code: known without a call
        text = (f"Real mode through the classroom relay at {client.base_url}, seat {client.api_key_masked}: calls "
                "reach the real API on your instructor's key and spend your seat's budget (balance() shows "
                "what is left). Set AIML_PRACTICE=1 to practise offline instead.")
    else:
        text = (f"Real mode: calls go to {client.base_url} with the key {client.api_key_masked} "
                f"(from {client.key_source or 'an argument'}). Calls cost credits. "
                "Set AIML_PRACTICE=1 to practise offline instead.")
    chosen = model_ids.overrides()
    if chosen:
        text += " Models chosen by the settings: " + ", ".join(f"{k}={v}" for k, v in chosen.items()) + "."
    return text


def describe_mode() -> str:
    """A sentence for the top of a lesson: which mode, and how to switch."""
    return describe(get_client())


def connection() -> Connection:
    """The base URL and key of the default client, for lessons that call the API by hand."""
    client = get_client()
    return Connection(client.base_url, client.api_key or "", client.simulated)


class PracticeSwitch:
    """Practice mode for a part of a lesson, whichever mode the kit was in; :meth:`back` undoes it.

    Made by :func:`use_practice`. In real mode it sets ``AIML_PRACTICE=1`` (so a client built from the
    settings meanwhile is a practice one too) and makes a practice client the default; ``back()``
    restores the variable and the client from before (a key typed into the key box included). In
    practice mode it changes nothing. It also works as a ``with`` block.
    """

    def __init__(self) -> None:
        try:
            self.switched = mode() == "real"
        except ValueError:  # the settings name no usable server: practice mode is the way on
            self.switched = True
        self._claims = 1  # how many use_practice() calls and with blocks hold it; back() releases them all
        if self.switched:
            self._saved_variable = os.environ.get(settings.PRACTICE_VARIABLE)
            os.environ[settings.PRACTICE_VARIABLE] = "1"
            self._practice_client = from_environment()  # the practice server now
            self._saved_client = set_client(self._practice_client)

    @property
    def on(self) -> bool:
        """True while this switch holds the kit in practice mode."""
        return self.switched and self._claims > 0

    def back(self) -> None:
        """Back to the mode and the client from before the switch (nothing to do if there was no switch)."""
        if self.on:
            self._claims = 0
            self._restore()

    def _restore(self) -> None:
        if self._saved_variable is None:
            os.environ.pop(settings.PRACTICE_VARIABLE, None)
        else:
            os.environ[settings.PRACTICE_VARIABLE] = self._saved_variable
        set_client(self._saved_client)
        self._practice_client.close()

    def __enter__(self) -> "PracticeSwitch":
        return self

    def __exit__(self, *exc) -> None:
        if self.on:
            self._claims -= 1  # a block inside a switch that was on before it leaves the switch on
            if not self._claims:
                self._restore()

    def __repr__(self) -> str:
        if self.on:
            return (f"Practice mode until .back(): calls go to the practice server at {get_client().base_url} "
                    "(simulated answers, free). Your key and settings are kept; .back() returns to real mode.")
        if self.switched:
            return f"Switched back. {describe_mode()}"
        return "The kit was in practice mode already: nothing to switch, and .back() has nothing to undo."


_active: PracticeSwitch | None = None


def switch_is_on() -> bool:
    """True while a ``use_practice()`` switch holds the kit in practice mode (it sets AIML_PRACTICE meanwhile)."""
    return _active is not None and _active.on


def use_practice(on: bool = True) -> PracticeSwitch | None:
    """Practice mode until ``.back()`` (or the end of a ``with`` block), whichever mode the kit is in.

    Called again while a switch is on, it returns that switch, so running a cell twice is harmless.
    ``use_practice(False)`` ends practice mode for this kernel: any switch goes back, ``AIML_PRACTICE``
    is cleared, and the default client is built again from the settings (the room's way back after the
    practice-server fallback); it prints where calls now go.
    """
    global _active
    if not on:
        if _active is not None:
            _active.back()
            _active = None
        os.environ.pop(settings.PRACTICE_VARIABLE, None)
        if _default is None or _default.simulated:  # a key typed in this kernel stays in use
            reload()
        print(describe_mode())
        return None
    if _active is not None and _active.on:
        _active._claims += 1
    else:
        _active = PracticeSwitch()
    return _active
