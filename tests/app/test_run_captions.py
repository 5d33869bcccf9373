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


def test_app_and_service_export_show_the_same_numbers_for_the_app_profile(app):
    """The scorecard and an export made with the app's profile come from the same run."""
    import re

    from roam.service import as_local_admin
    from roam.service import exports as E
    from roam.ui.common import fmt
    from tests.service.test_exports import assessment_json

    go(app, "scorecard")
    heading = app.subheader[0].value
    code, year = re.search(r"\(([A-Z]{2})\), (\d{4})", heading).groups()
    package = assessment_json(
        E.submission_package(as_local_admin(), code, int(year), profile="app")
    )
    assert package["run"]["profile"] == "app"
    index = next(s for s in package["scores"] if s["level"] == "index")
    assert app.metric[0].value == fmt(index["score"])
    interval = f"{fmt(index['low'])} to {fmt(index['high'])}"
    assert any(interval in c.value for c in app.caption), (interval, [c.value for c in app.caption])
    assert any(_expected_caption() in c.value for c in app.caption)
