"""What the live tools share: where to connect, deadlines, why a connection failed, plain tables."""
from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import dataclass
from typing import Callable, Sequence
from urllib.parse import urlsplit

import helpers
from helpers import advice, errors, keys, schema, settings
from helpers.money import format_usd

__all__ = ["Target", "load_target", "Deadline", "DeadlinePassed", "Diagnosis", "diagnose_connection",
           "explain_error", "format_table", "format_usd", "NO_KEY_TEXT"]

#: Shown when no key is configured: how an instructor gets one.
NO_KEY_TEXT = f"""\
No API key is configured, so nothing can be checked against the real API.

To get one:
  1. Create an account at {advice.SIGN_UP_PAGE} and add credits (the free tier is paused:
     the account must be funded).
  2. Create a key at {advice.KEYS_PAGE} and make sure it is enabled.
  3. Give it to the kit, either way:
       export AIML_API_KEY=<your key>          (this shell only)
       cp .env.example .env  and fill in AIML_API_KEY=   (git ignores .env)
Then run this again. The key is only ever shown masked (****abcd)."""


@dataclass(frozen=True)
class Target:
    """The API the live tools talk to: base URL and key, as the lessons would find them."""

    api_key: str | None
    key_source: str
    base_url: str

    @property
    def masked_key(self) -> str:
        return keys.mask_key(self.api_key)

    @property
    def chat_url(self) -> str:
        return self.base_url + "/chat/completions"

    @property
    def root_url(self) -> str:
        return self.base_url[: -len("/v1")] if self.base_url.endswith("/v1") else self.base_url

    @property
    def practice(self) -> bool:
        """True when the key is the practice server's (answers and prices are simulated)."""
        return self.api_key == keys.PRACTICE_KEY

    def client(self, *, timeout: float = 15.0, max_retries: int = 1, api_key: str | None = None) -> helpers.Client:
        """A ``helpers.Client`` for this target (``api_key`` overrides, for the wrong-key check)."""
        return helpers.Client(api_key=api_key or self.api_key, base_url=self.base_url,
                              timeout=timeout, max_retries=max_retries)

    def describe(self) -> str:
        if self.practice:
            where = "a practice server (simulated answers, practice prices)"
        elif self.base_url == schema.DEFAULT_BASE_URL:
            where = "the real AI/ML API (calls cost credits)"
        else:
            where = "the API named by AIML_API_BASE (calls may cost credits)"
        return f"{self.base_url} with key {self.masked_key} (from {self.key_source or 'nowhere'}): {where}"

    def __repr__(self) -> str:  # never the key itself
        return f"Target(base_url={self.base_url!r}, key={self.masked_key!r}, source={self.key_source!r})"


def load_target() -> Target:
    """The key and base URL from the environment or .env (``AIML_API_KEY``, ``AIML_API_BASE``)."""
    key, source = settings.find_api_key()
    base = (settings.find_base_url() or schema.DEFAULT_BASE_URL).rstrip("/")
    return Target(key, source, base)


def redact(text: str, *secrets: str | None) -> str:
    """``text`` with each secret replaced by its masked form."""
    for secret in secrets:
        text = keys.redact(text, secret)
    return text


class DeadlinePassed(Exception):
    """The whole run's deadline passed before this step could start."""


