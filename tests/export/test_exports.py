"""Exports: numbers equal the engine's, user text stays text, the package checks itself."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from roam.analysis import analyse
from roam.cli import app
from roam.export.comparison import write_comparison
from roam.export.package import write_package
from roam.export.workbook import write_results
from roam.framework import load_framework
from roam.questionnaire import read_questionnaire, write_questionnaire

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "sample_data").glob("X*.xlsx"))
runner = CliRunner()
PAYLOADS = ['=HYPERLINK("http://x","y")', "+cmd", "-1+1", "@SUM(A1)"]


@pytest.fixture(scope="module")
def xa():
    return read_questionnaire(REPO / "sample_data" / "XA_Aurelia_full.xlsx")


@pytest.fixture(scope="module")
def xa_analysis(xa):
    return analyse([xa], draws=200)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A filled questionnaire whose evidence, sources and MAB hold formula-like text."""
    base = read_questionnaire(REPO / "sample_data" / "XC_Calvaria_core.xlsx")
    responses = base.responses.copy()
    for i, payload in enumerate(PAYLOADS):
        responses.loc[i, "evidence"] = payload
        responses.loc[i, "source"] = payload
    mab = base.mab.copy()
    mab.loc[0, "name"] = PAYLOADS[0]
    mab.loc[1, "organisation"] = PAYLOADS[3]
    data = write_questionnaire(load_framework(), base.meta, responses, mab)
    path = tmp_path_factory.mktemp("hostile") / "hostile.xlsx"
    path.write_bytes(data)
    return path


def same(value, expected) -> bool:
    """A blank cell stands for 'no score' (NaN/None in the engine)."""
    if expected is None or pd.isna(expected):
        return value is None
    return value == pytest.approx(expected)


def _sheet(data: bytes, name: str) -> list[tuple]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return list(wb[name].iter_rows(values_only=True))


def test_results_workbook_sheets_and_numbers_equal_engine(xa_analysis):
    data = write_results(xa_analysis, "XA")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == [
        "Summary",
        "Themes",
        "Questions",
        "Indicators",
        "Data gaps",
        "Contextual",
        "MAB",
        "Method",
        "Uncertainty",
        "Sensitivity",
    ]
    record = xa_analysis.records()[0]
    summary = {row[0]: row for row in wb["Summary"].iter_rows(values_only=True) if row[0]}
    index = summary["ROAM index"]
    assert index[1] == pytest.approx(record["index"]["score"])
    assert index[2] == pytest.approx(record["index"]["low"])
    assert index[3] == pytest.approx(record["index"]["high"])
    assert index[4] == record["index"]["band"]
    assert summary["R Rights"][1] == pytest.approx(record["categories"]["R"]["score"])
    assert summary["A Accessibility to all"][5] == pytest.approx(
        record["categories"]["A"]["coverage"]
    )
    themes = {row[1]: row for row in wb["Themes"].iter_rows(min_row=2, values_only=True)}
    engine = xa_analysis.scores.themes.set_index("id")
    assert len(themes) == 25
    for theme_id, row in themes.items():
        assert same(row[3], engine.loc[theme_id, "score"]), theme_id
    ind = wb["Indicators"]
    headers = [c.value for c in ind[1]]
    points = {r[1]: r[headers.index("Points")] for r in ind.iter_rows(min_row=2, values_only=True)}
    engine_points = xa_analysis.scores.indicators.set_index("indicator_id")["points"]
    assert len(points) == 282
    for ind_id, value in points.items():
        assert same(value, engine_points[ind_id]), ind_id
    assert wb["Summary"]["A1"].value.startswith("ROAM-X assessment results: Aurelia")
    assert wb["Themes"].freeze_panes == "A2"
    assert wb["Themes"].conditional_formatting, "scores carry a colour scale"
    gaps = list(wb["Data gaps"].iter_rows(min_row=2, values_only=True))
    gap_rows = [g for g in gaps if g[1]]
    n_gaps = int(
        xa_analysis.assessment("XA")
        .responses.query("status in ['not_available', 'unanswered'] and category != 'C'")
        .shape[0]
    )
    assert len([g for g in gap_rows if g[0] in "ROAMX"]) == n_gaps
    cores = [g[2] == "Yes" for g in gap_rows if g[0] == "R"]
    assert cores == sorted(cores, reverse=True), "core gaps first within a category"
    method = {row[0]: row[1] for row in wb["Method"].iter_rows(values_only=True) if row[0]}
    assert load_framework().checksum in method["Framework"]
    assert method["Catalogue wording"].startswith(
        "25 of 124 questions and 28 of 303 indicators are confirmed from published sources"
    )
    assert "200 Monte Carlo draws" in method["Uncertainty"]
    mab_rows = list(wb["MAB"].iter_rows(values_only=True))
    assert any(r[0] == "Balance check" for r in mab_rows)


