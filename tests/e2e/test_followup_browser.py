"""The follow-up pages in a real Chromium, every control used once: Recommendations (add one,
record progress, read its history), Change over time (the re-assessed sample) and Framework.

The store holds the eight samples plus Isvaldia assessed in 2023 and 2025, whose 2023 report
recommended what the 2025 scores then show."""

from __future__ import annotations

import re

import pytest

from roam.seed import SAMPLES, seed_if_empty
from tests.e2e.browser import running_app, store_at
from tests.e2e.test_pages_browser import TIMEOUT, choose, open_page, settle, widget

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = playwright.expect


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("followup-data")
    with store_at(data) as store:
        seed_if_empty(store)
        store.ingest(sorted((SAMPLES / "over_time").glob("XI_*.xlsx")), user="team@xi.example")
    with running_app(data) as url:
        yield url


def field(page, scope, test_id: str, label: str):
    """A control of ``scope`` (a form) by its label (the label locator is page-relative)."""
    return scope.get_by_test_id(test_id).filter(
        has=page.get_by_test_id("stWidgetLabel").get_by_text(label, exact=True)
    )


def type_date(page, control, year: str, month: str, day: str) -> None:
    """Type a date as a person does: into the year, month and day fields in turn."""
    for name, digits in (("year", year), ("month", month), ("day", day)):
        segment = control.get_by_role("spinbutton", name=re.compile(f"^{name},"))
        segment.click()
        segment.press_sequentially(digits, delay=40)
    page.keyboard.press("Tab")


def pick_many(page, label: str, options: list[str]) -> None:
    box = widget(page, "stMultiSelect", label).first
    box.scroll_into_view_if_needed()
    combo = box.get_by_role("combobox")
    for option in options:
        combo.click()
        combo.press_sequentially(option, delay=20)
        page.get_by_role("option", name=option).first.wait_for(timeout=30_000)
        combo.press("Enter")
    page.keyboard.press("Escape")


def test_recommendations_every_control(page):
    open_page(page, "Recommendations")
    choose(page, "Country", "Isvaldia (XI) 2023")
    grid = page.locator("table.roam-table").first
    expect(grid).to_contain_text("XI-R1", timeout=TIMEOUT)
    expect(grid).to_contain_text("A.C +12")  # the linked scores rose by 2025

    form = page.get_by_test_id("stForm").first
    field(page, form, "stTextInput", "ID").locator("input").fill("XI-R4")
    field(page, form, "stTextArea", "Recommendation").locator("textarea").fill(
        "Train judges on [freedom of expression](http://evil.example/x) online."
    )
    pick_many(page, "Themes it responds to", ["R.B"])
    pick_many(page, "Indicators it responds to", ["R.B.1.1"])
    pick_many(page, "Addressed to", ["Government", "Civil society"])
    choose(page, "Priority", "Medium")
    type_date(page, field(page, form, "stDateInput", "Target date (optional)"), "2027", "06", "30")
    form.get_by_role("button", name="Add recommendation").click()
    settle(page)
    expect(page.get_by_text("Added XI-R4 to XI 2023.")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator("table.roam-table").first).to_contain_text("2027-06-30")
    # the text is shown as typed: its Markdown link is characters, not a link
    register = page.locator("table.roam-table").first
    expect(register).to_contain_text("[freedom of expression](http://evil.example/x)")
    assert register.locator("a, img").count() == 0

    update = page.get_by_test_id("stForm").nth(1)
    choose(page, "Recommendation", "XI-R4")
    choose(page, "Status", "In progress")
    field(page, update, "stTextArea", "Evidence").locator("textarea").fill("First course held.")
    type_date(page, field(page, update, "stDateInput", "Date"), "2026", "01", "15")
    update.get_by_role("button", name="Record update").click()
    settle(page)
    expect(page.get_by_text("Recorded In progress for XI-R4.")).to_be_visible(timeout=TIMEOUT)

    choose(page, "History of", "XI-R4")
    history = page.locator("table.roam-table").last
    expect(history).to_contain_text("2026-01-15")
    expect(history).to_contain_text("First course held.")


def test_change_over_time_every_control(page):
    open_page(page, "Change over time")
    choose(page, "Country", "Isvaldia (XI)")
    choose(page, "From", "2023")
    choose(page, "To", "2025")
    expect(page.get_by_text("paired draws").first).to_be_visible(timeout=TIMEOUT)
    themes = page.locator("table.roam-table").first
    expect(themes).to_contain_text("A.C")
    toggle = page.get_by_test_id("stCheckbox").filter(
        has_text="Only themes that changed beyond uncertainty"
    )
    toggle.click()
    settle(page)
    expect(page.locator("table.roam-table").first).not_to_contain_text("unchanged")


def test_framework_every_control(page):
    open_page(page, "Framework")
    choose(page, "Framework version", "2018")
    expect(page.get_by_text("303").first).to_be_visible(timeout=TIMEOUT)
