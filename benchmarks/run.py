"""How fast the kit is, against the plain documented call and against the limit.

    make bench                                  # everything but the test suite (about 2 minutes)
    make bench ARGS=--with-test-suite          # also times the whole `make test` (minutes more)
    .venv/bin/python benchmarks/run.py --help

Every server runs in its own process (the practice server through its command line, the
raw streaming server from ``sse_replay_server.py``), so its threads never compete for the
GIL with the client being measured, as they would in-process; on 2 cores the client and
the server then each get one. Everything talks over loopback HTTP. Figures are medians;
the table says over how many runs. The last table is written to ``benchmarks/RESULTS.md``.

Not a test: pytest never collects this folder (it is outside ``testpaths`` and no file here
is named ``test_*.py``), and nothing here asserts on speed. A goal missed reads MISS.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import math
import os
import platform
import re
import resource
import select
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
MODEL = "google/gemma-3-4b-it"
SMALL_BODY = {"model": MODEL, "messages": [{"role": "user", "content": "Say hi in five words."}], "max_tokens": 16,
              "seed": 1}
RECORDED_EVENTS = 10_000
BLOCK = 50  # calls per way before switching to the next way (section 1)
SUITE_FILE = HERE / "last_test_suite.json"


def now_ns() -> int:
    """CLOCK_MONOTONIC: one clock for every process on the machine (the servers stamp with it too)."""
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


def median(values):
    return statistics.median(values)


# --------------------------------------------------------------------------- the table

@dataclass
class Row:
    section: str
    measure: str
    value: float | None  # the median
    unit: str
    runs: str
    baseline: float | None = None  # the baseline's median, same unit
    baseline_label: str = ""
    ratio: float | None = None  # value / baseline (or baseline / value for speed-ups), as labelled
    ratio_label: str = ""
    goal: str = ""
    ok: bool | None = None  # None: no goal (a baseline or context row)
    note: str = ""
    short: str = ""  # the label in the goals table (rows without one are left out of it)
    compare: str = ""  # the goals table's "compared with" cell, when the generic one reads badly

    @property
    def result(self) -> str:
        return "" if self.ok is None else ("PASS" if self.ok else "MISS")


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit in ("events/s", "tokens/s"):
        return f"{value:,.0f} {unit}"
    if unit == "ms":
        return f"{value:.3f} ms" if abs(value) < 10 else f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    if unit == "%":
        return f"{value:.1f}%"
    return f"{value:.3g} {unit}"


def ratio_text(row: Row) -> str:
    if row.ratio is None:
        return ""
    return f"{row.ratio:.2f}{row.ratio_label}"


def baseline_text(row: Row) -> str:
    if row.baseline is None:
        return row.baseline_label
    shown = fmt(row.baseline, row.unit)
    return f"{shown} ({row.baseline_label})" if row.baseline_label else shown


HEADERS = ["#", "Measure", "Median", "Baseline", "Ratio", "Goal", "Result", "Runs"]


def table_cells(rows: list[Row]) -> list[list[str]]:
    return [[r.section, r.measure, fmt(r.value, r.unit), baseline_text(r), ratio_text(r), r.goal, r.result, r.runs]
            for r in rows]


def text_table(rows: list[Row]) -> str:
    cells = table_cells(rows)
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(HEADERS)]
    def line(cs):
        return "  ".join(c.ljust(w) for c, w in zip(cs, widths)).rstrip()
    out = [line(HEADERS), line(["-" * w for w in widths])]
    out += [line(c) for c in cells]
    return "\n".join(out)


def markdown_table(rows: list[Row]) -> str:
    def esc(s):
        return s.replace("|", "\\|")
    out = ["| " + " | ".join(HEADERS) + " |", "|" + "|".join(["---"] * len(HEADERS)) + "|"]
    for c in table_cells(rows):
        c = list(c)
        c[6] = f"**{c[6]}**" if c[6] else ""
        out.append("| " + " | ".join(esc(x) for x in c) + " |")
    return "\n".join(out)


def goals_table(rows: list[Row]) -> str:
    """The rows with a goal, shorter: every goal at a glance."""
    out = ["| Measure | Median | Compared with | Goal | Result |", "|---|---|---|---|---|"]
    for r in rows:
        if r.ok is None or not r.short:
            continue
        compared = r.compare or (f"{ratio_text(r)} vs {baseline_text(r)}" if r.ratio is not None else baseline_text(r))
        out.append("| " + " | ".join(x.replace("|", "\\|") for x in (
            r.short, fmt(r.value, r.unit), compared or "-", r.goal, f"**{r.result}**")) + " |")
    return "\n".join(out)


# --------------------------------------------------------------------------- the machine

def machine() -> dict:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import requests
    import urllib3

    import helpers

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "os": platform.platform(terse=True),
        "requests": requests.__version__,
        "urllib3": urllib3.__version__,
        "helpers": str(Path(helpers.__file__).parent),
        "load": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def machine_line(m: dict) -> str:
    return f"{m['cpu']}, {m['cores']} cores, {m['implementation']} {m['python']}, {m['os']}"


# --------------------------------------------------------------------------- servers in their own processes

def _first_line(proc: subprocess.Popen, what: str, errors, timeout: float = 20.0) -> str:
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    line = proc.stdout.readline() if ready else ""
    if not line:
        proc.kill()
        errors.seek(0)
        raise RuntimeError(f"{what} did not start within {timeout:.0f} s.\n{errors.read()[-2000:]}")
    return line.strip()


@contextlib.contextmanager
def process(args: list[str], what: str):
    """A server process; yields (process, its first line of output); stopped by its own pid at the end."""
    with tempfile.TemporaryFile("w+") as errors:  # a file, not a pipe: a chatty server never blocks on it
        proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=errors, text=True, bufsize=1)
        try:
            yield proc, _first_line(proc, what, errors)
        finally:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


def practice_server(latency: float = 0.0, first_byte_delay: float = 0.0):
    """``python -m helpers.practice`` with fixed settings; yields (process, base URL)."""
    args = [PY, "-m", "helpers.practice", "--port", "0", "--latency", str(latency)]
    if first_byte_delay:
        args += ["--first-byte-delay", str(first_byte_delay)]
    return process(args, "the practice server")


def practice_client(base_url: str):
    import helpers
    from helpers.practice import PRACTICE_KEY

    return helpers.Client(api_key=PRACTICE_KEY, base_url=base_url)


def say(text: str) -> None:
    print(text, flush=True)


# --------------------------------------------------------------------------- 1. per-call cost

def bench_per_call(base_url: str, rounds: int, calls: int) -> list[Row]:
    import requests

    from helpers.practice import PRACTICE_KEY, SIMULATED_MARKER

    url = base_url + "/chat/completions"
    headers = {"Authorization": f"Bearer {PRACTICE_KEY}", "Content-Type": "application/json"}
    session = requests.Session()
    client = practice_client(base_url)
    prompt = SMALL_BODY["messages"][0]["content"]
    params = {k: v for k, v in SMALL_BODY.items() if k not in ("model", "messages")}

    def documented():  # what the documentation's example does, plus the timeout every call must have
        return requests.post(url, headers=headers, json=SMALL_BODY, timeout=60).json()

    def bare_session():
        return session.post(url, headers=headers, json=SMALL_BODY, timeout=60).json()

    def helper():
        return client.chat(prompt, model=MODEL, **params)

    ways = {"documented": documented, "session": bare_session, "helper": helper}
    # The three must get the same answer, or the comparison means nothing.
    texts = {name: (f()["choices"][0]["message"]["content"] if name != "helper" else f().text)
             for name, f in ways.items()}
    if len(set(texts.values())) != 1 or not texts["helper"].startswith(SIMULATED_MARKER):
        raise RuntimeError(f"The three ways got different answers: {texts}")
    for f in ways.values():  # warm-up: imports, first connections
        for _ in range(10):
            f()

    # Each run sends `calls` calls each way, interleaved in blocks of BLOCK in a rotating order,
    # so that a burst of other work on the machine lands on all three ways alike.
    per_call: dict[str, list[float]] = {name: [] for name in ways}
    names = list(ways)
    block = min(BLOCK, calls)
    for r in range(rounds):
        spent = dict.fromkeys(names, 0.0)
        for b in range(calls // block):
            k = (r * (calls // block) + b) % 3
            for name in names[k:] + names[:k]:
                f = ways[name]
                started = time.perf_counter()
                for _ in range(block):
                    f()
                spent[name] += time.perf_counter() - started
        for name in names:
            per_call[name].append(spent[name] / (calls // block * block) * 1000)
    client.close()
    session.close()

    doc, ses, hel = (median(per_call[n]) for n in names)
    ratio = hel / doc
    overheads = [h - s for h, s in zip(per_call["helper"], per_call["session"])]
    pairs = [h / d for h, d in zip(per_call["helper"], per_call["documented"])]
    runs = f"{rounds} x {calls} calls"
    return [
        Row("1", "Documented way: new `requests.post` + `.json()`, per call", doc, "ms", runs),
        Row("1", "Bare `requests.Session.post` + `.json()`, per call", ses, "ms", runs,
            baseline=doc, baseline_label="documented", ratio=ses / doc, ratio_label="x"),
        Row("1", "`helpers.Client.chat`, per call", hel, "ms", runs,
            baseline=doc, baseline_label="documented", ratio=ratio, ratio_label="x",
            goal="<= 0.80x documented", ok=ratio <= 0.80,
            short="Per call: `helpers.Client.chat` against the documented `requests.post`",
            note=f"helper/documented per run: {min(pairs):.2f}x to {max(pairs):.2f}x"),
        Row("1", "Helper overhead over the bare Session, per call", median(overheads), "ms", runs,
            baseline=ses, baseline_label="bare Session", ratio=hel / ses,
            ratio_label="x", goal="< 1 ms", ok=median(overheads) < 1.0,
            short="Per call: the helper's own overhead over a bare `requests.Session`"),
    ]


# --------------------------------------------------------------------------- 2. batch work

def bench_batch(base_url: str, runs: int, prompts_n: int, concurrency: int, delay: float) -> list[Row]:
    from helpers import batch

    client = practice_client(base_url)
    prompts = [f"Name a colour, number {i}." for i in range(prompts_n)]
    params = {"max_tokens": 16}

    # Warm-up, and a check that the server's delay is what it should be.
    warm = batch(prompts[:concurrency], client=client, concurrency=concurrency, progress=False, **params)
    one = client.chat(prompts[0], **params)
    if warm.failures or one.latency_s < delay * 0.95:
        raise RuntimeError(f"The delayed server misbehaves: {warm!r}, one call took {one.latency_s:.3f} s.")

    sequential, batched, in_flight = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        for p in prompts:
            client.chat(p, **params)
        sequential.append(time.perf_counter() - started)
        started = time.perf_counter()
        items = batch(prompts, client=client, concurrency=concurrency, progress=False, **params)
        batched.append(time.perf_counter() - started)
        if items.failures:
            raise RuntimeError(f"{len(items.failures)} batch items failed: {items.failures[:3]!r}")
        in_flight.append(items.max_in_flight)
    client.close()

    speedups = [s / b for s, b in zip(sequential, batched)]
    limit = prompts_n / math.ceil(prompts_n / concurrency)
    run_text = f"{runs} runs each"
    label = f"{prompts_n} calls of {delay * 1000:.0f} ms"
    return [
        Row("2", f"{label}, sequential `Client.chat` loop", median(sequential),
            "s", run_text, baseline=prompts_n * delay, baseline_label="the delays alone",
            ratio=median(sequential) / (prompts_n * delay), ratio_label="x"),
        Row("2", f"{label}, `helpers.batch(concurrency={concurrency})`", median(batched), "s", run_text,
            baseline=median(sequential), baseline_label="sequential", ratio=median(sequential) / median(batched),
            ratio_label=f"x faster (limit {limit:.0f}x)", goal=">= 7x faster",
            ok=median(sequential) / median(batched) >= 7.0,
            short=f"Batch: {label} at concurrency {concurrency}, against one by one",
            note=f"speed-ups per run: {', '.join(f'{x:.2f}x' for x in speedups)}; "
                 f"at most {max(in_flight)} calls in flight"),
    ]


# --------------------------------------------------------------------------- 3. streaming

def record_stream(base_url: str, events: int) -> bytes:
    """Raw SSE bytes recorded from the practice server: whole streams, joined, cut to ``events`` events."""
    import requests

    from helpers.practice import PRACTICE_KEY

    url = base_url + "/chat/completions"
    headers = {"Authorization": f"Bearer {PRACTICE_KEY}"}
    parts: list[bytes] = []
    count = 0
    i = 0
    with requests.Session() as session:
        while count < events - 1:
            body = {"model": (MODEL, "google/gemma-3-12b-it")[i % 2],
                    "messages": [{"role": "user", "content": f"Tell me about San Francisco, part {i}."}],
                    "max_tokens": 2000, "stream": True, "stream_options": {"include_usage": True}}
            with session.post(url, headers=headers, json=body, stream=True, timeout=60) as r:
                r.raise_for_status()
                raw = b"".join(r.iter_content(chunk_size=None))
            for block in raw.split(b"\n\n"):
                if not block or block.startswith(b"data: [DONE]"):
                    continue
                parts.append(block + b"\n\n")
                if block.startswith(b"data:"):
                    count += 1
                    if count == events - 1:
                        break
            i += 1
    parts.append(b"data: [DONE]\n\n")
    return b"".join(parts)


def count_events(data: bytes) -> int:
    return sum(1 for block in data.split(b"\n\n") if block.startswith(b"data:"))


def bench_decoder(recording: bytes, runs: int) -> list[Row]:
    from helpers.sse import SSEDecoder

    expected = count_events(recording)

    def naive() -> int:  # the floor: split lines, keep the data ones; no SSE rules, no incremental UTF-8
        return sum(1 for line in recording.splitlines() if line.startswith(b"data:"))

    def decode(chunks) -> int:
        decoder = SSEDecoder()
        n = 0
        for c in chunks:
            for _ in decoder.feed(c):
                n += 1
        for _ in decoder.close():
            n += 1
        return n

    floor = []
    for _ in range(runs):
        started = time.perf_counter()
        n = naive()
        floor.append(expected / (time.perf_counter() - started))
    rows = []
    for size, label in ((256, "256 B reads (about an event each, split anywhere)"),
                        (1460, "1,460 B reads (a TCP segment)"),
                        (65536, "64 KiB reads (`ChatStream`'s read size)")):
        chunks = [recording[i:i + size] for i in range(0, len(recording), size)]
        rates = []
        for _ in range(runs):
            started = time.perf_counter()
            n = decode(chunks)
            rates.append(n / (time.perf_counter() - started))
            if n != expected:
                raise RuntimeError(f"SSEDecoder found {n} events, expected {expected}.")
        rows.append(Row("3", f"`SSEDecoder`, {label}", median(rates), "events/s",
                        f"{runs} runs", baseline=median(floor), baseline_label="`splitlines` floor",
                        ratio=median(rates) / median(floor), ratio_label="x",
                        goal=">= 50,000 events/s", ok=median(rates) >= 50_000,
                        short="Stream parser (`SSEDecoder`), 256-byte reads" if size == 256 else ""))
    return rows


def _raw_first_piece(port: int, mode: str, marker: bytes) -> int:
    """The floor: a bare socket client; returns when ``marker`` arrived (ns), after reading to the end."""
    body = b"{}"
    request = (f"POST /{mode}/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
               f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        s.sendall(request)
        got, t1 = b"", None
        while not got.endswith(b"0\r\n\r\n"):
            data = s.recv(65536)
            if not data:
                break
            got += data
            if t1 is None and marker in got:
                t1 = now_ns()
    if t1 is None:
        raise RuntimeError(f"The raw server's {mode} stream had no first piece: {got[:300]!r}")
    return t1


def bench_first_piece(samples: int) -> list[Row]:
    sys.path.insert(0, str(HERE))
    from sse_replay_server import FIRST_PIECE, MID_PAUSE_S

    rows = []
    with process([PY, str(HERE / "sse_replay_server.py")], "the raw streaming server") as (proc, port_line):
        port = int(port_line)

        def server_t0() -> int:
            line = proc.stdout.readline().split()
            if len(line) != 2 or line[0] != "t0":
                raise RuntimeError(f"The raw server said {line!r}, expected its t0.")
            return int(line[1])

        for mode, label, short in (
                ("first-open", "response start (headers and event in one write)", "response start"),
                ("first-mid", f"event {MID_PAUSE_S * 1000:.0f} ms after `: PROCESSING`", "mid-stream")):
            client = practice_client(f"http://127.0.0.1:{port}/{mode}/v1")
            helper, floor = [], []
            for i in range(samples + 3):  # the first 3 of each warm up
                t1 = _raw_first_piece(port, mode, FIRST_PIECE.encode())
                f = (t1 - server_t0()) / 1e6
                stream = client.stream("Say hi", max_tokens=8)
                it = iter(stream)
                first = next(it)
                t1 = now_ns()
                for _ in it:
                    pass
                h = (t1 - server_t0()) / 1e6
                if first != FIRST_PIECE or stream.result is None:
                    raise RuntimeError(f"client.stream handed {first!r} first, expected {FIRST_PIECE!r}.")
                if i >= 3:
                    helper.append(h)
                    floor.append(f)
            client.close()
            rows.append(Row("3", f"First piece after the server's write: {label}", median(helper),
                            "ms", f"{samples} streams", baseline=median(floor), baseline_label="raw socket",
                            ratio=median(helper) / median(floor), ratio_label="x",
                            goal="< 5 ms", ok=median(helper) < 5.0,
                            note=f"helper worst {max(helper):.2f} ms",
                            short=f"Stream: first piece to the caller after the server sends it ({short})",
                            compare=f"a raw socket client gets it in {median(floor):.3f} ms"))
    return rows


def bench_chatstream(recording: bytes, runs: int) -> list[Row]:
    import requests

    expected = count_events(recording)
    body = dict(SMALL_BODY, stream=True)
    with tempfile.NamedTemporaryFile(prefix="bench-recording-", suffix=".sse", delete=False) as f:
        f.write(recording)
        path = f.name
    try:
        with process([PY, str(HERE / "sse_replay_server.py"), "--recording", path],
                     "the raw streaming server") as (proc, port_line):
            base_url = f"http://127.0.0.1:{int(port_line)}/replay/v1"
            client = practice_client(base_url)
            session = requests.Session()
            headers = {"Authorization": "Bearer bench-not-a-key"}

            def helper() -> tuple[int, str]:
                stream = client.stream("Say hi", max_tokens=8)
                pieces = sum(1 for _ in stream)
                return pieces, stream.text

            def by_hand() -> tuple[int, str]:  # what a learner writes with requests alone
                text, pieces = [], 0
                with session.post(base_url + "/chat/completions", headers=headers, json=body, stream=True,
                                  timeout=60) as r:
                    for line in r.iter_lines():
                        if not line.startswith(b"data: "):
                            continue
                        payload = line[6:]
                        if payload == b"[DONE]":
                            break
                        chunk = json.loads(payload)
                        choices = chunk.get("choices") or [{}]
                        piece = (choices[0].get("delta") or {}).get("content")
                        if piece:
                            pieces += 1
                            text.append(piece)
                return pieces, "".join(text)

            want = helper()
            if by_hand() != want or want[0] < expected * 0.9:
                raise RuntimeError("The replayed stream reads differently by hand and through client.stream.")
            mine, theirs, mine_cpu = [], [], []
            for r in range(runs):
                for name in (("helper", "by_hand") if r % 2 == 0 else ("by_hand", "helper")):
                    started, cpu = time.perf_counter(), time.process_time()
                    (helper if name == "helper" else by_hand)()
                    rate = expected / (time.perf_counter() - started)
                    (mine if name == "helper" else theirs).append(rate)
                    if name == "helper":
                        mine_cpu.append(expected / max(time.process_time() - cpu, 1e-9))
            client.close()
            session.close()
    finally:
        os.unlink(path)
    return [Row("3", f"`client.stream` over loopback, {expected:,} events, to the last piece",
                median(mine), "events/s", f"{runs} runs", baseline=median(theirs),
                baseline_label="`requests` `iter_lines` + `json.loads`", ratio=median(mine) / median(theirs),
                ratio_label="x", goal=">= 50,000 events/s", ok=median(mine) >= 50_000,
                short=f"Stream: {expected:,} events through `client.stream` over loopback",
                note=f"per second of the client's own CPU time: {median(mine_cpu):,.0f} events "
                     "(the wall-clock figure falls below it when other work takes the CPU)")]


# --------------------------------------------------------------------------- 4. the learner's wait

def bench_import(runs: int) -> tuple[list[Row], str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIML")}

    def run(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([PY, "-c", code], cwd=ROOT, env=env, check=True, timeout=60)
        return time.perf_counter() - started

    run("import helpers")  # warm the file cache and the .pyc files
    bare, full = [], []
    for _ in range(runs):
        bare.append(run("pass"))
        full.append(run("import helpers"))
    diffs = [f - b for f, b in zip(full, bare)]
    # Where the time goes: the slowest top-level imports, from python -X importtime.
    out = subprocess.run([PY, "-X", "importtime", "-c", "import helpers"], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True, timeout=60).stderr
    entries = []  # (depth, name, cumulative microseconds), children listed before their parent
    for line in out.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[0].startswith("import time:") and parts[1].strip().isdigit():
            raw = parts[2].rstrip()
            entries.append(((len(raw) - len(raw.lstrip()) - 1) // 2, raw.strip(), int(parts[1])))
    outside = []  # modules from outside the kit that a helpers module imports directly
    for i, (depth, name, cumulative) in enumerate(entries):
        parent = next((n for d, n, _ in entries[i + 1:] if d < depth), "")
        if parent.split(".")[0] == "helpers" and name.split(".")[0] != "helpers":
            outside.append((cumulative, name))
    outside.sort(reverse=True)
    total = next((c for d, n, c in entries if n == "helpers"), 0)
    detail = (f"Where `import helpers` spends its time (one `python -X importtime` run, cumulative): "
              f"{total / 1000:.0f} ms in all; the biggest imports from outside the kit: "
              + ", ".join(f"`{n}` {us / 1000:.0f} ms" for us, n in outside[:5]) + ".")
    return [Row("4", "`import helpers`, fresh interpreter, minus `python -c pass`", median(diffs), "s",
                f"{runs} runs", baseline=median(bare), baseline_label="bare interpreter",
                ratio=median(full) / median(bare), ratio_label="x (whole start)",
                goal="< 0.3 s", ok=median(diffs) < 0.3, short="`import helpers` in a fresh interpreter",
                compare=f"on top of {median(bare):.3f} s for a bare `python -c pass`")], detail


def bench_test_suite(target: str = "test") -> dict:
    """``make <target>`` once, timed; per-file times from a junit report asked for through PYTEST_ADDOPTS."""
    with tempfile.TemporaryDirectory(prefix="bench-suite-") as tmp:
        xml_path = Path(tmp) / "junit.xml"
        env = dict(os.environ, PYTEST_ADDOPTS=f"--junitxml={xml_path} -o junit_family=xunit1")
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.run(["make", target], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=3600)
        wall = time.perf_counter() - started
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
        output = (proc.stdout + proc.stderr).splitlines()
        summary = next((line.strip("= ") for line in reversed(output)
                        if re.search(r"\d+ (passed|failed|error)", line)), (output or [""])[-1])
        files: dict[str, float] = {}
        cases: list[tuple[float, str]] = []
        failed: list[str] = []
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if xml_path.exists():
            for case in ET.parse(xml_path).iter("testcase"):
                name = case.get("file") or case.get("classname", "?").replace(".", "/")
                seconds = float(case.get("time") or 0)
                files[name] = files.get(name, 0.0) + seconds
                test_id = f"{name}::{case.get('name')}"
                cases.append((seconds, test_id))
                counts["tests"] += 1
                for kind, key in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
                    if case.find(kind) is not None:
                        counts[key] += 1
                        if kind != "skipped":
                            failed.append(test_id)
    cases.sort(reverse=True)
    return {"date": datetime.datetime.now().astimezone().isoformat(timespec="minutes"), "target": target,
            "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "returncode": proc.returncode, "summary": summary, "counts": counts,
            "files": {k: round(v, 2) for k, v in sorted(files.items())},
            "slowest": [[round(t, 2), n] for t, n in cases[:12]], "failed": failed[:20]}


def suite_rows(suite: dict, fresh: bool) -> list[Row]:
    when = "1 run" if fresh else f"1 run on {suite['date']} (not re-run; pass --with-test-suite)"
    status = "passed" if suite["returncode"] == 0 else f"FAILED (exit {suite['returncode']})"
    target = suite.get("target", "test")
    note = ""
    if "cpu_s" in suite:  # the same suite's CPU swings with the shared host's speed (89 s to 165 s seen)
        note = f"{suite['cpu_s']} s of CPU in its processes (those waited for: a lower bound)"
    return [Row("4", f"`make {target}`, whole suite ({suite['counts']['tests']} tests, {status})",
                suite["wall_s"], "s", when, goal="<= 60 s", ok=suite["wall_s"] <= 60, note=note,
                short=f"`make {target}`: {suite['counts']['tests']} tests and every notebook")]


def suite_breakdown(suite: dict) -> str:
    notebooks = {k: v for k, v in suite["files"].items() if k.endswith(".ipynb")}
    others = {k: v for k, v in suite["files"].items() if not k.endswith(".ipynb")}
    lines = [f"`make {suite.get('target', 'test')}` on {suite['date']}: {suite['wall_s']} s wall time; "
             f"{suite['summary']}", "",
             "| File | Seconds (setup + run + teardown of its tests) |", "|---|---|"]
    for name, secs in sorted(notebooks.items()):
        lines.append(f"| {name} | {secs:.1f} |")
    lines.append(f"| all {len(notebooks)} notebooks | {sum(notebooks.values()):.1f} |")
    for name, secs in sorted(others.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {secs:.1f} |")
    lines.append(f"| all {len(others)} test files | {sum(others.values()):.1f} |")
    lines.append(f"| start-up, collection and the rest | "
                 f"{suite['wall_s'] - sum(suite['files'].values()):.1f} |")
    if suite.get("slowest"):
        lines += ["", "The slowest tests (seconds):", ""]
        lines += [f"- {secs:.1f} `{name}`" for secs, name in suite["slowest"]]
    if suite.get("failed"):
        lines += ["", "Failed in that run: " + ", ".join(f"`{n}`" for n in suite["failed"])]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main

SECTIONS = ("per-call", "batch", "streaming", "import", "relay", "sampler", "drift", "skills")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/run.py", description=__doc__.splitlines()[0])
    parser.add_argument("--with-test-suite", action="store_true",
                        help="also time the whole `make test` once (several minutes)")
    parser.add_argument("--test-target", default="test", metavar="TARGET",
                        help="the make target --with-test-suite times (default: test)")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections to run (default: all of {', '.join(SECTIONS)})")
    parser.add_argument("--quick", action="store_true", help="fewer runs: a smoke check, not figures to quote")
    parser.add_argument("--no-save", action="store_true", help="do not write benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    q = args.quick

    m = machine()
    started = time.perf_counter()
    say(f"Machine: {machine_line(m)}")
    say(f"requests {m['requests']}, urllib3 {m['urllib3']}; helpers from {m['helpers']}")
    if m["load"]:
        say(f"Load average at start: {m['load'][0]:.2f} {m['load'][1]:.2f} {m['load'][2]:.2f} "
            "(other work on the machine shows up as noise)")
    say("Servers run in their own processes, over loopback.\n")

    rows: list[Row] = []
    details: list[str] = []
    if "per-call" in only or "streaming" in only:
        with practice_server(latency=0) as (_, base_url):
            if "per-call" in only:
                say("1. per-call cost: 200 small chats three ways, against the practice server (latency 0)...")
                rows += bench_per_call(base_url, rounds=2 if q else 7, calls=200)
            if "streaming" in only:
                say(f"3. streaming: recording {RECORDED_EVENTS:,} events from the practice server...")
                recording = record_stream(base_url, RECORDED_EVENTS)
    if "batch" in only:
        say("2. batch work: 64 calls of 200 ms, sequential and concurrent (about a minute)...")
        with practice_server(latency=0, first_byte_delay=0.2) as (_, base_url):
            rows += bench_batch(base_url, runs=1 if q else 3, prompts_n=64, concurrency=8, delay=0.2)
    if "streaming" in only:
        say("3. streaming: first piece and throughput...")
        rows += bench_first_piece(samples=5 if q else 30)
        rows += bench_decoder(recording, runs=3 if q else 9)
        rows += bench_chatstream(recording, runs=3 if q else 9)
    if "import" in only:
        say("4. import time...")
        import_rows, detail = bench_import(runs=3 if q else 11)
        rows += import_rows
        details.append(detail)
    if "relay" in only:
        from bench_relay import measure as relay_measure  # benchmarks/bench_relay.py: the classroom relay

        rows += [Row("R", **row) for row in relay_measure(quick=q, say=say)]
    if "sampler" in only:
        from bench_sampler import measure as sampler_measure  # benchmarks/bench_sampler.py: the practice model

        rows += [Row("S", **row) for row in sampler_measure(quick=q, say=say)]
    if "drift" in only:
        from bench_drift import measure as drift_measure  # benchmarks/bench_drift.py: practice answers' topic

        rows += [Row("D", **row) for row in drift_measure(quick=q, say=say)]
    if "skills" in only:
        from bench_skills import measure as skills_measure  # benchmarks/bench_skills.py: JSON, calls, results

        rows += [Row("K", **row) for row in skills_measure(quick=q, say=say)]
    suite = None
    if args.with_test_suite:
        say(f"4. `make {args.test_target}`, the whole suite, once (minutes)...")
        suite = bench_test_suite(args.test_target)
        SUITE_FILE.write_text(json.dumps(suite, indent=2) + "\n")
        rows += suite_rows(suite, fresh=True)
    elif SUITE_FILE.exists() and "import" in only:
        suite = json.loads(SUITE_FILE.read_text())
        rows += suite_rows(suite, fresh=False)
    rows.sort(key=lambda r: r.section)
    m["load_end"] = os.getloadavg() if hasattr(os, "getloadavg") else None

    say("")
    say(f"Machine: {machine_line(m)}")
    if m["load_end"]:
        say(f"Load average (1 min) at the start {m['load'][0]:.2f}, at the end {m['load_end'][0]:.2f}.")
    say(text_table(rows))
    notes = [f"- {r.measure}: {r.note}" for r in rows if r.note]
    if notes:
        say("\nNotes:\n" + "\n".join(notes))
    for d in details:
        say("\n" + d)
    if suite is not None:
        say("\n" + suite_breakdown(suite))
    misses = [r for r in rows if r.ok is False]
    met = len([r for r in rows if r.ok])
    say(f"\n{met} goal{'s' if met != 1 else ''} met, {len(misses)} missed"
        + (": " + "; ".join(r.measure for r in misses) if misses else "")
        + f". ({time.perf_counter() - started:.0f} s)")

    if not args.no_save:
        if q or set(only) != set(SECTIONS):
            say("Not written to benchmarks/RESULTS.md: a --quick or --only run is not the whole picture.")
        else:
            write_results(rows, m, details, suite, notes)
            say(f"Written to {HERE / 'RESULTS.md'}.")
    return 0


def write_results(rows: list[Row], m: dict, details: list[str], suite: dict | None, notes: list[str]) -> None:
    when = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    load = (f" Load average (1 min): {m['load'][0]:.2f} at the start, {m['load_end'][0]:.2f} at the end."
            if m["load"] and m.get("load_end") else "")
    parts = [
        "# Benchmark results",
        "",
        f"Latest run: {when}, by `make bench` (`benchmarks/run.py`).",
        f"Machine: {machine_line(m)}; requests {m['requests']}, urllib3 {m['urllib3']}.{load}",
        "",
        "Every server ran in its own process over loopback (the practice server for sections 1 and 2,",
        "a raw-socket streaming server for section 3). Medians over the runs shown; a ratio divides",
        "the two medians beside it (the spread of the paired runs is in the notes).",
        "",
        markdown_table(rows),
        "",
        "## The goals at a glance",
        "",
        goals_table(rows),
        "",
        "## How it was measured",
        "",
        "1. 200 sequential small chats (practice server, latency 0): the documentation's way opens a",
        "   new connection per call; `helpers.Client` keeps one `requests.Session`. Overhead = the",
        "   helper's time per call minus a bare `Session.post` + `.json()` in the same round.",
        "2. 64 prompts, each answered after a fixed 200 ms (`--first-byte-delay 0.2`, latency 0):",
        "   a sequential loop against `helpers.batch(concurrency=8)`; 8x is the limit.",
        "3. First piece: the raw server stamps the moment before its write (CLOCK_MONOTONIC, shared",
        "   by every process); the caller stamps when `client.stream` hands it the first piece.",
        "   Throughput: 10,000 events recorded from the practice server, fed to `SSEDecoder` in",
        "   reads of the sizes shown, and replayed over loopback to `client.stream` (each event in",
        "   its own HTTP chunk) next to a hand-written `requests` `iter_lines` loop.",
        "4. Import: `python -c \"import helpers\"` minus `python -c pass`, in fresh interpreters.",
        "   `make test`: run once as is, timed from outside, with a junit report asked for through",
        "   `PYTEST_ADDOPTS` for the per-file times (`--with-test-suite`; otherwise the last such run",
        "   is shown from `benchmarks/last_test_suite.json`, with its date).",
        "R. The classroom relay (`benchmarks/bench_relay.py`): practice servers and relays in their own",
        "   processes, `http.client` on kept-alive connections; added latency and first piece are the",
        "   medians through the relay minus direct, in alternating blocks; memory is the relay's RSS.",
        "S. The practice model (`benchmarks/bench_sampler.py`): fresh interpreters; generation is",
        "   `make_reply` at latency 0 on prompts the process has not seen and on one prompt again;",
        "   build is the first `get_model()` of each model; memory is tracemalloc's count.",
        "D. Practice drift (`benchmarks/bench_drift.py`): held-out prompts (none in the tests), five seeds,",
        "   `make_reply` in a fresh interpreter. A sentence belongs to the corpus section holding most of its",
        "   runs of four tokens; an answer drifts when a sentence belongs to a section that neither the",
        "   prompt picks nor the answer's first sentence belongs to (`helpers/practice/model/topic_drift.py`).",
        "K. The practice server's skills (`benchmarks/bench_skills.py`): prompts it has never seen",
        "   (`benchmarks/skills_heldout.py`'s ninth set, written before the work it measures and never",
        "   run during it; the eighth beside it; the sets seen during the work in the notes), both",
        "   models, 10 seeds, default temperature, over loopback;",
        "   graded by that file's own parsers. JSON: the first object parsed, every expected key and",
        "   value with its type. Calls: exactly the expected call in either documented format, or none",
        "   when no function fits. Results: every expected value stated, no new call. The shipped",
        "   evaluation set: category accuracy with a bare list of categories and with defined ones.",
        "",
        "Why separate processes: a server started in the benchmark's own process would take the GIL",
        "from the client being measured (every request handled by Python threads in the same",
        "interpreter), charging the server's work to the client. On 2 cores, client and server then",
        "each get one. The machine is shared: other work shows up as noise, more in wall-clock rates",
        "than in the CPU-time figure noted for `client.stream`.",
    ]
    if notes:
        parts += ["", "Notes:", ""] + notes
    if details:
        parts += [""] + details
    if suite is not None:
        parts += ["", "## The test suite, per file", "", suite_breakdown(suite)]
    (HERE / "RESULTS.md").write_text("\n".join(parts) + "\n")


if __name__ == "__main__":
    sys.exit(main())
