"""Pieces the widgets share: friendly error lines, safe Markdown, throttled rendering, a streamed
answer panel, the settings boxes, and :class:`StreamingWidget`, the base of the playground, the
chat and the comparison (client, mode badge, Send/Stop buttons, display).

The panel's ``start``/``stop``/``wait`` are plain methods so tests drive them without a browser.
"""
from __future__ import annotations

import html
import threading
import time
from typing import Any, Callable

import ipywidgets as widgets

from .. import advice, errors, keys, schema
from ..routing import get_client
from ..money import format_usd

#: Re-render a growing answer at most this often (seconds): a few dozen updates a second, not one per token.
RENDER_INTERVAL = 0.05
#: A slow network call from a widget gives up after this many seconds.
WIDGET_TIMEOUT = 60.0

PRACTICE_BADGE = (
    '<span style="display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;'
    'background:#fff3cd;color:#664d03;border:1px solid #ffe69c" '
    'title="Answers come from the offline practice server, not a real model">'
    "Practice mode: simulated answers</span>"
)
REAL_BADGE = (
    '<span style="display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;'
    'background:#d1e7dd;color:#0a3622;border:1px solid #a3cfbb" '
    'title="Answers come from the AI/ML API and cost credits">'
    "Real mode: calls cost credits</span>"
)


def mode_badge(client: Any) -> str:
    """An HTML badge saying whether ``client``'s answers are simulated."""
    return PRACTICE_BADGE if getattr(client, "simulated", False) else REAL_BADGE


# --- errors as one friendly line ------------------------------------------------------------

_PRACTICE_HINT = 'To practise offline instead, tick "Use the practice server" in the key widget'


def friendly_error(exc: BaseException, key: str | None = None) -> str:
    """One line for a learner: what went wrong and what to do next (:mod:`helpers.advice`). Never a
    traceback, never the key."""
    if isinstance(exc, errors.RequestValidationError):
        problems = getattr(exc, "problems", None) or []
        text = "; ".join(str(p) for p in problems[:3]) if problems else str(exc)
        text = "Not sent: " + text.replace("The request was not sent:", "").strip(" \n-")
    elif isinstance(exc, errors.APIError):
        found = advice.for_error(exc)
        what = found.what
        if isinstance(exc, errors.APIConnectionError) and not isinstance(exc, errors.APITimeoutError):
            what = _first_line(str(exc)).split(". ")[0].rstrip(".")  # names the host and why, never the key
        elif isinstance(exc, errors.APIStatusError) and exc.api_message and what.startswith("the API answered"):
            what += f": {exc.api_message}"
        text = f"{what[:1].upper()}{what[1:]}. {found.todo}"
        if isinstance(exc, (errors.AuthenticationError, errors.PermissionDeniedError, errors.InternalServerError,
                            errors.APIConnectionError)) and "practice" not in text:
            text += f" {_PRACTICE_HINT}."
    elif isinstance(exc, ValueError):
        text = _first_line(str(exc))
    else:
        text = (f"Something unexpected went wrong ({type(exc).__name__}: {_first_line(str(exc))}). "
                "Run the cell again; if it persists, restart the kernel.")
    return keys.redact(" ".join(text.split()), key)


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:300]


def error_html(message: str) -> str:
    """An error line, escaped, in a colour that reads as a problem (with a text prefix for screen readers)."""
    return (f'<div role="alert" style="color:#b02a37;line-height:1.4"><b>Problem:</b> '
            f"{html.escape(message)}</div>")


def note_html(message: str) -> str:
    """A quiet line of information, escaped."""
    return f'<div style="color:var(--jp-ui-font-color2, #555);line-height:1.4">{html.escape(message)}</div>'


# --- Markdown that cannot run code ----------------------------------------------------------

_markdown: Callable[[str], str] | None = None


def _build_markdown() -> Callable[[str], str]:
    try:
        import mistune
        from mistune.renderers.html import HTMLRenderer
    except ImportError:  # pragma: no cover - mistune comes with jupyterlab (through nbconvert)
        return lambda text: f'<pre style="white-space:pre-wrap">{html.escape(text)}</pre>'

    class SafeRenderer(HTMLRenderer):
        """Raw HTML is shown as text, harmful URLs become ``#harmful-link``, images become links.

        Images are not loaded: a model's answer could otherwise make the browser fetch any URL.
        A single line break stays a line break (Markdown would join the lines: a haiku's three
        lines would read as one).
        """

        def softbreak(self) -> str:
            return "<br />\n"

        def link(self, text: str, url: str, title: str | None = None) -> str:
            out = super().link(text, url, title)
            return out.replace("<a ", '<a target="_blank" rel="noopener noreferrer nofollow" ', 1)

        def image(self, text: str, url: str, title: str | None = None) -> str:
            return self.link("[image: " + (text or "no description") + "]", url, title)

        def block_code(self, code: str, info: str | None = None) -> str:
            out = super().block_code(code, info)
            return out.replace("<pre>", '<pre style="background:var(--jp-layout-color2, #f3f3f3);'
                                        'padding:6px 8px;border-radius:4px;overflow-x:auto">', 1)

    return mistune.create_markdown(renderer=SafeRenderer(escape=True), plugins=["strikethrough", "table"])


