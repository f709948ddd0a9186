"""The models the kit teaches, named in one place, with an override that survives a retirement.

Every lesson, widget, exercise, the practice server's catalogue and the relay's pricing use
``SMALL_MODEL`` and ``LARGE_MODEL``. When the API stops serving one of them, an instructor points the
whole room at a successor without editing a notebook: ``AIML_MODEL_SMALL=<id>`` (or
``AIML_MODEL_LARGE``) in the environment or ``.env``, then restart the kernels.
``helpers.models()`` lists what the API serves now.
"""
from __future__ import annotations

from .settings import LARGE_MODEL_VARIABLE, SMALL_MODEL_VARIABLE, find_setting

#: The two models of the vendor's Gemma 3 page.
GEMMA_3_4B = "google/gemma-3-4b-it"
GEMMA_3_12B = "google/gemma-3-12b-it"
#: The model the documentation's own code example sends: real, but from another page.
DOC_EXAMPLE_MODEL = "google/gemma-3-27b-it"

__all__ = ["SMALL_MODEL", "LARGE_MODEL", "MODELS", "DEFAULT_MODEL", "GEMMA_3_4B", "GEMMA_3_12B",
           "DOC_EXAMPLE_MODEL", "overrides"]


def overrides() -> dict[str, str]:
    """The model variables that are set, as ``{"AIML_MODEL_SMALL": "<id> (from .env)", ...}``."""
    found = {}
    for variable in (SMALL_MODEL_VARIABLE, LARGE_MODEL_VARIABLE):
        value, source = find_setting(variable)
        if value:
            found[variable] = value if source == variable else f"{value} (from .env)"
    return found


#: The small model ("the 4B" in the lessons): ``AIML_MODEL_SMALL``, else Gemma 3 4B.
SMALL_MODEL = find_setting(SMALL_MODEL_VARIABLE)[0] or GEMMA_3_4B
#: The large model ("the 12B" in the lessons): ``AIML_MODEL_LARGE``, else Gemma 3 12B.
LARGE_MODEL = find_setting(LARGE_MODEL_VARIABLE)[0] or GEMMA_3_12B
#: The pair the kit teaches, small first.
MODELS = (SMALL_MODEL, LARGE_MODEL)
DEFAULT_MODEL = SMALL_MODEL
