"""Committed notebooks carry no outputs and no secrets, lessons keep their shape, and the README lists every lesson.

The whole repository's secret scan is in tests/repository/test_secrets.py; both use tools/check_secrets.py, the
pre-commit hook's checker.
"""
import importlib.util
import json
import re
import subprocess
from pathlib import Path

import pytest

from helpers.workshop import LESSON_GLOB

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob(LESSON_GLOB))

_spec = importlib.util.spec_from_file_location("check_secrets", ROOT / "tools" / "check_secrets.py")
check_secrets = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_secrets)


def test_there_are_lessons():
    assert len(NOTEBOOKS) >= 12, [n.name for n in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_clean(path):
    """No outputs, no execution counts, no saved widget state, nothing shaped like a key."""
    assert check_secrets.check_file(path) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_shape(path):
    cells = json.loads(path.read_text())["cells"]
    first = "".join(cells[0]["source"])
    assert cells[0]["cell_type"] == "markdown" and first.lstrip().startswith("#"), f"{path.name}: starts with a title"
    assert "you will learn" in first.lower(), f"{path.name}: the first cell says what you will learn"
    markdown = [c for c in cells if c["cell_type"] == "markdown"]
    assert "recap" in "".join(markdown[-1]["source"]).lower(), f"{path.name}: ends with a recap"


def test_readme_lists_every_lesson_with_a_summary():
    readme = (ROOT / "README.md").read_text()
    rows = dict(re.findall(r"^\| `(\d\d_[\w]+\.ipynb)` \| (.+?) \|$", readme, re.M))
    on_disk = {p.name for p in NOTEBOOKS}
    assert set(rows) == on_disk, f"README table and notebooks/ differ: {set(rows) ^ on_disk}"
    assert all(len(summary.split()) >= 5 for summary in rows.values())


def test_secrets_files_are_ignored_and_the_example_is_empty():
    ignored = subprocess.run(["git", "check-ignore", ".env", "notebooks/.env", ".venv"], cwd=ROOT,
                             capture_output=True, text=True).stdout.split()
    assert ignored == [".env", "notebooks/.env", ".venv"]
    example = (ROOT / ".env.example").read_text()
    assert re.findall(r"^(\w+)=(.*)$", example, re.M) == [("AIML_API_KEY", ""), ("AIML_API_BASE", "")]
