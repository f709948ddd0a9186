"""A running tally of what a session spent: calls, tokens and US dollars, per model.

    tally = CostTally()
    answer = tally.add(helpers.chat("Hi"))     # add() hands the result back
    tally.total_usd, tally.total_tokens, tally.calls
    tally                                       # a readable summary (a table in a notebook)

The cost of a call comes from the answer's ``meta.usage.usd_spent`` or, failing that, the
``x-aimlapi-usd-spent`` header (``ChatResult.cost_usd``). An answer that carries neither is
still counted as a call, and the tally says how many calls had no known cost, so a total
never looks more complete than it is.
"""
from __future__ import annotations

import html
import threading
from dataclasses import dataclass
from typing import Any, Iterable

from .money import format_usd
from .results import ChatResult

__all__ = ["CostTally", "TallyEntry", "html_table"]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def html_table(rows: list[dict], columns: list[str] | None = None, *, max_chars: int = 120,
               caption: str | None = None) -> str:
    """An HTML table of ``rows`` (dicts), text cells shortened to ``max_chars`` and escaped."""
    columns = columns or list(dict.fromkeys(k for row in rows for k in row))
    out = ['<table style="border-collapse:collapse">']
    if caption:
        out.append(f'<caption style="text-align:left">{html.escape(caption)}</caption>')
    out.append("<thead><tr>" + "".join(f'<th style="text-align:left;padding:2px 8px">{html.escape(c)}</th>'
                                       for c in columns) + "</tr></thead><tbody>")
    for row in rows:
        cells = []
        for c in columns:
            text = _cell(row.get(c))
            if len(text) > max_chars:
                text = text[: max_chars - 1] + "…"
            cells.append(f'<td style="text-align:left;padding:2px 8px;vertical-align:top">{html.escape(text)}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


@dataclass(frozen=True)
class TallyEntry:
    """One call as the tally saw it (None where the answer did not say)."""

    model: str
    prompt_tokens: int | None
    completion_tokens: int | None
    total_tokens: int | None
    cost_usd: float | None
    simulated: bool


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value)


def _as_result(item: Any) -> ChatResult | None:
    """A ChatResult from a result, a finished stream or a batch item; None for a failed item."""
    if isinstance(item, ChatResult):
        return item
    if hasattr(item, "ok") and hasattr(item, "result"):  # helpers.batching.BatchItem
        return item.result if item.ok else None
    result = getattr(item, "result", None)  # helpers.streaming.ChatStream
    if isinstance(result, ChatResult):
        return result
    if hasattr(item, "until_done") and result is None:
        raise TypeError("This stream has not finished: loop over it (or call .until_done()) before adding it.")
    raise TypeError(f"CostTally.add() takes a ChatResult (what helpers.chat returns), not {type(item).__name__}.")


