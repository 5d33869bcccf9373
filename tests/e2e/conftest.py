"""One Chromium per test module (Debian's, driven by Playwright): required in CI, skipped with
a plain reason elsewhere when it is missing; and a tab on the module's app (its `app_url`) that
fails the test if the page raised an exception or a script error."""

from __future__ import annotations

import os

import pytest

from tests.e2e.browser import CHROMIUM_ARGS, chromium_path, wait_idle

TAB_TIMEOUT = 90_000


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is required in CI (./dev test installs it)")
        pytest.skip("no chromium on this machine: apt-get install chromium")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, app_url):
    tab = browser.new_page(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(app_url)
    wait_idle(tab, TAB_TIMEOUT)
    tab.get_by_text("Assessments stored").wait_for(timeout=TAB_TIMEOUT)
    yield tab
    assert not tab.get_by_test_id("stException").count(), "a page raised an exception"
    tab.close()
    assert not errors, errors
