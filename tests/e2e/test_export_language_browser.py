"""The Export page writes its files in the app's language: the same country's results workbook
is downloaded in English, then in French, and each is in its language (a cached English file
must never be handed to a French reader)."""

from __future__ import annotations

import openpyxl
import pytest

from tests.e2e.browser import running_app, wait_idle

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
TIMEOUT = 90_000


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with running_app(tmp_path_factory.mktemp("export-language-data")) as url:
        yield url


def _results_workbook(browser, url: str, lang: str, tmp_path) -> list[str]:
    tab = browser.new_page(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
    tab.goto(f"{url}/export?lang={lang}")
    wait_idle(tab, TIMEOUT)
    button = tab.get_by_test_id("stDownloadButton").first
    button.wait_for(timeout=TIMEOUT)
    with tab.expect_download(timeout=TIMEOUT) as event:
        button.click()
    path = tmp_path / f"{lang}-{event.value.suggested_filename}"
    event.value.save_as(path)
    tab.close()
    return openpyxl.load_workbook(path, read_only=True).sheetnames


def test_export_page_files_follow_the_app_language(browser, app_url, tmp_path):
    english = _results_workbook(browser, app_url, "en", tmp_path)
    french = _results_workbook(browser, app_url, "fr", tmp_path)
    assert english[0] == "Summary"
    assert french[0] == "Synthèse" and "Méthode" in french
