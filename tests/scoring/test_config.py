"""Scoring settings: validation errors and named bands.

Numbers are worked by hand in tests/scoring/hand_worked.py (the fixture framework's answers).
"""

from __future__ import annotations

import pytest

from roam.scoring import (
    ScoringConfigError,
    load_settings,
)
from tests.scoring.hand_worked import ROOT


def test_settings_errors(fw, tmp_path):
    with pytest.raises(ScoringConfigError, match="unknown field 'agregation'"):
        load_settings({"agregation": "geometric"}, fw)
    with pytest.raises(ScoringConfigError, match="last band must start at 0"):
        load_settings({"bands": [{"name": "High", "min": 50}]}, fw)
    with pytest.raises(ScoringConfigError, match="missing_policy"):
        load_settings({"missing_policy": "ignore"}, fw)
    path = tmp_path / "scoring.yaml"
    path.write_text("coverage_threshold: {theme: 3/0}\n")
    with pytest.raises(ScoringConfigError, match=r"scoring.yaml: coverage_threshold.theme"):
        load_settings(path, fw)


def test_bands_named_thresholds(fw):
    cfg = load_settings(None, fw, root=ROOT)
    assert [cfg.band_of(x) for x in (100, 75, 74.99, 50, 25, 0, None)] == [
        "Advanced",
        "Advanced",
        "Established",
        "Established",
        "Developing",
        "Emerging",
        None,
    ]
