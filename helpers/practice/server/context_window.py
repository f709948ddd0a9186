"""The context window: a request whose prompt and requested answer cannot both fit is refused with a 400.

A model reads at most its context window of tokens, the prompt and the answer together, and an
API that serves it refuses a longer request before generating anything. The vendor's documentation
gives no wording for that refusal, so the message is the kit's own, in the shape of the API's
documented 400s ("Body validation error!", then what is wrong and what to change).

Pure: the caller counts the prompt's tokens (the practice server counts them as it bills them).
"""
from __future__ import annotations

import math


def requested_answer_tokens(body: dict, output_max: int) -> int:
    """The answer's token limit the request sets (``max_completion_tokens`` first, then ``max_tokens``, as the
    practice server reads them), at most ``output_max`` (the longest answer the model writes, whatever a
    request asks); 0 when it sets none, since then only the prompt has to fit."""
    limit = body.get("max_completion_tokens")
    if limit is None:
        limit = body.get("max_tokens")
    if isinstance(limit, bool) or not isinstance(limit, (int, float)) or not math.isfinite(limit):
        return 0
    return max(0, min(math.ceil(limit), output_max))


def context_window_problem(model: str, prompt_tokens: int, answer_tokens: int, context: int) -> str | None:
    """The 400's message when ``prompt_tokens`` plus ``answer_tokens`` exceed ``context``; None when they fit."""
    total = prompt_tokens + answer_tokens
    if total <= context:
        return None
    if answer_tokens:
        return (f"Body validation error! [messages] The prompt is {prompt_tokens:,} tokens and max_tokens asks for "
                f"{answer_tokens:,} more: {total:,} tokens, over the {context:,}-token context window of {model}. "
                "Shorten the messages or lower max_tokens.")
    return (f"Body validation error! [messages] The prompt is {prompt_tokens:,} tokens, over the {context:,}-token "
            f"context window of {model}. Shorten the messages.")
