"""The documentation page's own examples, run from a lesson without the key in the cell.

Lesson 01 shows the Gemma 3 page's JavaScript example as the page prints it, and the same call as
cURL; this module runs them::

    from helpers.doc_examples import run_javascript_example, run_curl_example
    print(run_javascript_example())     # Node's output, or one line saying Node is not installed
    print(run_curl_example())

The key and the URL reach Node and curl through the environment of the child process
(``AIML_API_KEY``, ``AIML_API_BASE``), read at run time, never through the text of the code. Each
run has a time limit, and its output comes back with the key masked. A missing ``node`` or
``curl`` is reported in one line, never raised. :func:`documented_sample` is the page's own sample
response, shipped as ``helpers/data/doc_sample_response.json``.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from . import connection
from .keys import redact

__all__ = ["PAGE_JAVASCRIPT", "CURL_EXAMPLE", "ExampleRun", "javascript_to_run", "run_javascript_example",
           "run_curl_example", "documented_sample", "SAMPLE_FILE"]

#: The page's JavaScript example, character for character (tests/lessons/test_lesson01_quotes.py holds the
#: page's text and checks this copy against it).
PAGE_JAVASCRIPT = """\
async function main() {
  const response = await fetch('https://api.aimlapi.com/v1/chat/completions', {
    method: 'POST',
    headers: {
      // Insert your AIML API Key instead of <YOUR_AIMLAPI_KEY>
      'Authorization': 'Bearer <YOUR_AIMLAPI_KEY>',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      model: 'google/gemma-3-27b-it',
      messages:[{
              role:'user',
              content: 'Hi! What do you think about mankind?'}  // Insert your prompt
      ],
    }),
  });

  const data = await response.json();
  console.log(JSON.stringify(data, null, 2));
}

main();
"""

#: What cannot stay in the page's example, and what replaces it (each change marked with a comment).
_JS_CHANGES = (
    ("'https://api.aimlapi.com/v1/chat/completions', {",
     "`${process.env.AIML_API_BASE}/chat/completions`, {  // changed: the URL from the environment"),
    ("'Authorization': 'Bearer <YOUR_AIMLAPI_KEY>',",
     "'Authorization': `Bearer ${process.env.AIML_API_KEY}`,  // changed: the key from the environment"),
    ("    }),\n  });",
     "    }),\n    signal: AbortSignal.timeout(60000),  // added: give up after 60 seconds\n  });"),
)

#: The same call as cURL, for a POSIX shell: the key and URL come from the environment.
CURL_EXAMPLE = """\
curl -sS --max-time 60 "$AIML_API_BASE/chat/completions" \\
  -H "Authorization: Bearer $AIML_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{
    "model": "google/gemma-3-27b-it",
    "messages": [{"role": "user", "content": "Hi! What do you think about mankind?"}]
  }'
"""

#: The page's sample response, exactly as the page prints it (it is valid JSON).
SAMPLE_FILE = "doc_sample_response.json"

#: Seconds a whole run may take, on top of the 60 s the examples give the server.
RUN_TIMEOUT = 90


def javascript_to_run() -> str:
    """The page's JavaScript example with its URL and key read from the environment, and a timeout added."""
    code = PAGE_JAVASCRIPT
    for old, new in _JS_CHANGES:
        if code.count(old) != 1:  # the copy above changed: fail loudly rather than run something else
            raise RuntimeError(f"The page's example no longer contains {old!r} exactly once.")
        code = code.replace(old, new)
    return code


@dataclass
class ExampleRun:
    """What running one example gave: ``ran`` is False when the tool is missing (``reason`` says why)."""

    tool: str
    ran: bool
    output: str = ""
    returncode: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.ran and self.returncode == 0

    def json(self) -> Any:
        """The output parsed as JSON (the examples print the answer's JSON)."""
        return json.loads(self.output)

    def __str__(self) -> str:
        if not self.ran:
            return self.reason
        if self.ok:
            return self.output.rstrip("\n")
        return f"{self.tool} exited with status {self.returncode}:\n{self.output.rstrip()}"


def _child_env(conn) -> dict:
    return {**os.environ, "AIML_API_KEY": conn.api_key, "AIML_API_BASE": conn.base_url}


def _run(tool: str, argv: list[str], conn, cwd: str, timeout: float) -> ExampleRun:
    try:
        done = subprocess.run(argv, cwd=cwd, env=_child_env(conn), capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired:
        return ExampleRun(tool, True, f"(no answer within {timeout:g} s: stopped)", returncode=-1)
    output = done.stdout + (("\n" + done.stderr) if done.stderr.strip() else "")
    return ExampleRun(tool, True, redact(output, conn.api_key), returncode=done.returncode)


def _node_major(node: str) -> int | None:
    try:
        version = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.match(r"v(\d+)\.", version.strip())
    return int(match.group(1)) if match else None


def run_javascript_example(*, timeout: float = RUN_TIMEOUT) -> ExampleRun:
    """Run :func:`javascript_to_run` with Node (18 or newer: it needs the built-in ``fetch``)."""
    node = shutil.which("node")
    if node is None:
        return ExampleRun("node", False, reason="node is not on PATH, so the JavaScript example was not run "
                                                "(install Node.js 18 or newer to run it).")
    major = _node_major(node)
    if major is None or major < 18:
        return ExampleRun("node", False, reason=f"node {major or '(unknown version)'} has no built-in fetch, so the "
                                                "JavaScript example was not run (Node.js 18 or newer runs it).")
    conn = connection()
    with tempfile.TemporaryDirectory(prefix="aiml-js-") as tmp:
        script = Path(tmp) / "example.js"
        script.write_text(javascript_to_run(), encoding="utf-8")
        return _run("node", [node, str(script)], conn, tmp, timeout)


def run_curl_example(*, timeout: float = RUN_TIMEOUT) -> ExampleRun:
    """Run :data:`CURL_EXAMPLE` with a POSIX shell, as a terminal would (the shell expands the variables)."""
    curl, shell = shutil.which("curl"), shutil.which("sh")
    if curl is None:
        return ExampleRun("curl", False, reason="curl is not on PATH, so the cURL example was not run.")
    if shell is None:
        return ExampleRun("curl", False, reason="no POSIX shell (sh) is on PATH, so the cURL example was not run "
                                                "(on Windows, run it in Git Bash or WSL).")
    conn = connection()
    with tempfile.TemporaryDirectory(prefix="aiml-curl-") as tmp:
        return _run("curl", [shell, "-c", CURL_EXAMPLE], conn, tmp, timeout)


def documented_sample() -> dict:
    """The documentation page's own sample response (a new dict each call, so changing it changes no other)."""
    text = resources.files("helpers").joinpath("data", SAMPLE_FILE).read_text(encoding="utf-8")
    return json.loads(text)
