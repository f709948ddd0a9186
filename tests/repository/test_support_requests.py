"""The shipped evaluation set (helpers/data/support_requests.jsonl) is well formed and says what its README says."""
from __future__ import annotations

import json
from collections import Counter
from importlib.resources import files

CATEGORIES = {"billing", "technical", "account", "shipping", "other"}
FIELDS = {"name", "order_number", "email", "product", "urgency"}
PRODUCTS = {"Summit 40L backpack", "Breeze smart thermostat", "Pulse wireless earbuds", "Aurora kettle"}


def cases() -> list[dict]:
    text = files("helpers.data").joinpath("support_requests.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_thirty_cases_six_per_category_with_unique_ids():
    rows = cases()
    assert len(rows) == 30
    assert len({r["id"] for r in rows}) == 30
    assert Counter(r["category"] for r in rows) == {c: 6 for c in CATEGORIES}
    assert sum(r["ambiguous"] for r in rows) == 6


def test_every_label_is_one_the_readme_allows_and_is_taken_from_the_message():
    for row in cases():
        fields = row["fields"]
        assert set(row) == {"id", "message", "category", "fields", "ambiguous"}, row["id"]
        assert set(fields) == FIELDS, row["id"]
        assert fields["urgency"] in {"low", "normal", "high"}, row["id"]
        assert fields["product"] is None or fields["product"] in PRODUCTS, row["id"]
        for key in ("name", "order_number", "email"):  # written as the customer wrote them
            assert fields[key] is None or fields[key] in row["message"], (row["id"], key)
        assert fields["order_number"] is None or len(fields["order_number"]) == 9, row["id"]
