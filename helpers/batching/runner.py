"""Many prompts at once: bounded concurrency, a progress bar, rate-limit awareness, no lost errors.

    items = helpers.batch(["Name a colour", "Name a fruit"], concurrency=8, max_tokens=20)
    for item in items:
        print(item.index, item.text if item.ok else item.error)
    items.summary()          # count, failures, tokens, cost, wall time
    items                    # an HTML table in a notebook

How it works: a thread pool sends the calls through one ``helpers.Client`` (one
``requests.Session``, so connections are reused), never more than ``concurrency`` at a
time. Every call has the client's deadline and the client's retries (429 and 5xx, honouring
Retry-After). On top of that, when 429 "Too Many Requests" answers keep coming, the batch
halves its concurrency and says so, and an item that still ends in a 429 is tried again
later at the lower concurrency. Any other failure is kept on its item (``item.error``):
one bad call never sinks the batch unless you ask with ``raise_errors=True``.
"""
from __future__ import annotations

import html
import logging
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import requests

from . import errors, schema
from .cost import format_usd, html_table
from .results import ChatResult

__all__ = ["batch", "BatchItem", "BatchResults", "BatchCancelled", "to_rows", "summary", "MAX_CONCURRENCY"]

log = logging.getLogger("helpers.batch")

#: The highest concurrency accepted: beyond this a learner's batch only earns 429s.
MAX_CONCURRENCY = 32
#: 429 answers (to requests sent at the current concurrency) that make the batch halve it.
RATE_LIMITS_BEFORE_SLOWING = 2
#: Extra tries the batch gives an item whose call still ended in 429 after the client's retries.
RATE_LIMIT_REQUEUES = 2
#: The longest the batch waits before such a try; a server asking for more (a quota per minute,
#: say) gets no requeue: the item keeps its RateLimitError, to be sent again later by you.
MAX_REQUEUE_WAIT = 10.0


@dataclass
class BatchItem:
    """One prompt of a batch and how it went: ``result`` when ``ok``, otherwise ``error``."""

    index: int
    prompt: Any
    result: ChatResult | None = None
    error: BaseException | None = None
    #: Seconds this item's calls took (waiting for a free slot not included).
    elapsed_s: float | None = None
    #: How many times the batch sent it (more than 1 after a rate-limit requeue).
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.result is not None and self.error is None

    @property
    def text(self) -> str | None:
        return self.result.text if self.result is not None else None

    def __repr__(self) -> str:
        prompt = _prompt_text(self.prompt)
        prompt = prompt if len(prompt) <= 40 else prompt[:37] + "..."
        if self.ok:
            text = self.result.text
            text = text if len(text) <= 50 else text[:47] + "..."
            return f"BatchItem({self.index}, {prompt!r}, ok, text={text!r})"
        return f"BatchItem({self.index}, {prompt!r}, error={type(self.error).__name__}: {_error_line(self.error)!r})"


def _prompt_text(prompt: Any) -> str:
    """A prompt as one line of text: the string, or the last user message's text."""
    if isinstance(prompt, str):
        return prompt
    messages = prompt if isinstance(prompt, (list, tuple)) else [prompt]
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("role") == "user":
            from .results import content_text

            return content_text(message.get("content"))
    return repr(prompt)


def _error_line(error: BaseException | None) -> str:
    if error is None:
        return ""
    return (str(error).splitlines() or [type(error).__name__])[0]


