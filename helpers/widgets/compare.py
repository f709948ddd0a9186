"""One prompt, both models, side by side, streaming at the same time.

    from helpers.widgets import CompareWidget
    CompareWidget()
"""
from __future__ import annotations

import threading
from typing import Any

import ipywidgets as widgets

from .. import schema
from ._common import (RENDER_INTERVAL, AnswerPanel, StreamingWidget, labelled, max_tokens_box, note_html,
                      temperature_box, tokens_per_second)


class CompareWidget(StreamingWidget):
    """Send one prompt to the 4B and the 12B model at once; compare their answers and timings."""

    display_name = "Compare 4B and 12B"

    def __init__(self, client: Any = None, *, prompt: str = "", models: tuple[str, ...] = schema.MODELS,
                 extra_headers: dict | None = None, render_interval: float = RENDER_INTERVAL):
        super().__init__(client, extra_headers=extra_headers)
        self.models = tuple(models)
        self.prompt = labelled(widgets.Textarea(
            value=prompt, description="Prompt", rows=3,
            placeholder="One prompt for both models, for example: Explain recursion in two sentences",
            layout=widgets.Layout(width="100%")), "The prompt both models answer")
        self.max_tokens = max_tokens_box()
        self.temperature = temperature_box()
        self._make_send_and_stop("Send to both", "Send the prompt to both models at the same time", "Stop both answers")
        self.panels = {model: AnswerPanel(model, render_interval=render_interval, min_height="8em")
                       for model in self.models}
        for panel in self.panels.values():  # equal columns that share the row
            panel.box.layout = widgets.Layout(flex="1 1 0", min_width="0")
        self.summary = widgets.HTML()
        self._lock = threading.Lock()
        self._running = 0
        self._generation = 0
        self.widget = widgets.VBox([
            self.badge,
            self.prompt,
            widgets.HBox([self.max_tokens, self.temperature], layout=widgets.Layout(flex_flow="row wrap")),
            widgets.HBox([self.send_button, self.stop_button]),
            widgets.HBox([p.box for p in self.panels.values()],
                         layout=widgets.Layout(width="100%", align_items="flex-start", grid_gap="12px")),
            self.summary,
        ])
        self.widget.add_class("gemma-compare")
        self._update_badge()

    def _answer_panels(self) -> list[AnswerPanel]:
        return list(self.panels.values())

    def send(self) -> bool:
        """Start both models on the prompt, each on its own thread."""
        client = self._update_badge()
        if client is None:
            return False
        self.stop()
        self.summary.value = ""
        params = {"max_tokens": int(self.max_tokens.value), "temperature": float(self.temperature.value)}
        with self._lock:
            self._generation += 1
            generation = self._generation
            self._running = len(self.panels)
        started = 0
        self._show_running(True)  # before the answers start: a fast pair may finish (and re-enable Send) first
        for model, panel in self.panels.items():
            if panel.start(client, self.prompt.value, model=model, params=params,
                           extra_headers=self.extra_headers or None,
                           on_done=lambda p, g=generation: self._one_finished(p, g)):
                started += 1
            else:  # a panel that did not start will not finish: count it done now
                self._one_finished(panel, generation)
        return started == len(self.panels)

    def _one_finished(self, _panel: AnswerPanel, generation: int) -> None:
        with self._lock:
            if generation != self._generation:
                return  # a late answer from an earlier Send
            self._running -= 1
            last = self._running <= 0
        if last:
            self._show_running(False)
            self.summary.value = self.summary_html()

    def summary_html(self) -> str:
        """Which model answered first and faster, once both have finished."""
        done = [(m, p.result) for m, p in self.panels.items() if p.result is not None]
        if len(done) < 2:
            return ""
        lines = []
        first = min(done, key=lambda d: d[1].time_to_first_token_s or float("inf"))
        total = min(done, key=lambda d: d[1].latency_s or float("inf"))
        lines.append(f"First token first: {first[0]}. Finished first: {total[0]}.")
        rates = [(m, tokens_per_second(r)) for m, r in done]
        if all(rate is not None for _, rate in rates):
            lines.append("Generation speed: " + ", ".join(f"{m} {rate:.0f} tokens/s" for m, rate in rates) + ".")
        return note_html(" ".join(lines))

    @property
    def results(self) -> dict:
        return {model: panel.result for model, panel in self.panels.items()}

    @property
    def texts(self) -> dict:
        return {model: panel.text for model, panel in self.panels.items()}
