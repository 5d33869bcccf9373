"""A run choice resolved against scoring.yaml: the profile gives draws, seed and whether the
sensitivity analysis runs; explicit values win; the run record states the result."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from roam.choice import RunChoice
from roam.questionnaire import read_questionnaire

REPO = Path(__file__).resolve().parents[1]
SCORING = yaml.safe_load((REPO / "indicators" / "2018" / "scoring.yaml").read_text())


@pytest.fixture(scope="module")
def xa():
    return read_questionnaire(REPO / "sample_data" / "XA_Aurelia_full.xlsx")


def test_the_app_profile_is_data_and_leaves_sensitivity_out():
    assert SCORING["uncertainty"]["sensitivity"] is True
    assert SCORING["profiles"]["app"]["sensitivity"] is False


def test_default_profile_runs_sensitivity_and_records_it(xa):
    analysis = RunChoice(draws=30).analyse([xa])
    assert analysis.run.profile == "default"
    assert analysis.run.uncertainty.sensitivity is True
    assert analysis.sensitivity is not None
    assert "Sensitivity analysis run." in analysis.run.summary()


def test_app_profile_skips_sensitivity_unless_asked(xa):
    plain = RunChoice("app", draws=30).analyse([xa])
    asked = RunChoice("app", draws=30, sensitivity=True).analyse([xa])
    assert plain.run.uncertainty.sensitivity is False and plain.sensitivity is None
    assert "Sensitivity analysis not run." in plain.run.summary()
    assert asked.run.uncertainty.sensitivity is True and asked.sensitivity is not None
    # the interval does not depend on the switch
    for key in ("score", "low", "high"):
        assert plain.records()[0]["index"][key] == asked.records()[0]["index"][key]
    assert "sensitivity" not in plain.records()[0]["index"]
    assert asked.records()[0]["index"]["sensitivity"]


def test_the_app_profile_takes_draws_and_seed_from_scoring_yaml(xa):
    run = RunChoice("app").analyse([xa]).run
    assert run.draws == SCORING["profiles"]["app"]["draws"]
    assert run.seed == SCORING["profiles"]["app"].get("seed", SCORING["uncertainty"]["seed"])
    assert RunChoice("app", seed=4).analyse([xa]).run.seed == 4
