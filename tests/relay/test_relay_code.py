"""The relay is held to the kit's code rules too: no function longer than 60 lines, tables aside."""
from __future__ import annotations

from relay_support import ROOT

from support.function_length import LIMIT, function_lengths


def test_no_function_in_the_relay_is_longer_than_60_lines():
    paths = [*sorted((ROOT / "relay").rglob("*.py")), *sorted((ROOT / "tests" / "relay").glob("*.py")),
             ROOT / "benchmarks" / "bench_relay.py"]
    too_long = [f"{path.relative_to(ROOT)}:{line} {name}() has {length} lines"
                for path in paths for name, line, length in function_lengths(path.read_text()) if length > LIMIT]
    assert too_long == [], f"split these into functions of at most {LIMIT} lines"
