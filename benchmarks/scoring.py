"""Scoring and uncertainty benchmarks: roam against three other ways to compute the same numbers.

In one run, on the same synthetic responses: a fair plain-Python implementation, a pandas
groupby implementation and a bare numpy floor (benchmarks/baselines.py; each is checked to give
roam's numbers first). Times are the best of several repeats (the least noisy estimate of what
the code costs). The plain and groupby Monte Carlo take minutes for 1,000 draws, so they are
timed on a few draws and scaled linearly to 1,000 (marked "_scaled").
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from benchmarks.baselines import (
    check_same,
    check_same_uncertainty,
    floor_score,
    floor_uncertainty,
    groupby_levels,
    groupby_score,
    plain_score,
    plain_uncertainty_draw,
    prepare,
)
from benchmarks.timing import best_ms, interleaved
from roam.framework import Framework, load_framework
from roam.scoring import score, uncertainty
from tests.oracle.synthetic import synthetic_responses


def bench_score(n: int = 193, framework: Framework | None = None, seed: int = 0) -> dict[str, Any]:
    """Score n full synthetic assessments four ways.

    roam_ms: score() for all countries (arrays, coverage and statuses at every level; the tidy
    tables are built lazily). with_tables_ms adds building all five tables.
    """
    fw = framework or load_framework("2018")
    data = synthetic_responses(fw, n, seed)
    warm = score(fw, data)  # load settings, weights and the tree once
    model = prepare(fw, warm)
    check_same(warm, data, model)
    times = interleaved(
        {
            "roam": (lambda: score(fw, data), 30),
            "floor": (lambda: floor_score(data, model), 30),
            "groupby": (lambda: groupby_score(data, model), 5),
            "plain": (lambda: plain_score(data, model), 3),
        }
    )
    roam, floor, grouped, plain = (times[k] for k in ("roam", "floor", "groupby", "plain"))
    tables = best_ms(lambda: score(fw, data).tables(), repeats=5)
    return {
        "countries": n,
        "indicators": len(fw.entries),
        "rows": len(data),
        "roam_ms": round(roam, 2),
        "with_tables_ms": round(tables, 2),
        "plain_ms": round(plain, 2),
        "groupby_ms": round(grouped, 2),
        "floor_ms": round(floor, 2),
        "plain_speedup": round(plain / roam, 1),
        "groupby_speedup": round(grouped / roam, 1),
        "floor_ratio": round(roam / floor, 2),
    }


def bench_uncertainty(
    n: int = 193, draws: int = 1000, framework: Framework | None = None, seed: int = 0
) -> dict[str, Any]:
    """Monte Carlo over weights (noise 0.25 per level) and arithmetic/geometric for n countries:
    roam against the numpy floor (same draws and percentiles), and against
    plain Python and pandas groupby (a few draws, scaled to `draws`). Nominal run excluded."""
    fw = framework or load_framework("2018")
    data = synthetic_responses(fw, n, seed)
    nominal = score(fw, data)
    model = prepare(fw, nominal)
    check_same_uncertainty(nominal, model, seed=seed)  # also warms up
    x0 = nominal.arrays.value
    masks = [nominal.arrays.has_value] + [r.has_value for r in nominal.levels]
    times = interleaved(
        {
            "roam": (lambda: uncertainty(fw, scores=nominal, draws=draws, seed=seed), 4),
            "floor": (lambda: floor_uncertainty(x0, masks, model, draws, 0.25, seed), 4),
        }
    )
    roam, floor = times["roam"], times["floor"]
    rng = np.random.default_rng(seed)
    few = 4
    weights = [[w * rng.uniform(0.75, 1.25, len(w)) for w in model.weights] for _ in range(few)]
    values0 = [[None if np.isnan(v) else float(v) for v in row] for row in x0]
    mask_lists = [m.tolist() for m in masks]
    plain = best_ms(
        lambda: [
            plain_uncertainty_draw(values0, mask_lists, model, w, bool(d % 2))
            for d, w in enumerate(weights)
        ],
        repeats=1,
    )
    long = pd.DataFrame(
        {
            "country": np.repeat(np.arange(n), x0.shape[1]),
            "node": np.tile(np.arange(x0.shape[1]), n),
            "points": x0.ravel(),
            "data": (~np.isnan(x0)).ravel().astype(int),
            "expected": nominal.arrays.applicable.ravel().astype(int),
        }
    )
    grouped = best_ms(
        lambda: [groupby_levels(long, model, w, bool(d % 2)) for d, w in enumerate(weights)],
        repeats=2,
    )
    scale = draws / few
    return {
        "countries": n,
        "draws": draws,
        "roam_ms": round(roam, 1),
        "per_draw_ms": round(roam / draws, 3),
        "floor_ms": round(floor, 1),
        "plain_scaled_ms": round(plain * scale, 0),
        "groupby_scaled_ms": round(grouped * scale, 0),
        "floor_ratio": round(roam / floor, 2),
        "plain_speedup": round(plain * scale / roam, 1),
        "groupby_speedup": round(grouped * scale / roam, 1),
    }


if __name__ == "__main__":  # pragma: no cover
    print(bench_score())
    print(bench_uncertainty())
