"""Aggregation up the tree: hand-worked examples on the small 2024 fixture framework.

Numbers are worked by hand in tests/scoring/hand_worked.py (the fixture framework's answers).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from roam.scoring import (
    score,
)
from roam.scoring.aggregate import segment_sum
from roam.scoring.tree import Level
from tests.oracle.reference import oracle_score
from tests.scoring.hand_worked import COLS, ROOT, cell, rows


def test_hand_worked_arithmetic(fw, responses):
    s = score(fw, responses)
    assert cell(s.questions, "XA", "R.A.1")["score"] == pytest.approx(62.5)
    assert cell(s.themes, "XA", "R.A")["score"] == pytest.approx(51.25)
    cats = s.matrix("category").loc["XA"]
    assert cats.to_dict() == pytest.approx({"R": 51.25, "O": 100, "A": 77.5, "M": 0, "X": 100})
    assert cell(s.index, "XA", "ROAM")["score"] == pytest.approx(57.1875)
    assert cell(s.index, "XA", "ROAM")["coverage"] == 1.0


def test_not_applicable_leaves_denominator_missing_does_not(fw, responses):
    s = score(fw, responses)
    x = cell(s.questions, "XA", "X.F.1")  # one N/A of two: full coverage, score 100
    assert (x["score"], x["n_expected"], x["coverage"]) == (100, 1, 1.0)
    r = cell(s.questions, "XB", "R.A.1")  # one not available of two: coverage 1/2
    assert r["status"] == "insufficient_data" and math.isnan(r["score"])
    assert r["coverage"] == 0.5
    assert "1 of 2 applicable indicators beneath have data (50%), below the 67%" in r["reason"]


def test_insufficient_data_by_indicators_beneath(fw, responses):
    """Default rule: an aggregate needs 2/3 of the applicable indicators beneath it with data.

    XB: R.A.1.1 Yes (100), R.A.1.2 not available, R.A.2.1 = 60; O.A.1.1 unanswered;
    A = 100, M = 50, X all not applicable.
    R.A.1: 1 of 2 indicators (50%) -> insufficient. R.A: 2 of 3 indicators (67%) -> scored,
    mean of its scored questions = R.A.2 = 60; R = 60. O: 0 of 1 -> insufficient.
    Index: 5 of 7 indicators (71%) -> scored, (60 + 100 + 50) / 3 = 70.
    """
    s = score(fw, responses)
    assert math.isnan(cell(s.questions, "XB", "R.A.1")["score"])
    assert cell(s.themes, "XB", "R.A")["score"] == pytest.approx(60)
    cats = s.categories.set_index(["country", "id"])
    assert cats.loc[("XB", "R"), "score"] == pytest.approx(60)
    assert cats.loc[("XB", "O"), "status"] == "insufficient_data"
    assert "0 of 1 applicable indicators beneath have data" in cats.loc[("XB", "O"), "reason"]
    idx = cell(s.index, "XB", "ROAM")
    assert idx["score"] == pytest.approx(70)


def test_insufficient_data_propagates_with_reason(fw, responses):
    s = score(fw, responses, settings={"coverage_rule": "components_and_indicators"})
    cats = s.categories.set_index(["country", "id"])
    assert cats.loc[("XB", "R"), "status"] == "insufficient_data"
    assert cats.loc[("XB", "O"), "status"] == "insufficient_data"  # O.A.1.1 unanswered (absent)
    assert cats.loc[("XB", "A"), "score"] == 100
    assert cats.loc[("XB", "M"), "score"] == 50
    assert cats.loc[("XB", "X"), "status"] == "not_applicable"
    assert "no applicable themes" in cats.loc[("XB", "X"), "reason"]
    idx = cell(s.index, "XB", "ROAM")
    assert idx["status"] == "insufficient_data" and math.isnan(idx["score"])
    assert "2 of 4 applicable categories have a score (50%), below the 67%" in idx["reason"]


def test_missing_policy_zero_scores_missing_as_zero(fw, responses):
    s = score(fw, responses, settings={"missing_policy": "zero"})
    # R.A.1 = (100 + 0) / 2 = 50; R.A = (50 + 60) / 2 = 55; O = 0; A = 100; M = 50
    cats = s.matrix("category").loc["XB"]
    assert cats[["R", "O", "A", "M"]].tolist() == pytest.approx([55, 0, 100, 50])
    idx = cell(s.index, "XB", "ROAM")
    assert idx["score"] == pytest.approx(51.25)  # (55 + 0 + 100 + 50) / 4
    assert idx["n_imputed"] == 2  # R.A.1.2 and O.A.1.1: never silent
    assert idx["indicator_coverage"] == pytest.approx(5 / 7)  # coverage still reports real data
    ind = s.indicators.set_index(["country", "indicator_id"])
    assert ind.loc[("XB", "O.A.1.1"), "imputed"] and ind.loc[("XB", "O.A.1.1"), "points"] == 0
    assert math.isnan(cats["X"])  # not applicable is never imputed


def test_threshold_is_a_setting(fw, responses):
    s = score(fw, responses, settings={"coverage_threshold": {"question": 0.5, "theme": 0.5}})
    assert cell(s.questions, "XB", "R.A.1")["score"] == 100  # 1 of 2 now enough
    assert cell(s.themes, "XB", "R.A")["score"] == pytest.approx(80)  # (100 + 60) / 2


def test_core_assessment_measured_against_core_set(fw):
    core = {
        "R.A.1.1": "Yes",
        "R.A.2.1": 100,
        "O.A.1.1": "Yes",
        "A.A.1.1": 100,
        "M.A.1.1": "Yes",
        "X.F.1.1": "Yes",
    }
    data = pd.DataFrame(rows("XC", core), columns=COLS)
    s = score(fw, data, indicator_sets={"XC": "core"})
    idx = cell(s.index, "XC", "ROAM")
    assert idx["score"] == 100 and idx["indicator_coverage"] == 1.0
    st = s.indicators.set_index("indicator_id")["status"]
    assert st["R.A.1.2"] == "not_assessed"
    full = score(fw, data)  # as a full assessment, half of R.A.1 and A.A.1 is missing
    assert cell(full.questions, "XC", "R.A.1")["status"] == "insufficient_data"


def test_geometric_mean_with_shift_rule(fw, responses):
    s = score(fw, responses, settings={"aggregation": "geometric"})
    # A.A.1: sqrt((80 + 1) * (75 + 1)) - 1 = sqrt(6156) - 1 = 77.4602
    assert cell(s.questions, "XA", "A.A.1")["score"] == pytest.approx(math.sqrt(6156) - 1)
    assert cell(s.questions, "XA", "M.A.1")["score"] == 0  # a zero stays 0, not an error
    ref = oracle_score(ROOT / "2024", responses, None, s.settings)
    assert ref["XA"]["ROAM"][0] == pytest.approx(cell(s.index, "XA", "ROAM")["score"])


@pytest.mark.parametrize(
    ("parent_of", "expected"),
    [
        ([0, 0, 2], [[3.0, 0.0, 4.0]]),  # parent 1 has no children: 0, not its neighbour's 4
        ([0, 0], [[3.0, 0.0]]),  # the last parent empty: 0, not an IndexError
        ([1, -1, 1], [[0.0, 5.0]]),  # a child left out, parents out of order
        ([-1, -1], [[0.0, 0.0]]),  # no children at all
    ],
)
def test_segment_sum_empty_parents(parent_of, expected):
    level = Level("p", "c", ("a", "b", "c")[: len(expected[0])], np.array(parent_of))
    x = np.array([[1.0, 2.0, 4.0]])[:, : len(parent_of)]
    assert segment_sum(x, level).tolist() == expected
    weights = np.full(len(parent_of), 2.0)
    assert segment_sum(x, level, weights).tolist() == (2 * np.array(expected)).tolist()


def test_direct_rule_counts_direct_components_only(fw, responses):
    """COINr's dat_thresh: the share of direct components with a score, at every level.

    XB under "direct" (2/3): R.A.1 has 1 of 2 indicators -> insufficient; R.A then has 1 of 2
    questions (R.A.2 = 60) -> insufficient (the "indicators" rule scores it: 2 of 3 beneath);
    R insufficient; O insufficient (0 of 1); A = 100; M = 50; X not applicable.
    Index: 2 of 4 categories -> insufficient.
    """
    s = score(fw, responses, settings={"coverage_rule": "direct"})
    theme = cell(s.themes, "XB", "R.A")
    assert theme["status"] == "insufficient_data"
    assert "1 of 2 applicable questions have a score (50%), below the 67%" in theme["reason"]
    assert cell(s.index, "XB", "ROAM")["status"] == "insufficient_data"
    assert cell(s.index, "XA", "ROAM")["score"] == pytest.approx(57.1875)  # complete: unchanged
    relaxed = score(
        fw, responses, settings={"coverage_rule": "direct", "coverage_threshold": {"index": 0.5}}
    )
    # 2 of 4 categories = 1/2 passes: (A 100 + M 50) / 2, weights renormalised over the two
    assert cell(relaxed.index, "XB", "ROAM")["score"] == pytest.approx(75)
