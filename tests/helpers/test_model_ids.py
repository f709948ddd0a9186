"""The model ids in one place, an override that survives a retirement, and the error when a model is gone."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from helpers import advice, model_ids
from helpers.practice import PracticeServer

ROOT = Path(__file__).resolve().parents[2]
GONE = "google/gemma-3-4b-it-retired"


def run_kit(code: str, tmp_path: Path, **env: str) -> dict:
    """``code`` in a fresh interpreter whose last line prints JSON; the settings from ``env`` only."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AIML_", "AIMLAPI_"))}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={**clean, **env, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_two_models_by_default():
    assert helpers.MODELS == (helpers.SMALL_MODEL, helpers.LARGE_MODEL)
    assert (model_ids.GEMMA_3_4B, model_ids.GEMMA_3_12B) == ("google/gemma-3-4b-it", "google/gemma-3-12b-it")


def test_the_environment_or_dotenv_points_the_kit_at_a_successor(tmp_path):
    code = ("import json, helpers; print(json.dumps([helpers.SMALL_MODEL, helpers.LARGE_MODEL, "
            "helpers.describe_mode(), helpers.Client().build_request('Hi', model=helpers.SMALL_MODEL)['model']]))")
    small, large, described, sent = run_kit(code, tmp_path, AIML_MODEL_SMALL="google/gemma-4-e4b-it",
                                            AIML_PRACTICE="1")
    assert (small, large, sent) == ("google/gemma-4-e4b-it", "google/gemma-3-12b-it", "google/gemma-4-e4b-it")
    assert "AIML_MODEL_SMALL=google/gemma-4-e4b-it" in described
    (tmp_path / ".env").write_text("AIML_MODEL_LARGE=google/gemma-4-26b-it\n")
    small, large, described, _ = run_kit(code, tmp_path, AIML_PRACTICE="1")
    assert (small, large) == ("google/gemma-3-4b-it", "google/gemma-4-26b-it")
    assert "AIML_MODEL_LARGE=google/gemma-4-26b-it (from .env)" in described


def test_a_retired_model_gets_an_error_that_names_it_and_says_how_to_choose_another(tmp_path):
    with PracticeServer(latency=0) as server:  # it serves only the models it knows: the configured one is gone
        code = ("import json, helpers\ntry:\n    helpers.chat('Hi', max_tokens=5)\nexcept helpers.APIStatusError as e:"
                "\n    print(json.dumps([e.status_code, str(e), e.advice.what]))")
        status, text, what = run_kit(code, tmp_path, AIML_MODEL_SMALL=GONE, AIML_API_BASE=server.base_url,
                                     AIML_API_KEY=server.key)
    assert status == 400 and GONE in what and "retired" in what
    assert "helpers.models()" in text and "AIML_MODEL_SMALL" in text and "AIML_MODEL_LARGE" in text


@pytest.mark.parametrize("status, message, unserved", [
    (404, "Model google/gemma-3-4b-it-retired not found", True),
    (400, "Invalid enum value. Expected 'a' | 'b', received 'google/gemma-3-4b-it-retired'", True),
    (410, "This model is no longer served", True),
    (400, "[temperature] Number must be less than or equal to 2", False),
    (404, "Cannot POST /v1/chat/completion", False),
])
def test_which_answers_say_the_model_is_gone(status, message, unserved):
    assert advice.model_unavailable(status, message, GONE) is unserved
