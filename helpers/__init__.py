"""helpers: call Gemma 3 on the AI/ML API from a notebook, safely.

    import helpers
    print(helpers.chat("Tell me about San Francisco").text)

With no key configured, every call goes to the offline practice server and each
answer says it is simulated. ``helpers.Client`` is the reusable object underneath.
"""
from __future__ import annotations

from dataclasses import dataclass

from .batch import BatchItem, BatchResults, batch
from .client import (Client, Endpoints, balance, chat, get_client, models, set_client, stream, to_messages, usage)
from .cost import CostTally
from .errors import (APIConnectionError, APIError, APIResponseValidationError, APIStatusError,
                     APITimeoutError, AuthenticationError, BadRequestError, InternalServerError,
                     NotFoundError, PermissionDeniedError, RateLimitError, RequestValidationError,
                     UnprocessableEntityError)
from .key_prompt import ask_for_key
from .keys import mask_key
from .logs import show_retries
from .results import ChatResult
from .schema import DEFAULT_BASE_URL, DEFAULT_MODEL, MODELS, PARAMS

__version__ = "0.1.0"

__all__ = [
    "Client", "ChatResult", "chat", "stream", "models", "balance", "usage", "get_client", "set_client",
    "batch", "BatchItem", "BatchResults", "CostTally",
    "connection", "mode", "describe_mode", "to_messages", "mask_key", "ask_for_key", "show_retries",
    "MODELS", "DEFAULT_MODEL", "DEFAULT_BASE_URL", "PARAMS",
    "APIError", "APIConnectionError", "APITimeoutError", "APIStatusError", "APIResponseValidationError",
    "BadRequestError", "AuthenticationError", "PermissionDeniedError", "NotFoundError",
    "UnprocessableEntityError", "RateLimitError", "InternalServerError", "RequestValidationError",
]


@dataclass(frozen=True)
class Connection(Endpoints):
    """Where raw ``requests`` calls should go: ``.base_url`` and ``.api_key`` (shown masked)."""

    base_url: str
    api_key: str
    simulated: bool

    def __repr__(self) -> str:
        return (f"Connection(base_url={self.base_url!r}, api_key={mask_key(self.api_key)!r}, "
                f"simulated={self.simulated})")


def connection() -> Connection:
    """The base URL and key of the default client, for lessons that call the API by hand."""
    client = get_client()
    return Connection(client.base_url, client._api_key or "", client.simulated)


def mode() -> str:
    """``"practice"`` or ``"real"``: where the default client's answers come from."""
    return get_client().mode


def __getattr__(name: str):
    # helpers.widgets, helpers.batch ... load on first use: ipywidgets is slow to import.
    if name in ("widgets", "exercises", "practice", "content"):
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")


def describe_mode() -> str:
    """A sentence for the top of a lesson: which mode, and how to switch."""
    return get_client().describe()
