"""`roam score` end to end on real questionnaire files."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from roam.cli import app
from roam.framework import load_framework
from roam.framework.catalogue import ChoiceScale, NumericScale
from roam.questionnaire import AssessmentMeta, write_questionnaire
from roam.scoring import score
from roam.scoring.points import categorical_responses
from tests.oracle.synthetic import synthetic_responses

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()
FW = load_framework("2018")


def _uniform_workbook(tmp_path: Path, code: str, best: bool) -> Path:
    rows = []
    for entry in FW.entries_for("full"):
        ind = entry.indicator
        scale = FW.scales[ind.scale]
        answer = value = None
        if isinstance(scale, ChoiceScale):
            ranked = sorted(scale.levels, key=lambda lv: lv.points)
            answer = (ranked[-1] if best else ranked[0]).label
        elif isinstance(scale, NumericScale):
            if ind.goalposts is None:
                value = 10.0
            else:
                good = ind.goalposts.high if ind.direction == "higher" else ind.goalposts.low
                bad = ind.goalposts.low if ind.direction == "higher" else ind.goalposts.high
                value = good if best else bad
        else:
            answer = "Context notes."
        rows.append(
            {
                "indicator_id": ind.id,
                "answer": answer,
                "value": value,
                "data_year": 2024,
                "status": "available",
                "source": "Test",
                "evidence": None,
            }
        )
    meta = AssessmentMeta(
        country=f"Test {code}",
        iso_code=code,
        year=2025,
        framework="2018",
        indicator_set="full",
        fictional=True,
    )
    path = tmp_path / f"{code}.xlsx"
    path.write_bytes(write_questionnaire(FW, meta, pd.DataFrame(rows)))
    return path


def test_all_best_scores_100_and_all_worst_0_through_files(tmp_path):
    best = _uniform_workbook(tmp_path, "XY", best=True)
    worst = _uniform_workbook(tmp_path, "XZ", best=False)
    result = runner.invoke(app, ["score", str(best), str(worst), "--json", "--draws", "50"])
    assert result.exit_code == 0, result.output
    records = {r["country"]: r for r in json.loads(result.output)["results"]}
    for code, expected in (("XY", 100.0), ("XZ", 0.0)):
        record = records[code]
        assert record["index"]["score"] == pytest.approx(expected)
        for cat in "ROAMX":
            node = record["categories"][cat]
            assert node["score"] == pytest.approx(expected), (code, cat)
            assert node["coverage"] == 1.0
            assert node["low"] == pytest.approx(expected) and node["high"] == pytest.approx(
                expected
            )


def test_score_json_shape_on_samples():
    files = [str(p) for p in sorted((REPO / "sample_data").glob("X*.xlsx"))]
    result = runner.invoke(app, ["score", *files, "--json", "--draws", "100"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)["results"]
    assert [r["country"] for r in records] == ["XA", "XB", "XC", "XD", "XE", "XF", "XG", "XH"]
    for record in records:
        assert record["framework"] == "2018"
        assert set(record["categories"]) == set("ROAMX")
        for node in [record["index"], *record["categories"].values()]:
            assert set(node) >= {"score", "low", "high", "coverage", "band"}
            if node["score"] is not None:
                assert 0 <= node["low"] <= node["score"] + 1e-9 <= node["high"] + 2e-9 <= 100.0
                assert 0 <= node["coverage"] <= 1
    by = {r["country"]: r for r in records}
    # the profiles in sample_data/profiles.yaml show through
    assert by["XA"]["categories"]["R"]["score"] > by["XA"]["categories"]["A"]["score"] + 30
    assert by["XB"]["categories"]["A"]["score"] > by["XB"]["categories"]["R"]["score"] + 30


def test_score_table_says_it_is_not_a_ranking():
    result = runner.invoke(app, ["score", str(REPO / "sample_data/XC_Calvaria_core.xlsx")])
    assert result.exit_code == 0
    assert "UNESCO does not rank countries" in result.output
    assert "Calvaria (XC), framework 2018, core set, weights equal" in result.output


def test_score_refuses_invalid_file_and_bad_weights(tmp_path):
    bad = REPO / "sample_data/invalid/typical_mistakes.xlsx"
    result = runner.invoke(app, ["score", str(bad)])
    assert result.exit_code == 1
    assert "typical_mistakes.xlsx is not usable" in result.output
    assert "R!F2 [R.A.1.2]: 'Maybe' is not an answer" in result.output
    weights = tmp_path / "w.yaml"
    weights.write_text("weights:\n  R.Z.1.1: 2\n")
    sample = str(REPO / "sample_data/XC_Calvaria_core.xlsx")
    result = runner.invoke(app, ["score", sample, "--weights", str(weights)])
    assert result.exit_code == 1
    assert "R.Z.1.1" in result.output and "unknown id" in result.output
    assert "Traceback" not in result.output


def test_categorical_input_scores_the_same_as_text_input():
    plain = synthetic_responses(FW, 12, seed=3).astype(
        {"country": "str", "indicator_id": "str", "status": "str"}
    )
    a = score(FW, plain)
    b = score(FW, categorical_responses(FW, plain))
    pd.testing.assert_frame_equal(a.categories, b.categories)
    pd.testing.assert_frame_equal(a.themes, b.themes)


def test_score_states_the_run_it_made():
    sample = REPO / "sample_data" / "XC_Calvaria_core.xlsx"
    result = runner.invoke(app, ["score", str(sample), "--draws", "40", "--seed", "12"])
    assert result.exit_code == 0, result.output
    assert "Run: 40 Monte Carlo draws (profile 'default', seed 12)" in result.output
    assert "score [90% interval]" in result.output
    app_run = runner.invoke(app, ["score", str(sample), "--profile", "app", "--seed", "3"])
    assert "(profile 'app', seed 3)" in app_run.output


def test_score_unknown_profile_is_a_plain_error():
    sample = REPO / "sample_data" / "XC_Calvaria_core.xlsx"
    result = runner.invoke(app, ["score", str(sample), "--profile", "quick"])
    assert result.exit_code == 1
    assert "no run profile 'quick' (profiles: default, app)" in result.output


def test_score_json_carries_the_record_of_its_own_run():
    """The `run` object is what analysis.run records for the same files and settings."""
    from roam.analysis import analyse
    from roam.questionnaire import read_questionnaire

    sample = REPO / "sample_data" / "XA_Aurelia_full.xlsx"
    result = runner.invoke(
        app, ["score", str(sample), "--json", "--draws", "40", "--seed", "9", "--profile", "app"]
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    run = analyse([read_questionnaire(sample)], profile="app", draws=40, seed=9).run
    assert shown["run"] == run.model_dump(mode="json")
    assert shown["run"]["uncertainty"]["seed"] == 9
    assert shown["run"]["uncertainty"]["draws"] == 40
    assert shown["run"]["profile"] == "app"
    assert shown["run"]["inputs"][0]["file"] == sample.name
    low, high = shown["results"][0]["index"]["low"], shown["results"][0]["index"]["high"]
    again = analyse([read_questionnaire(sample)], profile="app", draws=40, seed=9).records()[0]
    assert (low, high) == (again["index"]["low"], again["index"]["high"])
