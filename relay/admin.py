"""The instructor's side: the dashboard page and its JSON API, behind the admin token.

The page asks for the token once and opens a session: its cookie (HttpOnly, SameSite=Strict,
``Secure`` whenever the relay is reached over HTTPS, a trusted proxy's included) holds a random
session id the relay keeps (as a hash) for 12 hours, or until logout ends it, never the token.
The API also takes ``Authorization: Bearer <admin token>``. Only the admin token opens these (a
seat code never does), compared in constant time with the hash the relay keeps. Wrong tokens are
logged (never the token guessed) and throttled: past ``WRONG_TOKENS`` a minute from one address,
every attempt from it gets a 429 with ``Retry-After``.
"""
from __future__ import annotations

import collections
import hashlib
import hmac
import logging
import math
import secrets
import time
from pathlib import Path
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from .ledger import LedgerError, hash_secret
from .wire import BodyTooLarge, api_error, bearer, read_body

log = logging.getLogger("relay")

STATIC = Path(__file__).resolve().parent / "static"
COOKIE = "relay_admin"
SESSION_SECONDS = 12 * 3600
MAX_SESSIONS = 64
WRONG_TOKENS = 5  # a minute, from one address
WINDOW = 60.0
#: A header the dashboard's own script sends with its POSTs. SameSite=Strict keeps the cookie from other sites,
#: but another port of the same host is the same site (a notebook server beside the relay, say); a page there
#: can send the cookie with a form, yet cannot add this header without a CORS preflight, which the relay refuses.
DASHBOARD_HEADER = "x-relay-dashboard"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                               "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def routes(relay) -> list[Route]:
    """The dashboard's routes: its page, login and logout, its files, and the admin API."""
    admin = Admin(relay)
    return [
        Route("/admin", admin.page, methods=["GET"]),
        Route("/admin/login", admin.login, methods=["POST"]),
        Route("/admin/logout", admin.logout, methods=["POST"]),
        Route("/admin/dashboard.js", admin.static_file("dashboard.js", "text/javascript"), methods=["GET"]),
        Route("/admin/dashboard.css", admin.static_file("dashboard.css", "text/css"), methods=["GET"]),
        Route("/admin/api/seats", admin.seats, methods=["GET"]),
        Route("/admin/api/seats/{name}/{action:str}", admin.seat_action, methods=["POST"]),
        Route("/admin/api/{action:str}", admin.all_action, methods=["POST"]),
    ]


class Sessions:
    """The dashboard's sessions: random ids, kept as hashes with their expiry; at most ``MAX_SESSIONS``."""

    def __init__(self):
        self._expiry: dict[str, float] = {}

    def open(self) -> str:
        """A new session's id (for the cookie)."""
        now = time.monotonic()
        self._expiry = {k: t for k, t in self._expiry.items() if t > now}
        while len(self._expiry) >= MAX_SESSIONS:
            del self._expiry[next(iter(self._expiry))]  # the oldest
        session = secrets.token_urlsafe(32)
        self._expiry[_digest(session)] = now + SESSION_SECONDS
        return session

    def valid(self, session: str | None) -> bool:
        return bool(session) and self._expiry.get(_digest(session), 0.0) > time.monotonic()

    def close(self, session: str | None) -> None:
        if session:
            self._expiry.pop(_digest(session), None)


def _digest(session: str) -> str:
    return hashlib.sha256(session.encode("utf-8", "surrogatepass")).hexdigest()


class Throttle:
    """Wrong admin tokens per client address over a rolling minute (at most 10,000 addresses remembered)."""

    def __init__(self):
        self._wrong: dict[str, collections.deque] = {}

    def wait(self, client: str) -> int:
        """Seconds before ``client`` may try again; 0 when it may now."""
        recent = self._recent(client)
        return max(1, math.ceil(recent[0] + WINDOW - time.monotonic())) if len(recent) >= WRONG_TOKENS else 0

    def wrong(self, client: str) -> int:
        """Record a wrong token from ``client``; how many in the last minute."""
        if len(self._wrong) >= 10_000:
            now = time.monotonic()
            self._wrong = {c: d for c, d in self._wrong.items() if d and now - d[-1] < WINDOW}
            while len(self._wrong) >= 10_000:
                del self._wrong[next(iter(self._wrong))]
        recent = self._recent(client)
        recent.append(time.monotonic())
        self._wrong[client] = recent
        return len(recent)

    def _recent(self, client: str) -> collections.deque:
        recent = self._wrong.get(client, collections.deque())
        while recent and time.monotonic() - recent[0] >= WINDOW:
            recent.popleft()
        return recent


