"""Serving the API: what a server that speaks it must say and read alike, whichever server it is.

The API's documented error messages, the body size limit, a request body read as strict JSON
and the window of a ``/v2/usage`` query. Shared by the two such servers in this repository, the
offline practice server (``helpers.practice``) and the classroom relay (``relay/``).
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

from .advice import BILLING_PAGE, KEYS_PAGE

#: The API's documented error messages, by status.
MESSAGES = {
    400: "Body validation error!",
    401: f"This request requires a valid API key. You can create a new API key on the Billing page: {KEYS_PAGE}",
    403: "You've run out of credits. Please top up your balance or update your payment method to "
         f"continue: {BILLING_PAGE}",
    404: "Not Found",
    408: "Request Timeout",
    409: "Conflict",
    413: "Payload Too Large",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal server error",
    502: "Bad Gateway",
    503: "Service unavailable",
    504: "Generation timeout",
}
#: The largest request body either server reads.
MAX_BODY_BYTES = 10 * 1024 * 1024

#: ``GET /v2/usage?period=``: hours or days, for example 24h or 7d.
PERIOD = re.compile(r"^(\d{1,5})([hd])$")
#: The longest window ``GET /v2/usage`` covers.
MAX_USAGE_WINDOW = timedelta(days=92)


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def parse_json(raw: bytes):
    """The request body as JSON (NaN and Infinity refused, as JSON has neither); ValueError with a readable
    reason when it is not."""
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        raise ValueError(f"the body is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except RecursionError:
        raise ValueError("the body is nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise ValueError(str(exc)) from None


def usage_window(period: str | None, start: str | None, end: str | None) -> tuple[datetime, datetime]:
    """The (start, end) in UTC of a ``/v2/usage`` query (``period``, or ``start`` and ``end``; 24 hours when
    neither); ValueError with what to send instead."""
    if period is not None and (start or end):
        raise ValueError("Provide either period or both start and end, not both")
    if start or end:
        if not (start and end):
            raise ValueError("start and end must be given together")
        try:
            begin, finish = (_utc(datetime.fromisoformat(v.replace("Z", "+00:00"))) for v in (start, end))
        except ValueError:
            raise ValueError("start and end must be ISO-8601 dates, for example 2026-07-01T00:00:00Z") from None
        if finish < begin:
            raise ValueError("end must not be earlier than start")
        if finish - begin > MAX_USAGE_WINDOW:
            raise ValueError("The window must not exceed 92 days")
        return begin, finish
    match = PERIOD.match(period or "24h")
    if not match:
        raise ValueError("period must be a positive integer followed by h or d (for example 24h or 7d), "
                         f"received '{str(period)[:40]}'")
    hours = int(match.group(1)) * (24 if match.group(2) == "d" else 1)
    if hours > MAX_USAGE_WINDOW.days * 24:
        raise ValueError("The window must not exceed 92 days")
    now = datetime.now(timezone.utc)
    return now - timedelta(hours=hours), now


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