def test_comparison_workbook(tmp_path):
    files = [str(p) for p in SAMPLES]
    out = tmp_path / "comparison.xlsx"
    result = runner.invoke(app, ["compare", *files, "-o", str(out), "--draws", "100"])
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "About"
    assert "not an official UNESCO ranking" in wb["About"]["A1"].value
    assert "not intended to rank countries" in wb["About"]["A3"].value
    assessments = [read_questionnaire(p) for p in SAMPLES]
    analysis = analyse(assessments, draws=100)
    engine = analysis.scores.matrix("category")
    profile = list(wb["Profiles"].iter_rows(min_row=2, values_only=True))
    assert profile[0][:2] == ("Code", "Country")
    assert [h.split()[0] for h in profile[0][2:]] == ["R", "O", "A", "M", "X"]
    codes = [row[0] for row in profile[1:]]
    assert codes == sorted(codes), "countries by code, never by score"
    for row in profile[1:]:
        for code, value in zip("ROAMX", row[2:], strict=True):
            assert same(value, engine.loc[row[0], code])
    heat = list(wb["Theme heatmap"].iter_rows(min_row=2, values_only=True))
    assert len(heat[0]) == 2 + 25 and len(heat) == 9
    assert wb["Theme heatmap"].conditional_formatting
    overlap = list(wb["Uncertainty"].iter_rows(min_row=2, values_only=True))
    assert overlap[0] == ("Score", "Code", "Country", "90% interval", "Cannot be told apart from")
    assert len(overlap) == 1 + 8 * 6  # the index and five categories for eight countries
    every_cell = " ".join(
        str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row
    )
    assert "position" not in every_cell.lower() and "rank " not in every_cell.replace(
        "rank countries", ""
    )


