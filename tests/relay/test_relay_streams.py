"""A stream is settled from what it reported, whatever its line ends: the relay reads streams with the kit's
``SSEDecoder`` (CR, LF or CRLF, split across reads anywhere), and passes the bytes on untouched."""
from __future__ import annotations

import sqlite3
import time

import pytest
import requests

from relay_support import chat_body

TIMEOUT = 15


def _last_call(db) -> tuple:
    for _ in range(100):  # the relay settles just before passing [DONE] on; the row is written just after
        with sqlite3.connect(db) as con:
            row = con.execute("SELECT status, http_status, prompt_tokens, completion_tokens, reserved_nusd, "
                              "settled_nusd FROM calls ORDER BY id DESC").fetchone()
        if row and row[0] != "open":
            return row
        time.sleep(0.02)
    return row


@pytest.mark.parametrize("prompt, end", [("cr-stream", b"\r"), ("crlf-stream", b"\r\n")])
def test_a_stream_is_settled_from_its_final_usage_whatever_its_line_ends(hostile, prompt, end):
    relay, _, seats, db = hostile
    answer = requests.post(relay.url + "/chat/completions", json=chat_body(prompt, stream=True, max_tokens=16),
                           headers={"Authorization": f"Bearer {seats[0]['code']}"}, timeout=TIMEOUT)
    assert answer.status_code == 200
    assert answer.content.endswith(b"data: [DONE]" + end + end)  # passed on as it came
    status, http_status, prompt_tokens, completion_tokens, reserved, settled = _last_call(db)
    assert (status, http_status, prompt_tokens, completion_tokens) == ("ok", 200, 3, 5)
    assert settled == 520 < reserved  # the $0.00000052 the stream reported, not the reservation
