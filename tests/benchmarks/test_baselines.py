"""The benchmark baselines compute roam's numbers, so the ratios compare equal work."""

from __future__ import annotations

import pytest

from benchmarks.baselines import check_same, check_same_uncertainty, prepare
from roam.framework import load_framework
from roam.scoring import score
from tests.oracle.synthetic import synthetic_responses


@pytest.mark.slow
def test_baselines_agree_with_the_engine():
    fw = load_framework("2018")
    data = synthetic_responses(fw, 12, seed=3, not_available=0.2, unanswered=0.1)
    scores = score(fw, data)
    model = prepare(fw, scores)
    check_same(scores, data, model)  # plain, groupby and floor: every level, every country
    check_same_uncertainty(scores, model, draws=40, seed=2)


def test_check_same_notices_a_difference():
    fw = load_framework("2018")
    data = synthetic_responses(fw, 3, seed=1)
    scores = score(fw, data)
    model = prepare(fw, scores)
    model.weights[3] = model.weights[3] * [1, 2, 1, 1, 1]  # R counts double in the baselines
    with pytest.raises(AssertionError, match="baseline differs from roam at level 3"):
        check_same(scores, data, model)
