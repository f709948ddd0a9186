"""The client: one ``requests.Session``, a deadline on every call, retries, typed errors.

    client = Client(api_key, "https://api.aimlapi.com/v1")
    answer = client.chat("Tell me about San Francisco")
    for piece in client.stream("Write a haiku"):
        print(piece, end="")

A ``Client`` sends where it is told. Which key and URL the kit's default client uses (the practice
server, a classroom relay or the API) is :mod:`helpers.routing`'s decision.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import urlsplit

import requests

from . import advice, errors, keys, schema
from ._retry import RETRY_RECORD, RETRY_STATUSES, RetryPolicy, backoff_seconds, retry_after_seconds
from .results import ChatResult
from .streaming import ChatStream

__all__ = ["Client", "Connection", "Endpoints", "RETRY_STATUSES", "backoff_seconds", "retry_after_seconds",
           "to_messages"]

CONNECT_TIMEOUT = 10.0
POOL_SIZE = 32
USER_AGENT = "gemma-aiml-kit/0.1 (python-requests)"


class _BearerAuth(requests.auth.AuthBase):
    """Adds the key to each request; its repr never shows the key."""

    def __init__(self, key: str):
        self._key = key

    def __call__(self, request):
        request.headers["Authorization"] = f"Bearer {self._key}"
        return request

    def __repr__(self) -> str:
        return f"BearerAuth({keys.mask_key(self._key)})"


class Endpoints:
    """The URLs under a ``base_url`` that ends in ``/v1``."""

    base_url: str

    @property
    def chat_url(self) -> str:
        return self.base_url + "/chat/completions"

    @property
    def root_url(self) -> str:
        """The base URL without its ``/v1`` (the billing and usage endpoints live under /v2)."""
        return self.base_url[: -len("/v1")]


class Client(Endpoints):
    """A reusable connection to the AI/ML API, or to any server that speaks it (a practice server, a relay).

    ``api_key``: the key to send (None sends none). ``base_url``: where to send, ending in ``/v1``
    (default: the API's). ``timeout`` is the whole deadline of one call in seconds: connecting,
    retries and streaming included. ``max_retries`` is how many times a call is tried again after a
    retryable answer (429, 5xx) or a broken connection. ``sleep``, ``clock`` and ``jitter`` are what
    the retry waits use (``time.sleep``, ``time.monotonic``, ``random.random``); tests pass their own,
    so that retries run at once and the waits can be read back.
    """

    def __init__(self, api_key: str | None = None, base_url: str | None = None, *,
                 timeout: float = 60.0, max_retries: int = 2, sleep: Callable[[float], Any] | None = None,
                 clock: Callable[[], float] | None = None, jitter: Callable[[], float] | None = None):
        if isinstance(timeout, bool) or not (isinstance(timeout, (int, float)) and timeout > 0):
            raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}.")
        self.timeout = float(timeout)
        self._given = {"sleep": sleep, "clock": clock, "jitter": jitter}
        #: The retry policy every call, stream and batch of this client follows.
        self.retry_policy = RetryPolicy(max_retries, **{k: v for k, v in self._given.items() if v is not None})
        #: Where the key came from, for messages ("AIML_API_KEY", ".env (AIML_API_KEY)", ...; "" if not known).
        self.key_source = ""
        self.base_url = self._check_base_url(base_url or schema.DEFAULT_BASE_URL)
        if api_key and not (api_key.isascii() and api_key.isprintable()):
            raise ValueError("The API key holds a character that is not plain visible text (often an invisible one "
                             "copied from a web page): copy the key again, or type it.")
        self._api_key = api_key or None
        self._session = self._new_session()

    def with_options(self, **options: Any) -> "Client":
        """A new client like this one with some options changed (``timeout``, ``max_retries``, ``api_key``...).

        As the OpenAI SDK's ``client.with_options``: ``helpers.get_client().with_options(max_retries=0)``.
        """
        api_key, base_url = options.pop("api_key", self._api_key), options.pop("base_url", self.base_url)
        settings = {"timeout": self.timeout, "max_retries": self.max_retries, **self._given, **options}
        twin = Client(api_key, base_url, **settings)
        twin.key_source = self.key_source
        return twin

    def _new_session(self) -> requests.Session:
        session = requests.Session()
        # Room for a batch's concurrent calls (requests keeps 10 connections per host).
        adapter = requests.adapters.HTTPAdapter(pool_connections=4, pool_maxsize=POOL_SIZE)
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
        if self._api_key:
            session.auth = _BearerAuth(self._api_key)
        self._settle_environment(session)
        return session

    def _settle_environment(self, session: requests.Session) -> None:
        """Read the proxy and CA-bundle variables once, for this client's host, instead of per call.

        With ``trust_env`` on, requests scans every environment variable twice on each request
        (about 0.1 ms a call, more in a kernel's larger environment) and lets a ~/.netrc entry
        replace the Authorization header. The settings that apply are taken here, once.
        """
        found = session.merge_environment_settings(self.base_url, {}, None, None, None)
        session.proxies.update(found["proxies"])
        session.verify = found["verify"]
        session.trust_env = False

    @staticmethod
    def _check_base_url(url: str) -> str:
        url = url.strip().rstrip("/")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"base_url must look like {schema.DEFAULT_BASE_URL!r}, not {url!r}.")
        if not parts.path.endswith("/v1"):
            raise ValueError(f"base_url must end in /v1 (for example {schema.DEFAULT_BASE_URL!r}); got {url!r}.")
        return url

    # --- what the client is talking to -------------------------------------------------

    @property
    def session(self) -> requests.Session:
        """The underlying ``requests.Session`` (for response hooks or adapters; it holds the key)."""
        return self._session

    @property
    def api_key(self) -> str | None:
        """The key this client sends (None without one), as the OpenAI SDK's ``client.api_key``. Never print it."""
        return self._api_key

    @property
    def api_key_masked(self) -> str:
        """The key as it may be shown: its last 4 characters ("****abcd")."""
        return keys.mask_key(self._api_key)

    @property
    def max_retries(self) -> int:
        """How many times one call may be tried again (the retry policy's budget)."""
        return self.retry_policy.max_retries

    def redact(self, value: Any) -> Any:
        """``value`` (text, or parsed JSON) with this client's key masked wherever it appears."""
        return keys.redact_json(value, self._api_key)

    @property
    def has_key(self) -> bool:
        return bool(self._api_key)

    @property
    def simulated(self) -> bool:
        """True when the answers come from the practice server."""
        return keys.is_practice_key(self._api_key)

    @property
    def mode(self) -> str:
        """``"practice"`` (simulated answers) or ``"real"`` (the AI/ML API)."""
        return "practice" if self.simulated else "real"

    def __repr__(self) -> str:
        return f"Client(mode={self.mode!r}, base_url={self.base_url!r}, key={self.api_key_masked!r})"

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- building requests ---------------------------------------------------------------

    def build_request(self, prompt_or_messages: Any, *, model: str = schema.DEFAULT_MODEL, **params: Any) -> dict:
        """The JSON body a chat call would send; raises RequestValidationError on bad input."""
        messages = to_messages(prompt_or_messages)
        body = {"model": model, "messages": messages, **params}
        problems = schema.check_request(body, strict=True)
        if problems:
            lines = "\n".join(f"  - {p.friendly}" for p in problems)
            raise errors.RequestValidationError(f"The request was not sent:\n{lines}", problems)
        return body

    # --- calls ---------------------------------------------------------------------------

    def chat(self, prompt_or_messages: Any, *, model: str = schema.DEFAULT_MODEL,
             extra_headers: dict | None = None, timeout: float | None = None, **params: Any) -> ChatResult:
        """Send one chat completion and wait for the whole answer."""
        if params.get("stream"):
            raise errors.RequestValidationError(
                "chat() waits for the whole answer; use stream() to get it piece by piece.")
        params.pop("stream", None)
        body = self.build_request(prompt_or_messages, model=model, **params)
        started = time.monotonic()
        response, _ = self._send("POST", self.chat_url, self._deadline(timeout), budget=timeout, json=body,
                                 headers=extra_headers)
        data = self._json(response)
        return ChatResult.from_response(data, response.headers, latency_s=time.monotonic() - started,
                                        requested_model=model)

    def stream(self, prompt_or_messages: Any, *, model: str = schema.DEFAULT_MODEL,
               extra_headers: dict | None = None, timeout: float | None = None, **params: Any) -> ChatStream:
        """Send one chat completion with ``stream=True``; iterate the result for text pieces.

        After the loop, ``.result`` holds a ChatResult assembled from the stream.
        """
        params["stream"] = True
        params.setdefault("stream_options", {"include_usage": True})
        body = self.build_request(prompt_or_messages, model=model, **params)

        def send(deadline: float, first_attempt: int) -> tuple[requests.Response, int]:
            return self._send("POST", self.chat_url, deadline, stream=True, first_attempt=first_attempt,
                              budget=timeout, json=body, headers=extra_headers)

        return ChatStream(send, model=model, policy=self.retry_policy, redact=self.redact,
                          timeout=timeout or self.timeout)

    def _deadline(self, timeout: float | None) -> float:
        return self.retry_policy.deadline(timeout or self.timeout)

    def models(self, *, timeout: float | None = None) -> list[str]:
        """The model ids ``GET /v1/models`` lists (free; no key needed)."""
        data = self._json(self._send("GET", self.base_url + "/models", self._deadline(timeout))[0])
        items = data.get("data") if isinstance(data, dict) else None
        return [m["id"] for m in items or [] if isinstance(m, dict) and isinstance(m.get("id"), str)]

    def balance(self, *, timeout: float | None = None) -> float:
        """The account's balance in USD (``GET /v2/billing``)."""
        data = self._json(self._send("GET", self.root_url + "/v2/billing", self._deadline(timeout))[0])
        value = data.get("current_balance") if isinstance(data, dict) else None
        if not isinstance(value, (int, float)):
            raise errors.APIResponseValidationError(
                f"The billing endpoint answered without a balance: {self.redact(repr(data)):.200}")
        return float(value)

    def usage(self, period: str = "24h", *, timeout: float | None = None) -> dict:
        """What this key spent in a recent window (``GET /v2/usage?period=24h``)."""
        response, _ = self._send("GET", self.root_url + "/v2/usage", self._deadline(timeout), params={"period": period})
        return self._json(response)

    # --- transport -----------------------------------------------------------------------

    def _send(self, method: str, url: str, deadline: float, *, stream: bool = False, first_attempt: int = 0,
              budget: float | None = None, **kwargs) -> tuple[requests.Response, int]:
        """One request with retries; returns (response with a status below 400, retries used so far).

        ``first_attempt`` counts retries already spent on this call (a stream sent again after a cut),
        so that one call never makes more than ``max_retries + 1`` attempts in all.
        """
        policy = self.retry_policy
        attempt = first_attempt
        while True:
            if deadline - policy.clock() <= 0:
                raise errors.APITimeoutError(self._timeout_text(budget))
            response, failure = self._attempt(method, url, deadline, attempt, stream=stream, budget=budget, **kwargs)
            if response is not None:
                return response, attempt
            headers = getattr(failure, "headers", None)
            wait = policy.wait_before_retry(attempt, deadline, headers)
            if wait is None:
                raise failure
            cause = getattr(failure, "status_code", type(failure).__name__)
            policy.pause(wait, RETRY_RECORD, method, urlsplit(url).path, wait, cause, attempt + 1, policy.max_retries)
            attempt += 1

    def _attempt(self, method: str, url: str, deadline: float, attempt: int, *, budget: float | None = None,
                 **kwargs) -> tuple[requests.Response | None, errors.APIError | None]:
        """One HTTP request: (the response, None) below 400, (None, the error) when another try may help.

        An error status that no retry can fix (a 400, a 401, ...) is raised at once.
        """
        remaining = deadline - self.retry_policy.clock()
        try:
            response = self._session.request(method, url, timeout=(min(CONNECT_TIMEOUT, remaining), remaining),
                                             **kwargs)
        except requests.Timeout:
            return None, errors.APITimeoutError(self._timeout_text(budget))
        except requests.RequestException as exc:
            failure = errors.APIConnectionError(self._connection_text(url, exc))
            failure.__cause__ = exc
            return None, failure
        if response.status_code < 400:
            return response, None
        model = kwargs["json"].get("model") if isinstance(kwargs.get("json"), dict) else None
        failure = self._status_error(response, attempt, urlsplit(url).path, deadline, model)
        response.close()
        if not self.retry_policy.retryable(response.status_code):
            raise failure
        return None, failure

    def _timeout_text(self, budget: float | None = None) -> str:
        """``budget``: the call's own timeout, when it passed one (else the client's)."""
        where = "timeout=... to the call" if budget else "a larger timeout to Client(timeout=...)"
        return (f"No complete answer within the {budget or self.timeout:g} s deadline. The server may be slow or "
                f"unreachable: try again, or pass {where}.")

    def _connection_text(self, url: str, exc: Exception) -> str:
        host = urlsplit(url).netloc
        text = f"Could not get an answer from {host}: {_why(exc)}."
        if self.key_source.startswith(("AIML", ".env")):
            text += " With no network, unset AIML_API_KEY (or set AIML_PRACTICE=1) to use the practice server."
        return text

    def _status_error(self, response: requests.Response, retries: int, path: str, deadline: float,
                      model: str | None = None) -> errors.APIStatusError:
        status = response.status_code
        try:
            body = self.redact(response.json())
        except ValueError:
            body = self.redact(response.text)[:500]  # redact first: a cut key is no longer whole
        api_message = _api_message(body)
        request_id = body.get("requestId") if isinstance(body, dict) else None
        text = f"Error code {status}"
        if api_message:
            text += f": {api_message}"
        asked = retry_after_seconds(response.headers)
        unserved = model if advice.model_unavailable(status, api_message, model) else None
        what_next = self._advice(status, retries, path, deadline, asked, unserved)
        text += f"\n{what_next.todo}"
        headers = requests.structures.CaseInsensitiveDict(
            {name: self.redact(value) for name, value in response.headers.items()})
        return errors.status_error_class(status)(
            text, status_code=status, api_message=api_message, body=body, headers=headers, retry_after=asked,
            request_id=request_id or response.headers.get("x-inference-id"), advice=what_next)

    def _advice(self, status: int, retries: int, path: str, deadline: float, asked: float | None,
                unserved: str | None) -> advice.Advice:
        """What to do next; when the server asked for a longer wait than the policy sits out, says so
        (the retry loop then raises this error instead of trying again early)."""
        policy = self.retry_policy
        if asked is not None and policy.retryable(status) and not policy.will_wait(asked, deadline):
            left = deadline - policy.clock()
            return advice.wait_refused(status, retries, asked, min(left, policy.max_retry_after),
                                       deadline=left <= policy.max_retry_after)
        return advice.for_status(status, retries=retries, path=path, simulated=self.simulated, retry_after=asked,
                                 model=unserved)

    def _json(self, response: requests.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            kind = response.headers.get("content-type", "no content type")
            snippet = self.redact(response.text)[:120]
            raise errors.APIResponseValidationError(
                f"The server answered {response.status_code} with {kind}, not JSON: {snippet!r}. "
                "Is base_url right? It should end in /v1.") from None


def _api_message(body: Any) -> str | None:
    """The API's own words in an error body: ``message`` (a list joined), ``error.message``, or the text."""
    if isinstance(body, str):
        return body.strip()[:200] or None
    if not isinstance(body, dict):
        return None
    message = body.get("message")
    if message is None and isinstance(body.get("error"), dict):
        message = body["error"].get("message")
    if isinstance(message, list):
        message = "; ".join(map(str, message))
    return message


#: What a failed DNS look-up says, on Linux, macOS and in urllib3's words.
_NO_NAME = ("NameResolutionError", "Name or service not known", "Temporary failure in name resolution",
            "nodename nor servname")


def _why(exc: Exception) -> str:
    """A plain-words reason for a connection failure (the exception's text names the URL, never the key)."""
    detail = str(exc)
    if isinstance(exc, requests.exceptions.SSLError):
        return "the secure (TLS) connection failed; a proxy or captive portal may be in the way"
    if any(s in detail for s in _NO_NAME):
        return "the host name could not be looked up, so there is no network or base_url has a typo"
    if "Connection refused" in detail or "ConnectionRefusedError" in detail:
        return "the connection was refused, so nothing is listening at that address (is base_url right?)"
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return "the connection broke in the middle of the answer"
    return f"{type(exc).__name__}; check your network connection and base_url"


def to_messages(prompt_or_messages: Any) -> list:
    """A plain string becomes one user message; a message dict or list passes through."""
    if isinstance(prompt_or_messages, str):
        if not prompt_or_messages.strip():
            raise errors.RequestValidationError("The prompt is empty: write what you want to ask.")
        return [{"role": "user", "content": prompt_or_messages}]
    if isinstance(prompt_or_messages, dict):
        return [prompt_or_messages]
    if isinstance(prompt_or_messages, (list, tuple)):
        return list(prompt_or_messages)
    raise errors.RequestValidationError(
        f"Pass a prompt string or a list of messages, not {type(prompt_or_messages).__name__}.")


@dataclass(frozen=True)
class Connection(Endpoints):
    """Where raw ``requests`` calls should go: ``.base_url`` and ``.api_key`` (shown masked)."""

    base_url: str
    api_key: str
    simulated: bool

    @property
    def api_key_masked(self) -> str:
        """The key as it may be shown: its last 4 characters."""
        return keys.mask_key(self.api_key)

    def __repr__(self) -> str:
        return (f"Connection(base_url={self.base_url!r}, api_key={self.api_key_masked!r}, "
                f"simulated={self.simulated})")
