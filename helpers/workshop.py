"""Workshop tools: your own copies of the lessons, a zip to take home, the key on Google Colab,
and a switch to the practice server that needs no kernel restart.

From a terminal in the kit's folder (or a notebook cell starting with ``!``)::

    python -m helpers.workshop copy      # notebooks/ -> my-work/, never overwriting your copies
    python -m helpers.workshop status    # which of your copies the kit has updated since
    python -m helpers.workshop pack      # my-work.zip, to download before a Binder session ends

Why: ``git pull`` updates ``notebooks/``. If you edit and run the lessons there, your changes
collide with the kit's updates. Work in ``my-work/`` instead (git ignores it): ``git pull`` never
touches it, and ``copy`` run again after a pull adds the new lessons and puts the kit's newer
version of a lesson you already have *beside* your copy, as ``NN_name.kit-<version>.ipynb``.
The going-further notebooks (``notebooks/further/``) are lessons here too: copied to
``my-work/further/``, so the links between them and the core lessons keep working in your copy.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

#: The core lessons: ``NN_name.ipynb`` directly in notebooks/ (the going-further ones are in its further/).
LESSON_GLOB = "[0-9][0-9]_*.ipynb"
#: The folder your copies go to, beside notebooks/ (listed in .gitignore).
DEFAULT_DEST = "my-work"
#: Inside my-work/: which version of each lesson your copy started from.
MANIFEST = ".kit-versions.json"
#: Never copied: caches, checkpoints, and anything that may hold a key.
SKIP_NAMES = {".ipynb_checkpoints", "__pycache__", ".env", ".DS_Store", MANIFEST}
#: Environment variables mybinder.org sets in every session.
BINDER_VARIABLES = ("BINDER_LAUNCH_HOST", "BINDER_REPO_URL", "BINDER_REQUEST")


class WorkshopError(Exception):
    """A problem with the learner's folders, with a message saying what to do next."""


# --------------------------------------------------------------------------- where things are


def find_lessons_dir(start: str | os.PathLike | None = None) -> Path:
    """The kit's ``notebooks/`` folder: searched upwards from ``start`` (default: the working directory).

    Works from the kit's root, from ``notebooks/`` itself and from ``my-work/``.
    """
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if folder.name == "notebooks" and any(folder.glob(LESSON_GLOB)):
            return folder
        candidate = folder / "notebooks"
        if candidate.is_dir() and any(candidate.glob(LESSON_GLOB)):
            return candidate
    raise WorkshopError(
        f"Cannot find the lessons (a notebooks/ folder holding {LESSON_GLOB} files) in {here} or above it. "
        "Run this from inside the kit's folder, or pass --source PATH/TO/notebooks.")


def lesson_version(path: str | os.PathLike) -> str:
    """A short fingerprint of a lesson's cells (types and sources only: outputs and metadata don't count)."""
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
        cells = [(c.get("cell_type"), "".join(c.get("source", ""))) for c in nb.get("cells", [])]
    except (OSError, ValueError, AttributeError, TypeError) as exc:
        raise WorkshopError(f"{path} is not a readable notebook ({exc}). Restore it from git, then try again."
                            ) from None
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode("utf-8")).hexdigest()[:10]


def on_binder() -> bool:
    """True in a mybinder.org session (whose files vanish when it ends)."""
    return any(os.environ.get(name) for name in BINDER_VARIABLES)


def on_colab() -> bool:
    """True in a Google Colab runtime."""
    return "google.colab" in sys.modules


# --------------------------------------------------------------------------- copying


@dataclass
class CopyReport:
    """What ``copy_lessons`` did, file by file (paths relative to the destination)."""

    dest: Path
    #: The kit's top folder (the one holding notebooks/).
    kit: Path | None = None
    copied: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    #: ``(your copy, the kit's newer version saved beside it)``
    updated_beside: list[tuple[str, str]] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"Your copies are in {self.dest}"]
        if self.copied:
            lines.append(f"  copied {len(self.copied)} lesson(s): " + ", ".join(self.copied))
        if self.kept:
            lines.append(f"  kept {len(self.kept)} copy(ies) you already had, untouched")
        for mine, theirs in self.updated_beside:
            lines.append(f"  the kit updated {mine}: yours is kept; the new version is beside it as {theirs}")
        if self.assets:
            lines.append(f"  copied {len(self.assets)} file(s) the lessons use (images and such)")
        if not (self.copied or self.updated_beside or self.assets):
            lines.append("  nothing new: every lesson already has your copy")
        lines.append("Open the lessons from that folder. `git pull` never touches it.")
        if self.kit is not None and not self.dest.is_relative_to(self.kit):
            lines.append(f"Note: this folder is outside the kit ({self.kit}), so the lessons will not find its "
                         ".env and .env.example there. Prefer a folder inside it, such as my-work/.")
        if on_binder():
            lines.append("On Binder this folder is deleted when the session ends: "
                         "run `python -m helpers.workshop pack` and download my-work.zip before you leave.")
        return "\n".join(lines)


