"""The test run's canary key, and the scan for it (or any piece of it longer than 4 characters).

The session's practice server accepts only this key, every lesson kernel holds it, and every output,
log record and widget state the lessons produce is scanned for it (conftest.py) as nbval runs them.
"""
from __future__ import annotations

import json
from pathlib import Path

from helpers import keys

#: Mixed case and digits after the practice prefix: no id or word on screen shares a 5-character piece with it.
SECRET = "Zq7xKvW3pLm9TnR4bYc8HdJ2fGs6QaE5"
CANARY = keys.PRACTICE_KEY_PREFIX + SECRET
MASKED = keys.mask_key(CANARY)  # "****QaE5": the only form that may ever be shown
PIECE = 5  # "unmasked fragments longer than 4 characters"
FRAGMENTS = {SECRET[i:i + PIECE] for i in range(len(SECRET) - PIECE + 1)}
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml", "application/pdf")


def leaks(text: str) -> list[str]:
    """The canary, or any piece of its secret part longer than 4 characters, found in ``text``."""
    if SECRET in text:
        return [SECRET]
    return sorted(f for f in FRAGMENTS if f in text)


def output_leaks(outputs: list) -> list[str]:
    """Leaks in a cell's outputs. A base64 image is random text where a 5-character piece turns up by
    chance, so images are searched for the whole key only."""
    found = []
    for output in outputs or []:
        output = dict(output)
        data = dict(output.get("data") or {})
        for kind in IMAGE_TYPES:
            if SECRET in str(data.pop(kind, "")):
                found.append(SECRET)
        output["data"] = data
        found += leaks(json.dumps(output, ensure_ascii=False, default=str))
    return sorted(set(found))


class CaptureReader:
    """Reads what the lesson kernels' capture (startup file below) wrote since the last read."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._offsets: dict[Path, int] = {}

    def new_text(self) -> str:
        parts = []
        for path in sorted(self.folder.glob("kernel-*.log")):
            with path.open("rb") as f:
                f.seek(self._offsets.get(path, 0))
                data = f.read()
            self._offsets[path] = self._offsets.get(path, 0) + len(data)
            parts.append(data.decode("utf-8", "replace"))
        return "".join(parts)


#: Runs in every lesson kernel (IPython startup file): every log record, and the state of every widget
#: after each cell, go to a file the scan reads.
KERNEL_CAPTURE = '''\
import json as _json, logging as _logging, os as _os, sys as _sys
_kit_capture = _os.path.join(_os.environ["KIT_CAPTURE_DIR"], "kernel-%d.log" % _os.getpid())
_kit_handler = _logging.FileHandler(_kit_capture, encoding="utf-8")
_kit_handler.setFormatter(_logging.Formatter("%(name)s %(levelname)s %(message)s"))
_logging.getLogger().addHandler(_kit_handler)
_logging.getLogger().setLevel(_logging.DEBUG)
for _noisy in ("matplotlib", "PIL", "asyncio", "parso", "traitlets", "comm", "tornado", "markdown_it"):
    _logging.getLogger(_noisy).setLevel(_logging.WARNING)


_kit_seen = {}


def _kit_dump_widgets(*_):  # each widget's state when it is new or has changed since the last cell
    module = _sys.modules.get("ipywidgets.widgets.widget")
    if module is None:
        return
    with open(_kit_capture, "a", encoding="utf-8") as f:
        for model_id, widget in list(getattr(module, "_instances", {}).items()):
            try:
                state = _json.dumps(widget.get_state(), default=repr)
            except Exception as exc:
                state = "unreadable: %r" % (exc,)
            if _kit_seen.get(model_id) != state:
                _kit_seen[model_id] = state
                f.write("widget " + state + "\\n")


get_ipython().events.register("post_run_cell", _kit_dump_widgets)
'''


def install_kernel_capture(ipython_dir: Path, capture_dir: Path) -> dict:
    """Write the startup file; returns the environment variables that make kernels run it."""
    startup = ipython_dir / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    (startup / "00-kit-capture.py").write_text(KERNEL_CAPTURE, encoding="utf-8")
    capture_dir.mkdir(parents=True, exist_ok=True)
    return {"IPYTHONDIR": str(ipython_dir), "KIT_CAPTURE_DIR": str(capture_dir)}
