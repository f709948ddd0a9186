"""No function in helpers/ is longer than 60 lines, tables aside (the developers' guide).

The measure (tables left out) is tests/support/function_length.py's, shared with the relay's own check.
"""
from __future__ import annotations

from pathlib import Path

from support.function_length import LIMIT, function_lengths

ROOT = Path(__file__).resolve().parents[2]


def test_no_function_in_helpers_is_longer_than_60_lines():
    too_long = [f"{path.relative_to(ROOT)}:{line} {name}() has {length} lines"
                for path in sorted((ROOT / "helpers").rglob("*.py"))
                for name, line, length in function_lengths(path.read_text())
                if length > LIMIT]
    assert too_long == [], f"split these into functions of at most {LIMIT} lines"


def test_the_measure_counts_code_and_leaves_tables_out():
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT))
    table = "    CASES = [\n" + "".join(f"        ({i}, 'case {i}'),\n" for i in range(100)) + "    ]"
    counted = {name: length for name, _, length in function_lengths(
        f"def long():\n{body}\n\n\ndef tabled():\n{table}\n    return CASES\n\n\n"
        f"def computed():\n    rows = [\n{chr(10).join(f'        f({i}),' for i in range(70))}\n    ]\n")}
    assert counted == {"long": LIMIT + 1, "tabled": 2, "computed": 73}
