"""``python -m relay serve``: read the key and token, bind the port, run uvicorn, say where it is."""
from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
import sys
from urllib.parse import urlsplit

import uvicorn

from helpers.keys import find_api_key, mask_key

from .admin import hash_token
from .app import Settings, create_app
from .pricing import parse_price_option
from .protocol import header_deadline_protocol
from .redact import Redactor

TOKEN_VARIABLE = "RELAY_ADMIN_TOKEN"


class RedactingFormatter(logging.Formatter):
    """Every log line (tracebacks included) with the upstream key's pieces removed."""

    def __init__(self, redactor: Redactor):
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S")
        self.redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        return self.redactor.text(super().format(record))


class QuietAborts(logging.Filter):
    """A stream the upstream cut is ended abruptly on purpose; say so in one line, not a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, ConnectionAbortedError):
            record.msg, record.args, record.exc_info = "stream cut: %s", (exc,), None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def upstream_root(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise SystemExit(f"--upstream {url!r}: give the API's base URL, for example https://api.aimlapi.com/v1")
    path = parts.path.rstrip("/")
    path = path[: -len("/v1")] if path.endswith("/v1") else path
    return f"{parts.scheme}://{parts.netloc}{path}"


def configure_logging(level: str, redactor: Redactor) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(redactor))
    handler.addFilter(QuietAborts())
    for name, lvl in (("relay", level.upper()), ("uvicorn", "WARNING"), ("uvicorn.error", "WARNING")):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(lvl)
        logger.propagate = False


def serve(args) -> int:
    key, source = find_api_key()
    if not key:
        print("No upstream key: set AIML_API_KEY in the environment or in .env (never on the command line, "
              "where `ps` would show it), then start the relay again.", file=sys.stderr)
        return 2
    try:
        prices = dict((m, (lo, hi)) for m, lo, hi in map(parse_price_option, args.price))
    except ValueError as exc:
        print(f"relay: {exc}", file=sys.stderr)
        return 2
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    if token and len(token) < 16:
        print(f"{TOKEN_VARIABLE} is too short to guard the dashboard: use 16 characters or more (or unset it "
              "and the relay makes one).", file=sys.stderr)
        return 2
    generated = not token
    if generated:
        token = secrets.token_urlsafe(24)
    settings = Settings(upstream_root(args.upstream), key, args.db, hash_token(token), args.concurrency,
                        args.rate_limit, prices, args.timeout, body_timeout=args.body_timeout)
    configure_logging(args.log_level, Redactor(key))
    sock = _bind(args.host, args.port)
    scheme = "https" if args.ssl_certfile else "http"
    host = f"[{args.host}]" if ":" in args.host else args.host
    base_url = f"{scheme}://{host}:{sock.getsockname()[1]}/v1"
    config = uvicorn.Config(create_app(settings), http=header_deadline_protocol(args.header_timeout),
                            log_config=None, access_log=False, server_header=False,
                            proxy_headers=False, timeout_graceful_shutdown=5, backlog=2048,
                            ssl_keyfile=args.ssl_keyfile, ssl_certfile=args.ssl_certfile, lifespan="on")
    server = uvicorn.Server(config)

    def announce() -> None:
        print(base_url, flush=True)
        print(f"Classroom relay for {args.upstream} with the key {mask_key(key)} (from {source}); "
              f"ledger {args.db}.", flush=True)
        print(f"Dashboard: {base_url[:-3]}/admin", flush=True)
        if generated:
            print(f"Admin token (shown once, kept only as a hash; set {TOKEN_VARIABLE} to choose your own): {token}",
                  flush=True)
        if args.host in ("0.0.0.0", "::"):
            print("Serving every network interface: learners use this machine's address. Put TLS in front "
                  "(--ssl-certfile/--ssl-keyfile, or a reverse proxy): see workshop/GUIDE.md.", flush=True)
        print("Ctrl-C stops it.", flush=True)

    with asyncio.Runner(loop_factory=config.get_loop_factory()) as runner:
        runner.run(_run(server, sock, announce))
    return 0


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        raise SystemExit(f"relay: cannot listen on {host}:{port}: {exc.strerror}. Choose another --port "
                         "(0 picks a free one).") from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


async def _run(server: uvicorn.Server, sock: socket.socket, announce) -> None:
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started and not task.done():
        await asyncio.sleep(0.02)
    if server.started:
        announce()
    await task
