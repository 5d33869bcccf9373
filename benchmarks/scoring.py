"""Scoring engine benchmarks: vectorised engine vs the plain-Python reference, and Monte Carlo.

Both engines score the same synthetic responses in the same run; times are the best of several
repeats (the minimum is the least noisy estimate of what the code costs).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from roam.framework import Framework, load_framework
from roam.framework.load import indicators_root
from roam.scoring import score, uncertainty
from tests.oracle.reference import oracle_score
from tests.oracle.synthetic import synthetic_responses


def _best_ms(fn: Callable[[], Any], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000.0


def bench_score(n: int = 193, framework: Framework | None = None, seed: int = 0) -> dict[str, Any]:
    """Score n full synthetic assessments with both engines.

    vectorised_ms: score() for all countries (arrays and statuses at every level; the tidy tables
    are built lazily). with_tables_ms adds building all five tables.
    """
    fw = framework or load_framework("2018")
    data = synthetic_responses(fw, n, seed)
    warm = score(fw, data)  # load settings, weights and the tree once
    vec = _best_ms(lambda: score(fw, data), repeats=15)
    tables = _best_ms(lambda: score(fw, data).tables(), repeats=5)
    ref = _best_ms(
        lambda: oracle_score(indicators_root() / fw.version, data, None, warm.settings), repeats=3
    )
    return {
        "countries": n,
        "indicators": len(fw.entries),
        "rows": len(data),
        "vectorised_ms": round(vec, 2),
        "with_tables_ms": round(tables, 2),
        "reference_ms": round(ref, 2),
        "speedup": round(ref / vec, 1),
        "speedup_with_tables": round(ref / tables, 1),
        "goal_speedup": 50,
    }


def bench_uncertainty(
    n: int = 193, draws: int = 1000, framework: Framework | None = None, seed: int = 0
) -> dict[str, Any]:
    """Monte Carlo over weights and aggregation method for n countries (nominal run excluded)."""
    fw = framework or load_framework("2018")
    data = synthetic_responses(fw, n, seed)
    nominal = score(fw, data)
    uncertainty(fw, scores=nominal, draws=10, seed=seed)  # warm up
    mc = _best_ms(lambda: uncertainty(fw, scores=nominal, draws=draws, seed=seed), repeats=3)
    return {
        "countries": n,
        "draws": draws,
        "uncertainty_ms": round(mc, 1),
        "per_draw_ms": round(mc / draws, 3),
        "goal_ms": 3000,
    }


if __name__ == "__main__":  # pragma: no cover
    print(bench_score())
    print(bench_uncertainty())
