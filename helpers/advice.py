"""What went wrong and what to do next: one table, read by the client's errors, the widgets and live/.

    advice = for_status(401)          # Advice(what="the API refused the key (401)", todo="Check the key: ...")
    advice = for_error(exc)           # the same for any error a call raised
    print(advice)                     # "the API refused the key (401): Check the key: ..."

The vendor's pages are written here once: ``SIGN_UP_PAGE``, ``KEYS_PAGE``, ``BILLING_PAGE``.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import errors
from .settings import LARGE_MODEL_VARIABLE, SMALL_MODEL_VARIABLE

SIGN_UP_PAGE = "https://aimlapi.com/app/sign-up"
KEYS_PAGE = "https://aimlapi.com/app/keys"
BILLING_PAGE = "https://aimlapi.com/app/billing/"
CHAT_PATH = "/chat/completions"

#: What to do about a 401, in the words every part of the kit shows.
CHECK_THE_KEY = (f"Check the key: copy the whole key again (no spaces or quotes) and make sure it is enabled at "
                 f"{KEYS_PAGE}.")

__all__ = ["Advice", "for_status", "for_error", "model_unavailable", "wait_refused", "seconds_text", "SIGN_UP_PAGE",
           "KEYS_PAGE", "BILLING_PAGE", "CHECK_THE_KEY"]


@dataclass(frozen=True)
class Advice:
    """``what`` went wrong, in a few words; what to do next (``todo``), as a sentence or two."""

    what: str
    todo: str

    def __str__(self) -> str:
        return f"{self.what}: {self.todo}"


def model_unavailable(status: int, api_message: str | None, model: str | None) -> bool:
    """True when an error answer says the model itself is unknown or no longer served (a retired id)."""
    if not model or status not in (400, 404, 410):
        return False
    text = (api_message or "").lower()
    return model.lower() in text or (status in (404, 410) and "model" in text)


def for_status(status: int, *, retries: int = 0, path: str | None = None, simulated: bool = False,
               retry_after: float | None = None, model: str | None = None) -> Advice:
    """The advice for an error status. ``path``: what was called (for a 404); ``simulated``: the practice
    server answered, so switching to it is no advice; ``retry_after``: the seconds the server asked to
    wait; ``model``: set when the answer says this model is unknown or no longer served."""
    tried = _tried(retries)
    asked = f" (the server asks to wait {seconds_text(retry_after)})" if retry_after is not None else ""
    if model is not None:
        return Advice(f"the API does not serve {model!r} ({status}); it may have been retired",
                      f"Choose a model it serves: helpers.models() lists them. Set {SMALL_MODEL_VARIABLE} (the "
                      f"lessons' 4B) or {LARGE_MODEL_VARIABLE} (their 12B) to it, in the environment or .env, and "
                      "restart the kernel.")
    if status == 400:
        return Advice("the request was refused (400)", "Fix the request: the message names the field that is wrong.")
    if status == 401:
        return Advice("the API refused the key (401)",
                      f"{CHECK_THE_KEY} The kit reads it from AIML_API_KEY (the environment or .env); with "
                      "AIML_API_KEY empty, it uses the practice server instead.")
    if status == 403:
        return Advice("the key works but the account cannot pay (403)", f"Top up your balance at {BILLING_PAGE}.")
    if status == 404:
        return Advice("not found (404)", _not_found(path))
    if status in (408, 409):
        return Advice(f"the server gave up ({status})", tried + f"Try again in a moment{asked}.")
    if status == 429:
        wait = (f"Wait {seconds_text(retry_after)} as the server asks" if retry_after is not None
                else "Wait a minute")
        return Advice("too many requests (429)",
                      tried + f"{wait}, then send fewer requests at once (helpers.batch bounds concurrency).")
    if status >= 500:
        if simulated:
            return Advice(f"the practice server failed ({status})",
                          tried + f"A practice fault, or a bug: try again{asked}.")
        return Advice(f"the server failed ({status})",
                      tried + f"The server or the model's provider failed: try again later{asked}, or switch to "
                      "the practice server (helpers.use_practice()).")
    return Advice(f"the API answered {status}", tried + "See the message above.")


def for_error(exc: BaseException) -> Advice:
    """The advice for an error a call raised (the client's own advice when it attached one)."""
    attached = getattr(exc, "advice", None)
    if isinstance(attached, Advice):
        return attached
    if isinstance(exc, errors.RequestValidationError):
        return Advice("not sent", "Fix what the message names; nothing reached the API.")
    if isinstance(exc, errors.APIStatusError):
        return for_status(exc.status_code, retry_after=getattr(exc, "retry_after", None))
    if isinstance(exc, errors.APITimeoutError):
        return Advice("no complete answer in time",
                      "The server or the network is slow: try again, ask for fewer tokens (max_tokens), or "
                      "allow more time (timeout=...).")
    if isinstance(exc, errors.APIConnectionError):
        return Advice("no connection",
                      "Check your network connection and AIML_API_BASE (unset it for the real API), or switch to "
                      "the practice server (helpers.use_practice()).")
    if isinstance(exc, errors.APIResponseValidationError):
        return Advice("not an AI/ML API answer", "Check AIML_API_BASE: it should end in /v1 and point at the API.")
    return Advice(f"something unexpected went wrong ({type(exc).__name__})",
                  "Run the cell again; if it persists, restart the kernel.")


def wait_refused(status: int, retries: int, asked: float, longest: float, *, deadline: bool) -> Advice:
    """What to do when the server asked to wait ``asked`` seconds, longer than the client sits out
    (``longest``: what it would wait; ``deadline``: the call's deadline, not the cap, set that)."""
    limit = (f"the {seconds_text(max(longest, 0.0))} left before this call's deadline" if deadline
             else f"the {seconds_text(longest)} the client waits at most")
    text = (f"{_tried(retries)}The server asked to wait {seconds_text(asked)} before another try, longer than "
            f"{limit}, so the client did not try again early: a try sooner would be refused too. Wait that long "
            "before sending again (this error's .retry_after holds the seconds)")
    what = "too many requests (429)" if status == 429 else f"the server failed ({status})"
    if status == 429:
        return Advice(what, text + "; if it keeps happening, send fewer requests at once (helpers.batch bounds "
                      "concurrency).")
    return Advice(what, text + (", or pass a larger timeout." if deadline else "."))


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
