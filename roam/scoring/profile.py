"""Strengths and weaknesses: a country's themes compared with its own mean, not with others."""

from __future__ import annotations

import numpy as np
import pandas as pd

from roam.scoring.results import Scores

COLUMNS = ["country", "kind", "position", "theme", "category", "name", "score", "mean", "gap"]


def strengths_weaknesses(scores: Scores, count: int | None = None) -> pd.DataFrame:
    """Per country the `count` themes furthest above (strengths) and below (weaknesses) the mean
    of its own scored themes (R, O, A, M and X). Themes at the mean are neither."""
    count = count or scores.settings.strengths
    level = scores.level("theme")
    matrix = level.score
    ids = level.level.ids
    names = [scores.framework.themes[t][1] for t in ids]
    rows = []
    with np.errstate(invalid="ignore"):
        counts = np.sum(~np.isnan(matrix), axis=1)
        means = np.where(counts > 0, np.nansum(matrix, axis=1) / np.maximum(counts, 1), np.nan)
    gaps = matrix - means[:, None]
    order = np.argsort(np.where(np.isnan(gaps), 0.0, -gaps), axis=1, kind="stable")
    for ci, country in enumerate(scores.countries):
        g = gaps[ci]
        above = [j for j in order[ci] if g[j] > 1e-9][:count]
        below = [j for j in order[ci][::-1] if g[j] < -1e-9][:count]
        for kind, picks in (("strength", above), ("weakness", below)):
            for pos, j in enumerate(picks, start=1):
                rows.append(
                    (
                        country,
                        kind,
                        pos,
                        ids[j],
                        ids[j].split(".")[0],
                        names[j],
                        float(matrix[ci, j]),
                        float(means[ci]),
                        float(g[j]),
                    )
                )
    return pd.DataFrame(rows, columns=COLUMNS)
