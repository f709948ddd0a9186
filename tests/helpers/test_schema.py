"""What the endpoint accepts (helpers.schema), held by the client and the practice server alike.

Explicit tables of every documented range boundary (``BOUNDARIES``) and of wrong types
(``WRONG_TYPES``), each checked against the client (``Client.build_request``) AND the practice
server (a raw POST answered 200 or 400), then hypothesis properties (fixed and repeatable:
``derandomize=True``; PURE = 200 examples each, LOOPBACK = 30 over loopback HTTP).
"""
from __future__ import annotations

import json
import math

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from helpers import schema
from helpers.practice import PracticeServer

PURE = settings(max_examples=200, deadline=None, derandomize=True, database=None)
LOOPBACK = settings(max_examples=30, deadline=None, derandomize=True, database=None)

# --------------------------------------------------------------------------- request validation

@pytest.fixture(scope="module")
def practice():
    with PracticeServer(latency=0) as srv:
        yield srv


def body_with(name, value):
    return {"model": schema.DEFAULT_MODEL, "messages": [{"role": "user", "content": "Hi"}], name: value}


def client_accepts(name, value) -> bool:
    client = helpers.Client(api_key="sk-canary-properties-000000", base_url="http://127.0.0.1:9/v1")
    try:
        client.build_request("Hi", **{name: value})
    except helpers.RequestValidationError as exc:
        assert name in str(exc), str(exc)  # the refusal names the field
        return False
    return True


def server_accepts(practice, name, value=None, raw: bytes | None = None) -> bool:
    data = raw if raw is not None else json.dumps(body_with(name, value)).encode()
    r = requests.post(practice.base_url + "/chat/completions", data=data, timeout=10,
                      headers={"Authorization": f"Bearer {practice.key}", "Content-Type": "application/json"})
    assert r.status_code in (200, 400), (r.status_code, r.text[:200])
    if r.status_code == 400:
        message = r.json()["message"]
        assert message.startswith("Body validation error!") and (name in message or raw is not None), message
    return r.status_code == 200


def accepts(target, practice, name, value) -> bool:
    return client_accepts(name, value) if target == "client" else server_accepts(practice, name, value)


def documented(name, value) -> bool:
    """The oracle: what the documented table (kind, minimum, maximum, nullable) allows, read directly."""
    spec = schema.PARAMS[name]
    if value is None:
        return spec.nullable
    if spec.kind in ("number", "integer"):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return False
        if spec.kind == "integer" and value != int(value):
            return False
        return (spec.minimum is None or value >= spec.minimum) and (spec.maximum is None or value <= spec.maximum)
    if spec.kind == "boolean":
        return isinstance(value, bool)
    if spec.kind == "stop":
        return isinstance(value, str) or (isinstance(value, list) and len(value) <= schema.MAX_STOP_SEQUENCES
                                          and all(isinstance(v, str) for v in value))
    raise AssertionError(f"no oracle for {name}")


RANGED = [name for name, spec in schema.PARAMS.items() if spec.minimum is not None or spec.maximum is not None]
NUMERIC = [name for name, spec in schema.PARAMS.items() if spec.kind in ("number", "integer")]


def _below(spec):
    return spec.minimum - 1 if spec.kind == "integer" else math.nextafter(spec.minimum, -math.inf)


def _above(spec):
    return spec.maximum + 1 if spec.kind == "integer" else math.nextafter(spec.maximum, math.inf)


def _boundaries():
    cases = []
    for name in RANGED:
        spec = schema.PARAMS[name]
        if spec.minimum is not None:
            cases += [(name, spec.minimum, True, "min"), (name, _below(spec), False, "just-below-min")]
        if spec.maximum is not None:
            cases += [(name, spec.maximum, True, "max"), (name, _above(spec), False, "just-above-max")]
    cases += [("stop", ["a", "b", "c", "d"], True, "4-strings"),
              ("stop", ["a", "b", "c", "d", "e"], False, "5-strings")]
    return cases


BOUNDARIES = [pytest.param(target, name, value, ok, id=f"{target}-{name}-{label}")
              for target in ("client", "server") for name, value, ok, label in _boundaries()]


@pytest.mark.parametrize("target,name,value,ok", BOUNDARIES)
def test_documented_boundary(practice, target, name, value, ok):
    assert documented(name, value) is ok  # the oracle agrees with the table
    assert accepts(target, practice, name, value) is ok