def render_markdown(text: str) -> str:
    """HTML for a model's Markdown answer, safe to put in the page (any HTML in the text is escaped)."""
    global _markdown
    if _markdown is None:
        _markdown = _build_markdown()
    return _markdown(text or "")


# --- rendering at most every RENDER_INTERVAL --------------------------------------------------


class Throttle:
    """Calls ``fn`` at most once per ``interval`` however often it is asked; the last ask is never lost.

    ``fn`` renders current state, so skipped calls lose nothing. ``flush()`` renders now.
    """

    def __init__(self, fn: Callable[[], None], interval: float = RENDER_INTERVAL, *,
                 clock: Callable[[], float] = time.monotonic):
        self._fn = fn
        self._interval = interval
        self._clock = clock
        self._lock = threading.Lock()
        self._last = float("-inf")
        self._timer: threading.Timer | None = None
        self._render_lock = threading.Lock()  # renders never overlap, so the last one shows the newest state
        self.calls = 0

    def __call__(self) -> None:
        with self._lock:
            now = self._clock()
            if self._timer is not None:
                return  # a render is already scheduled: it will show this state too
            wait = self._last + self._interval - now
            if wait > 0:
                self._timer = threading.Timer(wait, self._fire)
                self._timer.daemon = True
                self._timer.start()
                return
            self._last = now
        self._run()

    def _fire(self) -> None:
        with self._lock:
            self._timer = None
            self._last = self._clock()
        self._run()

    def flush(self) -> None:
        """Cancel any scheduled render and render now."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self._last = self._clock()
        self._run()

    def _run(self) -> None:
        with self._render_lock:
            self.calls += 1
            self._fn()


# --- numbers for a stats line -----------------------------------------------------------------


def _seconds(value: float | None) -> str:
    return "?" if value is None else f"{value:.2f} s"


def stats_text(result: Any) -> str:
    """Latency, time to first token, tokens, tokens/s and cost of a finished answer."""
    usage = result.usage if isinstance(getattr(result, "usage", None), dict) else {}
    completion = usage.get("completion_tokens")
    bits = [f"first token {_seconds(result.time_to_first_token_s)}", f"total {_seconds(result.latency_s)}"]
    if isinstance(result.tokens, int):
        shown_out = completion if completion is not None else "?"
        bits.append(f"{result.tokens} tokens ({usage.get('prompt_tokens', '?')} in, {shown_out} out)")
    else:
        bits.append("tokens unknown")
    rate = tokens_per_second(result)
    if rate is not None:
        bits.append(f"{rate:.0f} tokens/s")
    bits.append(f"cost {format_usd(result.cost_usd)}")
    if getattr(result, "finish_reason", None) == "length":
        bits.append("cut at max_tokens")
    return " · ".join(bits)


def tokens_per_second(result: Any) -> float | None:
    """Generated tokens per second of generation (after the first token), when the answer says enough."""
    usage = result.usage if isinstance(getattr(result, "usage", None), dict) else {}
    completion = usage.get("completion_tokens")
    total = result.latency_s
    if not isinstance(completion, (int, float)) or not completion or not total:
        return None
    first = result.time_to_first_token_s or 0.0
    span = total - first if total - first > 0.05 else total
    return completion / span


# --- one streamed answer into one HTML area -----------------------------------------------------


class AnswerPanel:
    """A streamed answer rendered as Markdown, with a stats line underneath.

    ``start()`` runs the stream on a background thread so the notebook stays responsive;
    ``stop()`` closes it from any thread; ``wait()`` joins it (tests use it to run synchronously).
    After a run: ``.text``, ``.result`` (None when stopped or failed), ``.error`` (a friendly line),
    ``.stopped``.
    """

    def __init__(self, title: str | None = None, *, render_interval: float = RENDER_INTERVAL,
                 min_height: str = "4em"):
        self.title = widgets.HTML(f"<b>{html.escape(title)}</b>" if title else "")
        self.answer = widgets.HTML(layout=widgets.Layout(
            border="1px solid var(--jp-border-color2, #ccc)", padding="2px 10px", min_height=min_height,
            width="auto", overflow="auto"))
        self.answer.add_class("gemma-answer")
        self.stats = widgets.HTML()
        children = ([self.title] if title else []) + [self.answer, self.stats]
        self.box = widgets.VBox(children, layout=widgets.Layout(width="100%"))
        self._render_interval = render_interval
        self._thread: threading.Thread | None = None
        self._stream = None
        self._stop = threading.Event()
        self._run_id = 0
        self._lock = threading.Lock()
        self.text = ""
        self.result = None
        self.error: str | None = None
        self.stopped = False
        self.throttle: Throttle | None = None
        #: HTML shown above the answer (the chat widget puts the earlier turns here).
        self.before_html = ""
        #: Turns the answer's text into HTML (safe Markdown by default).
        self.body_renderer: Callable[[str], str] = render_markdown

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def clear(self) -> None:
        """Stop any running answer and empty the area; the stopped worker no longer touches it."""
        self.stop()
        with self._lock:
            self._run_id += 1
        self.text, self.result, self.error, self.stopped = "", None, None, False
        self.before_html = ""
        self.answer.value = ""
        self.stats.value = ""

    def show(self, body_html: str = "") -> None:
        """Put ``before_html`` and ``body_html`` in the answer area."""
        content = self.before_html + body_html
        # ipywidgets gives HTML the line height of a one-line control: paragraphs need their own.
        self.answer.value = f'<div style="line-height:1.5">{content}</div>' if content else ""

    def show_error(self, message: str) -> None:
        self.error = message
        self.stats.value = error_html(message)

    def start(self, client: Any, messages: Any, *, model: str, params: dict | None = None,
              extra_headers: dict | None = None,
              on_done: Callable[["AnswerPanel"], None] | None = None) -> bool:
        """Validate and start streaming; False (with the problem shown) if the request is refused."""
        self.stop()
        params = dict(params or {})
        key = getattr(client, "api_key", None)
        try:
            # stream() validates the request and returns before sending anything
            stream = client.stream(messages, model=model, extra_headers=extra_headers, **params)
        except Exception as exc:  # a refused request: show why, never a traceback
            self.text, self.result, self.stopped = "", None, False
            self.show()
            self.show_error(friendly_error(exc, key))
            if on_done:
                on_done(self)
            return False
        with self._lock:
            self._run_id += 1
            run_id = self._run_id
            self._stop = threading.Event()
            self._stream = stream
        self.text, self.result, self.error, self.stopped = "", None, None, False
        self.show(note_html("Waiting for the first token…"))
        self.stats.value = note_html(f"Streaming from {model}…")
        self.throttle = throttle = Throttle(lambda: self._render(run_id), self._render_interval)
        self._thread = threading.Thread(target=self._work, args=(run_id, stream, self._stop, throttle, key, on_done),
                                        name=f"gemma-widget-stream-{run_id}", daemon=True)
        self._thread.start()
        return True

    def _current(self, run_id: int) -> bool:
        return run_id == self._run_id

    def _render(self, run_id: int) -> None:
        if self._current(run_id) and self.text:
            self.show(self.body_renderer(self.text))

    def _work(self, run_id: int, stream: Any, stop: threading.Event, throttle: Throttle, key: str | None,
              on_done: Callable[["AnswerPanel"], None] | None) -> None:
        error = None
        try:
            for _piece in stream:
                if stop.is_set():
                    break
                if self._current(run_id):
                    self.text = stream.text
                    throttle()
        except Exception as exc:  # shown as a friendly line; a stop that broke the read is not an error
            if not stop.is_set():
                error = friendly_error(exc, key)
        finally:
            stream.close()
        if not self._current(run_id):
            return
        self.text = stream.text
        throttle.flush()
        if not self.text:
            self.show()  # drop the "waiting" note
        if stop.is_set():
            self.stopped = True
            self.stats.value = note_html(f"Stopped after {len(self.text)} characters.")
        elif error:
            self.show_error(error)
        elif stream.result is not None:
            self.result = stream.result
            if not self.text:
                self.show(note_html("(The answer was empty.)"))
            self.stats.value = note_html(stats_text(stream.result))
        else:
            self.show_error("The stream ended without its final message: try again.")
        if on_done:
            on_done(self)

    def stop(self) -> None:
        """Close the running stream (safe from a button handler while the worker reads)."""
        with self._lock:
            stream, stop = self._stream, self._stop
        if self.running and not stop.is_set():
            self.stats.value = note_html("Stopping…")
        stop.set()
        if stream is not None:
            stream.close()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the worker; True when it has finished."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True


# --- the controls -------------------------------------------------------------------------------

#: The box for max_tokens needs an upper bound; the API documents none, so the widgets pick one.
MAX_TOKENS_LIMIT = 8192

#: The value each settings box starts with.
DEFAULTS = {"temperature": 0.7, "top_p": 1.0, "max_tokens": 512, "seed": 1}


def param_range(name: str, upper_default: float | None = None) -> tuple[float, float]:
    """``(minimum, maximum)`` of a parameter from ``schema.PARAMS`` (``upper_default`` when it has no maximum)."""
    spec = schema.PARAMS[name]
    low = spec.minimum if spec.minimum is not None else 0
    high = spec.maximum if spec.maximum is not None else upper_default
    return low, high


def number_box(name: str, *, step: float, upper_default: float | None = None, integer: bool = False,
               value: float | None = None, description: str | None = None) -> Any:
    """A box for parameter ``name``, bounded by its documented range, with its help as the tooltip."""
    low, high = param_range(name, upper_default)
    cls = widgets.BoundedIntText if integer else widgets.BoundedFloatText
    box = cls(value=DEFAULTS[name] if value is None else value, min=low, max=high, step=step,
              description=description or name, layout=widgets.Layout(width="15em"))
    return labelled(box, f"{name}: {schema.PARAMS[name].help} (from {low:g} to {high:g})")


def max_tokens_box() -> Any:
    return number_box("max_tokens", step=1, integer=True, upper_default=MAX_TOKENS_LIMIT)


def temperature_box() -> Any:
    return number_box("temperature", step=0.1)


def labelled(widget: Any, tooltip: str) -> Any:
    """Give a control a tooltip (its ``title``) and a label width that shows the whole description."""
    widget.tooltip = tooltip
    if hasattr(widget, "style") and hasattr(widget.style, "description_width"):
        widget.style.description_width = "initial"
    return widget


def widget_bundle(widget: Any, name: str, **kwargs: Any) -> Any:
    """A widget's display data with a readable plain-text line for places that cannot show widgets."""
    bundle = widget._repr_mimebundle_(**kwargs)
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    if isinstance(data, dict):
        data["text/plain"] = f"{name} (a widget: open this notebook in JupyterLab and run the cell to use it)"
    return bundle


