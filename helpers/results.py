"""What a chat call returns, read tolerantly from whatever fields the answer carries."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from requests.structures import CaseInsensitiveDict

from .money import format_usd


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _float(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if f == f else None  # drop NaN


def content_text(content: Any) -> str:
    """A message's content as plain text: a string, or the text parts of a list."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict) and isinstance(p.get("text"), str))
    return ""


def cost_from(data: dict, headers: Any) -> float | None:
    """USD spent, from ``meta.usage.usd_spent`` or the ``x-aimlapi-usd-spent`` header."""
    cost = _float(_dict(_dict(data.get("meta")).get("usage")).get("usd_spent"))
    if cost is None and headers is not None:
        cost = _float(headers.get("x-aimlapi-usd-spent"))
    return cost


def is_simulated(data: dict, headers: Any) -> bool:
    """True when the practice server, not the real API, produced the answer."""
    return data.get("provider") == "practice-server" or (
        headers is not None and headers.get("x-practice-server") == "1")


@dataclass
class ChatResult:
    """One answer: ``.text`` plus what the API said about it."""

    text: str
    model: str | None
    finish_reason: str | None
    usage: dict = field(default_factory=dict)
    cost_usd: float | None = None
    inference_id: str | None = None
    latency_s: float | None = None
    raw: dict = field(default_factory=dict, repr=False)
    simulated: bool = False
    headers: dict = field(default_factory=dict, repr=False)
    #: Streams only: seconds from sending the request to the first piece of text.
    time_to_first_token_s: float | None = None

    @classmethod
    def from_response(cls, data: Any, headers: Any = None, *, latency_s: float | None = None,
                      requested_model: str | None = None) -> "ChatResult":
        """Build a result from a parsed JSON answer, tolerating missing, extra and odd fields."""
        data = _dict(data)
        choices = data.get("choices")
        first = _dict(choices[0]) if isinstance(choices, list) and choices else {}
        message = _dict(first.get("message"))
        return cls(
            text=content_text(message.get("content")),
            model=data.get("model") if isinstance(data.get("model"), str) else requested_model,
            finish_reason=first.get("finish_reason"),
            usage=_dict(data.get("usage")),
            cost_usd=cost_from(data, headers),
            inference_id=(headers or {}).get("x-inference-id"),
            latency_s=latency_s,
            raw=data,
            simulated=is_simulated(data, headers),
            headers=CaseInsensitiveDict(headers or {}),
        )

    @property
    def tokens(self) -> int | None:
        """Total tokens billed (prompt + completion), when the answer said."""
        total = self.usage.get("total_tokens")
        return int(total) if isinstance(total, (int, float)) else None

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        preview = self.text if len(self.text) <= 80 else self.text[:77] + "..."
        bits = [f"model={self.model!r}", f"finish_reason={self.finish_reason!r}"]
        if self.tokens is not None:
            bits.append(f"tokens={self.tokens}")
        if self.latency_s is not None:
            bits.append(f"latency_s={self.latency_s:.2f}")
        if self.cost_usd is not None:
            bits.append(f"cost_usd={format_usd(self.cost_usd)}")
        if self.simulated:
            bits.append("simulated=True")
        return f"ChatResult({', '.join(bits)}, text={preview!r})"
