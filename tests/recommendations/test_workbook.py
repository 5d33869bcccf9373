"""The Recommendations sheet: written by the template, read and checked by the reader, stored
in the register on upload (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest

from roam.framework import load_framework
from roam.questionnaire import check_questionnaire, read_questionnaire, write_questionnaire
from roam.questionnaire.vocab import vocabulary
from roam.store import InvalidFiles
from roam.store import recommendations as register
from tests.helpers import edit_xlsx, issues_of, workbook_content
from tests.recommendations.conftest import AURELIA

RECS = [
    {
        "id": "R1",
        "text": "Adopt a data protection law",
        "themes": ["R.C"],
        "indicators": ["R.C.1.1"],
        "stakeholders": ["Government"],
        "priority": "high",
        "target_date": "2027-06-30",
        "status": "in_progress",
        "evidence": "Bill tabled",
    },
    {
        "id": "R2",
        "text": '=HYPERLINK("http://x") is text, not a formula',
        "themes": [],
        "indicators": ["A.A.1.1", "O.A.1.1"],
        "stakeholders": ["Civil society", "Media"],
        "priority": "low",
        "target_date": None,
        "status": "not_started",
        "evidence": "",
    },
]


def aurelia_with(recs: list[dict]) -> bytes:
    first = read_questionnaire(AURELIA)
    return write_questionnaire(
        load_framework(first.meta.framework), first.meta, first.responses, first.mab, recs
    )


def sheet_rows(data: bytes) -> list[list[object]]:
    from tests.helpers import workbook_content

    return workbook_content(data)["Recommendations"]


def test_round_trip_through_the_workbook() -> None:
    data = aurelia_with(RECS)
    rows = sheet_rows(data)
    assert rows[1][:4] == ["Recommendation ID", "Recommendation", "Themes", "Indicators"]
    assert rows[2][:3] == ["R1", "Adopt a data protection law", "R.C"]
    assessment, report = check_questionnaire(data)
    assert report.valid, [str(i) for i in report.errors]
    assert [i.code for i in report.issues if i.code.startswith("rec_")] == []
    read = assessment.recommendations
    assert [r["id"] for r in read] == ["R1", "R2"]
    assert read[0] | {"status_date": None} == RECS[0] | {"status_date": None}
    assert read[1]["text"] == RECS[1]["text"] and read[1]["status"] == "not_started"


def test_blank_template_has_the_sheet_and_an_old_workbook_without_it_still_reads() -> None:
    data = aurelia_with([])
    assert sheet_rows(data)[1][0] == "Recommendation ID"
    without = edit_xlsx(data, lambda wb: wb.remove(wb["Recommendations"]))
    assessment, report = check_questionnaire(without)
    assert report.valid and assessment.recommendations == []


def test_bad_rows_are_reported_by_sheet_and_cell() -> None:
    def fill(wb):  # type: ignore[no-untyped-def]
        ws = wb["Recommendations"]
        ws["A3"], ws["B3"], ws["C3"], ws["E3"], ws["F3"] = "R1", "ok", "R.C", "Government", "High"
        ws["A4"], ws["B4"], ws["C4"], ws["E4"], ws["F4"] = "R1", "again", "R.C", "Media", "Low"
        ws["A5"], ws["B5"], ws["D5"], ws["E5"] = "R3", "x", "R.Q.1.1", "Parliament"
        ws["F5"], ws["G5"], ws["H5"] = "urgent", "next year", "done"
        ws["A6"], ws["E6"], ws["F6"] = "R4", "Media", "Low"  # no text
        ws["A7"], ws["B7"], ws["E7"], ws["F7"] = "R5", "unlinked", "Media", "Low"
        ws["G7"] = dt.datetime(2028, 1, 31)

    _, report = check_questionnaire(edit_xlsx(aurelia_with([]), fill))
    found = [x for x in issues_of(report) if x[0].startswith("rec_")]
    assert found == [
        ("rec_duplicate_id", "Recommendations!A4", None),
        ("rec_unknown_indicator", "Recommendations!D5", None),
        ("rec_unknown_group", "Recommendations!E5", None),
        ("rec_bad_priority", "Recommendations!F5", None),
        ("rec_bad_date", "Recommendations!G5", None),
        ("rec_bad_status", "Recommendations!H5", None),
        ("rec_missing_field", "Recommendations!B6", None),
        ("rec_unlinked", "Recommendations!C6", None),
        ("rec_unlinked", "Recommendations!C7", None),
    ]
    assert not report.valid
    messages = {i.code: i.message for i in report.issues}
    assert messages["rec_duplicate_id"] == (
        "Recommendation ID R1 appears more than once (also in Recommendations!A3)."
    )
    assert messages["rec_unlinked"].startswith("Recommendation R5 names no theme or indicator")


def test_upload_stores_the_sheet_in_the_register_and_keeps_history(aurelia) -> None:  # type: ignore[no-untyped-def]
    aurelia.ingest([("aurelia_v2.xlsx", aurelia_with(RECS))], user="team")
    listed = {r.code: r for r in register.listing(aurelia, "XA", 2025)}
    assert listed["R1"].status == "in_progress" and listed["R2"].status == "not_started"
    assert [u.evidence for u in listed["R1"].history] == ["Bill tabled"]
    # the next upload changes R1's wording and status, and drops R2 from the sheet
    changed = [{**RECS[0], "text": "Adopt and enforce a data protection law",
                "status": "implemented", "evidence": "Law No. 12"}]  # fmt: skip
    aurelia.ingest([("aurelia_v3.xlsx", aurelia_with(changed))], user="team")
    listed = {r.code: r for r in register.listing(aurelia, "XA", 2025)}
    assert set(listed) == {"R1", "R2"}  # nothing is deleted
    r1 = listed["R1"]
    assert r1.text == "Adopt and enforce a data protection law" and r1.status == "implemented"
    assert [(u.kind, u.status, u.previous) for u in r1.history] == [
        ("status", "in_progress", {}),
        ("edit", None, {"text": "Adopt a data protection law"}),
        ("status", "implemented", {}),
    ]
    # an invalid sheet stores nothing at all (no version, no recommendation)
    before = aurelia.counts()["version"], register.counts(aurelia)
    bad = [{**RECS[0], "id": "R 9", "stakeholders": ["Nobody"]}]
    with pytest.raises(InvalidFiles, match="did not validate"):
        aurelia.ingest([("bad.xlsx", aurelia_with(bad))], user="team")
    assert (aurelia.counts()["version"], register.counts(aurelia)) == before


@pytest.mark.parametrize(
    ("lang", "sheet", "headers", "priority"),
    [
        ("fr", "Recommandations", ["ID de la recommandation", "Recommandation"], "Élevée"),
        ("es", "Recomendaciones", ["ID de la recomendación", "Recomendación"], "Alta"),
        ("ar", "التوصيات", ["معرّف التوصية", "التوصية"], "مرتفعة"),
    ],
)
def test_the_sheet_in_a_language_reads_back_to_the_same_register(lang, sheet, headers, priority):
    first = read_questionnaire(AURELIA)
    data = write_questionnaire(
        load_framework(first.meta.framework), first.meta, first.responses, first.mab, RECS, lang
    )
    rows = workbook_content(data)[sheet]
    assert rows[1][:2] == headers
    assert rows[2][5] == priority  # the prefilled priority, as its dropdown offers it
    civil = vocabulary().label("stakeholder_groups", "Civil society", lang)
    assert rows[3][4].startswith(f"{civil}, ") and civil != "Civil society"
    english = read_questionnaire(aurelia_with(RECS)).recommendations
    assert read_questionnaire(data).recommendations == english


def test_every_header_of_the_register_is_in_the_message_catalogues() -> None:
    from roam.questionnaire.recommendations import HEADERS
    from roam.recommendations.vocabulary import register_vocabulary

    assert [c.header for c in register_vocabulary().columns] == list(HEADERS)


def test_priorities_statuses_and_groups_typed_in_french_are_understood() -> None:
    def french(wb) -> None:
        ws = wb["Recommendations"]
        ws["E3"], ws["F3"], ws["H3"] = "Gouvernement, Société civile", "moyenne", "Mise en œuvre"

    recs = read_questionnaire(edit_xlsx(aurelia_with(RECS), french)).recommendations
    first = recs[0]
    assert (first["stakeholders"], first["priority"], first["status"]) == (
        ["Government", "Civil society"],
        "medium",
        "implemented",
    )
