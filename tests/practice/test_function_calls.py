"""Function calling by prompt, as Google documents it for Gemma: the practice server answers with a call.

The prompt lists functions as JSON and names one of two formats; the answer is a call to the
function that fits, arguments matched to the parameters by name and type; a plain answer when none
fits; and, once the next user turn carries the result, an answer that states it.
"""
from __future__ import annotations

import ast
import json

import requests

from helpers.practice import PRACTICE_KEY, SIMULATED_MARKER
from helpers.practice.function_prompts import find_call, read_function_prompt
from helpers.practice.replies import make_reply

SMALL, LARGE = "google/gemma-3-4b-it", "google/gemma-3-12b-it"
AUTH = {"Authorization": f"Bearer {PRACTICE_KEY}"}
PY_FORMAT = ("You have access to functions. If you decide to invoke any of the function(s), you MUST put it in "
             "the format of\n[func_name1(params_name1=params_value1, params_name2=params_value2...), "
             "func_name2(params)]\nYou SHOULD NOT include any other text in the response if you call a function\n")
JSON_FORMAT = ("You have access to functions. If you decide to invoke any of the function(s), you MUST put it in "
               "the format of\n{\"name\": function name, \"parameters\": dictionary of argument name and its value}\n"
               "You SHOULD NOT include any other text in the response if you call a function\n")
PRODUCT = [{"name": "get_product_name_by_PID", "description": "Finds the name of a product by its Product ID",
            "parameters": {"type": "object", "properties": {"PID": {"type": "string"}}, "required": ["PID"]}}]
# Google's documented example prompt (ai.google.dev/gemma/docs/capabilities/function-calling).
GOOGLE = (PY_FORMAT + json.dumps(PRODUCT, indent=2) + "\nWhile browsing the product catalog, I came across a "
          "product that piqued my interest. The product ID is 807ZPKBL9V. Can you help me find the name of this "
          "product?")
