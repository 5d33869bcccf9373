"""The catalogue spreadsheet: exact round trip, and located refusals that write nothing."""

import io
import zipfile

import openpyxl
import pytest

from roam.framework import load_framework
from roam.framework.spreadsheet import CatalogueImportError, export_catalogue, import_catalogue
from tests.framework.catalogue_sheets import new_framework_workbook, to_bytes

FW = load_framework("2018")


@pytest.fixture(scope="module")
def exported() -> bytes:
    return export_catalogue(FW)


def test_export_has_one_row_per_indicator_and_every_sheet(exported):
    wb = openpyxl.load_workbook(io.BytesIO(exported))
    assert wb.sheetnames == [
        "Instructions", "About", "Categories", "Indicators", "Contextual", "Scales", "Counts",
    ]  # fmt: skip
    assert wb["Indicators"].max_row - 1 == 303 - 21
    assert wb["Contextual"].max_row - 1 == 21
    headers = [c.value for c in wb["Indicators"][1]]
    first = next(wb["Indicators"].iter_rows(min_row=2, values_only=True))
    row = dict(zip(headers, first, strict=True))
    assert row["Indicator ID"] == "R.A.1.1" and row["Question ID"] == "R.A.1"
    assert (
        row["Question provenance"] == "confirmed"
        and "wiegehtsdeminternet" in row["Question source"]
    )
    counts = [r for r in wb["Counts"].iter_rows(min_row=2, values_only=True)]
    assert counts[0] == ("total", 25, 124, 303, 109)


def test_round_trip_reproduces_the_catalogue(exported, tmp_path):
    folder = import_catalogue(exported, "copy", root=tmp_path)
    copy = load_framework("copy", root=tmp_path)
    assert folder == tmp_path / "copy"
    assert copy.category_checksum == FW.category_checksum
    assert copy.scales == FW.scales
    assert copy.manifest.expected_counts == FW.manifest.expected_counts  # 303/109/124/25 kept
    assert copy.counts()["totals"] == FW.counts()["totals"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy"]  # no staging folder left


def _broken(exported: bytes, change) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(exported))
    change(wb)
    return to_bytes(wb)


def _set(sheet: str, cell: str, value):
    def change(wb):
        wb[sheet][cell] = value

    return change


def _drop_indicators_of(question: str):
    def change(wb):
        ws = wb["Indicators"]
        rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 4).value == question]
        for r in rows[1:]:
            for c in range(1, ws.max_column + 1):
                ws.cell(r, c).value = None
        for c in range(8, ws.max_column + 1):  # indicator columns of the first row
            ws.cell(rows[0], c).value = None

    return change


# Indicators columns: A category, B theme id, ... H indicator id, I text, J core, K kind, L scale
IND = "Indicators row 2, column"
BROKEN = [
    (_set("Indicators", "L2", "thumbs_up"), f"{IND} L (Scale): unknown scale 'thumbs_up'"),
    (
        _set("Indicators", "H3", "R.A.1.1"),
        "Indicators row 3, column H (Indicator ID): R.A.1.1 is also on row 2",
    ),
    (_set("Indicators", "J2", "maybe"), f"{IND} J (Core): 'maybe' is not Yes or No"),
    (_set("Indicators", "K2", "opinion"), f"{IND} K (Kind): Input should be"),
    (_set("Indicators", "F2", "confirmed"), None),  # R.A.1 is confirmed already: no problem
    (
        _set("Indicators", "G2", None),
        f"{IND} F (Question provenance): a confirmed item needs a source",
    ),
    (
        _set("Indicators", "G3", "elsewhere"),
        "Indicators row 3, column G (Question source): differs from row 2",
    ),
    (_set("Indicators", "T2", "confirmed"), f"{IND} T (Provenance): a confirmed item needs"),
    (_set("Indicators", "D2", "R.B.1"), f"{IND} D (Question ID): R.B.1 is not in theme R.A"),
    (_set("Indicators", "O2", "=1+1"), f"{IND} O (Goalpost low): is a formula"),
    (_set("Scales", "G2", "Perhaps"), None),
    (_set("Scales", "H2", "lots"), "Scales row 2, column H (Level points): 'lots' is not a"),
    (
        _set("Scales", "I3", None),
        "Scales row 3, column I (Level descriptor): scale 'yes_partly_no': is required",
    ),
    (
        _set("Counts", "D2", 302),
        "Counts row 2, column D (Indicators): expected 302, the sheets hold 303",
    ),
    (
        _set("Categories", "A2", "Q7"),
        "Categories row 2, column A (Code): 'Q7' is not a capital letter",
    ),
    (_set("Categories", "E2", "leader"), "Categories row 2, column E (Role): must be one of index"),
    (_drop_indicators_of("R.A.2"), "question R.A.2 has no indicator"),
    (lambda wb: wb.remove(wb["Scales"]), "Scales: sheet is missing"),
]


