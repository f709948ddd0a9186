"""The classroom relay's goals, on loopback: overhead, 100 learners streaming, memory, budgets, and a hostile
room (eight 8 MB bodies at once on one seat; 200 connections dribbling bodies without a seat code).

    .venv/bin/python benchmarks/bench_relay.py [--quick]     # on its own
    make bench                                                # as section R of benchmarks/run.py

Every server runs in its own process: practice servers (``python -m helpers.practice``, which
accept only the relay's key) and relays (``python -m relay serve --port 0``) in front of them.
The client measuring is this process, with ``http.client`` on kept-alive connections, so the
figures are the relay's own cost and not a client library's. Loops are bounded; nothing here
asserts: a goal missed reads MISS.
"""
from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import math
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # relay/ is not installed: it runs from the kit's folder
    sys.path.insert(0, str(ROOT))

from helpers.practice import MODEL_SPECS  # noqa: E402
from relay.pricing import Price, worst_case_nusd  # noqa: E402

PY = sys.executable
KEY = "bench-canary-upstream-key-0123456789"
MODEL = "google/gemma-3-4b-it"
SMALL = {"model": MODEL, "messages": [{"role": "user", "content": "Say hi in five words."}], "max_tokens": 16,
         "seed": 1}
FIRST_PIECE = re.compile(rb'"content":"[^"]')
BLOCK = 50


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("AIML_API_BASE", "AIMLAPI_API_KEY")}
    env.update({"AIML_API_KEY": KEY, "RELAY_ADMIN_TOKEN": "bench-admin-token", "PYTHONPATH": str(ROOT)})
    return env


