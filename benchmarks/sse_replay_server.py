"""A raw-socket streaming server for the benchmarks, run as its own process.

    python benchmarks/sse_replay_server.py [--recording FILE]

It prints its port on the first line of stdout, then serves chat-completion streams on
loopback, by path (each ends in ``/v1/chat/completions`` so a ``helpers.Client`` with
``base_url=http://127.0.0.1:PORT/<mode>/v1`` reaches it):

- ``/first-open/...``: the status line, headers and the first content event leave in one
  write; the moment just before that write is printed (``t0 <ns>``, CLOCK_MONOTONIC,
  which every process on the machine shares).
- ``/first-mid/...``: headers and a ``: PROCESSING`` comment first, 20 ms of silence, then
  the first content event in one write, whose moment is printed the same way.
- ``/replay/...``: the recorded stream (the file given with ``--recording``), every event
  in its own HTTP chunk as the real API sends them, as fast as the socket takes it.

Connections are kept alive (HTTP/1.1), and TCP_NODELAY is set, as a real server would.
It is a measuring instrument, not a test double: it parses only what the benchmarks send.
"""
from __future__ import annotations

import argparse
import json
import socket
import sys
import threading
import time

FIRST_PIECE = "FIRST-PIECE"
MID_PAUSE_S = 0.020

HEAD = (b"HTTP/1.1 200 OK\r\n"
        b"Content-Type: text/event-stream\r\n"
        b"Cache-Control: no-cache\r\n"
        b"Transfer-Encoding: chunked\r\n"
        b"x-inference-id: bench\r\n"
        b"\r\n")


def now_ns() -> int:
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


def chunk(data: bytes) -> bytes:
    return b"%X\r\n%s\r\n" % (len(data), data)


def event(delta: dict, finish_reason=None) -> bytes:
    body = {"id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": 1700000000,
            "model": "google/gemma-3-4b-it",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}]}
    return b"data: " + json.dumps(body, separators=(",", ":")).encode() + b"\n\n"


FIRST_EVENT = chunk(event({"role": "assistant", "content": FIRST_PIECE}))
TAIL = (chunk(event({"content": " and the rest."}))
        + chunk(event({}, "stop"))
        + chunk(b"data: [DONE]\n\n")
        + b"0\r\n\r\n")


def split_events(recording: bytes) -> list[bytes]:
    """The recording cut after each blank line (its events and comments, each whole)."""
    parts = recording.split(b"\n\n")
    out = [p + b"\n\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


class Server:
    def __init__(self, recording: bytes | None):
        self.replay = b""
        if recording is not None:
            self.replay = b"".join(chunk(e) for e in split_events(recording)) + b"0\r\n\r\n"
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.out_lock = threading.Lock()

    def say(self, line: str) -> None:
        with self.out_lock:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    def serve_forever(self) -> None:
        while True:
            conn, _ = self.sock.accept()
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self.connection, args=(conn,), daemon=True).start()

    def connection(self, conn: socket.socket) -> None:
        conn.settimeout(30)
        pending = b""
        try:
            while True:
                while b"\r\n\r\n" not in pending:
                    data = conn.recv(65536)
                    if not data:
                        return
                    pending += data
                head, _, pending = pending.partition(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1]
                length = 0
                for line in lines[1:]:
                    name, _, value = line.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                while len(pending) < length:
                    data = conn.recv(65536)
                    if not data:
                        return
                    pending += data
                pending = pending[length:]
                self.answer(conn, path)
        except OSError:
            return
        finally:
            conn.close()

    def answer(self, conn: socket.socket, path: str) -> None:
        mode = path.strip("/").split("/")[0]
        if mode == "first-open":
            t0 = now_ns()
            conn.sendall(HEAD + FIRST_EVENT)
            conn.sendall(TAIL)
            self.say(f"t0 {t0}")
        elif mode == "first-mid":
            conn.sendall(HEAD + chunk(b": PROCESSING\n\n"))
            time.sleep(MID_PAUSE_S)
            t0 = now_ns()
            conn.sendall(FIRST_EVENT)
            conn.sendall(TAIL)
            self.say(f"t0 {t0}")
        elif mode == "replay":
            conn.sendall(HEAD + self.replay)
        else:
            body = b'{"message":"unknown benchmark path"}'
            conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                         b"Content-Length: %d\r\n\r\n%s" % (len(body), body))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recording", help="file of raw SSE bytes to replay at /replay/")
    args = parser.parse_args()
    recording = None
    if args.recording:
        with open(args.recording, "rb") as f:
            recording = f.read()
    server = Server(recording)
    print(server.port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
