"""The client: one ``requests.Session``, a deadline on every call, retries, typed errors.

    client = Client()                      # key from AIML_API_KEY / .env, else the practice server
    answer = client.chat("Tell me about San Francisco")
    for piece in client.stream("Write a haiku"):
        print(piece, end="")
"""
from __future__ import annotations

import email.utils
import logging
import math
import random
import time
from typing import Any
from urllib.parse import urlsplit

import requests

from . import errors, keys, schema
from .results import ChatResult

log = logging.getLogger("helpers")

#: Statuses worth another try: the request was fine, the moment was not.
RETRY_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})
CONNECT_TIMEOUT = 10.0
POOL_SIZE = 32
MAX_RETRY_AFTER = 60.0
USER_AGENT = "gemma-aiml-kit/0.1 (python-requests)"

# Indirections the tests patch so retry paths run fast and repeatably.
_sleep = time.sleep
_random = random.random


class _BearerAuth(requests.auth.AuthBase):
    """Adds the key to each request; its repr never shows the key."""

    def __init__(self, key: str):
        self._key = key

    def __call__(self, request):
        request.headers["Authorization"] = f"Bearer {self._key}"
        return request

    def __repr__(self) -> str:
        return f"BearerAuth({keys.mask_key(self._key)})"


def retry_after_seconds(headers: Any) -> float | None:
    """The wait a server asked for (``retry-after-ms`` or ``Retry-After``), or None if absent or unusable."""
    headers = requests.structures.CaseInsensitiveDict(headers or {})
    seconds = None
    value = headers.get("retry-after-ms")
    if value is not None:
        try:
            seconds = float(value) / 1000
        except ValueError:
            seconds = None  # unusable: fall back to Retry-After, as the OpenAI SDK does
    if seconds is None:
        value = headers.get("retry-after")
        if value is not None:
            try:
                seconds = float(value)
            except ValueError:
                try:
                    when = email.utils.parsedate_to_datetime(value)
                    seconds = when.timestamp() - time.time()
                except (TypeError, ValueError, IndexError, OverflowError):
                    seconds = None
    if seconds is None or not math.isfinite(seconds) or seconds < 0 or seconds > MAX_RETRY_AFTER:
        return None
    return seconds


def backoff_seconds(attempt: int, headers: Any = None) -> float:
    """How long to wait before retry number ``attempt + 1``.

    The server's Retry-After wins when it is sane (0 to 60 s); otherwise 0.5 s doubling
    per attempt, capped at 8 s, shortened by up to a quarter at random so that a room of
    learners does not retry in lockstep.
    """
    asked = retry_after_seconds(headers) if headers is not None else None
    if asked is not None:
        return asked
    return min(0.5 * 2 ** attempt, 8.0) * (1 - 0.25 * _random())


