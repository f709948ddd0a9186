"""A conversation: every turn sends the whole history (user and assistant messages) and tallies the cost.

    from helpers.widgets import ChatWidget
    ChatWidget()
"""
from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from .. import schema
from ..cost import CostTally
from ..money import format_usd
from ._common import (RENDER_INTERVAL, AnswerPanel, StreamingWidget, labelled, max_tokens_box, render_markdown,
                      temperature_box)

_USER_STYLE = ("margin:6px 0 2px 20%;padding:4px 10px;border-radius:8px;background:var(--jp-layout-color2, #eef);"
               "white-space:pre-wrap")


def transcript_html(history: list[dict]) -> str:
    """The conversation so far: the learner's turns as escaped text, the model's as safe Markdown."""
    return "".join(user_html(m["content"]) if m["role"] == "user" else assistant_html(m["content"])
                   for m in history)


def user_html(text: str) -> str:
    return f'<div style="{_USER_STYLE}"><b>You:</b> {html.escape(text)}</div>'


def assistant_html(text: str) -> str:
    return ('<div style="margin:6px 20% 2px 0;padding-left:8px;border-left:3px solid '
            f'var(--jp-brand-color1, #1976d2)"><b>Gemma:</b>{render_markdown(text)}</div>')


class ChatWidget(StreamingWidget):
    """A multi-turn chat with Gemma: history, Clear, and a running tally of tokens and cost."""

    display_name = "Chat"

    def __init__(self, client: Any = None, *, model: str = schema.DEFAULT_MODEL,
                 extra_headers: dict | None = None, render_interval: float = RENDER_INTERVAL):
        super().__init__(client, extra_headers=extra_headers)
        self.history: list[dict] = []
        self.tally = CostTally()
        self._pending: str | None = None
        self.panel = AnswerPanel(render_interval=render_interval, min_height="6em")
        self.panel.body_renderer = assistant_html  # the answer area shows the whole conversation
        self.message = labelled(widgets.Textarea(
            description="Message", rows=2, placeholder="Write a message, then press Send",
            layout=widgets.Layout(width="100%")), "Your next message in the conversation")
        self.model = labelled(widgets.Dropdown(options=list(schema.MODELS), value=model, description="Model",
                                               layout=widgets.Layout(width="22em")),
                              "Which Gemma 3 model answers")
        self.max_tokens = max_tokens_box()
        self.temperature = temperature_box()
        self._make_send_and_stop("Send", "Send your message with the conversation so far",
                                 "Stop the answer that is streaming")
        self.clear_button = widgets.Button(description="Clear", icon="trash",
                                           tooltip="Forget the conversation and start again")
        self.clear_button.on_click(lambda _b: self.clear())
        self.tally_label = widgets.HTML()
        self.widget = widgets.VBox([
            self.badge,
            widgets.HBox([self.model, self.max_tokens, self.temperature], layout=widgets.Layout(flex_flow="row wrap")),
            self.panel.box,
            self.message,
            widgets.HBox([self.send_button, self.stop_button, self.clear_button]),
            self.tally_label,
        ])
        self.widget.add_class("gemma-chat")
        self._update_badge()
        self._update_tally()

    def _answer_panels(self) -> list[AnswerPanel]:
        return [self.panel]

    def _update_tally(self) -> None:
        turns = sum(1 for m in self.history if m["role"] == "user")
        tally = self.tally
        text = (f"{turns} turn{'s' if turns != 1 else ''} · {tally.total_tokens} tokens · "
                f"cost {format_usd(tally.total_usd)}")
        if tally.simulated_calls:
            text += " (practice server: simulated prices)"
        if tally.unknown_cost_calls:
            text += f" · {tally.unknown_cost_calls} answer(s) without a cost"
        self.tally_label.value = f"<span>{html.escape(text)}</span>"

    def send(self, text: str | None = None) -> bool:
        """Send ``text`` (default: the message box) with the whole conversation so far."""
        client = self._update_badge()
        if client is None:
            return False
        text = self.message.value if text is None else text
        if self.panel.running:
            self.panel.show_error("Wait for the answer (or press Stop) before sending the next message.")
            return False
        if not text.strip():
            self.panel.show_error("Write a message first.")
            return False
        messages = self.history + [{"role": "user", "content": text}]
        self._pending = text
        self.panel.before_html = transcript_html(self.history) + user_html(text)
        # The box is emptied before the call starts: a quick failure puts the message back from the
        # answer's thread, which must not find it still there and then see it cleared.
        self.message.value = ""
        self._show_running(True)
        started = self.panel.start(client, messages, model=self.model.value,
                                   params={"max_tokens": int(self.max_tokens.value),
                                           "temperature": float(self.temperature.value)},
                                   extra_headers=self.extra_headers or None, on_done=self._finished)
        if not started:
            self._pending = None
            self.message.value = text
            self._show_running(False)
        return started

    def _finished(self, panel: AnswerPanel) -> None:
        text, self._pending = self._pending, None
        if text is not None and panel.text and (panel.result is not None or panel.stopped):
            # A stopped answer stays in the history too, so the turns keep alternating.
            self.history += [{"role": "user", "content": text}, {"role": "assistant", "content": panel.text}]
            if panel.result is not None:
                self.tally.add(panel.result)
        elif text is not None:
            # Nothing usable came back: the turn is not kept; the message goes back in the box to retry.
            panel.before_html = transcript_html(self.history)
            panel.show()
            if not self.message.value:
                self.message.value = text
        self._show_running(False)
        self._update_tally()

    def clear(self) -> None:
        """Forget the conversation and the tally."""
        self._pending = None
        self.panel.clear()
        self.history = []
        self.tally.reset()
        self._show_running(False)
        self._update_tally()

    @property
    def error(self) -> str | None:
        return self.panel.error
