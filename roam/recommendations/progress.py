"""What became of a recommendation in the scores: its linked themes and indicators, before and
after, when a later assessment of the same country exists.

Scores come from roam.analysis without draws (points and theme scores need no interval here);
items a later framework no longer has are reported without a later value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from roam.analysis import analyse
from roam.questionnaire import Assessment
from roam.values import number_or_none


@dataclass(frozen=True)
class LinkedScores:
    """Points per indicator and score per theme of one assessment (NaN-free: None if none)."""

    year: int
    indicators: dict[str, float | None]
    themes: dict[str, float | None]


def linked_scores(assessment: Assessment) -> LinkedScores:
    scores = analyse([assessment], draws=0).scores
    indicators = {
        str(i): number_or_none(p)
        for i, p in zip(scores.indicators["indicator_id"], scores.indicators["points"], strict=True)
    }
    themes = {
        str(i): number_or_none(v)
        for i, v in zip(scores.themes["id"], scores.themes["score"], strict=True)
    }
    return LinkedScores(int(assessment.meta.year or 0), indicators, themes)


def changes(
    themes: list[str], indicators: list[str], base: LinkedScores, later: LinkedScores | None
) -> list[dict[str, Any]]:
    """One row per linked item: score at the recommendation's assessment, later, change."""
    rows = []
    for kind, ids, before_map, after_map in (
        ("theme", themes, base.themes, later.themes if later else None),
        ("indicator", indicators, base.indicators, later.indicators if later else None),
    ):
        for ident in ids:
            before = before_map.get(ident)
            after = after_map.get(ident) if after_map is not None else None
            change = after - before if before is not None and after is not None else None
            rows.append(
                {"kind": kind, "id": ident, "before": before, "after": after, "change": change}
            )
    return rows


def summary(rows: list[dict[str, Any]], later_year: int | None) -> str:
    """'R.A +12.5, R.A.1.2 +50 (2022 to 2025)'; plain words when nothing can be compared."""
    if later_year is None:
        return "no later assessment yet"
    parts = [f"{r['id']} {r['change']:+.0f}" for r in rows if r["change"] is not None]
    if not parts:
        return f"no comparable scores in {later_year}"
    return ", ".join(parts) + f" (to {later_year})"
