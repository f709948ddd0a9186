"""Committed notebooks carry no outputs and no secrets, and the README lists every lesson."""
import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

# Shapes of real secrets: bearer tokens, 32-hex keys (the AI/ML API's), sk- keys, long hex or base64 runs.
KEY_SHAPES = re.compile(r"(?i)(bearer\s+[A-Za-z0-9_\-]{20,}|\b[a-f0-9]{32}\b|sk-[A-Za-z0-9_\-]{16,}|AIML_API_KEY\s*=\s*['\"]?[A-Za-z0-9]{8,})")


def test_there_are_lessons():
    assert len(NOTEBOOKS) >= 12, [n.name for n in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_clean(path):
    nb = json.loads(path.read_text())
    for i, cell in enumerate(nb["cells"]):
        assert not cell.get("outputs"), f"{path.name} cell {i} has outputs: clear them before committing"
        assert cell.get("execution_count") is None, f"{path.name} cell {i} has an execution count"
        source = "".join(cell["source"])
        assert not KEY_SHAPES.search(source), f"{path.name} cell {i} holds something shaped like a key"
    assert "widgets" not in nb.get("metadata", {}), f"{path.name} carries saved widget state"


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


def test_tracked_files_hold_no_key_shapes():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    offenders = []
    for name in tracked:
        path = ROOT / name
        if path.suffix in {".png", ".jpg", ".gif", ".webp", ".pdf"} or not path.is_file():
            continue
        text = path.read_text(errors="ignore")
        for match in KEY_SHAPES.finditer(text):
            if "canary" not in match.group(0):
                offenders.append(f"{name}: {match.group(0)[:12]}...")
    assert not offenders
