"""Answers to points: scale data, goalposts, statuses and input errors.

Numbers are worked by hand in tests/scoring/hand_worked.py (the fixture framework's answers).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from roam.framework import load_framework
from roam.scoring import (
    ScoringInputError,
    score,
)
from roam.scoring.points import numeric_points
from tests.scoring.hand_worked import COLS, rows


def test_points_from_scale_data(fw, responses):
    s = score(fw, responses)
    ind = s.indicators.set_index(["country", "indicator_id"])
    assert ind.loc[("XA", "R.A.1.1"), "points"] == 50  # Partly
    assert ind.loc[("XA", "R.A.1.2"), "points"] == 75  # rubric 3 of 0..4
    assert ind.loc[("XA", "O.A.1.1"), "points"] == 100
    assert ind.loc[("XA", "M.A.1.1"), "points"] == 0
    assert ind.loc[("XA", "R.A.2.1"), "points"] == 40  # perception % as it is
    assert ind.loc[("XA", "A.A.1.2"), "points"] == 75  # goalposts, lower is better
    assert ind.loc[("XB", "A.A.1.1"), "points"] == 100  # 120 truncated
    assert ind.loc[("XB", "A.A.1.2"), "points"] == 100  # 112.5 truncated


def test_contextual_kept_never_scored(fw, responses):
    ind = score(fw, responses).indicators.set_index(["country", "indicator_id"])
    c1, c2 = ind.loc[("XA", "C.1")], ind.loc[("XA", "C.2")]
    assert c1["value"] == 20000 and not c1["scored"] and math.isnan(c1["points"])
    assert c2["answer"] == "A growing economy." and not c2["scored"]


def test_numeric_points_rules():
    low, high = np.array([0.0, 2.0, 0.0]), np.array([100.0, 10.0, 100.0])
    lower = np.array([False, True, True])
    perception = np.array([False, False, True])
    got = numeric_points(np.array([150.0, 6.0, 30.0]), low, high, lower, perception)
    # 150 truncated to 100; (10 - 6) / 8 = 50; perception share 30 where lower is better: 70
    assert got.tolist() == [100.0, 50.0, 70.0]


def test_rubric_levels_evenly_spaced_in_2018_scales():
    scales = load_framework("2018").scales
    assert [lv.points for lv in scales["evidence_rubric"].levels] == [0, 25, 50, 75, 100]
    assert [lv.points for lv in scales["yes_partly_no"].levels] == [100, 50, 0]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (("XA", "R.Z.1.1", "available", "Yes", math.nan), "not in framework 2024: R.Z.1.1"),
        (("XA", "R.A.1.1", "available", "Maybe", math.nan), "'Maybe' (scale yes_partly_no)"),
        (("XA", "R.A.1.1", "done", "Yes", math.nan), "unknown status(es) done"),
        (("XA", "R.A.1.1", "available", None, math.nan), "'available' but no answer: XA R.A.1.1"),
        (("XA", "A.A.1.1", "available", None, math.nan), "'available' but no number: XA A.A.1.1"),
    ],
)
def test_input_errors(fw, row, message):
    with pytest.raises(ScoringInputError) as err:
        score(fw, pd.DataFrame([row], columns=COLS))
    assert message in str(err.value)


def test_duplicate_rows_rejected(fw):
    data = pd.DataFrame(rows("XA", {"M.A.1.1": "Yes"}) * 2, columns=COLS)
    with pytest.raises(ScoringInputError, match="2 duplicate rows"):
        score(fw, data)


def test_labels_matched_like_people_type_them(fw):
    data = pd.DataFrame(rows("XA", {"M.A.1.1": "  partly ", "O.A.1.1": "YES"}), columns=COLS)
    ind = score(fw, data).indicators.set_index("indicator_id")
    assert ind.loc["M.A.1.1", "points"] == 50 and ind.loc["O.A.1.1", "points"] == 100
