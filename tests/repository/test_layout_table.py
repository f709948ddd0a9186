"""CONTRIBUTING.md's layout table names every file and folder at the top of the repository and in helpers/."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def table_paths() -> set[str]:
    """The paths in the first column of the table under "## Layout" (trailing slashes dropped)."""
    text = (ROOT / "CONTRIBUTING.md").read_text()
    section = text.split("## Layout", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    return {path.rstrip("/") for row in rows for path in re.findall(r"`([^`]+)`", row)}


def tracked() -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    return [p for p in out.stdout.split("\0") if p]


def test_the_layout_table_names_every_top_level_entry_and_every_part_of_helpers():
    files = tracked()
    top = {p.split("/")[0] for p in files}
    helpers = {"helpers/" + p.split("/")[1] for p in files if p.startswith("helpers/") and p.count("/") >= 1}
    named = table_paths()
    # a folder's row may name it ("tests/") or a file in it ("tests/..."), a file's row names the file
    covered = {p for p in top | helpers if p in named or any(n.startswith(p + "/") for n in named)}
    assert sorted((top | helpers) - covered) == [], "add a row for each of these to CONTRIBUTING.md's layout table"


def test_every_path_in_the_table_exists():
    assert sorted(p for p in table_paths() if not (ROOT / p).exists()) == []
