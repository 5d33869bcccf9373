"""Every page in a real Chromium, every control used once (Playwright + Debian's chromium).

One server for the module, on a fresh data directory seeded with the eight samples. The tests
run in file order: the upload test stores a ninth assessment that later pages show.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest

from tests.e2e.browser import REPO, running_app, wait_idle

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = playwright.expect
TIMEOUT = 90_000
HOSTILE = ":red[RANK 1] ![t](http://127.0.0.1:9/track.png) [link](http://evil.example)"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with running_app(tmp_path_factory.mktemp("pages-data")) as url:
        yield url


def settle(page) -> None:
    """Let the rerun a click starts begin, then wait for it to end."""
    page.wait_for_timeout(400)
    wait_idle(page, TIMEOUT)


def open_page(page, name: str) -> None:
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_test_id("stSidebarNavViewButton")).to_have_count(0)  # no page hidden
    nav.get_by_role("link", name=name, exact=True).click()
    settle(page)


def widget(page, test_id: str, label: str):
    return page.get_by_test_id(test_id).filter(
        has=page.get_by_test_id("stWidgetLabel").get_by_text(label, exact=True)
    )


def choose(page, label: str, option: str, test_id: str = "stSelectbox") -> None:
    """Pick an option of a select box by typing it, as a keyboard user would."""
    box = widget(page, test_id, label).first
    box.scroll_into_view_if_needed()
    combo = box.get_by_role("combobox")
    for attempt in range(3):  # on a busy machine the list can open late: type again
        combo.click()
        combo.fill("")
        combo.press_sequentially(option, delay=20)
        try:
            page.get_by_role("option", name=option).first.wait_for(timeout=15_000)
            break
        except playwright.Error:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
    combo.press("Enter")
    settle(page)
    expect(combo).to_have_value(re.compile(re.escape(option)))


def download(page, name: str, tmp_path: Path) -> Path:
    with page.expect_download(timeout=TIMEOUT) as event:
        page.get_by_role("button", name=name).click()
    path = tmp_path / event.value.suggested_filename
    event.value.save_as(path)
    settle(page)
    return path


def upload(page, path: Path) -> None:
    dropzone = page.get_by_test_id("stFileUploaderDropzone")
    with page.expect_file_chooser() as chooser:
        dropzone.click()
    chooser.value.set_files(str(path))
    settle(page)


def test_overview(page):
    expect(page.get_by_role("heading", name="Stored assessments")).to_be_visible()
    expect(page.get_by_text("Local mode")).to_be_visible()
    expect(page.get_by_text("not an official UNESCO ranking").first).to_be_visible()


def test_upload_every_control(page, tmp_path):
    open_page(page, "Upload")
    # blank templates
    core = download(page, "Core set (130 indicators)", tmp_path)
    assert openpyxl.load_workbook(core).sheetnames[:2] == ["Instructions", "Assessment"]
    download(page, "Full set (303 indicators)", tmp_path)
    # a questionnaire set up for one country: the control that once broke the page
    page.get_by_text("A questionnaire already set up for your country").click()
    widget(page, "stSelectbox", "Country").wait_for(timeout=TIMEOUT)
    choose(page, "Country", "Senegal")
    page.get_by_test_id("stRadio").get_by_text("full", exact=True).click()
    settle(page)
    expect(page.get_by_test_id("stRadio").get_by_role("radio", name="full")).to_be_checked()
    filled = download(page, "Download for Senegal", tmp_path)
    assert filled.name == "roam_SN_full_questionnaire.xlsx"
    assert openpyxl.load_workbook(filled)["Assessment"]["B3"].value == "SN"
    # a file with problems: the report, the marked workbook and the CSV
    upload(page, REPO / "sample_data" / "invalid" / "typical_mistakes.xlsx")
    page.get_by_text("not usable yet").wait_for(timeout=TIMEOUT)
    expect(page.get_by_text("Pick the answer from the cell's dropdown list.").first).to_be_visible()
    download(page, "Your workbook with the problems marked (.xlsx)", tmp_path)
    download(page, "This report (CSV)", tmp_path)
    # removing the file removes its report
    page.get_by_test_id("stFileChipDeleteBtn").first.click()
    settle(page)
    expect(page.get_by_text("not usable yet")).to_have_count(0)
    # a usable file with a hostile name: counted, warned, stored, and shown as text
    wb = openpyxl.load_workbook(REPO / "sample_data" / "XB_Borealis_full.xlsx")
    wb["Assessment"]["B2"] = HOSTILE
    wb["Assessment"]["B3"] = "XQ"
    hostile = tmp_path / "XQ_hostile.xlsx"
    wb.save(hostile)
    upload(page, hostile)
    page.get_by_text("What the file answers").wait_for(timeout=TIMEOUT)
    success = page.get_by_test_id("stAlertContentSuccess").first
    expect(success).to_contain_text(":red[RANK 1] ![t](http://127.0.0.1:9/track.png)")
    assert success.locator("a, img").count() == 0  # no live link, no image fetched
    widget(page, "stTextInput", "Note for this version (optional)").locator("input").fill(
        "browser test"
    )
    page.get_by_role("button", name="Store as a new version").click()
    page.get_by_text("as version 1 (draft)").wait_for(timeout=TIMEOUT)
    # a second version of a sample, for History's comparison of versions
    page.get_by_test_id("stFileChipDeleteBtn").first.click()
    settle(page)
    upload(page, REPO / "sample_data" / "XC_Calvaria_core.xlsx")
    page.get_by_role("button", name="Store as a new version").click()
    page.get_by_text("Stored Calvaria 2025 as version 2 (draft)").wait_for(timeout=TIMEOUT)


def test_scorecard_every_control(page):
    open_page(page, "Scorecard")
    page.locator(".vega-embed").first.wait_for(timeout=TIMEOUT)
    choose(page, "Country", "Borealis (XB) 2025 - draft")
    page.get_by_text("Borealis (XB), 2025").wait_for(timeout=TIMEOUT)
    choose(page, "Version", "version 1 (latest)")
    page.get_by_text("How to read this scorecard").click()
    expect(page.get_by_text("a word for where the score lies").first).to_be_visible()
    categories = widget(page, "stMultiSelect", "Categories")
    categories.get_by_role("button", name="Remove R Rights").click()  # drop one category
    settle(page)
    for tab in ("Indicators", "Contextual", "MAB", "Themes"):
        page.get_by_role("tab", name=tab).click()
        settle(page)
    page.get_by_role("tab", name="Indicators").click()
    choose(page, "Category", "O Openness")
    widget(page, "stCheckbox", "Only data gaps, all categories in one list").locator(
        "label"
    ).click()
    settle(page)
    page.get_by_text("indicator(s) without data").wait_for(timeout=TIMEOUT)
    # the hostile name stored by the upload test is text on its scorecard
    choose(page, "Country", "(XQ) 2025")
    heading = page.get_by_role("heading", name=":red[RANK 1]", exact=False)
    heading.first.wait_for(timeout=TIMEOUT)
    assert (
        page.get_by_test_id("stMain")
        .locator("a[href*='evil']:not([href^='#']), img[src*='track']")
        .count()
        == 0
    )


def _countries(page):
    return widget(page, "stMultiSelect", "Countries")


def test_compare_coverage_every_control_and_selection_kept(page):
    open_page(page, "Compare")
    page.locator(".vega-embed").nth(1).wait_for(timeout=TIMEOUT)
    expect(page.get_by_text("Which countries cannot be told apart")).to_be_visible()
    _countries(page).get_by_role("button", name="Remove Calvaria (XC) 2025").click()
    settle(page)
    open_page(page, "Coverage")
    page.locator(".vega-embed").first.wait_for(timeout=TIMEOUT)
    expect(_countries(page)).not_to_contain_text("Calvaria")
    expect(_countries(page)).to_contain_text("Aurelia")
    # no table on these pages sorts by a click on a score header
    assert page.get_by_test_id("stDataFrame").count() == 0


def test_weights_every_control(page):
    open_page(page, "Weights")
    page.locator("table.roam-table").first.wait_for(timeout=TIMEOUT)
    slider = widget(page, "stSlider", "R Rights").get_by_role("slider")
    slider.focus()
    for _ in range(4):
        slider.press("ArrowRight")
    settle(page)
    expect(widget(page, "stSlider", "R Rights")).to_contain_text("2.00")
    page.get_by_text("Theme weights within each category").click()
    theme = widget(page, "stSlider", "R.A Policy, statutory and regulatory framework")
    theme.get_by_role("slider").focus()
    theme.get_by_role("slider").press("ArrowLeft")
    settle(page)
    widget(page, "stTextInput", "Name").locator("input").fill("rights first")
    widget(page, "stTextInput", "Name").locator("input").press("Enter")
    settle(page)
    page.get_by_role("button", name="Save weight set").click()
    settle(page)
    page.get_by_text("Saved rights_first.yaml").wait_for(timeout=TIMEOUT)
    open_page(page, "Overview")
    open_page(page, "Weights")
    choose(page, "Start from", "rights_first")
    expect(widget(page, "stSlider", "R Rights")).to_contain_text("2.00")
    choose(page, "Start from", "equal weights")
    expect(widget(page, "stSlider", "R Rights")).to_contain_text("1.00")


def test_export_every_control(page, tmp_path):
    open_page(page, "Export")
    choose(page, "Country", "Aurelia (XA) 2025 - draft")
    results = download(page, "Results workbook (.xlsx)", tmp_path)
    assert openpyxl.load_workbook(results).sheetnames[0] == "Summary"
    page.get_by_text("Prepare the submission package for UNESCO (IPDC)").click()
    settle(page)
    package = download(page, "Submission package (.zip)", tmp_path)
    assert package.suffix == ".zip"
    _countries(page).get_by_role("button", name="Remove Borealis (XB) 2025").click()
    settle(page)
    comparison = download(page, "Comparison workbook (.xlsx)", tmp_path)
    wb = openpyxl.load_workbook(io.BytesIO(comparison.read_bytes()))
    codes = {row[1] for row in wb["Uncertainty"].iter_rows(min_row=3, values_only=True)}
    assert "XB" not in codes and "XA" in codes


def test_history_every_control(page):
    open_page(page, "History")
    choose(page, "Country", "Calvaria (XC) 2025 - draft")
    target = widget(page, "stSelectbox", "Move to")
    expect(target.get_by_role("combobox")).to_have_value("validated")  # the next step forward
    widget(page, "stTextInput", "Note").locator("input").fill("MAB meeting")
    widget(page, "stTextInput", "Note").locator("input").press("Enter")
    settle(page)
    page.get_by_role("button", name="Change status").click()
    page.get_by_text("XC 2025 moved from draft to validated.").wait_for(timeout=TIMEOUT)
    settle(page)  # the rerun's end removes the form of the previous status
    expect(widget(page, "stTextInput", "Note").locator("input")).to_have_value("")
    choose(page, "Move to", "draft (a step back)")
    expect(page.get_by_role("button", name="Change status")).to_be_disabled()
    widget(page, "stCheckbox", "Yes, move it to draft").locator("label").click()
    settle(page)
    page.get_by_role("button", name="Change status").click()
    page.get_by_text("XC 2025 moved from validated to draft.").wait_for(timeout=TIMEOUT)
    choose(page, "From version", "2")
    page.get_by_text("No indicator changed between these versions.").wait_for(timeout=TIMEOUT)
    choose(page, "To version", "1")
    page.get_by_text("No indicator changed between these versions.").wait_for(timeout=TIMEOUT)


def test_users_every_control(page):
    open_page(page, "Users")
    widget(page, "stTextInput", "Email (as used to sign in)").locator("input").fill(
        "team@ke.example"
    )
    choose(page, "Role", "national team", test_id="stSelectbox")
    widget(
        page,
        "stTextInput",
        "Countries (ISO codes, comma separated; for national teams and government viewers)",
    ).locator("input").fill("KE")
    page.get_by_role("button", name="Save user").click()
    page.get_by_text("Saved team\u200b@ke.example").wait_for(timeout=TIMEOUT)
