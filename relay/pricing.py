"""What a call can cost at most, before it is sent.

Prices come from the upstream's ``GET /v1/models?include=pricing`` (a ``fixed`` price, USD per
token unit), or from ``--price MODEL=IN,OUT`` (USD per million tokens), which wins. The worst
case of a call is an upper bound of its prompt's tokens times the input price, plus its output
bound (``max_tokens``, capped at the model's ``outputMax``, for each of ``n`` choices, plus any
``prediction``) times the output price, plus a small margin for the upstream's own rounding.

The prompt's bound is every UTF-8 byte of text (a tokenizer never makes more tokens than bytes),
capped at the model's context window, which the API enforces (a longer request is refused with a
400, as the practice server does). A part whose tokens the request does not bound (an image, whose
tiles the upstream counts; a file, whose pages it counts) counts the whole context window.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from helpers.model_ids import SMALL_MODEL

from .ledger import NANO

#: Parts whose tokens the request cannot bound: each counts as the whole context window.
UNBOUNDED_PARTS = frozenset({"image_url", "file", "input_image", "input_file", "input_audio"})
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
        """The most a call of these token bounds can cost, in nano-dollars, with the margin."""
        exact = (prompt_tokens * self.input_per_m + max_tokens * self.output_per_m) * 1000
        return math.ceil(exact) + MARGIN_NUSD

    def cost_nusd(self, prompt_tokens: int, completion_tokens: int) -> int:
        """What a call of these tokens costs at this price, in nano-dollars."""
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
                         f"for example {SMALL_MODEL}=0.04,0.08") from None
    return model.strip(), low, high


def prices_from_catalogue(payload) -> dict[str, Price]:
    """Prices read from a ``/v1/models?include=pricing`` answer; models without a usable, ``fixed`` price
    (an input and an output rate per token) are left out."""
    found = {}
    data = payload.get("data") if isinstance(payload, dict) else None
    for entry in data if isinstance(data, list) else []:
        try:
            if entry["pricing"].get("kind", "fixed") != "fixed":  # variants, variable: no price to bound with
                continue
            units = {u["unit"]: float(u["price"]) * 1_000_000 / float(u.get("per") or 1)
                     for u in entry["pricing"]["units"]}
            info = entry.get("info") or {}
            found[str(entry["id"])] = Price(units["input_token"], units["output_token"],
                                            int(info.get("outputMax") or DEFAULT_OUTPUT_MAX),
                                            int(info.get("contextLength") or DEFAULT_CONTEXT))
        except (AttributeError, KeyError, TypeError, ValueError, ZeroDivisionError):
            continue
    return found


def worst_case_nusd(body: dict, price: Price) -> int:
    """The most a chat call with ``body`` can cost, in nano-dollars. Sets or caps ``max_tokens`` in ``body``
    (see ``output_bound``), so reserve this amount and send that body."""
    prompt = min(prompt_token_bound(body, price.context), price.context)
    return price.worst_case_nusd(prompt, output_bound(body, price))


def prompt_token_bound(body: dict, unbounded_part: int = DEFAULT_CONTEXT) -> int:
    """An upper bound of the prompt's tokens: every UTF-8 byte of text anywhere in the body (keys too: tools,
    a response format and the like reach the prompt) counts as one token, every image or file part
    ``unbounded_part`` more (the model's context: the request does not say how many tokens the upstream
    makes of it), and the chat template's markers on top."""
    fields = {k: v for k, v in body.items() if k != "model"}
    messages = body.get("messages")
    turns = len(messages) if isinstance(messages, list) else 0
    return REQUEST_OVERHEAD + MESSAGE_OVERHEAD * turns + _tokens_in(fields, unbounded_part)


def _tokens_in(value, unbounded_part: int) -> int:
    """Bytes of text in ``value``, walked without recursion (the relay refuses deep bodies, but a price must
    never be what fails on one)."""
    total, pending = 0, [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            total += len(item) if item.isascii() else len(item.encode("utf-8", "surrogatepass"))
        elif isinstance(item, dict):
            if item.get("type") in UNBOUNDED_PARTS or not UNBOUNDED_PARTS.isdisjoint(item):
                total += unbounded_part
            pending.extend(item)  # the keys
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, (int, float)) and not isinstance(item, bool):
            total += len(str(item))
        else:
            total += 5  # true, false, null
    return total


def output_bound(body: dict, price: Price) -> int:
    """The most output tokens the call can bill: ``max_tokens`` (or ``max_completion_tokens``, the larger of
    the two) for each of ``n`` choices, plus a ``prediction``'s tokens (billed as output where rejected).
    Sets ``max_tokens`` in ``body`` to the model's ``outputMax`` when the learner gave neither, and caps a
    larger one at it, so the upstream can never generate more than this bound."""
    asked = [body[k] for k in ("max_tokens", "max_completion_tokens") if body.get(k) is not None]
    if not asked:
        body["max_tokens"] = price.output_max
    for key in ("max_tokens", "max_completion_tokens"):
        if body.get(key) is not None and body[key] > price.output_max:
            body[key] = price.output_max
    per_choice = min(price.output_max, max(math.ceil(v) for v in asked)) if asked else price.output_max
    prediction = _tokens_in(body["prediction"], 0) if body.get("prediction") is not None else 0
    return per_choice * int(body.get("n") or 1) + prediction


def nusd_from_usd(value) -> int | None:
    """A cost the upstream reported (number or text, USD) as nano-dollars, or None when unusable."""
    try:
        usd = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(usd) or usd < 0:
        return None
    return math.ceil(round(usd * NANO, 3))
