"""helpers.evaluation: every prompt on every model, graded by code, summed per run (a scripted loopback
server answers; its answers depend on the prompt and the model, so the scores are known in advance)."""
from __future__ import annotations

import json

import matplotlib
import pytest

import helpers
from helpers.evaluation import evaluate, exact_match, field_scores, load_cases
from support.scripted import ScriptedServer

matplotlib.use("Agg")

CASES = [{"id": i, "word": w, "label": w.upper()} for i, w in enumerate(["red", "green", "blue", "cyan"])]


def answer(messages, body):
    """The 12B gets every label right; the 4B only with the strong prompt, and never for "cyan"."""
    prompt = messages[-1]["content"]
    word = prompt.rsplit(" ", 1)[-1]
    right = body["model"].endswith("12b-it") or ("STRONG" in prompt and word != "cyan")
    return json.dumps({"label": word.upper() if right else "?"})


def grade(case, text):
    got = json.loads(text)
    return {"label": got["label"] == case["label"], "valid_json": True}


@pytest.fixture(scope="module")
def client():
    with ScriptedServer(answer) as srv, helpers.Client(api_key=srv.key, base_url=srv.base_url, timeout=10,
                                                       max_retries=0) as c:
        c.server = srv
        yield c


def test_one_row_per_prompt_and_model_with_scores_cost_and_time(client):
    rows = evaluate(CASES, request={"weak": lambda c: f"label {c['word']}", "strong": lambda c: f"STRONG {c['word']}"},
                    grade=grade, client=client, max_tokens=20)
    table = {(r["prompt"], r["model"]): r for r in rows}
    assert [(r["prompt"], r["model"]) for r in rows] == [(p, m) for p in ("weak", "strong") for m in helpers.MODELS]
    assert table["weak", helpers.MODELS[0]]["label"] == 0 and table["strong", helpers.MODELS[0]]["label"] == 0.75
    assert table["weak", helpers.MODELS[1]]["label"] == 1 and all(r["valid_json"] == 1 for r in rows)
    assert all(r["cases"] == 4 and r["failed"] == 0 and r["cost_usd"] == pytest.approx(0.00004) for r in rows)
    assert rows.metrics == ["label", "valid_json"] and len(rows.details) == 16
    assert all(b["max_tokens"] == 20 for b in client.server.requests[-16:])
    assert "75%" in str(rows) and "weak" in rows._repr_html_()
    assert len(rows.chart().axes[0].patches) == 8  # two measures, four runs
    assert len(rows.chart(["label"]).axes[0].patches) == 4  # one measure: two prompts, two models


def test_a_single_request_and_a_single_score(client):
    rows = evaluate(CASES[:2], request=lambda c: c["word"], grade=lambda case, text: "RED" in text,
                    models=[helpers.MODELS[1]], client=client)
    assert [(r["prompt"], r["score"]) for r in rows] == [("prompt", 0.5)]


def test_bad_arguments_are_refused_before_anything_is_sent(client):
    with pytest.raises(ValueError, match="1 to 200 cases"):
        evaluate([], request=str, grade=grade, client=client)
    with pytest.raises(TypeError, match="must be functions"):
        evaluate(CASES, request="label this", grade=grade, client=client)
    with pytest.raises(ValueError, match="a score is True/False or a number from 0 to 1"):
        evaluate(CASES[:1], request=str, grade=lambda case, text: "good", models=[helpers.MODELS[0]], client=client)


def test_graders():
    assert exact_match("Maria  Lopez", "maria lopez") and exact_match(None, None) and not exact_match("a", None)
    assert field_scores({"name": "Ana", "email": None}, {"name": "ANA"}) == {"name": True, "email": True}
    assert field_scores({"name": "Ana"}, "not a dict") == {"name": False}


def test_the_shipped_set_loads():
    cases = load_cases()
    assert len(cases) == 30 and {"id", "message", "category", "fields"} <= set(cases[0])


def test_a_failed_call_scores_nothing_and_is_counted():
    with ScriptedServer(answer) as srv:
        port = srv.httpd.server_address[1]
    # the server is gone: every call fails to connect
    with helpers.Client(api_key="gone-key-0000", base_url=f"http://127.0.0.1:{port}/v1", timeout=2,
                        max_retries=0) as gone:
        rows = evaluate(CASES[:2], request=lambda c: c["word"], grade=grade, models=[helpers.MODELS[0]], client=gone)
    assert rows[0]["failed"] == 2 and rows[0]["cost_usd"] is None
    assert all(d["error"].startswith("APIConnectionError") for d in rows.details)
