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

from helpers.keys import mask_key
from helpers.settings import find_api_key

from .app import Settings, create_app
from .ledger import hash_secret
from .pricing import parse_price_option
from .protocol import header_deadline_protocol
from .store import serve_alone
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
    """The upstream's root URL from ``--upstream`` (its /v1 dropped); SystemExit when it is not one."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise SystemExit(f"--upstream {url!r}: give the API's base URL, for example https://api.aimlapi.com/v1")
    path = parts.path.rstrip("/")
    path = path[: -len("/v1")] if path.endswith("/v1") else path
    return f"{parts.scheme}://{parts.netloc}{path}"


def configure_logging(level: str, redactor: Redactor) -> None:
    """One redacting handler on the root logger, so every library's lines (uvicorn's, asyncio's, httpx's)
    pass through it too; the relay's own at ``level``, everyone else's from warnings up."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(redactor))
    handler.addFilter(QuietAborts())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    logging.getLogger("relay").setLevel(level.upper())
    for name in ("relay", "uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True


def serve(args) -> int:
    """Run the relay until Ctrl-C or SIGTERM; 2 when the key, the token or a price is unusable."""
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
    generated = None if token else secrets.token_urlsafe(24)
    settings = Settings(upstream_root(args.upstream), key, args.db, hash_secret(token or generated),
                        args.concurrency, args.rate_limit, prices, args.timeout, body_timeout=args.body_timeout)
    configure_logging(args.log_level, Redactor(key))
    lock = serve_alone(args.db)  # held until the relay stops
    try:
        sock = _bind(args.host, args.port)
        config = uvicorn.Config(create_app(settings), http=header_deadline_protocol(args.header_timeout),
                                log_config=None, access_log=False, server_header=False,
                                proxy_headers=False, timeout_graceful_shutdown=5, backlog=2048,
                                ssl_keyfile=args.ssl_keyfile, ssl_certfile=args.ssl_certfile, lifespan="on")
        lines = ready_lines(args, sock.getsockname()[1], f"{mask_key(key)} (from {source})", generated)
        with asyncio.Runner(loop_factory=config.get_loop_factory()) as runner:
            runner.run(_run(uvicorn.Server(config), sock, lines))
    finally:
        lock.close()
    return 0


def ready_lines(args, port: int, key_shown: str, generated_token: str | None) -> list[str]:
    """What the relay prints once it listens: its base URL first (alone on its line), then how to use it."""
    scheme = "https" if args.ssl_certfile else "http"
    host = f"[{args.host}]" if ":" in args.host else args.host
    base_url = f"{scheme}://{host}:{port}/v1"
    lines = [base_url, f"Classroom relay for {args.upstream} with the key {key_shown}; ledger {args.db}.",
             f"Dashboard: {base_url[:-3]}/admin"]
    if generated_token:
        lines.append(f"Admin token (shown once, kept only as a hash; set {TOKEN_VARIABLE} to choose your own): "
                     f"{generated_token}")
    if args.host in ("0.0.0.0", "::"):
        lines.append("Serving every network interface: learners use this machine's address. Put TLS in front "
                     "(--ssl-certfile/--ssl-keyfile, or a reverse proxy): see workshop/GUIDE.md.")
    return lines + ["Ctrl-C stops it."]


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


async def _run(server: uvicorn.Server, sock: socket.socket, lines: list[str]) -> None:
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started and not task.done():
        await asyncio.sleep(0.02)
    if server.started:
        print("\n".join(lines), flush=True)
    await task
