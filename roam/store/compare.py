"""Which indicators changed between two readings of an assessment, from what to what."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd

from roam.questionnaire.model import Assessment

COMPARED_FIELDS = ("status", "answer", "value", "unit", "data_year", "source", "evidence")


def plain(value: Any) -> Any:
    """A JSON- and DB-friendly scalar: pandas/numpy missing values become None, numpy -> Python."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


@dataclass(frozen=True)
class IndicatorChange:
    indicator_id: str
    field: str
    before: Any
    after: Any


@dataclass
class VersionDiff:
    before: str
    after: str
    changes: list[IndicatorChange] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def changed_indicators(self) -> list[str]:
        return list(dict.fromkeys(c.indicator_id for c in self.changes))

    @property
    def identical(self) -> bool:
        return not (self.changes or self.added or self.removed)

    def as_dict(self) -> dict[str, Any]:
        return {
            "before": self.before,
            "after": self.after,
            "changed_indicators": self.changed_indicators,
            "changes": [asdict(c) for c in self.changes],
            "added": self.added,
            "removed": self.removed,
        }


def diff_assessments(
    old: Assessment, new: Assessment, *, before: str = "before", after: str = "after"
) -> VersionDiff:
    """Compare the responses of two assessments indicator by indicator, in catalogue order."""
    old_rows = {r["indicator_id"]: r for r in old.responses.to_dict("records")}
    new_rows = {r["indicator_id"]: r for r in new.responses.to_dict("records")}
    diff = VersionDiff(before=before, after=after)
    diff.removed = [i for i in old_rows if i not in new_rows]
    diff.added = [i for i in new_rows if i not in old_rows]
    for ind, row in new_rows.items():
        was = old_rows.get(ind)
        if was is None:
            continue
        for name in COMPARED_FIELDS:
            a, b = plain(was.get(name)), plain(row.get(name))
            if a != b:
                diff.changes.append(IndicatorChange(ind, name, a, b))
    return diff
