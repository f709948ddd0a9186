"""General mechanisms of the practice server's JSON and call answers: flags, key lists, titles, units, counts,
whole domains, word families and from/to order. The texts are written for these tests, not taken from the
held-out sets of benchmarks/skills_heldout.py."""
from __future__ import annotations

import json

from helpers.practice.model.skills.field_kinds import Field
from helpers.practice.model.skills.field_values import fill
from helpers.practice.model.skills.function_calls import arguments, choose_function
from helpers.practice.model.skills.function_prompts import read_function_prompt
from helpers.practice.model.skills.json_shapes import read_json_request
from helpers.practice.model.skills.model_slips import slips_for
from helpers.practice.model.skills.text_source import Source

NO_SLIPS = slips_for("google/gemma-3-12b-it", 0).scaled(0.0)


def keys_of(prompt: str) -> list[str]:
    return [f.key for f in read_json_request(prompt).fields]


def test_a_key_with_no_type_is_a_flag_when_the_text_says_yes_no_or_uses_it_as_one():
    src = Source("Plan: Basic. Autopay is off. Paperless: yes. Delivery: Express. (refurbished) Not insured.")
    got = fill([Field("autopay"), Field("paperless"), Field("express"), Field("refurbished"), Field("insured")], src)
    assert got == {"autopay": False, "paperless": True, "express": True, "refurbished": True, "insured": False}
    assert fill([Field("doors_open")], Source("Doors open 19:30, show at 20:00."))["doors_open"] != True  # noqa: E712


def test_keys_are_read_from_lists_parentheses_single_quotes_and_a_typed_template():
    assert keys_of("Answer in JSON. The fields are what we need to know: supplier, total, due.\nText: x") == \
        ["supplier", "total", "due"]
    assert keys_of("JSON please - shop, opens, closes\nCorner Deli opens 08:00.") == ["shop", "opens", "closes"]
    assert keys_of("Respond in JSON with one field for the river (river) and one for its length (length_km).\n"
                   "The Rhine is 1,230 km long.") == ["river", "length_km"]
    assert keys_of("Please produce JSON where 'team' is who played and 'goals' how many they scored.\nx") == \
        ["team", "goals"]
    assert keys_of("Return {\"city\": string, \"rain\": boolean}\nWet day in Cork.") == ["city", "rain"]


def test_titles_come_after_called_or_as_a_heading_and_a_label_is_no_name():
    src = Source("Last night we saw a play called Winter Harbour by Ida Kemp.")
    assert fill([Field("title"), Field("author")], src) == {"title": "Winter Harbour", "author": "Ida Kemp"}
    assert fill([Field("title")], Source("Aunt Mary's Apple Crumble: Heat the oven to 190 C."))["title"] == \
        "Aunt Mary's Apple Crumble"
    assert fill([Field("band")], Source("Show notice: The Copper Wolves play at 9."))["band"].endswith("Copper Wolves")
    assert fill([Field("plan")], Source("You are now on the Gold plan, 9.99 a month."))["plan"] == "Gold"


def test_units_codes_domains_and_numbers_after_a_label_are_read_whole():
    src = Source("Car KX70 LMB, 12,400 miles, 25 hours a week. Site: oakmill.co.uk, line 42 of app.py.")
    got = fill([Field("reg"), Field("hours_per_week"), Field("website"), Field("line"), Field("file_name")], src)
    assert got == {"reg": "KX70 LMB", "hours_per_week": 25, "website": "oakmill.co.uk", "line": 42,
                   "file_name": "app.py"}


FUNCTIONS = [
    {"name": "get_listings", "description": "Get a cinema's film listings for a date",
     "parameters": {"type": "object", "properties": {"cinema": {"type": "string"}, "date": {"type": "string"}},
                    "required": ["cinema"]}},
    {"name": "order_bagels", "description": "Order bagels from the bakery",
     "parameters": {"type": "object", "properties": {"flavour": {"type": "string"}, "quantity": {"type": "integer"}},
                    "required": ["flavour"]}},
    {"name": "check_entry_rules", "description": "Check a country's entry rules for a traveller",
     "parameters": {"type": "object", "properties": {"nationality": {"type": "string"},
                                                     "destination": {"type": "string"}},
                    "required": ["nationality", "destination"]}},
    {"name": "ping_host", "description": "Check that a server answers",
     "parameters": {"type": "object", "properties": {"hostname": {"type": "string"}}, "required": ["hostname"]}},
]


