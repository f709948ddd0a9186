"""Enter and check an API key without it ever landing in the notebook.

    from helpers.widgets import KeyWidget
    KeyWidget()

Check calls the free models endpoint, then a one-token chat, then the balance, and says
which mode the lessons now use. The key is taken out of the password box as soon as it is
read (the box is emptied, so the widget state a notebook could save holds nothing), is shown
only masked, and is written to ``.env`` only when "Save the key to .env" is ticked.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import ipywidgets as widgets
from traitlets import Unicode

from .. import keys, schema
from ..advice import KEYS_PAGE
from ..routing import get_client, key_client, practice_client, set_client
from ..money import format_usd
from ._common import error_html, friendly_error, labelled, mode_badge, note_html, widget_bundle

#: A key check gives up after this many seconds per call.
CHECK_TIMEOUT = 20.0
#: What the emptied key box says once it has taken a key.
PLACEHOLDER = "paste your AI/ML API key (it stays hidden)"
RECEIVED_PLACEHOLDER = "key received and hidden: press Check"


class KeyBox(widgets.Password):
    """A password box whose value the kernel does not echo back to the browser (ipywidgets echoes by default)."""

    value = Unicode(help="String value").tag(sync=True, echo_update=False)


@dataclass
class KeyReport:
    """What a check found. ``message`` is the line the widget shows."""

    ok: bool
    mode: str  # "practice" | "real" | "" when the check failed before knowing
    masked_key: str
    message: str
    balance: float | None = None
    saved_to: Path | None = None


class KeyWidget:
    """A password box, a Check button, "use the practice server" and "save to .env" choices."""

    def __init__(self, *, base_url: str | None = None, env_path: str | os.PathLike | None = None,
                 timeout: float = CHECK_TIMEOUT):
        self._base_url = base_url
        self.env_path = Path(env_path) if env_path is not None else keys.default_env_path()
        self._timeout = timeout
        self._typed = ""  # the key, between arriving from the browser and being checked
        self.key_box = labelled(KeyBox(
            value="", description="API key", placeholder=PLACEHOLDER,
            continuous_update=False, layout=widgets.Layout(width="34em")),
            f"Your key from {KEYS_PAGE}; it is never shown or saved in the notebook")
        self.practice_box = labelled(widgets.Checkbox(
            value=False, indent=False, description="Use the practice server instead (free, simulated answers)",
            layout=widgets.Layout(width="auto")), "Ignore any key and practise offline")
        self.save_box = labelled(widgets.Checkbox(
            value=False, indent=False, description="Save the key to .env (readable by you only)",
            layout=widgets.Layout(width="auto")),
            "Write the key into a .env file (mode 0600, ignored by git) so the next sessions find it")
        self.check_button = widgets.Button(description="Check", button_style="primary", icon="check",
                                           tooltip="Check the key (one 1-token call) and use it in the lessons")
        self.key_box.observe(self._take_key, "value")
        self.check_button.on_click(lambda _b: self.check_key())
        self.status = widgets.HTML()
        self.widget = widgets.VBox([
            self.key_box,
            self.practice_box,
            self.save_box,
            self.check_button,
            self.status,
        ])
        self.widget.add_class("gemma-key")
        self.report: KeyReport | None = None
        self._show_current()

    def _show_current(self) -> None:
        try:
            client = get_client()
        except Exception as exc:
            self.status.value = error_html(friendly_error(exc))
            return
        where = ("no key is configured" if client.simulated
                 else f"the key {client.api_key_masked} from {client.key_source or 'the environment'}")
        self.practice_box.value = client.simulated  # the box says what the badge says
        self.status.value = mode_badge(client) + " " + note_html(
            f"Now: {client.mode} mode ({where}). Paste a key and press Check to change it.")

    def _take_key(self, change: dict) -> None:
        """As soon as a key arrives from the browser, move it into memory and empty the box.

        So the widget state (which a notebook can save) never holds it, even before Check.
        """
        if change["new"]:
            self._typed = change["new"].strip()
            self.key_box.value = ""
            self.key_box.placeholder = RECEIVED_PLACEHOLDER
            self.practice_box.value = False  # a key was typed to be used: Check tries it (tick the box to ignore it)

    def check_key(self) -> KeyReport:
        """Check the key that was typed (or the configured one) and make it the kit's default client."""
        typed, self._typed = self._typed or self.key_box.value.strip(), ""
        self.key_box.value = ""
        self.key_box.placeholder = PLACEHOLDER
        self.status.value = note_html("Checking…")
        self.check_button.disabled = True
        try:
            report = self._check(typed)
        except Exception as exc:  # never a traceback in the widget
            report = KeyReport(False, "", keys.mask_key(typed), friendly_error(exc, typed))
        finally:
            self.check_button.disabled = False
        self.report = report
        if report.ok:
            client = get_client()
            self.practice_box.value = client.simulated  # the box says what the badge says
            self.status.value = mode_badge(client) + " " + note_html(report.message)
        else:
            self.status.value = error_html(report.message)
        return report

    def _check(self, typed: str) -> KeyReport:
        if self.practice_box.value:
            client = practice_client(timeout=self._timeout)
            note = " (the key you typed was not used)" if typed else ""
        elif typed:
            if any(c.isspace() for c in typed) or len(typed) < 8:
                return KeyReport(False, "", keys.mask_key(typed),
                                 "That does not look like an API key: copy it again from "
                                 f"{KEYS_PAGE} (no spaces), then press Check.")
            client = key_client(typed, self._base_url, timeout=self._timeout, max_retries=1)
            note = ""
        else:
            client = get_client()
            note = " (no key typed: checked the one already configured)"
        masked = client.api_key_masked
        try:
            client.models()  # free and needs no key: is the API reachable at all?
            answer = client.chat("Hi", model=schema.DEFAULT_MODEL, max_tokens=1)  # does the key work?
        except Exception as exc:
            if typed and not self.practice_box.value:
                client.close()  # a client of a key that does not work is not kept
            return KeyReport(False, "", masked, f"Key {masked}: {friendly_error(exc, client.api_key)}")
        mode = "practice" if (answer.simulated or client.simulated) else "real"
        try:
            balance: float | None = client.balance()
            balance_text = f"Balance: {format_usd(balance)}" + (" (practice money)" if mode == "practice" else "") + "."
        except Exception as exc:
            balance = None
            balance_text = "Balance unknown: " + friendly_error(exc, client.api_key)
        set_client(client)
        if mode == "practice":
            which = f"the key {masked} works on the practice server" if typed and not self.practice_box.value \
                else "the practice server answers"
            message = f"Practice mode{note}: {which} (simulated answers, free). {balance_text} The lessons now use it."
        else:
            message = (f"Real mode{note}: the key {masked} works. {balance_text} "
                       "The lessons in this kernel now use it; calls cost credits.")
        saved = None
        if self.save_box.value:
            if typed and not self.practice_box.value:
                try:
                    saved = keys.save_key(typed, self.env_path).resolve()
                    message += f" Saved to {saved} (only you can read it; git ignores it)."
                except (OSError, ValueError) as exc:
                    message += f" Not saved: {friendly_error(exc, typed)}"
            else:
                message += " Nothing saved: there was no typed key to save."
        return KeyReport(True, mode, masked, keys.redact(message, typed), balance, saved)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return widget_bundle(self.widget, "Key check", **kwargs)


