"""Run the same prompts on both Gemma 3 models and compare what each call measured (lesson 06).

    from helpers.compare import compare_models
    comparison = compare_models({"fact": "What is the capital of Australia?"}, max_tokens=200)
    comparison              # in a notebook: a table of waits, speeds and costs
    comparison.chart()      # the same numbers as bars, one panel per unit
    comparison.answers()    # the answers side by side
    comparison.totals()     # per model: seconds, answer tokens, dollars

Every call is streamed, so it gives two times: to the first piece of text and to the end.
The calls run one after another, so one model's answer never slows the other's down.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .client import Client
from .routing import get_client
from .money import format_usd
from .results import ChatResult
from .schema import MODELS

__all__ = ["compare_models", "Comparison", "Measurement", "Table"]

CHART_PANELS = (("ttft_s", "time to first token", "seconds"),
                ("tokens_per_s", "generation speed", "tokens per second"),
                ("cost_usd", "cost of 1000 such answers", "US dollars"))


@dataclass(frozen=True)
class Measurement:
    """One streamed answer and the figures read from it (None where the answer did not say)."""

    label: str
    prompt: str
    model: str
    result: ChatResult

    @property
    def ttft_s(self) -> float | None:
        return self.result.time_to_first_token_s

    @property
    def total_s(self) -> float | None:
        return self.result.latency_s

    @property
    def tokens(self) -> int:
        tokens = self.result.usage.get("completion_tokens")
        return tokens if isinstance(tokens, int) and not isinstance(tokens, bool) else 0

    @property
    def tokens_per_s(self) -> float | None:
        """Answer tokens per second once the answer has started: tokens / (total - first token)."""
        if self.ttft_s is None or self.total_s is None:
            return None
        generating = self.total_s - self.ttft_s
        return self.tokens / generating if self.tokens and generating > 0 else None

    @property
    def cost_usd(self) -> float | None:
        return self.result.cost_usd

    @property
    def text(self) -> str:
        return self.result.text


class Table:
    """Rows shown as an HTML table in a notebook (every cell escaped) and as plain text elsewhere."""

    def __init__(self, columns: list[str], rows: list[list[Any]], *, caption: str = "", wrap: bool = False):
        self.columns, self.rows, self.caption, self.wrap = columns, rows, caption, wrap

    def _repr_html_(self) -> str:
        style = "text-align:left;vertical-align:top;padding:3px 10px"
        if self.wrap:  # long answers keep their line breaks and wrap inside their column
            style += ";white-space:pre-wrap;max-width:30em"
        head = "".join(f'<th style="{style}">{html.escape(c)}</th>' for c in self.columns)
        body = "".join("<tr>" + "".join(f'<td style="{style}">{html.escape(str(c))}</td>' for c in row) + "</tr>"
                       for row in self.rows)
        caption = f'<caption style="text-align:left">{html.escape(self.caption)}</caption>' if self.caption else ""
        return f'<table style="border-collapse:collapse">{caption}<tr>{head}</tr>{body}</table>'

    def __str__(self) -> str:
        if self.wrap:  # one block per row: long answers do not fit in columns
            blocks = ["\n".join(f"{c}: {v}" for c, v in zip(self.columns, row)) for row in self.rows]
            return "\n\n".join(([self.caption] if self.caption else []) + blocks)
        cells = [self.columns] + [[str(c) for c in row] for row in self.rows]
        widths = [max(len(row[i]) for row in cells) for i in range(len(self.columns))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(([self.caption] if self.caption else []) + lines)

    __repr__ = __str__


def _fmt(value: float | None, pattern: str) -> str:
    return "n/a" if value is None else format(value, pattern)


class Comparison:
    """The measurements of :func:`compare_models`, in the order they were made (prompt by prompt)."""

    def __init__(self, measurements: list[Measurement], models: tuple[str, ...]):
        self.measurements = measurements
        self.models = models
        self.labels = list(dict.fromkeys(m.label for m in measurements))
        self.simulated = bool(measurements) and all(m.result.simulated for m in measurements)

    def get(self, label: str, model: str) -> Measurement:
        """The measurement of one prompt (by its label) on one model."""
        for m in self.measurements:
            if m.label == label and m.model == model:
                return m
        raise KeyError(f"no measurement of {label!r} on {model!r}; labels: {self.labels}, models: {list(self.models)}")

    def text(self, label: str, model: str) -> str:
        """One answer's text."""
        return self.get(label, model).text

    def _caption(self, what: str) -> str:
        if self.simulated:
            return f"{what} (practice mode: simulated speeds, practice prices, practice text)"
        return what

    def rows(self) -> list[dict[str, Any]]:
        """One plain dict per call (label, prompt, model, figures, text): for your own tables and checks."""
        return [{"label": m.label, "prompt": m.prompt, "model": m.model, "ttft_s": m.ttft_s, "total_s": m.total_s,
                 "tokens": m.tokens, "tokens_per_s": m.tokens_per_s, "cost_usd": m.cost_usd, "text": m.text}
                for m in self.measurements]

    def table(self) -> Table:
        """The figures of every call: first token, total time, answer tokens, tokens/s, cost."""
        rows = [[m.label, m.model, _fmt(m.ttft_s, ".2f"), _fmt(m.total_s, ".2f"), m.tokens,
                 _fmt(m.tokens_per_s, ".0f"), format_usd(m.cost_usd)] for m in self.measurements]
        return Table(["prompt", "model", "first token (s)", "total (s)", "answer tokens", "tokens/s", "cost"],
                     rows, caption=self._caption("Every call, measured"))

    def answers(self) -> Table:
        """The answers side by side: one row per prompt, one column per model."""
        prompts = {m.label: m.prompt for m in self.measurements}
        rows = [[f"{label}: {prompts[label]}"] + [self.text(label, model) for model in self.models]
                for label in self.labels]
        return Table(["prompt", *self.models], rows, caption=self._caption("The answers"), wrap=True)

    def totals(self) -> dict[str, dict[str, Any]]:
        """Per model, summed over the prompts: ``seconds``, ``tokens`` and ``usd`` (None if no cost was known)."""
        out = {}
        for model in self.models:
            mine = [m for m in self.measurements if m.model == model]
            costs = [m.cost_usd for m in mine if m.cost_usd is not None]
            out[model] = {"seconds": sum(m.total_s or 0 for m in mine), "tokens": sum(m.tokens for m in mine),
                          "usd": sum(costs) if costs else None}
        return out

    def summary(self) -> str:
        """The totals in sentences, with how many times longer and dearer the second model was."""
        totals = self.totals()
        lines = [f"{model}: {t['seconds']:.2f} s, {t['tokens']} answer tokens, {format_usd(t['usd'])}"
                 for model, t in totals.items()]
        if len(self.models) == 2:
            small, big = (totals[m] for m in self.models)
            name = self.models[1].split("/")[-1]
            if small["seconds"] > 0:
                lines.append(f"{name} took {big['seconds'] / small['seconds']:.1f} times as long.")
            if small["usd"] and big["usd"] is not None:
                lines.append(f"{name} cost {big['usd'] / small['usd']:.1f} times as much.")
        return "\n".join(lines)

    def chart(self):
        """Three bar charts, one group per prompt and one bar per model: wait, speed, cost of 1000 answers."""
        import matplotlib.pyplot as plt

        fig, axes = plt.subplots(1, len(CHART_PANELS), figsize=(13, 3.8))
        width = 0.8 / max(1, len(self.models))
        for ax, (key, title, unit) in zip(axes, CHART_PANELS):
            for i, model in enumerate(self.models):
                values = [getattr(self.get(label, model), key) or 0 for label in self.labels]
                if key == "cost_usd":
                    values = [v * 1000 for v in values]
                offset = (i - (len(self.models) - 1) / 2) * width
                ax.bar([x + offset for x in range(len(self.labels))], values, width, label=model.split("/")[-1])
            ax.set_xticks(range(len(self.labels)), self.labels)
            ax.set_title(title)
            ax.set_ylabel(unit)
            ax.set_ylim(0, (ax.get_ylim()[1] or 1) * 1.3)  # room for the legend above the bars
            ax.legend(loc="upper left", fontsize="small")
        if self.simulated:
            fig.suptitle("Practice mode: simulated speeds and practice prices", color="firebrick")
        fig.tight_layout()
        return fig

    def _repr_html_(self) -> str:
        return self.table()._repr_html_()

    def __repr__(self) -> str:
        return str(self.table())


