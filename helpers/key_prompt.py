"""Ask for the API key once, with a masked prompt, and only when someone can answer.

    import helpers
    helpers.ask_for_key()             # the environment and .env first; else a hidden prompt; else practice mode
    helpers.ask_for_key(save=True)    # ... and write a typed key to .env (mode 0600, ignored by git)

A typed key stays in memory: the kit's default client uses it until the kernel restarts. It is
shown only as its last 4 characters. In a notebook nothing waits: a masked box appears under the
cell, Run All carries on in practice mode, and a key pasted into the box later switches the kit to
it. In a terminal a hidden prompt asks; with nobody to answer (a pipe, a batch job) nothing is asked.
"""
from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from . import keys, settings
from .advice import KEYS_PAGE
from .client import Client
from .routing import get_client, switch_is_on, use_key

PROMPT = "AI/ML API key (Enter alone stays in practice mode): "


@dataclass(frozen=True)
class KeyStatus:
    """What :func:`ask_for_key` found or did; it prints as one sentence that shows no more than 4 characters of a key.

    ``source`` is where the key came from ("AIML_API_KEY", ".env (AIML_API_KEY)", "typed", or "" for none).
    """

    mode: str
    source: str
    masked_key: str
    message: str
    saved_to: Path | None = None
    #: In a notebook without a key: the masked box a key can be pasted into later (it never blocks a cell).
    entry: Any = None

    def __str__(self) -> str:
        return self.message

    __repr__ = __str__

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        if self.entry is None:
            return {"text/plain": self.message}
        return self.entry.bundle(self.message, **kwargs)


def _in_kernel() -> bool:
    """True inside a Jupyter kernel (its front end may take input, or refuse at once: never a hang)."""
    if "ipykernel" not in sys.modules:
        return False
    from IPython import get_ipython

    return getattr(get_ipython(), "kernel", None) is not None


def masked_prompt(prompt: str = PROMPT) -> str | None:
    """What someone typed at a hidden prompt, or None when nobody can answer one.

    In a kernel the front end is asked (JupyterLab shows a password box); a front end that takes
    no input (nbval, nbclient, papermill) refuses at once. Outside a kernel, only a terminal is asked.
    """
    if not _in_kernel() and not (sys.stdin is not None and sys.stdin.isatty()):
        return None  # plain Python without a terminal: nobody to ask
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        return None
    except Exception as exc:
        if type(exc).__name__ == "StdinNotImplementedError":  # IPython's "this front end takes no input"
            return None
        raise


def ask_for_key(save: bool = False, *, env_path: str | os.PathLike | None = None,
                ask: Callable[[str], str | None] | None = None) -> KeyStatus:
    """Find the key, or ask for it; make the kit's default client use it; say so, showing 4 characters at most.

    ``save=True`` writes a typed key to ``env_path`` (default: the project's ``.env``), readable by its
    owner only. ``ask`` replaces the masked prompt (it gets the prompt text, returns what was typed or None).
    """
    found, source = settings.find_api_key()
    if settings.practice_forced() and not switch_is_on():  # a switch's AIML_PRACTICE ends when a key is typed
        return _status("AIML_PRACTICE=1 is set: the kit stays in practice mode whatever key is configured. "
                       "Nothing to type.", source, found)
    if found:
        return _configured(found, source, save)
    current = get_client()
    if current.key_source == "this kernel's memory" and current.has_key and not current.simulated:
        return _status(f"Using the key typed earlier, {current.api_key_masked}, from this kernel's memory. "
                       "Nothing to type.", "typed", None, masked=current.api_key_masked)
    if ask is None and _in_kernel():
        return _entry_box(current, save, env_path)
    typed = (ask or masked_prompt)(PROMPT)
    if typed is None:
        return _status("Nobody can answer a prompt here (an automated run, or a front end without input), so "
                       f"nothing was asked. {_keyless(current)} To use a key, set AIML_API_KEY or put it in .env "
                       f"({KEYS_PAGE}).", "", None)
    typed = typed.strip()
    if not typed:
        return _status(f"No key typed. {_keyless(current)}", "", None)
    return _use_typed(typed, save, env_path, again="run this cell again")


def _use_typed(typed: str, save: bool, env_path: str | os.PathLike | None, *, again: str) -> KeyStatus:
    """Check a typed key's shape, make it the kit's key, save it if asked; ``again``: how to retry a bad paste."""
    if not keys.looks_like_key(typed):
        return _status(f"That does not look like an API key (it has spaces, quotes, an invisible character or is "
                       f"too short), so it was not used: copy it again from {KEYS_PAGE} and {again}.", "", None)
    client = use_key(typed)
    masked = client.api_key_masked
    message = (f"Using the key you typed, {masked}, from this kernel's memory until it restarts. "
               + ("Calls now go to the real API and cost credits." if not client.simulated
                  else "It is the practice server's own key: answers stay simulated."))
    saved = None
    if save:
        try:
            saved = keys.save_key(typed, env_path if env_path is not None else keys.default_env_path()).resolve()
            message += f" Saved to {saved} (mode 0600: only you can read it; git ignores .env)."
        except (OSError, ValueError) as exc:
            message += f" Not saved: {keys.redact(str(exc), typed)}"
    return KeyStatus(client.mode, "typed", masked, keys.redact(message, typed), saved)


def _entry_box(current: Client, save: bool, env_path: str | os.PathLike | None) -> KeyStatus:
    """A masked box shown under the cell: Run All carries on, and a key pasted later switches the kit to it."""
    from .widgets.key import KeyEntry  # ipywidgets loads only in a notebook that needs the box

    entry = KeyEntry(lambda typed: _use_typed(typed, save, env_path, again="paste it here"))
    message = (f"No key found. {_keyless(current)} To use your key, paste it into the masked box below and press "
               "Enter: it stays in this kernel's memory until the kernel restarts.")
    return KeyStatus(current.mode, "", keys.mask_key(None), message, entry=entry)


def _configured(found: str, source: str, save: bool) -> KeyStatus:
    masked = keys.mask_key(found)
    if keys.is_practice_key(found):
        message = (f"{source} holds the practice server's own key ({masked}): this kernel was started pointed at "
                   "a practice server. Nothing to type.")
    else:
        message = f"A key from {source}: {masked}. Nothing to type."
    if save:
        message += f" Nothing saved: the key is already in {source}."
    return _status(message, source, found)


def _keyless(client: Client) -> str:
    if client.simulated:
        return "Staying in practice mode (simulated answers, free)."
    return f"With no key, calls to {client.base_url} will be refused (401)."


def _status(message: str, source: str, key: str | None, *, masked: str | None = None) -> KeyStatus:
    mode = get_client().mode
    return KeyStatus(mode, source, masked or keys.mask_key(key), keys.redact(message, key))


__all__ = ["ask_for_key", "KeyStatus", "masked_prompt"]