class Deadline:
    """A deadline for a whole run; ``timeout(cap)`` is the time a single call may take."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic):
        self.seconds = float(seconds)
        self._clock = clock
        self._end = clock() + self.seconds

    def remaining(self) -> float:
        return max(0.0, self._end - self._clock())

    @property
    def passed(self) -> bool:
        return self.remaining() <= 0

    def timeout(self, cap: float, floor: float = 1.0) -> float:
        """``min(cap, remaining)``; raises DeadlinePassed when less than ``floor`` seconds are left."""
        left = self.remaining()
        if left < floor:
            raise DeadlinePassed(f"the {self.seconds:g} s deadline of this run passed")
        return min(cap, left)


# --------------------------------------------------------------------------- why a connection failed

@dataclass(frozen=True)
class Diagnosis:
    """Why a host could not be reached: ``kind`` is dns, refused, timeout, unreachable or connected."""

    kind: str
    text: str

    @property
    def no_network(self) -> bool:
        return self.kind in ("dns", "timeout", "unreachable")


def _resolve(host: str, port: int, timeout: float, resolve: Callable) -> list:
    box: dict = {}

    def work() -> None:
        try:
            box["addrs"] = resolve(host, port, type=socket.SOCK_STREAM)
        except Exception as exc:  # noqa: BLE001 - handed to the caller below
            box["error"] = exc

    thread = threading.Thread(target=work, name="live-dns", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise TimeoutError(f"the DNS lookup of {host} took over {timeout:g} s")
    if "error" in box:
        raise box["error"]
    return box["addrs"]


def diagnose_connection(url: str, timeout: float = 5.0, *, resolve: Callable = socket.getaddrinfo,
                        connect: Callable = socket.create_connection) -> Diagnosis:
    """Look up and connect to ``url``'s host (no HTTP) to say why a request got no answer.

    ``helpers.Client`` reports every transport failure as one ``APIConnectionError``; this
    tells a DNS failure (no network, or a typo in the host) from a refused or silent port.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addrs = _resolve(host, port, timeout, resolve)
    except TimeoutError:
        return Diagnosis("dns", f"the name {host} could not be looked up within {timeout:g} s: "
                                "no network, or no DNS server answering")
    except socket.gaierror as exc:
        return Diagnosis("dns", f"the name {host} could not be looked up ({exc.strerror or exc}): "
                                "no network, or a typo in the host name")
    except OSError as exc:
        return Diagnosis("dns", f"the name {host} could not be looked up ({exc}): no network?")
    last: Exception | None = None
    for family, kind, proto, _, address in addrs[:3]:
        try:
            sock = connect(address[:2], timeout=timeout)
        except ConnectionRefusedError as exc:
            last = exc
            return Diagnosis("refused", f"{host}:{port} refused the connection: nothing listens there")
        except (socket.timeout, TimeoutError) as exc:
            last = exc
            continue
        except OSError as exc:
            last = exc
            continue
        else:
            sock.close()
            return Diagnosis("connected", f"{host}:{port} accepts connections, but the HTTP request failed "
                                          "(a proxy, TLS or firewall problem?)")
    if isinstance(last, (socket.timeout, TimeoutError)):
        return Diagnosis("timeout", f"connecting to {host}:{port} got no answer within {timeout:g} s: "
                                    "no network, or a firewall drops the traffic")
    return Diagnosis("unreachable", f"{host}:{port} cannot be reached ({last}): no network?")


def explain_error(exc: BaseException, target: Target) -> tuple[str, str]:
    """(what went wrong, what to do) for an error of a live call, in a table's words (helpers.advice's table,
    with what only a live run can add: its own deadline, a diagnosis of the connection)."""
    if isinstance(exc, DeadlinePassed):
        return f"not checked: {exc}", "Run it again; if it keeps happening the API or network is slow."
    if isinstance(exc, errors.RequestValidationError):
        return f"refused before sending: {exc}", "This is a bug in the live tools: report it."
    found = advice.for_error(exc)
    if isinstance(exc, errors.APIConnectionError) and not isinstance(exc, errors.APITimeoutError):
        diagnosis = diagnose_connection(target.base_url, timeout=3.0)
        if diagnosis.no_network:
            return (f"no network: {diagnosis.text}",
                    "Connect this machine to the internet (or fix DNS), then run it again.")
        return f"cannot connect: {diagnosis.text}", found.todo
    what = found.what
    if isinstance(exc, errors.APIStatusError) and exc.api_message:
        what += ": " + redact(str(exc.api_message), target.api_key)[:160]
    elif isinstance(exc, errors.APIResponseValidationError):
        what += ": " + redact(str(exc), target.api_key)[:160]
    elif not isinstance(exc, errors.APIError):
        what = f"{type(exc).__name__}: {redact(str(exc), target.api_key)[:160]}"
    return what, found.todo


# --------------------------------------------------------------------------- plain-text tables

def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Columns padded with spaces; the last column may hold several lines (indented under it)."""
    cells = [[str(c) for c in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(r[i].split("\n")[0]) if i == len(headers) - 1 else max(len(x) for x in r[i].split("\n"))
                  for r in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        first = [row[i].split("\n")[0] for i in range(len(headers))]
        lines.append("  ".join(v.ljust(widths[i]) for i, v in enumerate(first)).rstrip())
        indent = sum(w + 2 for w in widths[:-1])
        for extra in row[-1].split("\n")[1:]:
            lines.append(" " * indent + extra)
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def env_float(name: str, default: float) -> float:
    """A positive number from the environment, or ``default``."""
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default