def _read_manifest(dest: Path) -> dict:
    path = dest / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_manifest(dest: Path, manifest: dict) -> None:
    tmp = dest / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(dest / MANIFEST)


def _files(source: Path):
    """Every file under ``source`` a learner may use, relative to it: no checkpoints, caches or hidden files."""
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if path.is_file() and not any(part in SKIP_NAMES or part.startswith(".") for part in rel.parts):
            yield rel


def course_notebooks(source: str | os.PathLike) -> list[Path]:
    """Every notebook of the course under ``source`` (the kit's notebooks/): the core lessons and the
    going-further ones in its subfolders, as paths relative to ``source``."""
    return [rel for rel in _files(Path(source)) if rel.suffix == ".ipynb"]


def _assets(source: Path):
    """Files under notebooks/ that lessons read (images...), not the notebooks themselves."""
    return (rel for rel in _files(source) if rel.suffix != ".ipynb")


def copy_lessons(dest: str | os.PathLike | None = None, source: str | os.PathLike | None = None) -> CopyReport:
    """Copy the lessons (and the files they use) into ``dest``, never overwriting anything there.

    ``source`` defaults to the kit's notebooks/ (found from the working directory), ``dest`` to
    ``my-work/`` beside it. Every notebook under ``source`` is a lesson, the going-further ones in
    further/ included, and keeps its place (``my-work/further/...``). Run it again after ``git pull``:
    new lessons are copied; for a lesson you already have whose kit version changed since your copy,
    the new version is written beside yours as ``NN_name.kit-<version>.ipynb``.
    """
    source = Path(source).resolve() if source else find_lessons_dir()
    lessons = course_notebooks(source)
    if not lessons:
        raise WorkshopError(f"No lessons (.ipynb notebooks) in {source}: pass --source PATH/TO/notebooks.")
    dest = Path(dest).resolve() if dest else source.parent / DEFAULT_DEST
    if dest == source or dest.is_relative_to(source):
        raise WorkshopError("The destination is the lessons folder itself or inside it: pick a folder beside it, "
                            "such as my-work.")
    if dest.exists() and not dest.is_dir():
        raise WorkshopError(f"{dest} exists and is not a folder: move it away or pass --dest OTHER_FOLDER.")
    dest.mkdir(parents=True, exist_ok=True)
    report = CopyReport(dest, kit=source.parent)
    manifest = _read_manifest(dest)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")

    for rel in lessons:
        name = rel.as_posix()  # "00_setup.ipynb", "further/billing_by_hand.ipynb": the manifest's keys
        version = lesson_version(source / rel)
        target = dest / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            _copy_new(source / rel, target)
            manifest[name] = {"kit_version": version, "copied": now}
            report.copied.append(name)
            continue
        report.kept.append(name)
        started_from = manifest.get(name, {}).get("kit_version")
        if started_from and started_from != version:
            beside = rel.with_name(f"{rel.stem}.kit-{version}.ipynb")
            if not (dest / beside).exists():
                _copy_new(source / rel, dest / beside)
                report.updated_beside.append((name, beside.as_posix()))
    for rel in _assets(source):
        target = dest / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            _copy_new(source / rel, target)
            report.assets.append(str(rel))
    _write_manifest(dest, manifest)
    return report


def _copy_new(src: Path, target: Path) -> None:
    """Copy ``src`` to ``target``, refusing (not overwriting) if ``target`` appeared meanwhile."""
    with open(src, "rb") as fin, open(target, "xb") as fout:
        shutil.copyfileobj(fin, fout)


@dataclass
class LessonStatus:
    name: str
    state: str  # "not copied" | "up to date" | "kit updated" | "yours (origin unknown)"


