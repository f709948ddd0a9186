"""The client's live-suitable checks: ``helpers.Client`` against the configured API, few and cheap.

The unit tests in ``tests/`` prove the client against the practice server and scripted
servers; these re-check what only the real API can confirm, in three paid calls
(``max_tokens`` 5) and a few free ones: models, balance, a chat on each model (usage, cost,
request ids), a stream, a refusal before sending, and a wrong key's typed error.
"""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Callable

from helpers import errors, schema

from .common import Target, format_table, format_usd, redact

MAX_TOKENS = 5


@dataclass
class ClientCheck:
    name: str
    ok: bool
    seconds: float
    detail: str
    cost_usd: float = 0.0


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def _chat_check(client, model: str) -> tuple[str, float]:
    request_id = "live-check-" + secrets.token_hex(4)
    result = client.chat("Say OK.", model=model, max_tokens=MAX_TOKENS, seed=1,
                         extra_headers={"X-Client-Request-Id": request_id})
    _expect(bool(result.text.strip()), "the answer has no text")
    _expect(isinstance(result.model, str) and result.model.startswith(model),
            f"answered by {result.model!r}, not {model!r}")
    _expect(result.tokens is not None and result.tokens > 0, f"no token usage in the answer ({result.usage!r})")
    _expect(bool(result.inference_id), "no x-inference-id header")
    echoed = {k.lower(): v for k, v in result.headers.items()}.get("x-client-request-id")
    _expect(echoed == request_id, f"X-Client-Request-Id not echoed (got {echoed!r})")
    cost = result.cost_usd
    return f"{result.tokens} tokens, {format_usd(cost)}, finish_reason {result.finish_reason!r}", cost or 0.0


def _stream_check(client) -> tuple[str, float]:
    stream = client.stream("Count from 1 to 3.", model=schema.MODELS[0], max_tokens=MAX_TOKENS)
    pieces = list(stream)
    result = stream.result
    _expect(bool(pieces), "the stream carried no text")
    _expect(result is not None and result.text == "".join(pieces), "the result's text differs from the pieces")
    _expect(bool(result.usage), "no usage in the stream (stream_options include_usage)")
    return (f"{len(pieces)} pieces, first after {stream.time_to_first_token_s or 0:.2f} s, "
            f"{format_usd(result.cost_usd)}"), result.cost_usd or 0.0


def _validation_check(client) -> tuple[str, float]:
    try:
        client.chat("Hi", temperature=schema.PARAMS["temperature"].maximum + 1)
    except errors.RequestValidationError as exc:
        return f"refused before sending: {str(exc).splitlines()[-1].strip().lstrip('- ')[:70]}", 0.0
    raise AssertionError("an out-of-range temperature was sent instead of refused")


def _wrong_key_check(target: Target) -> tuple[str, float]:
    wrong = "live-check-wrong-key-" + secrets.token_hex(6)
    with target.client(api_key=wrong, timeout=20, max_retries=0) as bad:
        try:
            bad.chat("Hi", max_tokens=1)
        except errors.AuthenticationError as exc:
            _expect(wrong not in str(exc) and wrong not in repr(exc.body), "the wrong key shows in the error")
            _expect(exc.status_code == 401 and bool(exc.api_message), "401 without the API's message")
            return f"AuthenticationError 401: {exc.api_message[:60]}", 0.0
    raise AssertionError("a wrong key was accepted")


def run_client_checks(target: Target, *, timeout: float = 30.0) -> list[ClientCheck]:
    """Every check, in order; a failure is recorded, never raised."""
    client = target.client(timeout=timeout, max_retries=1)

    def models_check() -> tuple[str, float]:
        listed = client.models()
        missing = [m for m in schema.MODELS if m not in listed]
        _expect(not missing, f"not listed: {missing}")
        return f"{len(listed)} models, both Gemma 3 ids among them", 0.0

    def balance_check() -> tuple[str, float]:
        value = client.balance()
        return f"balance {format_usd(value)}", 0.0

    checks: list[tuple[str, Callable[[], tuple[str, float]]]] = [
        ("models()", models_check),
        ("balance()", balance_check),
        ("chat() 4B", lambda: _chat_check(client, schema.MODELS[0])),
        ("chat() 12B", lambda: _chat_check(client, schema.MODELS[1])),
        ("stream()", lambda: _stream_check(client)),
        ("validation", lambda: _validation_check(client)),
        ("wrong key", lambda: _wrong_key_check(target)),
    ]
    results = []
    with client:
        for name, check in checks:
            started = time.monotonic()
            try:
                detail, cost = check()
                results.append(ClientCheck(name, True, time.monotonic() - started, detail, cost))
            except Exception as exc:  # noqa: BLE001 - reported in the table
                text = redact(f"{type(exc).__name__}: {exc}", target.api_key).splitlines()[0][:160]
                results.append(ClientCheck(name, False, time.monotonic() - started, text))
    return results


def table(results: list[ClientCheck]) -> str:
    return format_table(["client check", "result", "time", "detail"],
                        [[r.name, "pass" if r.ok else "FAIL", f"{r.seconds:.1f} s", r.detail] for r in results])
