"""COINr's two tables scored with COINr's semantics: hand-worked trees, then parity with roam.

Tree used throughout (weights in brackets):
  Index (level 3) <- P1 [2], P2 [1], P3 [1]
  P1 <- i1 ... i6 [1 each]      P2 <- i7 [1] (one child)      P3 <- i8 [1], i9 [3]
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from roam.scoring import ScoringConfigError, score
from roam.scoring.coin import aggregate_tables, parse_threshold
from roam.scoring.tree import build_tree
from tests.oracle.synthetic import synthetic_responses

META = pd.DataFrame(
    [(f"i{k}", 1, "P1", 1, 1, "Indicator") for k in range(1, 7)]
    + [
        ("i7", 1, "P2", 1, 1, "Indicator"),
        ("i8", 1, "P3", 1, -1, "Indicator"),
        ("i9", 1, "P3", 3, 1, "Indicator"),
        ("P1", 2, "Index", 2, None, "Aggregate"),
        ("P2", 2, "Index", 1, None, "Aggregate"),
        ("P3", 2, "Index", 1, None, "Aggregate"),
        ("Index", 3, None, 1, None, "Aggregate"),
        ("Population", None, None, None, None, "Denominator"),  # not part of the tree
    ],
    columns=["iCode", "Level", "Parent", "Weight", "Direction", "Type"],
)
N = np.nan
DATA = pd.DataFrame(
    [
        ("U1", 10, 20, 30, 40, 50, 60, 80, 20, 60),
        ("U2", 10, 20, 30, 40, N, N, N, N, 60),  # P1: 4 of 6; P2: its only child missing
        ("U3", 10, 20, 30, N, N, N, 50, 40, 80),  # P1: 3 of 6
    ],
    columns=["uCode", *(f"i{k}" for k in range(1, 10))],
)


def table(**kwargs) -> pd.DataFrame:
    return aggregate_tables(META, DATA, **kwargs).set_index("uCode")


def test_arithmetic_without_threshold():
    t = table()
    assert list(t.columns) == ["P1", "P2", "P3", "Index"]
    # U1: P1 = 210 / 6 = 35; P2 = 80; P3 = (20 + 3 * 60) / 4 = 50; Index = (2*35 + 80 + 50) / 4
    assert t.loc["U1"].tolist() == [35.0, 80.0, 50.0, 50.0]
    # U2: P1 = 25; P2 empty; P3 = 60 (weights renormalised over i9); Index = (2*25 + 60) / 3
    assert t.loc["U2", "P1"] == 25.0 and math.isnan(t.loc["U2", "P2"])
    assert t.loc["U2", "P3"] == 60.0
    assert t.loc["U2", "Index"] == pytest.approx(110 / 3, rel=1e-15)


@pytest.mark.parametrize("threshold", ["2/3", 2 / 3, Fraction(2, 3), "0.6666666666666666"])
def test_two_thirds_threshold_four_of_six_passes(threshold):
    t = table(threshold=threshold)
    assert t.loc["U1"].tolist() == [35.0, 80.0, 50.0, 50.0]
    assert t.loc["U2", "P1"] == 25.0  # 4 of 6 == 2/3: passes
    assert math.isnan(t.loc["U2", "P2"])  # one child, missing: 0 of 1
    assert math.isnan(t.loc["U2", "P3"])  # 1 of 2 < 2/3
    assert math.isnan(t.loc["U2", "Index"])  # P2, P3 insufficient count as missing: 1 of 3
    assert math.isnan(t.loc["U3", "P1"])  # 3 of 6 < 2/3
    # U3: P2 = 50, P3 = (40 + 240) / 4 = 70; Index: 2 of 3 pass, (1*50 + 1*70) / 2
    assert t.loc["U3", ["P2", "P3", "Index"]].tolist() == [50.0, 70.0, 60.0]


def test_threshold_above_two_thirds_rejects_four_of_six():
    assert math.isnan(table(threshold="0.7").loc["U2", "P1"])
    assert table(threshold="1/2").loc["U3", "P1"] == 20.0  # 3 of 6 == 1/2 passes


def test_indicators_rule_counts_indicators_beneath():
    # U2's Index: 5 of 9 indicators (< 2/3) although P1 alone is computable
    t = table(threshold="1/2", rule="indicators")
    assert t.loc["U2", "Index"] == pytest.approx((2 * 25 + 60) / 3)  # 5/9 >= 1/2
    assert math.isnan(table(threshold="2/3", rule="indicators").loc["U2", "Index"])


def test_geometric_with_and_without_shift():
    t = table(method="geometric")
    p1 = math.prod([10, 20, 30, 40, 50, 60]) ** (1 / 6)
    p3 = math.exp((math.log(20) + 3 * math.log(60)) / 4)
    index = math.exp((2 * math.log(p1) + math.log(80) + math.log(p3)) / 4)
    assert t.loc["U1"].tolist() == pytest.approx([p1, 80, p3, index], rel=1e-12)
    shifted = table(method="geometric", shift=1)
    assert shifted.loc["U3", "P3"] == pytest.approx(
        math.exp((math.log(41) + 3 * math.log(81)) / 4) - 1
    )
    zero = DATA.assign(i1=[0, 10, 10])
    with pytest.raises(ScoringConfigError, match=r"row 2 \(U1\), column i1: .*--shift 1"):
        aggregate_tables(META, zero, method="geometric")
    assert aggregate_tables(META, zero, method="geometric", shift=1)["P1"].notna().all()


def test_zero_weights_give_no_value():
    meta = META.copy()
    meta.loc[meta.iCode == "i9", "Weight"] = 0
    t = aggregate_tables(meta, DATA.assign(i8=N)).set_index("uCode")
    assert t["P3"].isna().all()  # only i9 has data, and it weighs nothing


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: m.drop(columns="Weight"), "missing column(s) Weight"),
        (
            lambda m: m.assign(Parent=m.Parent.replace("P3", "P9")),
            "row 9 (i8), Parent: 'P9' is not",
        ),
        (lambda m: m.assign(Weight=m.Weight.replace(3, -1)), "row 10 (i9), Weight: must not be"),
        (lambda m: m.assign(Level=m.Level.replace(3, 2)), "row 11 (P1), Parent: Index is level 2"),
        (lambda m: pd.concat([m, m.iloc[[0]]]), "repeated code(s): i1"),
        (
            lambda m: m.assign(Weight=m.Weight.astype(object).replace(1, "one")),
            "'one' is not a number",
        ),
    ],
)
def test_meta_errors_name_row_and_column(change, message):
    with pytest.raises(ScoringConfigError) as err:
        aggregate_tables(change(META.copy()), DATA)
    assert message in str(err.value)


def test_data_errors_name_row_and_column():
    with pytest.raises(ScoringConfigError, match=r"no column for indicator\(s\) i9"):
        aggregate_tables(META, DATA.drop(columns="i9"))
    bad = DATA.astype(object)
    bad.loc[1, "i3"] = "n/a?"
    with pytest.raises(
        ScoringConfigError, match=r"row 3 \(U2\), column i3: 'n/a\?' is not a number"
    ):
        aggregate_tables(META, bad)
    with pytest.raises(ScoringConfigError, match="repeated unit code"):
        aggregate_tables(META, pd.concat([DATA, DATA.iloc[[0]]]))


def test_threshold_parsing():
    assert parse_threshold("2/3") == Fraction(2, 3) == parse_threshold(0.6666666666666666)
    assert parse_threshold(None) is None
    for bad in ("two thirds", "3/2", "1/0"):
        with pytest.raises(ScoringConfigError):
            parse_threshold(bad)


def test_same_numbers_as_the_engine_with_the_direct_rule(fw):
    """The 2024 fixture tree written as COINr tables (the index categories only) gives what
    score(..., coverage_rule="direct") gives, wherever nothing is "not applicable"."""
    tree = build_tree(fw)
    index = fw.index_id
    data = synthetic_responses(fw, 30, seed=5, not_applicable=0.0, not_available=0.3)
    s = score(fw, data, settings={"coverage_rule": "direct"})
    keep = [i for i in tree.indicators if fw.by_id[i].category in fw.index_categories]
    meta = [(i, 1, fw.by_id[i].question, 1, 1, "Indicator") for i in keep]
    questions = list(dict.fromkeys(fw.by_id[i].question for i in keep))
    themes = list(dict.fromkeys(fw.by_id[i].theme for i in keep))
    meta += [(q, 2, fw.questions[q][0], 1, None, "Aggregate") for q in questions]
    meta += [(t, 3, t.split(".")[0], 1, None, "Aggregate") for t in themes]
    meta += [(c, 4, index, 1, None, "Aggregate") for c in fw.index_categories]
    meta += [(index, 5, None, 1, None, "Aggregate")]
    imeta = pd.DataFrame(meta, columns=["iCode", "Level", "Parent", "Weight", "Direction", "Type"])
    points = s.indicators.pivot(index="country", columns="indicator_id", values="points")
    idata = points[keep].reset_index().rename(columns={"country": "uCode"})
    got = aggregate_tables(imeta, idata, threshold="2/3").set_index("uCode")
    cats = list(fw.index_categories)
    for level, ids in (("question", questions), ("theme", themes), ("category", cats)):
        expect = s.matrix(level)[ids]
        assert np.allclose(got[ids].to_numpy(), expect.to_numpy(), equal_nan=True, atol=1e-9)
    assert np.allclose(got[index], s.matrix("index")[index], equal_nan=True, atol=1e-9)
    assert got[index].isna().any() and got[index].notna().any()  # both cases exercised
