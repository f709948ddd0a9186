"""Drift check: does the API still behave the way the kit describes it?

    .venv/bin/python -m live.drift                         # against the configured API
    .venv/bin/python -m live.drift --openapi URL_OR_FILE   # also against the vendor's OpenAPI description

The kit's description of the API lives in ``helpers/schema.py`` (model ids, parameter names
and ranges, the system-role refusal) and in the error bodies ``helpers.Client`` reads. This
sends a few raw requests at the edges of that description, bypassing the client's own
validation: each value just inside a documented range must be accepted, each just outside
refused with 400; a wrong key must get a 401 in the documented error shape. What the kit
expects is worked out from ``helpers.schema`` itself, so the check follows the schema.

Cost: the refused requests are free; the accepted ones (five) ask for ``max_tokens`` 1.
Exit status: 0 no drift, 1 drift found, 2 nothing could be checked (no key, no network).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import requests

from helpers import schema

from .common import (NO_KEY_TEXT, Deadline, DeadlinePassed, Target, diagnose_connection, format_table, load_target,
                     redact)

#: Where the kit's description of the API comes from (update when re-encoding a newer one).
KIT_SOURCE = "the vendor's OpenAPI description \"AIML API 1.0.0\" of the Gemma 3 endpoint, as of 2026-11"
KIT_SOURCE_VERSION = ("AIML API", "1.0.0")
#: Fields of every error body the API documents (helpers.Client reads message and requestId).
ERROR_BODY_KEYS = ("message", "path", "requestId", "statusCode", "timestamp")
#: The roles the kit lets through (schema.check_messages).
KIT_ROLES = {"user", "assistant"}
OPENAPI_VARIABLE = "AIML_OPENAPI_URL"
UNKNOWN_MODEL = "google/gemma-3-unknown-it"
WRONG_KEY = "drift-check-wrong-key-000000"
CALL_TIMEOUT = 20.0
DEFAULT_DEADLINE = 90.0


@dataclass
class Probe:
    """One raw request: a name, changes to the base body, and (optionally) another key."""

    name: str
    changes: dict = field(default_factory=dict)
    key: str | None = None
    expect_status: int | None = None  # None: worked out from helpers.schema

    def body(self) -> dict:
        body = {"model": schema.MODELS[0], "messages": [{"role": "user", "content": "Say OK."}], "max_tokens": 1}
        body.update(self.changes)
        return body

    def kit_expects(self) -> int:
        """200 when helpers.schema lets the body through, 400 when it refuses it (or as set)."""
        if self.expect_status is not None:
            return self.expect_status
        return 400 if schema.check_request(self.body()) else 200


@dataclass
class Finding:
    """What one check found. ``drift`` True: the kit and the API disagree; None: could not tell."""

    check: str
    kit: str
    api: str
    drift: bool | None

    @property
    def result(self) -> str:
        return {True: "DRIFT", False: "ok", None: "n/a"}[self.drift]

    def sentence(self) -> str:
        return f"{self.check}: kit says {self.kit}, API {self.api}"


@dataclass
class DriftReport:
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checked: bool = False  # True once anything was compared (an answer from the API, or a description)

    @property
    def drift(self) -> list[Finding]:
        return [f for f in self.findings if f.drift]

    def add(self, check: str, kit: str, api: str, drift: bool | None) -> None:
        self.findings.append(Finding(check, kit, api, drift))

    def text(self) -> str:
        out = list(self.notes)
        if self.findings:
            out.append(format_table(["check", "result", "kit says", "API"],
                                    [[f.check, f.result, f.kit, f.api] for f in self.findings]))
        if not self.checked:
            return "\n".join(out)
        if self.drift:
            out.append(f"\nDrift found ({len(self.drift)}):")
            out.extend(f"  - {f.sentence()}" for f in self.drift)
            out.append("Update helpers/schema.py (and the practice server follows), or report it to the vendor.")
        else:
            unsure = [f.check for f in self.findings if f.drift is None]
            out.append("\nNo drift found: in everything checked, the API behaves as the kit describes it"
                       + (f" (not decided: {', '.join(unsure)})." if unsure else "."))
        return "\n".join(out)

    @property
    def exit_code(self) -> int:
        if not self.checked:
            return 2
        return 1 if self.drift else 0


def _g(value: float) -> str:
    return f"{value:g}"


def boundary_probes() -> list[Probe]:
    """The requests at the edges of helpers.schema's ranges (values worked out from it)."""
    p = schema.PARAMS
    probes = [Probe("baseline")]
    t_max = p["temperature"].maximum
    probes += [Probe(f"temperature={_g(t_max)}", {"temperature": t_max}),
               Probe(f"temperature={_g(round(t_max + 0.01, 6))}", {"temperature": round(t_max + 0.01, 6)})]
    top_p = p["top_p"].minimum
    probes += [Probe(f"top_p={_g(top_p)}", {"top_p": top_p}),
               Probe(f"top_p={_g(top_p / 2)}", {"top_p": top_p / 2})]
    lo, hi = p["min_p"].minimum, p["min_p"].maximum
    probes += [Probe(f"min_p={_g(lo)}", {"min_p": lo}),
               Probe(f"min_p={_g(lo / 2)}", {"min_p": lo / 2}),
               Probe(f"min_p={_g(round(hi + 0.001, 6))}", {"min_p": round(hi + 0.001, 6)})]
    seed = int(p["seed"].minimum) - 1
    probes.append(Probe(f"seed={seed}", {"seed": seed}))
    n = schema.MAX_STOP_SEQUENCES
    probes += [Probe(f"stop with {n} strings", {"stop": [f"#{i}#" for i in range(n)]}),
               Probe(f"stop with {n + 1} strings", {"stop": [f"#{i}#" for i in range(n + 1)]})]
    probes.append(Probe("system role", {"messages": [{"role": "system", "content": "Answer briefly."},
                                                     {"role": "user", "content": "Say OK."}]}))
    probes.append(Probe("unknown model", {"model": UNKNOWN_MODEL}))
    probes.append(Probe("wrong key", key=WRONG_KEY, expect_status=401))
    return probes


