"""Evaluate prompts on a labelled set, graded by code (lessons 12 and 14).

    rows = evaluate(cases, request={"A": prompt_a, "B": prompt_b}, grade=grade, models=helpers.MODELS)
    rows                   # in a notebook: one row per prompt and model, scores, cost and time
    rows.chart()           # the scores as bars
    rows.details           # one dict per case: the answer and its grades

``request(case)`` builds the prompt (or the messages) for one case; ``grade(case, text)`` scores one answer:
a dict of named scores (True/False or 0 to 1), or one score. Every prompt runs on every model through
:func:`helpers.batch`, so the cases of one run go out concurrently. A call that failed scores 0 on every
measure and is counted in ``failed``: a prompt that breaks the API scores no better than one that is wrong.
"""
from __future__ import annotations

import json
from importlib.resources import files
from typing import Any, Callable, Iterable, Mapping

from .batching import batch
from .client import Client
from .compare import Table
from .money import format_usd
from .schema import MODELS

__all__ = ["evaluate", "Evaluation", "load_cases", "exact_match", "field_scores"]

MAX_CASES = 200


def load_cases(name: str = "support_requests") -> list[dict]:
    """A labelled set shipped in helpers/data (``support_requests``: 30 messages to a shop's support,
    each with its category and fields; helpers/data/SUPPORT_REQUESTS.md describes it)."""
    text = files("helpers.data").joinpath(f"{name}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _normal(value: Any) -> Any:
    return " ".join(value.split()).casefold() if isinstance(value, str) else value


def exact_match(expected: Any, got: Any) -> bool:
    """True when ``got`` is ``expected``, ignoring case and runs of spaces in strings (None matches None)."""
    return _normal(expected) == _normal(got)


def field_scores(expected: Mapping[str, Any], got: Any) -> dict[str, bool]:
    """For each expected field, whether ``got`` (a dict, or anything else: all wrong) has it right by
    :func:`exact_match`. A missing key counts as None: right only where None was expected."""
    got = got if isinstance(got, Mapping) else None
    return {k: got is not None and exact_match(v, got.get(k)) for k, v in expected.items()}


def _as_scores(graded: Any) -> dict[str, float]:
    if isinstance(graded, Mapping):
        scores = dict(graded)
    else:
        scores = {"score": graded}
    out = {}
    for name, value in scores.items():
        if isinstance(value, bool) or (isinstance(value, (int, float)) and 0 <= value <= 1):
            out[str(name)] = float(value)
        else:
            raise ValueError(f"grade() gave {name!r} = {value!r}; a score is True/False or a number from 0 to 1.")
    return out


class Evaluation(list):
    """One dict per prompt and model: ``prompt``, ``model``, ``cases``, ``failed``, the mean of every score,
    ``cost_usd``, ``seconds`` (the run's wall time). ``.details`` has one dict per case and run."""

    def __init__(self, rows: Iterable[dict], details: list[dict], metrics: list[str], simulated: bool):
        super().__init__(rows)
        self.details, self.metrics, self.simulated = details, metrics, simulated

    def table(self) -> Table:
        columns = ["prompt", "model", "cases", "failed", *self.metrics, "cost", "seconds"]
        body = [[r["prompt"], r["model"].split("/")[-1], r["cases"], r["failed"],
                 *(f"{r[m]:.0%}" for m in self.metrics), format_usd(r["cost_usd"]), f"{r['seconds']:.2f}"]
                for r in self]
        caption = "Scores by prompt and model"
        if self.simulated:
            caption += " (practice mode: simulated answers, practice prices)"
        return Table(columns, body, caption=caption)

    def chart(self, metrics: Iterable[str] | None = None):
        """The scores as bars (0 to 100%). For one measure: a group of bars per prompt, a bar per model.
        For several: a group per measure, a bar per prompt and model."""
        import matplotlib.pyplot as plt

        metrics = list(metrics or self.metrics)
        unknown = [m for m in metrics if m not in self.metrics]
        if unknown or not metrics:
            raise ValueError(f"no measure {unknown[0] if unknown else ''!r}; the measures are {self.metrics}")
        models = list(dict.fromkeys(r["model"] for r in self))
        if len(metrics) == 1:  # prompts side by side, the models within each
            groups = list(dict.fromkeys(r["prompt"] for r in self))
            series = [(m.split("/")[-1], [next((100 * r[metrics[0]] for r in self if (r["prompt"], r["model"])
                                                == (g, m)), 0) for g in groups]) for m in models]
            ylabel = f"{metrics[0]}: % of cases"
        else:
            groups = metrics
            series = [(f"{r['prompt']} · {r['model'].split('/')[-1]}", [100 * r[m] for m in metrics]) for r in self]
            ylabel = "% of cases"
        fig, ax = plt.subplots(figsize=(min(12, 2.2 + 1.2 * len(groups) * max(1, len(series)) ** 0.5), 3.6))
        width = 0.8 / max(1, len(series))
        for i, (label, values) in enumerate(series):
            offset = (i - (len(series) - 1) / 2) * width
            bars = ax.bar([x + offset for x in range(len(groups))], values, width, label=label)
            ax.bar_label(bars, fmt="%.0f", fontsize=7)
        ax.set_xticks(range(len(groups)), groups)
        ax.set_ylabel(ylabel)
        ax.set_ylim(0, 135)  # room for the legend above the bars
        ax.legend(loc="upper left", fontsize="small", ncol=2)
        if self.simulated:
            ax.set_title("Practice mode: simulated answers", color="firebrick")
        fig.tight_layout()
        return fig

    def _repr_html_(self) -> str:
        return self.table()._repr_html_()

    def __repr__(self) -> str:
        return str(self.table())


def evaluate(cases: list[Any], *, request: Callable[[Any], Any] | Mapping[str, Callable[[Any], Any]],
             grade: Callable[[Any, str], Any], models: Iterable[str] = MODELS, client: Client | None = None,
             concurrency: int = 8, progress: bool = False, **params: Any) -> Evaluation:
    """Run every case through every prompt on every model, grade each answer by code, and sum up.

    - ``request``: ``request(case)`` gives the prompt (or messages) for a case; a dict ``{label: request}``
      compares several prompts.
    - ``grade``: ``grade(case, text)`` gives a dict of scores (True/False or 0 to 1), or one score.
    - ``models``: the models to run (default: both Gemma 3 models).
    - ``concurrency``, ``progress`` and ``params`` (``max_tokens``, ``temperature``, ...) go to
      :func:`helpers.batch`, one batch per prompt and model.
    """
    cases = list(cases)
    if not cases or len(cases) > MAX_CASES:
        raise ValueError(f"evaluate() takes 1 to {MAX_CASES} cases, not {len(cases)}.")
    requests = dict(request) if isinstance(request, Mapping) else {"prompt": request}
    if not requests or not all(callable(r) for r in requests.values()) or not callable(grade):
        raise TypeError("request (or each value of a dict of them) and grade must be functions: "
                        "request(case) -> prompt, grade(case, text) -> scores.")
    rows, details, metrics, simulated = [], [], [], []
    for label, build in requests.items():
        prompts = [build(case) for case in cases]
        for model in models:
            items = batch(prompts, client=client, model=model, concurrency=concurrency, progress=progress, **params)
            run = []
            for case, item in zip(cases, items):
                scores = _as_scores(grade(case, item.text)) if item.ok else {}
                for name in scores:
                    if name not in metrics:
                        metrics.append(name)
                run.append({"prompt": label, "model": model, "case": case, "text": item.text, "scores": scores,
                            "error": None if item.ok else f"{type(item.error).__name__}: {item.error}"})
                if item.ok:
                    simulated.append(item.result.simulated)
            details += run
            summary = items.summary()
            rows.append({"prompt": label, "model": model, "cases": len(cases), "failed": summary["failures"],
                         "_run": run, "cost_usd": summary["cost_usd"] if summary["ok"] else None,
                         "seconds": summary["wall_s"] or 0.0})
    for row in rows:  # failed calls, and measures an answer's grade did not give, score 0
        run = row.pop("_run")
        for name in metrics:
            row[name] = sum(d["scores"].get(name, 0.0) for d in run) / len(run)
        row.update({"cost_usd": row.pop("cost_usd"), "seconds": row.pop("seconds")})
    return Evaluation(rows, details, metrics, bool(simulated) and all(simulated))
