"""The canary scan that conftest.py runs over every lesson cell fails a lesson that leaks the key.

A throwaway notebook leaks the kernel's key three ways (a printed piece, a log record, a widget's
state) and one cell leaks nothing; pytest with nbval and this repository's conftest.py runs it.
"""
import re
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]

CELLS = {
    "clean": "import os\nimport helpers\nprint(helpers.chat('Hi', max_tokens=3).text[:40])",
    "printed": "print('the key ends', os.environ['AIML_API_KEY'][-12:])",
    "logged": "import logging\nlogging.getLogger('lesson').info('key %s', os.environ['AIML_API_KEY'][-9:-2])",
    "widget": "import ipywidgets\nbox = ipywidgets.Text(value=os.environ['AIML_API_KEY'][-20:-10])",
    "after": "print('nothing secret here')",
}


def test_a_leaking_lesson_fails_cell_by_cell(tmp_path):
    (tmp_path / "conftest.py").write_text((ROOT / "conftest.py").read_text().replace(
        'Path(__file__).resolve().parent / "tests"', repr(str(ROOT / "tests"))))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(src) for src in CELLS.values()])
    nbformat.write(nb, tmp_path / "leaky.ipynb")
    out = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env",
                          "-rA", "-o", "addopts=", "leaky.ipynb"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=240, env={**_env(), "PYTHONPATH": str(ROOT)})
    text = out.stdout + out.stderr
    results = {}
    for line in text.splitlines():
        match = re.match(r"^(PASSED|FAILED) leaky\.ipynb::(Cell \d+)", line)
        if match:
            results[match.group(2)] = match.group(1)
    assert results == {"Cell 0": "PASSED", "Cell 1": "FAILED", "Cell 2": "FAILED", "Cell 3": "FAILED",
                       "Cell 4": "PASSED"}, text[-3000:]
    assert "its outputs show the key" in text and "a log record or a widget's state" in text


def _env():
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith(("AIML_", "IPYTHONDIR", "KIT_CAPTURE"))}
