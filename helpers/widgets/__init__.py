"""Notebook widgets (ipywidgets 8): key entry, a playground, a chat and a side-by-side comparison.

    from helpers.widgets import KeyWidget, Playground, ChatWidget, CompareWidget
    KeyWidget()        # check a key (or choose the practice server); the lessons then use it
    Playground()       # one prompt, every setting, a streamed answer, and the code behind it
    ChatWidget()       # a conversation with history and a cost tally
    CompareWidget()    # 4B and 12B answering the same prompt at the same time

Each widget's buttons call plain methods (``send()``, ``stop()``, ``clear()``, ``show_code()``,
``check_key()``, ``wait()``), so everything also works from code and from tests.
Importing ``helpers`` does not import this package (nor ipywidgets).
"""
from ._common import AnswerPanel, Throttle, friendly_error, render_markdown
from .chat import ChatWidget
from .compare import CompareWidget
from .key import KeyReport, KeyWidget
from .playground import Playground, parse_stop, requests_snippet

__all__ = [
    "KeyWidget", "KeyReport",
    "Playground", "parse_stop", "requests_snippet",
    "ChatWidget",
    "CompareWidget",
    "AnswerPanel", "Throttle", "friendly_error", "render_markdown",
]
