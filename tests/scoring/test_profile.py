"""Strengths and weaknesses against a country's own mean.

Numbers are worked by hand in tests/scoring/hand_worked.py (the fixture framework's answers).
"""

from __future__ import annotations

import pytest

from roam.scoring import (
    score,
    strengths_weaknesses,
)


def test_strengths_and_weaknesses(fw, responses):
    sw = strengths_weaknesses(score(fw, responses)).query("country == 'XA'")
    # themes R.A 51.25, O.A 100, A.A 77.5, M.A 0, X.F 100; mean 65.75
    strengths = sw[sw.kind == "strength"]
    assert strengths["theme"].tolist() == ["O.A", "X.F", "A.A"]
    assert strengths["gap"].tolist() == pytest.approx([34.25, 34.25, 11.75])
    assert sw[sw.kind == "weakness"]["theme"].tolist() == ["M.A", "R.A"]
