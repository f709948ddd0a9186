"""Everything about a batch that can be checked before a single call is sent."""
from __future__ import annotations

from typing import Any

from .. import errors

#: The highest concurrency accepted: beyond this a learner's batch only earns 429s.
MAX_CONCURRENCY = 32


def check_inputs(prompts: Any, client: Any, model: str, concurrency: Any, extra_headers: Any,
                 params: dict) -> tuple[list, list[dict]]:
    """The prompts as a list and the headers of each; raises RequestValidationError on anything unsendable."""
    prompts = _prompt_list(prompts)
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or not 1 <= concurrency <= MAX_CONCURRENCY:
        raise errors.RequestValidationError(
            f"concurrency must be a whole number from 1 to {MAX_CONCURRENCY} (calls in flight at once), "
            f"not {concurrency!r}. 8 is a good start; lower it if you see 429 Too Many Requests.")
    problems = []
    for i, prompt in enumerate(prompts):
        try:
            client.build_request(prompt, model=model, **params)
        except errors.RequestValidationError as exc:
            problems.append(f"prompt {i}: {str(exc).replace(chr(10), ' ')}")
    if problems:
        shown = "\n".join(f"  - {p}" for p in problems[:5])
        more = f"\n  ... and {len(problems) - 5} more" if len(problems) > 5 else ""
        raise errors.RequestValidationError(
            f"Nothing was sent: {len(problems)} of the {len(prompts)} prompts cannot be sent as they are.\n"
            f"{shown}{more}\nEach prompt must be a non-empty string (or a list of messages).")
    return prompts, _headers_per_prompt(extra_headers, len(prompts))


def _prompt_list(prompts: Any) -> list:
    if isinstance(prompts, (str, bytes, dict)):
        raise errors.RequestValidationError(
            "batch() takes a list of prompts, for example batch([\"Name a colour\", \"Name a fruit\"]); "
            "for a single prompt use helpers.chat(...).")
    try:
        return list(prompts)
    except TypeError:
        raise errors.RequestValidationError(
            f"batch() takes a list of prompts, not {type(prompts).__name__}.") from None


def _headers_per_prompt(extra_headers: Any, count: int) -> list[dict]:
    if extra_headers is None or isinstance(extra_headers, dict):
        return [dict(extra_headers or {}) for _ in range(count)]
    if isinstance(extra_headers, (list, tuple)) and len(extra_headers) == count and all(
            h is None or isinstance(h, dict) for h in extra_headers):
        return [dict(h or {}) for h in extra_headers]
    raise errors.RequestValidationError(
        "extra_headers must be one dict (sent with every prompt) or a list with one dict (or None) "
        f"per prompt, {count} in all.")
