"""Synthetic assessments for tests and benchmarks: plausible, reproducible, clearly not real.

Each made-up country has a latent level of Internet development; answers scatter around it, and a
share of indicators is not applicable, not available or simply absent (unanswered).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from roam.framework import Framework
from roam.scoring.points import categorical_responses


def synthetic_countries(n: int, prefix: str = "X") -> list[str]:
    """Codes like X001: not ISO codes, so synthetic results can never pass for a real country."""
    return [f"{prefix}{i:03d}" for i in range(1, n + 1)]


def synthetic_responses(
    framework: Framework,
    n: int,
    seed: int = 0,
    *,
    not_applicable: float = 0.03,
    not_available: float = 0.05,
    unanswered: float = 0.04,
    indicator_set: str = "full",
) -> pd.DataFrame:
    """Long response table (country, indicator_id, status, answer, value) for n countries.

    Unanswered indicators are left out of the table, as a reader would leave them out.
    """
    rng = np.random.default_rng(seed)
    entries = framework.entries_for(indicator_set)
    ids = np.array([e.id for e in entries], dtype=object)
    countries = synthetic_countries(n)
    m = len(ids)
    level = rng.beta(2, 2, size=(n, 1))  # latent development, 0..1
    latent = np.clip(level + rng.normal(0, 0.25, size=(n, m)), 0, 1)
    u = rng.random((n, m))
    status = np.full((n, m), "available", dtype=object)
    status[u < not_applicable + not_available + unanswered] = "unanswered"
    status[u < not_applicable + not_available] = "not_available"
    status[u < not_applicable] = "not_applicable"
    answer = np.full((n, m), None, dtype=object)
    value = np.full((n, m), np.nan)
    for j, e in enumerate(entries):
        ind = e.indicator
        scale = framework.scales[ind.scale]
        x = latent[:, j]
        if scale.type == "choice":
            labels = [lv.label for lv in sorted(scale.levels, key=lambda lv: lv.points)]
            pick = np.minimum((x * len(labels)).astype(int), len(labels) - 1)
            answer[:, j] = np.array(labels, dtype=object)[pick]
        elif scale.type == "numeric":
            if ind.goalposts is not None:
                lo, hi = ind.goalposts.low, ind.goalposts.high
                span = hi - lo
                good = x if ind.direction != "lower" else 1 - x
                raw = lo - 0.1 * span + good * 1.2 * span  # some values beyond the goalposts
            else:
                raw = x * 100
            lo_ok = scale.minimum if scale.minimum is not None else -np.inf
            hi_ok = scale.maximum if scale.maximum is not None else np.inf
            value[:, j] = np.clip(raw, lo_ok, hi_ok)
        else:
            answer[:, j] = "Synthetic note: no real country is described here."
    not_avail = status != "available"
    answer[not_avail] = None
    value[not_avail] = np.nan
    keep = (status != "unanswered").ravel()
    frame = pd.DataFrame(
        {
            "country": np.repeat(np.array(countries, dtype=object), m),
            "indicator_id": np.tile(ids, n),
            "status": status.ravel(),
            "answer": answer.ravel(),
            "value": value.ravel(),
        }
    )
    return categorical_responses(framework, frame[keep].reset_index(drop=True))


def uniform_responses(framework: Framework, countries: list[str], best: bool) -> pd.DataFrame:
    """Every indicator answered with its best (or worst) answer: scores must be 100 (or 0)."""
    rows = []
    for e in framework.entries:
        ind = e.indicator
        scale = framework.scales[ind.scale]
        answer, value = None, np.nan
        if scale.type == "choice":
            levels = sorted(scale.levels, key=lambda lv: lv.points)
            answer = (levels[-1] if best else levels[0]).label
        elif scale.type == "numeric":
            if ind.goalposts is None:
                value = 1.0
            else:
                good = ind.goalposts.high if ind.direction != "lower" else ind.goalposts.low
                bad = ind.goalposts.low if ind.direction != "lower" else ind.goalposts.high
                value = good if best else bad
        else:
            answer = "Synthetic note."
        for c in countries:
            rows.append((c, ind.id, "available", answer, value))
    return pd.DataFrame(rows, columns=["country", "indicator_id", "status", "answer", "value"])
