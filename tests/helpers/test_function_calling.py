"""helpers.function_calls: calls found by their shape in both documented formats, read without running
anything, checked against their definitions, run only from the allow-list; the loop over a scripted server."""
from __future__ import annotations

import pytest

import helpers
from helpers.function_calls import CallError, FunctionCall, call_loop, check_call, find_calls, run_call
from helpers.practice import SIMULATED_MARKER
from support.scripted import ScriptedServer, in_turns

ORDER = {"name": "get_order_status", "description": "Where an order is",
         "parameters": {"type": "object", "properties": {"order_number": {"type": "string"},
                                                         "with_items": {"type": "boolean"}},
                        "required": ["order_number"]}}
CONVERT = {"name": "convert", "description": "Convert an amount",
           "parameters": {"type": "object", "properties": {"amount": {"type": "number"}, "days": {"type": "integer"},
                                                           "unit": {"type": "string", "enum": ["USD", "EUR"]}},
                          "required": ["amount"]}}
DEFINITIONS = [ORDER, CONVERT]


@pytest.mark.parametrize("text,style,extra", [
    ('[get_order_status(order_number="ORD-48213")]', "python", ""),
    (SIMULATED_MARKER + '[get_order_status(order_number="ORD-48213")]', "python", ""),
    ('{"name": "get_order_status", "parameters": {"order_number": "ORD-48213"}}', "json", ""),
    ('```json\n{"name": "get_order_status", "parameters": {"order_number": "ORD-48213"}}\n```', "json", ""),
    ('Let me look that up.\n[get_order_status(order_number="ORD-48213")]', "python", "Let me look that up."),
    ('```tool_code\n[get_order_status(order_number=\'ORD-48213\')]\n```', "python", ""),
])
def test_a_call_is_found_in_either_format_and_text_around_it_is_kept_aside(text, style, extra):
    (call,) = find_calls(text)
    assert call == FunctionCall("get_order_status", {"order_number": "ORD-48213"}, style, extra)


def test_several_calls_and_json_words_in_a_python_call():
    calls = find_calls('[get_order_status(order_number="A", with_items=true), convert(amount=2.5, unit=None)]')
    assert [(c.name, c.arguments) for c in calls] == [("get_order_status", {"order_number": "A", "with_items": True}),
                                                      ("convert", {"amount": 2.5, "unit": None})]


@pytest.mark.parametrize("text", [
    "The order ORD-48213 left our warehouse yesterday [1].",
    SIMULATED_MARKER + "Paris is the capital of France.",
    '{"name": "Maria Lopez", "email": "maria@example.com"}',  # a JSON answer, not a call
    "",
])
def test_a_plain_answer_has_no_call(text):
    assert find_calls(text) == []


@pytest.mark.parametrize("text,fragment", [
    ('[os.system("rm -rf /")]', "not the plain name"),
    ('[convert(amount=__import__("os").getcwd())]', "not a plain value"),
    ("[convert(amount=2 ** 100000)]", "not a plain value"),
    ("[convert(12)]", "without its parameter's name"),
    ("[convert(**{'amount': 1})]", "unpacks a dictionary"),
    ('[convert(amount=1), "hello"]', "not a call"),
    ('[get_order_status(order_number="ORD-1"', "not valid Python"),
    ('{"name": "convert", "parameters": [1]}', "as an object"),
])
def test_what_cannot_be_read_safely_is_refused_without_running_it(text, fragment):
    with pytest.raises(CallError, match=fragment):
        find_calls(text)


@pytest.mark.parametrize("arguments,fragment", [
    ({}, "amount: Field required"),
    ({"amount": "12"}, "amount: Input should be a valid number (got '12')"),
    ({"amount": 1, "days": 2.5}, "days: Input should be a valid integer"),
    ({"amount": 1, "days": True}, "days: Input should be a valid integer"),
    ({"amount": 1, "unit": "GBP"}, "unit: Input should be 'USD' or 'EUR'"),
    ({"amount": 1, "currency": "USD"}, "currency: Extra inputs are not permitted"),
])
def test_check_call_names_what_does_not_fit_the_definition(arguments, fragment):
    with pytest.raises(CallError, match="do not fit") as caught:
        check_call(FunctionCall("convert", arguments, "json"), DEFINITIONS)
    assert fragment in str(caught.value)


