"""What the tests share: the canary key and its scanner, free ports, raw servers, the exercise harness."""
