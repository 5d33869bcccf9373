"""Aggregation up the tree for all countries at once, with coverage rules at every level.

Every level is a weight matrix (children x parents: membership times child weights); a level's
scores are (values x weights) @ matrix / (present x weights) @ matrix. Both engines evaluate those
products block by block, since each parent owns a contiguous block of children: nominal scoring
with segment sums over countries x children arrays, Monte Carlo with one small matrix product per
parent for a whole batch of weight draws.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from roam.scoring.config import ScoringSettings
from roam.scoring.points import AVAILABLE, NOT_APPLICABLE, NOT_ASSESSED, Assessment
from roam.scoring.tree import Level, Tree
from roam.scoring.weights import Weights

SCORED, NOT_APPLICABLE_NODE, INSUFFICIENT = 0, 1, 2
STATES = ("scored", "not_applicable", "insufficient_data")
TOLERANCE = 1e-9


@dataclass(frozen=True)
class IndicatorArrays:
    """Scored indicators only: the inputs of the first aggregation step."""

    value: np.ndarray  # points, NaN where no value (imputed zeros included under policy zero)
    has_value: np.ndarray  # bool
    has_data: np.ndarray  # bool: a real answer (what coverage reports)
    applicable: np.ndarray  # bool: expected and not "not applicable"
    imputed: np.ndarray  # bool: missing, scored 0 under policy zero


@dataclass(frozen=True)
class LevelResult:
    level: Level
    score: np.ndarray  # countries x nodes, NaN unless scored
    state: np.ndarray  # int8 codes into STATES
    n_present: np.ndarray  # children with a value
    n_expected: np.ndarray  # applicable children
    n_indicators_data: np.ndarray  # indicators beneath with a real answer
    n_indicators_value: np.ndarray  # ... with a value (answers plus imputed zeros)
    n_indicators_expected: np.ndarray  # applicable indicators beneath
    n_imputed: np.ndarray
    zero_weight: np.ndarray  # bool: only zero-weight children have values

    @property
    def has_value(self) -> np.ndarray:
        return self.state == SCORED

    @property
    def applicable(self) -> np.ndarray:
        return self.state != NOT_APPLICABLE_NODE


def indicator_arrays(
    assessment: Assessment, tree: Tree, settings: ScoringSettings
) -> IndicatorArrays:
    status = assessment.status[:, tree.scored_columns]
    points = assessment.points[:, tree.scored_columns]
    has_data = status == AVAILABLE
    applicable = (status != NOT_APPLICABLE) & (status != NOT_ASSESSED)
    missing = applicable & ~has_data
    if settings.missing_policy == "zero":
        return IndicatorArrays(
            np.where(missing, 0.0, points), has_data | missing, has_data, applicable, missing
        )
    return IndicatorArrays(points, has_data, has_data, applicable, np.zeros_like(missing))


def transform(values: np.ndarray, method: str, shift: float) -> np.ndarray:
    """Geometric means are arithmetic means of log(x + shift): the stated rule for zeros.

    With shift 1 a zero counts as log(1) instead of minus infinity, and 0 and 100 stay fixed points.
    """
    return np.log(values + shift) if method == "geometric" else values


def untransform(means: np.ndarray, method: str, shift: float) -> np.ndarray:
    out = np.exp(means) - shift if method == "geometric" else means
    return np.clip(out, 0.0, 100.0)


def segment_sum(x: np.ndarray, level: Level, weights: np.ndarray | None = None) -> np.ndarray:
    """x @ (membership * weights[:, None]) for countries x children x: the weight-matrix product,
    computed as sums over each parent's block of children (no BLAS call, no zeros multiplied).
    Small matrix products through a multi-threaded BLAS were slow and erratic on a shared 2-core
    machine; segment sums give the same numbers in a stable few microseconds.

    A parent without children sums to 0. np.add.reduceat cannot express an empty segment (it
    returns the element at the start instead, and fails when the start is past the end), so only
    the non-empty segments go through it."""
    order, starts = level.segments
    if not level.contiguous:
        x = x[:, order]
        weights = None if weights is None else weights[order]
    values = x if weights is None else x * weights
    nonempty = level.nonempty
    if nonempty.all():
        return np.add.reduceat(values, starts, axis=1)
    out = np.zeros((values.shape[0], len(level.ids)))
    if nonempty.any():
        out[:, nonempty] = np.add.reduceat(values, starts[nonempty], axis=1)
    return out


def aggregate_levels(
    arrays: IndicatorArrays, tree: Tree, weights: Weights, settings: ScoringSettings
) -> list[LevelResult]:
    """Nominal scores at every level: weighted means over children that have a value."""
    method, shift = settings.aggregation, settings.geometric_shift
    value, has_value, applicable = arrays.value, arrays.has_value, arrays.applicable
    # Indicator counts carried up: data, expected, and under policy zero also value and imputed
    # (without imputation "value" is "data" and nothing is imputed, so they are not summed).
    imputing = bool(arrays.imputed.any())
    rows = [arrays.has_data, applicable] + ([has_value, arrays.imputed] if imputing else [])
    counts = np.stack(rows).astype(float)
    results = []
    for k, level in enumerate(tree.levels):
        w = weights.of(level.child)
        counts = segment_sum(counts.reshape(-1, counts.shape[2]), level).reshape(
            len(rows), has_value.shape[0], -1
        )
        if imputing:
            ind_data, ind_expected, ind_value, imputed = counts
        else:
            (ind_data, ind_expected), ind_value = counts, counts[0]
            imputed = np.zeros_like(ind_data)
        if k == 0:  # children are indicators: child counts are the indicator counts
            n_present, n_expected = ind_value, ind_expected
        else:
            n_children = segment_sum(
                np.stack([has_value, applicable]).astype(float).reshape(-1, has_value.shape[1]),
                level,
            )
            n_present, n_expected = n_children.reshape(2, has_value.shape[0], -1)
        present = has_value.astype(float)
        den = segment_sum(present, level, w)
        filled = np.where(has_value, transform(np.where(has_value, value, 0.0), method, shift), 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            score = untransform(segment_sum(filled, level, w) / den, method, shift)
        threshold = getattr(settings.coverage_threshold, level.name)
        not_applicable = n_expected == 0
        enough = enough_components = n_present >= threshold * n_expected - TOLERANCE
        if settings.coverage_rule != "direct":
            enough = ind_value >= threshold * ind_expected - TOLERANCE
        if settings.coverage_rule == "components_and_indicators":
            enough &= enough_components
        zero_weight = ~not_applicable & enough & (den <= 0)
        scored = ~not_applicable & enough & ~zero_weight
        state = np.where(
            not_applicable, NOT_APPLICABLE_NODE, np.where(scored, SCORED, INSUFFICIENT)
        )
        result = LevelResult(
            level=level,
            score=np.where(scored, score, np.nan),
            state=state.astype(np.int8),
            # sums of ones and zeros are exact in floating point: no rounding needed
            n_present=n_present.astype(np.int32),
            n_expected=n_expected.astype(np.int32),
            n_indicators_data=ind_data.astype(np.int32),
            n_indicators_value=ind_value.astype(np.int32),
            n_indicators_expected=ind_expected.astype(np.int32),
            n_imputed=imputed.astype(np.int32),
            zero_weight=zero_weight,
        )
        results.append(result)
        value, has_value, applicable = result.score, result.has_value, result.applicable
    return results


def aggregate_draws(
    indicator_value: np.ndarray,
    masks: list[np.ndarray],
    level_weights: list[np.ndarray],
    tree: Tree,
    method: str,
    shift: float,
    wanted: Collection[int] | None = None,
) -> list[np.ndarray | None]:
    """Scores for a batch of weight draws: per level an array nodes x draws x countries.

    Sums run parent by parent over its contiguous block of children. At the indicator level the
    values are the same in every draw, so each block is one small matrix product
    (draws x children) @ (children x countries); higher up values differ per draw and each block
    is a weighted sum over its children. `masks[k]` (countries x nodes) says which nodes of level k
    have a value (0 = indicators ... 4 = index); they are fixed across draws because coverage
    does not depend on weights. `level_weights[k]` is draws x children. No value gives NaN.

    Geometric means stay in log space from one level to the next (the mean of logs is the next
    level's log value), so a draw pays one log per indicator and one exp per reported score,
    not an exp and a log per level. Only levels in `wanted` (default: all) are turned back into
    scores; the others are None.
    """
    n_draws = level_weights[0].shape[0]
    shared = np.where(
        masks[0], transform(np.where(masks[0], indicator_value, 0.0), method, shift), 0.0
    )
    values: np.ndarray = shared.T  # children x countries, or children x draws x countries later
    out: list[np.ndarray | None] = []
    for k, level in enumerate(tree.levels):
        order, starts = level.segments
        ends = np.append(starts[1:], len(order))
        w = level_weights[k][:, order]  # draws x children, grouped by parent
        v = values[order]
        present = masks[k].T[order].astype(float)  # children x countries
        mean = np.empty((len(level.ids), n_draws, masks[k].shape[0]))
        with np.errstate(invalid="ignore", divide="ignore"):
            for p, (a, b) in enumerate(zip(starts, ends, strict=True)):
                if a == b:  # a parent without children has no value
                    mean[p] = np.nan
                    continue
                den = w[:, a:b] @ present[a:b]
                if v.ndim == 2:
                    num = w[:, a:b] @ v[a:b]
                else:
                    num = np.einsum("dc,cdn->dn", w[:, a:b], v[a:b])
                mean[p] = num / den
        keep = masks[k + 1].T[:, None, :]
        values = np.where(keep, mean, 0.0)  # still log values for the geometric mean
        if wanted is None or k in wanted:
            out.append(np.where(keep, untransform(mean, method, shift), np.nan))
        else:
            out.append(None)
    return out
