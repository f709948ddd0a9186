"""See what the sampler does: the practice model's candidates for the next token, before and after each knob.

    from helpers.practice import next_tokens
    view = next_tokens("Tell me about San Francisco", answer_so_far="San Francisco is", temperature=1.5, top_k=5)
    view            # in a notebook, a table; print(view) gives the same as text
    view.rows       # one dict per candidate: its probability from the model and after each step
    view.chart()    # a bar chart (matplotlib, imported only when called)

This is the practice model's own distribution, computed offline by the kit's small n-gram
model; it is not Gemma's. Its "model" column is what the practice model offers for this answer
(its own rules included: it never repeats a run of tokens it already wrote). The other columns show
honestly what a real inference engine does with a model's probabilities: penalties, then top_k,
top_p, min_p (and top_a), then temperature.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from ...errors import RequestValidationError
from ...model_ids import DEFAULT_MODEL
from ...schema import check_param
from ..model.catalogue import OUTPUT_MAX
from ..model.corpus import tokenize
from ..model.generation import Generator
from ..model.replies import plan_reply
from ..model.sampler import SamplerSettings, Stage, stages

LABEL = "the practice model's next-token probabilities (a small n-gram model in this kit, not Gemma)"
_KNOBS = ("temperature", "top_k", "top_p", "min_p", "top_a", "frequency_penalty", "presence_penalty",
          "repetition_penalty")


@dataclass
class NextTokens:
    """The candidates for one next token, and what each step of the sampler chain left of them."""

    prompt: str
    model: str
    context: str  # the answer so far, after which the next token comes (the lead included)
    stages: list[Stage]
    words: list[str]  # token id -> text
    show: int

    @property
    def columns(self) -> list[str]:
        return [s.name for s in self.stages]

    @property
    def rows(self) -> list[dict[str, Any]]:
        """One dict per candidate (likeliest first): ``token`` and a probability per stage, 0.0 once cut."""
        first = self.stages[0]
        found = []
        for token, _ in zip(first.ids[: self.show], range(self.show)):
            row: dict[str, Any] = {"token": self.words[token]}
            for stage in self.stages:
                row[stage.name] = dict(zip(stage.ids, stage.probabilities)).get(token, 0.0)
            found.append(row)
        return found

    def __repr__(self) -> str:
        head = [f"Next token after {self.context!r}" if self.context else "First token of the answer",
                f"({LABEL}; model {self.model})"]
        names = ["token"] + self.columns
        cells = [[_shown(r["token"])] + [_percent(r[c]) for c in self.columns] for r in self.rows]
        widths = [max(len(x) for x in col) for col in zip(names, *cells)]
        lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths))]
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in cells]
        note = ["", "- : cut by that step. Each column is renormalised."] if any("-" in r[1:] for r in cells) else []
        return "\n".join(head + [""] + lines + note)

    def _repr_html_(self) -> str:
        cell = 'style="text-align:left;padding:2px 10px"'
        head = "".join(f"<th {cell}>{html.escape(n)}</th>" for n in ["token"] + self.columns)
        body = "".join("<tr>" + f"<td {cell}><code>{html.escape(_shown(r['token']))}</code></td>" + "".join(
            f"<td {cell}>{_percent(r[c])}</td>" for c in self.columns) + "</tr>"
            for r in self.rows)
        after = html.escape(self.context) if self.context else "(the start of the answer)"
        return (f"<p><b>Next token after</b> <code>{after}</code><br><small>{html.escape(LABEL)}; "
                f"model {html.escape(self.model)}</small></p><table style=\"border-collapse:collapse\">"
                f"<tr>{head}</tr>{body}</table><p><small>-: cut by that step; each column adds up to 100% "
                f"over the tokens it keeps.</small></p>")

    def chart(self, ax=None):
        """Bars of the model's probabilities and of the final ones (after every knob); returns the axes."""
        import matplotlib.pyplot as plt  # lazy: only charts need matplotlib

        rows = self.rows
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 0.35 * len(rows) + 1.2))
        places = range(len(rows))
        final = self.columns[-1]
        ax.barh([p + 0.2 for p in places], [r["model"] for r in rows], 0.4, label="model", color="#999999")
        after = f"after {', '.join(self.columns[1:])}" if len(self.columns) > 1 else "model (no knob set)"
        ax.barh([p - 0.2 for p in places], [r[final] for r in rows], 0.4, label=after, color="#2a9d8f")
        ax.set_yticks(list(places), [_shown(r["token"]) for r in rows])
        ax.invert_yaxis()
        ax.set_xlabel("probability of being the next token")
        ax.set_title("The practice model's next-token distribution (not Gemma's)", fontsize="medium")
        ax.legend(loc="lower right", fontsize="small")
        return ax


def _percent(p: float) -> str:
    return "-" if not p else "<0.1%" if p < 0.001 else f"{p:.1%}"


def _shown(token: str) -> str:
    return {"\n\n": "(new paragraph)", "\n": "(new line)"}.get(token, token)


def next_tokens(prompt: str | list[dict], *, model: str = DEFAULT_MODEL, answer_so_far: str = "",
                show: int = 10, **knobs: Any) -> NextTokens:
    """The practice model's top ``show`` candidates for the next token of its answer to ``prompt``.

    ``answer_so_far`` is text the answer already has (after any fact the answer starts with);
    the knobs are the request's: temperature, top_k, top_p, min_p, top_a, frequency_penalty,
    presence_penalty, repetition_penalty, checked against their documented ranges.
    """
    unknown = sorted(set(knobs) - set(_KNOBS))
    if unknown:
        raise RequestValidationError(f"next_tokens() takes the sampling knobs {', '.join(_KNOBS)}; "
                                     f"not {', '.join(unknown)}.")
    problems = [p for name, value in knobs.items() for p in check_param(name, value)]
    if problems:
        raise RequestValidationError("\n".join(str(p) for p in problems), problems)
    messages = [{"role": "user", "content": prompt}] if isinstance(prompt, str) else prompt
    plan = plan_reply(model, messages)
    writer = Generator(plan, OUTPUT_MAX)
    for token in tokenize(answer_so_far):
        writer.force(token)
    ids, logits = writer.candidates()
    shown = stages(ids, logits, SamplerSettings.from_request({"temperature": 1.0, **knobs}), writer.history.counts)
    if "temperature" not in knobs and len(shown) > 1:
        shown = shown[:-1]  # temperature 1 changes nothing: no column that repeats the one before it
    text = prompt if isinstance(prompt, str) else str(messages[-1].get("content"))
    return NextTokens(text, model, "".join(writer.pieces), shown, plan.conditioned.model.words, max(1, show))
