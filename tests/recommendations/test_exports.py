"""Recommendations in the results workbook, the submission package and the draft report."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from roam.access import LOCAL_ADMIN, SecureStore
from roam.service import recommendations as service
from tests.helpers import workbook_content

# exports do not depend on the database: SQLite only (the register is tested on both)
pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)

R1 = {
    "code": "R1",
    "text": "Adopt a data protection law <script>alert(1)</script>",
    "themes": "R.C",
    "indicators": "A.A.1.1",
    "stakeholders": "Government",
    "priority": "high",
    "target_date": "2027-06-30",
}
R2 = {"code": "R2", "text": "=SUM(A1:A9)", "themes": "O.A", "stakeholders": "Media",
      "priority": "low"}  # fmt: skip


def _exports(aurelia):  # type: ignore[no-untyped-def]
    admin = SecureStore(aurelia, LOCAL_ADMIN)
    service.add(admin, "XA", 2025, R1)
    service.add(admin, "XA", 2025, R2)
    service.update(admin, "XA", 2025, "R1", "in progress", "Bill tabled")
    return admin.results_workbook("XA", draws=50), admin.submission_package("XA", draws=50)


def test_workbook_package_and_report_carry_the_recommendations(aurelia) -> None:  # type: ignore[no-untyped-def]
    workbook, package = _exports(aurelia)
    sheet = workbook_content(workbook)["Recommendations"]
    assert sheet[0] == [
        "ID", "Recommendation", "Categories", "Themes and indicators", "Addressed to",
        "Priority", "Target date", "Status", "Status date", "Evidence",
    ]  # fmt: skip
    assert sheet[1][:3] == ["R1", R1["text"], "R, A"]
    assert sheet[1][7:] == ["In progress", sheet[1][8], "Bill tabled"]
    assert sheet[2][1] == "=SUM(A1:A9)"  # written as text, never a live formula
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        names = archive.namelist()
        csv_text = archive.read("XA_2025_submission/recommendations.csv").decode("utf-8-sig")
        report = archive.read("XA_2025_submission/report/XA_2025_draft_report.html").decode()
        manifest = archive.read("XA_2025_submission/manifest.json").decode()
    assert "XA_2025_submission/recommendations.csv" in names and "recommendations.csv" in manifest
    assert "'=SUM(A1:A9)" in csv_text and "R1,Adopt a data protection law" in csv_text
    assert "<script>" not in report and "&lt;script&gt;" in report
    # R1 under Rights and Accessibility, R2 under Openness, both in the recommendations section
    chapters = re.split(r'<h2 class="pagebreak" id="', report)
    by_id = {c.split('"', 1)[0]: c for c in chapters[1:]}
    assert "Recommendations on Rights" in by_id["cat-R"] and ">R1<" in by_id["cat-R"]
    assert ">R1<" in by_id["cat-A"] and ">R2<" not in by_id["cat-A"]
    assert ">R2<" in by_id["cat-O"] and "Recommendations on" not in by_id["cat-M"]
    section = report.split('id="recommendations"')[1].split("Annex A")[0]
    assert "2 recommendation(s)" in section and ">R1<" in section and ">R2<" in section
    assert "In progress" in section and "Bill tabled" in section


def test_without_recommendations_nothing_changes(aurelia) -> None:  # type: ignore[no-untyped-def]
    admin = SecureStore(aurelia, LOCAL_ADMIN)
    assert "Recommendations" not in workbook_content(admin.results_workbook("XA", draws=0))
    with zipfile.ZipFile(io.BytesIO(admin.submission_package("XA", draws=0))) as archive:
        assert not [n for n in archive.namelist() if n.endswith("recommendations.csv")]
        report = archive.read("XA_2025_submission/report/XA_2025_draft_report.html").decode()
    assert "To be written by the research team with the MAB" in report