def _labelled(prompts: Mapping[str, str] | Iterable[str]) -> dict[str, str]:
    if isinstance(prompts, Mapping):
        labelled = dict(prompts)
    elif isinstance(prompts, str):
        labelled = {"prompt 1": prompts}
    else:
        labelled = {f"prompt {i}": p for i, p in enumerate(prompts, start=1)}
    if not labelled:
        raise ValueError("compare_models needs at least one prompt: a dict {label: prompt} or a list of prompts.")
    bad = [label for label, p in labelled.items() if not isinstance(p, str) or not p.strip()]
    if bad:
        raise ValueError(f"Each prompt must be a non-empty string; {bad[0]!r} is not.")
    return labelled


def compare_models(prompts: Mapping[str, str] | Iterable[str], *, models: Iterable[str] = MODELS,
                   client: Client | None = None, **params: Any) -> Comparison:
    """Stream every prompt on every model, one call at a time, with the same ``params`` each time.

    ``prompts`` is a dict of ``{label: prompt}`` (labels name the rows and the chart's groups) or a
    list of prompts. ``params`` are the request's optional fields (``max_tokens``, ``temperature``, ...).
    A call that fails raises its typed error (``helpers.APIError``), as ``helpers.stream`` does.
    """
    labelled = _labelled(prompts)
    models = tuple(models)
    client = client or get_client()
    measurements = []
    for label, prompt in labelled.items():
        for model in models:
            stream = client.stream(prompt, model=model, **params)
            result = stream.until_done()
            measurements.append(Measurement(label, prompt, model, result))
    return Comparison(measurements, models)
