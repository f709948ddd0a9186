"""helpers.compare: the same prompts on both models, one streamed call each, measured and shown
(lesson 06's table, answers side by side, totals and chart), against a practice server."""
from __future__ import annotations

import re

import pytest

import helpers
from helpers.compare import Comparison, Measurement, Table, compare_models
from helpers.results import ChatResult

PROMPTS = {"fact": "What is the capital of Australia? Answer in one sentence.",
           "reasoning": "A train leaves at 14:10 and the trip takes 2 hours and 55 minutes. When does it arrive?"}


@pytest.fixture(scope="module")
def client(server):
    with helpers.Client(api_key=server.key, base_url=server.base_url, timeout=20) as c:
        yield c


@pytest.fixture(scope="module")
def comparison(client):
    return compare_models(PROMPTS, client=client, max_tokens=60, temperature=0.3)


def test_every_prompt_runs_on_every_model_in_order(comparison):
    assert [(m.label, m.model) for m in comparison.measurements] == [
        (label, model) for label in PROMPTS for model in helpers.MODELS]
    assert comparison.labels == list(PROMPTS)
    assert comparison.simulated
    for m in comparison.measurements:
        assert m.result.model.startswith(m.model)
        assert m.text.startswith(helpers.practice.SIMULATED_MARKER)
        assert 0 < m.ttft_s <= m.total_s
        assert 0 < m.tokens <= 60
        assert m.tokens_per_s == pytest.approx(m.tokens / (m.total_s - m.ttft_s))


def test_the_same_parameters_go_to_every_call(server):
    sent = []

    class Recording(helpers.Client):
        def stream(self, prompt, **params):
            sent.append(params)
            return super().stream(prompt, **params)

    with Recording(api_key=server.key, base_url=server.base_url) as c:
        compare_models(["Say hi", "Say bye"], client=c, max_tokens=7, seed=3)
    assert [p["model"] for p in sent] == list(helpers.MODELS) * 2
    assert all(p["max_tokens"] == 7 and p["seed"] == 3 for p in sent)


def test_the_table_shows_each_call_and_escapes_its_cells(comparison):
    html = comparison._repr_html_()
    assert html.count("<tr>") == 1 + len(PROMPTS) * len(helpers.MODELS)
    assert "first token (s)" in html and "practice mode" in html
    text = repr(comparison)
    assert all(model in text for model in helpers.MODELS)
    table = Table(["a"], [["<script>alert(1)</script>"]])
    assert "<script>" not in table._repr_html_() and "&lt;script&gt;" in table._repr_html_()


def test_answers_side_by_side(comparison):
    answers = comparison.answers()
    assert answers.columns == ["prompt", *helpers.MODELS]
    assert len(answers.rows) == len(PROMPTS)
    assert answers.rows[1][1] == comparison.text("reasoning", helpers.MODELS[0])
    assert "white-space:pre-wrap" in answers._repr_html_()
    assert comparison.text("fact", helpers.MODELS[1]) in str(answers)


def test_totals_and_summary_add_up(comparison):
    totals = comparison.totals()
    for model in helpers.MODELS:
        mine = [m for m in comparison.measurements if m.model == model]
        assert totals[model]["tokens"] == sum(m.tokens for m in mine)
        assert totals[model]["seconds"] == pytest.approx(sum(m.total_s for m in mine))
        assert totals[model]["usd"] == pytest.approx(sum(m.cost_usd for m in mine))
    ratio = float(re.search(r"took ([\d.]+) times", comparison.summary()).group(1))
    small, big = (totals[m]["seconds"] for m in helpers.MODELS)
    assert ratio == pytest.approx(big / small, abs=0.05)


def test_unknown_costs_stay_unknown():
    def result(cost):
        return ChatResult(text="x", model=helpers.MODELS[0], finish_reason="stop",
                          usage={"completion_tokens": 3}, cost_usd=cost, latency_s=1.0, time_to_first_token_s=0.5)

    comparison = Comparison([Measurement("a", "p", helpers.MODELS[0], result(None))], helpers.MODELS[:1])
    assert comparison.totals()[helpers.MODELS[0]]["usd"] is None
    assert "unknown" in str(comparison.table())
    with pytest.raises(KeyError, match="labels"):
        comparison.get("b", helpers.MODELS[0])


def test_the_chart_has_a_panel_per_unit_and_a_bar_per_call(comparison):
    import matplotlib

    matplotlib.use("Agg")
    fig = comparison.chart()
    try:
        assert [ax.get_ylabel() for ax in fig.axes] == ["seconds", "tokens per second", "US dollars"]
        assert all(len(ax.patches) == len(PROMPTS) * len(helpers.MODELS) for ax in fig.axes)
        assert "Practice mode" in fig._suptitle.get_text()
    finally:
        import matplotlib.pyplot as plt

        plt.close(fig)


@pytest.mark.parametrize("prompts,message", [({}, "at least one prompt"), (["ok", ""], "non-empty string")])
def test_bad_prompts_are_refused_before_any_call(prompts, message, client):
    with pytest.raises(ValueError, match=message):
        compare_models(prompts, client=client)


def test_rows_are_plain_dicts_of_the_same_figures(comparison):
    rows = comparison.rows()
    assert [r["model"] for r in rows] == [m.model for m in comparison.measurements]
    first = comparison.measurements[0]
    assert rows[0] == {"label": first.label, "prompt": first.prompt, "model": first.model, "ttft_s": first.ttft_s,
                       "total_s": first.total_s, "tokens": first.tokens, "tokens_per_s": first.tokens_per_s,
                       "cost_usd": first.cost_usd, "text": first.text}
