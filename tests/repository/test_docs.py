"""The README, CONTRIBUTING.md and the pages in docs/: links that work, commands that exist, no launch link that
cannot launch, and a dependency table that matches the pins.

The workshop's guide and handout have their own checks (tests/environments/test_workshop.py).
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path
from urllib.parse import unquote

import pytest

import helpers
from helpers import workshop
from support.links import anchors, code, relative_links

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOC_PAGES = sorted((ROOT / "docs").glob("*.md"))
DOCS = [README, ROOT / "CONTRIBUTING.md", *DOC_PAGES]
PLACEHOLDER = "OWNER/REPO"
LAUNCH_LINK = re.compile(r"https://(?:mybinder\.org|colab\.research\.google\.com)/[^\s)\"'>]+")


def broken_links(path: Path, root: Path = ROOT) -> list[str]:
    """Each relative link of the Markdown file ``path`` that points at no file inside ``root``, or at no heading."""
    text = path.read_text()
    problems = []
    for target in relative_links(text):
        name, _, anchor = target.partition("#")
        dest = (path.parent / unquote(name)).resolve() if name else path
        if not dest.is_relative_to(root.resolve()):
            problems.append(f"{target}: outside the repository")
        elif not dest.exists():
            problems.append(f"{target}: no such file")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest.read_text()):
            problems.append(f"{target}: no heading with that anchor in {dest.name}")
    return problems


def test_there_are_docs_pages():
    assert {p.name for p in DOC_PAGES} >= {"dependencies.md", "design.md", "reliability.md", "real-api-checks.md"}


@pytest.mark.parametrize("path", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_points_at_a_file_that_exists(path):
    assert broken_links(path) == []


def test_the_link_check_finds_missing_files_headings_and_links_out_of_the_repository(tmp_path):
    (tmp_path / "present.md").write_text("# Title\n\n## A real heading: with `code`\n")
    page = tmp_path / "page.md"
    page.write_text("# Here\n\n[a](missing.md) [b](present.md#no-such-heading)\n"
                    "[c](present.md#a-real-heading-with-code) [d](#here) [e](https://example.org/x)\n"
                    "[f](../outside.md) ![g](present.md)\n"
                    "`[h](only-an-example.md)`\n\n```\n[i](also-an-example.md)\n```\n")
    (tmp_path.parent / "outside.md").write_text("")
    assert broken_links(page, root=tmp_path) == [
        "missing.md: no such file", "present.md#no-such-heading: no heading with that anchor in present.md",
        "../outside.md: outside the repository"]


def test_every_docs_page_is_linked_from_the_readme():
    linked = {(ROOT / unquote(target.partition("#")[0])).resolve() for target in relative_links(README.read_text())}
    assert [p.name for p in DOC_PAGES if p.resolve() not in linked] == []


def test_the_readme_has_no_placeholder_and_no_launch_link_that_cannot_work():
    readme = README.read_text()
    assert PLACEHOLDER not in readme
    slug = tomllib.loads((ROOT / "workshop" / "launch.toml").read_text())["repository"]["slug"]
    links = LAUNCH_LINK.findall(readme)
    if slug == PLACEHOLDER:
        assert links == [], "no repository is named in workshop/launch.toml, so these links cannot launch anything"
    else:
        assert [link for link in links if f"/{slug}/" not in link] == [], f"launch links must name {slug}"
    assert "launch_links.py links" in readme  # and the README says how to make them


def test_the_readme_lists_every_going_further_notebook_with_a_link():
    readme = README.read_text()
    further = [rel.as_posix() for rel in workshop.course_notebooks(ROOT / "notebooks") if len(rel.parts) > 1]
    assert further
    assert [name for name in further if f"](notebooks/{name})" not in readme] == []


def test_the_readme_links_every_core_lesson_from_its_row():
    rows = re.findall(r"^\| `(\d\d_\w+\.ipynb)` \| (.+) \|$", README.read_text(), re.M)
    assert rows and all(f"](notebooks/{name})" in summary for name, summary in rows), rows


@pytest.mark.parametrize("path", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_docs_name_only_commands_and_names_that_exist(path, capsys):
    shown = code(path.read_text())
    makefile = (ROOT / "Makefile").read_text()
    targets = set(re.findall(r"\bmake ([a-z][\w-]*)", shown))
    assert [t for t in sorted(targets) if not re.search(rf"^{re.escape(t)}:", makefile, re.M)] == []
    for sub in sorted(set(re.findall(r"python -m helpers\.workshop (\w+)", shown))):
        with pytest.raises(SystemExit) as done:
            workshop.main([sub, "--help"])
        assert done.value.code == 0, f"python -m helpers.workshop {sub} does not exist"
    capsys.readouterr()
    for module in sorted(set(re.findall(r"python -m ([a-z_][\w.]*)", shown)) - {"pip", "pytest", "venv"}):
        where = ROOT / module.replace(".", "/")
        assert where.with_suffix(".py").is_file() or (where / "__main__.py").is_file(), f"python -m {module}"
    for script in sorted(set(re.findall(r"python3? ([\w./-]+\.py)\b", shown))):
        assert (ROOT / script).is_file(), script
    for name in sorted(set(re.findall(r"(?<![\w./])helpers\.(\w+)", shown)) - {"X", "M"}):  # X, M: placeholders
        assert hasattr(helpers, name), f"helpers.{name} does not exist"


def _names(requirement_lines: str) -> set[str]:
    found = set()
    for line in requirement_lines.splitlines():
        match = re.match(r"([A-Za-z0-9][\w.-]*)\s*(?:==|;|$)", line.strip())
        if match and not line.lstrip().startswith(("#", "-")):
            found.add(_normal(match.group(1)))
    return found


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def test_the_dependency_table_names_every_pinned_package_and_no_other():
    pinned = set().union(*(_names((ROOT / name).read_text())
                           for name in ("requirements.txt", "requirements-test.txt", "requirements-relay.txt")))
    table = (ROOT / "docs" / "dependencies.md").read_text()
    cells = re.findall(r"^\| ([^|]+) \|", table, re.M)
    listed = {_normal(n) for cell in cells[2:] for n in re.sub(r"\(.*?\)", "", cell).split(",") if n.strip()}
    assert {"requests", "pydantic", "pytest", "starlette"} <= pinned
    assert sorted(pinned - listed) == [], "give each pinned package a row in docs/dependencies.md"
    assert sorted(listed - pinned) == [], "docs/dependencies.md lists a package that is pinned nowhere"