class Admin:
    """The dashboard and the admin API, open only to the admin token (a bearer, or a login session)."""

    def __init__(self, relay):
        self.relay = relay
        self.sessions = Sessions()
        self.throttle = Throttle()

    def _token_ok(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(hash_secret(token), self.relay.settings.admin_hash)

    def _token_checked(self, request: Request, token: str) -> bool | Response:
        """Whether ``token`` is the admin token; the 429 when its sender is throttled (and it is not looked at)."""
        client = request.client.host if request.client else "?"
        wait = self.throttle.wait(client)
        if wait:
            log.warning("admin: refused a token from %s: throttled for %d s after %d wrong ones a minute", client, wait,
                        WRONG_TOKENS)
            return api_error(429, f"Too Many Requests: {WRONG_TOKENS} wrong admin tokens a minute from your address. "
                             f"Wait {wait} s.", request.url.path, {"Retry-After": str(wait)})
        if self._token_ok(token):
            return True
        count = self.throttle.wrong(client)
        log.warning("admin: a wrong admin token from %s on %s (%d in the last minute)", client, request.url.path, count)
        return False

    def check(self, request: Request, *, posting: bool = False) -> Response | None:
        """None for the admin token (a bearer) or a session; else the 401 (or the 429 when throttled). A POST on
        the session cookie alone also needs the dashboard's header (CSRF)."""
        token = bearer(request)
        if token is not None:
            checked = self._token_checked(request, token)
            return checked if isinstance(checked, Response) else None if checked else self._refused(request)
        if not self.sessions.valid(request.cookies.get(COOKIE)):
            return self._refused(request)
        return None if not posting or request.headers.get(DASHBOARD_HEADER) == "1" else self._refused(request)

    def _refused(self, request: Request) -> Response:
        return api_error(401, "This needs the relay's admin token (Authorization: Bearer <admin token>, or log in "
                         "at /admin). A seat code does not open it.", request.url.path)

    async def page(self, request: Request) -> Response:
        """``GET /admin``: the dashboard for the admin, the login page for everyone else."""
        name = "login.html" if self.check(request) else "dashboard.html"
        return Response((STATIC / name).read_bytes(), headers=SECURITY_HEADERS, media_type="text/html")

    def static_file(self, name: str, media_type: str):
        """A route handler that serves one of the dashboard's files."""
        async def serve(request: Request) -> Response:
            return Response((STATIC / name).read_bytes(), headers=SECURITY_HEADERS, media_type=media_type)
        return serve

    async def login(self, request: Request) -> Response:
        """``POST /admin/login``: the right token opens a session, whose id the HttpOnly, SameSite=Strict cookie
        holds (``Secure`` over HTTPS)."""
        try:
            raw = await read_body(request, 8192, self.relay.settings.body_timeout)
        except BodyTooLarge:
            return api_error(413, "Payload Too Large", request.url.path, {"connection": "close"})
        except TimeoutError:
            return api_error(408, "Request Timeout", request.url.path, {"connection": "close"})
        token = (parse_qs(raw.decode("utf-8", "replace")).get("token") or [""])[0]
        checked = self._token_checked(request, token.strip())
        if checked is not True:
            throttled = isinstance(checked, Response)
            said = (f"Too many wrong tokens from your address: wait {checked.headers['retry-after']} s."
                    if throttled else "That is not the admin token. It was printed when the relay started.")
            page = (STATIC / "login.html").read_text().replace("<!--error-->",
                                                               f'<p class="error" role="alert">{said}</p>')
            extra = {"Retry-After": checked.headers["retry-after"]} if throttled else {}
            return Response(page, 429 if throttled else 401, headers={**SECURITY_HEADERS, **extra},
                            media_type="text/html")
        answer = RedirectResponse("/admin", status_code=303, headers=SECURITY_HEADERS)
        answer.set_cookie(COOKIE, self.sessions.open(), max_age=SESSION_SECONDS, path="/admin", httponly=True,
                          samesite="strict", secure=request.url.scheme == "https")
        return answer

    async def logout(self, request: Request) -> Response:
        """``POST /admin/logout``: the session ends (its id is forgotten) and the cookie is deleted."""
        self.sessions.close(request.cookies.get(COOKIE))
        answer = RedirectResponse("/admin", status_code=303, headers=SECURITY_HEADERS)
        answer.delete_cookie(COOKIE, path="/admin", httponly=True, samesite="strict",
                             secure=request.url.scheme == "https")
        return answer

    async def seats(self, request: Request) -> Response:
        """``GET /admin/api/seats``: every seat and the totals, as JSON."""
        refused = self.check(request)
        if refused:
            return refused
        seats = await self.relay.store.call("seats")
        totals = {k: round(sum(s[k] for s in seats), 9) for k in ("budget_usd", "spent_usd", "reserved_usd")}
        totals["requests"] = sum(s["requests"] for s in seats)
        return JSONResponse({"seats": seats, "totals": totals}, headers={"Cache-Control": "no-store"})

    async def seat_action(self, request: Request) -> Response:
        """``POST /admin/api/seats/NAME/pause`` or ``.../resume``."""
        return await self._pause(request, request.path_params["name"], request.path_params["action"])

    async def all_action(self, request: Request) -> Response:
        """``POST /admin/api/pause-all`` or ``.../resume-all``."""
        action = request.path_params["action"]
        if action not in ("pause-all", "resume-all"):
            return api_error(404, f"Cannot POST {request.url.path}", request.url.path)
        return await self._pause(request, None, action.removesuffix("-all"))

    async def _pause(self, request: Request, name: str | None, action: str) -> Response:
        if action not in ("pause", "resume"):
            return api_error(404, f"Cannot POST {request.url.path}", request.url.path)
        refused = self.check(request, posting=True)
        if refused:
            return refused
        try:
            changed = await self.relay.store.call("set_paused", name, action == "pause",
                                                  "by the instructor" if action == "pause" else None)
        except LedgerError as exc:
            return api_error(404, str(exc), request.url.path)
        return JSONResponse({"changed": changed, "paused": action == "pause", "seat": name})
