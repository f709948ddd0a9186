"""The batch itself: :func:`batch` checks the prompts, a :class:`BatchRun` sends them, :func:`closing_note` sums up."""
from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any, Iterable, Sequence

import requests

from .. import advice, errors, schema
from ..client import Client
from ..routing import get_client
from ..results import ChatResult
from .inputs import check_inputs
from .items import BatchCancelled, BatchItem, BatchResults
from .limiter import Limiter

log = logging.getLogger("helpers.batch")

#: Extra tries the batch gives an item whose call still ended in 429 after the client's retries.
RATE_LIMIT_REQUEUES = 2
#: The longest the batch waits before such a try; a server asking for more (a quota per minute,
#: say) gets no requeue: the item keeps its RateLimitError, to be sent again later by you.
MAX_REQUEUE_WAIT = 10.0


def batch(prompts: Iterable[Any], *, client: Client | None = None, model: str = schema.DEFAULT_MODEL,
          concurrency: int = 8, progress: bool = True, stream: bool = False, raise_errors: bool = False,
          extra_headers: dict | Sequence[dict | None] | None = None, timeout: float | None = None,
          **params: Any) -> BatchResults:
    """Send every prompt, at most ``concurrency`` at a time; results come back in prompt order.

    - ``prompts``: a list of prompt strings (or of message lists). All are checked before
      anything is sent: a bad one raises RequestValidationError naming its position.
    - ``client``: a ``helpers.Client`` (default: the one ``helpers.chat`` uses).
    - ``concurrency``: calls in flight at once, 1 to 32. Lowered automatically when the
      server keeps answering 429 Too Many Requests (``.notes`` says so).
    - ``progress``: show a progress bar (and print the notes at the end).
    - ``stream``: stream each answer (each result then has ``time_to_first_token_s``).
    - ``raise_errors``: stop at the first failed item and raise its error; by default every
      failure stays on its item (``item.error``) and the rest of the batch carries on.
    - ``extra_headers``: one dict for every call, or a list with one dict per prompt.
    - ``timeout``: the deadline of each call in seconds (default: the client's).
    - anything else (``max_tokens``, ``temperature``, ...) goes into every request.

    Returns a :class:`BatchResults` (a list of :class:`BatchItem`).
    """
    client = client if client is not None else get_client()
    prompts, headers = check_inputs(prompts, client, model, concurrency, extra_headers, params)
    call_kwargs: dict[str, Any] = {"model": model, **params}
    if timeout is not None:
        call_kwargs["timeout"] = timeout
    run = BatchRun(client, prompts, headers, call_kwargs, concurrency=concurrency, stream=stream)
    wall_s = run.run(progress=progress, raise_errors=raise_errors) if prompts else 0.0
    notes = run.notes + [n for n in [closing_note(run.limiter, run.items, concurrency, run.long_waits)] if n]
    if progress:
        for note in notes:
            print(note)
    limiter = run.limiter
    return BatchResults(run.items, wall_s=wall_s, concurrency=concurrency, final_concurrency=limiter.limit,
                        max_in_flight=limiter.max_in_flight, rate_limited=limiter.rate_limited, notes=notes,
                        model=model, params=params)