def test_package_contents_schema_and_checksums(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "submission.zip"
    sample = REPO / "sample_data" / "XA_Aurelia_full.xlsx"
    result = runner.invoke(app, ["package", str(sample), "-o", str(out), "--draws", "100"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        root = "XA_2025_submission/"
        expected = {
            "questionnaire/XA_2025_questionnaire.xlsx",
            "results/XA_2025_results.xlsx",
            "data/assessment.json",
            "data/assessment.schema.json",
            "methodology.md",
            "mab.csv",
            "report/XA_2025_draft_report.html",
            "manifest.json",
            "SHA256SUMS",
        }
        assert {n.removeprefix(root) for n in names} == expected
        files = {n.removeprefix(root): archive.read(n) for n in names}
    assert files["questionnaire/XA_2025_questionnaire.xlsx"] == sample.read_bytes()
    manifest = json.loads(files["manifest.json"])
    assert manifest["original_name"] == "XA_Aurelia_full.xlsx"  # kept as text, not as a path
    assert len(manifest["files"]) == 7
    for entry in manifest["files"]:
        assert hashlib.sha256(files[entry["path"]]).hexdigest() == entry["sha256"]
        assert len(files[entry["path"]]) == entry["bytes"]
    data = json.loads(files["data/assessment.json"])
    jsonschema.validate(data, json.loads(files["data/assessment.schema.json"]))
    assert data["assessment"]["iso_code"] == "XA" and len(data["indicators"]) == 303
    index = next(s for s in data["scores"] if s["level"] == "index")
    analysis = analyse([read_questionnaire(sample)], draws=100)
    assert index["score"] == pytest.approx(analysis.records()[0]["index"]["score"])
    report = files["report/XA_2025_draft_report.html"].decode()
    for heading in (
        "Executive summary",
        "Methodology",
        "Contextual indicators",
        "Rights",
        "Openness",
        "Accessibility to all",
        "Multistakeholder participation",
        "Cross-cutting",
        "Data gaps",
        "Annex A. Indicators",
    ):
        assert heading in report, heading
    assert report.count("<svg") >= 6, "charts are embedded as SVG"
    for remote in ("<script", 'src="http', 'href="http', "@import", "url(http"):
        assert remote not in report, f"self-contained: found {remote}"
    assert "not an official UNESCO score" in report


def test_injection_payloads_stay_text_everywhere(hostile, tmp_path):
    assessment = read_questionnaire(hostile)
    assert list(assessment.responses["evidence"][: len(PAYLOADS)]) == PAYLOADS
    analysis = analyse([assessment], draws=20)
    results = write_results(analysis, assessment.country)
    wb = openpyxl.load_workbook(io.BytesIO(results))
    ws = wb["Indicators"]
    headers = [c.value for c in ws[1]]
    found = []
    for row in ws.iter_rows(min_row=2):
        for col in ("Evidence", "Source"):
            cell = row[headers.index(col)]
            if cell.value in PAYLOADS:
                assert cell.data_type == "s", (cell.coordinate, cell.value)
                found.append(cell.value)
    assert sorted(set(found)) == sorted(PAYLOADS)
    mab = wb["MAB"]
    assert mab["A2"].value == PAYLOADS[0] and mab["A2"].data_type == "s"
    # the questionnaire itself (written by roam) keeps them as text too
    source = openpyxl.load_workbook(hostile)
    cells = [
        c for ws in source.worksheets for row in ws.iter_rows() for c in row if c.value in PAYLOADS
    ]
    assert cells and all(c.data_type == "s" for c in cells)
    comparison = openpyxl.load_workbook(io.BytesIO(write_comparison(analysis)))
    assert all(
        c.data_type != "f" for ws in comparison.worksheets for row in ws.iter_rows() for c in row
    )
    package = write_package(analysis, assessment.country, hostile.read_bytes(), "h.xlsx")
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        name = next(n for n in archive.namelist() if n.endswith("mab.csv"))
        csv_text = archive.read(name).decode("utf-8-sig")
        report = archive.read(next(n for n in archive.namelist() if n.endswith(".html"))).decode()
    assert "'=HYPERLINK" in csv_text and "'@SUM(A1)" in csv_text
    assert '=HYPERLINK("' not in report, "HTML escapes user text"
    assert "=HYPERLINK(&#34;http://x&#34;,&#34;y&#34;)" in report


def test_export_cli_and_refusals(tmp_path):
    out = tmp_path / "r.xlsx"
    sample = str(REPO / "sample_data" / "XC_Calvaria_core.xlsx")
    result = runner.invoke(app, ["export", sample, "-o", str(out), "--draws", "50"])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out).sheetnames[0] == "Summary"
    bad = str(REPO / "sample_data" / "invalid" / "missing_sheet.xlsx")
    result = runner.invoke(app, ["export", bad, "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 1 and "The sheet 'M' is missing" in result.output
    assert not (tmp_path / "x.xlsx").exists()
    result = runner.invoke(app, ["package", "no-such-file.xlsx", "-o", str(tmp_path / "p.zip")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
