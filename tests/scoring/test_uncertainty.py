"""Monte Carlo uncertainty: intervals, seeds and rank positions.

Numbers are worked by hand in tests/scoring/hand_worked.py (the fixture framework's answers).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from roam.scoring import (
    score,
    uncertainty,
)


def test_uncertainty_zero_noise_reproduces_nominal(fw, responses):
    s = score(fw, responses)
    zero = {k: 0.0 for k in ("indicator", "question", "theme", "category")}
    t = uncertainty(fw, scores=s, draws=5, noise=zero, methods=["arithmetic"]).table
    ok = t["score"].notna()
    assert np.allclose(t.loc[ok, "median"], t.loc[ok, "score"])
    assert np.allclose(t.loc[ok, "low"], t.loc[ok, "high"])
    assert t.loc[~ok, "median"].isna().all()


def test_uncertainty_intervals_and_seed(fw, responses):
    a = uncertainty(fw, responses, draws=200, seed=3).table
    b = uncertainty(fw, responses, draws=200, seed=3).table
    pd.testing.assert_frame_equal(a, b)
    ok = a["score"].notna()
    assert (a.loc[ok, "low"] <= a.loc[ok, "median"] + 1e-9).all()
    assert (a.loc[ok, "median"] <= a.loc[ok, "high"] + 1e-9).all()
    cats = a[a.level == "category"].dropna(subset=["score"])
    assert not [c for c in cats.columns if "rank" in c]  # no positions: UNESCO does not rank


def test_missing_policy_drawn_when_listed(fw, responses):
    """With both policies listed, draws also pick the policy: XB's O (its only indicator
    unanswered) is 0 under "zero" and has no score under "exclude", so its interval comes from
    the "zero" draws only, and XB's R mixes R under both policies (60 and 55)."""
    cfg = {"uncertainty": {"missing_policies": ["exclude", "zero"]}}
    s = score(fw, responses, settings=cfg)
    zero = {k: 0.0 for k in ("indicator", "question", "theme", "category")}
    unc = uncertainty(fw, scores=s, draws=400, seed=1, noise=zero, methods=["arithmetic"])
    assert unc.missing_policies == ("exclude", "zero")
    t = unc.table.set_index(["country", "level", "id"])
    r = t.loc[("XB", "category", "R")]
    assert (r["low"], r["high"]) == pytest.approx((55, 60))
    o = t.loc[("XB", "category", "O")]
    assert math.isnan(o["score"]) and o["low"] == o["high"] == 0
    plain = uncertainty(fw, scores=score(fw, responses), draws=50, seed=1)
    assert plain.missing_policies == ("exclude",)