# --- what the playground, the chat and the comparison have in common --------------------------------


class StreamingWidget:
    """A widget that streams answers into :class:`AnswerPanel` s with a Send and a Stop button.

    ``client``: a ``helpers.Client``; by default the kit's default client at each use (so a key
    checked in the key widget is used from then on). ``extra_headers`` go with every request.
    A subclass makes its buttons with :meth:`_make_send_and_stop`, lays out ``widget`` (with
    ``badge`` in it), defines ``send()`` and says which panels it has in :meth:`_answer_panels`.
    """

    #: What the plain-text line says the widget is, where widgets cannot be shown.
    display_name = "A widget"

    def __init__(self, client: Any = None, *, extra_headers: dict | None = None):
        self._client = client
        #: Extra HTTP headers sent with each request (for example ``X-Client-Request-Id``).
        self.extra_headers = dict(extra_headers or {})
        #: Practice or real mode, or why there is no client.
        self.badge = widgets.HTML()
        self.send_button: Any = None
        self.stop_button: Any = None
        self.widget: Any = None

    def _answer_panels(self) -> list[AnswerPanel]:
        raise NotImplementedError

    def send(self) -> bool:
        raise NotImplementedError

    def _make_send_and_stop(self, send: str, send_tooltip: str, stop_tooltip: str) -> None:
        """``send_button`` (runs ``send()``) and ``stop_button`` (runs ``stop()``, off until an answer streams)."""
        self.send_button = widgets.Button(description=send, button_style="primary", icon="paper-plane",
                                          tooltip=send_tooltip)
        self.stop_button = widgets.Button(description="Stop", button_style="warning", icon="stop", disabled=True,
                                          tooltip=stop_tooltip)
        self.send_button.on_click(lambda _b: self.send())
        self.stop_button.on_click(lambda _b: self.stop())

    @property
    def client(self) -> Any:
        return self._client if self._client is not None else get_client()

    def _update_badge(self) -> Any:
        """Show the mode of the client the next request uses, and return it (None, with the reason shown, if none)."""
        try:
            client = self.client
        except Exception as exc:  # e.g. a bad AIML_API_BASE: say so where the badge would be
            self.badge.value = error_html(friendly_error(exc))
            return None
        self.badge.value = mode_badge(client)
        return client

    def _show_running(self, running: bool) -> None:
        """Send is off while an answer streams, Stop only then."""
        self.send_button.disabled = running
        self.stop_button.disabled = not running

    def stop(self) -> None:
        """Stop the running answer(s); what arrived stays on screen."""
        for panel in self._answer_panels():
            panel.stop()
        self._show_running(False)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every answer has finished (tests and scripts); True when they have."""
        return all([panel.wait(timeout) for panel in self._answer_panels()])  # a list: wait for each one

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return widget_bundle(self.widget, self.display_name, **kwargs)