@contextlib.contextmanager
def _process(args: list[str], what: str, cwd: Path):
    """A server in its own process; yields (process, the first line it prints: its URL)."""
    proc = subprocess.Popen(args, cwd=cwd, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = ""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not line.startswith("http"):
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                raise RuntimeError(f"{what} exited with {proc.returncode}")
        threading.Thread(target=proc.stdout.read, daemon=True).start()  # keep its pipe drained
        yield proc, line.strip()
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


@contextlib.contextmanager
def practice(cwd: Path, latency: float = 0.0, first_byte_delay: float = 0.0):
    args = [PY, "-m", "helpers.practice", "--port", "0", "--key", KEY, "--latency", str(latency),
            "--first-byte-delay", str(first_byte_delay)]
    with _process(args, "the practice server", cwd) as (_, url):
        yield url


@contextlib.contextmanager
def relay(cwd: Path, upstream: str, db: Path, *options):
    args = [PY, "-m", "relay", "serve", "--upstream", upstream, "--db", str(db), "--port", "0", *map(str, options)]
    with _process(args, "the relay", cwd) as (proc, url):
        yield proc, url


def seats(db: Path, count: int, budget: float, prefix: str) -> list[str]:
    done = subprocess.run([PY, "-m", "relay", "seats", "add", "--db", str(db), "--count", str(count), "--budget",
                           str(budget), "--prefix", prefix, "--json"], cwd=ROOT, env=_env(), capture_output=True,
                          text=True, timeout=60, check=True)
    return [s["code"] for s in json.loads(done.stdout)]


class Wire:
    """One kept-alive loopback connection, TCP_NODELAY, timing whole calls."""

    def __init__(self, base_url: str, key: str):
        host, port = base_url.split("//")[1].split("/")[0].split(":")
        self.path = "/" + base_url.split("//")[1].split("/", 1)[1] + "/chat/completions"
        self.conn = http.client.HTTPConnection(host, int(port), timeout=30)
        self.conn.connect()
        self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def call(self, body: dict) -> tuple[int, bytes]:
        self.conn.request("POST", self.path, json.dumps(body), self.headers)
        answer = self.conn.getresponse()
        return answer.status, answer.read()

    def first_piece_ns(self, body: dict) -> tuple[int, bool]:
        """Nanoseconds from sending to the first piece of content; and whether the stream ended in [DONE]."""
        started = time.perf_counter_ns()
        self.conn.request("POST", self.path, json.dumps({**body, "stream": True}), self.headers)
        answer = self.conn.getresponse()
        seen, first = b"", None
        while True:
            chunk = answer.read1(65536)
            if not chunk:
                break
            seen += chunk
            if first is None and FIRST_PIECE.search(seen):
                first = time.perf_counter_ns() - started
        return (first if first is not None else -1), answer.status == 200 and b"data: [DONE]" in seen

    def close(self) -> None:
        self.conn.close()


def bench_overhead(direct: str, relayed: str, code: str, rounds: int) -> dict:
    """Plain calls and first pieces, direct against through the relay, in alternating blocks."""
    ways = {"direct": Wire(direct, KEY), "relay": Wire(relayed, code)}
    plain: dict = {w: [] for w in ways}
    first: dict = {w: [] for w in ways}
    for wire in ways.values():  # warm both paths (connections, caches)
        for _ in range(20):
            wire.call(SMALL)
    for r in range(rounds):
        order = list(ways) if r % 2 == 0 else list(reversed(ways))
        for way in order:
            wire = ways[way]
            for _ in range(BLOCK):
                t = time.perf_counter_ns()
                status, _ = wire.call(SMALL)
                plain[way].append((time.perf_counter_ns() - t) / 1e6 if status == 200 else math.inf)
            for _ in range(BLOCK // 5):
                ns, ok = wire.first_piece_ns(SMALL)
                first[way].append(ns / 1e6 if ok and ns >= 0 else math.inf)
    for wire in ways.values():
        wire.close()
    med = {k: {w: statistics.median(v) for w, v in d.items()} for k, d in (("plain", plain), ("first", first))}
    return {"plain": med["plain"], "first": med["first"], "n_plain": len(plain["relay"]),
            "n_first": len(first["relay"])}


def bench_load(relayed: str, codes: list[str], streams_each: int) -> dict:
    """len(codes) learners, each on its own seat, streaming at once; failed or cut streams counted."""
    barrier = threading.Barrier(len(codes))
    failures: list[str] = []
    done = [0]
    lock = threading.Lock()

    def learner(code: str) -> None:
        wire = None
        try:
            barrier.wait(30)
            wire = Wire(relayed, code)
            for _ in range(streams_each):
                ns, ok = wire.first_piece_ns({**SMALL, "max_tokens": 64})
                with lock:
                    if ok and ns >= 0:
                        done[0] += 1
                    else:
                        failures.append("cut or refused")
        except Exception as exc:  # a failed learner is counted, not raised
            with lock:
                failures.append(type(exc).__name__)
        finally:
            if wire is not None:
                wire.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=learner, args=(c,)) for c in codes]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return {"ok": done[0], "failed": len(failures), "kinds": sorted(set(failures)),
            "seconds": time.perf_counter() - started}


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


