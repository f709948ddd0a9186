"""helpers: call Gemma 3 on the AI/ML API from a notebook, safely.

    import helpers
    print(helpers.chat("Tell me about San Francisco").text)

With no key configured, every call goes to the offline practice server and each
answer says it is simulated. ``helpers.Client`` is the reusable object underneath.

``__all__`` is the whole public surface: the names the lessons, widgets, exercises and
README use, then the package's modules (tests/repository/test_exported_members.py holds it to that).
A module listed there but not imported below loads on first use, so that ``import helpers``
stays quick (ipywidgets alone takes a second).
"""
from .api import balance, chat, models, stream
from .batching import batch
from .client import Client
from .money import format_usd
from .errors import (APIConnectionError, APIError, APIStatusError, APITimeoutError, AuthenticationError,
                     BadRequestError, InternalServerError, NotFoundError, PermissionDeniedError, RateLimitError,
                     RequestValidationError, UnprocessableEntityError)
from .key_prompt import ask_for_key
from .keys import mask_key
from .logs import show_retries
from .model_ids import LARGE_MODEL, MODELS, SMALL_MODEL
from .results import ChatResult
from .routing import connection, describe_mode, get_client, mode, use_practice
from .schema import PARAMS

__version__ = "0.1.0"

__all__ = [
    # calls and where they go
    "chat", "stream", "batch", "models", "balance", "Client", "ChatResult",
    "get_client", "connection", "mode", "describe_mode", "use_practice",
    # money, printed as plain decimals
    "format_usd",
    # the key and the retry log
    "ask_for_key", "mask_key", "show_retries",
    # what the API accepts
    "SMALL_MODEL", "LARGE_MODEL", "MODELS", "PARAMS",
    # errors (the OpenAI SDK's names)
    "APIError", "APIConnectionError", "APITimeoutError", "APIStatusError", "BadRequestError",
    "AuthenticationError", "PermissionDeniedError", "NotFoundError", "UnprocessableEntityError",
    "RateLimitError", "InternalServerError", "RequestValidationError",
    # modules imported above
    "advice", "api", "batching", "client", "cost", "errors", "key_prompt", "keys", "logs", "model_ids", "money",
    "results", "routing", "schema", "settings", "sse", "streaming",
    # modules and subpackages loaded on first use
    "compare", "content", "doc_examples", "exercises", "ports", "practice", "serving", "widgets", "workshop",
]


def __getattr__(name: str):
    if name in __all__:  # a module not imported yet: helpers.widgets, helpers.practice, ...
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