def _wrong_types():
    cases = []
    for name in NUMERIC:
        spec = schema.PARAMS[name]
        cases += [(name, "1", "string"), (name, True, "boolean"), (name, [1], "list"), (name, {"n": 1}, "object")]
        if not spec.nullable:
            cases.append((name, None, "null"))
        if spec.kind == "integer":
            cases.append((name, 1.5, "fraction"))
    cases += [("stream", "true", "string"), ("stream", 1, "number"), ("stream", None, "null"),
              ("stop", 7, "number"), ("stop", ["a", 1], "list-with-a-number"), ("stop", {"a": 1}, "object"),
              ("stream_options", True, "boolean"), ("stream_options", {}, "no-include_usage"),
              ("stream_options", {"include_usage": "yes"}, "include_usage-string"),
              ("prediction", "text", "string"), ("prediction", {"type": "guess", "content": "x"}, "wrong-type"),
              ("prediction", {"type": "content", "content": 5}, "content-number")]
    return cases


WRONG_TYPES = [pytest.param(target, name, value, id=f"{target}-{name}-{label}")
               for target in ("client", "server") for name, value, label in _wrong_types()]


@pytest.mark.parametrize("target,name,value", WRONG_TYPES)
def test_wrong_type_is_refused(practice, target, name, value):
    assert accepts(target, practice, name, value) is False


_HUGE = 10**400  # a JSON integer no float can hold
NOT_JSON_NUMBERS = [
    pytest.param("client", "temperature", math.nan, id="client-temperature-nan"),
    pytest.param("client", "top_p", math.inf, id="client-top_p-infinity"),
    pytest.param("client", "max_tokens", -math.inf, id="client-max_tokens-minus-infinity"),
    pytest.param("server", "temperature", b"NaN", id="server-temperature-NaN-literal"),
    pytest.param("server", "top_p", b"Infinity", id="server-top_p-Infinity-literal"),
    pytest.param("client", "seed", _HUGE, id="client-seed-10e400"),
    pytest.param("server", "seed", _HUGE, id="server-seed-10e400"),
    pytest.param("client", "max_completion_tokens", _HUGE, id="client-max_completion_tokens-10e400"),
]


@pytest.mark.parametrize("target,name,value", NOT_JSON_NUMBERS)
def test_numbers_json_cannot_carry_or_floats_cannot_hold_are_refused(practice, target, name, value):
    if target == "server" and isinstance(value, bytes):
        raw = json.dumps(body_with(name, 0.5)).replace("0.5", value.decode()).encode()
        assert server_accepts(practice, name, raw=raw) is False
    else:
        assert accepts(target, practice, name, value) is False


finite = st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def inside(draw):
    name = draw(st.sampled_from(RANGED))
    spec = schema.PARAMS[name]
    hi = spec.maximum if spec.maximum is not None else 1e12
    if spec.kind == "integer":
        return name, draw(st.integers(int(spec.minimum), int(hi)))
    return name, draw(st.floats(spec.minimum, hi))


@st.composite
def outside(draw):
    name = draw(st.sampled_from(RANGED))
    spec = schema.PARAMS[name]
    options = []
    if spec.minimum is not None:
        options.append(st.floats(max_value=spec.minimum, exclude_max=True, allow_nan=False, allow_infinity=False)
                       if spec.kind == "number" else st.integers(max_value=int(spec.minimum) - 1, min_value=-2**63))
    if spec.maximum is not None:
        options.append(st.floats(min_value=spec.maximum, exclude_min=True, allow_nan=False, allow_infinity=False))
    return name, draw(st.one_of(options))


@PURE
@given(case=inside())
def test_client_accepts_every_value_inside_a_documented_range(case):
    assert client_accepts(*case)


@PURE
@given(case=outside())
def test_client_refuses_every_value_outside_a_documented_range(case):
    assert not client_accepts(*case)


json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63), finite, st.text(max_size=5))
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=3), inner, max_size=3)),
    max_leaves=6)
checked = sorted(n for n, spec in schema.PARAMS.items() if spec.kind != "object")


@PURE
@given(name=st.sampled_from(checked), value=json_values)
def test_client_follows_the_documented_table_for_any_json_value(name, value):
    assert client_accepts(name, value) is documented(name, value)


@LOOPBACK
@given(name=st.sampled_from(checked), value=json_values)
def test_practice_server_follows_the_documented_table_for_any_json_value(practice, name, value):
    assert server_accepts(practice, name, value) is documented(name, value)


@LOOPBACK
@given(case=st.one_of(inside().map(lambda c: (c, True)), outside().map(lambda c: (c, False))))
def test_practice_server_accepts_inside_and_refuses_outside_every_range(practice, case):
    (name, value), ok = case
    assert server_accepts(practice, name, value) is ok
