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

Bad input caught before any request raises ``RequestValidationError`` (a ``ValueError``). What to do
about each is :mod:`helpers.advice`.
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
                 retry_after: float | None = None, advice: Any = None):
        super().__init__(message, body=body)
        self.status_code = status_code
        #: The message from the API's own error body (``str(err)`` adds what to do next).
        self.api_message = api_message
        self.request_id = request_id
        self.headers = headers or {}
        #: The seconds the server asked to wait before another try (``Retry-After`` or ``retry-after-ms``),
        #: None when it named no usable wait.
        self.retry_after = retry_after
        #: What to do next (a :class:`helpers.advice.Advice`), when the client that raised it worked it out.
        self.advice = advice


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


class APIResponseValidationError(APIError):
    """The server answered 2xx with something that is not a chat-completions answer (HTML, not JSON, ...)."""
