#!/usr/bin/env python3
"""Refuse what must never be committed: notebook outputs, saved widget state, and anything
shaped like a key.

    python tools/check_secrets.py FILE...     check these files (what the pre-commit hook passes)
    python tools/check_secrets.py --all       check every file git tracks

Exit status 0 when everything is clean, 1 with one line per problem (and what to do) otherwise.
The same check runs as a pre-commit hook (.pre-commit-config.yaml) and in the test suite
(tests/repository/test_secrets.py). Standard library only, so any Python 3.10+ runs it.

A made-up key in a test or an exercise is allowed when its text says so: the match contains
the word "canary" (for example ``sk-canary-0123456789abcdef``). The practice server's key
(``practice-key-0000``) is public and allowed too.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

#: Shapes of real secrets. The AI/ML API's keys are 32 hexadecimal characters.
KEY_SHAPES = {
    "an AI/ML API key (32 hex characters)": re.compile(r"(?<![0-9A-Fa-f])[0-9a-f]{32}(?![0-9A-Fa-f])"),
    "a bearer token": re.compile(r"(?i)\bbearer\s+[A-Za-z0-9_\-.=]{20,}"),
    "an sk- key": re.compile(r"\bsk-[A-Za-z0-9_\-]{16,}"),
    "a key assigned to AIML_API_KEY": re.compile(r"\bAIML_?API_KEY\s*[=:]\s*['\"]?[A-Za-z0-9]{8,}[\w\-]*"),
    "a private key": re.compile(r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----"),
    "a GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}"),
    "an AWS access key id": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
}
#: Matches containing one of these are not secrets: made-up test keys say "canary", and the practice
#: server's own key (helpers.keys.PRACTICE_KEY) is public by design.
ALLOWED_MARKS = ("canary", "practice-key-0000")
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".ico", ".woff", ".woff2", ".zip", ".gz"}
#: Files that hold secrets by design and must never be committed (".env.example" is fine).
SECRET_FILE_NAMES = {".env"}


def key_shapes(text: str) -> list[str]:
    """Descriptions of every key-shaped match in ``text`` (shown cut short: never the whole match)."""
    found = []
    for what, pattern in KEY_SHAPES.items():
        for match in pattern.finditer(text):
            if not any(mark in match.group(0).lower() for mark in ALLOWED_MARKS):
                found.append(f"{what} ({match.group(0)[:6]}...)")
    return found


def check_notebook(path: Path, text: str) -> list[str]:
    try:
        nb = json.loads(text)
    except ValueError as exc:
        return [f"{path}: not valid notebook JSON ({exc})"]
    problems = []
    for i, cell in enumerate(nb.get("cells", [])):
        where = f"{path}: cell {i}"
        if cell.get("outputs"):
            problems.append(f"{where} has outputs: clear them (Edit > Clear Outputs of All Cells, or nbstripout)")
        if cell.get("execution_count") is not None:
            problems.append(f"{where} has an execution count: clear outputs before committing")
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        for shape in key_shapes(source):
            problems.append(f"{where} holds {shape}: read keys from the environment, never paste them")
        for shape in key_shapes(json.dumps(cell.get("metadata", {}))):
            problems.append(f"{where} metadata holds {shape}")
    if "widgets" in nb.get("metadata", {}):
        problems.append(f"{path}: saved widget state in the notebook's metadata: clear it "
                        "(nbstripout removes it) so no typed value is committed")
    for shape in key_shapes(json.dumps(nb.get("metadata", {}))):
        problems.append(f"{path}: notebook metadata holds {shape}")
    return problems


def check_file(path: Path) -> list[str]:
    """Every problem with one file (an empty list when it is clean)."""
    if path.name in SECRET_FILE_NAMES:
        return [f"{path}: a {path.name} file holds keys: never commit it (it is in .gitignore)"]
    if path.suffix.lower() in BINARY_SUFFIXES or not path.is_file():
        return []
    data = path.read_bytes()
    if b"\0" in data[:8192]:
        return []  # binary
    text = data.decode("utf-8", errors="replace")
    if path.suffix == ".ipynb":
        return check_notebook(path, text)
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        for shape in key_shapes(line):
            problems.append(f"{path}:{number}: {shape}: read keys from the environment, never commit them")
    return problems


def tracked_files(root: Path) -> list[Path]:
    names = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
    return [root / name for name in names.decode().split("\0") if name]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--all"]:
        files = tracked_files(Path.cwd())
    elif args and "--all" not in args:
        files = [Path(a) for a in args]
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    problems = [p for f in files for p in check_file(f)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problem(s) in {len({p.split(':')[0] for p in problems})} file(s); nothing was "
              "changed. Fix them, then commit again.", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
