"""The Arabic draft report in Debian's Chromium: the page runs right to left and its Arabic text
is drawn with a font that has Arabic glyphs (asked of Chromium itself, through the DevTools
protocol), not with empty boxes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from roam.analysis import analyse
from roam.export.report import render_report
from roam.i18n import language
from roam.questionnaire import read_questionnaire

REPO = Path(__file__).resolve().parents[2]
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def arabic_fonts() -> set[str]:
    """Font families this machine has with Arabic glyphs (fontconfig, as Chromium sees them)."""
    out = subprocess.run(
        ["fc-list", ":lang=ar", "family"], capture_output=True, text=True, check=False
    ).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def arabic_report(folder: Path) -> Path:
    assessment = read_questionnaire(REPO / "sample_data" / "XA_Aurelia_full.xlsx")
    analysis = analyse([assessment], draws=30)
    with language("ar"):
        html = render_report(analysis, assessment.country)
    path = folder / "report_ar.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_arabic_report_renders_right_to_left_with_arabic_glyphs(browser, tmp_path):
    available = arabic_fonts()
    assert available, "no font with Arabic glyphs: apt-get install fonts-dejavu-core"
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(arabic_report(tmp_path).as_uri())
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    heading = page.locator("h2#summary")
    assert "الملخص التنفيذي" in heading.inner_text()
    box = heading.bounding_box()
    body = page.locator("body").bounding_box()
    assert box is not None and body is not None and box["width"] > 0
    text_width = page.evaluate(
        """() => { const r = document.createRange();
                   r.selectNodeContents(document.querySelector('h2#summary'));
                   return r.getBoundingClientRect().width; }"""
    )
    assert text_width > 50  # the glyphs take room on the line
    # right to left: the heading's text ends at the right edge of the page's column
    right = page.evaluate(
        """() => { const r = document.createRange();
                   r.selectNodeContents(document.querySelector('h2#summary'));
                   return r.getBoundingClientRect().right; }"""
    )
    assert abs(right - (body["x"] + body["width"])) < 20
    # which fonts Chromium really drew the heading with, and how many glyphs each
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h2#summary"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    used = {f["familyName"]: f["glyphCount"] for f in fonts}
    assert any(count > 0 and family in available for family, count in used.items()), used
    shot = page.locator("h1").screenshot()
    assert len(shot) > 1000  # a real image of the title, not an empty one
    page.close()