class BatchRun:
    """One batch on its way: the items, the limiter, and what it noticed; :meth:`run` sends every item.

    A thread pool sends the calls through one client (one ``requests.Session``, so connections
    are reused), never more than the limiter allows. A response hook on the session counts the
    429 answers to this batch's own calls; an item whose call still ends in 429 after the
    client's retries is sent again later, at the (lower) concurrency.
    """

    def __init__(self, client: Client, prompts: list, headers: list[dict], call_kwargs: dict, *,
                 concurrency: int, stream: bool = False):
        self.client = client
        self.items = [BatchItem(i, p) for i, p in enumerate(prompts)]
        self.limiter = Limiter(concurrency)
        #: The limiter's notes as they happened (the closing note is built at the end).
        self.notes: list[str] = []
        #: Retry-After waits too long for a batch to sit out.
        self.long_waits: list[float] = []
        self._headers = headers
        self._call_kwargs = call_kwargs
        self._stream = stream
        self._local = threading.local()  # which batch (and limiter generation) the current thread works for
        self._halt = threading.Event()

    def run(self, *, progress: bool = False, raise_errors: bool = False) -> float:
        """Send every item; returns the wall time in seconds. Ctrl-C stops sending and cleans up."""
        session = getattr(self.client, "session", None)
        hooks = session.hooks.setdefault("response", []) if isinstance(session, requests.Session) else None
        if hooks is not None:
            hooks.append(self._on_response)
        bar = _progress_bar(len(self.items), self.limiter.limit, progress)
        executor = ThreadPoolExecutor(max_workers=self.limiter.limit, thread_name_prefix="helpers-batch")
        started = time.monotonic()
        try:
            self._collect({executor.submit(self._work, item) for item in self.items}, bar, raise_errors)
        except BaseException:
            self._halt.set()
            self.limiter.stop()
            executor.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            if bar is not None:
                bar.close()
            if hooks is not None and self._on_response in hooks:
                hooks.remove(self._on_response)
        executor.shutdown(wait=True)
        return time.monotonic() - started

    def _collect(self, pending: set[Future], bar: Any, raise_errors: bool) -> None:
        failed = 0
        shown_limit = self.limiter.limit
        while pending:
            done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in done:
                item = future.result()
                if not item.ok:
                    failed += 1
                    if raise_errors:
                        raise _first_error(item, len(self.items))
                if bar is not None:
                    bar.update(1)
            if bar is not None and (done or self.limiter.limit != shown_limit):
                shown_limit = self.limiter.limit
                bar.set_description(f"batch, concurrency {shown_limit}", refresh=False)
                bar.set_postfix_str(f"{failed} failed" if failed else "", refresh=True)

    def _on_response(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        if response.status_code == 429 and getattr(self._local, "run", None) is self:
            note = self.limiter.saw_rate_limit(self._local.generation)
            if note:
                self.notes.append(note)
                log.info(note)

    def _call(self, item: BatchItem) -> ChatResult:
        extra = self._headers[item.index] or None
        if self._stream:
            return self.client.stream(item.prompt, extra_headers=extra, **self._call_kwargs).until_done()
        return self.client.chat(item.prompt, extra_headers=extra, **self._call_kwargs)

    def _send_once(self, item: BatchItem) -> bool:
        """One try at a free slot; False when the batch stopped before the item's turn."""
        generation = self.limiter.acquire()
        if generation is None:
            if item.result is None and item.error is None:
                item.error = BatchCancelled("Not sent: the batch stopped before this prompt's turn.")
            return False
        self._local.run, self._local.generation = self, generation
        started = time.monotonic()
        try:
            item.result, item.error = self._call(item), None
        except Exception as exc:  # kept on the item: one failure never sinks the batch
            item.result, item.error = None, exc
        finally:
            self._local.run = None
            item.attempts += 1
            item.elapsed_s = (item.elapsed_s or 0.0) + time.monotonic() - started
            self.limiter.release()
        return True

    def _work(self, item: BatchItem) -> BatchItem:
        while self._send_once(item):
            if not isinstance(item.error, errors.RateLimitError) or item.attempts > RATE_LIMIT_REQUEUES:
                break
            # Still 429 after the client's own retries: try again later, at the (lower) concurrency,
            # after the wait the client's retry policy gives (the server's Retry-After when it said one).
            pause = self.client.retry_policy.backoff(item.attempts, getattr(item.error, "headers", None) or {})
            if pause > MAX_REQUEUE_WAIT:
                self.long_waits.append(pause)
                break
            if self._halt.wait(pause):
                break
        return item


def closing_note(limiter: Limiter, items: list[BatchItem], concurrency: int, long_waits: list[float]) -> str | None:
    """What the batch did about rate limits, in one sentence (None when it saw no 429)."""
    seen = limiter.rate_limited
    if not seen:
        return None
    note = (f"Saw {seen} answer{'s' if seen != 1 else ''} of 429 Too Many Requests; "
            f"concurrency went from {concurrency} to {limiter.limit}")
    requeued = sum(1 for item in items if item.attempts > 1)
    if requeued:
        note += f"; {requeued} item{'s were' if requeued != 1 else ' was'} sent again later"
    still = sum(1 for item in items if isinstance(item.error, errors.RateLimitError))
    if still:
        note += f"; {still} still failed with 429"
    if long_waits:
        note += (f" (the server asked to wait up to {advice.seconds_text(max(long_waits))}, longer than a batch waits "
                 f"on its own: send those again later)")
    return note + "."


def _first_error(item: BatchItem, count: int) -> BaseException:
    error = item.error
    if error is None:
        return BatchCancelled(f"Item {item.index} has no result.")
    if hasattr(error, "add_note"):
        error.add_note(f"(helpers.batch: prompt {item.index} of {count} failed; raise_errors=True stopped the batch.)")
    return error


def _progress_bar(total: int, concurrency: int, progress: bool) -> Any:
    if not progress:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=f"batch, concurrency {concurrency}", unit="call", leave=True)
