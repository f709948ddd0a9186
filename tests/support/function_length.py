"""How long a function is, by the developers' guide's measure (no function longer than 60 lines, tables aside).

A function's length is the lines from its ``def`` to its last line, blank lines and its
docstring included, less the lines of the literal tables inside it: a list, tuple, set or
dict of constants only, spread over several lines (a table of cases is read, not followed).
tests/repository/test_function_length.py holds helpers/ to it, tests/relay/test_relay_code.py the relay.
"""
from __future__ import annotations

import ast

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
