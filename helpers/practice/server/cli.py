"""``python -m helpers.practice``: run the practice server in the foreground until Ctrl-C."""
from __future__ import annotations

import argparse
import signal
import sys
import threading

from ...keys import PRACTICE_KEY, mask_key
from .practice_server import LATENCY_VARIABLE, PracticeServer, latency_from_env


def main(argv: list[str] | None = None) -> int:
    """Run the practice server in the foreground until Ctrl-C or SIGTERM."""
    parser = argparse.ArgumentParser(prog="python -m helpers.practice",
                                     description="Offline practice stand-in for the AI/ML API.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--key", default=PRACTICE_KEY, help="the one key accepted")
    parser.add_argument("--latency", type=float, default=latency_from_env(),
                        help=f"delay factor; 0 turns delays off (default: ${LATENCY_VARIABLE} or 1.0)")
    parser.add_argument("--rate-limit", type=int, default=None, help="chat requests per rolling minute")
    parser.add_argument("--fail-rate", type=float, default=0.0, help="fraction of chat requests answered 503")
    parser.add_argument("--first-byte-delay", type=float, default=0.0, help="seconds before each chat answer")
    parser.add_argument("--cut-stream-after", type=int, default=None, help="drop streams after N pieces")
    parser.add_argument("--balance", type=float, default=5.0, help="practice balance in USD")
    args = parser.parse_args(argv)

    server = PracticeServer(args.host, args.port, key=args.key, latency=args.latency,
                            rate_limit=args.rate_limit, fail_rate=args.fail_rate,
                            first_byte_delay=args.first_byte_delay,
                            cut_stream_after=args.cut_stream_after, balance=args.balance)
    try:
        server.start()
    except OSError as exc:
        print(f"Cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    shown_key = server.key if server.key == PRACTICE_KEY else "<the key you passed with --key>"
    print(server.base_url, flush=True)
    print(f"Practice server running (key {mask_key(server.key)}, latency x{server.latency}); "
          "Ctrl-C stops it.", flush=True)
    print(f"Point the kit at it:  AIML_API_BASE={server.base_url} AIML_API_KEY={shown_key}", flush=True)
    while not done.wait(0.5):
        pass
    server.stop()
    return 0
