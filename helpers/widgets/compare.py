"""One prompt, both models, side by side, streaming at the same time.

    from helpers.widgets import CompareWidget
    CompareWidget()
"""
from __future__ import annotations

import threading
from typing import Any

import ipywidgets as widgets

from .. import schema
from ..client import get_client
from ._common import (RENDER_INTERVAL, AnswerPanel, error_html, friendly_error, labelled, mode_badge, note_html,
                      tokens_per_second, widget_bundle)
from .playground import DEFAULTS, MAX_TOKENS_LIMIT, param_range


class CompareWidget:
    """Send one prompt to the 4B and the 12B model at once; compare their answers and timings."""

    def __init__(self, client: Any = None, *, prompt: str = "", models: tuple[str, ...] = schema.MODELS,
                 extra_headers: dict | None = None, render_interval: float = RENDER_INTERVAL):
        self._client = client
        #: Extra HTTP headers sent with each request.
        self.extra_headers = dict(extra_headers or {})
        self.models = tuple(models)
        self.prompt = labelled(widgets.Textarea(
            value=prompt, description="Prompt", rows=3,
            placeholder="One prompt for both models, for example: Explain recursion in two sentences",
            layout=widgets.Layout(width="100%")), "The prompt both models answer")
        low, high = param_range("max_tokens", MAX_TOKENS_LIMIT)
        self.max_tokens = labelled(widgets.BoundedIntText(value=DEFAULTS["max_tokens"], min=low, max=high,
                                                          description="max_tokens", layout=widgets.Layout(width="15em")),
                                   f"max_tokens: {schema.PARAMS['max_tokens'].help}")
        low, high = param_range("temperature")
        self.temperature = labelled(widgets.BoundedFloatText(value=DEFAULTS["temperature"], min=low, max=high, step=0.1,
                                                             description="temperature", layout=widgets.Layout(width="15em")),
                                    f"temperature: {schema.PARAMS['temperature'].help}")
        self.send_button = widgets.Button(description="Send to both", button_style="primary", icon="paper-plane",
                                          tooltip="Send the prompt to both models at the same time")
        self.stop_button = widgets.Button(description="Stop", button_style="warning", icon="stop", disabled=True,
                                          tooltip="Stop both answers")
        self.send_button.on_click(lambda _b: self.send())
        self.stop_button.on_click(lambda _b: self.stop())
        self.badge = widgets.HTML()
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

    @property
    def client(self) -> Any:
        return self._client if self._client is not None else get_client()

    def _update_badge(self) -> Any:
        try:
            client = self.client
        except Exception as exc:
            self.badge.value = error_html(friendly_error(exc))
            return None
        self.badge.value = mode_badge(client)
        return client

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
        for model, panel in self.panels.items():
            if panel.start(client, self.prompt.value, model=model, params=params,
                           extra_headers=self.extra_headers or None,
                           on_done=lambda p, g=generation: self._one_finished(p, g)):
                started += 1
        if started:
            self.send_button.disabled = True
            self.stop_button.disabled = False
        return started == len(self.panels)

    def _one_finished(self, _panel: AnswerPanel, generation: int) -> None:
        with self._lock:
            if generation != self._generation:
                return  # a late answer from an earlier Send
            self._running -= 1
            last = self._running <= 0
        if last:
            self.send_button.disabled = False
            self.stop_button.disabled = True
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

    def stop(self) -> None:
        for panel in self.panels.values():
            panel.stop()
        self.send_button.disabled = False
        self.stop_button.disabled = True

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for both answers; True when both have finished."""
        return all([panel.wait(timeout) for panel in self.panels.values()])

    @property
    def results(self) -> dict:
        return {model: panel.result for model, panel in self.panels.items()}

    @property
    def texts(self) -> dict:
        return {model: panel.text for model, panel in self.panels.items()}

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return widget_bundle(self.widget, "Compare 4B and 12B", **kwargs)


def compare_widget(client: Any = None, **kwargs: Any) -> CompareWidget:
    """A new :class:`CompareWidget`."""
    return CompareWidget(client, **kwargs)