def bench_memory(proc: subprocess.Popen, relayed: str, codes: list[str], calls: int) -> dict:
    """The relay's resident memory before and after ``calls`` calls (every fifth one streamed)."""
    def worker(code: str, n: int, errors: list) -> None:
        wire = Wire(relayed, code)
        for i in range(n):
            if i % 5 == 4:
                ok = wire.first_piece_ns(SMALL)[1]
            else:
                ok = wire.call(SMALL)[0] == 200
            if not ok:
                errors.append(i)
        wire.close()

    def run(n_total: int) -> int:
        errors: list = []
        threads = [threading.Thread(target=worker, args=(c, n_total // len(codes), errors)) for c in codes]
        for t in threads:
            t.start()
        for t in threads:
            t.join(600)
        return len(errors)

    run(400)  # warm-up: connections, caches, the ledger's pages
    before = rss_mb(proc.pid)
    started = time.perf_counter()
    errors = run(calls)
    return {"before": before, "after": rss_mb(proc.pid), "errors": errors, "calls": calls,
            "seconds": time.perf_counter() - started}


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return math.nan


def _address(base_url: str) -> tuple[str, int]:
    host, port = base_url.split("//")[1].split("/")[0].split(":")
    return host, int(port)


def _post_raw(address: tuple[str, int], head: bytes, body: bytes) -> str:
    """One POST on its own connection: the status, or "reset" when the relay closed it first."""
    try:
        with socket.create_connection(address, timeout=60) as sock:
            sock.sendall(head + body)
            data = sock.recv(65536)
        return data.split(b" ", 2)[1].decode() if data else "reset"
    except OSError:
        return "reset"


def _calls_meanwhile(other: "Wire", busy) -> list[float]:
    """Another seat's plain calls, one after another while ``busy()``; each one's time in ms."""
    waits = []
    while busy() and len(waits) < 200:
        started = time.perf_counter()
        ok = other.call(SMALL)[0] == 200
        waits.append((time.perf_counter() - started) * 1000 if ok else math.inf)
    return waits


def bench_big_bodies(proc: subprocess.Popen, relayed: str, hog: str, other_code: str) -> dict:
    """Eight 8 MB bodies of empty messages at once on one seat (1.4 GB once parsed, before the fix): the relay's
    peak memory growth, and another seat's calls meanwhile."""
    body = b'{"model": "%s", "messages": [' % MODEL.encode() + b"{}," * 2_800_000 + b"{}]}"
    head = (f"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {hog}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    other = Wire(relayed, other_code)
    other.call(SMALL)
    before = peak_mb(proc.pid)
    statuses: list = []
    senders = [threading.Thread(target=lambda: statuses.append(_post_raw(_address(relayed), head, body)))
               for _ in range(8)]
    for sender in senders:
        sender.start()
    waits = _calls_meanwhile(other, lambda: any(s.is_alive() for s in senders))
    for sender in senders:
        sender.join(60)
    other.close()
    return {"growth": peak_mb(proc.pid) - before, "waits": waits or [math.nan], "statuses": sorted(map(str, statuses))}


def bench_dribblers(relayed: str, code: str, count: int = 200) -> dict:
    """``count`` connections announcing a 1 GB body without a seat code, then a byte every 0.2 s: a learner's
    calls meanwhile, and how many of those connections the relay has not closed after 3 s."""
    head = (b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000000000\r\n\r\n{")
    socks = [socket.create_connection(_address(relayed), timeout=10) for _ in range(count)]
    for sock in socks:
        sock.sendall(head)
    started, learner = time.perf_counter(), Wire(relayed, code)
    waits = _calls_meanwhile(learner, lambda: time.perf_counter() - started < 1.0)
    learner.close()
    while time.perf_counter() - started < 3.0:  # dribble on (each byte would once restart the connection's life)
        time.sleep(0.2)
        for sock in socks:
            try:
                sock.send(b" ")
            except OSError:
                pass
    still_open = sum(1 for sock in socks if not _closed(sock))
    for sock in socks:
        sock.close()
    return {"waits": waits or [math.nan], "open": still_open, "count": count}


def _closed(sock: socket.socket) -> bool:
    """True when the relay has closed the connection (after its answer, read and dropped here)."""
    sock.settimeout(0.01)
    try:
        while sock.recv(65536):
            pass
        return True
    except socket.timeout:
        return False
    except OSError:
        return True


def bench_race(relayed: str, db: Path, codes: list[str], racers: int) -> dict:
    """For each seat, ``racers`` calls at once against a budget for two; then the ledger is read."""
    body = {**SMALL, "max_tokens": 100}
    wins = []
    for code in codes:
        barrier = threading.Barrier(racers)
        statuses: list = []

        def one() -> None:
            barrier.wait(30)
            wire = Wire(relayed, code)
            try:
                statuses.append(wire.call(body)[0])
            finally:
                wire.close()
        threads = [threading.Thread(target=one) for _ in range(racers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        wins.append(statuses.count(200))
    time.sleep(0.2)  # settlements are written just after the answers
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT budget_nusd, spent_nusd + reserved_nusd FROM seats").fetchall()
    return {"seats": len(rows), "overspent": sum(1 for budget, used in rows if used > budget), "wins": wins}


def measure(quick: bool = False, say=print) -> list[dict]:
    """Every relay figure, as rows for benchmarks/run.py (section R)."""
    rounds, learners, streams_each, calls = (2, 100, 1, 1000) if quick else (7, 100, 3, 5000)
    with tempfile.TemporaryDirectory(prefix="bench-relay-") as tmp:
        tmp = Path(tmp)
        rows = []
        with practice(tmp) as direct:
            db = tmp / "overhead.db"
            codes = seats(db, 8, 1000, "bench")
            with relay(tmp, direct, db, "--rate-limit", 1_000_000) as (proc, relayed):
                say(f"R. relay overhead: {rounds} rounds of {BLOCK} plain calls and {BLOCK // 5} streams each way...")
                over = bench_overhead(direct, relayed, codes[0], rounds)
                say(f"R. relay memory: {calls:,} calls through 8 seats at once...")
                mem = bench_memory(proc, relayed, codes, calls)
                say("R. relay under a hostile room: eight 8 MB bodies on one seat, 200 dribbling connections...")
                big = bench_big_bodies(proc, relayed, codes[6], codes[7])
                drip = bench_dribblers(relayed, codes[7])
        rows += overhead_rows(over) + memory_rows(mem) + hostile_rows(big, drip)
        with practice(tmp, latency=0.2) as slow:
            db = tmp / "load.db"
            codes = seats(db, learners, 1000, "learner")
            with relay(tmp, slow, db, "--rate-limit", 1_000_000) as (_, relayed):
                say(f"R. relay load: {learners} learners streaming at once, {streams_each} stream(s) each...")
                load = bench_load(relayed, codes, streams_each)
        rows += load_rows(load, learners, streams_each)
        with practice(tmp, first_byte_delay=0.3) as delayed:
            db = tmp / "race.db"
            practice_price = Price(MODEL_SPECS[MODEL].input_price, MODEL_SPECS[MODEL].output_price)
            budget = round(2.5 * worst_case_nusd({**SMALL, "max_tokens": 100}, practice_price) / 1e9, 6)
            codes = seats(db, 3 if quick else 10, budget, "race")
            with relay(tmp, delayed, db, "--rate-limit", 1_000_000, "--concurrency", 64) as (_, relayed):
                say(f"R. relay budgets: 40 calls at once on each of {len(codes)} seats, a budget for 2 each...")
                race = bench_race(relayed, db, codes, 40)
        rows += race_rows(race)
    return rows


def overhead_rows(o: dict) -> list[dict]:
    added = o["plain"]["relay"] - o["plain"]["direct"]
    added_first = o["first"]["relay"] - o["first"]["direct"]
    return [
        {"measure": "Relay: added latency per plain call (median through the relay minus direct)", "value": added,
         "unit": "ms", "runs": f"{o['n_plain']} calls each way", "baseline": o["plain"]["direct"],
         "baseline_label": "direct to the practice server", "goal": "<= 2 ms", "ok": added <= 2.0,
         "note": f"through the relay {o['plain']['relay']:.3f} ms", "short": "Relay: added latency per plain call",
         "compare": f"{o['plain']['relay']:.3f} ms through it vs {o['plain']['direct']:.3f} ms direct"},
        {"measure": "Relay: added delay to the first streamed piece (median)", "value": added_first, "unit": "ms",
         "runs": f"{o['n_first']} streams each way", "baseline": o["first"]["direct"],
         "baseline_label": "direct to the practice server", "goal": "<= 2 ms", "ok": added_first <= 2.0,
         "note": f"through the relay {o['first']['relay']:.3f} ms", "short": "Relay: added delay to the first piece",
         "compare": f"{o['first']['relay']:.3f} ms through it vs {o['first']['direct']:.3f} ms direct"},
    ]


def memory_rows(m: dict) -> list[dict]:
    growth = m["after"] - m["before"]
    return [{"measure": f"Relay: memory growth over {m['calls']:,} calls (1 in 5 streamed, 8 seats at once)",
             "value": growth, "unit": "MB", "runs": f"1 run, {m['seconds']:.1f} s, {m['errors']} failed",
             "baseline": m["before"], "baseline_label": "RSS after a 400-call warm-up", "goal": "<= 30 MB",
             "ok": growth <= 30 and m["errors"] == 0, "short": f"Relay: memory growth over {m['calls']:,} calls",
             "compare": f"{m['before']:.1f} MB to {m['after']:.1f} MB resident"}]


def hostile_rows(big: dict, drip: dict) -> list[dict]:
    slow_big, slow_drip = max(big["waits"]), max(drip["waits"])
    return [
        {"measure": "Relay: peak memory growth with eight 8 MB bodies of empty messages at once on one seat",
         "value": big["growth"], "unit": "MB", "runs": f"1 run, answers {', '.join(big['statuses'])}",
         "baseline": None, "baseline_label": "", "goal": "<= 300 MB", "ok": big["growth"] <= 300,
         "short": "Relay: peak memory, eight 8 MB bodies at once", "compare": "VmHWM before and after"},
        {"measure": "Relay: another seat's plain call meanwhile (slowest)", "value": slow_big, "unit": "ms",
         "runs": f"{len(big['waits'])} calls", "baseline": statistics.median(big["waits"]),
         "baseline_label": "median", "goal": "<= 1000 ms", "ok": slow_big <= 1000,
         "short": "Relay: another seat's call during eight 8 MB bodies",
         "compare": f"slowest {slow_big:.1f} ms, median {statistics.median(big['waits']):.1f} ms"},
        {"measure": f"Relay: a learner's plain call while {drip['count']} connections dribble bodies without a code "
                    "(slowest)", "value": slow_drip, "unit": "ms", "runs": f"{len(drip['waits'])} calls in 1 s",
         "baseline": statistics.median(drip["waits"]), "baseline_label": "median", "goal": "<= 1000 ms",
         "ok": slow_drip <= 1000, "short": f"Relay: a call while {drip['count']} connections dribble",
         "compare": f"slowest {slow_drip:.1f} ms, median {statistics.median(drip['waits']):.1f} ms"},
        {"measure": f"Relay: of {drip['count']} connections dribbling bodies without a code, still open after 3 s",
         "value": drip["open"], "unit": "connections", "runs": "1 run", "baseline": None, "baseline_label": "",
         "goal": "0", "ok": drip["open"] == 0, "short": "Relay: dribbling connections still open after 3 s",
         "compare": f"{drip['count'] - drip['open']} of {drip['count']} answered and closed"},
    ]


def load_rows(l: dict, learners: int, each: int) -> list[dict]:  # noqa: E741
    kinds = f" ({', '.join(l['kinds'])})" if l["kinds"] else ""
    return [{"measure": f"Relay: {learners} learners streaming at once ({each} each), failed or cut",
             "value": l["failed"], "unit": "streams", "runs": f"1 run, {l['seconds']:.1f} s",
             "baseline": l["ok"], "baseline_label": "streams completed", "goal": "0", "ok": l["failed"] == 0,
             "note": f"{l['ok']} streams completed{kinds}", "short": f"Relay: {learners} learners streaming at once",
             "compare": f"{l['ok']} of {l['ok'] + l['failed']} streams completed, each ending in [DONE]"}]


def race_rows(r: dict) -> list[dict]:
    return [{"measure": "Relay: seats overspent when 40 calls at once race for a budget that covers 2",
             "value": r["overspent"], "unit": "seats", "runs": f"{r['seats']} seats",
             "baseline": None, "baseline_label": f"calls let through per seat: {r['wins']}", "goal": "0",
             "ok": r["overspent"] == 0, "short": "Relay: overspent seats, 40 calls racing for a budget of 2",
             "compare": f"{r['seats']} seats; calls let through per seat: {sorted(set(r['wins']))}"}]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/bench_relay.py", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs: a smoke check, not figures to quote")
    args = parser.parse_args(argv)
    for row in measure(args.quick):
        result = "PASS" if row["ok"] else "MISS"
        print(f"{row['measure']}: {row['value']:.3f} {row['unit']} (goal {row['goal']}) {result}; {row['compare']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
