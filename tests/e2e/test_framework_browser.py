"""The Framework page in a real browser: a scorecard's link opens the linked indicator."""

from __future__ import annotations

import pytest

from tests.e2e.browser import running_app, wait_idle

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def page_and_url(browser, tmp_path_factory):
    data = tmp_path_factory.mktemp("e2e-framework")
    with running_app(data) as url:
        yield browser.new_page(viewport={"width": 1400, "height": 1000}), url


def test_link_opens_the_indicator_with_its_badge_scale_and_source(page_and_url):
    page, url = page_and_url
    page.goto(f"{url}/framework?indicator=M.C.3.1")
    wait_idle(page)
    page.get_by_text("Indicator M.C.3.1").wait_for(timeout=60_000)
    main = page.get_by_test_id("stMain")
    playwright.expect(main).to_contain_text("Governmental Advisory Committee")
    playwright.expect(main).to_contain_text("Confirmed")  # the provenance badge
    playwright.expect(main).to_contain_text("wiegehtsdeminternet.de")
    playwright.expect(main).to_contain_text("25 of 124 questions and 28 of 303 indicators")


def test_search_box_filters_the_table(page_and_url):
    page, url = page_and_url
    page.goto(f"{url}/framework")
    wait_idle(page)
    page.get_by_text("303 of 303 indicators shown.").wait_for(timeout=60_000)
    box = page.get_by_placeholder("words or an ID")
    box.fill("secure servers")
    box.press("Enter")
    wait_idle(page)
    page.get_by_text("1 of 303 indicators shown.").wait_for(timeout=60_000)
