"""`roam change` on the two-year sample (Isvaldia, 2023 and 2025): files and stored references."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from roam.cli import app
from roam.store.engine import dispose_all

REPO = Path(__file__).resolve().parents[2]
OVER_TIME = REPO / "sample_data" / "over_time"
BEFORE, AFTER = OVER_TIME / "XI_Isvaldia_full_2023.xlsx", OVER_TIME / "XI_Isvaldia_full_2025.xlsx"
runner = CliRunner()


def test_change_between_two_files_json():
    result = runner.invoke(app, ["change", str(BEFORE), str(AFTER), "--json", "--draws", "300"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["before"], out["after"], out["draws"]) == ("XI@2023", "XI@2025", 300)
    nodes = {n["id"]: n for n in out["nodes"]}
    # the profile moved A up and M down; O kept every answer, so its change is exactly 0
    assert nodes["A"]["verdict"] == "improved" and nodes["A"]["low"] > 0
    assert nodes["M"]["verdict"] == "declined" and nodes["M"]["high"] < 0
    assert nodes["O"]["change"] == 0 and nodes["O"]["verdict"] == "no change beyond uncertainty"
    assert all(n["low"] <= n["high"] for n in out["nodes"] if n["change"] is not None)
    changed = {c["indicator_id"] for c in out["changed_indicators"]}
    assert changed and all(i[0] in "RAM" for i in changed)  # O and X answers did not move


def test_change_text_and_stored_references(tmp_path, monkeypatch):
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ROAM_DATABASE_URL", raising=False)
    try:
        assert runner.invoke(app, ["ingest", str(BEFORE), str(AFTER)]).exit_code == 0
        result = runner.invoke(app, ["change", "XI@2023", "XI@2025", "--draws", "200"])
    finally:
        dispose_all()
    assert result.exit_code == 0, result.output
    assert "Change from XI@2023 to XI@2025 (full set; 90% intervals from 200 paired draws" in (
        result.output
    )
    assert "A Accessibility to all" in result.output and "improved" in result.output
    assert "indicator(s) with a changed answer or status:" in result.output


def test_change_refuses_two_countries_or_one_year():
    other = REPO / "sample_data" / "XA_Aurelia_full.xlsx"
    result = runner.invoke(app, ["change", str(other), str(AFTER)])
    assert result.exit_code == 1
    assert "change over time compares one country: these are XA and XI" in result.output
    result = runner.invoke(app, ["change", str(AFTER), str(AFTER)])
    assert result.exit_code == 1 and "both assessments are of 2025" in result.output
