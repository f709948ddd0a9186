"""The top-level calls, over the default client that :mod:`helpers.routing` keeps (as ``requests.get`` is
over a session): ``helpers.chat("Hi")`` is ``helpers.get_client().chat("Hi")``."""
from __future__ import annotations

from typing import Any

from .results import ChatResult
from .routing import get_client
from .streaming import ChatStream

__all__ = ["chat", "stream", "models", "balance", "usage"]


def chat(prompt_or_messages: Any, **kwargs: Any) -> ChatResult:
    """Send one chat completion with the default client and wait for the whole answer."""
    return get_client().chat(prompt_or_messages, **kwargs)


def stream(prompt_or_messages: Any, **kwargs: Any) -> ChatStream:
    """Send one chat completion with the default client; iterate the result for text pieces."""
    return get_client().stream(prompt_or_messages, **kwargs)


def models() -> list[str]:
    """The model ids the default client's server lists (``GET /v1/models``): what the API serves now."""
    return get_client().models()


def balance() -> float:
    """The account's balance in USD, from the default client's server."""
    return get_client().balance()


def usage(period: str = "24h") -> dict:
    """What the default client's key spent in a recent window."""
    return get_client().usage(period)
