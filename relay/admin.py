"""The instructor's side: the dashboard page and its JSON API, behind the admin token.

The page asks for the token once and keeps it in an HttpOnly, SameSite=Strict cookie; the API
also takes ``Authorization: Bearer <admin token>``. Only the admin token opens these (a seat
code never does), compared in constant time with the hash the relay keeps.
"""
from __future__ import annotations

import hmac
from pathlib import Path
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from .ledger import LedgerError, hash_secret
from .wire import BodyTooLarge, api_error, bearer, read_body

STATIC = Path(__file__).resolve().parent / "static"
COOKIE = "relay_admin"
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


class Admin:
    """The dashboard and the admin API, open only to the admin token (a bearer, or the login cookie)."""

    def __init__(self, relay):
        self.relay = relay

    def _token_ok(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(hash_secret(token), self.relay.settings.admin_hash)

    def authorized(self, request: Request, *, posting: bool = False) -> bool:
        """True for the admin token; a POST on the cookie alone also needs the dashboard's header (CSRF)."""
        if self._token_ok(bearer(request)):
            return True
        if not self._token_ok(request.cookies.get(COOKIE)):
            return False
        return not posting or request.headers.get(DASHBOARD_HEADER) == "1"

    def _refused(self, request: Request) -> Response:
        return api_error(401, "This needs the relay's admin token (Authorization: Bearer <admin token>, or log in "
                         "at /admin). A seat code does not open it.", request.url.path)

    async def page(self, request: Request) -> Response:
        """``GET /admin``: the dashboard for the admin, the login page for everyone else."""
        name = "dashboard.html" if self.authorized(request) else "login.html"
        return Response((STATIC / name).read_bytes(), headers=SECURITY_HEADERS, media_type="text/html")

    def static_file(self, name: str, media_type: str):
        """A route handler that serves one of the dashboard's files."""
        async def serve(request: Request) -> Response:
            return Response((STATIC / name).read_bytes(), headers=SECURITY_HEADERS, media_type=media_type)
        return serve

    async def login(self, request: Request) -> Response:
        """``POST /admin/login``: the right token sets the HttpOnly, SameSite=Strict cookie."""
        try:
            raw = await read_body(request, 8192, self.relay.settings.body_timeout)
        except BodyTooLarge:
            return api_error(413, "Payload Too Large", request.url.path, {"connection": "close"})
        except TimeoutError:
            return api_error(408, "Request Timeout", request.url.path, {"connection": "close"})
        token = (parse_qs(raw.decode("utf-8", "replace")).get("token") or [""])[0]
        if not self._token_ok(token):
            page = (STATIC / "login.html").read_text().replace("<!--error-->",
                                                               '<p class="error" role="alert">That is not the admin '
                                                               'token. It was printed when the relay started.</p>')
            return Response(page, 401, headers=SECURITY_HEADERS, media_type="text/html")
        answer = RedirectResponse("/admin", status_code=303, headers=SECURITY_HEADERS)
        answer.set_cookie(COOKIE, token.strip(), max_age=12 * 3600, path="/admin", httponly=True, samesite="strict",
                          secure=request.url.scheme == "https")
        return answer

    async def logout(self, request: Request) -> Response:
        """``POST /admin/logout``: the cookie is deleted."""
        answer = RedirectResponse("/admin", status_code=303, headers=SECURITY_HEADERS)
        answer.delete_cookie(COOKIE, path="/admin", httponly=True, samesite="strict")
        return answer

    async def seats(self, request: Request) -> Response:
        """``GET /admin/api/seats``: every seat and the totals, as JSON."""
        if not self.authorized(request):
            return self._refused(request)
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
        if not self.authorized(request, posting=True):
            return self._refused(request)
        try:
            changed = await self.relay.store.call("set_paused", name, action == "pause",
                                                  "by the instructor" if action == "pause" else None)
        except LedgerError as exc:
            return api_error(404, str(exc), request.url.path)
        return JSONResponse({"changed": changed, "paused": action == "pause", "seat": name})
