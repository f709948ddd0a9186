"""Nested fields are type-checked as the top-level ones are (found by fuzzers with the vendor's OpenAPI)."""
import base64

import pytest
import requests

import helpers
from helpers.practice import PracticeServer

PDF = base64.b64encode(b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF").decode()


def file_message(filename):
    return [{"role": "user", "content": [{"type": "text", "text": "Summarise it"},
                                         {"type": "file", "file": {"file_data": PDF, "filename": filename}}]}]


def image_message(detail):
    return [{"role": "user", "content": [{"type": "text", "text": "What is this?"},
                                         {"type": "image_url", "image_url": {"url": "https://example.com/a.png",
                                                                             "detail": detail}}]}]


BAD = [
    ("image_url.detail null", {"messages": image_message(None)},
     "[messages.0.content.1.image_url.detail] Expected 'low' | 'high' | 'auto', received null"),
    ("image_url.detail a number", {"messages": image_message(1)},
     "[messages.0.content.1.image_url.detail] Expected 'low' | 'high' | 'auto', received number"),
    ("image_url.detail another word", {"messages": image_message("medium")},
     "[messages.0.content.1.image_url.detail] Invalid enum value. Expected 'low' | 'high' | 'auto', received 'medium'"),
    ("file.filename an object", {"messages": file_message({"name": "a.pdf"})},
     "[messages.0.content.1.file.filename] Expected string, received object"),
    ("file.filename a number", {"messages": file_message(7)},
     "[messages.0.content.1.file.filename] Expected string, received number"),
    ("prediction part not text", {"prediction": {"type": "content", "content": [{"type": "image_url"}]}},
     "[prediction.content.0] Expected text part, received object"),
    ("prediction part a string", {"prediction": {"type": "content", "content": ["hi"]}},
     "[prediction.content.0] Expected text part, received string"),
]


@pytest.fixture(scope="module")
def srv():
    with PracticeServer(latency=0) as server:
        yield server


def post(srv, body):
    full = {"model": helpers.SMALL_MODEL, "messages": [{"role": "user", "content": "Hi"}], **body}
    return requests.post(srv.base_url + "/chat/completions", json=full, timeout=10,
                         headers={"Authorization": f"Bearer {srv.key}"})


@pytest.mark.parametrize("name,body,expected", BAD, ids=[b[0] for b in BAD])
def test_the_server_refuses_a_nested_field_of_the_wrong_type_with_the_apis_400(srv, name, body, expected):
    r = post(srv, body)
    assert r.status_code == 400
    assert r.json()["message"] == "Body validation error! " + expected


@pytest.mark.parametrize("name,body,expected", BAD, ids=[b[0] for b in BAD])
def test_the_client_refuses_it_before_sending(srv, name, body, expected):
    client = helpers.Client(api_key=srv.key, base_url=srv.base_url)
    messages = body.pop("messages", "Hi") if "messages" in body else "Hi"
    with pytest.raises(helpers.RequestValidationError):
        client.build_request(messages, **body)


def test_the_right_types_still_pass(srv):
    assert post(srv, {"messages": file_message("report.pdf")}).status_code == 200
    for detail in ("low", "high", "auto"):
        assert post(srv, {"messages": image_message(detail)}).status_code == 200
    left_out = image_message("low")
    del left_out[0]["content"][1]["image_url"]["detail"]
    assert post(srv, {"messages": left_out}).status_code == 200
    assert post(srv, {"prediction": {"type": "content", "content": [{"type": "text", "text": "x"}]}}).status_code == 200
