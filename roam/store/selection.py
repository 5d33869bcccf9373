"""Which assessment a request means: one rule for the repository, the access layer and the app.

A country can hold several assessments: one per year, and in one year one per framework and
indicator set (a ``core`` and a ``full`` set side by side). A request names a country and
optionally a year, framework and indicator set. The rule:

1. keep the assessments that match what the request names;
2. with no year, keep the latest year, looking first at assessments that are not archived;
3. when several remain (two indicator sets in one year), take the one furthest along
   (published, then submitted, validated, draft, archived), then the most recently changed,
   then the ``full`` set before the ``core`` set.

The access layer applies the same rule to the assessments a user may see, so a viewer who may
see only the published full set is never handed the draft core set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol, TypeVar

from roam.store.status import FORWARD

PROGRESS = {status: rank for rank, status in enumerate(("archived", *FORWARD))}


class Candidate(Protocol):
    year: int
    framework: str
    indicator_set: str
    status: str
    updated_at: dt.datetime


C = TypeVar("C", bound=Candidate)


def matching(
    candidates: Sequence[C],
    year: int | None = None,
    framework: str | None = None,
    indicator_set: str | None = None,
) -> list[C]:
    """Steps 1 and 2: the assessments of the requested (or latest) year that match."""
    rows = [
        c
        for c in candidates
        if (year is None or c.year == year)
        and (framework is None or c.framework == framework)
        and (indicator_set is None or c.indicator_set == indicator_set)
    ]
    if year is None and rows:
        live = [c for c in rows if c.status != "archived"] or rows
        top = max(c.year for c in live)
        rows = [c for c in live if c.year == top]
    return rows


def rank(candidate: Candidate) -> tuple:
    """Step 3's order: larger is preferred."""
    return (
        PROGRESS.get(candidate.status, -1),
        candidate.updated_at,
        candidate.indicator_set == "full",
    )


def choose(
    candidates: Sequence[C],
    year: int | None = None,
    framework: str | None = None,
    indicator_set: str | None = None,
) -> C | None:
    """The assessment a request means, or None when nothing matches."""
    rows = matching(candidates, year, framework, indicator_set)
    return max(rows, key=rank) if rows else None