def test_check_call_refuses_an_unknown_function_and_returns_the_arguments_given():
    with pytest.raises(CallError, match="no function named 'delete_everything'; the functions are: convert, get_"):
        check_call(FunctionCall("delete_everything", {}, "python"), DEFINITIONS)
    assert check_call(FunctionCall("convert", {"amount": 3}, "python"), DEFINITIONS) == {"amount": 3}


def test_run_call_runs_only_the_allow_list():
    ran = []
    allowed = {"convert": lambda amount, **kw: ran.append(amount) or amount * 2}
    assert run_call(FunctionCall("convert", {"amount": 4}, "python"), allowed, DEFINITIONS) == 8
    with pytest.raises(CallError, match="not a function this application runs"):
        run_call(FunctionCall("get_order_status", {"order_number": "A"}, "python"), allowed, DEFINITIONS)
    assert ran == [4]


STATUS = {"ORD-48213": {"status": "shipped", "eta": "Friday"}}


def get_order_status(order_number, with_items=False):
    return STATUS[order_number]


def _client(srv):
    return helpers.Client(api_key=srv.key, base_url=srv.base_url, timeout=10, max_retries=0)


def _loop(answers, **kwargs):
    with ScriptedServer(in_turns(*answers)) as srv, _client(srv) as client:
        trace = call_loop("Where is ORD-48213?", functions={"get_order_status": get_order_status, "convert": abs},
                          definitions=DEFINITIONS, client=client, **kwargs)
    return trace, srv.requests


def test_the_loop_runs_the_call_sends_the_result_in_a_user_turn_and_returns_the_answer():
    trace, sent = _loop(['[get_order_status(order_number="ORD-48213")]', "It shipped and arrives Friday."])
    assert trace.answer == "It shipped and arrives Friday." and trace.stopped == "answered"
    assert [m["role"] for m in sent[1]["messages"]] == ["user", "assistant", "user"]
    assert sent[1]["messages"][2]["content"].startswith(
        "Result of get_order_status(order_number='ORD-48213'): {\"status\": \"shipped\", \"eta\": \"Friday\"}")
    assert trace.steps[0].calls[0].name == "get_order_status" and trace.cost_usd == pytest.approx(0.00002)


def test_the_loop_sends_a_refusal_back_and_lets_the_model_correct_itself():
    trace, sent = _loop(['[get_order(order="ORD-48213")]', '[get_order_status(order_number="ORD-48213")]', "Friday."])
    assert trace.answer == "Friday." and len(trace.steps) == 3
    assert "no function named 'get_order'" in trace.steps[0].refused
    assert "could not be run" in sent[1]["messages"][-1]["content"]


def test_a_function_that_fails_is_reported_to_the_model():
    trace, sent = _loop(['[get_order_status(order_number="ORD-00000")]', "I could not find it."])
    assert "the function failed (KeyError" in sent[1]["messages"][-1]["content"]
    assert trace.answer == "I could not find it."


def test_the_loop_stops_at_its_step_limit():
    trace, sent = _loop(['[get_order_status(order_number="ORD-48213")]'], max_steps=2)
    assert trace.answer is None and trace.stopped == "step limit (2 steps)" and len(sent) == 2


def test_the_loop_refuses_a_definition_without_a_function_and_a_silly_limit():
    with pytest.raises(ValueError, match="'convert' is described to the model but not in functions"):
        call_loop("x", functions={"get_order_status": get_order_status}, definitions=DEFINITIONS)
    with pytest.raises(ValueError, match="1 to 10"):
        call_loop("x", functions={}, definitions=[], max_steps=0)
