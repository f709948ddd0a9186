"""What the tests share: the canary key and its scanner, the raw server, the browser helpers, the exercise harness.

Free ports come from ``helpers.ports``, which the exercises and the benchmarks use too.
"""
