"""A live server refuses the workbooks that once killed or froze it, and keeps serving others.

The XFD1048576 workbook made the reader ask for half a terabyte and abort the whole
`streamlit run` process; the unclosed-<c> workbook held the interpreter for minutes. Here one
browser session uploads each of them on the Upload page while a second session loads another
page, and the server answers both.
"""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from tests.e2e.browser import REPO, running_app, wait_idle
from tests.helpers import before_end_of_sheet_data, patch_parts
from tests.questionnaire.test_hostile import SHEET_R, xfd_workbook

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with running_app(tmp_path_factory.mktemp("hostile-data")) as url:
        yield url


def hostile_files(folder: Path) -> dict[str, Path]:
    sample = (REPO / "sample_data" / "XC_Calvaria_core.xlsx").read_bytes()
    made = {
        "xfd.xlsx": xfd_workbook(sample),
        "unclosed.xlsx": patch_parts(sample, {SHEET_R: before_end_of_sheet_data(b"<c>" * 200_000)}),
    }
    paths = {}
    for name, data in made.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


def healthy(url: str) -> bool:
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as reply:
        return reply.read() == b"ok"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("xfd.xlsx", "The sheet 'R' has content in cell XFD1048576"),
        ("unclosed.xlsx", "sheet 'R' is not well-formed XML"),
    ],
)
def test_hostile_upload_is_refused_while_another_session_keeps_working(
    browser, app_url, tmp_path, name, shown
):
    path = hostile_files(tmp_path)[name]
    attacker = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    visitor = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()

    attacker.goto(f"{app_url}/upload")
    wait_idle(attacker)
    dropzone = attacker.get_by_test_id("stFileUploaderDropzone")
    with attacker.expect_file_chooser() as chooser:
        dropzone.click()
    chooser.value.set_files(str(path))

    # while the upload is being read, another person opens another page and gets it
    visitor.goto(app_url)
    visitor.get_by_text("Assessments stored").wait_for(timeout=90_000)

    attacker.get_by_text(f"{name}: not usable yet - 1 problem(s) to fix").wait_for(timeout=90_000)
    attacker.get_by_text("Nothing was stored.").first.wait_for()
    grid = attacker.locator("table.roam-table")
    playwright.expect(grid).to_contain_text(shown, timeout=30_000)

    # the server is alive and still serves both sessions
    assert healthy(app_url)
    visitor.get_by_test_id("stSidebarNav").get_by_role("link", name="Upload", exact=True).click()
    visitor.get_by_text("Upload a questionnaire").wait_for(timeout=60_000)
    attacker.reload()
    attacker.get_by_text("Upload a questionnaire").wait_for(timeout=60_000)
    attacker.context.close()
    visitor.context.close()
