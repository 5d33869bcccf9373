"""Every export states the run that made its numbers, read from the run record."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from roam.analysis import analyse
from roam.export.comparison import write_comparison
from roam.export.package import methodology_note, write_package
from roam.export.report import render_report
from roam.export.submission import build_submission, submission_schema
from roam.export.workbook import write_results
from roam.questionnaire import read_questionnaire

REPO = Path(__file__).resolve().parents[2]
XA = REPO / "sample_data" / "XA_Aurelia_full.xlsx"


@pytest.fixture(scope="module")
def analysis():
    # Not the scoring.yaml defaults, and a 2.5-97.5 interval, so no output can get them by luck.
    settings = {"uncertainty": {"percentiles": [2.5, 97.5]}}
    return analyse([read_questionnaire(XA)], settings=settings, draws=64, seed=4242)


def _method_sheet(data: bytes) -> dict:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return {row[0]: row[1] for row in wb["Method"].iter_rows(values_only=True) if row[0]}


def test_results_method_sheet_reads_the_run(analysis):
    data = write_results(analysis, "XA")
    method = _method_sheet(data)
    assert method["Seed"] == "4242" and method["Draws"] == "64"
    assert method["Run profile"] == "default"
    assert "64 Monte Carlo draws" in method["Uncertainty"] and "seed 4242" in method["Uncertainty"]
    assert "95% interval" in method["Uncertainty"]
    assert analysis.run.inputs[0].sha256 in method["Input"]
    wb = openpyxl.load_workbook(io.BytesIO(data))
    headers = [c.value for c in next(wb["Themes"].iter_rows(max_row=1))]
    assert "Low (2.5%)" in headers and "High (97.5%)" in headers


def test_comparison_workbook_has_the_run(analysis):
    xb = read_questionnaire(REPO / "sample_data" / "XB_Borealis_full.xlsx")
    both = analyse([analysis.assessment("XA"), xb], draws=32, seed=99)
    data = write_comparison(both)
    method = _method_sheet(data)
    assert method["Seed"] == "99" and method["Draws"] == "32"
    assert "XB_Borealis_full.xlsx" in method["Input"]


def test_methodology_and_report_state_seed_and_draws(analysis):
    note = methodology_note(analysis, "XA")
    assert "64 Monte Carlo draws (profile 'default', seed 4242)" in note
    assert "roam score --seed 4242 --draws 64" in note
    report = render_report(analysis, "XA")
    assert "seed 4242" in report and "95% interval" in report
    assert "90% interval" not in report


def test_assessment_json_carries_the_run_and_validates(analysis):
    jsonschema = pytest.importorskip("jsonschema")
    doc = build_submission(analysis, "XA").model_dump(mode="json")
    jsonschema.validate(doc, submission_schema())
    run = doc["run"]
    assert run["uncertainty"]["seed"] == 4242 and run["uncertainty"]["draws"] == 64
    assert run["uncertainty"]["percentiles"] == [2.5, 97.5]
    assert run["weights"]["name"] == "equal" and len(run["weights"]["table"]) > 300
    assert run["sensitivity"] is None
    broken = json.loads(json.dumps(doc))
    del broken["run"]["uncertainty"]["seed"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, submission_schema())


def test_package_records_the_app_profile():
    analysis = analyse([read_questionnaire(XA)], profile="app")
    data = write_package(analysis, "XA", XA.read_bytes(), XA.name)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        name = next(n for n in archive.namelist() if n.endswith("assessment.json"))
        run = json.loads(archive.read(name))["run"]
    assert run["profile"] == "app" and run["uncertainty"]["draws"] == analysis.run.draws
