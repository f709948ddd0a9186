"""The upstream key: from the environment or a .env file, held in memory, shown as its last 4 characters.

The relay's own few lines rather than ``helpers.keys``: the relay runs on the instructor's
machine with its own requirements, and must not start (or break) with the lessons' package.
"""
from __future__ import annotations

import os

KEY_VARIABLES = ("AIML_API_KEY", "AIMLAPI_API_KEY")


def find_key() -> tuple[str | None, str]:
    """(key, where it came from), or (None, "") when neither the environment nor .env holds one."""
    for name in KEY_VARIABLES:
        value = os.environ.get(name, "").strip()
        if value:
            return value, name
    from dotenv import dotenv_values, find_dotenv

    path = find_dotenv(usecwd=True)
    values = dotenv_values(path) if path else {}
    for name in KEY_VARIABLES:
        value = (values.get(name) or "").strip()
        if value:
            return value, f".env ({name})"
    return None, ""


def mask(key: str | None) -> str:
    if not key:
        return "(no key)"
    return "****" + key[-4:] if len(key) >= 12 else "****"
