"""Take the screenshots shown in the README: the app on its samples, in Debian's Chromium.

python docs/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from tests.e2e.browser import CHROMIUM_ARGS, chromium_path, running_app, wait_idle

HERE = Path(__file__).resolve().parent
PAGES = ["overview", "upload", "scorecard", "compare", "coverage", "weights", "recommendations"]
REPORTS = ["report_ar"]  # the draft report of a sample in Arabic (right to left)


def report_shot(browser, name: str) -> None:
    """The top of a sample's draft report in the language the name ends with."""
    from roam.analysis import analyse
    from roam.export.report import render_report
    from roam.i18n import language
    from roam.questionnaire import read_questionnaire

    lang = name.rsplit("_", 1)[1]
    assessment = read_questionnaire(HERE.parent / "sample_data" / "XA_Aurelia_full.xlsx")
    with language(lang):
        html = render_report(analyse([assessment], draws=300), assessment.country)
    path = Path(tempfile.mkdtemp()) / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1100, "height": 1000})
    page.goto(path.as_uri())
    page.screenshot(path=HERE / f"{name}.png")
    print(f"wrote docs/{name}.png")


def main(names: list[str]) -> None:
    """Regenerate the screenshots of the pages named (all of them when none is)."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name in [n for n in names or REPORTS if n in REPORTS]:
            report_shot(browser, name)
        names = [n for n in names if n not in REPORTS]
        if not names and sys.argv[1:]:
            browser.close()
            return
        with running_app(Path(tempfile.mkdtemp())) as url:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            for name in names or PAGES:
                page.goto(f"{url}/{'' if name == 'overview' else name}")
                wait_idle(page)
                if name == "upload":  # show the report a team sees for a file with mistakes
                    sample = HERE.parent / "sample_data" / "invalid" / "typical_mistakes.xlsx"
                    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(sample)
                    page.get_by_text("not usable yet").wait_for(timeout=60_000)
                    wait_idle(page)
                if name == "recommendations":  # the sample whose report has recommendations
                    box = page.get_by_test_id("stSelectbox").first.get_by_role("combobox")
                    box.click()
                    box.fill("Galderon")
                    box.press("Enter")
                    wait_idle(page)
                page.wait_for_timeout(1500)
                page.screenshot(path=HERE / f"{name}.png")
                print(f"wrote docs/{name}.png")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
