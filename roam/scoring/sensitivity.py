"""What drives an interval: first-order Sobol indices of each uncertain input, per country and node.

The uncertain inputs are those the Monte Carlo draws: the weights of each level (one group per
level: indicator weights within questions, ..., category weights within the index), the
aggregation method and, when the settings list several, the missing-data policy. The first-order
index of an input is the share of a score's variance that the input explains on its own,
Var(E[Y | input]) / Var(Y); the shares sum to at most 1, and the rest comes from interactions.

Estimator (documented, no library): a pick-freeze design on N base samples.
- Weight groups are continuous. Two independent samples A and B of all weight multipliers are
  drawn, and for every level g a sample A_B^g (A with level g's multipliers taken from B). The
  first-order variance is Saltelli et al. (2010): V_g = mean((y_B - mean y) * (y_{A_B^g} - y_A)),
  y_B centred on the mean of the A and B outputs (same expectation, much less noise).
- Method and policy are discrete with equally likely values, so they are not sampled: every
  weight point is scored under every (method, policy) pair. y above is then the mean over those
  pairs (the exact expectation over the discrete inputs), and V_method = the variance of the
  per-method means over the A and B points (likewise V_policy).
- Var(Y) is the variance over all A and B points and all pairs.
Sampling noise can push an estimate below 0 or a sum above 1: estimates are clipped to [0, 1] and,
if their sum still exceeds 1, scaled down in proportion, so what is reported always sums to at
most 1 (scaled to a hair under 1). Nodes whose score does not move (or that have no score) get
no indices.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from roam.i18n import N_, _
from roam.scoring.results import Scores
from roam.scoring.uncertainty import (
    KEEP_LEVELS,
    Variant,
    noise_levels,
    simulate,
    variants,
)

INPUT_LABELS = {
    "weights.indicator": N_("indicator weights"),
    "weights.question": N_("question weights"),
    "weights.theme": N_("theme weights"),
    "weights.category": N_("category weights"),
    "method": N_("the choice of mean"),
    "missing_policy": N_("the missing-data policy"),
}
MIN_VARIANCE = 1e-10  # below this (points squared) a score does not move: nothing to explain
CHUNK = 32  # base samples evaluated at once: (levels + 2) x 32 weight points per pass
WEIGHT_INPUTS = ("indicator", "question", "theme", "category")


@dataclass(frozen=True)
class Sensitivity:
    """First-order indices: one row per country, level, node and input (`index` in [0, 1])."""

    table: pd.DataFrame  # country, level, id, input, index, variance
    inputs: tuple[str, ...]
    samples: int
    seed: int

    def by_node(self) -> dict[tuple[str, str, str], dict[str, float]]:
        """(country, level, id) -> {input: index}, for records."""
        out: dict[tuple[str, str, str], dict[str, float]] = {}
        t = self.table
        for c, lv, i, name, s in zip(
            t["country"], t["level"], t["id"], t["input"], t["index"], strict=True
        ):
            out.setdefault((c, lv, i), {})[name] = float(s)
        return out

    def main_driver(self, country: str, level: str, ident: str) -> tuple[str, float] | None:
        """The input with the largest index for one node, or None if nothing moves it."""
        t = self.table
        rows = t[(t["country"] == country) & (t["level"] == level) & (t["id"] == ident)]
        if rows.empty:
            return None
        best = rows.loc[rows["index"].idxmax()]
        return str(best["input"]), float(best["index"])

    def wide(self, country: str) -> pd.DataFrame:
        """One row per node of a country (level, id), one column per input, plus the rest
        (interactions) and the main driver's plain name."""
        t = self.table[self.table["country"] == country]
        if t.empty:
            return pd.DataFrame(columns=["level", "id", *self.inputs, "interactions", "driver"])
        wide = t.pivot_table(index=["level", "id"], columns="input", values="index", sort=False)
        wide = wide.reindex(columns=list(self.inputs))
        wide["interactions"] = (1.0 - wide[list(self.inputs)].sum(axis=1)).clip(lower=0.0)
        wide["driver"] = [_(INPUT_LABELS.get(k, k)) for k in wide[list(self.inputs)].idxmax(axis=1)]
        return wide.reset_index()

    def sentence(self, country: str, level: str, ident: str) -> str | None:
        """What drives one interval, in one plain sentence; None if the score does not move."""
        driver = self.main_driver(country, level, ident)
        if driver is None:
            return None
        name, share = driver
        label, percent = _(INPUT_LABELS.get(name, name)), f"{share:.0%}"
        if share >= 0.5:
            return _("Most of this interval comes from {input} ({share} of its variance).").format(
                input=label, share=percent
            )
        return _(
            "No single choice dominates this interval; the largest share comes from {input} "
            "({share} of its variance)."
        ).format(input=label, share=percent)


