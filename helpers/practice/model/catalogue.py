"""The practice server's catalogue: which models it serves, how fast, and at what practice prices.

The prices are chosen for the lessons and are NOT the vendor's: a lesson that needs real prices
reads them from the real API.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...model_ids import DOC_EXAMPLE_MODEL, LARGE_MODEL, MODELS, SMALL_MODEL

#: What ``GET /v1/models`` says of every model: the context window and the longest answer, in tokens.
CONTEXT_LENGTH = 128_000
OUTPUT_MAX = 8192
CREDITS_PER_USD = 2_000_000


@dataclass(frozen=True)
class ModelSpec:
    """One model as the practice server serves it: catalogue entry, speed and price."""

    id: str
    name: str
    description: str
    first_token_seconds: float
    seconds_per_token: float
    # Practice prices in USD per million tokens, chosen for the lessons: NOT the vendor's prices.
    input_price: float
    output_price: float


MODEL_SPECS = {spec.id: spec for spec in (
    ModelSpec(SMALL_MODEL, "Gemma 3 (4B)",
              "Google's small open Gemma 3 model: text and image input, fast and cheap.",
              0.25, 1 / 90, 0.04, 0.08),
    ModelSpec(LARGE_MODEL, "Gemma 3 (12B)",
              "Google's mid-size open Gemma 3 model: slower than the 4B, stronger at reasoning.",
              0.6, 1 / 40, 0.10, 0.20),
    ModelSpec(DOC_EXAMPLE_MODEL, "Gemma 3 (27B)",
              "Google's largest Gemma 3 model; the model the documentation's code example sends.",
              1.0, 1 / 25, 0.20, 0.40),
)}
SERVED_MODELS = MODELS + (DOC_EXAMPLE_MODEL,)


def cost(spec: ModelSpec, prompt_tokens: int, completion_tokens: int) -> tuple[float, int]:
    """(USD, credits) of one answer at the practice prices."""
    usd = (prompt_tokens * spec.input_price + completion_tokens * spec.output_price) / 1_000_000
    return round(usd, 12), round(usd * CREDITS_PER_USD)


def usd_text(usd: float) -> str:
    """A USD amount as the cost header writes it: no exponent, no trailing zeros."""
    return f"{usd:.12f}".rstrip("0").rstrip(".") or "0"


def model_entry(spec: ModelSpec, include: set[str]) -> dict:
    """One entry of ``GET /v1/models``, with the ``include=`` sections asked for."""
    entry = {"id": spec.id, "aliases": [], "type": "chat-completion",
             "info": {"name": spec.name, "developer": "Google", "description": spec.description,
                      "contextLength": CONTEXT_LENGTH, "outputMax": OUTPUT_MAX, "url": ""},
             "tags": ["playground:chat"]}
    if "pricing" in include:
        entry["pricing"] = {"kind": "fixed", "currency": "USD", "units": [
            {"unit": "input_token", "price": spec.input_price, "per": 1_000_000},
            {"unit": "output_token", "price": spec.output_price, "per": 1_000_000}]}
    if "modalities" in include:
        entry["modalities"] = {"input": ["text", "image"], "output": ["text"]}
    if "capabilities" in include:
        entry["capabilities"] = ["streaming", "vision"]
    return entry