def call_for(question: str):
    prompt = read_function_prompt("You have access to functions. If you decide to invoke any of the function(s), "
                                  "you MUST put it in the format of [func_name1(params_name1=params_value1)]\n"
                                  + json.dumps(FUNCTIONS) + "\n" + question)
    chosen, _ = choose_function(prompt)
    return (chosen.name, arguments(chosen, prompt.question, NO_SLIPS, __import__("random").Random(1))) \
        if chosen else None


def test_word_families_counts_whole_hosts_and_a_lone_destination_fill_calls():
    assert call_for("What is listed at the Rex cinema tonight?")[0] == "get_listings"
    assert call_for("Order three sesame bagels.") == ("order_bagels", {"flavour": "sesame", "quantity": 3})
    assert call_for("Is mail.oakmill.co.uk answering?") == ("ping_host", {"hostname": "mail.oakmill.co.uk"})
    assert call_for("Can a traveller from Chile enter Japan?") == \
        ("check_entry_rules", {"nationality": "Chile", "destination": "Japan"})


def test_a_key_that_names_a_state_is_a_flag_and_per_names_the_denominator():
    assert [Field(k).kind for k in ("signed", "refundable", "waterproof", "free_parking")] == ["boolean"] * 4
    assert Field("created").kind != "boolean" and Field("price_per_night").kind == "number"
    got = fill([Field("insured"), Field("price_per_night")], Source("Room at 85 EUR per night, insured."))
    assert got == {"insured": True, "price_per_night": 85}


def test_a_flag_is_read_from_its_phrase_its_opposite_and_a_key_that_names_a_feature():
    src = Source("Cabin 4, early check-in: no. Bikes sold out. Picked up at the desk. Comes with a picnic hamper.")
    got = fill([Field("early_check_in"), Field("bikes_in_stock"), Field("delivery"), Field("picnic_hamper")], src)
    assert got == {"early_check_in": False, "bikes_in_stock": False, "delivery": False, "picnic_hamper": True}
    assert [Field(k).kind for k in ("fee_paid", "weekends_only", "owns_car")] == ["boolean"] * 3
    assert Field("amount_paid").kind == "number"
    assert fill([Field("nut_free")], Source("Baked without nuts."))["nut_free"] is True


def test_keys_are_read_from_any_list_in_the_instruction_and_a_bare_schema_asks_for_json():
    assert keys_of("Pull out hive_id, frames and queen_seen (true/false) as JSON.\n\nHive 7: ...") == \
        ["hive_id", "frames", "queen_seen"]
    assert keys_of("Give me this kiln as a JSON object (kiln, cone, hours).\n\nKiln B fired to cone 6 ...") == \
        ["kiln", "cone", "hours"]
    assert keys_of("I want JSON where owner is the cat's owner and chip says whether it is chipped.\n\nx") == \
        ["owner", "chip"]
    assert keys_of("Notes below.\n\nMilo, 3, tabby\n\nPlease return pet, age_years, coat in JSON.") == \
        ["pet", "age_years", "coat"]
    assert read_json_request('Schema: {"type": "object", "properties": {"pier": {"type": "string"}}}\n'
                             "Boats leave from Pier 4.") is not None


def test_log_pairs_categories_brands_and_counts_per_unit():
    src = Source("2025-05-01 07:12 OVEN=K-2 mode=convection temp=210C qty=48 status=OK")
    got = fill([Field("oven_id"), Field("mode"), Field("temperature_c"), Field("quantity")], src)
    assert got == {"oven_id": "K-2", "mode": "convection", "temperature_c": 210, "quantity": 48}
    assert fill([Field("platform"), Field("department")], Source("The iOS app broke for Payroll staff."))[
        "platform"] == "iOS"
    got = fill([Field("brand"), Field("model")], Source("Selling a Nikon Z50 with two lenses."))
    assert got == {"brand": "Nikon", "model": "Z50"}
    assert fill([Field("classes_per_week")], Source("Salsa, 3 classes a week, 20 EUR an hour."))[
        "classes_per_week"] == 3
    assert fill([Field("seats_free"), Field("total_seats")], Source("12 of 40 seats are free."))[
        "total_seats"] == 40


