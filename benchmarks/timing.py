"""Best-of-N timings taken in turns, so that implementations compared in a ratio see the same
load on a shared machine (timing one after the other lets a busy minute land on one side)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def best_ms(fn: Callable[[], Any], repeats: int) -> float:
    return interleaved({"fn": (fn, repeats)})["fn"]


def interleaved(runs: dict[str, tuple[Callable[[], Any], int]]) -> dict[str, float]:
    """name -> (function, repeats): each round runs every function still due once, in turn;
    returns the best time of each in milliseconds."""
    best = {name: float("inf") for name in runs}
    for round_ in range(max(repeats for _, repeats in runs.values())):
        for name, (fn, repeats) in runs.items():
            if round_ < repeats:
                start = time.perf_counter()
                fn()
                best[name] = min(best[name], time.perf_counter() - start)
    return {name: value * 1000.0 for name, value in best.items()}
