"""What a call can cost at most, before it is sent.

Prices come from the upstream's ``GET /v1/models?include=pricing`` (USD per token unit), or
from ``--price MODEL=IN,OUT`` (USD per million tokens), which wins. The worst case of a call is
an upper bound of its prompt's tokens times the input price plus its ``max_tokens`` times the
output price, plus a small margin for the upstream's own rounding.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .ledger import NANO

#: Tokens assumed for each image and each file part on top of their bytes (Gemma 3 counts 256 per image).
IMAGE_TOKENS = 2048
#: Tokens a chat template adds per message (role markers, turn ends), and per request.
MESSAGE_OVERHEAD = 8
REQUEST_OVERHEAD = 32
#: Added to every reservation: the upstream may round a call's cost up to a whole credit.
MARGIN_NUSD = 1000
DEFAULT_OUTPUT_MAX = 8192
DEFAULT_CONTEXT = 128_000


@dataclass(frozen=True)
class Price:
    """USD per million tokens, and the model's limits."""

    input_per_m: float
    output_per_m: float
    output_max: int = DEFAULT_OUTPUT_MAX
    context: int = DEFAULT_CONTEXT

    def worst_case_nusd(self, prompt_tokens: int, max_tokens: int) -> int:
        # USD per million tokens = 1000 nano-USD per token.
        exact = (prompt_tokens * self.input_per_m + max_tokens * self.output_per_m) * 1000
        return math.ceil(exact) + MARGIN_NUSD

    def cost_nusd(self, prompt_tokens: int, completion_tokens: int) -> int:
        return math.ceil((prompt_tokens * self.input_per_m + completion_tokens * self.output_per_m) * 1000)


def parse_price_option(text: str) -> tuple[str, float, float]:
    """``MODEL=IN,OUT`` (USD per million tokens) -> (model, in, out); ValueError with what to write."""
    model, sep, prices = text.partition("=")
    parts = prices.split(",")
    try:
        if not (sep and model.strip() and len(parts) == 2):
            raise ValueError
        low, high = float(parts[0]), float(parts[1])
        if not (math.isfinite(low) and math.isfinite(high) and low >= 0 and high >= 0):
            raise ValueError
    except ValueError:
        raise ValueError(f"--price {text!r}: write MODEL=IN,OUT in USD per million tokens, "
                         "for example google/gemma-3-4b-it=0.04,0.08") from None
    return model.strip(), low, high


def prices_from_catalogue(payload) -> dict[str, Price]:
    """Prices read from a ``/v1/models?include=pricing`` answer; models without a usable price are left out."""
    found = {}
    data = payload.get("data") if isinstance(payload, dict) else None
    for entry in data if isinstance(data, list) else []:
        try:
            units = {u["unit"]: float(u["price"]) * 1_000_000 / float(u.get("per") or 1)
                     for u in entry["pricing"]["units"]}
            info = entry.get("info") or {}
            found[str(entry["id"])] = Price(units["input_token"], units["output_token"],
                                            int(info.get("outputMax") or DEFAULT_OUTPUT_MAX),
                                            int(info.get("contextLength") or DEFAULT_CONTEXT))
        except (KeyError, TypeError, ValueError, ZeroDivisionError):
            continue
    return found


def prompt_token_bound(messages: list) -> int:
    """An upper bound of the prompt's tokens: every UTF-8 byte of text counts as one token (a tokenizer
    never makes more tokens than bytes), images and files a fixed amount more."""
    total = REQUEST_OVERHEAD
    for message in messages:
        total += MESSAGE_OVERHEAD + _tokens_in(message)
    return total


def _tokens_in(value) -> int:
    if isinstance(value, str):
        return len(value.encode("utf-8", "surrogatepass"))
    if isinstance(value, dict):
        extra = IMAGE_TOKENS if value.get("type") in ("image_url", "file", "input_image", "input_file") else 0
        return extra + sum(_tokens_in(v) for v in value.values())
    if isinstance(value, list):
        return sum(_tokens_in(v) for v in value)
    return 8  # a number, a boolean, null


def output_bound(body: dict, price: Price) -> int:
    """The most output tokens the call can bill; sets ``max_tokens`` in ``body`` when the learner did not,
    and caps a larger one at the model's ``outputMax``."""
    asked = [body[k] for k in ("max_tokens", "max_completion_tokens") if body.get(k) is not None]
    if not asked:
        body["max_tokens"] = price.output_max
        return price.output_max
    for key in ("max_tokens", "max_completion_tokens"):
        if body.get(key) is not None and body[key] > price.output_max:
            body[key] = price.output_max
    return min(price.output_max, max(math.ceil(v) for v in asked))


def nusd_from_usd(value) -> int | None:
    """A cost the upstream reported (number or text, USD) as nano-dollars, or None when unusable."""
    try:
        usd = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(usd) or usd < 0:
        return None
    return math.ceil(round(usd * NANO, 3))
