"""The app states the run behind its numbers: profile, draws and seed from scoring.yaml, and
interval labels named after the percentiles, on the scorecard, comparison and export pages."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.app.conftest import go

REPO = Path(__file__).resolve().parents[2]
SCORING = yaml.safe_load((REPO / "indicators" / "2018" / "scoring.yaml").read_text())


def _expected_caption() -> str:
    draws = SCORING["profiles"]["app"]["draws"]
    seed = SCORING["uncertainty"]["seed"]
    return f"from {draws} Monte Carlo draws, seed {seed} (run profile 'app'"


def test_scorecard_states_profile_draws_seed_and_interval(app):
    go(app, "scorecard")
    captions = [c.value for c in app.caption]
    assert any(_expected_caption() in c for c in captions), captions
    low, high = SCORING["uncertainty"]["percentiles"]
    label = f"{high - low:g}% interval"
    assert sum(label in c for c in captions) >= 6  # index and every category card


def test_compare_and_export_state_the_run(app):
    go(app, "compare")
    assert any(_expected_caption() in c.value for c in app.caption)
    go(app, "export")
    assert any(_expected_caption() in c.value for c in app.caption)
