"""Monte Carlo uncertainty: how much scores move under other defensible choices (no rank
positions are computed: UNESCO's indicators are not meant to rank countries).

Each draw multiplies every weight by U(1 - f, 1 + f) (f per level, from the settings) and picks an
aggregation method (and, when the settings list several, a missing-data policy); coverage does not
depend on the weights, so the masks of the nominal run of each policy are reused and every draw is
pure arithmetic on arrays, many draws at a time.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from roam.scoring.aggregate import aggregate_draws
from roam.scoring.results import LEVEL_NAMES, Scores, band_names

BATCH_ELEMENTS = 8_000_000  # questions x draws x countries per batch: about 64 MB of float64


@dataclass(frozen=True)
class Uncertainty:
    """Per country and node: nominal score, median and percentile interval."""

    table: pd.DataFrame
    draws: int
    seed: int
    methods: tuple[str, ...]
    noise: dict[str, float]
    missing_policies: tuple[str, ...] = ()


KEEP_LEVELS = ("theme", "category", "index")


@dataclass(frozen=True)
class Variant:
    """One discrete choice a draw makes: aggregation method and missing-data policy."""

    method: str
    policy: str


def variants(scores: Scores, methods: list[str] | None = None) -> tuple[Variant, ...]:
    """Every (method, missing policy) pair the Monte Carlo samples from, methods varying fastest.

    The missing-data policy varies only when `uncertainty.missing_policies` lists policies;
    otherwise every draw keeps the nominal policy.
    """
    cfg = scores.settings.uncertainty
    pool = tuple(methods or cfg.methods)
    policies = tuple(cfg.missing_policies) or (scores.settings.missing_policy,)
    return tuple(Variant(m, p) for p in policies for m in pool)


def draw_weights(
    scores: Scores, noise: dict[str, float], draws: int, rng: np.random.Generator
) -> list[np.ndarray]:
    """Per level (indicator ... category weights) a draws x children array of perturbed weights."""
    out = []
    for level in scores.tree.levels:
        w = scores.weights.of(level.child)
        f = noise[level.child]
        out.append(w[None, :] * rng.uniform(1 - f, 1 + f, (draws, len(w))))
    return out


def simulate(
    scores: Scores,
    weight_draws: list[np.ndarray],
    chosen: np.ndarray,
    pool: tuple[Variant, ...],
    keep_levels: tuple[str, ...] = KEEP_LEVELS,
) -> dict[str, np.ndarray]:
    """Scores of every draw: per level an array nodes x draws x countries.

    Draw d uses the weights `weight_draws[k][d]` and the variant `pool[chosen[d]]`. Coverage does
    not depend on weights, so each policy's nominal masks serve all its draws.
    """
    tree = scores.tree
    draws = len(chosen)
    n = len(scores.countries)
    results = {name: np.empty((len(tree.ids(name)), draws, n)) for name in keep_levels}
    batch = max(1, BATCH_ELEMENTS // max(1, n * len(tree.questions)))
    shift = scores.settings.geometric_shift
    by_policy: dict[str, Scores] = {}
    wanted = {LEVEL_NAMES.index(name) for name in keep_levels}
    for v, variant in enumerate(pool):
        picked = np.flatnonzero(chosen == v)
        if not picked.size:
            continue
        if variant.policy not in by_policy:
            by_policy[variant.policy] = scores.with_policy(variant.policy)
        run = by_policy[variant.policy]
        masks = [run.arrays.has_value] + [r.has_value for r in run.levels]
        for start in range(0, len(picked), batch):
            rows = picked[start : start + batch]
            out = aggregate_draws(
                run.arrays.value,
                masks,
                [w[rows] for w in weight_draws],
                tree,
                variant.method,
                shift,
                wanted,
            )
            for name in keep_levels:
                results[name][:, rows, :] = out[LEVEL_NAMES.index(name)]  # type: ignore[index]
    return results


def noise_levels(scores: Scores, noise: dict[str, float] | None = None) -> dict[str, float]:
    """Weight noise per level: the settings, overridden by `noise`; each must be in [0, 1)."""
    merged = {**scores.settings.uncertainty.noise.model_dump(), **(noise or {})}
    for lv, f in merged.items():
        if not 0 <= f < 1:
            raise ValueError(f"noise for {lv} must be in [0, 1), got {f}")
    return merged


def draws_and_seed(scores: Scores, draws: int | None, seed: int | None) -> tuple[int, int]:
    """The number of draws and the seed: as given, else from the settings (scoring.yaml)."""
    cfg = scores.settings.uncertainty
    draws = cfg.draws if draws is None else int(draws)
    if draws < 1:
        raise ValueError("draws must be at least 1")
    return draws, int(cfg.seed if seed is None else seed)


def run_uncertainty(
    scores: Scores,
    draws: int | None = None,
    seed: int | None = None,
    noise: dict[str, float] | None = None,
    methods: list[str] | None = None,
) -> Uncertainty:
    cfg = scores.settings.uncertainty
    draws, seed = draws_and_seed(scores, draws, seed)
    noise_by_level = noise_levels(scores, noise)
    pool = variants(scores, methods)
    rng = np.random.default_rng(seed)
    weight_draws = draw_weights(scores, noise_by_level, draws, rng)
    chosen = rng.integers(0, len(pool), size=draws)
    results = simulate(scores, weight_draws, chosen, pool)
    tree = scores.tree
    n = len(scores.countries)
    keep_levels = KEEP_LEVELS
    # With several missing-data policies a node can lack a score in some draws only: those draws
    # are left out of its percentiles.
    percentile = _nan_percentile if len({v.policy for v in pool}) > 1 else np.percentile
    low_q, high_q = cfg.percentiles
    frames = []
    for name in keep_levels:
        sims = results[name]
        nominal = scores.level(name).score
        # draws last and contiguous: the percentiles' partitions then run on contiguous rows
        by_country = np.ascontiguousarray(sims.transpose(0, 2, 1))
        median, low, high = (q.T for q in percentile(by_country, [50, low_q, high_q], axis=2))
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
        frames.append(pd.DataFrame(frame))
    table = pd.concat(frames, ignore_index=True)
    methods_used = tuple(dict.fromkeys(v.method for v in pool))
    policies = tuple(dict.fromkeys(v.policy for v in pool))
    return Uncertainty(table, draws, int(seed), methods_used, noise_by_level, policies)


def _nan_percentile(values: np.ndarray, q: list[float], axis: int) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN: a node never scored
        return np.nanpercentile(values, q, axis=axis)
