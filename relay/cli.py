"""``python -m relay``: serve the relay, manage seats, report spend.

    python -m relay serve --upstream https://api.aimlapi.com/v1 --db room.db
    python -m relay seats add --db room.db --count 20 --budget 0.50
    python -m relay seats list --db room.db
    python -m relay seats pause seat-03 --db room.db      # resume, pause-all, resume-all
    python -m relay report --db room.db --csv spend.csv
"""
from __future__ import annotations

import argparse
import sys

from . import seats as seat_commands
from .ledger import LedgerError


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number >= 1")
    return value


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text} is not a number of seconds > 0")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The command line: serve, seats (add, list, pause, resume, pause-all, resume-all) and report."""
    parser = argparse.ArgumentParser(prog="python -m relay", description="A classroom relay for the AI/ML API: one "
                                     "funded key for the room, a budget per seat, the key never leaves this machine.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the relay (the upstream key comes from AIML_API_KEY or .env)")
    serve.add_argument("--upstream", default="https://api.aimlapi.com/v1",
                       help="the API's base URL (default: %(default)s)")
    serve.add_argument("--db", required=True, help="the ledger (an SQLite file; created if missing)")
    serve.add_argument("--host", default="127.0.0.1", help="default loopback; --host 0.0.0.0 serves the network "
                       "(put TLS in front: see workshop/GUIDE.md)")
    serve.add_argument("--port", type=int, default=8000, help="0 picks a free port (default: %(default)s)")
    serve.add_argument("--concurrency", type=_positive_int, default=4, help="calls in flight per seat (default: 4)")
    serve.add_argument("--rate-limit", type=_positive_int, default=60, help="calls per seat per minute (default: 60)")
    serve.add_argument("--price", action="append", default=[], metavar="MODEL=IN,OUT",
                       help="a model's price bound in USD per million tokens (input, output); wins over the "
                       "upstream's catalogue; repeatable")
    serve.add_argument("--timeout", type=_positive_seconds, default=120.0,
                       help="seconds to wait on the upstream (default: 120)")
    serve.add_argument("--header-timeout", type=_positive_seconds, default=10.0,
                       help="seconds a learner has to send a request's headers (default: 10)")
    serve.add_argument("--body-timeout", type=_positive_seconds, default=30.0,
                       help="seconds a learner has to send a request's body (default: 30)")
    serve.add_argument("--ssl-keyfile", help="serve HTTPS: the TLS private key (PEM)")
    serve.add_argument("--ssl-certfile", help="serve HTTPS: the TLS certificate chain (PEM)")
    serve.add_argument("--forwarded-allow-ips", metavar="IPS",
                       help="behind a reverse proxy: the proxy's addresses (comma-separated, e.g. 127.0.0.1), "
                       "whose X-Forwarded-Proto and X-Forwarded-For the relay then trusts (HTTPS cookies, the "
                       "learner's own address); default: trust no proxy headers")
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])

    seats = commands.add_parser("seats", help="add, list, pause and resume seats")
    actions = seats.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="create seats with random codes (shown once)")
    add.add_argument("--db", required=True)
    add.add_argument("--count", type=_positive_int, required=True)
    add.add_argument("--budget", type=float, required=True, help="USD per seat")
    add.add_argument("--prefix", default="seat", help="seat names are PREFIX-01, PREFIX-02... (default: seat)")
    add.add_argument("--json", action="store_true", help='print only [{"name", "code", "budget_usd"}]')
    add.add_argument("--url", default="http://RELAY:PORT/v1", help="the relay's address for the handout")
    add.add_argument("--handout", help="where to write the handout (default: beside the database)")
    listing = actions.add_parser("list", help="every seat: budget, spent, requests, paused")
    listing.add_argument("--db", required=True)
    listing.add_argument("--json", action="store_true")
    for name in ("pause", "resume"):
        one = actions.add_parser(name, help=f"{name} one seat (takes effect at once, also while serving)")
        one.add_argument("name")
        one.add_argument("--db", required=True)
    for name in ("pause-all", "resume-all"):
        actions.add_parser(name, help=f"{name.replace('-all', '')} every seat").add_argument("--db", required=True)

    report = commands.add_parser("report", help="spend by seat and model, with requests, tokens and errors")
    report.add_argument("--db", required=True)
    report.add_argument("--csv", help="also write the table to this CSV file")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m relay ARGS``; the exit status (1 with a message for a ledger problem)."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "serve":
            from .serve import serve

            return serve(args)
        if args.command == "report":
            return seat_commands.report(args)
        return seat_commands.run(args)
    except LedgerError as exc:
        print(f"relay: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
