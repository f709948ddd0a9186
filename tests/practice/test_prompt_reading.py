"""How the practice server reads a prompt: the objects in it, the text to work on, the options, the values."""
from __future__ import annotations

import time

import pytest

from helpers.practice.model.skills.field_kinds import Field
from helpers.practice.model.skills.field_values import fill
from helpers.practice.model.skills.json_shapes import asks_for_json, read_json_request
from helpers.practice.model.skills.prompt_reading import json_blocks, listed_options, source_text, typed_template
from helpers.practice.model.replies import make_reply
from helpers.practice.model.skills.text_source import Source


def test_objects_are_found_whole_with_braces_inside_strings_and_python_literals_too():
    text = 'Use {"a": "x}y", "b": [1, {"c": 2}]} or {\'d\': True}; not {this}.'
    assert [b.value for b in json_blocks(text)] == [{"a": "x}y", "b": [1, {"c": 2}]}, {"d": True}]


def test_a_prompt_of_brackets_is_read_quickly():
    start = time.perf_counter()
    json_blocks("{[" * 50_000)
    make_reply("google/gemma-3-4b-it", [{"role": "user", "content": "Return JSON: " + "{" * 100_000}], {"seed": 1})
    assert time.perf_counter() - start < 2.0


def test_a_typed_template_gives_keys_and_types():
    keys, span = typed_template('Extract: {"guest": string, "rooms": number, "paid": boolean}\nText: ...')
    assert keys == {"guest": "string", "rooms": "number", "paid": "boolean"} and span[0] == 9


@pytest.mark.parametrize("prompt, wanted", [
    ("Extract JSON with the keys name and age.\nMessage: I'm Bo, 30.", "I'm Bo, 30."),
    ('Return JSON with keys a, b for this text: "Anna Berg lives in Oslo and is 41."',
     "Anna Berg lives in Oslo and is 41."),
    ("Give JSON (keys: x, y) for the following: The quick brown fox jumps over the dog.",
     "The quick brown fox jumps over the dog."),
])
def test_the_text_to_work_on_is_the_labelled_quoted_or_trailing_part(prompt, wanted):
    assert source_text(prompt, json_blocks(prompt)) == wanted


def test_options_come_with_their_definitions_and_examples():
    prompt = ("Route the message to a team.\n- sales: quotes, prices, new orders\n- support: faults, repairs\n\n"
              "\"The screen is cracked\" -> support\n\nMessage: Can I get a quote for 40 chairs?")
    options = listed_options(prompt)
    assert [o.name for o in options] == ["sales", "support"]
    assert "quotes" in options[0].words and {"screen", "cracked"} <= set(options[1].words)
    assert [o.name for o in listed_options("Is it one of: red, green or blue?")] == ["red", "green", "blue"]


@pytest.mark.parametrize("key, kind", [("customer_email", "email"), ("phone_number", "phone"), ("customer_id", "code"),
                                       ("nights", "number"), ("weight_kg", "number"), ("departure_city", "place"),
                                       ("guest_name", "name"), ("check_in", "date"), ("is_urgent", "boolean"),
                                       ("sentiment", "sentiment"), ("PID", "code"), ("company", "org")])
def test_a_key_names_the_kind_of_value_it_wants(key, kind):
    assert Field(key).kind == kind


def test_values_are_taken_once_each_and_typed():
    src = Source("Hi, I'm Tomas Berg (tomas@berg.example, +46 70 123 45 67). Flying from Malmo to Riga on "
                 "March 14, 2025 with 2 bags, total $310.50, booking ref QX-88120.")
    got = fill([Field("name"), Field("email"), Field("phone"), Field("origin"), Field("destination"),
                Field("date", "string", "YYYY-MM-DD"), Field("bags"), Field("total"), Field("booking_ref")], src)
    assert got == {"name": "Tomas Berg", "email": "tomas@berg.example", "phone": "+46 70 123 45 67",
                   "origin": "Malmo", "destination": "Riga", "date": "2025-03-14", "bags": 2, "total": 310.5,
                   "booking_ref": "QX-88120"}


def test_mentioning_json_is_not_asking_for_it():
    assert not asks_for_json("What is JSON used for, and who invented it?")
    assert asks_for_json("Answer in JSON.") and asks_for_json("Give me a JSON object with the keys a and b.")
    assert read_json_request("Explain what JSON is.") is None


@pytest.mark.parametrize("key, kind", [("amount_due", "number"), ("product_name", "product"),
                                       ("invoice_number", "code"), ("max_attendees", "number"), ("price_usd", "number"),
                                       ("population_millions", "number"), ("company_name", "org"),
                                       ("seats", "count"), ("temperature_f", "number")])
def test_the_head_word_decides_and_a_vague_head_defers_to_the_word_before(key, kind):
    assert Field(key).kind == kind


def test_a_key_is_filled_by_the_words_that_label_its_value_in_any_domain():
    src = Source("INVOICE\nSupplier: Hartley & Sons Ltd\nInvoice no.: HS-0093\nSubtotal 42.00, VAT 8.40, Total 50.40."
                 "\nTag number QZ 55120. Ready in 35 minutes; serves 4.")
    got = fill([Field("supplier"), Field("invoice_no"), Field("subtotal"), Field("vat"), Field("total"),
                Field("bag_tag"), Field("servings"), Field("minutes")], src)
    assert got == {"supplier": "Hartley & Sons Ltd", "invoice_no": "HS-0093", "subtotal": 42, "vat": 8.4,
                   "total": 50.4, "bag_tag": "QZ 55120", "servings": 4, "minutes": 35}


def test_pairs_are_put_in_order_and_a_negated_flag_is_false():
    src = Source("Grace Obi beat Lena Park 6-2, 6-4. Pay range 40,000-52,000 EUR. Pets: not allowed. "
                 "The kitchen is unheated. Train from Ghent to Leuven.")
    got = fill([Field("winner"), Field("loser"), Field("salary_min"), Field("salary_max"), Field("pets_allowed"),
                Field("heated", "boolean"), Field("origin"), Field("destination")], src)
    assert got == {"winner": "Grace Obi", "loser": "Lena Park", "salary_min": 40000, "salary_max": 52000,
                   "pets_allowed": False, "heated": False, "origin": "Ghent", "destination": "Leuven"}


def test_the_text_of_a_json_request_is_what_is_not_instruction():
    request = read_json_request("Turn the note into JSON with keys region and level (one of: low, high).\n"
                                "Storm warning for Dorset: gusts of 90 km/h.")
    assert request.source.text == "Storm warning for Dorset: gusts of 90 km/h."
    asked = read_json_request("Give me JSON with the fields title and year for this sentence: Ursula Le Guin "
                              "published \"The Dispossessed\" in 1974.")
    assert asked.source.text.startswith("Ursula Le Guin published")
