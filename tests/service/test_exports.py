"""The service's exports take draws, seed and the sensitivity switch from a run profile of
scoring.yaml, record them, and give the numbers `roam` gives on the command line for the same
settings."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from roam.access import LOCAL_ADMIN
from roam.cli import app
from roam.service import assessments as A
from roam.service import connect
from roam.service import exports as E
from roam.store import Store

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_data" / "XA_Aurelia_full.xlsx"
SCORING = yaml.safe_load((REPO / "indicators" / "2018" / "scoring.yaml").read_text())
runner = CliRunner()


def assessment_json(package: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        name = next(n for n in archive.namelist() if n.endswith("data/assessment.json"))
        return json.loads(archive.read(name))


@pytest.fixture(scope="module")
def admin(tmp_path_factory):
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('exports') / 'roam.sqlite'}")
    guard = connect(LOCAL_ADMIN, store)
    A.ingest(guard, [(SAMPLE.name, SAMPLE.read_bytes())])
    return guard


def test_the_profile_gives_draws_seed_and_sensitivity_and_the_package_records_them(admin):
    run = assessment_json(E.submission_package(admin, "XA", profile="app"))["run"]
    app_profile = SCORING["profiles"]["app"]
    assert run["profile"] == "app"
    assert run["uncertainty"]["draws"] == app_profile["draws"]
    assert run["uncertainty"]["seed"] == app_profile.get("seed", SCORING["uncertainty"]["seed"])
    assert run["uncertainty"]["sensitivity"] is app_profile["sensitivity"] is False
    assert "profiles" not in run or run["profiles"] == {}


def test_explicit_draws_and_seed_win_over_the_profile(admin):
    run = assessment_json(E.submission_package(admin, "XA", draws=40, seed=8, profile="app"))["run"]
    assert (run["profile"], run["uncertainty"]["draws"], run["uncertainty"]["seed"]) == (
        "app",
        40,
        8,
    )


def test_an_unknown_profile_is_a_plain_error(admin):
    from roam.scoring import ScoringConfigError

    with pytest.raises(ScoringConfigError, match="no run profile 'fast'"):
        E.results_workbook(admin, "XA", profile="fast")


def test_service_and_cli_give_the_same_numbers_and_record_for_the_same_settings(admin, tmp_path):
    from_service = assessment_json(
        E.submission_package(admin, "XA", draws=60, seed=3, profile="app")
    )
    out = tmp_path / "cli.zip"
    result = runner.invoke(
        app,
        [
            "package",
            str(SAMPLE),
            "-o",
            str(out),
            *("--profile", "app", "--draws", "60", "--seed", "3"),
        ],
    )
    assert result.exit_code == 0, result.output
    from_cli = assessment_json(out.read_bytes())
    assert from_cli["scores"] == from_service["scores"]
    assert from_cli["run"] == from_service["run"]  # stored under its upload name, same bytes
    result = runner.invoke(
        app, ["score", str(SAMPLE), "--json", "--profile", "app", "--draws", "60", "--seed", "3"]
    )
    shown = json.loads(result.output)
    assert shown["run"] == from_service["run"]
    index = next(s for s in from_service["scores"] if s["level"] == "index")
    assert shown["results"][0]["index"]["low"] == index["low"]
    assert shown["results"][0]["index"]["high"] == index["high"]


def test_the_comparison_workbook_records_the_profile(admin):
    import openpyxl

    data = E.comparison_workbook(admin, [("XA", None)], profile="app", seed=2)
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    text = " ".join(
        str(cell) for row in book["Method"].iter_rows(values_only=True) for cell in row if cell
    )
    assert "profile 'app'" in text and "seed 2" in text
