"""The kit's settings, read from the environment or a ``.env`` file (never exported, never written here).

=====================  ===========================================================
``AIML_API_KEY``       the key (``AIMLAPI_API_KEY`` is read too); none: practice mode
``AIML_API_BASE``      where calls go (default ``https://api.aimlapi.com/v1``)
``AIML_PRACTICE``      ``1``: the practice server even when a key is set
``AIML_MODEL_SMALL``   the model used where the lessons say "the 4B" (a successor, when it is retired)
``AIML_MODEL_LARGE``   the model used where the lessons say "the 12B"
=====================  ===========================================================

:mod:`helpers.routing` decides from these where calls go; :mod:`helpers.model_ids` reads the two models.
"""
from __future__ import annotations

import os

KEY_VARIABLES = ("AIML_API_KEY", "AIMLAPI_API_KEY")
BASE_VARIABLE = "AIML_API_BASE"
#: Set to 1 to use the practice server even when a key is configured.
PRACTICE_VARIABLE = "AIML_PRACTICE"
SMALL_MODEL_VARIABLE = "AIML_MODEL_SMALL"
LARGE_MODEL_VARIABLE = "AIML_MODEL_LARGE"

__all__ = ["KEY_VARIABLES", "BASE_VARIABLE", "PRACTICE_VARIABLE", "SMALL_MODEL_VARIABLE", "LARGE_MODEL_VARIABLE",
           "find_api_key", "find_base_url", "practice_forced", "find_setting"]


def _dotenv_values() -> dict[str, str]:
    """Values from the nearest .env (searched upwards from the working directory), not exported."""
    from dotenv import dotenv_values, find_dotenv

    path = find_dotenv(usecwd=True)
    if not path:
        return {}
    return {k: v for k, v in dotenv_values(path).items() if v}


def find_setting(name: str) -> tuple[str | None, str]:
    """A setting's value (stripped) and where it came from (``name`` or ``".env (name)"``), or (None, "")."""
    value = os.environ.get(name, "").strip()
    if value:
        return value, name
    value = _dotenv_values().get(name, "").strip()
    if value:
        return value, f".env ({name})"
    return None, ""


def find_api_key() -> tuple[str | None, str]:
    """The configured key and where it came from ("AIML_API_KEY", ".env (AIML_API_KEY)", ...), or (None, "")."""
    for name in KEY_VARIABLES:
        value = os.environ.get(name, "").strip()
        if value:
            return value, name
    values = _dotenv_values()
    for name in KEY_VARIABLES:
        value = values.get(name, "").strip()
        if value:
            return value, f".env ({name})"
    return None, ""


def find_base_url() -> str | None:
    """``AIML_API_BASE`` from the environment or .env, or None."""
    value, _ = find_setting(BASE_VARIABLE)
    return value.rstrip("/") or None if value else None


def practice_forced() -> bool:
    """True when ``AIML_PRACTICE`` (environment or .env) asks for the practice server whatever key is set."""
    value = os.environ.get(PRACTICE_VARIABLE) or _dotenv_values().get(PRACTICE_VARIABLE, "")
    return value.strip().lower() in ("1", "true", "yes", "on")
