"""Templates out, filled workbooks in: structure, round trip, forgiving reading, exact refusals."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from roam.cli import app
from roam.framework import load_framework
from roam.framework.catalogue import ChoiceScale, NumericScale
from roam.questionnaire import (
    AssessmentMeta,
    QuestionnaireError,
    check_questionnaire,
    read_questionnaire,
    write_questionnaire,
)
from roam.questionnaire.template import blank_templates
from tests.helpers import edit_xlsx, issues_of, row_of, workbook_content

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "sample_data").glob("X*.xlsx"))
FILES = REPO / "tests" / "fixtures" / "files"
runner = CliRunner()
FW = load_framework("2018")
# a core Rights indicator answered Yes / Partly / No (present in core and full workbooks)
YES_NO = next(
    e.id
    for e in FW.entries_for("core")
    if e.category == "R" and e.indicator.scale == "yes_partly_no"
)


def meta(indicator_set: str = "full", **kw) -> AssessmentMeta:
    values = dict(
        country="Atlantis",
        iso_code="XZ",
        year=2025,
        framework="2018",
        indicator_set=indicator_set,
        lead_institution="Atlantis Digital Lab",
        contact="lab@atlantis.example",
        fictional=True,
    )
    return AssessmentMeta(**(values | kw))


@pytest.fixture(scope="module")
def core_sample() -> bytes:
    return (REPO / "sample_data" / "XC_Calvaria_core.xlsx").read_bytes()


# --------------------------------------------------------------------------------- templates


def test_template_has_every_sheet_header_and_protection(tmp_path):
    out = tmp_path / "ke.xlsx"
    result = runner.invoke(app, ["template", "--country", "Kenya", "--set", "full", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Kenya (KE), full set, 303 indicators" in result.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:9] == [
        "Instructions",
        "Assessment",
        "R",
        "O",
        "A",
        "M",
        "X",
        "Contextual",
        "MAB",
    ]
    assert wb["Lists"].sheet_state == "hidden" and wb["_roam"].sheet_state == "hidden"
    r = wb["R"]
    headers = [c.value for c in r[1]]
    assert headers == [
        "Indicator ID",
        "Question",
        "Indicator",
        "Core",
        "Scale",
        "Answer",
        "Value",
        "Unit",
        "Data year",
        "Data status",
        "Source",
        "Evidence",
        "Wording",
    ]
    assert r.freeze_panes == "B2"
    assert r.protection.sheet is True
    assert r["A2"].protection.locked is True and r["C2"].protection.locked is True
    for col in "FGIJKL":
        assert r[f"{col}2"].protection.locked is False, col
    rows = sum(wb[s].max_row - 1 for s in ["R", "O", "A", "M", "X", "Contextual"])
    assert rows == 303
    sources = {dv.formula1 for dv in r.data_validations.dataValidation if dv.type == "list"}
    assert any("'Lists'!" in s for s in sources), "dropdowns read their lists from the hidden sheet"
    assessment = {row[0].value: row[1].value for row in wb["Assessment"].iter_rows(min_row=2)}
    assert assessment["ISO code"] == "KE" and assessment["Framework version"] == "2018"
    assert assessment["Fictional data"] == "No"
    meta_sheet = {row[0].value: row[1].value for row in wb["_roam"].iter_rows()}
    assert meta_sheet["framework_version"] == "2018"
    assert meta_sheet["catalogue_checksum"] == FW.checksum
    mab_headers = [c.value for c in wb["MAB"][1]]
    assert mab_headers == ["Name", "Organisation", "Stakeholder group", "Gender", "Role"]


def test_template_answer_dropdown_matches_each_scale(tmp_path):
    data = write_questionnaire(FW, meta("core"))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    lists = wb["Lists"]
    columns = {lists.cell(1, c).value: c for c in range(1, lists.max_column + 1)}
    r = wb["R"]
    by_cell = {}
    for dv in r.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            by_cell[rng.coord] = dv
    first_core = next(e.id for e in FW.entries_for("core") if e.category == "R")
    row = row_of(r, first_core)
    scale = FW.scale_of(first_core)
    dv = by_cell[f"F{row}"]
    col = columns[f"scale_{scale.id}"]
    letter = openpyxl.utils.get_column_letter(col)
    assert dv.formula1 == f"'Lists'!${letter}$2:${letter}${len(scale.labels) + 1}"
    assert [lists.cell(i + 2, col).value for i in range(len(scale.labels))] == scale.labels


def test_template_core_set_and_xa_codes(tmp_path):
    out = tmp_path / "xa.xlsx"
    result = runner.invoke(
        app, ["template", "--country", "XA", "--name", "Aurelia", "--set", "core", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "130 indicators" in result.output  # 109 core + 21 contextual
    a, _ = check_questionnaire(out)
    assert a.meta.iso_code == "XA" and a.meta.fictional is True and a.meta.country == "Aurelia"
    assert len(a.responses) == 130 and set(a.responses.status) == {"unanswered"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--country", "Narnia"], "'Narnia' is not an ISO 3166 country code or name"),
        (["--country", "KE", "--set", "half"], "--set must be core or full, not 'half'"),
        (["--country", "KE", "--framework", "1999"], "unknown framework version '1999'"),
    ],
)
def test_template_refuses_bad_options(tmp_path, args, message):
    result = runner.invoke(app, ["template", *args, "-o", str(tmp_path / "t.xlsx")])
    assert result.exit_code == 1
    assert message in result.output
    assert not (tmp_path / "t.xlsx").exists()


def test_blank_templates_in_repo_are_current():
    for name, data in blank_templates(FW).items():
        committed = REPO / "questionnaires" / name
        assert committed.exists(), f"questionnaires/{name} is missing"
        assert workbook_content(committed.read_bytes()) == workbook_content(data), (
            f"questionnaires/{name} is stale: regenerate with write_blank_templates"
        )


# --------------------------------------------------------------------------------- round trip


def _filled_responses(seed: int, indicator_set: str = "full") -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    statuses = ["available"] * 6 + ["not_available", "not_applicable", "unanswered"]
    for entry in FW.entries_for(indicator_set):
        scale = FW.scales[entry.indicator.scale]
        status = statuses[int(rng.integers(len(statuses)))]
        answer = value = None
        if status == "available":
            if isinstance(scale, ChoiceScale):
                answer = scale.labels[int(rng.integers(len(scale.labels)))]
            elif isinstance(scale, NumericScale):
                top = scale.maximum if scale.maximum is not None else 5000
                value = round(float(rng.uniform(1, top)), 3)
            else:
                answer = f'Free text for {entry.id}: ünïcödé, quotes "ok", =not a formula'
        rows.append(
            {
                "indicator_id": entry.id,
                "answer": answer,
                "value": value,
                "data_year": None if status == "unanswered" else int(rng.integers(2015, 2026)),
                "status": status,
                "source": None if status == "unanswered" else f"Source {entry.id}",
                "evidence": None if status == "unanswered" else f"+Evidence for {entry.id}",
            }
        )
    return pd.DataFrame(rows)


def test_round_trip_preserves_every_value():
    responses = _filled_responses(7)
    mab = pd.DataFrame(
        [
            {
                "name": "Ana Ruiz",
                "organisation": "Ministry",
                "group": "Government",
                "gender": "Woman",
                "role": "Chair",
            },
            {
                "name": "=cmd",
                "organisation": "@SUM(A1)",
                "group": "Civil society",
                "gender": "Man",
                "role": "-1+1",
            },
        ]
    )
    data = write_questionnaire(FW, meta(), responses, mab)
    a = read_questionnaire(data)
    assert a.meta == meta()
    got = a.responses.set_index("indicator_id")
    assert len(got) == 303
    for row in responses.to_dict("records"):
        g = got.loc[row["indicator_id"]]
        assert g["status"] == row["status"], row["indicator_id"]
        if row["status"] != "available":
            assert pd.isna(g["answer"]) and pd.isna(g["value"])
            continue
        if pd.isna(row["answer"]):
            assert pd.isna(g["answer"])
        else:
            assert g["answer"] == row["answer"]
        if pd.isna(row["value"]):
            assert pd.isna(g["value"])
        else:
            assert g["value"] == pytest.approx(row["value"])
        assert g["data_year"] == row["data_year"]
        assert g["source"] == row["source"] and g["evidence"] == row["evidence"]
    assert a.mab.to_dict("records") == mab.to_dict("records")
    assert not a.report.errors


def test_samples_are_current_and_valid():
    from sample_data.generate import generate

    generated = generate()
    assert len(generated) >= 8
    for path, data in generated.items():
        assert path.exists(), path.name
        assert workbook_content(path.read_bytes()) == workbook_content(data), f"{path.name} stale"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_validates_with_exit_0(path):
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    a = read_questionnaire(path)
    assert a.meta.fictional is True and a.meta.iso_code.startswith("X")
    assert len(a.mab) >= 5


def test_samples_cover_profiles_sets_and_gaps():
    assessments = [read_questionnaire(p) for p in SAMPLES]
    codes = [a.meta.iso_code for a in assessments]
    assert codes == ["XA", "XB", "XC", "XD", "XE", "XF", "XG", "XH"]
    assert sum(a.meta.indicator_set == "core" for a in assessments) >= 2
    for a in assessments:
        statuses = set(a.responses.status)
        assert {"available", "not_available", "not_applicable"} <= statuses, a.meta.iso_code
        available = a.responses[a.responses.status == "available"]
        assert available["evidence"].isna().any(), "some evidence is left empty"


# --------------------------------------------------------------------- forgiving what people do


def test_accepts_case_spaces_levels_text_numbers_and_percent_forms(core_sample):
    def change(wb):
        r, a = wb["R"], wb["A"]
        r[f"F{row_of(r, YES_NO)}"] = "  pARTLY "
        r[f"J{row_of(r, YES_NO)}"] = " available"
        rubric_row = next(
            row for row in range(2, r.max_row + 1) if r.cell(row, 5).value.startswith("Evidence")
        )
        r.cell(rubric_row, 6).value = "3"
        r.cell(rubric_row, 10).value = "AVAILABLE"
        pct_rows = [row for row in range(2, a.max_row + 1) if a.cell(row, 5).value == "Percentage"][
            :5
        ]
        for row, typed in zip(pct_rows, [45, "45%", "45 %", 0.45, "12,5"], strict=True):
            a.cell(row, 7).value = typed
            a.cell(row, 10).value = "Available"
        a.cell(pct_rows[0], 9).value = "2023"  # number stored as text
        wb.test_rows = (rubric_row, pct_rows)

    holder = {}

    def change_and_keep(wb):
        change(wb)
        holder["rows"] = wb.test_rows

    data = edit_xlsx(core_sample, change_and_keep)
    a, report = check_questionnaire(data)
    assert report.valid, [str(i) for i in report.errors]
    got = a.responses.set_index("indicator_id")
    assert got.loc[YES_NO, "answer"] == "Partly"
    rubric_row, pct_rows = holder["rows"]
    wb = openpyxl.load_workbook(io.BytesIO(data))
    rubric_id = wb["R"].cell(rubric_row, 1).value
    assert got.loc[rubric_id, "answer"] == "3 - Substantial"
    pct_ids = [wb["A"].cell(r, 1).value for r in pct_rows]
    assert [got.loc[i, "value"] for i in pct_ids] == [45, 45, 45, 45, 12.5]
    assert got.loc[pct_ids[0], "data_year"] == 2023
    warnings = [(i.code, i.cell) for i in report.warnings]
    assert ("percentage_as_fraction", f"G{pct_rows[3]}") in warnings
    fraction = next(i for i in report.warnings if i.code == "percentage_as_fraction")
    assert fraction.message == "0.45 was read as 45% (a fraction of 1); write 45 if that is right."


def test_accepts_moved_and_added_columns_reordered_rows_and_blank_trailing_rows(core_sample):
    original = read_questionnaire(core_sample)

    def change(wb):
        for name in ("R", "O", "A", "M", "X", "Contextual"):
            ws = wb[name]
            ws.protection.sheet = False
            ws.insert_cols(2)  # a column of the team's own notes
            ws.cell(1, 2).value = "Team notes"
            ws.cell(2, 2).value = "checked by Ana"
            # move Evidence (now column M) in front of everything else
            ws.insert_cols(1)
            for row in range(1, ws.max_row + 1):
                ws.cell(row, 1).value = ws.cell(row, 14).value
                ws.cell(row, 14).value = None
            # rows in reverse order (like a sort in the spreadsheet program)
            values = [
                [ws.cell(r, c).value for c in range(1, ws.max_column + 1)]
                for r in range(2, ws.max_row + 1)
            ]
            for offset, row_values in enumerate(reversed(values), start=2):
                for c, v in enumerate(row_values, start=1):
                    ws.cell(offset, c).value = v
            for r in range(ws.max_row + 1, ws.max_row + 6):
                ws.cell(r, 3).value = "   "  # blank-looking trailing rows

    a, report = check_questionnaire(edit_xlsx(core_sample, change))
    assert report.valid, [str(i) for i in report.errors]
    cols = ["indicator_id", "answer", "value", "data_year", "status", "source", "evidence"]
    pd.testing.assert_frame_equal(a.responses[cols], original.responses[cols])


def test_reads_workbook_resaved_by_libreoffice():
    # After a catalogue change, re-save the XA sample with LibreOffice (Debian's
    # libreoffice-calc-nogui): soffice --headless --convert-to "xlsx:Calc MS Excel 2007 XML"
    original = read_questionnaire(REPO / "sample_data" / "XA_Aurelia_full.xlsx")
    resaved = read_questionnaire(FILES / "XA_resaved_by_libreoffice.xlsx")
    cols = ["indicator_id", "answer", "value", "data_year", "status", "source", "evidence"]
    pd.testing.assert_frame_equal(resaved.responses[cols], original.responses[cols])
    assert resaved.meta == original.meta
    assert resaved.mab.equals(original.mab)


# ----------------------------------------------------------------------------------- refusals


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (200 * 1024 * 1024))
    return buffer.getvalue()


def _encrypted(data: bytes) -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt("secret", out)
    return out.getvalue()


FILE_REFUSALS = [
    (
        "csv",
        lambda s: b"Indicator ID;Answer\nR.A.1.1;Yes\n",
        "not_xlsx_csv",
        "This looks like a CSV or text file. Upload the questionnaire as an Excel workbook",
    ),
    (
        "xls",
        lambda s: (FILES / "XA_saved_as_xls.xls").read_bytes(),
        "not_xlsx_xls",
        "This is an old-style Excel file (.xls). Open it and save it as an Excel Workbook (.xlsx).",
    ),
    (
        "ods",
        lambda s: (FILES / "XA_saved_as_ods.ods").read_bytes(),
        "not_xlsx_other",
        "This is not an Excel workbook (.xlsx). Upload the questionnaire file roam generated.",
    ),
    (
        "pdf",
        lambda s: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "not_xlsx_pdf",
        "This is a PDF document, not a spreadsheet.",
    ),
    ("empty", lambda s: b"", "file_empty", "The file is empty."),
    (
        "macro",
        lambda s: (REPO / "sample_data/invalid/macro_enabled.xlsm").read_bytes(),
        "macro_enabled",
        "The workbook contains macros.",
    ),
    ("encrypted", _encrypted, "encrypted", "The workbook is password-protected."),
    ("truncated", lambda s: s[: len(s) // 2], "corrupt", "The workbook is damaged"),
    ("zip bomb", lambda s: _zip_bomb(), "zip_bomb", "far more than a questionnaire needs"),
]


@pytest.mark.parametrize(
    ("name", "make", "code", "message"), FILE_REFUSALS, ids=[r[0] for r in FILE_REFUSALS]
)
def test_refuses_unusable_files_with_exit_1(tmp_path, core_sample, name, make, code, message):
    path = tmp_path / "upload.xlsx"
    path.write_bytes(make(core_sample))
    assessment, report = check_questionnaire(path)
    assert assessment is None
    assert [i.code for i in report.issues] == [code]
    assert message in report.issues[0].message
    result = runner.invoke(app, ["validate", str(path), "--json"])
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload["valid"] is False
    assert payload["issues"][0]["message"] == report.issues[0].message
    assert "Traceback" not in result.output
    with pytest.raises(QuestionnaireError) as caught:
        read_questionnaire(path)
    assert caught.value.issues[0].code == code


def test_refuses_files_over_the_size_limit(tmp_path, core_sample):
    path = tmp_path / "big.xlsx"
    path.write_bytes(core_sample)
    result = runner.invoke(app, ["validate", str(path), "--max-mb", "0.01"])
    assert result.exit_code == 1
    assert "The file is 0.0 MB; the limit is 0.01 MB." in result.output
    _, report = check_questionnaire(core_sample, max_file_mb=0.01)
    assert report.issues[0].code == "file_too_large"


def test_refuses_unknown_framework_version(core_sample):
    data = edit_xlsx(core_sample, lambda wb: wb["_roam"].__setitem__("B1", "1999"))
    _, report = check_questionnaire(data)
    assert issues_of(report) == [("unknown_framework", "_roam!B1", None)]
    assert report.issues[0].message == (
        "Framework version '1999' is not known to this roam (known: 2018)."
    )


def test_refuses_workbook_without_metadata(core_sample):
    data = edit_xlsx(core_sample, lambda wb: wb.remove(wb["_roam"]))
    _, report = check_questionnaire(data)
    assert [i.code for i in report.issues] == ["missing_metadata"]


def test_year_in_assessment_sheet_is_checked(core_sample):
    data = edit_xlsx(core_sample, lambda wb: wb["Assessment"].__setitem__("B4", "twenty"))
    _, report = check_questionnaire(data)
    assert issues_of(report) == [("bad_year", "Assessment!B4", None)]


def test_mab_groups_are_checked(core_sample):
    data = edit_xlsx(core_sample, lambda wb: wb["MAB"].__setitem__("C2", "Friends"))
    _, report = check_questionnaire(data)
    assert issues_of(report) == [("bad_mab_group", "MAB!C2", None)]
    assert report.issues[0].message.startswith("'Friends' is not a stakeholder group; expected")


def test_indicator_on_the_wrong_sheet_is_reported(core_sample):
    def change(wb):
        r, o = wb["R"], wb["O"]
        row = row_of(o, "O.A.2.1")
        r.cell(r.max_row + 1, 1).value = "O.A.2.1"
        o.delete_rows(row)

    _, report = check_questionnaire(edit_xlsx(core_sample, change))
    assert [(i.code, i.indicator) for i in report.errors] == [("sheet_wrong_category", "O.A.2.1")]


# ------------------------------------------------------- sample_data/invalid: pinned, one by one


INVALID = REPO / "sample_data" / "invalid"


def test_invalid_typical_mistakes_pinned():
    _, report = check_questionnaire(INVALID / "typical_mistakes.xlsx")
    assert issues_of(report) == [
        ("answer_not_on_scale", "R!F2", "R.A.1.2"),
        ("future_year", "R!I3", "R.B.1.1"),
        ("bad_status", "R!J4", "R.B.2.1"),
        ("unknown_indicator", "R!A5", None),
        ("duplicate_indicator", "R!A6", "R.A.1.2"),
        ("value_out_of_range", "A!G7", "A.B.1.2"),
        ("not_a_number", "A!G8", "A.B.2.1"),
        ("available_without_answer", "A!F13", "A.B.6.1"),
    ]
    messages = [i.message for i in report.errors]
    assert messages == [
        "'Maybe' is not an answer on this indicator's scale; expected one of: 0 - No evidence; "
        "1 - Limited; 2 - Partial; 3 - Substantial; 4 - Full.",
        "Data year 2099 is in the future (this year is "
        f"{__import__('datetime').date.today().year}).",
        "'Done' is not a data status; expected Available, Not available or Not applicable.",
        "'R.Z.9.1' is not an indicator of framework 2018.",
        "Indicator R.A.1.2 appears more than once (also in R!A2).",
        "140 is outside the allowed range 0 to 100 %.",
        "'n/a' is not a number; expected a number in %.",
        "Data status is Available but no Answer was given.",
    ]
    values = [i.value for i in report.errors]
    assert values == ["Maybe", "2099", "Done", "R.Z.9.1", "R.A.1.2", "140", "n/a", ""]
    assert [i.code for i in report.warnings] == ["missing_indicator", "missing_indicator"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("missing_sheet.xlsx", [("missing_sheet", "M", None)]),
        ("formula_without_value.xlsx", [("formula_no_value", "A!G7", "A.B.1.2")]),
        ("other_catalogue.xlsx", [("checksum_mismatch", "_roam!B2", None)]),
        ("unknown_country.xlsx", [("unknown_country", "Assessment!B3", None)]),
        ("exported_as_csv.csv", [("not_xlsx_csv", None, None)]),
        ("macro_enabled.xlsm", [("macro_enabled", None, None)]),
    ],
)
def test_invalid_samples_pinned(name, expected):
    _, report = check_questionnaire(INVALID / name)
    assert issues_of(report) == expected
    result = runner.invoke(app, ["validate", str(INVALID / name)])
    assert result.exit_code == 1


def test_formula_message_names_the_formula():
    _, report = check_questionnaire(INVALID / "formula_without_value.xlsx")
    assert report.issues[0].message.startswith(
        "This cell holds a formula with no calculated value (=40+5)."
    )


def test_validate_json_shape():
    result = runner.invoke(app, ["validate", str(INVALID / "typical_mistakes.xlsx"), "--json"])
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload["valid"] is False
    first = next(i for i in payload["issues"] if i["severity"] == "error")
    assert set(first) >= {"severity", "sheet", "cell", "indicator", "value", "message"}
    assert (first["sheet"], first["cell"], first["indicator"], first["value"]) == (
        "R",
        "F2",
        "R.A.1.2",
        "Maybe",
    )


def test_missing_path_is_named():
    result = runner.invoke(app, ["validate", "no/such/file.xlsx"])
    assert result.exit_code == 1
    assert "There is no file at no/such/file.xlsx." in result.output


def test_annotated_copy_marks_problems_and_validates_once_fixed(tmp_path):
    marked = tmp_path / "checked.xlsx"
    source = INVALID / "typical_mistakes.xlsx"
    result = runner.invoke(app, ["validate", str(source), "--annotate", str(marked)])
    assert result.exit_code == 1
    wb = openpyxl.load_workbook(marked)
    assert wb.sheetnames[0] == "roam issues"
    cell = wb["R"]["F2"]
    assert cell.fill.start_color.rgb == "FFF4C7C3"
    assert cell.comment.text.startswith("ERROR: 'Maybe' is not an answer")
    assert "How to fix: Pick the answer from the cell's dropdown list." in cell.comment.text
    listed = list(wb["roam issues"].iter_rows(min_row=2, values_only=True))
    assert len(listed) == 10 and listed[0][:3] == ("error", "R", "F2")
    # the team fixes the marked cells in the same file and uploads it again
    original = read_questionnaire(REPO / "sample_data" / "XC_Calvaria_core.xlsx")
    r, a = wb["R"], wb["A"]
    fixed = original.responses.set_index("indicator_id")
    r["F2"] = "3 - Substantial"
    r["I3"] = 2024
    r["J4"] = "Available"
    core_r = [e.id for e in FW.entries_for("core") if e.category == "R"]
    r["A5"], r["A6"] = core_r[3], core_r[4]  # the rows the mistakes file broke
    for row in (5, 6):
        ind = r[f"A{row}"].value
        r[f"F{row}"] = fixed.loc[ind, "answer"]
        r[f"J{row}"] = {
            "available": "Available",
            "not_available": "Not available",
            "not_applicable": "Not applicable",
        }.get(fixed.loc[ind, "status"])
    a["G7"], a["G8"] = 40, 55.5
    a["F13"] = "Yes" if FW.scale_of(a["A13"].value).id == "yes_partly_no" else "4 - Full"
    wb.save(marked)
    again = runner.invoke(app, ["validate", str(marked)])
    assert again.exit_code == 0, again.output
