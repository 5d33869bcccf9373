"""The verdict rules of indicators/2018/review.yaml, worked by hand on small examples.

Thresholds (review.yaml): at least 5 ratings taking a position from 2 groups; validated at 70%
agreeing; a group is mostly opposed above 50% opposing; a group supports above 50% agreeing.
"""

from __future__ import annotations

import pytest

from roam.review.rules import review_rules
from roam.review.verdict import judge

GOV, CS, AC, PS, TC = "Government", "Civil society", "Academia", "Private sector", "Technical"
SA, A, N, D, SD, U = "Strongly agree", "Agree", "Neutral", "Disagree", "Strongly disagree", "Unsure"


@pytest.fixture
def rules():
    return review_rules("2018")


def test_rules_are_read_from_review_yaml(rules):
    assert rules.validated_share == 0.7
    assert rules.min_raters == 5 and rules.min_groups == 2
    assert rules.labels == [SA, A, N, D, SD, U]
    assert rules.stance(U) == "unsure" and rules.stance(SD) == "oppose"


def test_rough_consensus_is_validated(rules):
    # 8 positioned ratings: 6 agree (75% >= 70%); CS has 1 agree 1 disagree (50% opposed,
    # not more than half): no group is mostly opposed; GOV, AC, PS support.
    ratings = [(GOV, SA), (GOV, A), (CS, A), (CS, D), (AC, A), (AC, A), (PS, SA), (PS, N)]
    v = judge("R.A.1", ratings, rules)
    assert v.verdict == "validated"
    assert v.agree_share == pytest.approx(6 / 8)
    assert v.group_shares() == {AC: 1.0, CS: 0.5, GOV: 1.0, PS: 0.5}
    assert v.distribution == {SA: 2, A: 4, N: 1, D: 1, SD: 0, U: 0}
    assert v.opposed_groups == () and set(v.supporting_groups) == {AC, GOV}


def test_captured_finding_is_never_validated(rules):
    # One large group agrees (8 of 11 = 73% overall, above 70%) but every other group opposes.
    ratings = [(GOV, SA)] * 5 + [(GOV, A)] * 3 + [(CS, D), (AC, SD), (PS, D)]
    v = judge("R.B.2", ratings, rules)
    assert v.agree_share == pytest.approx(8 / 11)
    assert v.agree_share >= rules.validated_share
    assert v.verdict == "contested"
    assert v.opposed_groups == (AC, CS, PS)
    assert v.single_group_support
    assert "Government support(s) it but Academia, Civil society, Private sector" in v.reason


def test_support_from_one_group_alone_is_contested(rules):
    # 5 of 7 agree (71%), nobody opposed, but only Government supports: the others are neutral.
    ratings = [(GOV, A)] * 5 + [(CS, N), (AC, N)]
    v = judge("O.A.1", ratings, rules)
    assert v.agree_share == pytest.approx(5 / 7)
    assert v.verdict == "contested"
    assert v.reason == "support comes from one group alone (Government)"


def test_a_group_mostly_opposed_blocks_validation(rules):
    # 9 of 12 agree (75%); Academia: 2 of 3 oppose (67% > 50%) -> contested, not validated.
    ratings = [(GOV, A)] * 4 + [(CS, A)] * 4 + [(AC, A), (AC, D), (AC, SD), (PS, N)]
    v = judge("A.C.2", ratings, rules)
    assert v.agree_share == pytest.approx(9 / 12)
    assert v.verdict == "contested" and v.opposed_groups == (AC,)


def test_broad_doubt_needs_revision(rules):
    # 3 of 6 agree (50% < 70%); no group mostly opposed, two groups support -> needs revision.
    ratings = [(GOV, A), (GOV, N), (CS, A), (CS, N), (AC, A), (AC, D)]
    v = judge("M.A.1", ratings, rules)
    assert v.agree_share == pytest.approx(0.5)
    assert v.verdict == "needs_revision"


def test_everyone_opposed_needs_revision_not_contested(rules):
    ratings = [(GOV, D), (GOV, D), (CS, SD), (AC, D), (PS, N)]
    assert judge("X.A.1", ratings, rules).verdict == "needs_revision"


def test_not_enough_raters(rules):
    # Unsure leaves the shares: 4 positioned ratings (< 5) although 6 people rated.
    ratings = [(GOV, A), (GOV, A), (CS, A), (AC, A), (AC, U), (PS, U)]
    v = judge("R.C.1", ratings, rules)
    assert v.verdict == "not_enough_raters"
    assert v.raters == 6 and v.positioned == 4
    assert v.distribution[U] == 2
    # Enough ratings but one group only.
    assert judge("R.C.2", [(GOV, A)] * 6, rules).verdict == "not_enough_raters"
    assert judge("R.C.3", [], rules).agree_share is None


def test_thresholds_come_from_the_rules(rules):
    # 5 of 8 agree (62.5%); Government and Civil society support (2 of 3 each).
    ratings = [(GOV, A), (GOV, A), (GOV, N), (CS, A), (CS, A), (CS, N), (AC, A), (AC, N)]
    assert judge("f", ratings, rules).verdict == "needs_revision"
    looser = rules.model_copy(update={"validated_share": 0.6})
    assert judge("f", ratings, looser).verdict == "validated"