SHOP = [
    {"name": "get_weather", "description": "Current weather for a city",
     "parameters": {"type": "object", "properties": {
         "city": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
         "required": ["city"]}},
    {"name": "add_to_basket", "description": "Put a number of units of a product into the shopping basket",
     "parameters": {"type": "object", "properties": {
         "product_id": {"type": "string"}, "quantity": {"type": "integer"},
         "gift_wrap": {"type": "boolean", "description": "wrap it as a gift"}},
         "required": ["product_id", "quantity"]}},
]


def prompt(question, fmt="python", functions=SHOP) -> str:
    return (PY_FORMAT if fmt == "python" else JSON_FORMAT) + json.dumps(functions, indent=2) + "\n" + question


def answer(messages, model=LARGE, **params) -> str:
    if isinstance(messages, str):
        messages = [{"role": "user", "content": messages}]
    return make_reply(model, messages, params).text


def python_call(text):
    """The test's own reading of a Python-style call: ``[name(k=v)]`` with ast, never eval."""
    node = ast.parse(text.strip(), mode="eval").body.elts[0]
    return node.func.id, {k.arg: ast.literal_eval(k.value) for k in node.keywords}


def test_googles_documented_example_gets_the_documented_call_over_http(server):
    body = {"model": LARGE, "messages": [{"role": "user", "content": GOOGLE}], "temperature": 0}
    r = requests.post(server.base_url + "/chat/completions", json=body, headers=AUTH, timeout=10)
    documented = '[get_product_name_by_PID(PID="807ZPKBL9V")]'
    assert r.json()["choices"][0]["message"]["content"] == SIMULATED_MARKER + documented


def test_the_json_format_gets_a_json_object_with_name_and_parameters():
    text = answer(prompt("Add 3 of product SKU-4471 to my basket as a gift.", "json"), temperature=0)
    assert json.loads(text) == {"name": "add_to_basket",
                                "parameters": {"product_id": "SKU-4471", "quantity": 3, "gift_wrap": True}}


def test_arguments_are_matched_by_name_and_type_and_optional_ones_only_when_given():
    assert python_call(answer(prompt("What's the weather like in Porto?"), temperature=0)) == (
        "get_weather", {"city": "Porto"})
    assert python_call(answer(prompt("How warm is it in Denver in fahrenheit?"), temperature=0)) == (
        "get_weather", {"city": "Denver", "unit": "fahrenheit"})
    assert python_call(answer(prompt("Put two of item AB-100 in the basket."), temperature=0)) == (
        "add_to_basket", {"product_id": "AB-100", "quantity": 2})


def test_no_fitting_function_gets_a_plain_answer_over_http(server):
    body = {"model": LARGE, "messages": [{"role": "user", "content": prompt("What is 12 times 12?")}], "seed": 1}
    r = requests.post(server.base_url + "/chat/completions", json=body, headers=AUTH, timeout=10)
    content = r.json()["choices"][0]["message"]["content"]
    assert content.startswith(SIMULATED_MARKER) and "144" in content
    assert find_call(content, {"get_weather", "add_to_basket"}) is None


def test_the_result_sent_back_in_a_user_turn_is_used_over_http(server):
    messages = [{"role": "user", "content": prompt("What's the weather like in Porto?")},
                {"role": "assistant", "content": SIMULATED_MARKER + '[get_weather(city="Porto")]'},
                {"role": "user", "content": 'Function result: {"temperature": 17, "conditions": "light rain"}'}]
    body = {"model": LARGE, "messages": messages, "temperature": 0}
    r = requests.post(server.base_url + "/chat/completions", json=body, headers=AUTH, timeout=10)
    content = r.json()["choices"][0]["message"]["content"]
    assert "17" in content and "light rain" in content
    assert find_call(content, {"get_weather"}) is None


def test_a_new_question_after_a_result_gets_a_new_call():
    messages = [{"role": "user", "content": prompt("What's the weather like in Porto?")},
                {"role": "assistant", "content": '[get_weather(city="Porto")]'},
                {"role": "user", "content": 'Function result: {"temperature": 17}'},
                {"role": "assistant", "content": "It is 17 degrees in Porto."},
                {"role": "user", "content": "And in Krakow?"}]
    assert python_call(answer(messages, temperature=0)) == ("get_weather", {"city": "Krakow"})


def exact_calls(model, seeds=40) -> int:
    right = 0
    for seed in range(1, seeds + 1):
        call = find_call(answer(prompt("Add 3 of product SKU-4471 to my basket as a gift."), model, seed=seed),
                         {"add_to_basket", "get_weather"})
        right += call is not None and call.arguments == {"product_id": "SKU-4471", "quantity": 3, "gift_wrap": True}
    return right


def test_the_4b_errs_more_than_the_12b():
    assert exact_calls(SMALL) < exact_calls(LARGE)
    texts = [answer(prompt("Put two of item AB-100 in the basket."), SMALL, seed=s) for s in range(1, 41)]
    assert any(not t.startswith("[") for t in texts)  # prose around the call, or a fence
    assert all(find_call(t, {"add_to_basket"}) is not None for t in texts)


def test_the_prompt_reader_finds_definitions_format_and_question():
    read = read_function_prompt(prompt("Weather in Oslo?", "json"))
    assert [f.name for f in read.functions] == ["get_weather", "add_to_basket"]
    assert read.format == "json" and read.question == "Weather in Oslo?"
    assert [(p.key, p.type, p.required) for p in read.functions[1].parameters] == [
        ("product_id", "string", True), ("quantity", "integer", True), ("gift_wrap", "boolean", False)]
    wrapped = [{"type": "function", "function": SHOP[0]}]
    assert read_function_prompt(prompt("Weather in Oslo?", functions=wrapped)).functions[0].name == "get_weather"


def test_reading_a_call_back_never_runs_it():
    assert find_call("[__import__('os').system('echo hi')]", {"system", "__import__"}) is None
    assert find_call('Sure. [get_weather(city="Oslo")] Done.', {"get_weather"}).arguments == {"city": "Oslo"}