def test_names_of_things_saints_and_degrees_and_no_name_from_a_greeting_or_label():
    assert fill([Field("ward")], Source("Admitted to St Oswin's Hospital on Monday."))["ward"] != "St Oswin"
    assert fill([Field("hospital")], Source("Admitted to St Oswin's Hospital on Monday."))["hospital"] == \
        "St Oswin's Hospital"
    assert fill([Field("walker"), Field("route")], Source("Well done to Ines Varga, who walked the Coastal Path."))[
        "walker"] == "Ines Varga"
    assert fill([Field("degree")], Source("She holds an MSc Data Science degree."))["degree"] == "MSc Data Science"
    assert fill([Field("ship")], Source("Harbour log: the Sea Lark moored at noon."))["ship"] == "the Sea Lark" or \
        fill([Field("ship")], Source("Harbour log: the Sea Lark moored at noon."))["ship"] == "Sea Lark"


def test_calls_take_a_clearly_best_function_quoted_names_and_leave_optional_today_out():
    assert call_for("Could I get six poppy seed bagels?") == ("order_bagels", {"flavour": "poppy seed",
                                                                               "quantity": 6})
    got = call_for("What is showing at \"The Roxy\" today?")
    assert got == ("get_listings", {"cinema": "The Roxy"})


def test_tables_form_answers_data_bullets_and_a_prompt_wide_date_format():
    src = Source("ROOM | GUESTS | NIGHTS\nLarch | 3 | 2")
    assert fill([Field("room_name"), Field("guests"), Field("nights")], src) == \
        {"room_name": "Larch", "guests": 3, "nights": 2}
    assert fill([Field("pets_allowed"), Field("smoker")], Source("Any pets? Yes\nDo you smoke? No")) == \
        {"pets_allowed": True, "smoker": False}
    request = read_json_request("Give JSON with pitch, hookup and arrival_date. Dates as YYYY-MM-DD.\n\n"
                                "* Pitch: 7\n* Hookup: yes\n* Arrival date: 3 June 2026")
    assert [f.key for f in request.fields] == ["pitch", "hookup", "arrival_date"]
    got = fill(request.fields, request.source)
    assert got["hookup"] is True and got["arrival_date"] == "2026-06-03"


def test_what_a_review_broke_stays_fixed():
    """Regressions a review of the mechanisms above found: a list in the text is no list of keys, a question
    about JSON asks for none, counts and places are no flags, a person is no brand, a statement calls nothing."""
    assert keys_of("Return JSON with keys name, skills. Ana knows Python, SQL, Excel and Tableau.") == \
        ["name", "skills"]
    assert read_json_request("What's the difference between JSON, XML and YAML?") is None
    assert keys_of("can you turn this into json? band, city, price_eur\n\nThe Lindens play Oulu, 25 euros.") == \
        ["band", "city", "price_eur"]
    assert keys_of("A shop receipt. JSON with shop_id, total, tax please.\n\nshop=K-4 total=9.99 tax=1.66") == \
        ["shop_id", "total", "tax"]
    assert read_json_request('What does this schema mean? {"type": "object", "properties": {"a": {}}}') is None
    assert "boolean" not in [Field(k).kind for k in ("games_won", "rent_due", "lives_in")]
    assert fill([Field("games_won"), Field("team")], Source("The Hawks won 7 games.")) == \
        {"games_won": 7, "team": "Hawks"}
    assert fill([Field("name"), Field("lives_in")], Source("Ana lives in Porto.")) == \
        {"name": "Ana", "lives_in": "Porto"}
    assert [Field(k).kind for k in ("median", "sector", "pregnant")] != ["name"] * 3
    got = fill([Field("owner"), Field("brand"), Field("model")], Source("Ana Silva bought a Canon EOS R5."))
    assert got == {"owner": "Ana Silva", "brand": "Canon", "model": "EOS R5"}
    assert fill([Field("city"), Field("venue")], Source("It is in Leeds at the Leeds Arena."))["venue"] == \
        "Leeds Arena"
    assert read_json_request('Schema: {"type": "object", "properties": {"": {"enum": []}}}\nx') is not None
    assert call_for("My cousin in Chile loves Japan.") is None
    assert call_for("Order sesame bagels for tomorrow, please.")[0] == "order_bagels"