def _describe(status: int, body: Any, key: str | None) -> str:
    if status == 200:
        return "accepted (200)"
    message = body.get("message") if isinstance(body, dict) else body
    message = redact(" ".join(str(message or "").split()), key)
    return f"refused ({status}: {message[:90]})" if 400 <= status < 500 else f"answered {status} ({message[:60]})"


def _kit_text(status: int) -> str:
    return "accepted (200)" if status == 200 else f"refused ({status})"


def check_error_shape(name: str, status: int, body: Any) -> list[str]:
    """What is wrong with an error body, compared with the documented shape (empty: fine)."""
    if not isinstance(body, dict):
        return [f"the error body is not a JSON object ({type(body).__name__})"]
    problems = []
    missing = [k for k in ERROR_BODY_KEYS if k not in body]
    if missing:
        problems.append(f"the error body lacks {', '.join(missing)}")
    if "statusCode" in body and body["statusCode"] != status:
        problems.append(f"statusCode {body['statusCode']!r} differs from the HTTP status {status}")
    stamp = body.get("timestamp")
    if isinstance(stamp, str):
        try:
            datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            problems.append(f"timestamp {stamp[:40]!r} is not ISO-8601")
    return problems


class Prober:
    """Sends raw requests (``requests``, not ``helpers.Client``: its validation is what is checked)."""

    def __init__(self, target: Target, deadline: Deadline, call_timeout: float = CALL_TIMEOUT):
        self.target, self.deadline, self.call_timeout = target, deadline, call_timeout
        self.session = requests.Session()
        self.session.trust_env = False  # a ~/.netrc must not replace the key under test

    def send(self, method: str, url: str, *, key: str | None = None, body: dict | None = None) -> tuple[int, Any, dict]:
        headers = {"Accept": "application/json", "User-Agent": "gemma-aiml-kit-drift/0.1"}
        if key:
            headers["Authorization"] = f"Bearer {key}"
        for attempt in range(2):
            timeout = self.deadline.timeout(self.call_timeout)
            response = self.session.request(method, url, json=body, headers=headers,
                                            timeout=(min(5.0, timeout), timeout))
            if response.status_code == 429 and attempt == 0:
                try:
                    wait = float(response.headers.get("retry-after", "2"))
                except ValueError:
                    wait = 2.0
                if 0 <= wait <= 5 and self.deadline.remaining() > wait + 5:
                    time.sleep(wait)
                    continue
            break
        try:
            data = response.json()
        except ValueError:
            data = response.text[:200]
        return response.status_code, data, dict(response.headers)

    def close(self) -> None:
        self.session.close()


