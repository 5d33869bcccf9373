"""Weights as data: named sets, files, mappings and the errors that name file and item.

Numbers are worked by hand in tests/scoring/hand_worked.py (the fixture framework's answers).
"""

from __future__ import annotations

import numpy as np
import pytest

from roam.framework import load_framework
from roam.scoring import (
    ScoringConfigError,
    ScoringSettings,
    load_settings,
    load_weights,
    score,
)
from tests.scoring.hand_worked import ROOT, cell


def test_named_weight_sets(fw, responses):
    w = load_weights("core_double", fw, root=ROOT)
    s = score(fw, responses, weights=w)
    # R.A.1 = (2*50 + 75)/3 = 58.333; R.A = (58.333 + 40)/2 = 49.1667
    # A.A.1 = (2*80 + 75)/3 = 78.333; index = (49.1667 + 100 + 78.333 + 0)/4 = 56.875
    assert cell(s.themes, "XA", "R.A")["score"] == pytest.approx(49.1666667)
    assert cell(s.index, "XA", "ROAM")["score"] == pytest.approx(56.875)
    heavy = score(fw, responses, weights=load_weights("rights_heavy", fw, root=ROOT))
    # R.A = (62.5 + 2*40)/3 = 47.5; index = (3*47.5 + 100 + 77.5 + 0)/6 = 53.333
    assert cell(heavy.index, "XA", "ROAM")["score"] == pytest.approx(320 / 6)


def test_default_weights_equal_and_without_file(fw, responses):
    assert load_weights(None, fw, root=ROOT).name == "equal"
    assert load_weights(None, fw).name == "equal"  # folder unknown: equal weights
    s1 = score(fw, responses)
    s2 = score(fw, responses, weights={"weights": {}})
    assert np.allclose(s1.level("index").score, s2.level("index").score, equal_nan=True)


def test_weights_relative_within_group(fw, responses):
    a = score(fw, responses, weights={"weights": {"R.A.1.1": 1, "R.A.1.2": 3}})
    b = score(fw, responses, weights={"weights": {"R.A.1.1": 10, "R.A.1.2": 30}})
    assert np.allclose(a.level("index").score, b.level("index").score, equal_nan=True)
    table = a.weights.table(fw).set_index("id")
    assert table.loc["R.A.1.2", "share"] == 0.75


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"weights": {"R.Z.1.1": 1}}, "weights.R.Z.1.1: unknown id"),
        ({"weights": {"R.A.1.1": -1}}, "R.A.1.1: weight must not be negative"),
        ({"weights": {"R.A.1.1": 0, "R.A.1.2": 0}}, "R.A.1: the weights of all its indicator"),
        ({"weights": {"R": 0, "O": 0, "A": 0, "M": 0}}, "ROAM: the weights of all its category"),
        ({"weights": {"X": 2}}, "X is reported beside the ROAM index"),
        ({"weights": {"C.1": 2}}, "contextual indicators are never scored"),
        ({"wieghts": {}}, "unknown field 'wieghts'"),
        ({"core_weight": -2}, "core_weight: Input should be greater than or equal to 0"),
    ],
)
def test_weight_errors(fw, weights, message):
    with pytest.raises(ScoringConfigError, match=None) as err:
        load_weights(weights, fw)
    assert message in str(err.value)


def test_weight_file_errors_name_file_and_item(fw, tmp_path):
    bad = tmp_path / "my-weights.yaml"
    bad.write_text("default: equal\nsets:\n  equal: {}\n  mine: {weights: {R.A.9: 1}}\n")
    with pytest.raises(ScoringConfigError) as err:
        load_weights(bad, fw, set_name="mine")
    assert str(err.value).startswith(str(bad)) and "mine.weights.R.A.9: unknown id" in str(
        err.value
    )
    bad.write_text("default: nope\nsets:\n  equal: {}\n")
    with pytest.raises(ScoringConfigError, match="default set 'nope' is not defined"):
        load_weights(bad, fw)
    with pytest.raises(ScoringConfigError, match="no such weight set"):
        load_weights("nope", fw, root=ROOT)
    single = tmp_path / "single.yaml"
    single.write_text("description: mine\nweights: {M: 5}\n")
    assert load_weights(single, fw).category.tolist() == [1, 1, 1, 5, 1]


def test_framework_weight_files_are_valid():
    for version, root in (("2018", None), ("2024", ROOT)):
        framework = load_framework(version, root=root)
        assert load_weights("core_double", framework, root=root).name == "core_double"
        assert isinstance(load_settings(None, framework, root=root), ScoringSettings)
