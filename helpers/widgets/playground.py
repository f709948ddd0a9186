"""The playground: one prompt, a model, the sampling settings, a streamed answer and the code behind it.

    from helpers.widgets import Playground
    Playground()            # shows the controls; Send streams the answer

The settings' ranges come from ``helpers.schema.PARAMS``: the same table the client and the
practice server validate against.
"""
from __future__ import annotations

import ast
import html
import json
import pprint
from typing import Any

import ipywidgets as widgets

from .. import schema
from ._common import (DEFAULTS, RENDER_INTERVAL, AnswerPanel, StreamingWidget, error_html, friendly_error,
                      labelled, max_tokens_box, note_html, number_box, temperature_box)
from ._common import MAX_TOKENS_LIMIT, param_range  # noqa: F401 (they were first defined here)

#: The largest seed the box takes (a 32-bit signed integer, which every backend accepts).
SEED_LIMIT = 2**31 - 1


def parse_stop(text: str) -> str | list[str] | None:
    r"""The ``stop`` field from what a learner typed: comma-separated, ``\n`` for a line break.

    Empty gives None (no stop); one entry a string; several a list (the API takes up to 4).
    """
    entries = []
    for raw in (text or "").split(","):
        raw = raw.strip()
        if raw:
            entries.append(raw.replace("\\n", "\n").replace("\\t", "\t"))
    if not entries:
        return None
    return entries[0] if len(entries) == 1 else entries


def requests_snippet(body: dict) -> str:
    """Python that sends ``body`` with plain ``requests``; the key is read from the environment, never written."""
    body = {k: v for k, v in body.items() if k not in ("stream", "stream_options")}
    body_text = json.dumps(body, indent=4, ensure_ascii=False)  # reads like the documentation's example
    try:
        same = ast.literal_eval(body_text) == body  # JSON's true/false/null are not Python
    except (ValueError, SyntaxError):
        same = False
    if not same:
        body_text = pprint.pformat(body, indent=1, width=88, sort_dicts=False)
    return (
        "import os\n"
        "\n"
        "import requests\n"
        "\n"
        "# The playground's request, without streaming. The key comes from the environment:\n"
        "# never paste a key into a notebook. (In practice mode, helpers.connection() has the\n"
        "# practice server's base_url and api_key.)\n"
        f'url = os.environ.get("AIML_API_BASE", "{schema.DEFAULT_BASE_URL}") + "/chat/completions"\n'
        'headers = {"Authorization": "Bearer " + os.environ["AIML_API_KEY"]}\n'
        f"body = {body_text}\n"
        "\n"
        "response = requests.post(url, headers=headers, json=body, timeout=60)\n"
        "response.raise_for_status()\n"
        'print(response.json()["choices"][0]["message"]["content"])\n'
    )