def probe_api(target: Target, report: DriftReport, *, deadline: Deadline, call_timeout: float = CALL_TIMEOUT) -> None:
    """Send every probe and add what it found to ``report``."""
    prober = Prober(target, deadline, call_timeout)
    try:
        _probe_all(prober, target, report)
    finally:
        prober.close()


def _probe_all(prober: Prober, target: Target, report: DriftReport) -> None:
    try:
        status, data, _ = prober.send("GET", target.base_url + "/models")
    except requests.RequestException as exc:
        diagnosis = diagnose_connection(target.base_url, timeout=3.0)
        kind = "no network" if diagnosis.no_network else "cannot connect"
        report.notes.append(f"Boundary probes skipped: {kind}: {diagnosis.text} ({type(exc).__name__}).")
        return
    report.checked = True
    ids = [m.get("id") for m in data.get("data", []) if isinstance(m, dict)] if isinstance(data, dict) else []
    if status != 200:
        report.add("GET /v1/models", "200, free, no key", _describe(status, data, target.api_key), True)
    for model in schema.MODELS:
        listed = model in ids
        report.add(f"model {model}", "served (listed)", "lists it" if listed else "does not list it", not listed)

    for probe in boundary_probes():
        expected = probe.kit_expects()
        try:
            status, data, headers = prober.send("POST", target.chat_url, key=probe.key or target.api_key,
                                                body=probe.body())
        except DeadlinePassed as exc:
            report.add(probe.name, _kit_text(expected), f"not sent: {exc}", None)
            continue
        except requests.RequestException as exc:
            report.add(probe.name, _kit_text(expected), f"no answer ({type(exc).__name__})", None)
            continue
        observed = _describe(status, data, target.api_key)
        if probe.name == "baseline" and status in (401, 403):
            report.checked = False
            report.notes.append(f"Boundary probes stopped: a plain request was {observed}. Fix the key first "
                                "(`make preflight` says how); the probes mean nothing without it.")
            return
        if status == 429 or status >= 500:
            report.add(probe.name, _kit_text(expected), observed + ": try again later", None)
            continue
        report.add(probe.name, _kit_text(expected), observed, status != expected)
        if status == expected and status == 200 and probe.name == "baseline":
            _check_answer_shape(report, data, headers)
        if status == expected and status != 200:
            _check_refusal(report, probe, status, data)


def _check_answer_shape(report: DriftReport, data: Any, headers: dict) -> None:
    """The fields of an answer the kit's reader relies on (ChatResult tolerates others)."""
    lowered = {k.lower() for k in headers}
    missing = []
    if not isinstance(data, dict) or data.get("object") != "chat.completion":
        missing.append("object chat.completion")
    choices = data.get("choices") if isinstance(data, dict) else None
    first = choices[0] if isinstance(choices, list) and choices else None
    message = first.get("message") if isinstance(first, dict) else None
    if not isinstance(message, dict) or not isinstance(message.get("content", ""), (str, type(None))):
        missing.append("choices[0].message")
    if not isinstance(data, dict) or not isinstance(data.get("usage"), dict):
        missing.append("usage")
    if "x-inference-id" not in lowered:
        missing.append("the x-inference-id header")
    report.add("answer shape", "object, choices[0].message, usage, x-inference-id",
               "lacks " + ", ".join(missing) if missing else "has them", bool(missing))


def _check_refusal(report: DriftReport, probe: Probe, status: int, data: Any) -> None:
    if probe.name == "system role":
        wanted = schema.GEMMA_SYSTEM_ROLE_MESSAGE.format(i=0)
        said = str(data.get("message", "")) if isinstance(data, dict) else str(data)
        if wanted not in said:
            report.add("system role message", repr(wanted), f"said {said[:100]!r}", True)
    if probe.name in ("wrong key", f"temperature={_g(round(schema.PARAMS['temperature'].maximum + 0.01, 6))}"):
        problems = check_error_shape(probe.name, status, data)
        report.add(f"{status} error body", "has " + "/".join(ERROR_BODY_KEYS),
                   "; ".join(problems) if problems else "has them", bool(problems))