class BatchResults(list):
    """The items of a batch, in the order of the prompts (a list), plus what the run noticed."""

    def __init__(self, items: Iterable[BatchItem] = (), *, wall_s: float | None = None,
                 concurrency: int | None = None, final_concurrency: int | None = None,
                 max_in_flight: int = 0, rate_limited: int = 0, notes: Sequence[str] = (),
                 model: str | None = None, params: dict | None = None):
        super().__init__(items)
        #: The model and the request parameters every call of the batch sent.
        self.model = model
        self.params = dict(params or {})
        #: Seconds from the first call to the last answer.
        self.wall_s = wall_s
        #: The concurrency asked for, and the one the batch ended at (lower after 429s).
        self.concurrency = concurrency
        self.final_concurrency = final_concurrency
        #: The most calls that were in flight at one moment (never above ``concurrency``).
        self.max_in_flight = max_in_flight
        #: How many 429 answers the batch saw (including those the client retried away).
        self.rate_limited = rate_limited
        #: What the batch did about rate limits, in words.
        self.notes = list(notes)

    @property
    def failures(self) -> list[BatchItem]:
        return [item for item in self if not item.ok]

    @property
    def results(self) -> list[ChatResult | None]:
        """The ChatResult of each item (None where it failed), in prompt order."""
        return [item.result for item in self]

    @property
    def texts(self) -> list[str | None]:
        return [item.text for item in self]

    def to_rows(self, max_chars: int | None = None) -> list[dict]:
        return to_rows(self, max_chars=max_chars)

    def summary(self) -> dict:
        return summary(self)

    def __repr__(self) -> str:
        s = summary(self)
        head = (f"BatchResults: {s['count']} items, {s['failures']} failed, {s['tokens']:,} tokens, "
                f"{format_usd(s['cost_usd'])}")
        if self.wall_s is not None:
            head += f", {self.wall_s:.2f} s wall time"
        lines = [head] + [f"  {item!r}" for item in self[:10]]
        if len(self) > 10:
            lines.append(f"  ... and {len(self) - 10} more (see .to_rows())")
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        s = summary(self)
        head = (f"<b>{s['count']} items, {s['failures']} failed</b>, {s['tokens']:,} tokens, "
                f"{html.escape(format_usd(s['cost_usd']))}")
        if self.wall_s is not None:
            head += f", {self.wall_s:.2f} s wall time at concurrency {self.concurrency}"
        notes = "".join(f"<br><small>{html.escape(n)}</small>" for n in self.notes)
        return f"<div>{head}{notes}{html_table(to_rows(self), max_chars=80)}</div>"


def to_rows(items: Iterable[BatchItem], max_chars: int | None = None) -> list[dict]:
    """One dict per item for a table: index, prompt, text, tokens, latency_s, cost_usd, error.

    ``max_chars`` shortens the prompt and text columns (None keeps them whole).
    """
    def cut(text: str | None) -> str | None:
        if text is None or max_chars is None or len(text) <= max_chars:
            return text
        return text[: max(1, max_chars - 1)] + "…"

    rows = []
    for item in items:
        result = item.result if item.ok else None
        rows.append({
            "index": item.index,
            "prompt": cut(_prompt_text(item.prompt)),
            "text": cut(result.text) if result else None,
            "tokens": result.tokens if result else None,
            "latency_s": round(result.latency_s, 3) if result and result.latency_s is not None else None,
            "cost_usd": result.cost_usd if result else None,
            "error": f"{type(item.error).__name__}: {_error_line(item.error)}" if item.error is not None else None,
        })
    return rows


def summary(items: Iterable[BatchItem]) -> dict:
    """Totals of a batch: count, ok, failures, tokens, cost_usd, cost_unknown, wall_s.

    ``cost_usd`` adds up the answers whose cost is known; ``cost_unknown`` counts the
    successful answers that carried none. ``wall_s`` is the batch's wall time (None when
    ``items`` is a plain list rather than what ``batch()`` returned).
    """
    wall_s = getattr(items, "wall_s", None)
    items = list(items)
    done = [item.result for item in items if item.ok]
    return {
        "count": len(items),
        "ok": len(done),
        "failures": len(items) - len(done),
        "tokens": sum(r.tokens or 0 for r in done),
        "cost_usd": round(sum(r.cost_usd for r in done if r.cost_usd is not None), 12),
        "cost_unknown": sum(1 for r in done if r.cost_usd is None),
        "wall_s": round(wall_s, 3) if wall_s is not None else None,
    }


