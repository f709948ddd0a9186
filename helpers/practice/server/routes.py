"""The routes of the API the practice server imitates; the connection's plumbing is :mod:`.http`.

``POST /v1/chat/completions`` (JSON or a server-sent-event stream), ``GET /v1/models``,
``GET /v2/billing`` and ``GET /v2/usage`` answer with the API's body shapes, headers, status codes and
error messages. ``/practice/controls`` (practice only) carries the lesson controls.
"""

from __future__ import annotations

import secrets
import string
import time
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from ...schema import GEMMA_SYSTEM_ROLE_MESSAGE, check_request
from ...serving import MESSAGES, usage_window
from ..model.catalogue import MODEL_SPECS, SERVED_MODELS, ModelSpec, cost, model_entry, usd_text
from ..model.replies import SIMULATED_MARKER, Reply, make_reply
from .http import Connection, Request, Stopping, dumps, now_iso, serve

__all__ = ["CHAT_PATHS", "CONTROLS_PATH", "APIRoutes", "http_server", "Stopping"]

CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")  # the vendor documents both
CONTROLS_PATH = "/practice/controls"


def _completion_id() -> str:
    return "chatcmpl-" + "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(29))


class APIRoutes(Connection):
    """What each route of the API answers."""

    def route(self, request: Request) -> None:
        path, method = self.url_path(), self.command
        method = "GET" if method == "HEAD" else method
        routes = {("POST", p): self._chat for p in CHAT_PATHS}
        routes.update(
            {
                ("GET", "/v1/models"): self._models,
                ("GET", "/v2/billing"): self._billing,
                ("GET", "/v2/usage"): self._usage,
                ("GET", CONTROLS_PATH): self._controls,
                ("POST", CONTROLS_PATH): self._controls,
            }
        )
        handler = routes.get((method, path.rstrip("/") or "/"))
        if handler is None:
            self.answer_error(404, f"Cannot {self.command} {path}")
        else:
            handler(request)

    def _authorized(self) -> bool:
        return self.headers.get("Authorization") == f"Bearer {self.server.practice.key}"

    def _query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query)

    # -- GET endpoints

    def _models(self, request: Request) -> None:
        query = self._query()
        wanted = {i.strip() for v in query.get("id", []) for i in v.split(",") if i.strip()}
        include = {i.strip().lower() for v in query.get("include", []) for i in v.split(",")}
        if "all" in include or query.get("details", [""])[-1] in ("true", "1"):
            include |= {"pricing", "modalities", "capabilities"}
        types = {t for v in query.get("type", []) for t in v.split(",") if t}
        data = [
            model_entry(MODEL_SPECS[m], include)
            for m in SERVED_MODELS
            if (not wanted or m in wanted) and (not types or "chat-completion" in types)
        ]
        self.answer_json(200, {"object": "list", "data": data})

    def _billing(self, request: Request) -> None:
        if not self._authorized():
            return self.answer_error(401, MESSAGES[401])
        balance = self.server.practice.balance
        self.answer_json(200, {"current_balance": round(balance, 12), "currency": "USD"})

    def _usage(self, request: Request) -> None:
        if not self._authorized():
            return self.answer_error(401, MESSAGES[401])
        try:
            query = self._query()
            start, end = usage_window(*(query.get(k, [None])[-1] for k in ("period", "start", "end")))
        except ValueError as exc:
            return self.answer_error(400, str(exc))
        spend, count = self.server.practice.spent_between(start.timestamp(), end.timestamp())
        self.answer_json(
            200,
            {
                "api_key_prefix": None,
                "start": now_iso(start.timestamp()),
                "end": now_iso(end.timestamp()),
                "spend": round(spend, 12),
                "currency": "USD",
                "requests": count,
            },
        )

    def _controls(self, request: Request) -> None:
        """The lesson controls (helpers.practice.fail_next and friends): GET shows them, POST changes them."""
        practice = self.server.practice
        if not self._authorized():
            return self.answer_error(401, MESSAGES[401])
        if self.command == "POST":
            try:
                if request.json_error is not None:
                    raise ValueError(request.json_error)
                practice.apply_control(request.json)
            except (ValueError, TypeError) as exc:
                return self.answer_error(400, f"Invalid practice control: {exc}")
        self.answer_json(200, practice.controls())

    # -- chat completions

    def _chat(self, request: Request) -> None:
        practice = self.server.practice
        if not self._authorized():
            return self.answer_error(401, MESSAGES[401])
        content_type = self.headers.get("Content-Type") or ""
        if content_type.split(";")[0].strip().lower() != "application/json":
            return self.answer_error(
                400, f"Body validation error! Expected Content-Type application/json, received {content_type or 'none'}"
            )
        if request.json_error is not None:
            return self.answer_error(400, f"Body validation error! Invalid JSON: {request.json_error}")
        body = request.json
        problems = check_request(body, models=SERVED_MODELS, strict=False)
        if problems:
            return self.answer_error(400, _validation_message(problems))
        try:
            fault = practice.faults.claim(self.headers.get("X-Practice-Fault"))
        except ValueError as exc:
            return self.answer_error(400, f"Invalid X-Practice-Fault header: {exc}")
        if fault.status:
            practice.pause(fault.delay)
            extra = {}
            if fault.retry_after is not None:
                extra["Retry-After"] = fault.retry_after
            if fault.retry_after_ms is not None:
                extra["retry-after-ms"] = fault.retry_after_ms
            return self.answer_error(fault.status, MESSAGES.get(fault.status, "Error"), extra)
        # The rate limit counts a call when it arrives, as the API's does: a slow answer still on its way
        # must not take a place in a window opened after it was sent.
        wait = practice.admit()
        if wait is not None:
            return self.answer_error(429, MESSAGES[429], {"Retry-After": str(wait)})
        practice.pause(fault.delay)
        if practice.balance <= 0:
            return self.answer_error(403, MESSAGES[403])

        spec = MODEL_SPECS[body["model"]]
        reply = make_reply(spec.id, body["messages"], body)
        usd, credits = cost(spec, reply.prompt_tokens, reply.completion_tokens)
        practice.charge(usd)
        answer = _Answer(spec, body, reply, usd, credits)
        if body.get("stream"):
            self._stream(answer, fault.cut_after, fault.keepalive)
        else:
            practice.pause(fault.keepalive)  # no stream to keep alive: just a long wait
            practice.pause(
                practice.latency * (spec.first_token_seconds + spec.seconds_per_token * reply.completion_tokens)
            )
            headers = {"x-aimlapi-credits-used": str(credits), "x-aimlapi-usd-spent": usd_text(usd)}
            self.answer_json(200, answer.completion(), headers, cut=fault.cut_after is not None and fault.cuts_json)

    def _stream(self, answer: "_Answer", cut_after: int | None, keepalive: float) -> None:
        practice = self.server.practice
        chunked = self.request_version != "HTTP/1.0"
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")  # no charset, as the real API
        self.send_header("Cache-Control", "no-cache")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Connection", "close")
        self.common_headers()
        self.end_headers()
        self.headers_sent = True
        if self.command == "HEAD":
            return

        def send(text: str) -> None:
            data = text.encode("utf-8")
            self.wfile.write(b"%X\r\n%s\r\n" % (len(data), data) if chunked else data)

        send(": PROCESSING\n\n")
        until = time.monotonic() + keepalive
        while time.monotonic() < until:
            send(": keep-alive\n\n")
            practice.pause(min(0.2, until - time.monotonic()))
        spec = answer.spec
        practice.pause(practice.latency * spec.first_token_seconds)
        send(answer.event({"role": "assistant", "content": ""}))
        send(answer.event({"content": SIMULATED_MARKER}))
        for i, piece in enumerate(answer.reply.pieces):
            if cut_after is not None and i >= cut_after:
                return self.drop()
            practice.pause(practice.latency * spec.seconds_per_token)
            send(answer.event({"content": piece}))
        for event in answer.closing_events():
            send(event)
        send("data: [DONE]\n\n")
        if chunked:
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.close_connection = True


