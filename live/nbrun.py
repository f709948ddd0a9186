"""Run one lesson notebook top to bottom in a fresh kernel, as a learner's "Run all" would."""
from __future__ import annotations

import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from helpers.workshop import LESSON_GLOB

ROOT = Path(__file__).resolve().parent.parent
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class NotebookRun:
    """How one notebook went: ``ok``, seconds, and for a failure the cell and the error."""

    path: Path
    ok: bool
    seconds: float
    failed_cell: int | None = None
    error: str = ""

    @property
    def lesson(self) -> str:
        return self.path.stem


def lesson_notebooks(folder: Path) -> list[Path]:
    """The numbered lessons in ``folder`` (``NN_name.ipynb``), in order."""
    return sorted(Path(folder).glob(LESSON_GLOB))


def _first_error_cell(nb) -> int | None:
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return index
    return None


def execute_notebook(path: Path, *, cell_timeout: float = 120.0, kernel_name: str = "python3") -> NotebookRun:
    """Execute ``path`` in its own folder (so relative paths work); never raises for a failing cell.

    The kernel inherits this process's environment: set ``AIML_API_BASE``/``AIML_API_KEY`` first.
    The repository root goes first on the kernel's ``PYTHONPATH`` so that ``import helpers``
    finds this checkout's package whatever the state of the virtual environment's install.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    path = Path(path)
    started = time.monotonic()
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # noqa: BLE001 - a broken file is a failed lesson, not a crash
        return NotebookRun(path, False, 0.0, None, f"cannot read the notebook: {exc}")
    client = NotebookClient(nb, timeout=cell_timeout, kernel_name=kernel_name, allow_errors=False,
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + ([saved] if saved else []))
    log = tempfile.TemporaryFile()  # the kernel's own stderr: shown only when the kernel fails
    try:
        client.execute(stderr=log)
    except CellTimeoutError as exc:
        error = f"a cell ran over {cell_timeout:g} s: {str(exc).strip().splitlines()[-1] if str(exc).strip() else ''}"
        return NotebookRun(path, False, time.monotonic() - started, _running_cell(client), error)
    except CellExecutionError as exc:
        evalue = _ANSI.sub("", exc.evalue or "").strip().splitlines()
        error = f"{exc.ename}: {evalue[0] if evalue else ''}".strip()
        return NotebookRun(path, False, time.monotonic() - started, _first_error_cell(nb), error)
    except DeadKernelError as exc:
        return NotebookRun(path, False, time.monotonic() - started, _running_cell(client),
                           f"the kernel died: {exc}{_tail(log)}")
    except Exception as exc:  # noqa: BLE001 - e.g. the kernel would not start
        return NotebookRun(path, False, time.monotonic() - started, None, f"{type(exc).__name__}: {exc}{_tail(log)}")
    finally:
        log.close()
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved
    return NotebookRun(path, True, time.monotonic() - started)


def _tail(log) -> str:
    try:
        log.seek(0)
        lines = [ln for ln in log.read().decode("utf-8", "replace").splitlines() if ln.strip()
                 and "without encryption" not in ln]
    except (OSError, ValueError):
        return ""
    return f" (kernel said: {lines[-1][:200]})" if lines else ""


def _running_cell(client) -> int | None:
    for index, cell in enumerate(client.nb.cells):
        if cell.get("cell_type") == "code" and cell.get("execution_count") is None and cell.get("source", "").strip():
            return index
    return None