class _Limiter:
    """At most ``limit`` calls at once; the limit can only go down while the batch runs.

    Each holder gets the limiter's ``generation`` when it starts. A 429 counts against the
    current limit only if its request started under that limit: answers to requests sent
    before a slow-down cannot trigger another one (the idea behind TCP's congestion control).
    """

    def __init__(self, limit: int):
        self.limit = limit
        self.in_flight = 0
        self.max_in_flight = 0
        self.generation = 0
        self.rate_limited = 0
        self._strikes = 0
        self._stopped = False
        self._cond = threading.Condition()

    def acquire(self) -> int | None:
        """Wait for a free slot; returns the generation, or None once the batch is stopping."""
        with self._cond:
            while self.in_flight >= self.limit and not self._stopped:
                self._cond.wait(0.5)
            if self._stopped:
                return None
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            return self.generation

    def release(self) -> None:
        with self._cond:
            self.in_flight -= 1
            self._cond.notify_all()

    def saw_rate_limit(self, generation: int) -> str | None:
        """Count a 429; lowers the limit (and says how) when they keep coming."""
        with self._cond:
            self.rate_limited += 1
            if generation != self.generation or self.limit == 1:
                return None
            self._strikes += 1
            if self._strikes < RATE_LIMITS_BEFORE_SLOWING:
                return None
            old, self.limit = self.limit, max(1, self.limit // 2)
            self.generation += 1
            self._strikes = 0
            return (f"The server kept answering 429 Too Many Requests at concurrency {old}: "
                    f"lowered to {self.limit} (calls already in flight finish first).")

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()

    @property
    def stopped(self) -> bool:
        return self._stopped


_REQUEST_ID_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-")


def _validate(prompts: Any, client: Any, model: str, concurrency: Any, extra_headers: Any,
              request_id_prefix: Any, params: dict) -> tuple[list, list]:
    """Everything checkable before a single call is sent: returns (prompts, headers per item)."""
    if isinstance(prompts, (str, bytes, dict)):
        raise errors.RequestValidationError(
            "batch() takes a list of prompts, for example batch([\"Name a colour\", \"Name a fruit\"]); "
            "for a single prompt use helpers.chat(...).")
    try:
        prompts = list(prompts)
    except TypeError:
        raise errors.RequestValidationError(
            f"batch() takes a list of prompts, not {type(prompts).__name__}.") from None
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
    if extra_headers is None or isinstance(extra_headers, dict):
        headers = [dict(extra_headers or {}) for _ in prompts]
    elif isinstance(extra_headers, (list, tuple)) and len(extra_headers) == len(prompts) and all(
            h is None or isinstance(h, dict) for h in extra_headers):
        headers = [dict(h or {}) for h in extra_headers]
    else:
        raise errors.RequestValidationError(
            "extra_headers must be one dict (sent with every prompt) or a list with one dict (or None) "
            f"per prompt, {len(prompts)} in all.")
    if request_id_prefix is not None:
        longest = len(f"{request_id_prefix}-{max(len(prompts) - 1, 0)}") if isinstance(request_id_prefix, str) else 0
        if (not isinstance(request_id_prefix, str) or not request_id_prefix
                or not set(request_id_prefix) <= _REQUEST_ID_CHARS or longest > 128):
            raise errors.RequestValidationError(
                "request_id_prefix must be a short text of letters, digits and . _ : - only "
                f"(the API silently drops any other X-Client-Request-Id), not {request_id_prefix!r}.")
        for i, h in enumerate(headers):
            h.setdefault("X-Client-Request-Id", f"{request_id_prefix}-{i}")
    return prompts, headers


def batch(prompts: Iterable[Any], *, client: Any = None, model: str = schema.DEFAULT_MODEL,
          concurrency: int = 8, progress: bool = True, stream: bool = False,
          raise_errors: bool = False, extra_headers: dict | Sequence[dict | None] | None = None,
          request_id_prefix: str | None = None, timeout: float | None = None,
          **params: Any) -> BatchResults:
    """Send every prompt, at most ``concurrency`` at a time; results come back in prompt order.

    - ``prompts``: a list of prompt strings (or of message lists). All are checked before
      anything is sent: a bad one raises RequestValidationError naming its position.
    - ``client``: a ``helpers.Client`` (default: the one ``helpers.chat`` uses).
    - ``concurrency``: calls in flight at once, 1 to 32. Lowered automatically when the
      server keeps answering 429 Too Many Requests (``.notes`` says so).
    - ``progress``: show a progress bar (a widget in a notebook, text elsewhere).
    - ``stream``: stream each answer (each result then has ``time_to_first_token_s``).
    - ``raise_errors``: stop at the first failed item and raise its error; by default every
      failure stays on its item (``item.error``) and the rest of the batch carries on.
    - ``extra_headers``: one dict for every call, or a list with one dict per prompt.
    - ``request_id_prefix``: send ``X-Client-Request-Id: <prefix>-<index>`` with each call.
    - ``timeout``: the deadline of each call in seconds (default: the client's).
    - anything else (``max_tokens``, ``temperature``, ...) goes into every request.

    Returns a :class:`BatchResults` (a list of :class:`BatchItem`).
    """
    if client is None:
        from .client import get_client

        client = get_client()
    prompts, headers = _validate(prompts, client, model, concurrency, extra_headers, request_id_prefix, params)
    if not prompts:
        return BatchResults([], wall_s=0.0, concurrency=concurrency, final_concurrency=concurrency,
                            model=model, params=params)

    items = [BatchItem(i, p) for i, p in enumerate(prompts)]
    limiter = _Limiter(concurrency)
    notes: list[str] = []
    long_waits: list[float] = []  # Retry-After waits too long for a batch to sit out
    local = threading.local()
    halt = threading.Event()
    run_id = object()
    call_kwargs: dict[str, Any] = {"model": model, **params}
    if timeout is not None:
        call_kwargs["timeout"] = timeout

    def on_response(response, *args, **kwargs):
        if response.status_code == 429 and getattr(local, "run", None) is run_id:
            note = limiter.saw_rate_limit(local.generation)
            if note:
                notes.append(note)
                log.info(note)
        return None

    def call(item: BatchItem) -> ChatResult:
        extra = headers[item.index] or None
        if stream:
            return client.stream(item.prompt, extra_headers=extra, **call_kwargs).until_done()
        return client.chat(item.prompt, extra_headers=extra, **call_kwargs)

    def work(item: BatchItem) -> BatchItem:
        from .client import backoff_seconds

        while True:
            generation = limiter.acquire()
            if generation is None:
                if item.result is None and item.error is None:
                    item.error = BatchCancelled("Not sent: the batch stopped before this prompt's turn.")
                return item
            local.run, local.generation = run_id, generation
            started = time.monotonic()
            try:
                item.result, item.error = call(item), None
            except Exception as exc:  # kept on the item: one failure never sinks the batch
                item.result, item.error = None, exc
            finally:
                local.run = None
                item.attempts += 1
                item.elapsed_s = (item.elapsed_s or 0.0) + time.monotonic() - started
                limiter.release()
            if not isinstance(item.error, errors.RateLimitError) or item.attempts > RATE_LIMIT_REQUEUES:
                return item
            # Still 429 after the client's own retries: try again later, at the (lower) concurrency.
            asked = requests.structures.CaseInsensitiveDict(getattr(item.error, "headers", None) or {})
            pause = backoff_seconds(item.attempts, asked)
            if pause > MAX_REQUEUE_WAIT:
                long_waits.append(pause)
                return item
            if halt.wait(pause):
                return item

    session = getattr(client, "session", None)
    hooks = session.hooks.setdefault("response", []) if isinstance(session, requests.Session) else None
    if hooks is not None:
        hooks.append(on_response)
    bar = _progress_bar(len(items), concurrency, progress)
    executor = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="helpers-batch")
    started = time.monotonic()
    failed = 0
    shown_limit = concurrency
    try:
        pending: set[Future] = {executor.submit(work, item) for item in items}
        while pending:
            done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in done:
                item = future.result()
                if not item.ok:
                    failed += 1
                    if raise_errors:
                        raise _first_error(item, len(items))
                if bar is not None:
                    bar.update(1)
            if bar is not None and (done or limiter.limit != shown_limit):
                shown_limit = limiter.limit
                bar.set_description(f"batch, concurrency {shown_limit}", refresh=False)
                bar.set_postfix_str(f"{failed} failed" if failed else "", refresh=True)
    except BaseException:
        halt.set()
        limiter.stop()
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        if bar is not None:
            bar.close()
        if hooks is not None and on_response in hooks:
            hooks.remove(on_response)
    executor.shutdown(wait=True)
    wall_s = time.monotonic() - started

    requeued = sum(1 for item in items if item.attempts > 1)
    if limiter.rate_limited:
        end = (f"Saw {limiter.rate_limited} answer{'s' if limiter.rate_limited != 1 else ''} of 429 Too Many Requests; "
               f"concurrency went from {concurrency} to {limiter.limit}")
        if requeued:
            end += f"; {requeued} item{'s were' if requeued != 1 else ' was'} sent again later"
        still = sum(1 for item in items if isinstance(item.error, errors.RateLimitError))
        end += f"; {still} still failed with 429" if still else ""
        if long_waits:
            end += (f" (the server asked to wait up to {max(long_waits):.0f} s, longer than a batch waits "
                    f"on its own: send those again later)")
        end += "."
        notes.append(end)
    if progress:
        for note in notes:
            print(note)
    return BatchResults(items, wall_s=wall_s, concurrency=concurrency, final_concurrency=limiter.limit,
                        max_in_flight=limiter.max_in_flight, rate_limited=limiter.rate_limited, notes=notes,
                        model=model, params=params)


class BatchCancelled(errors.APIError):
    """The item was never sent because the batch stopped (``raise_errors=True`` or an interrupt)."""


def _first_error(item: BatchItem, count: int) -> BaseException:
    error = item.error
    if error is None:
        return BatchCancelled(f"Item {item.index} has no result.")
    if hasattr(error, "add_note"):
        error.add_note(f"(helpers.batch: prompt {item.index} of {count} failed; raise_errors=True stopped the batch.)")
    return error


def _progress_bar(total: int, concurrency: int, progress: bool):
    if not progress:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=f"batch, concurrency {concurrency}", unit="call", leave=True)
