"""Participation balance: raters per group and gender against the MAB; absent groups named."""

from roam.review.balance import balance


def test_balance_names_groups_that_did_not_take_part():
    mab = [
        {"group": "Government"},
        {"group": "Government"},
        {"group": "Civil society"},
        {"group": "Academia"},
        {"group": "Media"},
    ]
    raters = [
        {"group": "Government", "gender": "Woman"},
        {"group": "Civil society", "gender": "Man"},
        {"group": "Civil society", "gender": None},
        {"group": "Other", "gender": "Woman"},
    ]
    b = balance(raters, mab)
    assert b.raters == 4
    assert b.by_group["Government"] == {"raters": 1, "mab": 2}
    assert b.by_group["Civil society"] == {"raters": 2, "mab": 1}
    assert b.by_group["Other"] == {"raters": 1, "mab": 0}
    # Expected groups with no rater are named, in the vocabulary's order ("Other" only if present).
    assert b.missing_groups == [
        "Private sector",
        "Academia",
        "Technical community",
        "Media",
        "Intergovernmental organisation",
    ]
    assert b.by_gender == {"Woman": 2, "Man": 1, "Not stated": 1}
    assert b.women_share == 0.5
    assert "groups that did not take part: Private sector, Academia" in b.summary()
    assert balance([], mab).summary() == "Nobody has rated yet."