def _redact_obj(obj: Any, key: str | None) -> Any:
    if isinstance(obj, str):
        return keys.redact(obj, key)
    if isinstance(obj, dict):
        return {_redact_obj(k, key): _redact_obj(v, key) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_redact_obj(v, key) for v in obj]
    return obj


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
    """A reusable connection to the AI/ML API (or the practice server when no key is set).

    ``timeout`` is the whole deadline of one call in seconds: connecting, retries and
    streaming included.
    """

    def __init__(self, api_key: str | None = None, base_url: str | None = None, *,
                 timeout: float = 60.0, max_retries: int = 2):
        if not (isinstance(timeout, (int, float)) and timeout > 0):
            raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}.")
        if not (isinstance(max_retries, int) and max_retries >= 0):
            raise ValueError(f"max_retries must be a whole number >= 0, not {max_retries!r}.")
        self.timeout = float(timeout)
        self.max_retries = max_retries
        self.key_source = "argument" if api_key else ""
        self._practice_server = None
        if api_key is None and base_url is None:
            found, source = keys.find_api_key()
            base_url = keys.find_base_url()
            if keys.practice_forced() or (found is None and base_url is None):
                from .practice import shared_server

                self._practice_server = shared_server()
                found, source, base_url = self._practice_server.key, "practice server", self._practice_server.base_url
            api_key, self.key_source = found, source
        elif api_key is None:
            api_key, self.key_source = keys.find_api_key()
        self.base_url = self._check_base_url(base_url or keys.find_base_url() or schema.DEFAULT_BASE_URL)
        self._api_key = api_key or None
        self._session = requests.Session()
        # Room for a batch's concurrent calls (requests keeps 10 connections per host).
        adapter = requests.adapters.HTTPAdapter(pool_connections=4, pool_maxsize=POOL_SIZE)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)
        self._session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
        if self._api_key:
            self._session.auth = _BearerAuth(self._api_key)
        self._settle_environment()

    def _settle_environment(self) -> None:
        """Read the proxy and CA-bundle variables once, for this client's host, instead of per call.

        With ``trust_env`` on, requests scans every environment variable twice on each request
        (about 0.1 ms a call, more in a kernel's larger environment) and lets a ~/.netrc entry
        replace the Authorization header. The settings that apply are taken here, once.
        """
        found = self._session.merge_environment_settings(self.base_url, {}, None, None, None)
        self._session.proxies.update(found["proxies"])
        self._session.verify = found["verify"]
        self._session.trust_env = False

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
    def api_key_masked(self) -> str:
        return keys.mask_key(self._api_key)

    @property
    def has_key(self) -> bool:
        return bool(self._api_key)

    @property
    def simulated(self) -> bool:
        """True when the answers come from the practice server."""
        return self._practice_server is not None or self._api_key == keys.PRACTICE_KEY

    @property
    def mode(self) -> str:
        """``"practice"`` (simulated answers) or ``"real"`` (the AI/ML API)."""
        return "practice" if self.simulated else "real"

    def describe(self) -> str:
        """One paragraph saying where answers come from and how to switch."""
        if self.simulated:
            return (f"Practice mode: answers are simulated by the offline practice server at {self.base_url} "
                    "and every answer says so. To use the real API, set AIML_API_KEY (or put it in .env) "
                    "and restart the kernel.")
        if not self._api_key:
            return (f"No key: calls to {self.base_url} will be refused (401). Set AIML_API_KEY (or put it in .env) "
                    "and restart the kernel, or unset AIML_API_BASE to use the practice server.")
        if self._api_key.startswith("relay-"):  # a classroom relay's seat code (relay.SEAT_PREFIX), no call needed
            return (f"Real mode through the classroom relay at {self.base_url}, seat {self.api_key_masked}: calls "
                    "reach the real API on your instructor's key and spend your seat's budget (balance() shows "
                    "what is left). Set AIML_PRACTICE=1 to practise offline instead.")
        where = {"argument": "this kernel's memory"}.get(self.key_source, self.key_source or "nowhere")
        return (f"Real mode: calls go to {self.base_url} with the key {self.api_key_masked} "
                f"(from {where}). Calls cost credits. Set AIML_PRACTICE=1 to practise offline instead.")

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
            raise errors.RequestValidationError("chat() waits for the whole answer; use stream() to get it piece by piece.")
        params.pop("stream", None)
        body = self.build_request(prompt_or_messages, model=model, **params)
        started = time.monotonic()
        deadline = started + (timeout or self.timeout)
        response, _ = self._send("POST", self.chat_url, deadline, json=body, headers=extra_headers)
        data = self._json(response)
        return ChatResult.from_response(data, response.headers, latency_s=time.monotonic() - started,
                                        requested_model=model)

    def stream(self, prompt_or_messages: Any, *, model: str = schema.DEFAULT_MODEL,
               extra_headers: dict | None = None, timeout: float | None = None, **params: Any):
        """Send one chat completion with ``stream=True``; iterate the result for text pieces.

        After the loop, ``.result`` holds a ChatResult assembled from the stream.
        """
        from .streaming import ChatStream

        params["stream"] = True
        params.setdefault("stream_options", {"include_usage": True})
        body = self.build_request(prompt_or_messages, model=model, **params)
        return ChatStream(self, body, extra_headers=extra_headers, timeout=timeout or self.timeout)

    def _deadline(self, timeout: float | None) -> float:
        return time.monotonic() + (timeout or self.timeout)

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
            raise errors.APIResponseValidationError(f"The billing endpoint answered without a balance: {keys.redact(repr(data), self._api_key):.200}")
        return float(value)

    def usage(self, period: str = "24h", *, timeout: float | None = None) -> dict:
        """What this key spent in a recent window (``GET /v2/usage?period=24h``)."""
        response, _ = self._send("GET", self.root_url + "/v2/usage", self._deadline(timeout), params={"period": period})
        return self._json(response)

    # --- transport -----------------------------------------------------------------------

    def _send(self, method: str, url: str, deadline: float, *, stream: bool = False, first_attempt: int = 0,
              **kwargs) -> tuple[requests.Response, int]:
        """One request with retries; returns (response with a status below 400, retries used so far).

        ``first_attempt`` counts retries already spent on this call (a stream sent again after a cut),
        so that one call never makes more than ``max_retries + 1`` attempts in all.
        """
        attempt = first_attempt
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise errors.APITimeoutError(self._timeout_text())
            try:
                response = self._session.request(method, url, stream=stream,
                                                 timeout=(min(CONNECT_TIMEOUT, remaining), remaining), **kwargs)
            except requests.Timeout:
                failure: errors.APIError = errors.APITimeoutError(self._timeout_text())
                headers = None
            except requests.RequestException as exc:
                failure = errors.APIConnectionError(self._connection_text(url, exc))
                failure.__cause__ = exc
                headers = None
            else:
                if response.status_code < 400:
                    return response, attempt
                failure = self._status_error(response, attempt)
                headers = failure.headers
                response.close()
                if response.status_code not in RETRY_STATUSES:
                    raise failure
            if attempt >= self.max_retries:
                raise failure
            wait = backoff_seconds(attempt, headers)
            if time.monotonic() + wait >= deadline:
                raise failure
            log.info("Retrying %s %s in %.2f s after %s (retry %d of %d)", method, urlsplit(url).path, wait,
                     getattr(failure, "status_code", type(failure).__name__), attempt + 1, self.max_retries)
            _sleep(wait)
            attempt += 1

    def _timeout_text(self) -> str:
        return (f"No complete answer within the {self.timeout:g} s deadline. The server may be slow or "
                "unreachable: try again, or pass a larger timeout to Client(timeout=...).")

    def _connection_text(self, url: str, exc: Exception) -> str:
        host = urlsplit(url).netloc
        text = f"Could not get an answer from {host}: {_why(exc)}."
        if self.key_source.startswith(("AIML", ".env")):
            text += " With no network, unset AIML_API_KEY (or set AIML_PRACTICE=1) to use the practice server."
        return text

    def _status_error(self, response: requests.Response, retries: int) -> errors.APIStatusError:
        status = response.status_code
        try:
            body = _redact_obj(response.json(), self._api_key)
        except ValueError:
            body = keys.redact(response.text, self._api_key)[:500]  # redact first: a cut key is no longer whole
        api_message = None
        if isinstance(body, dict):
            api_message = body.get("message")
            if api_message is None and isinstance(body.get("error"), dict):
                api_message = body["error"].get("message")
            if isinstance(api_message, list):
                api_message = "; ".join(map(str, api_message))
        elif isinstance(body, str) and body.strip():
            api_message = body.strip()[:200]
        request_id = body.get("requestId") if isinstance(body, dict) else None
        text = f"Error code {status}"
        if api_message:
            text += f": {api_message}"
        text += f"\n{errors.next_step(status, retries)}"
        cls = errors.status_error_class(status)
        return cls(text, status_code=status, api_message=api_message, request_id=request_id or response.headers.get("x-inference-id"),
                   body=body, headers=requests.structures.CaseInsensitiveDict(
                       {name: keys.redact(value, self._api_key) for name, value in response.headers.items()}))

    def _json(self, response: requests.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            kind = response.headers.get("content-type", "no content type")
            snippet = keys.redact(response.text, self._api_key)[:120]
            raise errors.APIResponseValidationError(
                f"The server answered {response.status_code} with {kind}, not JSON: {snippet!r}. "
                "Is base_url right? It should end in /v1.") from None


def _why(exc: Exception) -> str:
    """A plain-words reason for a connection failure (the exception's text names the URL, never the key)."""
    detail = str(exc)
    if isinstance(exc, requests.exceptions.SSLError):
        return "the secure (TLS) connection failed; a proxy or captive portal may be in the way"
    if any(s in detail for s in ("NameResolutionError", "Name or service not known", "Temporary failure in name resolution", "nodename nor servname")):
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


# --- module-level shortcuts over one default client -----------------------------------

_default_client: Client | None = None


def get_client() -> Client:
    """The default client, built from the environment on first use."""
    global _default_client
    if _default_client is None:
        _default_client = Client()
    return _default_client


def set_client(client: Client | None) -> None:
    """Make ``client`` the default (None: rebuild from the environment next time)."""
    global _default_client
    _default_client = client


def chat(prompt_or_messages: Any, **kwargs: Any) -> ChatResult:
    """``get_client().chat(...)``."""
    return get_client().chat(prompt_or_messages, **kwargs)


def stream(prompt_or_messages: Any, **kwargs: Any):
    """``get_client().stream(...)``."""
    return get_client().stream(prompt_or_messages, **kwargs)


def models() -> list[str]:
    """``get_client().models()``."""
    return get_client().models()


def balance() -> float:
    """``get_client().balance()``."""
    return get_client().balance()


def usage(period: str = "24h") -> dict:
    """``get_client().usage(period)``."""
    return get_client().usage(period)
