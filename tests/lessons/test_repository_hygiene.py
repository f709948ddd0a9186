"""Committed notebooks (every one under notebooks/, the going-further ones included) carry no outputs and no
secrets, lessons keep their shape, and the README lists every lesson.

The whole repository's secret scan is in tests/repository/test_secrets.py; both use tools/check_secrets.py, the
pre-commit hook's checker.
"""
import importlib.util
import json
import re
import subprocess
from pathlib import Path

import pytest

from helpers.workshop import LESSON_GLOB, course_notebooks

ROOT = Path(__file__).resolve().parents[2]
#: The core lessons.
NOTEBOOKS = sorted((ROOT / "notebooks").glob(LESSON_GLOB))
#: Every notebook of the course: the core lessons, the going-further ones (notebooks/further/), any other.
ALL_NOTEBOOKS = [ROOT / "notebooks" / rel for rel in course_notebooks(ROOT / "notebooks")]

_spec = importlib.util.spec_from_file_location("check_secrets", ROOT / "tools" / "check_secrets.py")
check_secrets = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_secrets)


def test_there_are_lessons():
    assert len(NOTEBOOKS) >= 12, [n.name for n in NOTEBOOKS]


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_notebook_is_committed_clean(path):
    """No outputs, no execution counts, no saved widget state, nothing shaped like a key."""
    assert check_secrets.check_file(path) == []


def test_the_clean_check_covers_every_notebook_under_notebooks():
    """What git holds (or would add) under notebooks/ is exactly what the check above reads."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "notebooks"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60, check=True).stdout.split("\0")
    in_git = sorted(name for name in listed if name.endswith(".ipynb") and (ROOT / name).is_file())
    assert any(name.startswith("notebooks/further/") for name in in_git)
    assert sorted(p.relative_to(ROOT).as_posix() for p in ALL_NOTEBOOKS) == in_git


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
