"""Rating workbooks: written with dropdowns and locked findings, filled the way a spreadsheet
program would (openpyxl), read back; bad ones give located, plain messages and store nothing."""

from __future__ import annotations

import io

import openpyxl
import pytest

from roam.access import LOCAL_ADMIN
from roam.review.rules import review_rules
from roam.review.workbook import (
    ABOUT,
    RATINGS,
    check_rating_sheet,
    write_rating_sheet,
)
from roam.service import reviews
from tests.helpers import edit_xlsx


@pytest.fixture
def sqlite_store(tmp_path):
    from roam.store import Store
    from roam.store.engine import dispose_all
    from tests.review.conftest import SAMPLE

    store = Store(f"sqlite:///{tmp_path / 'roam.sqlite'}")
    store.ingest([SAMPLE], user="team", status="validated")
    yield store
    dispose_all()


@pytest.fixture
def round_data(sqlite_store):
    reviews.open_round(
        sqlite_store, LOCAL_ADMIN, "XA", kind="workshop", recommendations={"R.A": ["=1+1 text"]}
    )
    return reviews.get_round(sqlite_store, LOCAL_ADMIN, "XA")


def rows_by_id(ws) -> dict[str, int]:
    return {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}


def fill(data: bytes, ratings: dict[str, tuple[str | None, str | None]], **about) -> bytes:
    def change(wb):
        ws = wb[RATINGS]
        rows = rows_by_id(ws)
        for finding, (rating, comment) in ratings.items():
            ws.cell(rows[finding], 6).value = rating
            ws.cell(rows[finding], 7).value = comment
            if comment:  # typed as text ('=... in Excel): a string cell, not a formula
                ws.cell(rows[finding], 7).data_type = "s"
        labels = {wb[ABOUT].cell(r, 1).value: r for r in range(1, wb[ABOUT].max_row + 1)}
        for label, value in about.items():
            wb[ABOUT].cell(labels[label], 2).value = value

    return edit_xlsx(data, change)


def test_sheet_has_locked_findings_dropdowns_and_text_never_formulas(round_data):
    rules = review_rules("2018")
    person = round_data.participants[0]
    data = write_rating_sheet(round_data, person, rules)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[RATINGS]
    assert ws.protection.sheet
    assert [c.value for c in ws[1]] == [
        "Finding ID",
        "Kind",
        "Finding",
        "Answers and evidence",
        "Score",
        "Rating",
        "Comment",
    ]
    assert ws.max_row == len(round_data.findings) + 1
    assert ws["A2"].protection.locked and ws["C2"].protection.locked
    assert not ws["F2"].protection.locked and not ws["G2"].protection.locked
    validations = ws.data_validations.dataValidation
    assert any("F2" in str(v.sqref) and v.formula1.startswith("'_lists'!") for v in validations)
    lists = wb["_lists"]
    assert [lists.cell(r, 1).value for r in range(2, 8)] == rules.labels
    assert wb["_review"].sheet_state == "hidden"
    rec = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "R.A.REC1")
    assert ws.cell(rec, 4).value == "=1+1 text" and ws.cell(rec, 4).data_type == "s"
    about = wb[ABOUT]
    assert about["B9"].value == person.key and about["B11"].value == person.organisation


def test_filled_sheet_reads_back(round_data):
    rules = review_rules("2018")
    person = round_data.participants[2]
    data = write_rating_sheet(round_data, person, rules)
    filled = fill(
        data,
        {
            "R.A.1": ("Agree", None),
            "R.A.2": ("strongly disagree", "=SUM(1) is wrong"),
            "R.A": (None, "Theme needs evidence"),
        },
        **{"My name may appear in the published record (Yes/No)": "Yes"},
    )
    sheet, report = check_rating_sheet(filled, round_data, rules)
    assert report.valid, [str(i) for i in report.issues]
    assert sheet.who == {
        "key": person.key,
        "name": person.name,
        "organisation": person.organisation,
        "group": person.group,
        "gender": person.gender,
        "share_name": True,
    }
    # Case is forgiven; text that looks like a formula stays text (a formula cell is refused:
    # see the next test).
    assert sheet.ratings["R.A.1"] == ("Agree", None)
    assert sheet.ratings["R.A.2"] == ("Strongly disagree", "=SUM(1) is wrong")
    assert sheet.ratings["R.A"] == (None, "Theme needs evidence")


def test_bad_sheet_gives_located_plain_errors(round_data):
    rules = review_rules("2018")
    data = write_rating_sheet(round_data, None, rules)

    def change(wb):
        ws = wb[RATINGS]
        ws["F2"] = "Maybe"
        ws["G3"] = "=1+1"
        ws["A4"] = "R.Z.9"
        ws["A5"] = ws["A6"].value
        ws["F6"] = "Agree"
        wb[ABOUT]["B12"] = "Aliens"

    sheet, report = check_rating_sheet(edit_xlsx(data, change), round_data, rules)
    assert sheet is None
    found = [(i.code, f"{i.sheet}!{i.cell}") for i in report.errors]
    assert ("bad_group", "About!B12") in found
    assert ("bad_rating", "Ratings!F2") in found
    assert ("formula_in_cell", "Ratings!G3") in found
    assert ("unknown_finding", "Ratings!A4") in found
    assert ("duplicate_finding", "Ratings!A6") in found
    messages = {i.code: i.message for i in report.errors}
    assert messages["bad_rating"] == (
        "'Maybe' is not a rating; expected one of: Strongly agree, Agree, Neutral, Disagree, "
        "Strongly disagree, Unsure."
    )
    assert "roam never calculates formulas" in messages["formula_in_cell"]


def test_walk_in_sheet_needs_a_group_and_some_rating(round_data):
    rules = review_rules("2018")
    blank = write_rating_sheet(round_data, None, rules)
    sheet, report = check_rating_sheet(blank, round_data, rules)
    assert sheet is None
    assert [(i.code, i.cell) for i in report.errors] == [
        ("missing_group", "B12"),
    ]
    unrated = fill(blank, {}, **{"Stakeholder group": "Academia"})
    _, report = check_rating_sheet(unrated, round_data, rules)
    assert [i.code for i in report.errors] == ["no_ratings"]


def test_not_a_rating_sheet_and_other_rounds(round_data, sqlite_store):
    rules = review_rules("2018")
    from tests.review.conftest import SAMPLE

    _, report = check_rating_sheet(SAMPLE.read_bytes(), round_data, rules)
    assert [i.code for i in report.errors] == ["not_rating_sheet"]
    _, report = check_rating_sheet(b"Finding,Rating\nR.A.1,Agree\n", round_data, rules)
    assert [i.code for i in report.errors] == ["not_xlsx_csv"]
    data = write_rating_sheet(round_data, None, rules)
    other = reviews.open_round(sqlite_store, LOCAL_ADMIN, "XA", kind="mab")
    _, report = check_rating_sheet(data, other, rules)
    assert [i.message for i in report.errors] == [
        "This rating sheet belongs to XA 2025 round 1, not to XA 2025 round 2."
    ]
