"""Sniffing: what a file is, and what an opened package tells before any parser runs."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from roam.errors import ValidationReport
from roam.questionnaire.sniff import Shape, open_package
from roam.questionnaire.vocab import vocabulary
from tests.helpers import edit_xlsx
from tests.questionnaire.test_hostile import linked_workbook

REPO = Path(__file__).resolve().parents[2]
SHAPE = Shape(rows=503, columns=60)


@pytest.fixture(scope="module")
def sample() -> bytes:
    return (REPO / "sample_data" / "XC_Calvaria_core.xlsx").read_bytes()


def sniff(data: bytes):
    report = ValidationReport()
    return open_package(data, vocabulary().limits, report, ["R"], SHAPE), report


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"Indicator ID;Answer\nR.A.1.1;Oui\xe9\n", "not_xlsx_csv"),  # latin-1 CSV
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_xlsx_other"),
        (bytes(range(1, 9)) * 500, "not_xlsx_other"),  # binary without NUL bytes
        (b"%PDF-1.7\nstuff", "not_xlsx_pdf"),
    ],
)
def test_what_a_non_workbook_is_called(data, code):
    package, report = sniff(data)
    assert package is None and [i.code for i in report.issues] == [code]


def test_package_knows_sheet_states_links_and_formulas(sample):
    def change(wb):
        wb["R"]["M3"] = "=1+1"  # openpyxl stores no calculated value
        wb["O"].sheet_state = "hidden"

    package, report = sniff(linked_workbook(edit_xlsx(sample, change)))
    assert report.issues == []
    assert package.sheet_states["O"] == "hidden" and package.sheet_states["R"] == "visible"
    assert package.sheet_states["_roam"] == "hidden"
    assert package.external_links == ["file:///\\\\host\\share\\book.xlsx"]
    assert package.formulas_without_value("R") == {"M3": "=1+1"}
    assert package.dde_formulas() == [("R", "N2", "=cmd|' /c calc'!A0")]
    assert set(package.scans) == set(openpyxl.load_workbook(io.BytesIO(sample)).sheetnames)
    assert list(package.parts) == ["xl/worksheets/sheet3.xml"]  # only the sheets asked for
