"""`roam framework export` and `import`: a catalogue goes out as a spreadsheet and comes back.

The last test keys in a differently shaped framework ("2.0": fewer questions, new themes on
environment and AI), imports it and uses it for a template, a filled questionnaire, scores and
the results workbook, all through the command line.
"""

import io
import json
import shutil

import openpyxl
from typer.testing import CliRunner

from roam.cli import app
from roam.framework import load_framework
from tests.conftest import REPO
from tests.framework.catalogue_sheets import new_framework_workbook, to_bytes

runner = CliRunner()


def test_export_then_import_as_copy_reproduces_the_catalogue(tmp_path):
    out = tmp_path / "catalogue.xlsx"
    result = runner.invoke(app, ["framework", "export", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and "303 indicators" in result.output
    target = tmp_path / "versions"
    result = runner.invoke(
        app, ["framework", "import", str(out), "--as", "copy", "--dir", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert "25 themes, 124 questions, 303 indicators (109 core)" in result.output
    copy = load_framework("copy", root=target)
    assert copy.category_checksum == load_framework("2018").category_checksum


def test_broken_spreadsheet_exits_1_with_located_messages_and_writes_nothing(tmp_path):
    out = tmp_path / "catalogue.xlsx"
    assert runner.invoke(app, ["framework", "export", "-o", str(out)]).exit_code == 0
    wb = openpyxl.load_workbook(out)
    wb["Indicators"]["L2"] = "thumbs_up"
    wb["Indicators"]["H4"] = wb["Indicators"]["H2"].value
    wb.save(out)
    target = tmp_path / "versions"
    result = runner.invoke(
        app, ["framework", "import", str(out), "--as", "fixed", "--dir", str(target)]
    )
    assert result.exit_code == 1
    assert "catalogue.xlsx was not imported, nothing was written." in result.output
    assert "Indicators row 2, column L (Scale): unknown scale 'thumbs_up'" in result.output
    assert "Indicators row 4, column H (Indicator ID): R.A.1.1 is also on row 2" in result.output
    assert not target.exists() or list(target.iterdir()) == []


def test_export_of_unknown_version_and_import_of_missing_file_fail_plainly(tmp_path):
    result = runner.invoke(app, ["framework", "export", "-f", "1999", "-o", str(tmp_path / "x")])
    assert result.exit_code == 1 and "unknown framework version '1999'" in result.output
    result = runner.invoke(app, ["framework", "import", str(tmp_path / "none.xlsx"), "--as", "n"])
    assert result.exit_code == 1 and "cannot read" in result.output


def test_table_states_the_confirmed_counts():
    result = runner.invoke(app, ["framework"])
    assert result.exit_code == 0
    assert (
        "Confirmed from published sources: 25 of 124 questions and 28 of 303 indicators"
        in result.output
    )


def _fill(template, values: dict[str, object]) -> None:
    """Answer every row of the template the way a team would in a spreadsheet program."""
    wb = openpyxl.load_workbook(template)
    for ws in wb.worksheets:
        if ws.title not in ("R", "O", "A", "M", "X", "Contextual"):
            continue
        headers = {c.value: c.column for c in ws[1]}
        for row in range(2, ws.max_row + 1):
            indicator = ws.cell(row, headers["Indicator ID"]).value
            if not indicator:
                continue
            value = values[indicator]
            column = "Value" if isinstance(value, int | float) else "Answer"
            ws.cell(row, headers[column]).value = value
            ws.cell(row, headers["Data year"]).value = 2024
            ws.cell(row, headers["Data status"]).value = "Available"
            ws.cell(row, headers["Source"]).value = "Test"
    assessment = wb["Assessment"]
    for row in range(1, assessment.max_row + 1):
        if assessment.cell(row, 1).value == "Lead institution":
            assessment.cell(row, 2).value = "Test institute"
        if assessment.cell(row, 1).value == "Contact":
            assessment.cell(row, 2).value = "team@example.org"
    wb.save(template)


def test_a_differently_shaped_framework_works_from_template_to_export(tmp_path, monkeypatch):
    root = tmp_path / "indicators"
    root.mkdir()
    for name in ("questionnaire.yaml", "recommendations.yaml"):
        shutil.copy(REPO / "indicators" / name, root / name)
    monkeypatch.setenv("ROAM_INDICATORS_DIR", str(root))
    sheet = tmp_path / "iu2.xlsx"
    sheet.write_bytes(to_bytes(new_framework_workbook()))
    result = runner.invoke(app, ["framework", "import", str(sheet), "--as", "2.0"])
    assert result.exit_code == 0, result.output
    shown = json.loads(runner.invoke(app, ["framework", "-f", "2.0", "--json"]).output)
    assert shown["categories"]["X"]["themes"] == 2 and shown["totals"]["questions"] == 6

    template = tmp_path / "template.xlsx"
    args = ["template", "--country", "XA", "--name", "Testland", "-f", "2.0", "-o", str(template)]
    result = runner.invoke(app, [*args, "--year", "2025"])
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(template)
    x_ids = [r[0] for r in wb["X"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert x_ids == ["X.F.1.1", "X.F.1.2", "X.G.1.1"]  # the new themes reach the template
    wording = [r[-1] for r in wb["X"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert set(wording) == {"Reconstructed: check wording"}

    answers = {
        "R.A.1.1": "Yes", "R.A.1.2": 40, "O.A.1.1": "Partly", "A.A.1.1": 80,
        "M.A.1.1": "No", "X.F.1.1": "Yes", "X.F.1.2": 25, "X.G.1.1": "Partly",
        "C.1": 12000, "C.2": 5000000,
    }  # fmt: skip
    _fill(template, answers)
    result = runner.invoke(app, ["validate", str(template)])
    assert result.exit_code == 0, result.output

    result = runner.invoke(app, ["score", str(template), "--json", "--draws", "0"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)["results"][0]
    assert record["framework"] == "2.0"
    # hand-worked: R = mean(100, 40) = 70; O = 50; A = 80; M = 0; X = mean(mean(100, 25), 50)
    expected = {"R": 70.0, "O": 50.0, "A": 80.0, "M": 0.0, "X": (62.5 + 50) / 2}
    for code, score in expected.items():
        assert abs(record["categories"][code]["score"] - score) < 1e-9, code
    assert abs(record["index"]["score"] - (70 + 50 + 80 + 0) / 4) < 1e-9

    results = tmp_path / "results.xlsx"
    result = runner.invoke(app, ["export", str(template), "-o", str(results), "--draws", "0"])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(io.BytesIO(results.read_bytes()))
    method = {r[0]: r[1] for r in book["Method"].iter_rows(values_only=True) if r[0]}
    assert method["Framework"].startswith("2.0 (Internet Universality 2.0 (test shape))")
    assert method["Catalogue wording"].startswith("0 of 6 questions and 0 of 10 indicators")
