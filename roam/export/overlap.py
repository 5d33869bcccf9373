"""Which countries cannot be told apart: pairs whose uncertainty intervals overlap.

This replaces any notion of position. Two countries whose 90% intervals overlap on a score may
swap places under other reasonable weights, imputations and methods, so no order between them
is shown; countries are always listed by code.
"""

from __future__ import annotations

import pandas as pd

from roam.analysis import Analysis
from roam.export.tables import category_label, index_name, level_table
from roam.i18n import _


def overlapping(intervals: dict[str, tuple[float, float]]) -> dict[str, list[str]]:
    """For each code, the other codes whose closed interval [low, high] meets its own."""
    return {
        code: [
            other
            for other, (lo2, hi2) in sorted(intervals.items())
            if other != code and lo <= hi2 and lo2 <= hi
        ]
        for code, (lo, hi) in sorted(intervals.items())
    }


def indistinguishable(analysis: Analysis) -> pd.DataFrame:
    """One row per score (index, categories) and country: its interval and the countries it
    cannot be told apart from. Countries with no score (insufficient data) are left out."""
    fw = analysis.framework
    rows = []
    for level in ("index", "category"):
        table = level_table(analysis, level)
        for item, part in table.groupby("id", sort=False):
            scored = part.dropna(subset=["score"])
            columns = (scored[c].tolist() for c in ("country", "score", "low", "high"))
            intervals = {  # plain columns: pandas' row iteration cost more than the rest
                country: (score if pd.isna(low) else low, score if pd.isna(high) else high)
                for country, score, low, high in zip(*columns, strict=True)
            }
            name = index_name(fw) if level == "index" else category_label(fw, item)
            for code, others in overlapping(intervals).items():
                lo, hi = intervals[code]
                shown = _("{low} to {high}").format(low=f"{lo:.0f}", high=f"{hi:.0f}")
                rows.append(
                    {
                        "Score": name,
                        "Country": code,
                        "90% interval": shown,
                        "Cannot be told apart from": ", ".join(others) if others else _("none"),
                    }
                )
    order = [index_name(fw)] + [category_label(fw, c) for c in fw.scored_categories]
    frame = pd.DataFrame(
        rows, columns=["Score", "Country", "90% interval", "Cannot be told apart from"]
    )
    frame["_order"] = frame["Score"].map(lambda s: order.index(s) if s in order else len(order))
    return frame.sort_values(["_order", "Country"]).drop(columns="_order").reset_index(drop=True)
