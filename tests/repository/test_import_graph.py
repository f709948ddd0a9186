"""The helpers' modules import one another without a cycle, counting imports inside functions too."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "helpers"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, *, inside_functions: bool = False) -> set[str]:
    """The helpers modules ``path`` imports at its top level, or anywhere with ``inside_functions``
    (``from . import x`` gives helpers.x when x is a module)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    tree = ast.parse(path.read_text())
    for node in (ast.walk(tree) if inside_functions else tree.body):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            if base.split(".")[0] != "helpers":
                continue
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names if (ROOT / f"{base}.{a.name}".replace(".", "/")).exists()
                      or (ROOT / (f"{base}.{a.name}".replace(".", "/") + ".py")).exists()}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "helpers"}
    return found - {name}


def graph(*, inside_functions: bool = True) -> dict[str, set[str]]:
    return {module_name(p): imports(p, inside_functions=inside_functions) for p in PACKAGE.rglob("*.py")}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    return found


def test_no_import_cycle_among_the_helpers_modules():
    # ``from . import x`` in helpers.client reaches the package helpers, already being imported: not a cycle
    edges = {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in graph().items()}
    assert cycles(edges) == []


def test_the_client_knows_nothing_of_the_practice_server_and_the_server_nothing_of_the_client():
    """helpers.routing decides where calls go; the client sends where it is told; the server serves."""
    assert not {m for m in imports(PACKAGE / "client.py", inside_functions=True) if m.startswith("helpers.practice")}
    edges = graph()
    server_side = [m for m in edges if m.startswith(("helpers.practice.server", "helpers.practice.model"))]
    assert len(server_side) >= 10, server_side
    for module in server_side:
        assert not edges[module] & {"helpers.client", "helpers.routing", "helpers.api"}, module


def test_only_routing_starts_the_shared_practice_server():
    users = sorted(m for m, deps in graph().items() if any(d.startswith("helpers.practice.server") for d in deps)
                   and not m.startswith("helpers.practice"))
    assert users == ["helpers.routing"], users


def test_streaming_does_not_import_the_client_anywhere():
    """The stream gets what it needs from the client (a send function, the retry policy, a redactor)."""
    assert "helpers.client" not in imports(PACKAGE / "streaming.py", inside_functions=True)
    assert "helpers.client" not in imports(PACKAGE / "_retry.py", inside_functions=True)
    assert "helpers.streaming" in imports(PACKAGE / "client.py")


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
