"""Many prompts at once: bounded concurrency, a progress bar, rate-limit awareness, no lost errors.

    items = helpers.batch(["Name a colour", "Name a fruit"], concurrency=8, max_tokens=20)
    for item in items:
        print(item.index, item.text if item.ok else item.error)
    items.summary()          # count, failures, tokens, cost, wall time
    items.to_rows()          # one dict per item, for a table or a CSV file
    items                    # an HTML table in a notebook

How it works: a thread pool sends the calls through one ``helpers.Client`` (one
``requests.Session``, so connections are reused), never more than ``concurrency`` at a
time. Every call has the client's deadline and the client's retries (429 and 5xx, honouring
Retry-After). On top of that, when 429 "Too Many Requests" answers keep coming, the batch
halves its concurrency and says so, and an item that still ends in a 429 is tried again
later at the lower concurrency. Any other failure is kept on its item (``item.error``):
one bad call never sinks the batch unless you ask with ``raise_errors=True``.

The pieces: ``inputs`` (what is checked before anything is sent), ``limiter`` (the
concurrency that goes down after 429s), ``runner`` (:func:`batch`, the :class:`BatchRun`
that sends, the closing note) and ``items`` (what comes back).
"""
from .inputs import MAX_CONCURRENCY
from .items import BatchCancelled, BatchItem, BatchResults
from .runner import BatchRun, batch, closing_note

__all__ = ["batch", "BatchRun", "BatchItem", "BatchResults", "BatchCancelled", "closing_note", "MAX_CONCURRENCY"]