class KeyEntry:
    """The masked box ``helpers.ask_for_key()`` shows in a notebook: a key pasted in later (Enter) goes to
    ``use_typed`` (which checks it, makes it the kit's key and says so, as ``KeyStatus``), so no cell ever
    waits for one. The box is emptied as soon as the key arrives."""

    def __init__(self, use_typed: Callable[[str], Any]):
        self._use_typed = use_typed
        self.key_box = labelled(KeyBox(value="", description="API key", placeholder=PLACEHOLDER,
                                       continuous_update=False, layout=widgets.Layout(width="34em")),
                                f"Your key from {KEYS_PAGE}; press Enter. It is never shown or saved in the notebook")
        self.status = widgets.HTML()
        self.widget = widgets.VBox([self.key_box, self.status])
        self.widget.add_class("gemma-key-entry")
        #: The last line shown under the box.
        self.message = ""
        self.key_box.observe(self._take_key, "value")

    def _take_key(self, change: dict) -> None:
        typed = (change["new"] or "").strip()
        if not typed:
            return
        self.key_box.value = ""  # the widget state a notebook could save never holds the key
        status = self._use_typed(typed)
        self._show(status.source == "typed", status.message)

    def _show(self, ok: bool, message: str) -> None:
        self.message = message
        self.status.value = (mode_badge(get_client()) + " " + note_html(message)) if ok else error_html(message)

    def bundle(self, message: str, **kwargs: Any) -> Any:
        """The box's display data, with ``message`` as the plain text where widgets cannot show."""
        self.status.value = note_html(message)
        found = self.widget._repr_mimebundle_(**kwargs)
        data = found[0] if isinstance(found, tuple) else found
        if isinstance(data, dict):
            data["text/plain"] = message
        return found


__all__ = ["KeyWidget", "KeyReport", "KeyEntry"]
