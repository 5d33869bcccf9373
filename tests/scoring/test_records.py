"""Per-country JSON records: scores, intervals, coverage, bands and reasons.

Numbers are worked by hand in tests/scoring/hand_worked.py (the fixture framework's answers).
"""

from __future__ import annotations

import json

import pytest

from roam.scoring import (
    country_records,
    score,
    uncertainty,
)


def test_records_shape(fw, responses):
    s = score(fw, responses, settings={"coverage_rule": "components_and_indicators"})
    unc = uncertainty(fw, scores=s, draws=50, seed=1)
    records = country_records(s, unc)
    json.dumps(records)  # JSON-ready
    xa, xb = records
    assert xa["country"] == "XA" and xa["framework"] == "2024"
    assert set(xa["index"]) >= {"score", "low", "high", "coverage", "band"}
    assert xa["index"]["score"] == pytest.approx(57.1875)
    assert xa["index"]["low"] <= xa["index"]["high"]
    assert xa["categories"]["M"]["band"] == "Emerging"
    assert set(xa["categories"]) == {"R", "O", "A", "M", "X"}
    assert xb["index"]["score"] is None and xb["index"]["band"] is None
    assert xb["index"]["status"] == "insufficient_data" and xb["index"]["reason"]
    assert xb["categories"]["R"]["coverage"] == pytest.approx(2 / 3)  # 2 of 3 R indicators
    assert country_records(s)[0]["index"]["low"] is None
