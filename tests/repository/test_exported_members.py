"""``helpers.__all__`` is the package's public surface: no more, no less.

As httpx's tests/test_exported_members.py does, the names a fresh ``import helpers`` defines
(those without a leading underscore) must be exactly ``__all__``; here ``__all__`` also lists
the modules that load on first use (``helpers.practice``, ``helpers.widgets``, ...), which a
fresh import has not defined yet. On top of that: every module of the package is listed,
every other listed name is used by a lesson, widget, exercise, the README or the workshop
files, and every name a lesson's code takes from the kit is there.

To add a public name: import it in helpers/__init__.py and list it in ``__all__``. To add a
module that loads on first use: list it in ``__all__`` (``helpers.__getattr__`` loads it).
"""
from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import re
import subprocess
import sys
import types
from pathlib import Path

import nbformat

import helpers
from helpers.workshop import course_notebooks

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "helpers"
#: Where the kit is used: the lessons (going-further ones included), the README, the workshop files, the widgets and
#: the exercises.
#: Every notebook of the course: the core lessons and the going-further ones (no checkpoints).
NOTEBOOKS = [ROOT / "notebooks" / rel for rel in course_notebooks(ROOT / "notebooks")]
CONSUMERS = [*NOTEBOOKS, ROOT / "README.md",
             *sorted(p for p in (ROOT / "workshop").rglob("*") if p.is_file() and p.suffix in (".md", ".py")),
             *sorted((PACKAGE / "widgets").glob("*.py")), *sorted((PACKAGE / "exercises").glob("*.py"))]


def fresh_import() -> dict[str, bool]:
    """The public names ``import helpers`` defines in a new interpreter, each with whether it is a module."""
    code = ("import json, types, helpers; print(json.dumps({n: isinstance(v, types.ModuleType) "
            "for n, v in vars(helpers).items() if not n.startswith('_')}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT, check=True)
    return json.loads(out.stdout)


def package_modules() -> set[str]:
    """The modules and subpackages in helpers/ that are not private (no leading underscore)."""
    files = {p.stem for p in PACKAGE.glob("*.py") if not p.stem.startswith("_")}
    folders = {p.parent.name for p in PACKAGE.glob("*/__init__.py") if not p.parent.name.startswith("_")}
    return files | folders


def text_of(path: Path) -> str:
    if path.suffix == ".ipynb":
        return "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells)
    return path.read_text()


def lesson_code() -> list[ast.Module]:
    """Every code cell of every notebook, parsed (IPython's ``%magic`` and ``!shell`` lines left out)."""
    return [ast.parse("\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!"))))
            for path in NOTEBOOKS
            for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"]


def test_all_is_exactly_the_public_names_of_a_fresh_import_and_the_lazy_modules():
    assert len(helpers.__all__) == len(set(helpers.__all__)), "a name is listed twice"
    defined = fresh_import()
    assert sorted(defined) == sorted(n for n in helpers.__all__ if n in defined), (
        "defined but not in __all__ (make it private or list it)", sorted(set(defined) - set(helpers.__all__)))
    lazy = set(helpers.__all__) - set(defined)
    assert lazy <= package_modules(), ("listed but neither defined nor a module", sorted(lazy - package_modules()))


def test_each_module_listed_loads_on_first_use():
    for name in sorted(set(helpers.__all__) & package_modules()):
        module = getattr(helpers, name)
        assert isinstance(module, types.ModuleType) and module.__name__ == f"helpers.{name}", name
        assert module is importlib.import_module(f"helpers.{name}")
    assert set(helpers.__all__) <= set(dir(helpers))


def test_every_module_of_the_package_is_listed():
    listed = {n for n in helpers.__all__ if isinstance(getattr(helpers, n), types.ModuleType)}
    assert listed == package_modules()


def _uses(text: str) -> set[str]:
    """Names reached through the kit: ``helpers.X``, ``from helpers(.M) import X`` and, in the package's own
    widgets and exercises, ``from ..M import X`` or ``from .. import X``."""
    found = set(re.findall(r"(?<![\w.])helpers\.(\w+)", text))
    for match in re.finditer(r"^\s*from (?:helpers[\w.]*|\.\.[\w.]*) import \(?([\w\s,]+)\)?", text, re.M):
        found |= {n for n in re.split(r"[\s,]+", match.group(1)) if n and n != "as"}
    return found


def test_every_listed_name_is_used_by_a_lesson_widget_exercise_or_the_readme():
    used = set().union(*(_uses(text_of(p)) for p in CONSUMERS))
    names = {n for n in helpers.__all__ if not isinstance(getattr(helpers, n), types.ModuleType)}
    assert names - used == set(), "listed in helpers.__all__ but used nowhere: drop it from the surface"


def test_everything_a_lesson_takes_from_the_kit_is_public():
    """``helpers.X`` and ``from helpers import X`` find X in ``helpers.__all__``; ``from helpers.M import X``
    and ``helpers.M.X`` find X in the module's own ``__all__`` (or, without one, on the module)."""
    missing = []
    for node in (node for tree in lesson_code() for node in ast.walk(tree)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "helpers":
            for alias in node.names:
                if node.module == "helpers":
                    if alias.name not in helpers.__all__:
                        missing.append(f"helpers.{alias.name}")
                elif importlib.util.find_spec(node.module) is None:
                    missing.append(node.module)
                elif not _exported(importlib.import_module(node.module), alias.name):
                    missing.append(f"{node.module}.{alias.name}")
        elif isinstance(node, ast.Attribute) and _dotted(node).startswith("helpers."):
            parts = _dotted(node).split(".")
            if parts[1] not in helpers.__all__:
                missing.append(".".join(parts[:2]))
            elif len(parts) > 2 and isinstance(getattr(helpers, parts[1]), types.ModuleType):
                if not _exported(getattr(helpers, parts[1]), parts[2]):
                    missing.append(".".join(parts[:3]))
    assert missing == []


def _exported(module: types.ModuleType, name: str) -> bool:
    """``name`` is in the module's ``__all__`` (or, without one, defined there), or is one of its submodules."""
    listed = getattr(module, "__all__", None)
    if name in (listed or ()) or (listed is None and hasattr(module, name)):
        return True
    return hasattr(module, "__path__") and importlib.util.find_spec(f"{module.__name__}.{name}") is not None


def _dotted(node: ast.AST) -> str:
    """``helpers.client.RETRY_STATUSES`` for the outermost attribute of a chain of names ('' otherwise)."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    return ".".join([node.id, *reversed(parts)]) if isinstance(node, ast.Name) else ""