# --------------------------------------------------------------------------- the OpenAPI description

def fetch_openapi(source: str, timeout: float = 20.0) -> tuple[dict | None, str]:
    """(the description, "") or (None, why it was skipped). ``source`` is a URL or a file path."""
    if re.match(r"^https?://", source):
        try:
            response = requests.get(source, timeout=(5.0, timeout), headers={"Accept": "application/json"})
        except requests.RequestException as exc:
            diagnosis = diagnose_connection(source, timeout=3.0)
            why = "no network" if diagnosis.no_network else "cannot connect"
            return None, f"skipped: {why}: {diagnosis.text} ({type(exc).__name__})"
        if response.status_code != 200:
            return None, f"skipped: {source} answered {response.status_code}"
        text = response.text
    else:
        try:
            text = Path(source).read_text()
        except OSError as exc:
            return None, f"skipped: cannot read {source}: {exc.strerror or exc}"
    try:
        return json.loads(text), ""
    except ValueError:
        pass
    try:
        import yaml  # the vendor may publish YAML; PyYAML comes with Jupyter

        doc = yaml.safe_load(text)
    except Exception:  # noqa: BLE001 - not YAML either
        doc = None
    if not isinstance(doc, dict):
        return None, f"skipped: {source} is neither JSON nor YAML"
    return doc, ""