def status(dest: str | os.PathLike | None = None, source: str | os.PathLike | None = None) -> list[LessonStatus]:
    """For each lesson (going-further ones included): not copied yet, your copy is of the current version, or the
    kit updated it since."""
    source = Path(source).resolve() if source else find_lessons_dir()
    dest = Path(dest).resolve() if dest else source.parent / DEFAULT_DEST
    manifest = _read_manifest(dest)
    result = []
    for rel in course_notebooks(source):
        name = rel.as_posix()
        if not (dest / rel).exists():
            state = "not copied"
        else:
            started_from = manifest.get(name, {}).get("kit_version")
            if started_from is None:
                state = "yours (origin unknown)"
            elif started_from == lesson_version(source / rel):
                state = "up to date"
            else:
                state = "kit updated"
        result.append(LessonStatus(name, state))
    return result


def pack(dest: str | os.PathLike | None = None) -> Path:
    """Zip your copies into ``my-work/my-work.zip`` (inside the folder git ignores); returns its path."""
    import zipfile

    dest = Path(dest).resolve() if dest else find_lessons_dir().parent / DEFAULT_DEST
    if not dest.is_dir() or not any(dest.iterdir()):
        raise WorkshopError(f"Nothing to pack: {dest} is missing or empty. "
                            "Run `python -m helpers.workshop copy` first.")
    archive = dest / f"{dest.name}.zip"
    partial = archive.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(dest.rglob("*")):
            rel = path.relative_to(dest)
            if path in (archive, partial) or not path.is_file():
                continue
            if any(part in (".ipynb_checkpoints", "__pycache__", ".env") for part in rel.parts):
                continue
            zf.write(path, Path(dest.name) / rel)
    partial.replace(archive)
    return archive


# --------------------------------------------------------------------------- Google Colab


def use_colab_secret(name: str = "AIML_API_KEY") -> str:
    """On Google Colab: copy the key saved in Colab's secrets into the environment.

    Colab keeps secrets under the key icon in its left bar; each needs "Notebook access"
    switched on. Without the secret the lessons run in practice mode. Returns the mode,
    ``"practice"`` or ``"real"``. Prints one line; the key itself is shown masked.
    """
    from . import keys, routing

    try:
        from google.colab import userdata  # type: ignore[import-not-found]
    except ImportError:
        print("Not on Google Colab: nothing to do here (the kit reads AIML_API_KEY or .env as usual).")
        return routing.mode()
    if os.environ.get(name, "").strip():
        print(f"{name} is already set ({keys.mask_key(os.environ[name].strip())}): real mode.")
        return routing.reload().mode
    try:
        value = (userdata.get(name) or "").strip()
    except Exception as exc:  # SecretNotFoundError, NotebookAccessError, TimeoutException...
        value = ""
        why = type(exc).__name__
    else:
        why = "the secret is empty"
    if not value:
        print(f"No usable Colab secret {name} ({why}): practice mode, with simulated answers. "
              f"For real answers: click the key icon in Colab's left bar, add a secret named {name} "
              "holding your key, switch on its 'Notebook access', then run this cell again.")
        return routing.reload().mode
    os.environ[name] = value
    print(f"Key {keys.mask_key(value)} read from Colab's secrets: real mode (calls cost credits).")
    return routing.reload().mode  # a client that reads the key


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.workshop",
        description="Keep your own copies of the lessons, safe from `git pull`.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (("copy", "copy the lessons into my-work/ (never overwrites your copies)"),
                       ("status", "which of your copies the kit has updated since you made them"),
                       ("pack", "zip my-work/ into my-work.zip, to download")):
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument("--dest", help=f"your folder (default: {DEFAULT_DEST}/ beside notebooks/)")
        if name != "pack":
            cmd.add_argument("--source", help="the kit's lessons (default: the notebooks/ folder found from here)")
    args = parser.parse_args(argv)
    try:
        if args.command == "copy":
            print(copy_lessons(args.dest, args.source))
        elif args.command == "status":
            rows = status(args.dest, args.source)
            width = max(len(r.name) for r in rows) if rows else 0
            for row in rows:
                print(f"{row.name:<{width}}  {row.state}")
            if any(r.state == "kit updated" for r in rows):
                print("Run `python -m helpers.workshop copy` to put the kit's new versions beside your copies.")
        else:
            print(f"Packed into {pack(args.dest)}: download it (right-click it in the file browser, Download).")
    except WorkshopError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
