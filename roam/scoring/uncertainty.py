"""Monte Carlo uncertainty: how much scores and rank positions move under other defensible choices.

Each draw multiplies every weight by U(1 - f, 1 + f) (f per level, from the settings) and picks an
aggregation method; coverage does not depend on these, so the masks of the nominal run are reused
and every draw is pure arithmetic on arrays, many draws at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from roam.scoring.aggregate import aggregate_draws
from roam.scoring.results import LEVEL_NAMES, Scores, band_names

BATCH_ELEMENTS = 8_000_000  # questions x draws x countries per batch: about 64 MB of float64


@dataclass(frozen=True)
class Uncertainty:
    """Per country and node: nominal score, median and percentile interval; ranks likewise."""

    table: pd.DataFrame
    draws: int
    seed: int
    methods: tuple[str, ...]
    noise: dict[str, float]


def run_uncertainty(
    scores: Scores,
    draws: int | None = None,
    seed: int | None = None,
    noise: dict[str, float] | None = None,
    methods: list[str] | None = None,
) -> Uncertainty:
    cfg = scores.settings.uncertainty
    draws = cfg.draws if draws is None else int(draws)
    if draws < 1:
        raise ValueError("draws must be at least 1")
    seed = cfg.seed if seed is None else seed
    noise_by_level = {**cfg.noise.model_dump(), **(noise or {})}
    for lv, f in noise_by_level.items():
        if not 0 <= f < 1:
            raise ValueError(f"noise for {lv} must be in [0, 1), got {f}")
    method_pool = tuple(methods or cfg.methods)
    rng = np.random.default_rng(seed)
    tree = scores.tree
    base = [scores.weights.of(level.child) for level in tree.levels]
    weight_draws = [
        w[None, :]
        * rng.uniform(1 - noise_by_level[lv.child], 1 + noise_by_level[lv.child], (draws, len(w)))
        for w, lv in zip(base, tree.levels, strict=True)
    ]
    chosen = rng.integers(0, len(method_pool), size=draws)
    masks = [scores.arrays.has_value] + [r.has_value for r in scores.levels]
    n = len(scores.countries)
    keep_levels = ("theme", "category", "index")
    # nodes x draws x countries, the layout aggregate_draws works in
    results = {name: np.empty((len(tree.ids(name)), draws, n)) for name in keep_levels}
    batch = max(1, BATCH_ELEMENTS // max(1, n * len(tree.questions)))
    shift = scores.settings.geometric_shift
    for m, method in enumerate(method_pool):
        picked = np.flatnonzero(chosen == m)
        for start in range(0, len(picked), batch):
            rows = picked[start : start + batch]
            out = aggregate_draws(
                scores.arrays.value,
                masks,
                [w[rows] for w in weight_draws],
                tree,
                method,
                shift,
            )
            for name in keep_levels:
                results[name][:, rows, :] = out[LEVEL_NAMES.index(name)]
    low_q, high_q = cfg.percentiles
    frames = []
    for name in keep_levels:
        sims = results[name]
        nominal = scores.level(name).score
        median, low, high = (q.T for q in np.percentile(sims, [50, low_q, high_q], axis=1))
        frame = {
            "country": np.repeat(np.array(scores.countries, dtype=object), sims.shape[0]),
            "level": name,
            "id": np.tile(np.array(tree.ids(name), dtype=object), n),
            "score": nominal.ravel(),
            "median": median.ravel(),
            "low": low.ravel(),
            "high": high.ravel(),
            "band": band_names(scores.settings, nominal.ravel()),
            "band_low": band_names(scores.settings, low.ravel()),
            "band_high": band_names(scores.settings, high.ravel()),
        }
        if name != "theme":  # rank positions are reported for categories and the index only
            nominal_rank = ranks(nominal.T).T
            sim_ranks = ranks(sims)  # nodes x draws x countries
            r_med, r_low, r_high = np.percentile(sim_ranks, [50, low_q, high_q], axis=1)
            frame.update(
                rank=nominal_rank.ravel(),
                rank_median=r_med.T.ravel(),
                rank_best=r_low.T.ravel(),
                rank_worst=r_high.T.ravel(),
            )
        frames.append(pd.DataFrame(frame))
    table = pd.concat(frames, ignore_index=True)
    return Uncertainty(table, draws, int(seed), method_pool, noise_by_level)


def ranks(scores: np.ndarray) -> np.ndarray:
    """Competition ranks (1 = highest, ties share the best rank) along the last axis; NaN stays NaN.

    Rows are sorted once and each score's rank is found by binary search on the flattened array,
    with every row shifted by a constant larger than the score range so rows never mix.
    """
    shape = scores.shape
    flat = scores.reshape(-1, shape[-1])
    rows, width = flat.shape
    offset = 1000.0 * np.arange(rows)[:, None]
    key = np.where(np.isnan(flat), 500.0, -flat) + offset  # NaN sorts after every score
    ordered = np.sort(key, axis=1).ravel()
    position = np.searchsorted(ordered, key.ravel(), side="left").reshape(rows, width)
    rank = (position - np.arange(rows)[:, None] * width + 1).astype(float)
    rank[np.isnan(flat)] = np.nan
    return rank.reshape(shape)