@dataclass
class _Answer:
    """One successful chat answer, rendered as a completion or as stream events."""

    spec: ModelSpec
    body: dict
    reply: Reply
    usd: float
    credits: int

    def __post_init__(self) -> None:
        self.id, self.created = _completion_id(), int(time.time())

    @property
    def usage(self) -> dict:
        r = self.reply
        return {
            "prompt_tokens": r.prompt_tokens,
            "completion_tokens": r.completion_tokens,
            "total_tokens": r.prompt_tokens + r.completion_tokens,
        }

    @property
    def meta(self) -> dict:
        return {"usage": {"credits_used": self.credits, "usd_spent": self.usd}}

    def _base(self, kind: str) -> dict:
        return {
            "id": self.id,
            "object": kind,
            "created": self.created,
            "model": self.body["model"],
            "provider": "practice-server",
        }

    def completion(self) -> dict:
        message = {"role": "assistant", "content": SIMULATED_MARKER + self.reply.text, "refusal": None}
        return {
            **self._base("chat.completion"),
            "choices": [{"index": 0, "message": message, "finish_reason": self.reply.finish_reason, "logprobs": None}],
            "usage": self.usage,
            "meta": self.meta,
        }

    def event(self, delta: dict, finish_reason: str | None = None, **extra) -> str:
        chunk = {
            **self._base("chat.completion.chunk"),
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}],
            **extra,
        }
        return "data: " + dumps(chunk) + "\n\n"

    def closing_events(self) -> list[str]:
        options = self.body.get("stream_options") or {}
        if options.get("include_usage"):
            usage = {**self._base("chat.completion.chunk"), "choices": [], "usage": self.usage, "meta": self.meta}
            return [self.event({}, self.reply.finish_reason), "data: " + dumps(usage) + "\n\n"]
        return [self.event({}, self.reply.finish_reason, meta=self.meta)]


# --------------------------------------------------------------------------- small pure helpers


def _validation_message(problems: list) -> str:
    for p in problems:  # Gemma's own refusal of the system role comes alone, word for word
        index = p.path.split(".")[1] if p.path.count(".") == 2 else ""
        if p.path.endswith(".role") and p.api == GEMMA_SYSTEM_ROLE_MESSAGE.format(i=index):
            return p.api
    return "Body validation error! " + "; ".join(f"[{p.path}] {p.api}" for p in problems)


def http_server(host: str, port: int, practice) -> ThreadingHTTPServer:
    """A bound (not yet serving) HTTP server whose requests ``practice`` answers."""
    return serve(host, port, practice, APIRoutes)
