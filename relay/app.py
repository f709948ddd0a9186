"""The relay's HTTP application: the API's endpoints for seats, the dashboard for the instructor.

    app = create_app(Settings(upstream="https://api.aimlapi.com", key=..., db="room.db", admin_hash=...))

Only these paths exist: ``POST /v1/chat/completions``, ``GET /v1/models``, ``GET /v2/billing``,
``GET /v2/usage`` (each for a seat code) and ``/admin...`` (for the admin token). Everything
else is a 404 in the API's shape, and nothing but those calls ever reaches the upstream.
"""
from __future__ import annotations

import asyncio
import json
import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import anyio
import httpx
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from helpers.keys import mask_key
from helpers.serving import MAX_BODY_BYTES, MESSAGES, parse_json, usage_window

from . import admin
from .catalogue import Catalogue, model_query
from .drain import CloseUnread
from .forward import Call, RelayedStream, describe, forward_json, open_stream, upstream_headers
from .ledger import Outcome, Refusal, clip, hash_code, to_usd, usd_text
from .limits import SeatLimits
from .pricing import worst_case_nusd
from .redact import Redactor
from .shown import escaped
from .store import Store
from .wire import (MAX_JSON_VALUES, BodyTooLarge, api_error, bearer, chat_body_problem, dumps, read_body,
                   too_many_values)

log = logging.getLogger("relay")

CATALOGUE_SECONDS = 60.0
#: Bodies from this size up are parsed on a worker thread, at most two at a time across the relay.
BIG_BODY = 1_000_000
#: A seat past its limits gets a row for its first 429, then one row a second for all the others.
LIMITED_ROW_SECONDS = 1.0


@dataclass
class Settings:
    """How one relay runs (``python -m relay serve`` fills it from its options)."""

    upstream: str  # the upstream's root, without /v1
    key: str = field(repr=False)
    db: str
    admin_hash: str = field(repr=False)
    concurrency: int = 4
    per_minute: int = 60
    prices: dict[str, tuple[float, float]] = field(default_factory=dict)
    timeout: float = 120.0
    max_body: int = MAX_BODY_BYTES
    body_timeout: float = 30.0
    catalogue_seconds: float = CATALOGUE_SECONDS  # how long prices and /v1/models answers are kept


