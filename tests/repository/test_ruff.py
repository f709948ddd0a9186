"""The whole tree passes the linter, as the pre-commit hook runs it (ruff; rules in pyproject.toml)."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def pinned(name: str) -> str:
    text = (ROOT / "requirements-test.txt").read_text()
    return re.search(rf"^{re.escape(name)}==([\w.]+)", text, re.M).group(1)


def test_the_tree_passes_ruff_check():
    # --no-cache: a test run leaves no .ruff_cache behind
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_hook_and_the_tests_run_the_same_ruff_with_the_same_rules():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    (hook,) = [h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "ruff"]
    assert hook["entry"].split()[:2] == ["ruff", "check"] and "--config" not in hook["entry"]
    assert hook["additional_dependencies"] == [f"ruff=={pinned('ruff')}"]
    assert {"python", "jupyter"} <= set(hook["types_or"])
    ruff = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]
    assert ruff["line-length"] == 120 and "E501" in ruff["lint"]["select"]
    version = subprocess.run([sys.executable, "-m", "ruff", "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.split() == ["ruff", pinned("ruff")]