@pytest.mark.parametrize(("change", "message"), BROKEN)
def test_broken_spreadsheet_is_refused_by_row_and_column_and_writes_nothing(
    exported, tmp_path, change, message
):
    data = _broken(exported, change)
    if message is None:  # harmless edits import fine
        import_catalogue(data, "edited", root=tmp_path)
        return
    with pytest.raises(CatalogueImportError) as caught:
        import_catalogue(data, "broken", root=tmp_path)
    assert any(
        str(issue).startswith(message) or message in str(issue) for issue in caught.value.issues
    ), [str(i) for i in caught.value.issues]
    assert list(tmp_path.iterdir()) == []  # no folder, no staging left behind


def test_every_problem_is_reported_at_once(exported, tmp_path):
    def change(wb):
        wb["Indicators"]["L2"] = "thumbs_up"
        wb["Indicators"]["J5"] = "sometimes"
        wb["Scales"]["B2"] = "dropdown"

    with pytest.raises(CatalogueImportError) as caught:
        import_catalogue(_broken(exported, change), "broken", root=tmp_path)
    where = {(i.sheet, i.row, i.column) for i in caught.value.issues}
    assert {("Indicators", 2, "Scale"), ("Indicators", 5, "Core"), ("Scales", 2, "Type")} <= where


def test_existing_name_and_unusable_name_are_refused(exported, tmp_path):
    (tmp_path / "2018").mkdir()
    with pytest.raises(CatalogueImportError, match="already exists"):
        import_catalogue(exported, "2018", root=tmp_path)
    with pytest.raises(CatalogueImportError, match="not a usable folder name"):
        import_catalogue(exported, "../elsewhere", root=tmp_path)
    with pytest.raises(CatalogueImportError, match="not an Excel workbook"):
        import_catalogue(b"plain text", "text", root=tmp_path)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (250 * 1024 * 1024))
    with pytest.raises(CatalogueImportError, match="unpacks to more than 200 MB"):
        import_catalogue(bomb.getvalue(), "bomb", root=tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["2018"]


def test_differently_shaped_framework_imports_with_its_own_counts(tmp_path):
    import_catalogue(to_bytes(new_framework_workbook()), "2.0", root=tmp_path)
    fw = load_framework("2.0", root=tmp_path)
    assert fw.counts()["totals"] == {
        "themes": 6, "questions": 6, "indicators": 10, "core": 6,
        "confirmed_questions": 0, "confirmed_indicators": 0,
    }  # fmt: skip
    assert (
        fw.themes["X.F"] == ("X", "Environment")
        and fw.themes["X.G"][1] == "Artificial intelligence"
    )
    assert fw.manifest.expected_counts.indicators == 10  # its own published counts, from its sheet
    assert (tmp_path / "2.0" / "scoring.yaml").is_file() and (
        tmp_path / "2.0" / "weights.yaml"
    ).is_file()
