"""The validation record in exports: Validation sheet, package files (names only with
consent, groups always), the report's validation section; user text stays text."""

from __future__ import annotations

import io
import json
import zipfile

import openpyxl
import pytest

from roam.access import LOCAL_ADMIN, SecureStore, User
from roam.service import reviews
from roam.store import Store
from roam.store.engine import dispose_all
from tests.store.conftest import SAMPLES


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'roam.sqlite'}")
    store.ingest([SAMPLES / "XA_Aurelia_full.xlsx"], user="team", status="validated")
    reviews.open_round(store, LOCAL_ADMIN, "XA", kind="mab")
    people = [("Ana", "Academia", True), ("Ben", "Government", False), ("Cy", "Media", False)]
    for n, (name, group, share) in enumerate(people):
        rater = User(f"{name.lower()}@x.example", "mab_member", frozenset({"XA"}), name)
        ratings = {"R.A.1": ("Agree", None), "R.A.2": ("Disagree" if n else "Agree", None)}
        if n == 0:
            ratings["R.A.2"] = ("Agree", '=HYPERLINK("http://x.invalid") <b>bold</b>')
        reviews.rate(
            store,
            rater,
            "XA",
            ratings,
            person={"group": group, "gender": "Woman", "share_name": share},
        )
    reviews.answer(store, LOCAL_ADMIN, "XA", "A01:R.A.2", "noted", "Kept; see annex.")
    reviews.close(store, LOCAL_ADMIN, "XA")
    yield store
    dispose_all()


def test_results_workbook_gains_a_validation_sheet(store):
    data = SecureStore(store, LOCAL_ADMIN).results_workbook("XA", draws=0)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames[-1] == "Validation"
    ws = wb["Validation"]
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    flat = [v for row in cells for v in row if v is not None]
    assert "Round 1" in flat and "MAB review" in flat
    assert "Did not take part" in flat
    missing = cells[[r[0] for r in cells].index("Did not take part")][1]
    assert missing.startswith("Private sector, Civil society")
    finding_row = next(r for r in cells if r[0] == "R.A.2")
    assert finding_row[2] == "Not enough raters"  # 3 raters, 5 needed
    comment = next(row for row in ws.iter_rows() if row[0].value == "A01:R.A.2")
    assert comment[3].value.startswith("=HYPERLINK") and comment[3].data_type == "s"
    assert comment[2].value == "Ana" and comment[4].value == "noted"


def test_package_carries_the_round_record_names_only_with_consent(store):
    data = SecureStore(store, LOCAL_ADMIN).submission_package("XA", draws=0)
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    root = names[0].split("/")[0]
    record = json.loads(archive.read(f"{root}/validation/review_rounds.json"))
    assert [r["state"] for r in record] == ["closed"]
    people = record[0]["participants"]
    assert [(p["name"], p["group"]) for p in people] == [
        ("Ana", "Academia"),
        (None, "Government"),
        (None, "Media"),
    ]
    assert record[0]["balance"]["raters"] == 3
    r_a_1 = next(f for f in record[0]["findings"] if f["id"] == "R.A.1")
    assert r_a_1["distribution"]["Agree"] == 3 and r_a_1["by_group"] == {
        "Academia": 1.0,
        "Government": 1.0,
        "Media": 1.0,
    }
    comments = archive.read(f"{root}/validation/comments.csv").decode("utf-8-sig")
    assert "'=HYPERLINK" in comments  # a CSV cell that looks like a formula is kept as text
    manifest = json.loads(archive.read(f"{root}/manifest.json"))
    assert "validation/review_rounds.json" in [f["path"] for f in manifest["files"]]
    report = next(n for n in names if n.endswith("_draft_report.html"))
    html = archive.read(report).decode()
    assert "Multistakeholder validation" in html
    assert "Round 1: MAB review (closed)" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold</b>" not in html
    assert "Stakeholder groups that did not take part: Private sector, Civil society" in html


def test_exports_without_rounds_say_so_and_files_have_none(store, tmp_path):
    from roam.analysis import analyse
    from roam.export.workbook import write_results
    from roam.questionnaire import read_questionnaire

    a = read_questionnaire(SAMPLES / "XB_Borealis_full.xlsx")
    data = write_results(analyse([a], draws=0), "XB")
    assert "Validation" not in openpyxl.load_workbook(io.BytesIO(data)).sheetnames
    data = write_results(analyse([a], draws=0), "XB", [])
    ws = openpyxl.load_workbook(io.BytesIO(data))["Validation"]
    assert ws["B1"].value == "No review round was held on this assessment."
