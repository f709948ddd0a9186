"""The dashboard in headless Chromium: log in with the admin token, watch a seat's spend change after a
call, pause the seat from the page, and see its next call refused.

Debian's Chromium (``apt-get install -y chromium``) driven by Playwright, as tests/test_browser.py does.
A screenshot lands in test-artifacts/ (gitignored) whether it passes or fails.
"""
from __future__ import annotations

import pytest
import requests

from helpers.practice import PracticeServer

from relay_support import ADMIN_TOKEN, CANARY, Relay, add_seats, chat_body, leaks
from support.browser import CHROMIUM, CHROMIUM_ARGS, require_browser, screenshot

STEP_MS = 20_000  # the longest any single step may take (a bound, not a measurement)


@pytest.mark.timeout(120)
def test_dashboard_login_spend_pause_and_refusal(tmp_path):
    sync_playwright = require_browser()
    db = tmp_path / "room.db"
    seat, other = add_seats(db, 2, 0.5)
    with PracticeServer(latency=0, key=CANARY) as upstream, Relay(db, upstream.base_url) as relay, \
            sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        try:
            _drive(page, relay, seat)
        except BaseException:
            print(f"screenshot: {screenshot(page, 'relay-dashboard-failed.png')}\nrelay:\n{relay.output()}")
            raise
        else:
            screenshot(page, "relay-dashboard.png")
        finally:
            browser.close()


def _call(relay, seat) -> requests.Response:
    return requests.post(relay.url + "/chat/completions", json=chat_body(max_tokens=32), timeout=10,
                         headers={"Authorization": f"Bearer {seat['code']}"})


def _drive(page, relay, seat) -> None:
    page.set_default_timeout(STEP_MS)
    page.goto(relay.root + "/admin")
    token_box = page.get_by_label("Admin token")
    token_box.fill("relay-aaaaa-bbbbb-ccccc-ddddd")  # a seat-shaped code is refused
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("alert").wait_for()
    assert "not the admin token" in page.get_by_role("alert").inner_text()

    page.get_by_label("Admin token").fill(ADMIN_TOKEN)
    page.get_by_role("button", name="Log in").click()
    row = page.locator("#seats tbody tr[data-seat='seat-01']")
    row.wait_for()
    assert row.locator("td.spent").inner_text() == "$0.00"
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["relay_admin"]["httpOnly"] and cookies["relay_admin"]["sameSite"] == "Strict"
    assert page.evaluate("document.cookie") == ""  # the page's script cannot read the token

    assert _call(relay, seat).status_code == 200
    page.wait_for_function("() => document.querySelector(\"tr[data-seat='seat-01'] td.spent\").textContent "
                           "!== '$0.00'")  # the page polls: the spend shows without a reload
    assert row.locator("td.requests").inner_text() == "1"

    row.get_by_role("button", name="Pause seat-01").click()
    page.wait_for_function("() => document.querySelector(\"tr[data-seat='seat-01'] td.state\").textContent"
                           ".startsWith('paused')")
    refused = _call(relay, seat)
    assert refused.status_code == 403 and "paused by the instructor" in refused.json()["message"]
    page.wait_for_function("() => document.querySelector(\"tr[data-seat='seat-01'] td.requests\").textContent "
                           "=== '2'")
    assert "refused, the seat is paused" in row.locator("td.last-error").inner_text()
    other = page.locator("#seats tbody tr[data-seat='seat-02'] td.state")
    assert other.inner_text() == "active"
    assert seat["code"] not in page.content() and not leaks(page.content())
