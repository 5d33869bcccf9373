"""The results workbook's Sensitivity sheet equals the engine's first-order indices."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from roam.analysis import analyse
from roam.export.workbook import write_results
from roam.questionnaire import read_questionnaire

REPO = Path(__file__).resolve().parents[2]


def test_sensitivity_sheet_matches_engine_and_sums_to_at_most_one():
    xa = read_questionnaire(REPO / "sample_data" / "XA_Aurelia_full.xlsx")
    analysis = analyse([xa], draws=100)
    wb = openpyxl.load_workbook(io.BytesIO(write_results(analysis, "XA")))
    rows = list(wb["Sensitivity"].iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("Level", "Item", "Name")
    assert header[3:9] == (
        "Indicator weights",
        "Question weights",
        "Theme weights",
        "Category weights",
        "The choice of mean",
        "Interactions",
    )
    assert header[9] == "Main driver"
    body = {(r[0], r[1]): r for r in rows[1:] if r[0] in ("index", "category", "theme")}
    index = body[("index", "ROAM")]
    expect = analysis.sensitivity.by_node()[("XA", "index", "ROAM")]
    assert list(index[3:8]) == pytest.approx(
        [expect[k] for k in analysis.sensitivity.inputs], abs=1e-12
    )
    for row in body.values():
        assert sum(row[3:8]) <= 1 + 1e-12
        assert row[8] == pytest.approx(1 - sum(row[3:8]), abs=1e-9)
    assert any("First-order Sobol indices" in str(r[0]) for r in rows if r[0])
