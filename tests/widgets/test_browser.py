"""End to end in a real browser: JupyterLab opens lesson 11, runs it, and a person's clicks work.

Debian's Chromium (``apt-get install -y chromium``) driven by Playwright, JupyterLab on loopback,
the practice server as the API. Checks what only a browser shows: the widgets render, the key
box is emptied once Check has read it, the playground is clean after Run All (the lesson's own
demonstrations leave nothing in it), and a prompt typed into it streams back with its line
breaks shown.
A screenshot lands in test-artifacts/ (gitignored) whether it passes or fails.
"""
from __future__ import annotations

import hashlib
import re

import pytest

from helpers.practice import SIMULATED_MARKER, PracticeServer

from support.browser import (CHROMIUM, CHROMIUM_ARGS, ROOT, JupyterLab, dismiss_dialogs, require_browser,
                             screenshot, wait_for_idle_kernel)

NOTEBOOK = "notebooks/11_playground.ipynb"
PROMPT = "Write a haiku about the Golden Gate Bridge"  # the practice server writes its verse a line at a time
#: True once run-all has finished: JupyterLab sets a code cell's execution count when its reply arrives.
ALL_CELLS_RAN = ("() => { const cells = Array.from(window.jupyterapp.shell.currentWidget.content.model.cells)"
                 ".filter(c => c.type === 'code'); return cells.length > 0 && cells.every(c => c.executionCount); }")
STEP_MS = 60_000  # the longest any single step may take (a bound, not a measurement)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.timeout(240)
def test_lesson_11_in_jupyterlab_streams_a_typed_prompt():
    sync_playwright = require_browser()
    notebook = ROOT / NOTEBOOK
    before = _digest(notebook)
    with PracticeServer(latency=0.1) as srv:
        env = {"AIML_API_BASE": srv.base_url, "AIML_API_KEY": srv.key, "AIML_PRACTICE_LATENCY": "0.1"}
        with JupyterLab(env=env) as lab, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            try:
                _drive(page, lab, srv)
            except BaseException:
                shot = screenshot(page, "browser-11_playground-failed.png")
                print(f"screenshot: {shot}\nJupyterLab log:\n{lab.log_tail()}")
                raise
            else:
                page.locator(".gemma-playground").scroll_into_view_if_needed()
                screenshot(page, "browser-11_playground.png")
            finally:
                browser.close()
        assert not lab.leftovers()
    assert _digest(notebook) == before, "the browser test changed the committed notebook"


def _drive(page, lab: JupyterLab, srv: PracticeServer) -> None:
    page.set_default_timeout(STEP_MS)
    page.goto(lab.url(f"lab/tree/{NOTEBOOK}"))
    page.wait_for_selector(".jp-NotebookPanel", state="visible")
    wait_for_idle_kernel(page)
    dismiss_dialogs(page)
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")  # not awaited

    # The key widget: the box empties itself as soon as the key reaches the kernel; Check still works.
    key_widget = page.locator(".gemma-key")
    password = key_widget.get_by_label("API key")  # a real <label for=...>: what a screen reader reads
    password.wait_for(state="visible")
    dismiss_dialogs(page)
    practice_box = key_widget.get_by_role("checkbox", name=re.compile("practice server"))
    key_widget.get_by_text("Practice mode: simulated answers").wait_for()
    assert practice_box.is_checked(), "the badge says practice mode, the box says otherwise"
    assert page.locator(".jupyter-widgets input[type=password]").count() == 1
    password.fill(srv.key)
    password.press("Tab")  # leaving the box sends its value to the kernel
    page.wait_for_function("(el) => el.placeholder.startsWith('key received')", arg=password.element_handle())
    assert password.input_value() == "", "the key box still holds the key after the kernel took it"
    key_widget.locator("button.jupyter-button", has_text="Check").click()
    key_widget.get_by_text("The lessons now use it").wait_for()
    assert "****0000" in key_widget.inner_text() and srv.key not in key_widget.inner_text()
    assert password.input_value() == ""

    # Run-all goes on in the kernel meanwhile (lesson cells send through the same playground): wait until every
    # code cell has its execution count, or a click queued behind them would be answered after the checks below.
    page.wait_for_function(ALL_CELLS_RAN)
    wait_for_idle_kernel(page)

    # The playground after Run All: the lesson drove it from code (temperature 1.5, max_tokens 60, Show code),
    # then reset it: the learner finds the widget's defaults and no answer, stats line or code.
    playground = page.locator(".gemma-playground")
    prompt = playground.get_by_label("Prompt")
    prompt.wait_for(state="visible")
    for label, value in (("temperature", "0.7"), ("top_p", "1"), ("max_tokens", "512")):
        assert playground.get_by_label(label, exact=True).input_value() == value, label
    answer = playground.locator(".gemma-answer")
    assert answer.inner_text().strip() == "", "the lesson's own answer is still in the playground"
    assert "first token" not in playground.inner_text() and "body = {" not in playground.inner_text()
    assert playground.get_by_role("button", name="Stop").is_disabled()

    # A typed prompt, Send, and the streamed answer in the output area, a line on screen for each line of verse.
    prompt.fill(PROMPT)
    playground.locator("button.jupyter-button", has_text="Send").click()
    playground.get_by_text(re.compile(r"first token \d")).wait_for()  # the stream finished
    answer.get_by_text(SIMULATED_MARKER.strip()).wait_for()
    lines = [line for line in answer.inner_text().splitlines() if line.strip()]
    assert len(lines) >= 4 and answer.locator("br").count() >= 2, lines  # the lead, then three lines or more
    assert "<br" not in answer.inner_text()
    assert "Practice mode" in playground.inner_text()
    sent = [r["body"] for r in srv.requests if r["path"].endswith("/chat/completions") and r["body"]]
    assert any(b["messages"] == [{"role": "user", "content": PROMPT}] and b.get("stream") for b in sent)

    # The rest of the lesson ran too: both models answered in the comparison.
    compare = page.locator(".gemma-compare")
    assert compare.locator(".gemma-answer").count() == 2
    assert page.locator(".widget-output, .jp-OutputArea-output").count() >= 1
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
