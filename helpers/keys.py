"""The API key's shapes, its masked and redacted forms, and saving it to .env on request.

Where a key is read from is :mod:`helpers.settings`; where it sends calls is :mod:`helpers.routing`.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

#: The one key the offline practice server accepts by default (not a secret).
PRACTICE_KEY = "practice-key-0000"
#: Every key of this shape is a practice server's (the test suite's carries a random canary after it).
PRACTICE_KEY_PREFIX = "practice-key-"


def is_practice_key(key: str | None) -> bool:
    """True for a practice server's key: the kit then says its answers are simulated."""
    return bool(key) and key.startswith(PRACTICE_KEY_PREFIX)


#: Every seat code of a classroom relay (``python -m relay``) starts with this; the relay makes its codes with it.
RELAY_SEAT_PREFIX = "relay-"


def is_relay_seat(key: str | None) -> bool:
    """True for a classroom relay's seat code: the kit can say so without a call."""
    return bool(key) and key.startswith(RELAY_SEAT_PREFIX)


def mask_key(key: str | None) -> str:
    """The key as it may be shown: its last 4 characters only ("****abcd")."""
    if not key:
        return "(no key)"
    if len(key) < 12:  # showing 4 of a short key would show too much of it
        return "****"
    return "****" + key[-4:]


def redact(text: str, key: str | None) -> str:
    """``text`` with every occurrence of ``key`` replaced by its masked form."""
    if not key or not isinstance(text, str) or len(key) < 4:
        return text
    return text.replace(key, mask_key(key))


def redact_json(value: Any, key: str | None) -> Any:
    """A parsed JSON value (dicts, lists, strings) with ``key`` masked in every string, keys of dicts included."""
    if isinstance(value, str):
        return redact(value, key)
    if isinstance(value, dict):
        return {redact_json(k, key): redact_json(v, key) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_json(v, key) for v in value]
    return value


def save_key(key: str, path: str | os.PathLike = ".env") -> Path:
    """Write ``AIML_API_KEY=key`` into a .env file readable by its owner only (mode 0600).

    Other lines of an existing file are kept. The file is listed in .gitignore.
    """
    key = key.strip()
    if not key or any(c in key for c in "\r\n\"'= "):
        raise ValueError("That does not look like an API key: paste it without spaces, quotes or line breaks.")
    path = Path(path)
    lines = []
    if path.exists():
        lines = [ln for ln in path.read_text().splitlines() if not ln.startswith("AIML_API_KEY=")]
    lines.append(f"AIML_API_KEY={key}")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # before a byte is written: the file may have existed with wider permissions
    with os.fdopen(fd, "w") as f:
        f.write("\n".join(lines) + "\n")
    os.chmod(path, 0o600)  # the file may have existed with wider permissions
    return path


def default_env_path() -> Path:
    """Where a saved key goes: ``.env`` in the project's top folder (the one holding .env.example), else here."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / ".env.example").is_file():
            return folder / ".env"
    return here / ".env"


def looks_like_key(text: str) -> bool:
    """A loose shape check (plain visible ASCII, no spaces, quotes or '=', 8 characters or more) that catches a
    bad paste, an invisible character copied from a web page included."""
    return (len(text) >= 8 and text.isascii() and text.isprintable()
            and not any(c.isspace() or c in "\"'=" for c in text))
