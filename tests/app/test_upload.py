"""The Upload page in AppTest: country templates, removing a file, counts of answers, storing."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from roam.framework import load_framework
from roam.questionnaire import AssessmentMeta, write_questionnaire
from roam.store import Store
from tests.app.conftest import go, static_tables

REPO = Path(__file__).resolve().parents[2]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _upload(app, name: str, data: bytes):
    app.file_uploader[0].set_value((name, data, XLSX)).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_country_template_control_offers_a_download_and_keeps_the_page(app):
    go(app, "upload")
    box = app.selectbox(key="tpl_country")
    assert all(isinstance(o, str) for o in box.options)  # plain values, never objects
    box.set_value("KE").run()
    assert not app.exception, [e.value for e in app.exception]
    assert [b.label for b in app.download_button if b.key == "tpl_country_download"] == [
        "Download for Kenya"
    ]
    app.radio(key="tpl_set").set_value("full").run()
    assert not app.exception
    assert app.file_uploader  # the rest of the page is still there
    # and the upload box still works after the country was picked
    data = (REPO / "sample_data" / "XB_Borealis_full.xlsx").read_bytes()
    _upload(app, "XB_Borealis_full.xlsx", data)
    assert "usable - Borealis (XB) 2025" in app.success[0].value


def test_removing_the_file_removes_its_report_and_the_store_button(app):
    go(app, "upload")
    data = (REPO / "sample_data" / "XB_Borealis_full.xlsx").read_bytes()
    _upload(app, "XB_Borealis_full.xlsx", data)
    assert app.button(key="store_button")
    app.file_uploader[0].set_value(None).run()
    assert not app.exception
    assert not [b for b in app.button if b.key == "store_button"]
    assert not app.success and not static_tables(app)
    assert not [m for m in app.markdown if "What the file answers" in m.value]


def _zero_answers() -> bytes:
    fw = load_framework()
    meta = AssessmentMeta(
        country="Kenya", iso_code="KE", year=2025, framework=fw.version, indicator_set="core"
    )
    return write_questionnaire(fw, meta)


def test_zero_answer_upload_counts_every_sheet_and_warns_before_storing(app):
    go(app, "upload")
    before = Store().counts()
    _upload(app, "kenya_empty.xlsx", _zero_answers())
    assert "usable - Kenya (KE) 2025" in app.success[0].value
    counts = static_tables(app)[0].set_index("Sheet")
    assert list(counts.columns) == ["Answered", "Not available", "Not applicable", "Unanswered"]
    assert list(counts.index) == ["R", "O", "A", "M", "X", "Contextual", "All sheets"]
    # the core set: 109 scored indicators and 21 contextual ones, none answered
    assert counts["Answered"].sum() == 0
    assert counts.loc["All sheets", "Unanswered"] == 130
    assert counts.loc["R", "Unanswered"] == 22 and counts.loc["Contextual", "Unanswered"] == 21
    warnings = [w.value for w in app.warning]
    assert any("No indicator is answered" in w for w in warnings)
    gap = next(w for w in warnings if "insufficient data" in w)
    assert "the ROAM index" in gap and "category R Rights" in gap and "theme R.A" in gap
    assert Store().counts() == before  # warned, nothing stored by itself


def test_counts_of_a_sample_match_its_answers(app):
    go(app, "upload")
    data = (REPO / "sample_data" / "XB_Borealis_full.xlsx").read_bytes()
    _upload(app, "XB_Borealis_full.xlsx", data)
    counts = static_tables(app)[0].set_index("Sheet")
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    rows = list(wb["R"].iter_rows(values_only=True))
    column = rows[0].index("Data status")
    statuses = [row[column] for row in rows[1:]]
    assert counts.loc["R", "Not available"] == statuses.count("Not available")
    total = counts.loc["All sheets"]
    assert total.sum() == 303
    assert not [w for w in app.warning if "insufficient data" in w.value]


def test_storing_over_a_submitted_assessment_asks_first(app):
    go(app, "history")
    store = Store()
    for target in ("validated", "submitted"):
        store.set_status("XB", 2025, target, user="test")
    go(app, "upload")
    data = (REPO / "sample_data" / "XB_Borealis_full.xlsx").read_bytes()
    _upload(app, "XB_Borealis_full.xlsx", data)
    assert any("XB 2025 is submitted" in w.value for w in app.warning)
    assert app.button(key="store_button").disabled
    app.checkbox(key="store_back_to_draft").check().run()
    app.button(key="store_button").click().run()
    assert any("as version 2 (draft)" in s.value for s in app.success)
    assert {a.country: a.status for a in Store().assessments()}["XB"] == "draft"


def test_user_text_in_the_report_is_escaped(app):
    go(app, "upload")
    data = (REPO / "sample_data" / "XB_Borealis_full.xlsx").read_bytes()
    _upload(app, "[link](http://evil.example).xlsx", data)
    body = app.success[0].value
    assert "\\[link\\]\\(http\u200b\\://evil\\.example\\)" in body


def test_a_french_workbook_is_counted_and_located_by_its_own_sheet_names(app):
    go(app, "upload")
    data = (REPO / "sample_data" / "languages" / "XC_Calvaria_core_fr.xlsx").read_bytes()
    wb = openpyxl.load_workbook(io.BytesIO(data))
    wb["Évaluation"]["B4"] = "vingt"  # an assessment year that is not a year
    out = io.BytesIO()
    wb.save(out)
    _upload(app, "XC_fr.xlsx", out.getvalue())
    issues = next(t for t in static_tables(app) if "Cell" in t.columns)
    assert ("Évaluation", "B4") in set(zip(issues["Sheet"], issues["Cell"], strict=True))
    english = (REPO / "sample_data" / "XC_Calvaria_core.xlsx").read_bytes()
    app.file_uploader[0].set_value(None).run()
    _upload(app, "XC_fr.xlsx", data)
    counts = static_tables(app)[0].set_index("Sheet")
    assert list(counts.index) == ["R", "O", "A", "M", "X", "Contexte", "All sheets"]
    _upload(app, "XC.xlsx", english)
    assert static_tables(app)[0].set_index("Sheet").loc["Contextual"].equals(counts.loc["Contexte"])


def test_the_templates_the_page_offers_name_their_sheets_in_its_language():
    from roam.ui.pages.upload import _blank_template, _country_template

    arabic = openpyxl.load_workbook(io.BytesIO(_country_template("SN", "core", "ar")))
    assert arabic.sheetnames[:2] == ["التعليمات", "التقييم"] and "السياق" in arabic.sheetnames
    french = openpyxl.load_workbook(io.BytesIO(_blank_template("full", "fr")))
    assert {"Évaluation", "Contexte", "Listes", "Recommandations"} <= set(french.sheetnames)