def _request_schema(doc: dict) -> dict | None:
    for path in ("/v1/chat/completions", "/chat/completions"):
        try:
            return doc["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
        except (KeyError, TypeError):
            continue
    return None


def _roles(messages: dict) -> set[str]:
    items = messages.get("items", {}) if isinstance(messages, dict) else {}
    variants = items.get("oneOf") or items.get("anyOf") or [items]
    roles = set()
    for variant in variants:
        role = (variant.get("properties") or {}).get("role") or {} if isinstance(variant, dict) else {}
        roles.update(role.get("enum") or [])
    return roles


def _kind_matches(kind: str, prop: dict) -> str | None:
    """None when the OpenAPI type fits the kit's kind, else the OpenAPI's type."""
    if kind == "stop":
        types = {v.get("type") for v in prop.get("anyOf", prop.get("oneOf", [])) if isinstance(v, dict)}
        return None if {"string", "array"} <= types else "/".join(sorted(t for t in types if t)) or "?"
    found = prop.get("type")
    return None if found == kind else str(found)


def compare_openapi(doc: dict, report: DriftReport) -> None:
    """Compare helpers.schema with a published OpenAPI description of the chat endpoint."""
    info = doc.get("info") or {}
    version = (str(info.get("title", "?")), str(info.get("version", "?")))
    body = _request_schema(doc)
    if body is None:
        report.notes.append("OpenAPI: no POST /v1/chat/completions request body in that description: not compared.")
        return
    where = f"OpenAPI ({version[0]} {version[1]})"
    if version != KIT_SOURCE_VERSION:
        report.notes.append(f"{where}: the kit encodes {KIT_SOURCE_VERSION[0]} {KIT_SOURCE_VERSION[1]}; "
                            "the description has a new version: the comparison below says what changed.")
    props = body.get("properties") or {}

    def add(check: str, kit: str, api: str, drift: bool) -> None:
        report.add(f"openapi: {check}", kit, api, drift)

    enum = list((props.get("model") or {}).get("enum") or [])
    for model in schema.MODELS:
        if model not in enum:
            add(f"model {model}", "a model of this endpoint", "does not list it", True)
    for model in enum:
        if model not in schema.MODELS:
            add(f"model {model}", "not taught", "lists it", True)
    required = set(body.get("required") or [])
    if required != {"model", "messages"}:
        add("required fields", "model, messages", ", ".join(sorted(required)) or "none", True)
    roles = _roles(props.get("messages") or {})
    if roles and roles != KIT_ROLES:
        add("message roles", ", ".join(sorted(KIT_ROLES)), ", ".join(sorted(roles)), True)

    for name, prop in props.items():
        if name not in ("model", "messages") and name not in schema.PARAMS:
            add(f"parameter {name}", "unknown", "documents it", True)
    for name, spec in schema.PARAMS.items():
        prop = props.get(name)
        if not isinstance(prop, dict):
            add(f"parameter {name}", "known", "does not document it", True)
            continue
        other = _kind_matches(spec.kind, prop)
        if other is not None:
            add(f"{name}.type", spec.kind, other, True)
        for bound, ours in (("minimum", spec.minimum), ("maximum", spec.maximum)):
            theirs = prop.get(bound)
            if spec.kind in ("number", "integer") and theirs != ours and not (theirs is None and ours is None):
                add(f"{name}.{bound}", "none" if ours is None else _g(ours),
                    "none" if theirs is None else str(theirs), True)
        if spec.kind in ("number", "integer") and bool(prop.get("nullable")) != spec.nullable:
            add(f"{name}.nullable", str(spec.nullable).lower(), str(bool(prop.get("nullable"))).lower(), True)
    stop = props.get("stop")
    if isinstance(stop, dict):
        most = None
        for variant in stop.get("anyOf", stop.get("oneOf", [])):
            if isinstance(variant, dict) and isinstance(variant.get("maxItems"), int):
                most = variant["maxItems"]
        if most is None:
            m = re.search(r"\b[Uu]p to (\d+)", str(stop.get("description", "")))
            most = int(m.group(1)) if m else None
        if most is not None and most != schema.MAX_STOP_SEQUENCES:
            add("stop, most strings", str(schema.MAX_STOP_SEQUENCES), str(most), True)
    compared = sum(1 for f in report.findings if f.check.startswith("openapi:"))
    report.notes.append(f"{where}: compared the model ids, roles and {len(schema.PARAMS)} parameters; "
                        f"{compared} difference{'s' if compared != 1 else ''}.")


# --------------------------------------------------------------------------- running it

def run_drift(target: Target | None = None, *, openapi: str | None = None, deadline_s: float = DEFAULT_DEADLINE,
              call_timeout: float = CALL_TIMEOUT, probe: bool = True) -> DriftReport:
    """Probe the API (when a key is set) and compare the OpenAPI description (when one is given)."""
    target = target or load_target()
    report = DriftReport()
    report.notes.append(f"The kit's description: {KIT_SOURCE}.")
    if probe:
        if not target.api_key:
            report.notes.append("Boundary probes skipped: no API key (set AIML_API_KEY or .env).")
        else:
            report.notes.append(f"Boundary probes against {target.base_url} (key {target.masked_key}).")
            probe_api(target, report, deadline=Deadline(deadline_s), call_timeout=call_timeout)
    source = openapi if openapi is not None else os.environ.get(OPENAPI_VARIABLE, "").strip()
    if not source:
        report.notes.append(f"OpenAPI comparison skipped: no URL given (--openapi or {OPENAPI_VARIABLE}).")
    else:
        doc, why = fetch_openapi(source)
        if doc is None:
            report.notes.append(f"OpenAPI comparison {why}.")
        else:
            compare_openapi(doc, report)
            report.checked = True
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m live.drift", description=__doc__.split("\n\n")[0],
                                     epilog="Exit status: 0 no drift, 1 drift found, 2 nothing could be checked.")
    parser.add_argument("--openapi", default=None, metavar="URL_OR_FILE",
                        help=f"the vendor's OpenAPI description of the Gemma 3 endpoint (or ${OPENAPI_VARIABLE})")
    parser.add_argument("--no-probes", action="store_true", help="only compare the OpenAPI description (free)")
    parser.add_argument("--deadline", type=float, default=DEFAULT_DEADLINE, help="seconds for the whole check")
    parser.add_argument("--timeout", type=float, default=CALL_TIMEOUT, help="seconds for one request")
    args = parser.parse_args(argv)
    target = load_target()
    print("Drift check: helpers/schema.py against the API")
    report = run_drift(target, openapi=args.openapi, deadline_s=args.deadline, call_timeout=args.timeout,
                       probe=not args.no_probes)
    print(report.text())
    if not target.api_key and not args.no_probes:
        print("\n" + NO_KEY_TEXT)
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
