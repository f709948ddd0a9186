"""A chat-completions server on loopback whose answers a test writes: for the loops that must meet a
given sequence of answers (a bad JSON object, then a good one; a call, then a plain answer).

    with ScriptedServer(lambda messages, body: "{}") as srv:
        client = helpers.Client(api_key=srv.key, base_url=srv.base_url, max_retries=0)

``answer(messages, body)`` returns the assistant's text for each request; ``srv.requests`` keeps every
request body, in order. Each answer reports a cost, as the AI/ML API does.
"""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


class _Threading(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64


class ScriptedServer:
    key = "scripted-key-0000"

    def __init__(self, answer: Callable[[list, dict], str]):
        self.answer = answer
        self.requests: list[dict] = []
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with outer.lock:
                    outer.requests.append(body)
                text = outer.answer(body["messages"], body)
                data = json.dumps({
                    "id": "scripted", "object": "chat.completion", "model": body["model"],
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                 "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
                    "meta": {"usage": {"usd_spent": 0.00001}}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = _Threading(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> "ScriptedServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def in_turns(*answers: str) -> Callable[[list, dict], str]:
    """The n-th answer for a conversation that has had n-1 assistant turns (the last one repeats)."""
    def answer(messages: list, body: dict) -> str:
        turn = sum(1 for m in messages if m.get("role") == "assistant")
        return answers[min(turn, len(answers) - 1)]
    return answer