class Relay:
    """The state one running relay keeps: the upstream client, its catalogue, the seats' limits and the ledger."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.redactor = Redactor(settings.key)
        self.limits = SeatLimits(settings.concurrency, settings.per_minute)
        self.store: Store | None = None
        self.client: httpx.AsyncClient | None = None
        self.catalogue = Catalogue(settings, self.redactor)
        self._seats: dict[str, tuple[int, str]] = {}  # code hash -> (id, name); codes never change
        self.in_flight: dict[int, Call] = {}  # reserved and not yet settled, by call id
        self._big_bodies: anyio.CapacityLimiter | None = None
        self._limited: dict[int, list] = {}  # seat id -> [429s not written yet, the timer that writes them]
        self._overruns: dict[int, int] = {}  # seat id -> overruns seen since the relay started

    @property
    def chat_url(self) -> str:
        return self.settings.upstream + "/v1/chat/completions"

    async def start(self) -> None:
        """Open the ledger (settling what a crash left open), the upstream client, and read the prices."""
        self._big_bodies = anyio.CapacityLimiter(2)
        self.store = Store(self.settings.db)
        recovered = await self.store.call("recover")
        if recovered:
            log.warning("settled %d call(s) left open by an earlier stop at their reservations", recovered)
        timeout = httpx.Timeout(self.settings.timeout, connect=10.0, pool=10.0)
        limits = httpx.Limits(max_connections=512, max_keepalive_connections=128)
        self.client = httpx.AsyncClient(timeout=timeout, limits=limits, trust_env=False, follow_redirects=False)
        self.catalogue.client = self.client
        await self.catalogue.refresh_prices()
        prices = self.catalogue.prices
        if prices:
            log.info("prices for %s", ", ".join(f"{m} (${p.input_per_m:g}, ${p.output_per_m:g} per million tokens)"
                                                for m, p in sorted(prices.items())))
        else:
            log.warning("no model has a price, so every call will be refused: check --upstream, or give "
                        "--price MODEL=IN,OUT (USD per million tokens)")

    async def stop(self) -> None:
        """Settle what is still in flight at its reservation (the upstream's bill for it is unknown), write the
        refusals still counted, then close."""
        for seat_id in list(self._limited):
            self._write_limited(seat_id)
        for call in list(self.in_flight.values()):
            self.settle(call, Outcome("abandoned", call.reserved, None, error="the relay stopped during the call"))
        if self.client is not None:
            await self.client.aclose()
        if self.store is not None:
            self.store.close()

    # -- the catalogue

    async def models(self, request: Request) -> Response:
        """``GET /v1/models`` for a seat: the upstream's answer, kept a minute per query; reading it again
        counts against the seat's limits like a call."""
        found = await self.seat(request)
        if isinstance(found, Response):
            return found
        query, path = model_query(request.query_params), request.url.path
        answer = self.catalogue.cached(query)
        if answer is None:
            limited = self.limits.acquire(found[0])
            if limited:
                return await self._refused_past_limits(found[0], self._limit_answer(path, *limited))
            try:
                answer = await self.catalogue.fetch(query)
            except httpx.HTTPError:
                return api_error(502, "Bad Gateway: the relay cannot reach the upstream API.", path)
            except ValueError as exc:
                log.warning("upstream /v1/models: %s", exc)
                return api_error(502, "Bad Gateway: the upstream API's model list is too large for the relay.", path)
            finally:
                self.limits.release(found[0])
        return Response(answer[1], answer[0], media_type="application/json")

    # -- seats

    async def seat(self, request: Request) -> tuple[int, str] | Response:
        """The seat a request's code opens, or the API's 401."""
        code = bearer(request)
        if code is not None:
            digest = hash_code(code)
            found = self._seats.get(digest)
            if found is None:
                found = await self.store.call("find_seat", digest)
                if found is not None:
                    self._seats[digest] = found
            if found is not None:
                return found
            log.info("401 on %s: no seat has the code %s", request.url.path, escaped(mask_key(code)))
        return api_error(401, MESSAGES[401] + " (This classroom relay takes the seat code your instructor "
                         "gave you as the key.)", request.url.path)

    def settle(self, call: Call, outcome: Outcome) -> None:
        """Queue the call's settlement (not awaited); what the upstream said is redacted before it is stored.
        A cost over the call's reservation (an overrun) stops the seat's other calls in flight at once; the
        ledger pauses the seat as it records the overrun, before any later call of the seat is reserved."""
        if self.in_flight.pop(call.id, None) is None:
            return  # settled already (at the relay's stop, say)
        outcome.request_id = self.redactor.text(outcome.request_id)[:200] if outcome.request_id else None
        outcome.error = self.redactor.text(outcome.error)[:500] if outcome.error else None
        self.store.post("settle", call.id, outcome)
        log.info("%s", describe(call, outcome))
        if outcome.cost_nusd > call.reserved:
            self._stop_seat(call, outcome.cost_nusd)

    def _stop_seat(self, overran: Call, cost: int) -> None:
        self._overruns[overran.seat_id] = self._overruns.get(overran.seat_id, 0) + 1
        others = [c for c in self.in_flight.values() if c.seat_id == overran.seat_id]
        for other in others:
            other.stop(f"the seat was paused after an overrun on call {overran.id}")
        log.warning("%s: the upstream reported %s for call %s, %s reserved: seat paused, %d call(s) in flight "
                    "stopped", overran.seat, usd_text(cost), overran.id, usd_text(overran.reserved), len(others))

    # -- chat

    async def chat(self, request: Request) -> Response:
        """``POST /v1/chat/completions`` for a seat: the seat known and one of its places taken (its concurrency
        and rate limits) before the body is read, then read, checked, priced, reserved, forwarded and settled."""
        found = await self.seat(request)
        if isinstance(found, Response):
            return found
        seat_id, seat_name = found
        limited = self.limits.acquire(seat_id)
        if limited:
            return await self._refused_past_limits(seat_id, self._limit_answer(request.url.path, *limited))
        handed_over = False
        try:
            body = await self._chat_body(request)
            if isinstance(body, Response):
                return await self.refused(seat_id, None, body)
            answer, handed_over = await self._priced_call(request, body, seat_id, seat_name)
            return answer
        finally:
            if not handed_over:
                self.limits.release(seat_id)

    def _limit_answer(self, path: str, which: str, wait: int) -> Response:
        what = (f"{self.settings.concurrency} calls at once" if which == "concurrency"
                else f"{self.settings.per_minute} calls a minute")
        return api_error(429, f"Too Many Requests: this seat may make {what} through the classroom relay. "
                         f"Wait {wait} s and try again.", path, {"Retry-After": str(wait)})

    async def _chat_body(self, request: Request) -> dict | Response:
        """The request's body, read within the limits and checked enough to price it; else the API's error."""
        path, limit, seconds = request.url.path, self.settings.max_body, self.settings.body_timeout
        try:
            raw = await read_body(request, limit, seconds)
        except TimeoutError:
            return api_error(408, f"{MESSAGES[408]}: the body did not arrive within {seconds:g} s", path,
                             {"connection": "close"})
        except BodyTooLarge:
            return api_error(413, f"Payload Too Large: the body is over {limit} bytes", path, {"connection": "close"})
        content_type = request.headers.get("content-type", "")
        if content_type.split(";")[0].strip().lower() != "application/json":
            return api_error(400, "Body validation error! Expected Content-Type application/json, received "
                             f"{content_type[:80] or 'none'}", path)
        try:  # a large body is looked at off the event loop (two at a time), so other learners' streams keep flowing
            body = (_parse_bounded(raw) if len(raw) < BIG_BODY else
                    await anyio.to_thread.run_sync(_parse_bounded, raw, limiter=self._big_bodies))
        except ValueError as exc:
            return api_error(400, f"Body validation error! {exc}", path)
        problem = chat_body_problem(body)
        return api_error(400, problem, path) if problem else body

    async def _refused_past_limits(self, seat_id: int, answer: Response) -> Response:
        """A 429: the first within ``LIMITED_ROW_SECONDS`` is a row written before the answer goes out; the others
        are counted, and written as one row when that time is up (so a seat hammering the relay adds at most
        two rows a second, not hundreds)."""
        pending = self._limited.get(seat_id)
        if pending is not None:
            pending[0] += 1
            return answer
        timer = asyncio.get_running_loop().call_later(LIMITED_ROW_SECONDS, self._write_limited, seat_id)
        self._limited[seat_id] = [0, timer]
        return await self.refused(seat_id, None, answer)

    def _write_limited(self, seat_id: int) -> None:
        count, timer = self._limited.pop(seat_id)
        timer.cancel()
        if count:
            self.store.post("record_refusal", seat_id, None, 429, f"429: refused {count} more call(s) past the "
                            f"seat's limits within {LIMITED_ROW_SECONDS:g} s", count)

    async def refused(self, seat_id: int, model: str | None, answer: Response) -> Response:
        """``answer``, an error the relay gives without forwarding the call, once the call is a row in the ledger
        (written before the answer goes out, so not even a kill -9 loses it)."""
        message = json.loads(answer.body)["message"]
        await self.store.call("record_refusal", seat_id, model, answer.status_code, f"{answer.status_code}: {message}")
        return answer

    async def _priced_call(self, request: Request, body: dict, seat_id: int, seat_name: str):
        path, model, stream = request.url.path, body["model"], bool(body.get("stream"))
        price = await self.catalogue.price_for(model)
        if price is None:
            known = ", ".join(sorted(self.catalogue.prices)) or "none (the relay could not read the upstream's prices)"
            return await self.refused(seat_id, model, api_error(
                400, f"Body validation error! [model] The classroom relay has no price for {clip(model, 100)!r}, so it "
                f"cannot budget the call. Models it can call: {known}.", path)), False
        amount = worst_case_nusd(body, price)
        overruns = self._overruns.get(seat_id, 0)
        reserved = await self.store.call("reserve", seat_id, model, stream, amount)
        if isinstance(reserved, Refusal):
            return refusal_answer(reserved, amount, path), False
        call = Call(reserved, seat_id, seat_name, model, price, amount, path)
        self.in_flight[call.id] = call
        if self._overruns.get(seat_id, 0) != overruns:  # the seat overran while this call was being reserved
            call.stop("the seat was paused after an overrun while this call was being reserved")
        headers = upstream_headers(request.headers, self.settings.key)
        if not stream:
            try:
                answer, outcome = await forward_json(self.client, self.chat_url, body, headers, call, self.redactor)
            except BaseException as exc:  # cancelled (the learner left) or a bug: the reservation stands
                self.settle(call, _lost(call, exc))
                raise
            self.settle(call, outcome)
            return answer, False
        try:
            upstream, failed = await open_stream(self.client, self.chat_url, body, headers, call, self.redactor)
        except BaseException as exc:
            self.settle(call, _lost(call, exc))
            raise
        if failed:
            answer, outcome = failed
            self.settle(call, outcome)
            return answer, False
        return RelayedStream(upstream, call, self.redactor, self.settle, lambda: self.limits.release(seat_id)), True

    # -- what a seat may read about itself

    async def billing(self, request: Request) -> Response:
        """``GET /v2/billing``: the seat's remaining budget as the API's balance."""
        found = await self.seat(request)
        if isinstance(found, Response):
            return found
        remaining = await self.store.call("balance", found[0])
        return Response(dumps({"current_balance": to_usd(remaining), "currency": "USD"}),
                        media_type="application/json")

    async def usage(self, request: Request) -> Response:
        """``GET /v2/usage``: what the seat spent in the window asked for."""
        found = await self.seat(request)
        if isinstance(found, Response):
            return found
        try:
            start, end = usage_window(*(request.query_params.get(k) for k in ("period", "start", "end")))
        except ValueError as exc:
            return api_error(400, str(exc), request.url.path)
        spend, count = await self.store.call("usage", found[0], start.timestamp(), end.timestamp())
        return Response(dumps({"api_key_prefix": None, "seat": found[1], "start": _iso(start), "end": _iso(end),
                               "spend": to_usd(spend), "currency": "USD", "requests": count}),
                        media_type="application/json")


def _parse_bounded(raw: bytearray):
    """The body as JSON, or ValueError (too many values to parse within the relay's memory, or not JSON)."""
    if too_many_values(raw):
        raise ValueError(f"The body holds more than {MAX_JSON_VALUES:,} JSON values; a chat request needs far "
                         "fewer.")
    try:
        return parse_json(raw)
    except ValueError as exc:
        raise ValueError(f"Invalid JSON: {exc}") from None


def _lost(call: Call, exc: BaseException) -> Outcome:
    status = "abandoned" if isinstance(exc, asyncio.CancelledError) else "error"
    return Outcome(status, call.reserved, None, error=f"{status}: {type(exc).__name__}")


def _iso(moment) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def refusal_answer(refusal: Refusal, amount: int, path: str) -> Response:
    """The API's 403, saying why the seat cannot make this call and what to do."""
    if refusal.kind == "paused":
        message = (f"Seat {refusal.seat} is paused {refusal.reason or 'by the instructor'}. Ask your instructor to "
                   "resume it, or switch to practice mode (AIML_PRACTICE=1).")
    else:
        message = (f"Seat {refusal.seat} has {usd_text(max(0, refusal.available_nusd))} left of its "
                   f"{usd_text(refusal.budget_nusd)} budget, and this call could cost up to {usd_text(amount)}. "
                   "Lower max_tokens or shorten the prompt, ask your instructor for more budget, or switch to "
                   "practice mode (AIML_PRACTICE=1).")
    return api_error(403, message, path)


async def not_found(request: Request, exc: HTTPException) -> Response:
    """Any other path or method: the API's 404."""
    return api_error(404, f"Cannot {request.method} {request.url.path}", request.url.path)


async def server_error(request: Request, exc: Exception) -> Response:
    """A bug: the API's 500, logged by type only (its message could hold anything)."""
    if isinstance(exc, ConnectionAbortedError):  # a stream the upstream cut, cut for the learner on purpose
        raise exc
    log.error("internal error on %s %s: %s", request.method, request.url.path, type(exc).__name__)
    return api_error(500, MESSAGES[500], request.url.path)


def create_app(settings: Settings) -> Starlette:
    """The relay's ASGI application for ``settings``, behind its path guard, closing what it does not read."""
    relay = Relay(settings)

    @asynccontextmanager
    async def lifespan(app):
        await relay.start()
        try:
            yield
        finally:
            await relay.stop()

    routes = [
        Route("/v1/chat/completions", relay.chat, methods=["POST"]),
        Route("/v1/models", relay.models, methods=["GET"]),
        Route("/v2/billing", relay.billing, methods=["GET"]),
        Route("/v2/usage", relay.usage, methods=["GET"]),
        *admin.routes(relay),
    ]
    app = Starlette(routes=routes, lifespan=lifespan,
                    exception_handlers={404: not_found, 405: not_found, Exception: server_error})
    app.router.redirect_slashes = False  # Starlette's redirect would name whatever host the Host header says
    app.state.relay = relay
    return CloseUnread(PathGuard(app))


class PathGuard:
    """Refuses request targets that are not a plain absolute path before any route sees them:
    percent-encoding (an encoded slash), ``.`` and ``..`` segments, empty segments and backslashes.
    Only the listed paths exist, so nothing legitimate needs them.

    An absolute-form target (``POST http://elsewhere/v1/chat/completions``) arrives here as its path,
    since uvicorn keeps only that, and is served like the path: the upstream is fixed at start, and
    neither a target's host nor the ``Host`` header ever chooses where a call goes (tested)."""

    def __init__(self, app):
        self.app = app
        self.state = app.state

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            raw = scope.get("raw_path") or scope.get("path", "").encode()
            if _suspicious(raw) or _suspicious(scope.get("path", "").encode("utf-8", "replace")):
                shown = raw.decode("latin-1")[:200]
                answer = api_error(404, f"Cannot {scope.get('method', 'GET')} {shown}", shown)
                return await answer(scope, receive, send)
        await self.app(scope, receive, send)


def _suspicious(path: bytes) -> bool:
    if not path.startswith(b"/") or b"%" in path or b"\\" in path or b"//" in path:
        return True
    return any(segment in (b".", b"..") for segment in path.split(b"/"))
