"""helpers.structured: JSON found in what small models write around it, validated by pydantic, repaired by
asking again (a scripted loopback server plays the model's answers)."""
from __future__ import annotations

import pydantic
import pytest

import helpers
from helpers.practice import SIMULATED_MARKER
from helpers.structured import chat_json, describe_error, extract_json, parse_as
from support.scripted import ScriptedServer, in_turns


class Contact(pydantic.BaseModel):
    name: str
    age: int


@pytest.mark.parametrize("text", [
    '{"name": "Ana", "age": 31}',
    'Here is the JSON you asked for:\n{"name": "Ana", "age": 31}',
    '```json\n{"name": "Ana", "age": 31}\n```',
    'Sure!\n```\n{"name": "Ana", "age": 31}\n```\nLet me know if you need more.',
    SIMULATED_MARKER + 'Here it is: {"name": "Ana", "age": 31} (ages are in years)',
    'The example {bad} was wrong; the answer is {"name": "Ana", "age": 31}',
])
def test_extract_json_finds_the_object_whatever_surrounds_it(text):
    assert extract_json(text) == {"name": "Ana", "age": 31}


def test_a_fenced_block_wins_over_braces_in_the_lead_in():
    assert extract_json('Keys {name} and {age}:\n```json\n{"name": "Bo", "age": 2}\n```') == {"name": "Bo", "age": 2}


@pytest.mark.parametrize("text,fragment", [
    ("No JSON here, sorry.", "holds no JSON object"),
    ("{'name': 'Ana', 'age': 31}", "not valid JSON"),
    ('{"name": "Ana", "age": 31', "not valid JSON"),
])
def test_extract_json_says_what_was_wrong(text, fragment):
    with pytest.raises(ValueError, match=fragment):
        extract_json(text)


def test_parse_as_validates_and_lax_mode_converts_a_numeric_string():
    assert parse_as(Contact, '{"name": "Ana", "age": "31"}') == Contact(name="Ana", age=31)
    with pytest.raises(pydantic.ValidationError) as caught:
        parse_as(Contact, '{"nom": "Ana", "age": "thirty"}')
    assert describe_error(caught.value).splitlines() == [
        "name: Field required", "age: Input should be a valid integer, unable to parse string as an integer "
        "(got 'thirty')"]


def _client(srv):
    return helpers.Client(api_key=srv.key, base_url=srv.base_url, timeout=10, max_retries=0)


def test_chat_json_sends_the_error_back_and_uses_the_repaired_answer():
    answers = in_turns('Here you go: {"name": "Ana"}', '```json\n{"name": "Ana", "age": 31}\n```')
    with ScriptedServer(answers) as srv, _client(srv) as client:
        reply = chat_json("Who wrote in?", Contact, client=client, repairs=2, max_tokens=50)
    assert reply.ok and reply.value == Contact(name="Ana", age=31)
    assert [t.ok for t in reply.tries] == [False, True]
    assert len(srv.requests) == 2 and srv.requests[1]["max_tokens"] == 50
    repair = srv.requests[1]["messages"]
    assert [m["role"] for m in repair] == ["user", "assistant", "user"]
    assert "age: Field required" in repair[2]["content"] and "answer again" in repair[2]["content"]
    assert reply.cost_usd == pytest.approx(0.00002)
    assert "try 1: refused: age: Field required" in repr(reply)


def test_chat_json_stops_after_its_repairs_without_raising():
    with ScriptedServer(in_turns("I cannot do that.")) as srv, _client(srv) as client:
        reply = chat_json("Who wrote in?", Contact, client=client, repairs=1)
    assert not reply.ok and reply.value is None
    assert len(reply.tries) == 2 and len(srv.requests) == 2
    assert reply.messages[-1]["role"] == "assistant"  # no repair request left unanswered


def test_chat_json_refuses_a_silly_number_of_repairs():
    with pytest.raises(ValueError, match="0 to 5"):
        chat_json("x", Contact, repairs=50)