class Playground(StreamingWidget):
    """Prompt, model, temperature, top_p, max_tokens, seed and stop; Send, Stop and Show code.

    ``client`` and ``extra_headers``: see :class:`StreamingWidget`. Each ``Playground(...)`` is a new
    one; :meth:`reset` puts one back as it was made (after a lesson has driven it from code).
    """

    display_name = "Playground"

    def __init__(self, client: Any = None, *, prompt: str = "", model: str = schema.DEFAULT_MODEL,
                 extra_headers: dict | None = None, render_interval: float = RENDER_INTERVAL):
        super().__init__(client, extra_headers=extra_headers)
        self._made_with = {"prompt": prompt, "model": model}
        self.prompt = labelled(widgets.Textarea(
            value=prompt, description="Prompt", rows=4,
            placeholder="Ask Gemma anything, for example: Tell me about San Francisco",
            layout=widgets.Layout(width="100%")), "What you ask the model (the user message)")
        self.model = labelled(widgets.Dropdown(options=list(schema.MODELS), value=model, description="Model",
                                               layout=widgets.Layout(width="22em")),
                              "Which Gemma 3 model answers: 4B is faster, 12B reasons better")
        self.temperature = temperature_box()
        self.top_p = number_box("top_p", step=0.05)
        self.max_tokens = max_tokens_box()
        self.use_seed = labelled(widgets.Checkbox(value=False, description="Fixed seed", indent=False,
                                                  layout=widgets.Layout(width="8em")),
                                 "Send a seed: the same seed and settings give the same answer (best effort)")
        self.seed = number_box("seed", step=1, integer=True, upper_default=SEED_LIMIT)
        self.seed.disabled = True
        self.use_seed.observe(lambda change: setattr(self.seed, "disabled", not change["new"]), "value")
        self.stop_text = labelled(widgets.Text(value="", description="stop",
                                               placeholder=r"e.g. END or \n\n (up to 4, comma-separated)",
                                               layout=widgets.Layout(width="30em")),
                                  "Text that ends the answer early; leave empty for none")
        self._make_send_and_stop("Send", "Send the prompt and stream the answer", "Stop the answer that is streaming")
        self.code_button = widgets.Button(description="Show code", icon="code",
                                          tooltip="Show the Python (requests) that makes this same call")
        self.code_button.on_click(lambda _b: self.show_code())
        self.panel = AnswerPanel(render_interval=render_interval)
        self.code = widgets.HTML()
        self.widget = widgets.VBox([
            self.badge,
            self.prompt,
            widgets.HBox([self.model, self.temperature, self.top_p], layout=widgets.Layout(flex_flow="row wrap")),
            widgets.HBox([self.max_tokens, self.use_seed, self.seed], layout=widgets.Layout(flex_flow="row wrap")),
            self.stop_text,
            widgets.HBox([self.send_button, self.stop_button, self.code_button]),
            self.panel.box,
            self.code,
        ])
        self.widget.add_class("gemma-playground")
        self._update_badge()

    # --- what the buttons do (Stop and wait() come from StreamingWidget) ------------------------------

    def _answer_panels(self) -> list[AnswerPanel]:
        return [self.panel]

    def settings(self) -> dict:
        """The request's optional fields as the controls set them (seed and stop only when set)."""
        params: dict[str, Any] = {
            "temperature": float(self.temperature.value),
            "top_p": float(self.top_p.value),
            "max_tokens": int(self.max_tokens.value),
        }
        if self.use_seed.value:
            params["seed"] = int(self.seed.value)
        stop = parse_stop(self.stop_text.value)
        if stop is not None:
            params["stop"] = stop
        return params

    def send(self) -> bool:
        """Start streaming the answer to the prompt; False (with a message) if it could not start."""
        client = self._update_badge()
        if client is None:
            return False
        self.code.value = ""
        self._show_running(True)  # before the stream starts: a fast answer may finish (and re-enable Send) first
        started = self.panel.start(client, self.prompt.value, model=self.model.value, params=self.settings(),
                                   extra_headers=self.extra_headers or None,
                                   on_done=lambda _panel: self._show_running(False))
        if not started:
            self._show_running(False)
        return started

    def reset(self) -> None:
        """Back to how it was made: its prompt and model, the default settings, no answer, no code.

        Stops an answer that is streaming. A lesson that drives the playground from code calls it
        afterwards, so the learner finds a clean playground (also after Run All).
        """
        self.panel.clear()
        self._show_running(False)
        self.prompt.value = self._made_with["prompt"]
        self.model.value = self._made_with["model"]
        for name, box in (("temperature", self.temperature), ("top_p", self.top_p), ("max_tokens", self.max_tokens),
                          ("seed", self.seed)):
            box.value = DEFAULTS[name]
        self.use_seed.value = False
        self.stop_text.value = ""
        self.code.value = ""

    def show_code(self) -> str:
        """Show (and return) the ``requests`` code for the current settings, with no key in it."""
        client = self._update_badge()
        if client is None:
            return ""
        try:
            body = client.build_request(self.prompt.value, model=self.model.value, **self.settings())
        except Exception as exc:
            self.code.value = error_html(friendly_error(exc))
            return ""
        code = requests_snippet(body)
        self.code.value = (note_html("The same call in plain Python (copy it into a script):")
                           + f'<pre style="white-space:pre-wrap;border:1px solid var(--jp-border-color2, #ccc);'
                             f'padding:6px">{html.escape(code)}</pre>')
        return code

    # --- results, for tests and curious learners ----------------------------------------------------

    @property
    def text(self) -> str:
        return self.panel.text

    @property
    def result(self) -> Any:
        return self.panel.result

    @property
    def error(self) -> str | None:
        return self.panel.error