class CostTally:
    """Calls, tokens and dollars of a session, in total and per model. Safe to add to from threads."""

    def __init__(self) -> None:
        self._entries: list[TallyEntry] = []
        self._lock = threading.Lock()

    # --- adding ----------------------------------------------------------------------------

    def add(self, result: Any) -> Any:
        """Count one answer (a ChatResult, a finished stream, or a batch item) and return it unchanged.

        A failed batch item is skipped: a request that was refused was not billed.
        """
        chat_result = _as_result(result)
        if chat_result is not None:
            usage = chat_result.usage if isinstance(chat_result.usage, dict) else {}
            entry = TallyEntry(
                model=chat_result.model or "(unknown model)",
                prompt_tokens=_int(usage.get("prompt_tokens")),
                completion_tokens=_int(usage.get("completion_tokens")),
                total_tokens=chat_result.tokens,
                cost_usd=chat_result.cost_usd,
                simulated=bool(chat_result.simulated),
            )
            with self._lock:
                self._entries.append(entry)
        return result

    def add_all(self, results: Iterable[Any]) -> "CostTally":
        """Count every answer of ``results`` (for example the items of a batch); returns the tally."""
        for result in results:
            self.add(result)
        return self

    def reset(self) -> None:
        """Start again from zero."""
        with self._lock:
            self._entries.clear()

    # --- totals ----------------------------------------------------------------------------

    @property
    def entries(self) -> list[TallyEntry]:
        """Every call counted, oldest first (a copy)."""
        with self._lock:
            return list(self._entries)

    @property
    def calls(self) -> int:
        return len(self.entries)

    @property
    def total_usd(self) -> float:
        """Dollars of the calls whose cost is known (see ``unknown_cost_calls``)."""
        return round(sum(e.cost_usd for e in self.entries if e.cost_usd is not None), 12)

    @property
    def total_tokens(self) -> int:
        """Tokens of the calls whose usage is known (see ``unknown_token_calls``)."""
        return sum(e.total_tokens for e in self.entries if e.total_tokens is not None)

    @property
    def prompt_tokens(self) -> int:
        return sum(e.prompt_tokens for e in self.entries if e.prompt_tokens is not None)

    @property
    def completion_tokens(self) -> int:
        return sum(e.completion_tokens for e in self.entries if e.completion_tokens is not None)

    @property
    def unknown_cost_calls(self) -> int:
        """Calls whose answer said nothing about cost: not in ``total_usd``."""
        return sum(1 for e in self.entries if e.cost_usd is None)

    @property
    def unknown_token_calls(self) -> int:
        """Calls whose answer carried no usage: not in ``total_tokens``."""
        return sum(1 for e in self.entries if e.total_tokens is None)

    @property
    def simulated_calls(self) -> int:
        """Calls answered by the practice server (their prices are the practice server's, not the vendor's)."""
        return sum(1 for e in self.entries if e.simulated)

    @property
    def average_usd_per_call(self) -> float | None:
        """Mean cost of the calls with a known cost, or None when none had one."""
        known = [e.cost_usd for e in self.entries if e.cost_usd is not None]
        return sum(known) / len(known) if known else None

    @property
    def average_tokens_per_call(self) -> float | None:
        known = [e.total_tokens for e in self.entries if e.total_tokens is not None]
        return sum(known) / len(known) if known else None

    def cumulative_usd(self) -> list[float]:
        """The running total after each call (unknown costs add nothing): for a chart."""
        total, out = 0.0, []
        for e in self.entries:
            total += e.cost_usd or 0.0
            out.append(total)
        return out

    def by_model(self) -> dict[str, dict]:
        """``{model: {"calls", "tokens", "usd", "unknown_cost"}}`` in the order models first appeared."""
        out: dict[str, dict] = {}
        for e in self.entries:
            row = out.setdefault(e.model, {"calls": 0, "tokens": 0, "usd": 0.0, "unknown_cost": 0})
            row["calls"] += 1
            row["tokens"] += e.total_tokens or 0
            if e.cost_usd is None:
                row["unknown_cost"] += 1
            else:
                row["usd"] += e.cost_usd
        return out

    def table(self) -> list[dict]:
        """One row per model plus a ``total`` row: model, calls, tokens, usd, unknown_cost."""
        rows = [{"model": model, **values, "usd": round(values["usd"], 12)}
                for model, values in self.by_model().items()]
        rows.append({"model": "total", "calls": self.calls, "tokens": self.total_tokens,
                     "usd": self.total_usd, "unknown_cost": self.unknown_cost_calls})
        return rows

    # --- showing ---------------------------------------------------------------------------

    def _notes(self) -> list[str]:
        notes = []
        unknown = self.unknown_cost_calls
        if unknown:
            notes.append(f"{unknown} call{'s' if unknown != 1 else ''} came back without a cost and "
                         "{} not in the dollar total.".format("are" if unknown != 1 else "is"))
        if self.unknown_token_calls:
            notes.append(f"{self.unknown_token_calls} without token usage.")
        if self.simulated_calls:
            notes.append("Simulated calls are priced by the practice server, not the vendor.")
        return notes

    def summary(self) -> str:
        """One line: calls, tokens, dollars, and what is unknown."""
        if not self.calls:
            return "CostTally: no calls yet."
        line = (f"CostTally: {self.calls} call{'s' if self.calls != 1 else ''}, "
                f"{self.total_tokens:,} tokens, {format_usd(self.total_usd)}")
        notes = self._notes()
        return line + (" (" + " ".join(notes) + ")" if notes else "")

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        rows = [{**row, "usd": format_usd(row["usd"])} for row in self.table()]
        notes = "".join(f"<br><small>{html.escape(n)}</small>" for n in self._notes())
        first = html.escape(self.summary().split(" (")[0])
        return f"<div><b>{first}</b>{notes}{html_table(rows)}</div>"
