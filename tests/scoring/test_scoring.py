"""Scoring engine: hand-worked examples on the small 2024 fixture framework, one test per rule.

Numbers in comments are worked by hand from tests/fixtures/frameworks/2024 (see its YAML files):
  R.A.1: R.A.1.1 yes/partly/no (core), R.A.1.2 evidence rubric 0-4   R.A.2: R.A.2.1 perception %
  O.A.1: O.A.1.1 yes/no      A.A.1: A.A.1.1 % (0-100, higher), A.A.1.2 number (2-10, lower)
  M.A.1: M.A.1.1 yes/partly/no     X.F.1: X.F.1.1 yes/partly/no (core), X.F.1.2 rubric
  C.1 number, C.2 free text (contextual: kept, never scored)
"""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from roam.framework import load_framework
from roam.scoring import (
    ScoringConfigError,
    ScoringInputError,
    ScoringSettings,
    load_settings,
    load_weights,
    score,
    strengths_weaknesses,
    uncertainty,
)
from roam.scoring.points import numeric_points
from roam.scoring.reference import reference_score
from roam.scoring.uncertainty import ranks
from tests.conftest import FIXTURES

ROOT = FIXTURES / "frameworks"
COLS = ["country", "indicator_id", "status", "answer", "value"]


@pytest.fixture(scope="module")
def fw():
    return load_framework("2024", root=ROOT)


def rows(country: str, answers: dict[str, object]) -> list[tuple]:
    """answers: id -> label (str), number (float) or a status name in angle brackets."""
    out = []
    for ind, a in answers.items():
        if isinstance(a, str) and a.startswith("<"):
            out.append((country, ind, a.strip("<>"), None, math.nan))
        elif isinstance(a, str):
            out.append((country, ind, "available", a, math.nan))
        else:
            out.append((country, ind, "available", None, float(a)))
    return out


XA = {
    "R.A.1.1": "Partly",  # 50
    "R.A.1.2": "3 - Substantial",  # 75  -> R.A.1 = 62.5
    "R.A.2.1": 40,  # perception share as it is: 40 -> R.A.2 = 40; R.A = R = 51.25
    "O.A.1.1": "Yes",  # 100 -> O = 100
    "A.A.1.1": 80,  # 80
    "A.A.1.2": 4,  # lower is better, 2..10: (10 - 4) / 8 * 100 = 75 -> A.A.1 = A = 77.5
    "M.A.1.1": "No",  # 0 -> M = 0
    "X.F.1.1": "Yes",  # 100
    "X.F.1.2": "<not_applicable>",  # leaves the denominator -> X = 100
    "C.1": 20000,  # contextual: kept, not scored
    "C.2": "A growing economy.",
}
# index = (51.25 + 100 + 77.5 + 0) / 4 = 57.1875

XB = {
    "R.A.1.1": "Yes",  # 100
    "R.A.1.2": "<not_available>",  # R.A.1: 1 of 2 = 50 % < 2/3 -> insufficient data
    "R.A.2.1": 60,  # R.A: 1 of 2 questions -> insufficient; so R insufficient
    # O.A.1.1 absent = unanswered -> O.A.1, O.A, O insufficient
    "A.A.1.1": 120,  # truncated to 100
    "A.A.1.2": 1,  # (10 - 1) / 8 * 100 = 112.5, truncated to 100 -> A = 100
    "M.A.1.1": "Partly",  # 50 -> M = 50
    "X.F.1.1": "<not_applicable>",
    "X.F.1.2": "<not_applicable>",  # nothing applicable -> X not applicable
}
# index: 2 of 4 categories scored = 50 % < 2/3 -> insufficient data


@pytest.fixture(scope="module")
def responses() -> pd.DataFrame:
    return pd.DataFrame(rows("XA", XA) + rows("XB", XB), columns=COLS)


def cell(table: pd.DataFrame, country: str, ident: str) -> pd.Series:
    hit = table[(table["country"] == country) & (table["id"] == ident)]
    assert len(hit) == 1
    return hit.iloc[0]


# --------------------------------------------------------------------------- points


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


# ---------------------------------------------------------------------- aggregation


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
    ref = reference_score(fw, responses, s.weights, s.settings)
    assert ref["XA"]["ROAM"][0] == pytest.approx(cell(s.index, "XA", "ROAM")["score"])


# -------------------------------------------------------------------------- weights


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


# ------------------------------------------------------------------------- settings


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


# ---------------------------------------------------------------------------- input


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


# ---------------------------------------------------------- profile, records, ranks


def test_strengths_and_weaknesses(fw, responses):
    sw = strengths_weaknesses(score(fw, responses)).query("country == 'XA'")
    # themes R.A 51.25, O.A 100, A.A 77.5, M.A 0, X.F 100; mean 65.75
    strengths = sw[sw.kind == "strength"]
    assert strengths["theme"].tolist() == ["O.A", "X.F", "A.A"]
    assert strengths["gap"].tolist() == pytest.approx([34.25, 34.25, 11.75])
    assert sw[sw.kind == "weakness"]["theme"].tolist() == ["M.A", "R.A"]


def test_ranks_competition_style():
    got = ranks(np.array([[50.0, 70.0, 70.0, np.nan, 10.0]]))
    assert got[0, :3].tolist() == [3, 1, 1] and math.isnan(got[0, 3]) and got[0, 4] == 4


def test_records_shape(fw, responses):
    s = score(fw, responses, settings={"coverage_rule": "components_and_indicators"})
    unc = uncertainty(fw, scores=s, draws=50, seed=1)
    records = s.to_records(unc)
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
    assert s.to_records()[0]["index"]["low"] is None


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
    assert {"rank", "rank_median", "rank_best", "rank_worst"} <= set(cats.columns)
    assert (cats["rank_best"] <= cats["rank_worst"]).all()
