#!/usr/bin/env python3
"""Binder and Colab links for the kit, from the one place that names the repository (launch.toml).

    python workshop/launch_links.py links [--slug OWNER/REPO]
        prints the Binder badge for the README and each lesson's Colab link
    python workshop/launch_links.py notebooks [--slug OWNER/REPO] [--check | --remove] [PATH ...]
        puts (or updates) two cells right after each lesson's title: the "Open in Colab" and
        Binder badges, and a code cell that, on Google Colab only, installs the kit and reads
        the key from Colab's secrets. Elsewhere that cell does nothing. Running it twice
        changes nothing; --check only reports notebooks that are not up to date (exit 1);
        --remove takes the cells out again. PATHs default to every lesson in notebooks/.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path

import nbformat

from helpers.workshop import LESSON_GLOB

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONFIG = HERE / "launch.toml"
PLACEHOLDER = "OWNER/REPO"
SLUG_SHAPE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")

#: How the two cells are recognised when the script runs again (metadata key, cell ids).
META_KEY = "launch_links"
BADGES_ID = "launch-links-badges"
COLAB_ID = "launch-links-colab"

COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"


class LaunchError(Exception):
    """A configuration problem, with a message saying what to fix."""


# --------------------------------------------------------------------------- configuration


def load_config(path: Path = CONFIG) -> dict:
    """``slug``, ``branch``, ``folder`` and ``first`` from launch.toml."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LaunchError(f"Cannot read {path}: {exc}") from None
    repo, lessons = data.get("repository", {}), data.get("lessons", {})
    return {"slug": repo.get("slug", PLACEHOLDER), "branch": repo.get("branch", "main"),
            "folder": lessons.get("folder", "notebooks"), "first": lessons.get("first", "00_setup.ipynb")}


def check_slug(slug: str) -> str:
    """The slug if it is a real GitHub ``owner/name``; otherwise a LaunchError saying what to do."""
    slug = (slug or "").strip().strip("/")
    if slug.startswith("https://github.com/"):
        slug = slug[len("https://github.com/"):].removesuffix(".git").strip("/")
    if slug == PLACEHOLDER:
        raise LaunchError(f"The repository is still the placeholder {PLACEHOLDER!r}: set slug in {CONFIG} "
                          "(or pass --slug owner/name) once the repository is on GitHub.")
    if not SLUG_SHAPE.match(slug):
        raise LaunchError(f"{slug!r} is not a GitHub repository name: use owner/name, e.g. 'ada/gemma-kit'.")
    return slug


# --------------------------------------------------------------------------- links


def binder_url(slug: str, lesson_path: str, ref: str = "HEAD") -> str:
    """Binder's launch link; ``ref`` HEAD follows the default branch, a tag pins one build for a workshop."""
    return f"https://mybinder.org/v2/gh/{slug}/{ref}?urlpath=lab/tree/{lesson_path}"


def colab_url(slug: str, branch: str, lesson_path: str) -> str:
    return f"https://colab.research.google.com/github/{slug}/blob/{branch}/{lesson_path}"


def binder_badge(slug: str, lesson_path: str, ref: str = "HEAD") -> str:
    return f"[![Launch on Binder]({BINDER_BADGE})]({binder_url(slug, lesson_path, ref)})"


def colab_badge(slug: str, branch: str, lesson_path: str) -> str:
    return f"[![Open In Colab]({COLAB_BADGE})]({colab_url(slug, branch, lesson_path)})"


# --------------------------------------------------------------------------- the two cells


def colab_setup_source(slug: str, branch: str, *, repo_url: str | None = None, kit_dir: str | None = None) -> str:
    """The code cell: on Colab, clone and install the kit, go to its lessons, read the key secret.

    ``repo_url`` and ``kit_dir`` exist for tests (a local clone instead of GitHub, a tmp folder
    instead of /content).
    """
    repo_url = repo_url or f"https://github.com/{slug}.git"
    kit_dir = kit_dir or f"/content/{slug.split('/')[1]}"
    return (
        "# Google Colab only: fetch the kit, then read your key from Colab's secrets. Elsewhere this does nothing.\n"
        "import sys\n"
        "if \"google.colab\" in sys.modules:\n"
        "    import importlib, os, subprocess\n"
        f"    KIT = {json.dumps(kit_dir)}\n"
        "    if not os.path.isdir(KIT):\n"
        "        subprocess.run([\"git\", \"clone\", \"--quiet\", \"--depth\", \"1\", "
        f"\"--branch\", {json.dumps(branch)},\n"
        f"                        {json.dumps(repo_url)}, KIT], check=True, timeout=300)\n"
        "    try:\n"
        "        import helpers.workshop, openai  # both installed by an earlier run of this cell\n"
        "    except ImportError:\n"
        "        sys.modules.pop(\"helpers\", None)  # another package's helpers, if any: the kit's replaces it\n"
        "        subprocess.run([sys.executable, \"-m\", \"pip\", \"install\", \"--quiet\", KIT, \"openai>=1.40\"],\n"
        "                       check=True, timeout=600)\n"
        "    importlib.invalidate_caches()\n"
        "    os.chdir(os.path.join(KIT, \"notebooks\"))  # the lessons' images and files are found from here\n"
        "    from helpers.workshop import use_colab_secret\n"
        "    use_colab_secret()  # the secret AIML_API_KEY, if you added one; practice mode otherwise"
    )


