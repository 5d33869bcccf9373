"""First-order sensitivity indices: the estimator on known functions, then on hand-worked data."""

from __future__ import annotations

import json

import numpy as np
import pytest

from roam.scoring import country_records, score
from roam.scoring.sensitivity import first_order, run_sensitivity, to_indices

NO_NOISE = {"indicator": 0.0, "question": 0.0, "theme": 0.0, "category": 0.0}


def uniform(r: np.random.Generator, n: int) -> np.ndarray:
    return r.uniform(0, 1, (n, 1))


def test_estimator_on_an_additive_function():
    """Y = X1 + 2 X2, X uniform: Var = 1/12 + 4/12, so S1 = 1/5 and S2 = 4/5 exactly."""
    v, total = first_order(
        lambda g: g[0][:, 0] + 2 * g[1][:, 0], [uniform, uniform], 20_000, np.random.default_rng(1)
    )
    s = to_indices(v, total)
    assert s.tolist() == pytest.approx([0.2, 0.8], abs=0.03)


def test_estimator_with_an_interaction_leaves_room_for_it():
    """Y = X1 * X2 with X uniform on [-1, 1]: no first-order effect at all, only interaction."""

    def centred(r, n):
        return r.uniform(-1, 1, (n, 1))

    v, total = first_order(
        lambda g: g[0][:, 0] * g[1][:, 0], [centred, centred], 20_000, np.random.default_rng(2)
    )
    assert to_indices(v, total).tolist() == pytest.approx([0.0, 0.0], abs=0.03)


def test_indices_clipped_and_scaled_to_sum_at_most_one():
    s = to_indices(np.array([[-0.1, 0.6, 0.0], [0.8, 0.6, 0.0]]), np.array([1.0, 1.0, 0.0]))
    assert s[:, 0].tolist() == [0.0, 0.8]
    assert s[:, 1].tolist() == pytest.approx([0.5, 0.5])  # 1.2 scaled down to 1
    assert s[:, 1].sum() <= 1
    assert np.isnan(s[:, 2]).all()  # nothing moves: nothing to explain


def test_only_the_method_varies(fw, responses):
    s = score(fw, responses)
    sens = run_sensitivity(s, samples=32, noise=NO_NOISE)
    assert sens.inputs == ("method",)
    t = sens.table.set_index(["country", "level", "id"])
    # XA's R.A mixes 62.5 and 40: arithmetic 51.25, geometric differs -> all from the method
    assert t.loc[("XA", "theme", "R.A"), "index"] == pytest.approx(1.0)
    assert ("XA", "category", "M") not in t.index  # M = 0 under every method: nothing to explain


def test_only_question_weights_vary(fw, responses):
    """Arithmetic only and noise on question weights only: R.A (two questions) owes its whole
    variance to them; A.A has one question, so its score never moves."""
    s = score(fw, responses)
    noise = {**NO_NOISE, "question": 0.5}
    sens = run_sensitivity(s, samples=400, noise=noise, methods=["arithmetic"])
    assert sens.inputs == ("weights.question",)
    t = sens.table.set_index(["country", "level", "id"])
    assert t.loc[("XA", "theme", "R.A"), "index"] == pytest.approx(1.0, abs=0.05)
    assert ("XA", "theme", "A.A") not in t.index


def test_every_aggregate_sums_to_at_most_one(fw, responses):
    s = score(fw, responses, settings={"uncertainty": {"missing_policies": ["exclude", "zero"]}})
    sens = run_sensitivity(s, samples=64, seed=4)
    assert sens.inputs == (
        "weights.indicator",
        "weights.question",
        "weights.theme",
        "weights.category",
        "method",
        "missing_policy",
    )
    t = sens.table
    assert t["index"].between(0, 1).all()
    sums = t.groupby(["country", "level", "id"])["index"].sum()
    assert (sums <= 1).all() and len(sums) > 0
    # XB's R.A.1.2 is not available: "zero" makes R 55, "exclude" 60 (weights move both little)
    assert t[(t.country == "XB") & (t.input == "missing_policy")]["index"].max() > 0.3


def test_records_carry_sensitivity(fw, responses):
    s = score(fw, responses)
    sens = run_sensitivity(s, samples=32)
    records = country_records(s, sensitivity=sens)
    json.dumps(records)
    shares = records[0]["index"]["sensitivity"]
    assert set(shares) == {f"weights.{lv}" for lv in NO_NOISE} | {"method"}
    assert sum(shares.values()) <= 1
    assert max(shares, key=shares.get) == "method"  # geometric vs arithmetic dominates XA
