"""No function in helpers/ is longer than 60 lines, tables aside (the developers' guide).

A function's length is the lines from its ``def`` to its last line, blank lines and its
docstring included, less the lines of the literal tables inside it: a list, tuple, set or
dict of constants only, spread over several lines (a table of cases is read, not followed).
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 60


def is_table(node: ast.AST) -> bool:
    """A literal made of constants only: ``("a", 1)``, ``[{"x": -1}, ...]``."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp):
        return is_table(node.operand)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(is_table(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and is_table(k) for k in node.keys) and all(is_table(v) for v in node.values)
    return False


def function_lengths(source: str) -> list[tuple[str, int, int]]:
    """(name, first line, length less tables) of every function and method in ``source``."""
    found = []
    for fn in ast.walk(ast.parse(source)):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        lines = set(range(fn.lineno, fn.end_lineno + 1))
        for node in ast.walk(fn):
            if node is not fn and is_table(node) and node.end_lineno > node.lineno:
                lines -= set(range(node.lineno, node.end_lineno + 1))
        found.append((fn.name, fn.lineno, len(lines)))
    return found


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
