"""The run record: it states the settings, weights, draws and seed that made the numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from roam.analysis import analyse
from roam.framework import load_framework
from roam.questionnaire import read_questionnaire
from roam.scoring import ScoringConfigError, uncertainty
from roam.scoring.config import ScoringSettings, UncertaintySettings

REPO = Path(__file__).resolve().parents[1]
SCORING = yaml.safe_load((REPO / "indicators" / "2018" / "scoring.yaml").read_text())


@pytest.fixture(scope="module")
def xc():
    return read_questionnaire(REPO / "sample_data" / "XC_Calvaria_core.xlsx")


def test_defaults_come_from_scoring_yaml_and_are_recorded(xc):
    analysis = analyse([xc], draws=40)  # draws given, seed from scoring.yaml
    run = analysis.run
    assert run.seed == SCORING["uncertainty"]["seed"] == analysis.uncertainty.seed
    assert run.draws == 40 == analysis.uncertainty.draws
    assert run.profile == "default"
    assert run.percentiles == (5.0, 95.0) and run.interval_label == "90% interval"
    assert run.low_label == "Low (5%)" and run.high_label == "High (95%)"
    assert run.aggregation == SCORING["aggregation"]
    assert run.coverage_rule == SCORING["coverage_rule"]
    assert run.coverage_threshold.category == pytest.approx(2 / 3)
    assert run.uncertainty.methods == SCORING["uncertainty"]["methods"]
    assert run.uncertainty.noise.model_dump() == SCORING["uncertainty"]["noise"]
    fw = load_framework()
    assert run.framework.checksum == fw.checksum and run.framework.version == "2018"
    assert [(i.country, i.file, i.sha256) for i in run.inputs] == [
        ("XC", "XC_Calvaria_core.xlsx", xc.sha256)
    ]
    assert len(xc.sha256) == 64


def test_no_literal_default_for_draws_or_seed_in_code():
    for name in ("draws", "seed"):
        assert UncertaintySettings.model_fields[name].is_required()
    assert ScoringSettings.model_fields["uncertainty"].is_required()


def test_full_run_uses_scoring_yaml_draws(xc):
    run = analyse([xc]).run
    assert run.draws == SCORING["uncertainty"]["draws"]


def test_recorded_seed_is_the_seed_that_ran(xc):
    """Intervals rebuilt with the recorded seed and draws equal the run's; another seed differs."""
    analysis = analyse([xc], draws=60, seed=123)
    run = analysis.run
    assert (run.seed, run.draws) == (123, 60)
    again = uncertainty(analysis.framework, scores=analysis.scores, draws=run.draws, seed=run.seed)
    assert again.table.equals(analysis.uncertainty.table)
    other = uncertainty(analysis.framework, scores=analysis.scores, draws=run.draws, seed=124)
    assert not other.table[["low", "high"]].equals(analysis.uncertainty.table[["low", "high"]])


def test_profile_sets_draws_and_is_recorded(xc):
    run = analyse([xc], profile="app").run
    assert run.profile == "app"
    assert run.draws == SCORING["profiles"]["app"]["draws"]
    assert run.seed == SCORING["uncertainty"]["seed"]
    assert analyse([xc], profile="app", seed=9).run.seed == 9


def test_unknown_profile_is_refused_by_name(xc):
    with pytest.raises(ScoringConfigError, match=r"no run profile .fast.*default, app"):
        analyse([xc], profile="fast")


def test_zero_draws_means_no_interval(xc):
    analysis = analyse([xc], draws=0)
    assert analysis.uncertainty is None and analysis.run.draws == 0
    assert "No uncertainty interval" in analysis.run.summary()


def test_weight_table_and_settings_rebuild_the_same_scores(xc):
    analysis = analyse([xc], weights={"weights": {"R": 2, "O.A": 3}}, draws=30, seed=4)
    run = analysis.run
    rows = {(r.level, r.id): r for r in run.weights.table}
    assert rows[("category", "R")].weight == 2 and rows[("theme", "O.A")].weight == 3
    assert rows[("category", "R")].share == pytest.approx(2 / 5)  # R, O, A, M weigh 2+1+1+1
    fw = analysis.framework
    again = analyse(
        [xc], weights=run.weight_set(fw), settings=run.settings(), draws=run.draws, seed=run.seed
    )
    assert again.records() == analysis.records()
    assert again.run.model_dump(exclude={"weights"}) == run.model_dump(exclude={"weights"})
    assert [r.model_dump() for r in again.run.weights.table] == [
        r.model_dump() for r in run.weights.table
    ]


def test_percentiles_name_the_interval(xc):
    run = analyse([xc], settings={"uncertainty": {"percentiles": [2.5, 97.5]}}, draws=20).run
    assert run.interval_label == "95% interval"
    assert run.low_label == "Low (2.5%)"