def badges_source(slug: str, branch: str, lesson_path: str) -> str:
    return (f"{colab_badge(slug, branch, lesson_path)} {binder_badge(slug, lesson_path)}\n\n"
            "*On Google Colab, run the next cell first: it installs the kit and reads your key from "
            "Colab's secrets (the key icon in the left bar, a secret named `AIML_API_KEY` with "
            "notebook access). Anywhere else it does nothing.*")


def launch_cells(slug: str, branch: str, lesson_path: str, **colab_options) -> list:
    badges = nbformat.v4.new_markdown_cell(badges_source(slug, branch, lesson_path),
                                           metadata={META_KEY: "badges"}, id=BADGES_ID)
    code = nbformat.v4.new_code_cell(colab_setup_source(slug, branch, **colab_options),
                                     metadata={META_KEY: "colab"}, id=COLAB_ID)
    return [badges, code]


def _is_ours(cell) -> bool:
    return META_KEY in cell.get("metadata", {}) or cell.get("id") in (BADGES_ID, COLAB_ID)


def updated_notebook(nb, slug: str, branch: str, lesson_path: str, *, remove: bool = False, **colab_options):
    """``nb`` with the launch cells (re)placed right after its title cell, or removed."""
    cells = [c for c in nb.cells if not _is_ours(c)]
    if not remove:
        new = launch_cells(slug, branch, lesson_path, **colab_options)
        if nb.get("nbformat_minor", 0) < 5:  # cell ids arrived in nbformat 4.5
            for cell in new:
                cell.pop("id", None)
        first = cells[0] if cells else None
        titled = first is not None and first.cell_type == "markdown" and "".join(first.source).lstrip().startswith("#")
        at = 1 if titled else 0
        cells[at:at] = new
    nb.cells = cells
    return nb


def update_file(path: Path, slug: str, branch: str, folder: str, *, remove: bool = False, write: bool = True,
                **colab_options) -> bool:
    """Update one notebook file in place; returns True if it changed (or would, with write=False)."""
    path = Path(path)
    before = path.read_text(encoding="utf-8")
    nb = nbformat.reads(before, as_version=4)
    lesson_path = f"{folder}/{path.name}"
    after = nbformat.writes(updated_notebook(nb, slug, branch, lesson_path, remove=remove, **colab_options))
    if not after.endswith("\n"):
        after += "\n"
    if after == before:
        return False
    if write:
        nbformat.validate(nbformat.reads(after, as_version=4))
        path.write_text(after, encoding="utf-8")
    return True


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="launch_links.py", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    links = sub.add_parser("links", help="print the Binder badge and each lesson's Colab link")
    links.add_argument("--ref", default="HEAD",
                       help="Binder's git ref: HEAD (default) or a tag that pins one image for a workshop day")
    nbs = sub.add_parser("notebooks", help="insert or update the launch cells in lesson notebooks")
    for cmd in (links, nbs):
        cmd.add_argument("--slug", help="GitHub owner/name (default: launch.toml's)")
        cmd.add_argument("--branch", help="branch Colab opens (default: launch.toml's)")
    nbs.add_argument("paths", nargs="*", type=Path, help="notebooks (default: every lesson in notebooks/)")
    mode = nbs.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="change nothing; exit 1 if a notebook is not up to date")
    mode.add_argument("--remove", action="store_true", help="take the launch cells out")
    args = parser.parse_args(argv)

    config = load_config()
    branch = args.branch or config["branch"]
    folder = config["folder"]
    try:
        slug = check_slug(args.slug or config["slug"])
    except LaunchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    if args.command == "links":
        first = f"{folder}/{config['first']}"
        print("Binder badge for the README (opens JupyterLab on the first lesson):")
        print(binder_badge(slug, first, args.ref))
        print("\nBinder link:", binder_url(slug, first, args.ref))
        print("\nColab, lesson by lesson:")
        for path in sorted((ROOT / folder).glob(LESSON_GLOB)):
            print(f"  {path.name:<28} {colab_url(slug, branch, f'{folder}/{path.name}')}")
        print("\nColab badge for the README:", colab_badge(slug, branch, first))
        return 0

    paths = args.paths or sorted((ROOT / folder).glob(LESSON_GLOB))
    if not paths:
        print(f"error: no notebooks given and none in {ROOT / folder}", file=sys.stderr)
        return 2
    stale = []
    for path in paths:
        if update_file(path, slug, branch, folder, remove=args.remove, write=not args.check):
            stale.append(path)
            if not args.check:
                print(f"updated {path}")
    if args.check:
        for path in stale:
            print(f"not up to date: {path} (run: python workshop/launch_links.py notebooks)")
        return 1 if stale else 0
    if not stale:
        print(f"all {len(paths)} notebook(s) already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
