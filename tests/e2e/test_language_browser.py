"""A French, a Spanish and an Arabic team in a real Chromium (issue 17): pick the language,
download the blank questionnaire in it, upload a questionnaire filled in it (first with a
mistake, read back in the language, then the good one, stored), and read the scorecard in it.
Arabic pages are laid out right to left.

One server for the module on a fresh data directory seeded with the samples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from roam.i18n import gettext
from roam.questionnaire import check_questionnaire
from tests.e2e.browser import REPO, running_app
from tests.e2e.test_pages_browser import settle, upload
from tests.helpers import edit_xlsx

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = playwright.expect
TIMEOUT = 90_000
SAMPLES = REPO / "sample_data" / "languages"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with running_app(tmp_path_factory.mktemp("language-data")) as url:
        yield url


def direction(page) -> str:
    return page.evaluate(
        "getComputedStyle(document.querySelector('[data-testid=\"stMain\"]')).direction"
    )


def open_page(page, name: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=name, exact=True).click()
    settle(page)


def with_a_mistake(sample: Path, answer_header: str, tmp_path: Path) -> Path:
    def wrong(wb) -> None:
        ws = wb["R"]
        header = [c.value for c in ws[1]]
        ws.cell(2, header.index(answer_header) + 1).value = "???"

    path = tmp_path / sample.name.replace(".xlsx", "_wrong.xlsx")
    path.write_bytes(edit_xlsx(sample.read_bytes(), wrong))
    return path


def sentence(template: str, **known: str) -> re.Pattern:
    """A translated message as a pattern: the fields given filled in, the others any number."""
    pattern = re.escape(template)
    for field in re.findall(r"\{(\w+)\}", template):
        value = re.escape(known[field]) if field in known else r"\d+"
        pattern = pattern.replace(re.escape("{" + field + "}"), value)
    return re.compile(pattern)


def pick_language(page, app_url: str, lang: str, name: str) -> None:
    """French is picked in the sidebar like a person would; the others arrive by address."""
    if lang != "fr":
        page.goto(f"{app_url}/?lang={lang}")
        settle(page)
        return
    page.goto(app_url)
    settle(page)
    page.get_by_text("Assessments stored").wait_for(timeout=TIMEOUT)
    picker = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").first
    picker.get_by_role("combobox").click()
    page.get_by_role("option", name=name).click()
    settle(page)
    expect(page).to_have_url(re.compile(r"lang=fr"))


CASES = [
    ("fr", "Français", "XC_Calvaria_core_fr.xlsx", "Réponse", "Calvaria (XC) 2025"),
    ("es", "Español", "XE_Estovia_core_es.xlsx", "Respuesta", "Estovia (XE) 2025"),
    ("ar", "العربية", "XC_Calvaria_core_ar.xlsx", "الإجابة", "Calvaria (XC) 2025"),
]


@pytest.mark.parametrize(("lang", "name", "sample", "answer", "who"), CASES)
def test_a_team_works_in_its_language(page, app_url, tmp_path, lang, name, sample, answer, who):
    t = lambda message: gettext(message, lang)  # noqa: E731 - the language's own words
    pick_language(page, app_url, lang, name)
    expect(page.get_by_role("heading", name=t("Stored assessments"), exact=True)).to_be_visible()
    assert direction(page) == ("rtl" if lang == "ar" else "ltr")

    # the blank questionnaire, in the language
    open_page(page, t("Upload"))
    expect(
        page.get_by_role("heading", name=t("Upload a questionnaire"), exact=True)
    ).to_be_visible()
    label = re.compile("^" + re.escape(t("Core set ({count} indicators)").split("{")[0]))
    with page.expect_download(timeout=TIMEOUT) as event:
        page.get_by_role("button", name=label).click()
    blank = tmp_path / event.value.suggested_filename
    event.value.save_as(blank)
    assert blank.name.endswith(f"_{lang}.xlsx")
    _nothing, blank_report = check_questionnaire(blank.read_bytes(), filename=blank.name)
    assert blank_report.language == lang
    settle(page)

    # a filled questionnaire with a mistake: the report is in the language
    filled = SAMPLES / sample
    wrong = with_a_mistake(filled, answer, tmp_path)
    _assessment, report = check_questionnaire(wrong.read_bytes(), filename=wrong.name)
    issue = report.errors[0]
    upload(page, wrong)
    table = page.locator("table.roam-table").last
    expect(table).to_contain_text(issue.text(lang), timeout=TIMEOUT)
    expect(table).to_contain_text(issue.fix(lang))
    expect(table).to_contain_text(t("What is wrong"))
    assert issue.message not in table.inner_text()
    page.get_by_test_id("stFileChipDeleteBtn").first.click()
    settle(page)

    # the good one: usable, stored, all said in the language
    upload(page, filled)
    usable = t("{file}: usable - {who}, {set} set. {warnings} warning(s) to look at.")
    expect(page.get_by_text(sentence(usable, file=sample, who=who, set=t("core")))).to_be_visible(
        timeout=TIMEOUT
    )
    expect(page.get_by_text(t("**What the file answers**").strip("*"))).to_be_visible()
    page.get_by_role("button", name=t("Store as a new version")).click()
    settle(page)
    stored = t("Stored {country} {year} as version {version} ({status}).")
    country = who.split(" (")[0]
    expect(
        page.get_by_text(sentence(stored, country=country, year="2025", status=t("draft")))
    ).to_be_visible(timeout=TIMEOUT)

    # the scorecard, in the language
    open_page(page, t("Scorecard"))
    expect(page.get_by_role("heading", name=t("Scorecard"), exact=True)).to_be_visible()
    expect(page.get_by_role("tab", name=t("Themes"))).to_be_visible()
    expect(page.get_by_role("tab", name=t("Indicators"))).to_be_visible()
    expect(page.get_by_text(t("How to read this scorecard"))).to_be_visible()
    expect(page.get_by_text(t("**Relative weaknesses**").strip("*"))).to_be_visible()
    page.locator(".vega-embed svg, .vega-embed canvas").first.wait_for(timeout=TIMEOUT)
    assert direction(page) == ("rtl" if lang == "ar" else "ltr")
    assert f"lang={lang}" in page.url


UPLOADER_TEXTS = """() => {
  const zone = document.querySelector('[data-testid="stFileUploaderDropzone"]');
  const button = zone.querySelector('button [data-testid="stMarkdownContainer"] p');
  const limit = document.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span');
  const shown = (el) => {
    const after = getComputedStyle(el, '::after');
    return {own: getComputedStyle(el).fontSize, after: after.content, size: after.fontSize,
            width: el.getBoundingClientRect().width, text: el.textContent};
  };
  return {button: shown(button), limit: shown(limit)};
}"""


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_file_uploader_speaks_the_language(page, app_url, lang):
    """Streamlit's uploader has no language setting: in French and Arabic its own words are
    hidden and the catalogue's shown in their place (English keeps Streamlit's)."""
    page.goto(f"{app_url}/upload?lang={lang}")
    settle(page)
    page.get_by_test_id("stFileUploaderDropzone").first.wait_for(timeout=TIMEOUT)
    texts = page.evaluate(UPLOADER_TEXTS)
    if lang == "en":
        assert texts["button"]["after"] in ("none", "normal")
        assert texts["button"]["own"] == "14px" and texts["limit"]["own"] == "14px"
        assert "per file" in texts["limit"]["text"]
        return
    browse = gettext("Browse files", lang)
    limit = gettext("{size} MB per file • {types}", lang).format(size=20, types="XLSX")
    assert texts["button"]["after"] == f'"{browse}"'
    assert texts["limit"]["after"] == f'"{limit}"'
    # Streamlit's English is still in the page but takes no room; the translation is drawn
    for part in ("button", "limit"):
        assert texts[part]["own"] == "0px" and texts[part]["size"] == "14px"
        assert texts[part]["width"] > 20
    # while a file is dragged over it, Streamlit's "Drag and drop a file here" is replaced too
    zone = page.get_by_test_id("stFileUploaderDropzone").first
    dragged = page.evaluate_handle(
        "() => { const d = new DataTransfer(); d.items.add(new File(['x'], 'a.xlsx')); return d; }"
    )
    zone.dispatch_event("dragenter", {"dataTransfer": dragged})
    overlay = zone.locator(":scope > div:not([data-testid]) > span")
    overlay.wait_for(timeout=TIMEOUT)
    shown = overlay.evaluate(
        "e => [getComputedStyle(e).fontSize, getComputedStyle(e, '::after').content]"
    )
    assert shown == ["0px", '"' + gettext("Drag and drop a file here", lang) + '"']
    assert direction(page) == ("rtl" if lang == "ar" else "ltr")
