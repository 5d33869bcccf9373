"""Which countries cannot be told apart, from hand-worked intervals."""

from __future__ import annotations

from roam.export.overlap import overlapping


def test_overlap_of_hand_worked_intervals():
    intervals = {"XC": (60.0, 70.0), "XA": (40.0, 55.0), "XB": (50.0, 62.0), "XD": (80.0, 90.0)}
    assert overlapping(intervals) == {
        "XA": ["XB"],  # 40-55 meets 50-62 only
        "XB": ["XA", "XC"],  # 50-62 meets both neighbours
        "XC": ["XB"],
        "XD": [],  # 80-90 stands apart
    }


def test_touching_intervals_overlap_and_points_need_equality():
    assert overlapping({"XA": (10.0, 20.0), "XB": (20.0, 30.0)})["XA"] == ["XB"]
    assert overlapping({"XA": (10.0, 10.0), "XB": (11.0, 11.0)})["XA"] == []
