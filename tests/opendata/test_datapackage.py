"""`roam publish`: a Frictionless Data Package of published assessments only."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from frictionless import Package, validate
from typer.testing import CliRunner

from roam.cli import app
from roam.framework import load_framework
from roam.questionnaire import read_questionnaire
from roam.scoring import load_settings
from tests.opendata.conftest import SECRET
from tests.recommendations.conftest import AURELIA

runner = CliRunner()


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def published_dir(mixed_db: str, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ROAM_DATABASE_URL", mixed_db)
    out = tmp_path / "open"
    result = runner.invoke(app, ["publish", "-o", str(out), "--draws", "200"])
    assert result.exit_code == 0, result.output
    assert (
        "(1 assessments, 303 responses, 31 scores, 303 catalogue, 2 recommendations, "
        "1 recommendation_updates)" in result.stdout
    )
    return out


def test_package_validates_with_frictionless(published_dir: Path) -> None:
    report = validate(published_dir / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    command = [str(Path(sys.executable).with_name("frictionless")), "validate", "datapackage.json"]
    done = subprocess.run(command, cwd=published_dir, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    package = Package(published_dir / "datapackage.json")
    assert [r.name for r in package.resources] == [
        "assessments", "responses", "scores", "catalogue", "recommendations",
        "recommendation_updates",
    ]  # fmt: skip
    assert package.licenses[0]["name"] == "CC-BY-SA-3.0-IGO"
    assert "not use them to rank countries" in package.description
    scores = package.get_resource("scores")
    assert scores.schema.primary_key == ["assessment_id", "level", "id"]
    assert {f.name for f in scores.schema.fields} >= {"score", "low", "high", "coverage"}


def test_only_published_data_is_written(published_dir: Path) -> None:
    everything = "".join(p.read_text(encoding="utf-8") for p in published_dir.iterdir())
    assert SECRET not in everything
    assessments = rows(published_dir, "assessments")
    assert [(a["country"], a["year"]) for a in assessments] == [("XA", "2025")]
    for name in ("responses", "scores", "recommendations", "recommendation_updates"):
        ids = {r["assessment_id"] for r in rows(published_dir, name)}
        assert ids == {"XA-2025-2018-full"}, name
    assert "rank" not in (published_dir / "scores.csv").read_text().splitlines()[0]


def test_values_match_the_store(published_dir: Path) -> None:
    recs = {r["recommendation_id"]: r for r in rows(published_dir, "recommendations")}
    assert recs["R1"]["status"] == "in_progress" and recs["R1"]["status_evidence"] == "Bill tabled"
    assert recs["R2"]["text"] == "'=1+1 stays text"  # formula-safe for spreadsheet programs
    assert recs["R1"]["themes"] == "R.C" and recs["R1"]["addressed_to"] == "Government"
    responses = {r["indicator_id"]: r for r in rows(published_dir, "responses")}
    sample = read_questionnaire(AURELIA).responses.set_index("indicator_id")
    assert len(responses) == len(sample) == 303
    for indicator in ("R.C.1.1", "R.A.1.1", "A.A.1.1"):
        assert responses[indicator]["answer"] == sample.loc[indicator, "answer"]
        assert responses[indicator]["status"] == sample.loc[indicator, "status"] == "available"
    index = next(s for s in rows(published_dir, "scores") if s["level"] == "index")
    low, _score, high = (float(index[k]) for k in ("low", "score", "high"))
    assert 0 <= low <= high <= 100 and 0 < float(index["coverage"]) <= 1
    seed = load_settings(None, load_framework()).uncertainty.seed  # scoring.yaml's seed
    assert (index["draws"], index["seed"], index["weights"]) == ("200", str(seed), "equal")
    descriptor = json.loads((published_dir / "datapackage.json").read_text())
    assert descriptor["roam"]["scores"] == {
        "runs": [{"draws": 200, "seed": seed, "weights": "equal"}],
        "ranks": "none, by design",
    }


def test_empty_store_gives_a_valid_empty_package(db_url: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ROAM_DATABASE_URL", db_url)
    out = tmp_path / "empty"
    result = runner.invoke(app, ["publish", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert validate(out / "datapackage.json").valid
    assert rows(out, "assessments") == [] and len(rows(out, "catalogue")) == 303


def test_bad_output_is_a_plain_error(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ROAM_DATABASE_URL", raising=False)
    target = tmp_path / "file.txt"
    target.write_text("x")
    result = runner.invoke(app, ["publish", "-o", str(target)])
    assert result.exit_code == 1 and "is a file; give a folder" in result.stderr
    assert target.read_text() == "x"