def input_names(scores: Scores, noise: dict[str, float], pool: tuple[Variant, ...]) -> list[str]:
    names = [f"weights.{lv}" for lv in WEIGHT_INPUTS if noise[lv] > 0]
    if len({v.method for v in pool}) > 1:
        names.append("method")
    if len({v.policy for v in pool}) > 1:
        names.append("missing_policy")
    return names


class _Moments:
    """Running sum and sum of squares of outputs (cells wide), shifted by the first batch's mean
    so that a small variance around a large score keeps its digits."""

    def __init__(self) -> None:
        self.count = 0
        self.shift: np.ndarray | None = None
        self.total: np.ndarray | float = 0.0
        self.squares: np.ndarray | float = 0.0

    def add(self, y: np.ndarray) -> None:
        if self.shift is None:
            self.shift = y.mean(axis=0)
        z = y - self.shift
        self.count += len(y)
        self.total = self.total + z.sum(axis=0)
        self.squares = self.squares + (z * z).sum(axis=0)

    @property
    def mean(self) -> np.ndarray:
        return self.shift + self.total / self.count  # type: ignore[operator]

    @property
    def variance(self) -> np.ndarray:
        m = self.total / self.count  # type: ignore[operator]
        return np.maximum(self.squares / self.count - m * m, 0.0)  # type: ignore[operator]


