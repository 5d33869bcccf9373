"""The app in a real browser: upload, scorecard, compare, download and open the workbook."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from tests.e2e.browser import REPO, running_app, wait_idle

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with running_app(tmp_path_factory.mktemp("e2e-data")) as url:
        yield url


def test_upload_scorecard_compare_download(browser, app_url, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page.goto(app_url)
    wait_idle(page)
    page.get_by_text("Assessments stored").wait_for(timeout=60_000)

    # upload a filled questionnaire and store it
    page.goto(f"{app_url}/upload")
    wait_idle(page)
    sample = REPO / "sample_data" / "XC_Calvaria_core.xlsx"
    dropzone = page.get_by_test_id("stFileUploaderDropzone")
    with page.expect_file_chooser() as chooser:
        dropzone.click()
    chooser.value.set_files(str(sample))
    page.get_by_text("usable - Calvaria (XC) 2025").wait_for(timeout=60_000)
    page.get_by_role("button", name="Store as a new version").click()
    page.get_by_text("Stored Calvaria 2025 as version 2").wait_for(timeout=60_000)

    # its scorecard, reached through the sidebar like a person would
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Scorecard", exact=True).click()
    wait_idle(page)
    page.get_by_text("Calvaria (XC), 2025").first.wait_for()  # the country just uploaded
    page.get_by_text("ROAM index").first.wait_for(timeout=60_000)
    page.locator(".vega-embed svg, .vega-embed canvas").first.wait_for(timeout=60_000)

    # compare two countries only
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Compare", exact=True).click()
    wait_idle(page)
    page.get_by_text("not an official UNESCO ranking").first.wait_for(timeout=60_000)
    select = page.get_by_test_id("stMultiSelect").first
    select.get_by_role("button", name="Clear all").click()
    wait_idle(page)
    for name in ("Aurelia", "Borealis"):
        select.get_by_role("combobox").fill(name)
        select.get_by_role("combobox").press("Enter")
        wait_idle(page)
    page.keyboard.press("Escape")
    wait_idle(page)
    page.get_by_text("Aurelia (XA) 2025").first.wait_for(timeout=60_000)
    page.locator(".vega-embed").nth(1).wait_for(timeout=60_000)
    assert page.locator(".vega-embed").count() == 2
    profiles = page.locator(".vega-embed").first
    playwright.expect(profiles).not_to_contain_text("XC", timeout=30_000)
    playwright.expect(profiles).to_contain_text("XA")
    playwright.expect(profiles).to_contain_text("XB")

    # download the results workbook and open it
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Export", exact=True).click()
    wait_idle(page)
    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("button", name="Results workbook (.xlsx)").click()
    path = Path(tmp_path) / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "XA_2025_v1_results.xlsx"
    wb = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    assert wb.sheetnames[0] == "Summary"
    assert "Aurelia" in wb["Summary"]["A1"].value
    page.close()
