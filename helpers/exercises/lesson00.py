"""Exercises for lesson 00 (setup you can't skip).

    from helpers.exercises.lesson00 import q1, q2, q3
"""
from __future__ import annotations

from typing import Any

from ..schema import DOC_EXAMPLE_MODEL, MODELS
from ..model_ids import LARGE_MODEL
from . import Exercise, Incorrect
from ._checking import run_learner

SMALL, BIG = MODELS


# --- q1: the warm-up ------------------------------------------------------------------

def _check_model_id(model_id: Any) -> str:
    if not isinstance(model_id, str):
        raise Incorrect(f"`model_id` should be a string (text between quotes), not {type(model_id).__name__}.")
    if model_id != model_id.strip():
        raise Incorrect("`model_id` has spaces or a line break at its start or end: the API compares ids exactly.")
    if model_id == BIG:
        return "That is the 12B model. Every id the API knows is `developer/name`, spelled exactly."
    if model_id == SMALL:
        raise Incorrect("That is the id of the 4B model. The task asks for the larger of the two Gemma 3 models.")
    if model_id == DOC_EXAMPLE_MODEL:
        raise Incorrect("That is the 27B model, which the documentation's example sends; it belongs to another page. "
                        "Pick from the two ids this kit teaches.")
    if model_id.lower() in (m.lower() for m in MODELS):
        raise Incorrect("Close, but model ids are case-sensitive: copy the capitalisation exactly as listed.")
    if "/" not in model_id:
        raise Incorrect(f"{model_id!r} has no developer part: ids on the AI/ML API look like `developer/model-name`.")
    raise Incorrect(f"{model_id!r} is not one of the Gemma 3 ids listed above. Compare it character by character "
                    "with the list the catalogue cell printed.")


q1 = Exercise(
    name="Warm-up",
    prompt="Set `model_id` to the id of the 12B Gemma 3 model.",
    variables=("model_id",),
    checker=_check_model_id,
    hints=[
        "The cell that read the catalogue printed the Gemma 3 ids. Copy one of them, between quotes.",
        "Of the two ids this course uses, the 12B model's is the one with `12b` in it.",
    ],
    solution_code=f'model_id = "{LARGE_MODEL}"',
)


# --- q2: a masking function -----------------------------------------------------------

#: Made-up keys of different lengths (none of them works anywhere).
_FAKE_KEYS = (
    "canary0000000000000000000000c5d6",    # 32 characters, the usual length
    "canary-practice-key-00000000wxyz",
    "abcdefghijkl",                         # exactly 12
    "short-key",                            # 9: too short to show any of it
    "1234",
)


def _leaked(key: str, shown: str) -> int:
    """How many characters of the key appear in ``shown`` as one stretch (the longest run)."""
    best = 0
    for start in range(len(key)):
        for end in range(len(key), start + best, -1):
            if key[start:end] in shown:
                best = end - start
                break
    return best


def _check_mask(mask: Any) -> str:
    if not callable(mask):
        raise Incorrect("`mask` should be a function: `def mask(key): ...` that returns a string.")
    for key in _FAKE_KEYS:
        shown = run_learner(mask, "mask", key, situation=f"a {len(key)}-character key")
        if shown is None:
            raise Incorrect(f"mask() returned None for a {len(key)}-character key: printing the text does not hand "
                            "it back. End the function with `return`.")
        if not isinstance(shown, str):
            raise Incorrect(f"mask() returned {type(shown).__name__} for a {len(key)}-character key; return a string "
                            "(print would show it, but a caller needs the text).")
        if len(key) >= 12:
            if _leaked(key, shown) > 4:
                raise Incorrect(f"For a {len(key)}-character key, the result shows {_leaked(key, shown)} of its "
                                "characters in a row: only the last 4 may appear.")
            if shown != "****" + key[-4:]:
                raise Incorrect(f"For a {len(key)}-character key, the result should be four asterisks followed by the "
                                "key's last 4 characters, nothing else.")
        else:
            if shown != "****":
                raise Incorrect(f"For a {len(key)}-character key, the result should be just '****': four characters "
                                "of so short a key would give away too much of it.")
    for empty in (None, ""):
        shown = run_learner(mask, "mask", empty, situation=f"no key ({empty!r})",
                            tip=lambda _exc: "When no key is set there is nothing to hide, but the function must "
                                             "still answer.")
        if shown != "(no key)":
            raise Incorrect(f"mask({empty!r}) returned {shown!r}; with no key, return the text '(no key)'.")
    return "Your function never shows more than the last 4 characters, the same rule as `helpers.mask_key`."


q2 = Exercise(
    name="Mask a key",
    prompt="Write `mask(key)`: '****' plus the key's last 4 characters; '****' alone for keys shorter than 12; "
           "'(no key)' for None or ''.",
    variables=("mask",),
    checker=_check_mask,
    hints=[
        "Slicing gives the end of a string: `text[-2:]` is its last 2 characters.",
        "Handle three cases in turn: no key at all, a short key, then the usual one. None and '' are both false "
        "in an `if`.",
    ],
    solution_code='''
def mask(key):
    if not key:
        return "(no key)"
    if len(key) < 12:
        return "****"
    return "****" + key[-4:]
''',
)


# --- q3: the URL of the free models list ----------------------------------------------

_BASES = (
    "https://api.aimlapi.com/v1",
    "https://api.aimlapi.com/v1/",
    "http://127.0.0.1:8765/v1",
    "http://localhost:9000/v1//",
)


def _check_models_url(models_url: Any) -> str:
    if not callable(models_url):
        raise Incorrect("`models_url` should be a function: `def models_url(base_url): ...` that returns a string.")
    for base in _BASES:
        want = base.rstrip("/") + "/models"
        got = run_learner(models_url, "models_url", base, situation=f"the base URL {base!r}")
        if not isinstance(got, str):
            raise Incorrect(f"models_url({base!r}) returned {type(got).__name__}; return the URL as a string.")
        if got == want:
            continue
        if not got.endswith("/models"):
            raise Incorrect(f"models_url({base!r}) returned {got!r}: the path of the models list is `/models`, "
                            "after the base URL.")
        if "//models" in got:
            raise Incorrect(f"models_url({base!r}) returned {got!r}: a base URL that ends in '/' gave a double slash. "
                            "Remove trailing slashes from the base URL before adding the path.")
        if "/v1" not in got:
            raise Incorrect(f"models_url({base!r}) returned {got!r}: the version part `/v1` of the base URL got lost.")
        raise Incorrect(f"models_url({base!r}) returned {got!r}, which is not the base URL followed by `/models`.")
    return "Base URLs with and without a trailing slash both give the right address."


q3 = Exercise(
    name="The models URL",
    prompt="Write `models_url(base_url)`: the base URL followed by `/models`, with or without a trailing slash "
           "on the base URL.",
    variables=("models_url",),
    checker=_check_models_url,
    hints=[
        "Joining 'https://api.aimlapi.com/v1/' and '/models' naively gives '.../v1//models', "
        "which some servers refuse.",
        "Strings have a method that removes given characters from their end only (its name starts with r).",
    ],
    solution_code='''
def models_url(base_url):
    return base_url.rstrip("/") + "/models"
''',
)

__all__ = ["q1", "q2", "q3"]