def first_order(
    evaluate: Callable[[list[np.ndarray]], np.ndarray],
    samplers: list[Callable[[np.random.Generator, int], np.ndarray]],
    n: int,
    rng: np.random.Generator,
    chunk: int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Saltelli (2010) first-order variances of independent input groups.

    samplers[g](rng, n) draws n samples of group g (n x dims); evaluate(groups) maps a list of
    per-group sample arrays (points x dims) to outputs (points x ...). Returns (V_g per group,
    shape groups x ..., and the total variance of the A and B outputs). The base samples are
    evaluated `chunk` at a time and only running sums are kept, so memory does not grow with n.
    Kept generic so that it can be checked against functions whose indices are known.
    """
    a = [draw(rng, n) for draw in samplers]
    b = [draw(rng, n) for draw in samplers]
    groups = len(a)
    chunk = chunk or n
    moments = _Moments()
    cross: np.ndarray | float = 0.0  # sum of (y_B - shift) * (y_ABg - y_A), per group
    diffs: np.ndarray | float = 0.0  # sum of (y_ABg - y_A), per group
    for start in range(0, n, chunk):
        rows = slice(start, min(n, start + chunk))
        m = rows.stop - rows.start
        points = [
            np.concatenate(
                [a[g][rows], b[g][rows], *[(b if h == g else a)[g][rows] for h in range(groups)]]
            )
            for g in range(groups)
        ]
        y = evaluate(points)
        y_a, y_b = y[:m], y[m : 2 * m]
        moments.add(np.concatenate([y_a, y_b]))
        d = np.stack([y[(2 + g) * m : (3 + g) * m] - y_a for g in range(groups)])
        cross = cross + ((y_b - moments.shift)[None] * d).sum(axis=1)
        diffs = diffs + d.sum(axis=1)
    # centred on the mean of the A and B outputs: same expectation, far less noise
    centre = moments.mean - moments.shift  # type: ignore[operator]
    v = (cross - centre * diffs) / n
    return np.asarray(v), moments.variance


def to_indices(variances: np.ndarray, total: np.ndarray) -> np.ndarray:
    """Variances (inputs x ...) over the total -> indices clipped to [0, 1], summing to <= 1;
    NaN where the total does not exceed MIN_VARIANCE."""
    with np.errstate(invalid="ignore", divide="ignore"):
        s = np.clip(variances / total, 0.0, 1.0)
    excess = s.sum(axis=0)
    # a hair under 1 after scaling, so that no order of summation can exceed 1
    s = np.where(excess > 1.0, s / np.maximum(excess, 1.0) * (1 - 1e-12), s)
    return np.where(total > MIN_VARIANCE, s, np.nan)


def run_sensitivity(
    scores: Scores,
    samples: int | None = None,
    seed: int | None = None,
    noise: dict[str, float] | None = None,
    methods: list[str] | None = None,
) -> Sensitivity:
    """First-order indices for every country and theme, category and the index."""
    cfg = scores.settings.uncertainty
    n = cfg.sensitivity_samples if samples is None else int(samples)
    if n < 2:
        raise ValueError("sensitivity needs at least 2 samples")
    seed = cfg.seed if seed is None else int(seed)
    noise_by_level = noise_levels(scores, noise)
    pool = variants(scores, methods)
    names = input_names(scores, noise_by_level, pool)
    weight_levels = [lv for lv in WEIGHT_INPUTS if noise_by_level[lv] > 0]
    rng = np.random.default_rng(seed)

    def sampler(level: str) -> Callable[[np.random.Generator, int], np.ndarray]:
        w, f = scores.weights.of(level), noise_by_level[level]
        return lambda r, m: w[None, :] * r.uniform(1 - f, 1 + f, (m, len(w)))

    fixed = [scores.weights.of(lv)[None, :] for lv in WEIGHT_INPUTS]
    # per (method, policy) pair: moments of the A and B outputs (the total variance and the
    # per-method and per-policy means come from these)
    per_variant = [_Moments() for _ in pool]

    def evaluate(groups: list[np.ndarray]) -> np.ndarray:
        m = groups[0].shape[0] if groups else 1
        base = 2 * m // (len(groups) + 2) if groups else 1  # the A and B rows come first
        by_level = dict(zip(weight_levels, groups, strict=True))
        weights = [
            by_level.get(lv, np.repeat(fixed[k], m, axis=0)) for k, lv in enumerate(WEIGHT_INPUTS)
        ]
        mean = None
        for v in range(len(pool)):
            y = _flatten(simulate(scores, weights, np.full(m, v), pool))  # points x cells
            per_variant[v].add(y[:base])
            mean = y if mean is None else mean + y
        return mean / len(pool)  # type: ignore[operator]

    if weight_levels:
        samplers = [sampler(lv) for lv in weight_levels]
        v_weights, _ = first_order(evaluate, samplers, n, rng, chunk=CHUNK)
    else:
        evaluate([])
        v_weights = np.empty((0, len(per_variant[0].mean)))
    total = _pooled_variance(per_variant)
    rows = [v_weights]
    for name, key in (("method", "method"), ("missing_policy", "policy")):
        if name in names:
            values = sorted({getattr(v, key) for v in pool})
            means = np.stack(
                [
                    np.mean(
                        [per_variant[i].mean for i, v in enumerate(pool) if getattr(v, key) == x],
                        axis=0,
                    )
                    for x in values
                ]
            )
            rows.append(means.var(axis=0)[None, :])
    indices = to_indices(np.concatenate(rows), total)
    return Sensitivity(_table(scores, names, indices, total), tuple(names), n, seed)


def _pooled_variance(parts: list[_Moments]) -> np.ndarray:
    """Variance over all parts together (equal counts): mean of variances plus variance of means."""
    means = np.stack([p.mean for p in parts])
    return np.mean([p.variance for p in parts], axis=0) + means.var(axis=0)


def _flatten(sims: dict[str, np.ndarray]) -> np.ndarray:
    """{level: nodes x points x countries} -> points x cells (levels, nodes, countries)."""
    return np.concatenate(
        [sims[lv].transpose(1, 0, 2).reshape(sims[lv].shape[1], -1) for lv in KEEP_LEVELS], axis=1
    )


def _table(
    scores: Scores, names: list[str], indices: np.ndarray, total: np.ndarray
) -> pd.DataFrame:
    tree, countries = scores.tree, scores.countries
    level_col, id_col, country_col = [], [], []
    for lv in KEEP_LEVELS:
        for ident in tree.ids(lv):
            for c in countries:
                level_col.append(lv)
                id_col.append(ident)
                country_col.append(c)
    cells = len(level_col)
    frame = pd.DataFrame(
        {
            "country": np.tile(np.array(country_col, dtype=object), len(names)),
            "level": np.tile(np.array(level_col, dtype=object), len(names)),
            "id": np.tile(np.array(id_col, dtype=object), len(names)),
            "input": np.repeat(np.array(names, dtype=object), cells),
            "index": indices.reshape(-1) if names else np.empty(0),
            "variance": np.tile(total, len(names)),
        }
    )
    return frame[frame["index"].notna()].reset_index(drop=True)
