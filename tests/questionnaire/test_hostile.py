"""Hostile and careless workbooks, built byte by byte: each is refused plainly, where it is wrong.

Every file here once crashed, froze or misled roam (issue 11): a cell at XFD1048576, an unclosed
<c> repeated, a million rows, 1e309, a year of 1e19, a control character, a DOCTYPE, a value of
100,000 characters, a copied or very hidden sheet, links to other files and programs.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from roam.cli import app
from roam.errors import MAX_ISSUES
from roam.questionnaire import check_questionnaire
from tests.helpers import before_end_of_sheet_data, edit_xlsx, issues_of, patch_parts

REPO = Path(__file__).resolve().parents[2]
SHEET_R = "xl/worksheets/sheet3.xml"  # the R sheet of the core sample
SHEET_CONTEXTUAL = "xl/worksheets/sheet8.xml"
runner = CliRunner()


@pytest.fixture(scope="module")
def sample() -> bytes:
    return (REPO / "sample_data" / "XC_Calvaria_core.xlsx").read_bytes()


def refused(data: bytes) -> list[tuple[str, str | None, str | None]]:
    assessment, report = check_questionnaire(data)
    assert assessment is None and not report.valid
    return issues_of(report)


def cli_validate(tmp_path: Path, data: bytes, *args: str):
    path = tmp_path / "upload.xlsx"
    path.write_bytes(data)
    result = runner.invoke(app, ["validate", str(path), *args])
    assert "Traceback" not in result.output
    return result


# ----------------------------------------------------------------- 1. the half-terabyte cell


def xfd_workbook(sample: bytes) -> bytes:
    cell = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return patch_parts(sample, {SHEET_R: before_end_of_sheet_data(cell)})


def test_cell_at_xfd1048576_is_refused_before_any_parser_allocates(sample, tmp_path):
    data = xfd_workbook(sample)
    assert len(data) < 60_000
    assert refused(data) == [("sheet_out_of_shape", "R!XFD1048576", None)]
    _, report = check_questionnaire(data)
    assert report.issues[0].message == (
        "The sheet 'R' has content in cell XFD1048576, beyond the 503 rows and 60 columns a "
        "questionnaire can use; the file was refused as unsafe."
    )
    result = cli_validate(tmp_path, data)
    assert result.exit_code == 1
    assert "ERROR R!XFD1048576: The sheet 'R' has content in cell XFD1048576" in result.output


def test_cells_without_references_count_their_columns(sample):
    # 100 cells in one row with no `r`: the reader places them in columns A, B, ... CV
    row = b'<row r="30">' + b"<c><v>1</v></c>" * 100 + b"</row>"
    data = patch_parts(sample, {SHEET_R: before_end_of_sheet_data(row)})
    assert refused(data) == [("sheet_out_of_shape", "R!BI30", None)]  # column 61 of 60


def test_unreadable_cell_reference_is_refused(sample):
    cell = b'<row r="30"><c r="A1B2"><v>1</v></c></row>'
    data = patch_parts(sample, {SHEET_R: before_end_of_sheet_data(cell)})
    assert refused(data) == [("sheet_out_of_shape", "R!A1B2", None)]


def test_duplicate_reference_attribute_is_refused_not_followed(sample):
    # a reader that takes the last `r` would allocate to XFD100000; XML forbids the duplicate
    cell = b'<row r="30"><c r="A30" r = "XFD100000" t="inlineStr"><is><t>x</t></is></c></row>'
    data = patch_parts(sample, {SHEET_R: before_end_of_sheet_data(cell)})
    codes = refused(data)
    assert codes == [("corrupt", None, None)]


# ------------------------------------------------------------- 2. the quadratic unclosed <c>


def test_unclosed_cells_repeated_are_refused_in_linear_time(sample):
    data = patch_parts(sample, {SHEET_R: before_end_of_sheet_data(b"<c>" * 200_000)})
    assert len(data) < 70_000
    start = time.perf_counter()
    assert refused(data) == [("corrupt", None, None)]
    elapsed = time.perf_counter() - start
    _, report = check_questionnaire(data)
    assert "sheet 'R' is not well-formed XML" in report.issues[0].message
    # 20,000 repeats took 33 s with the old pattern; 200,000 now take well under a second.
    # (A guard against a return of quadratic work, not a performance measurement.)
    assert elapsed < 10


# ------------------------------------------------------------------ 5. a million answer rows


def test_a_million_answer_rows_are_capped_by_the_catalogue_shape(sample):
    rows = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>R.A.1.1</t></is></c></row>' % (i, i)
        for i in range(30, 1_000_030)
    )
    data = patch_parts(sample, {SHEET_R: before_end_of_sheet_data(rows)})
    assert refused(data) == [("sheet_out_of_shape", "R!A504", None)]  # 303 indicators + 200


def test_issues_stop_after_the_limit_with_a_count_of_the_rest(sample):
    def many_unknown(wb):
        ws = wb["R"]
        for i in range(300):
            ws.append([f"R.Z.9.{i}", None, None, None, None, "Yes"])

    assessment, report = check_questionnaire(edit_xlsx(sample, many_unknown))
    assert assessment is not None and not report.valid
    assert len(report.issues) == MAX_ISSUES + 1
    last = report.issues[-1]
    assert last.code == "more_issues" and last.severity == "error"
    listed = sum(1 for i in report.issues[:-1] if i.code == "unknown_indicator")
    assert last.message == (
        f"... and {300 - listed:,} more problems that are not listed ({300 - listed:,} of them "
        f"errors); fix the first {MAX_ISSUES} and check the file again."
    )


# ----------------------------------------------------------------- 6. numbers that are not


def test_infinite_number_in_a_cell_is_refused_at_the_cell(sample):
    # C.1 (a number with no maximum) sits on Contextual!G2 with the value 2712.3
    data = patch_parts(
        sample, {SHEET_CONTEXTUAL: lambda x: x.replace(b"<v>2712.3</v>", b"<v>1e309</v>", 1)}
    )
    assessment, report = check_questionnaire(data)
    assert assessment is not None and not report.valid
    assert [(i.code, f"{i.sheet}!{i.cell}", i.indicator) for i in report.errors] == [
        ("not_a_number", "Contextual!G2", "C.1")
    ]


def test_infinite_number_typed_as_text_is_refused_at_the_cell(sample):
    data = edit_xlsx(sample, lambda wb: wb["Contextual"].__setitem__("G2", "1e400"))
    _, report = check_questionnaire(data)
    assert [(i.code, i.cell, i.value) for i in report.errors] == [("not_a_number", "G2", "1e400")]


def test_data_year_of_1e19_is_not_a_year(sample, tmp_path):
    data = edit_xlsx(sample, lambda wb: wb["Contextual"].__setitem__("I2", 1e19))
    _, report = check_questionnaire(data)
    assert [(i.code, f"{i.sheet}!{i.cell}") for i in report.errors] == [
        ("old_year", "Contextual!I2")
    ]
    assert cli_validate(tmp_path, data).exit_code == 1


# ----------------------------------------------------------- 10. control characters, DOCTYPE


def test_control_character_is_shown_safely_and_annotation_still_works(sample, tmp_path):
    marked = edit_xlsx(sample, lambda wb: wb["R"].__setitem__("F2", "MARKER"))
    data = patch_parts(marked, {SHEET_R: lambda x: x.replace(b">MARKER<", b">bad_x0001_answer<")})
    _, report = check_questionnaire(data)
    assert [(i.code, i.cell) for i in report.errors] == [("answer_not_on_scale", "F2")]
    assert report.errors[0].value == "bad\ufffdanswer"
    out = tmp_path / "checked.xlsx"
    result = cli_validate(tmp_path, data, "--annotate", str(out))
    assert result.exit_code == 1
    wb = openpyxl.load_workbook(out)
    assert wb["R"]["F2"].comment.text.startswith("ERROR: 'bad\ufffdanswer' is not an answer")


DOCTYPE = b'<!DOCTYPE sst [<!ENTITY e "entity">]>'


def test_doctype_in_shared_strings_gives_a_plain_message(sample, tmp_path):
    data = patch_parts(
        sample,
        {"xl/sharedStrings.xml": lambda x: x.replace(b"?>\n", b"?>\n" + DOCTYPE, 1)},
    )
    assert refused(data) == [("doctype", None, None)]
    out = tmp_path / "checked.xlsx"
    result = cli_validate(tmp_path, data, "--annotate", str(out))
    assert result.exit_code == 1
    assert (
        "ERROR file: The part xl/sharedStrings.xml of the workbook declares a document type "
        "(DOCTYPE); spreadsheet programs never write one, so the file was refused as unsafe."
    ) in result.output
    assert "CalamineError" not in result.output and not out.exists()


def test_doctype_hidden_behind_a_long_comment_is_refused(sample):
    padding = b"<!--" + b"x" * 10_000 + b"-->"
    data = patch_parts(
        sample, {SHEET_R: lambda x: x.replace(b"?>\n", b"?>\n" + padding + DOCTYPE, 1)}
    )
    assert refused(data) == [("doctype", None, None)]


# ------------------------------------------------------------------------- 13. messages


def test_a_pdf_is_called_a_pdf(tmp_path):
    pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n%%EOF\n"
    assert refused(pdf) == [("not_xlsx_pdf", None, None)]
    result = cli_validate(tmp_path, pdf)
    assert "This is a PDF document, not a spreadsheet." in result.output


def test_a_100000_character_value_is_cut_in_messages(sample):
    marked = edit_xlsx(sample, lambda wb: wb["R"].__setitem__("F2", "MARKER"))
    long = b">" + b"y" * 100_000 + b"<"  # past Excel's own cell limit: only a program writes it
    data = patch_parts(marked, {SHEET_R: lambda x: x.replace(b">MARKER<", long)})
    _, report = check_questionnaire(data)
    issue = report.errors[0]
    assert (issue.code, issue.cell) == ("answer_not_on_scale", "F2")
    assert issue.value == "y" * 59 + "\u2026 (100,000 characters)"
    assert len(issue.message) < 400
    assert issue.message.startswith(f"'{'y' * 59}\u2026 (100,000 characters)' is not an answer")


@pytest.mark.parametrize("copy_name", ["R (2)", "R_2", "Copy of R"])
def test_a_copied_category_sheet_is_flagged(sample, copy_name):
    def copy(wb):
        wb.copy_worksheet(wb["R"]).title = copy_name

    assessment, report = check_questionnaire(edit_xlsx(sample, copy))
    assert assessment is not None and report.valid  # a warning: the R sheet itself is read
    found = [i for i in report.issues if i.code == "copied_sheet"]
    assert [(i.sheet, i.severity) for i in found] == [(copy_name, "warning")]
    assert found[0].message == (
        f"The sheet '{copy_name}' looks like a copy of 'R'; roam reads only 'R', so nothing typed "
        f"on '{copy_name}' is used."
    )


def test_a_very_hidden_category_sheet_is_refused(sample):
    data = edit_xlsx(sample, lambda wb: setattr(wb["R"], "sheet_state", "veryHidden"))
    _, report = check_questionnaire(data)
    assert [(i.code, i.sheet) for i in report.errors] == [("sheet_hidden", "R")]
    assert report.errors[0].message.startswith(
        "The sheet 'R' is hidden (very hidden, which only a macro or a program can do)"
    )


def test_an_extra_very_hidden_sheet_is_flagged(sample):
    def hide(wb):
        wb.create_sheet("notes").sheet_state = "veryHidden"

    assessment, report = check_questionnaire(edit_xlsx(sample, hide))
    assert assessment is not None and report.valid
    assert [(i.code, i.sheet) for i in report.warnings if i.code != "missing_indicator"] == [
        ("sheet_very_hidden", "notes")
    ]


# ----------------------------------------------------------------- 11. links out of the file

EXTERNAL_TARGET = "file:///\\\\host\\share\\book.xlsx"


def linked_workbook(sample: bytes) -> bytes:
    """The sample with an external workbook link (used by R!M2) and a DDE formula in R!N2,
    both with cached values, as Excel saves them."""
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel_ns = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    link = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink '
        + ns
        + b" "
        + rel_ns
        + b'><externalBook r:id="rId1"><sheetNames><sheetName val="Data"/></sheetNames>'
        b"</externalBook></externalLink>"
    )
    link_rels = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
        b'"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'externalLinkPath" Target="' + EXTERNAL_TARGET.encode() + b'" TargetMode="External"/>'
        b"</Relationships>"
    )
    cells = (
        b'<c r="M2" t="str"><f>[1]Data!A1</f><v>From the statistics office</v></c>'
        b"<c r=\"N2\"><f>cmd|' /c calc'!A0</f><v>0</v></c>"
    )

    def add_cells(xml: bytes) -> bytes:
        start = xml.find(b'<row r="2"')
        end = xml.find(b"</row>", start)
        return xml[:end] + cells + xml[end:]

    return patch_parts(
        sample,
        {
            SHEET_R: add_cells,
            "xl/externalLinks/externalLink1.xml": link,
            "xl/externalLinks/_rels/externalLink1.xml.rels": link_rels,
            "xl/workbook.xml": lambda x: x.replace(
                b"</sheets>",
                b"</sheets><externalReferences><externalReference xmlns:r="
                b'"http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
                b'r:id="rId99"/></externalReferences>',  # prefix declared here: some writers
                # (openpyxl with lxml) declare it on each sheet element, not the root
                1,
            ),
            "xl/_rels/workbook.xml.rels": lambda x: x.replace(
                b"</Relationships>",
                b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/externalLink" '
                b'Target="externalLinks/externalLink1.xml"/></Relationships>',
                1,
            ),
            "[Content_Types].xml": lambda x: x.replace(
                b"</Types>",
                b'<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType='
                b'"application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"'
                b"/></Types>",
                1,
            ),
        },
    )


def test_external_links_and_dde_formulas_are_warned_about(sample):
    data = linked_workbook(sample)
    openpyxl.load_workbook(io.BytesIO(data))  # a workbook a spreadsheet program opens
    assessment, report = check_questionnaire(data)
    assert assessment is not None and report.valid  # warnings: the values are usable
    found = [
        (i.code, i.sheet, i.cell, i.severity)
        for i in report.issues
        if i.code in ("external_link", "dde_formula")
    ]
    assert found == [
        ("external_link", None, None, "warning"),  # the file first, then sheets in order
        ("dde_formula", "R", "N2", "warning"),
    ]
    link = next(i for i in report.issues if i.code == "external_link")
    assert link.message.startswith(f"The workbook links to another file ({EXTERNAL_TARGET});")
    dde = next(i for i in report.issues if i.code == "dde_formula")
    assert "(=cmd|' /c calc'!A0)" in dde.message


def test_a_zip_of_thousands_of_parts_is_refused_before_they_are_opened(sample):
    data = patch_parts(sample, {f"xl/media/pad{i}.xml": b"<a/>" for i in range(3000)})
    assert refused(data) == [("corrupt", None, None)]
    _, report = check_questionnaire(data)
    parts = len(zipfile.ZipFile(io.BytesIO(data)).namelist())  # the sample's parts + 3000
    assert f"{parts:,} parts inside, far more than a workbook has" in report.issues[0].message
