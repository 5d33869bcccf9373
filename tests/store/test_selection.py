"""The one rule for which assessment a request means (roam/store/selection.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roam.store.selection import choose, matching

T0 = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class A:
    year: int
    indicator_set: str
    status: str
    updated_at: dt.datetime = T0
    framework: str = "2018"


def test_two_sets_in_one_year_the_one_furthest_along_wins():
    core = A(2025, "core", "draft", T0 + dt.timedelta(days=3))  # changed more recently
    full = A(2025, "full", "published")
    assert choose([core, full]) is full
    assert choose([core, full], indicator_set="core") is core
    assert choose([A(2025, "core", "validated"), A(2025, "full", "validated")]).indicator_set == (
        "full"
    )
    later = A(2025, "core", "validated", T0 + dt.timedelta(days=1))
    assert choose([later, A(2025, "full", "validated")]) is later


def test_without_a_year_the_latest_year_not_archived():
    old, new, gone = (
        A(2024, "full", "published"),
        A(2025, "full", "draft"),
        A(2026, "full", "archived"),
    )
    assert choose([old, new, gone]) is new
    assert choose([gone]) is gone  # only archived ones: still found (the caller decides access)
    assert choose([old, new, gone], year=2024) is old
    assert matching([old, new], framework="2030") == []
    assert choose([]) is None
