"""Scores as one JSON-ready record per country: what `roam score --json` prints and exports read.

Kept apart from the tables so that results, profile, uncertainty and sensitivity each depend only
on the nominal scores, and this module alone brings them together.
"""

from __future__ import annotations

import math
from typing import Any

from roam.scoring.aggregate import STATES
from roam.scoring.profile import strengths_weaknesses
from roam.scoring.results import Scores
from roam.scoring.sensitivity import Sensitivity
from roam.scoring.uncertainty import Uncertainty


def country_records(
    scores: Scores,
    uncertainty: Uncertainty | None = None,
    sensitivity: Sensitivity | None = None,
) -> list[dict[str, Any]]:
    """Per country: index, categories and themes with score, interval, coverage, band and status;
    low/high come from an uncertainty run and "sensitivity" (share of the interval's variance per
    uncertain input) from a sensitivity run, None without them."""
    interval: dict[tuple[str, str, str], tuple[float, float]] = {}
    if uncertainty is not None:
        t = uncertainty.table
        for c, lv, i, lo, hi in zip(
            t["country"], t["level"], t["id"], t["low"], t["high"], strict=True
        ):
            interval[(c, lv, i)] = (lo, hi)
    shares = sensitivity.by_node() if sensitivity is not None else {}
    by_country: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for row in strengths_weaknesses(scores).itertuples(index=False):
        entry = {"theme": row.theme, "name": row.name, "score": row.score, "gap": row.gap}
        by_country.setdefault(row.country, {"strength": [], "weakness": []})[row.kind].append(entry)
    reasons = {name: scores.reasons(name) for name in ("theme", "category", "index")}
    records = []
    for ci, country in enumerate(scores.countries):

        def node(level: str, j: int, country: str = country, ci: int = ci) -> dict[str, Any]:
            r = scores.level(level)
            ident = r.level.ids[j]
            low, high = interval.get((country, level, ident), (None, None))
            e = int(r.n_indicators_expected[ci, j])
            out = {
                "score": _num(r.score[ci, j]),
                "low": _num(low),
                "high": _num(high),
                "coverage": _num(r.n_indicators_data[ci, j] / e) if e else None,
                "band": scores.settings.band_of(_num(r.score[ci, j])),
                "status": STATES[r.state[ci, j]],
                "reason": reasons[level][ci, j] or None,
            }
            if sensitivity is not None:
                out["sensitivity"] = shares.get((country, level, ident))
            return out

        cats = scores.level("category").level.ids
        themes = scores.level("theme").level.ids
        sw = by_country.get(country, {"strength": [], "weakness": []})
        records.append(
            {
                "country": country,
                "framework": scores.framework.version,
                "indicator_set": scores.assessment.indicator_sets[ci],
                "weights": scores.weights.name,
                "index": node("index", 0),
                "categories": {c: node("category", j) for j, c in enumerate(cats)},
                "themes": {t: node("theme", j) for j, t in enumerate(themes)},
                "strengths": sw["strength"],
                "weaknesses": sw["weakness"],
            }
        )
    return records


def _num(value: Any) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value
