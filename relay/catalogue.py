"""The upstream's catalogue (``GET /v1/models``): the prices the relay budgets with, and the answers it passes on.

Both are read with a size cap (``MAX_CATALOGUE`` bytes: the API's whole catalogue is far smaller)
and kept a while (``Settings.catalogue_seconds``): prices are read again at most that often, and a
``/v1/models`` answer is kept per query, one upstream read at a time, ``MAX_CACHED`` bytes in all.
"""
from __future__ import annotations

import asyncio
import json
import logging
import math
import time

import httpx

from .forward import read_capped
from .pricing import Price, prices_from_catalogue
from .redact import Redactor

log = logging.getLogger("relay")

#: The query parameters of ``GET /v1/models`` passed upstream (the API documents these); at most 8 of them.
MODEL_QUERY_KEYS = ("id", "include", "type", "details")
MAX_CATALOGUE = 8 * 1024 * 1024
MAX_CACHED = 32 * 1024 * 1024


class Catalogue:
    """Prices and ``/v1/models`` answers from the upstream; ``client`` is set when the relay starts."""

    def __init__(self, settings, redactor: Redactor):
        self.settings, self.redactor = settings, redactor
        self.client: httpx.AsyncClient | None = None
        self.prices: dict[str, Price] = {}
        self._prices_at = -math.inf  # never read yet
        self._prices_lock = asyncio.Lock()
        self._answers: dict[tuple, tuple[float, int, bytes]] = {}  # query -> (when, status, body), oldest first
        self._answers_lock = asyncio.Lock()

    async def get(self, params, timeout: float) -> tuple[int, bytes]:
        """``GET /v1/models`` upstream: (status, body); ValueError past ``MAX_CATALOGUE`` bytes."""
        async with self.client.stream("GET", self.settings.upstream + "/v1/models", params=params,
                                      timeout=timeout) as answer:
            return answer.status_code, await read_capped(answer, MAX_CATALOGUE)

    # -- prices

    async def refresh_prices(self) -> None:
        """Read the upstream's prices again (at most once a minute); a failed read keeps the prices known."""
        async with self._prices_lock:
            if time.monotonic() - self._prices_at < self.settings.catalogue_seconds and self.prices:
                return
            self._prices_at = time.monotonic()
            try:
                status, raw = await self.get({"include": "pricing"}, 10.0)
                if status != 200:
                    log.warning("upstream /v1/models answered %s: prices not updated", status)
                    self._price_overrides(self.prices)
                    return
                found = prices_from_catalogue(json.loads(raw))
            except (httpx.HTTPError, ValueError) as exc:
                log.warning("could not read prices from the upstream (%s); prices not updated", type(exc).__name__)
                self._price_overrides(self.prices)
                return
            self._price_overrides(found)

    def _price_overrides(self, found: dict[str, Price]) -> None:
        """``found`` with the --price bounds over it (keeping the catalogue's limits) becomes the price list."""
        for model, (low, high) in self.settings.prices.items():
            known = found.get(model)
            found[model] = Price(low, high, *((known.output_max, known.context) if known else ()))
        self.prices = found

    async def price_for(self, model: str) -> Price | None:
        """The model's price bound, reading the catalogue again for a model not known yet; None if none."""
        if model not in self.prices:
            await self.refresh_prices()
        return self.prices.get(model)

    # -- GET /v1/models for learners

    def cached(self, query: tuple) -> tuple[int, bytes] | None:
        """The kept (status, body) answer to ``query``, or None when there is none still fresh."""
        found = self._answers.get(query)
        if found is None or time.monotonic() - found[0] > self.settings.catalogue_seconds:
            return None
        return found[1], found[2]

    async def fetch(self, query: tuple) -> tuple[int, bytes]:
        """The upstream's answer to ``query`` (one read at a time; a 200 is kept), redacted; httpx.HTTPError when
        the upstream cannot be reached, ValueError when its answer is too large."""
        async with self._answers_lock:
            found = self.cached(query)  # another learner's read of the same query, just finished
            if found is not None:
                return found
            status, raw = await self.get(list(query), 15.0)
            raw = self.redactor.bytes(raw)
            if status == 200:
                self._answers.pop(query, None)
                self._answers[query] = (time.monotonic(), status, raw)
                while len(self._answers) > 32 or sum(len(a[2]) for a in self._answers.values()) > MAX_CACHED:
                    del self._answers[next(iter(self._answers))]  # the oldest
            return status, raw


def model_query(params) -> tuple:
    """The query a ``/v1/models`` request asks upstream: the documented keys only, each value cut to 200
    characters, sorted, at most 8 of them (so the answers kept stay few)."""
    return tuple(sorted((k, v[:200]) for k, v in params.multi_items() if k in MODEL_QUERY_KEYS))[:8]
