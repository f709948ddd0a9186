"""What a batch gives back: one :class:`BatchItem` per prompt, in a :class:`BatchResults` list."""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from .. import errors
from ..cost import html_table
from ..money import format_usd
from ..results import ChatResult, content_text


class BatchCancelled(errors.APIError):
    """The item was never sent because the batch stopped (``raise_errors=True`` or an interrupt)."""


@dataclass
class BatchItem:
    """One prompt of a batch and how it went: ``result`` when ``ok``, otherwise ``error``."""

    index: int
    prompt: Any
    result: ChatResult | None = None
    error: BaseException | None = None
    #: Seconds this item's calls took (waiting for a free slot not included).
    elapsed_s: float | None = None
    #: How many times the batch sent it (more than 1 after a rate-limit requeue).
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.result is not None and self.error is None

    @property
    def text(self) -> str | None:
        return self.result.text if self.result is not None else None

    def __repr__(self) -> str:
        prompt = _shorten(prompt_text(self.prompt), 40)
        if self.ok:
            return f"BatchItem({self.index}, {prompt!r}, ok, text={_shorten(self.result.text, 50)!r})"
        return f"BatchItem({self.index}, {prompt!r}, error={type(self.error).__name__}: {error_line(self.error)!r})"


def _shorten(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 3] + "..."


def prompt_text(prompt: Any) -> str:
    """A prompt as one line of text: the string, or the last user message's text."""
    if isinstance(prompt, str):
        return prompt
    messages = prompt if isinstance(prompt, (list, tuple)) else [prompt]
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("role") == "user":
            return content_text(message.get("content"))
    return repr(prompt)


def error_line(error: BaseException | None) -> str:
    """The first line of an error's message ('' for no error)."""
    if error is None:
        return ""
    return (str(error).splitlines() or [type(error).__name__])[0]


class BatchResults(list):
    """The items of a batch, in the order of the prompts (a list), plus what the run noticed."""

    def __init__(self, items: Iterable[BatchItem] = (), *, wall_s: float | None = None,
                 concurrency: int | None = None, final_concurrency: int | None = None,
                 max_in_flight: int = 0, rate_limited: int = 0, notes: Sequence[str] = (),
                 model: str | None = None, params: dict | None = None):
        super().__init__(items)
        #: The model and the request parameters every call of the batch sent.
        self.model = model
        self.params = dict(params or {})
        #: Seconds from the first call to the last answer.
        self.wall_s = wall_s
        #: The concurrency asked for, and the one the batch ended at (lower after 429s).
        self.concurrency = concurrency
        self.final_concurrency = final_concurrency
        #: The most calls that were in flight at one moment (never above ``concurrency``).
        self.max_in_flight = max_in_flight
        #: How many 429 answers the batch saw (including those the client retried away).
        self.rate_limited = rate_limited
        #: What the batch did about rate limits, in words.
        self.notes = list(notes)

    @property
    def failures(self) -> list[BatchItem]:
        return [item for item in self if not item.ok]

    @property
    def results(self) -> list[ChatResult | None]:
        """The ChatResult of each item (None where it failed), in prompt order."""
        return [item.result for item in self]

    @property
    def texts(self) -> list[str | None]:
        return [item.text for item in self]

    def to_rows(self, max_chars: int | None = None) -> list[dict]:
        """One dict per item for a table: index, prompt, text, tokens, latency_s, cost_usd, error.

        ``max_chars`` shortens the prompt and text columns (None keeps them whole).
        """
        def cut(text: str | None) -> str | None:
            if text is None or max_chars is None or len(text) <= max_chars:
                return text
            return text[: max(1, max_chars - 1)] + "…"

        rows = []
        for item in self:
            result = item.result if item.ok else None
            rows.append({
                "index": item.index,
                "prompt": cut(prompt_text(item.prompt)),
                "text": cut(result.text) if result else None,
                "tokens": result.tokens if result else None,
                "latency_s": round(result.latency_s, 3) if result and result.latency_s is not None else None,
                "cost_usd": result.cost_usd if result else None,
                "error": f"{type(item.error).__name__}: {error_line(item.error)}" if item.error is not None else None,
            })
        return rows

    def summary(self) -> dict:
        """Totals: count, ok, failures, tokens, cost_usd, cost_unknown, wall_s.

        ``cost_usd`` adds up the answers whose cost is known; ``cost_unknown`` counts the
        successful answers that carried none.
        """
        done = [item.result for item in self if item.ok]
        return {
            "count": len(self),
            "ok": len(done),
            "failures": len(self) - len(done),
            "tokens": sum(r.tokens or 0 for r in done),
            "cost_usd": round(sum(r.cost_usd for r in done if r.cost_usd is not None), 12),
            "cost_unknown": sum(1 for r in done if r.cost_usd is None),
            "wall_s": round(self.wall_s, 3) if self.wall_s is not None else None,
        }

    def __repr__(self) -> str:
        s = self.summary()
        head = (f"BatchResults: {s['count']} items, {s['failures']} failed, {s['tokens']:,} tokens, "
                f"{format_usd(s['cost_usd'])}")
        if self.wall_s is not None:
            head += f", {self.wall_s:.2f} s wall time"
        lines = [head] + [f"  {item!r}" for item in self[:10]]
        if len(self) > 10:
            lines.append(f"  ... and {len(self) - 10} more (see .to_rows())")
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        s = self.summary()
        head = (f"<b>{s['count']} items, {s['failures']} failed</b>, {s['tokens']:,} tokens, "
                f"{html.escape(format_usd(s['cost_usd']))}")
        if self.wall_s is not None:
            head += f", {self.wall_s:.2f} s wall time at concurrency {self.concurrency}"
        notes = "".join(f"<br><small>{html.escape(n)}</small>" for n in self.notes)
        rows = [{**row, "cost_usd": format_usd(row["cost_usd"]) if row["cost_usd"] is not None else None}
                for row in self.to_rows()]
        return f"<div>{head}{notes}{html_table(rows, max_chars=80)}</div>"
