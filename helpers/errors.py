"""Errors, named as in the OpenAI Python SDK so what you learn here carries over.

    APIError
    ├── APIConnectionError          the request never got an answer
    │   └── APITimeoutError         ... because the deadline passed
    └── APIStatusError              the API answered 4xx/5xx (.status_code, .message, .request_id, .body)
        ├── BadRequestError          400
        ├── AuthenticationError      401
        ├── PermissionDeniedError    403
        ├── NotFoundError            404
        ├── UnprocessableEntityError 422
        ├── RateLimitError           429
        └── InternalServerError      5xx

Bad input caught before any request raises ``RequestValidationError`` (a ``ValueError``).
"""
from __future__ import annotations

from typing import Any


class RequestValidationError(ValueError):
    """The request was refused before it was sent: ``.problems`` lists what is wrong."""

    def __init__(self, message: str, problems: list | None = None):
        super().__init__(message)
        self.problems = problems or []


class APIError(Exception):
    """Base of every error the API or the network causes."""

    def __init__(self, message: str, *, body: Any = None):
        super().__init__(message)
        self.message = message
        self.body = body


class APIConnectionError(APIError):
    """No usable answer: refused connection, DNS failure, dropped or cut stream."""

    def __init__(self, message: str = "Connection error.", *, partial_text: str | None = None):
        super().__init__(message)
        #: The text that had arrived when a stream broke off (None when nothing streamed).
        self.partial_text = partial_text


class APITimeoutError(APIConnectionError):
    """The call's deadline passed before the answer was complete."""

    def __init__(self, message: str = "Request timed out.", *, partial_text: str | None = None):
        super().__init__(message, partial_text=partial_text)


class APIStatusError(APIError):
    """The API answered with an error status (4xx or 5xx)."""

    def __init__(self, message: str, *, status_code: int, api_message: str | None = None,
                 request_id: str | None = None, body: Any = None, headers: dict | None = None,
                 retry_after: float | None = None):
        super().__init__(message, body=body)
        self.status_code = status_code
        #: The message from the API's own error body (``str(err)`` adds what to do next).
        self.api_message = api_message
        self.request_id = request_id
        self.headers = headers or {}
        #: The seconds the server asked to wait before another try (``Retry-After`` or ``retry-after-ms``),
        #: None when it named no usable wait.
        self.retry_after = retry_after


class BadRequestError(APIStatusError):
    pass


class AuthenticationError(APIStatusError):
    pass


class PermissionDeniedError(APIStatusError):
    pass


class NotFoundError(APIStatusError):
    pass


class UnprocessableEntityError(APIStatusError):
    pass


class RateLimitError(APIStatusError):
    pass


class InternalServerError(APIStatusError):
    pass


_BY_STATUS = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    """The error class for an HTTP status code."""
    if status >= 500:
        return InternalServerError
    return _BY_STATUS.get(status, APIStatusError)


#: Where keys are made and enabled.
KEYS_PAGE = "https://aimlapi.com/app/keys"
#: What to do about a 401, in the words every part of the kit shows (errors, widgets, live checks).
AUTH_ADVICE = (f"Check the key: copy the whole key again (no spaces or quotes) and make sure it is enabled at "
               f"{KEYS_PAGE}.")
CHAT_PATH = "/chat/completions"


def next_step(status: int, retries: int, path: str | None = None, *, simulated: bool = False,
              retry_after: float | None = None) -> str:
    """What a learner should do about an error status (``path``: the one that was called, for a 404;
    ``simulated``: the practice server answered, so switching to it is no advice; ``retry_after``:
    the seconds the server asked to wait)."""
    tried = _tried(retries)
    asked = f" (the server asks to wait {seconds_text(retry_after)})" if retry_after is not None else ""
    if status == 400:
        return "Fix the request: the message above names the field that is wrong."
    if status == 401:
        return (f"{AUTH_ADVICE} The kit reads it from AIML_API_KEY (the environment or .env); "
                "with AIML_API_KEY empty, it uses the practice server instead.")
    if status == 403:
        return "Your key works but cannot pay: top up your balance at https://aimlapi.com/app/billing/."
    if status == 404:
        return _not_found(path)
    if status in (408, 409):
        return tried + f"Try again in a moment{asked}."
    if status == 429:
        wait = f"Wait {seconds_text(retry_after)} as the server asks" if retry_after is not None else "Wait a minute"
        return tried + f"{wait}, then send fewer requests at once (helpers.batch bounds concurrency)."
    if status >= 500:
        if simulated:
            return tried + ("The practice server answered with a server error (a practice fault, or a bug); "
                            f"try again{asked}.")
        return tried + f"The server or model provider failed; try again later{asked}, or switch to the practice server."
    return tried + "See the message above."


def wait_refused(status: int, retries: int, asked: float, longest: float, *, deadline: bool) -> str:
    """What to do when the server asked to wait ``asked`` seconds, longer than the client sits out
    (``longest``: what it would wait; ``deadline``: the call's deadline, not the cap, set that)."""
    limit = (f"the {seconds_text(max(longest, 0.0))} left before this call's deadline" if deadline
             else f"the {seconds_text(longest)} the client waits at most")
    text = (f"{_tried(retries)}The server asked to wait {seconds_text(asked)} before another try, longer than "
            f"{limit}, so the client did not try again early: a try sooner would be refused too. Wait that long "
            "before sending again (this error's .retry_after holds the seconds)")
    if status == 429:
        return text + "; if it keeps happening, send fewer requests at once (helpers.batch bounds concurrency)."
    return text + (", or pass a larger timeout." if deadline else ".")


def seconds_text(seconds: float) -> str:
    """A wait in plain words: ``0.5 s``, ``45 s``, ``600 s (10 minutes)``, ``7200 s (2 hours)``."""
    def plain(value: float) -> str:
        return f"{value:.1f}".removesuffix(".0") if value < 10 else f"{value:.0f}"

    if seconds >= 86_400 * 365:
        return "over a year"
    if seconds >= 7200:
        return f"{plain(seconds)} s ({plain(seconds / 3600)} hours)"
    if seconds >= 120:
        return f"{plain(seconds)} s ({plain(seconds / 60)} minutes)"
    return f"{plain(seconds)} s"


def _tried(retries: int) -> str:
    return f"The client already retried {retries} time{'s' if retries != 1 else ''}. " if retries else ""


def _not_found(path: str | None) -> str:
    if path is None or path.endswith(CHAT_PATH):
        called = f" (this call went to {path})" if path else ""
        return f"Check the URL: the base URL must end in /v1 and the path is {CHAT_PATH} (POST){called}."
    return (f"Check the URL: this server has nothing at {path}. The base URL must end in /v1; a server other "
            f"than the AI/ML API may not offer {path} at all.")


class APIResponseValidationError(APIError):
    """The server answered 2xx with something that is not a chat-completions answer (HTML, not JSON, ...)."""
