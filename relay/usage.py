"""The window of a ``GET /v2/usage`` query, as the API takes it (``period=24h`` or ``start`` and ``end``)."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

PERIOD = re.compile(r"^(\d{1,5})([hd])$")
MAX_WINDOW = timedelta(days=92)


def usage_window(query) -> tuple[datetime, datetime]:
    """(start, end) in UTC; ValueError with what to send instead."""
    period, start, end = query.get("period"), query.get("start"), query.get("end")
    now = datetime.now(timezone.utc)
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
        if finish - begin > MAX_WINDOW:
            raise ValueError("The window must not exceed 92 days")
        return begin, finish
    match = PERIOD.match(period or "24h")
    if not match:
        raise ValueError(f"period must be a positive integer followed by h or d (for example 24h or 7d), "
                         f"received '{str(period)[:40]}'")
    hours = int(match.group(1)) * (24 if match.group(2) == "d" else 1)
    if hours > MAX_WINDOW.days * 24:
        raise ValueError("The window must not exceed 92 days")
    return now - timedelta(hours=hours), now


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
