"""A guard for issue 17: every app page, shown in French with the samples loaded, has no English
left. Every visible text is collected (titles, captions, markdown, alerts, labels, options, help,
tabs, expanders, metrics, table headers and text cells, chart titles) and a text fails when it is
an English catalogue message whose French translation differs, or when it reads as an English
sentence. What people typed (the samples' own free text) is exempt: roam never translates it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
from streamlit.testing.v1 import AppTest

from roam.framework import load_framework
from roam.i18n import gettext
from roam.ui.main import ADMIN_PAGES, PAGES
from tests.app.conftest import go, open_tab
from tests.helpers import english_messages, english_sentence

REPO = Path(__file__).resolve().parents[2]
LANG = "fr"


def typed_texts() -> set[str]:
    """What people typed stays as they typed it: every text cell of the sample questionnaires,
    and the stored review rounds' findings (the text raters saw), comments and answers."""
    found: set[str] = set(_stored_round_texts())
    found.update(_audit_details())  # the audit trail is a record, kept as it was written
    manifest = load_framework().manifest  # the publication is cited as published
    found.update({manifest.title, " ".join(manifest.source.split())})
    for path in (REPO / "sample_data").rglob("*.xlsx"):
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for ws in book.worksheets:
            for row in ws.iter_rows(values_only=True):
                found.update(str(v).strip() for v in row if isinstance(v, str) and v.strip())
    return found


def _audit_details() -> set[str]:
    from roam.store import Store

    return {str(e["detail"]) for e in Store().audit_events(1000) if e["detail"]}


def _stored_round_texts() -> Iterator[str]:
    from roam.store import Store
    from roam.store import reviews as RS

    store = Store()
    for country in ("XD", "XG"):
        for listed in RS.list_rounds(store, country):
            data = RS.load_round(store, country, None, listed["round"])
            for finding in data.findings:
                yield from (
                    str(finding.get(k) or "").strip()
                    for k in ("title", "answer", "summary", "evidence")
                )
            for comment in data.comments:
                yield from (str(getattr(comment, k, "") or "").strip() for k in ("text", "reason"))


class _Cells(HTMLParser):
    """The text of each cell of an HTML table, outside <style> blocks."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.style = False

    def handle_starttag(self, tag, attrs) -> None:
        self.style = self.style or tag == "style"
        if tag in ("td", "th"):
            self.cells.append("")

    def handle_endtag(self, tag) -> None:
        self.style = self.style and tag != "style"

    def handle_data(self, data) -> None:
        if not self.style and self.cells:
            self.cells[-1] += data


def _html_texts(body: str) -> list[str]:
    parser = _Cells()
    parser.feed(body)
    return [c.strip() for c in parser.cells if c.strip()]


def _spec_titles(spec: object) -> Iterator[str]:
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("title", "text") and isinstance(value, str):
                yield value
            elif key == "title" and isinstance(value, dict) and isinstance(value.get("text"), str):
                yield value["text"]
            else:
                yield from _spec_titles(value)
    elif isinstance(spec, list):
        for value in spec:
            yield from _spec_titles(value)


def visible_texts(at: AppTest) -> Iterator[tuple[str, str]]:
    """(kind, text) of every text a person sees on the page now."""
    for kind in ("title", "header", "subheader", "caption", "markdown", "text", "latex"):
        for el in at.get(kind):
            yield kind, str(el.value)
    for kind in ("info", "warning", "error", "success", "exception", "toast"):
        for el in at.get(kind):
            yield kind, str(el.value)
    for el in at.get("metric"):
        yield "metric", el.label
    for kind in ("tab", "expandable"):
        for el in at.get(kind):
            yield kind, str(el.label)
    for kind in (
        "button",
        "download_button",
        "selectbox",
        "multiselect",
        "radio",
        "checkbox",
        "toggle",
        "text_input",
        "text_area",
        "number_input",
        "slider",
        "select_slider",
        "date_input",
        "color_picker",
        "file_uploader",
    ):
        for el in at.get(kind):
            yield kind, str(getattr(el, "label", ""))
            if getattr(el.proto, "help", ""):
                yield kind + " help", el.proto.help
            if getattr(el.proto, "placeholder", ""):
                yield kind + " placeholder", el.proto.placeholder
            for option in getattr(el.proto, "options", []):
                yield kind + " option", str(option)
    for kind in ("dataframe", "table"):
        for el in at.get(kind):
            frame = el.value
            for column in frame.columns:
                yield kind + " header", str(column)
            for column in frame.columns:
                for value in frame[column].tolist():
                    if isinstance(value, str):
                        yield kind + " cell", value
    for el in at.get("html"):  # static tables are HTML (roam.ui.tables); style blocks are not text
        for cell in _html_texts(el.proto.body):
            yield "html table", cell
    for el in at.get("vega_lite_chart"):
        for title in _spec_titles(json.loads(el.proto.spec)):
            yield "chart", title
    for el in at.get("arrow_vega_lite_chart"):
        for title in _spec_titles(json.loads(el.proto.spec)):
            yield "chart", title


def english_left(at: AppTest, messages: set[str], typed: set[str]) -> set[tuple[str, str]]:
    found = set()
    for kind, text in visible_texts(at):
        text = text.replace("\\", "").strip()  # Markdown escapes of shown text
        if not text or text in typed or any(t in text for t in typed if len(t) > 15):
            continue
        if text in messages or english_sentence(text):
            found.add((kind, text))
    return found


def test_the_check_tells_english_from_french():
    assert english_sentence("Most of this interval comes from the choice of mean.")
    assert not english_sentence("L'essentiel de cet intervalle provient du choix de la moyenne.")
    assert not english_sentence("Seuils de couverture : indicateurs 67 %, thèmes 67 %.")
    assert "Scorecard" in english_messages(LANG)


# what a person does on a page beyond opening it: (page, what, key, value); "tab" opens a lazy tab
ACTIONS = (
    ("scorecard", "toggle", "scorecard_sensitivity", True),
    ("scorecard", "tab", "scorecard_tab", "Indicators"),
    ("scorecard", "toggle", "scorecard_gaps", True),
    ("scorecard", "tab", "scorecard_tab", "Contextual"),
    ("scorecard", "tab", "scorecard_tab", "MAB"),
    ("weights", "slider", "w_R", 2.0),
    ("review", "selectbox", "review_round", 1),
)


def _act(app: AppTest, what: str, key: str, value) -> None:
    if what == "tab":
        open_tab(app, gettext(value, LANG), key)
    else:
        getattr(app, what)(key=key).set_value(value).run()
    assert not app.exception, [e.value for e in app.exception]


def test_every_page_in_french_shows_no_english(app):
    app.sidebar.selectbox(key="language_box").set_value(LANG).run()
    messages, typed = english_messages(LANG), typed_texts()
    left: dict[str, set] = {}
    for page, _title, _icon in PAGES + ADMIN_PAGES:
        go(app, page)
        left[page] = english_left(app, messages, typed)
        for where, kind, key, value in ACTIONS:
            if where == page:
                _act(app, kind, key, value)
                left[page] |= english_left(app, messages, typed)
    left = {page: found for page, found in left.items() if found}
    assert not left, "\n".join(f"{p}: {sorted(f)}" for p, f in left.items())
