"""Benchmark-only baselines: the same scoring and uncertainty written three other ways.

- plain: plain Python a careful person would write, with no avoidable work (labels normalised
  once per scale, not per cell; rows read column-wise, not as dicts; one pass per country).
- groupby: pandas, one groupby per level.
- floor: bare numpy, the least work that produces the same numbers (no validation, no tables,
  no statuses or reasons): what roam could at best approach.

All take the same long response table as roam.scoring.score and the same prepared `Model`
(structure, weights and lookups, built once outside the timings, as roam caches its own per
framework). The settings are the 2018 defaults: arithmetic mean, missing data excluded, 2/3 of
the applicable indicators beneath each aggregate. `check_same` proves each returns roam's numbers.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from roam.framework import Framework
from roam.framework.models import ChoiceScale, normalise_label
from roam.scoring import Scores
from roam.scoring.tree import build_tree

THRESHOLD = 2 / 3
TOL = 1e-9


@dataclass
class Model:
    ids: list[str]  # every catalogue indicator
    scored: list[str]  # scored indicators, tree order
    scored_pos: np.ndarray  # position of each scored indicator among ids
    parents: list[np.ndarray]  # per level: child -> parent position (-1: outside)
    sizes: list[int]  # nodes per level (question, theme, category, index)
    weights: list[np.ndarray]  # per level: child weights
    choice: dict[str, dict[str, float]]  # indicator -> label (as written in the scale) -> points
    scale_norm: dict[str, dict[str, float]]  # indicator -> normalised label -> points
    numeric: dict[str, tuple[float, float, bool, bool]]  # low, high, lower, perception
    is_choice: np.ndarray  # per scored indicator
    low: np.ndarray
    high: np.ndarray
    lower: np.ndarray
    perception: np.ndarray
    choice_scale: np.ndarray  # per scored indicator: scale row in choice_table, -1 if numeric
    choice_labels: list[str]  # normalised labels, columns of choice_table
    choice_table: np.ndarray  # scales x labels -> points (NaN: not a level)


def prepare(framework: Framework, scores: Scores) -> Model:
    tree = build_tree(framework)
    table = framework.table.set_index("indicator_id")
    scored = list(tree.indicators)
    choice, scale_norm, numeric = {}, {}, {}
    scales = [s for s in framework.scales.values() if isinstance(s, ChoiceScale)]
    labels = sorted({normalise_label(lv.label) for s in scales for lv in s.levels})
    col = {lab: j for j, lab in enumerate(labels)}
    choice_table = np.full((len(scales), len(labels)), np.nan)
    scale_row = {s.id: k for k, s in enumerate(scales)}
    for k, s in enumerate(scales):
        for lv in s.levels:
            choice_table[k, col[normalise_label(lv.label)]] = float(lv.points)
    for ind in scored:
        entry = framework.by_id[ind].indicator
        scale = framework.scales[entry.scale]
        if isinstance(scale, ChoiceScale):
            choice[ind] = {lv.label: float(lv.points) for lv in scale.levels}
            scale_norm[ind] = {normalise_label(lv.label): float(lv.points) for lv in scale.levels}
        else:
            gp = entry.goalposts
            numeric[ind] = (
                float(gp.low) if gp else 0.0,
                float(gp.high) if gp else 100.0,
                entry.direction == "lower",
                entry.kind == "perception",
            )
    row = table.loc[scored]
    return Model(
        ids=list(framework.table["indicator_id"]),
        scored=scored,
        scored_pos=tree.scored_columns,
        parents=[lv.parent_of for lv in tree.levels],
        sizes=[len(lv.ids) for lv in tree.levels],
        weights=[scores.weights.of(lv.child) for lv in tree.levels],
        choice=choice,
        scale_norm=scale_norm,
        numeric=numeric,
        is_choice=np.array([i in choice for i in scored]),
        low=np.array([numeric.get(i, (0, 100, 0, 0))[0] for i in scored], dtype=float),
        high=np.array([numeric.get(i, (0, 100, 0, 0))[1] for i in scored], dtype=float),
        lower=np.array([numeric.get(i, (0, 0, False, 0))[2] for i in scored], dtype=bool),
        perception=np.array([numeric.get(i, (0, 0, 0, False))[3] for i in scored], dtype=bool),
        choice_scale=np.array([scale_row.get(s, -1) for s in row["scale"]], dtype=np.intp),
        choice_labels=labels,
        choice_table=choice_table,
    )


# ------------------------------------------------------------------------------ plain


def _numeric_points(v: float, low: float, high: float, lower: bool, perception: bool) -> float:
    if perception:
        p = 100.0 - v if lower else v
    else:
        p = (high - v if lower else v - low) / (high - low) * 100.0
    return 0.0 if p < 0 else 100.0 if p > 100 else p


def plain_score(frame: pd.DataFrame, m: Model) -> dict[str, list[list[float | None]]]:
    """country -> per level (question, theme, category, index) the node scores (None: none)."""
    rows: dict[str, dict[str, tuple[str, object, float]]] = defaultdict(dict)
    columns = (frame[c].tolist() for c in ("country", "indicator_id", "status", "answer", "value"))
    for c, i, st, a, v in zip(*columns, strict=True):
        rows[c][i] = (st, a, v)
    out = {}
    for country, answers in rows.items():
        values: list[float | None] = []
        applicable: list[bool] = []
        for ind in m.scored:
            st, a, v = answers.get(ind, ("unanswered", None, None))
            if st == "available":
                if ind in m.choice:
                    p = m.choice[ind].get(a)  # type: ignore[arg-type]
                    if p is None:  # typed differently: normalise this one label only
                        p = m.scale_norm[ind][normalise_label(str(a))]
                    values.append(p)
                else:
                    values.append(_numeric_points(float(v), *m.numeric[ind]))  # type: ignore[arg-type]
                applicable.append(True)
            else:
                values.append(None)
                applicable.append(st != "not_applicable")
        # indicator counts beneath each node: (with data, applicable)
        data = [1 if x is not None else 0 for x in values]
        expected = [1 if x else 0 for x in applicable]
        levels = []
        for parent, size, weight in zip(m.parents, m.sizes, m.weights, strict=True):
            num, den = [0.0] * size, [0.0] * size
            d_sum, e_sum = [0] * size, [0] * size
            for child, p in enumerate(parent):
                if p < 0:
                    continue
                d_sum[p] += data[child]
                e_sum[p] += expected[child]
                x = values[child]
                if x is not None:
                    num[p] += weight[child] * x
                    den[p] += weight[child]
            values = [
                num[k] / den[k]
                if e_sum[k] and d_sum[k] >= THRESHOLD * e_sum[k] - TOL and den[k] > 0
                else None
                for k in range(size)
            ]
            data, expected = d_sum, e_sum
            levels.append(values)
        out[country] = levels
    return out


# ---------------------------------------------------------------------------- groupby


def groupby_score(frame: pd.DataFrame, m: Model) -> list[pd.Series]:
    """Per level a Series indexed by (country, node position): the score (NaN: none)."""
    scored = pd.Index(m.scored, dtype=object)
    countries = pd.Index(frame["country"].astype(object).unique(), dtype=object)
    grid = pd.MultiIndex.from_product([countries, scored], names=["country", "indicator_id"])
    df = (
        frame.astype({"country": object, "indicator_id": object, "status": object})
        .set_index(["country", "indicator_id"])
        .reindex(grid)
        .reset_index()
    )
    pos = scored.get_indexer(df["indicator_id"])
    df["status"] = df["status"].fillna("unanswered")
    available = (df["status"] == "available").to_numpy()
    is_choice = m.is_choice[pos]
    labels = df["answer"]
    uniq = labels.dropna().unique()
    norm = pd.Series(
        pd.Index(m.choice_labels).get_indexer([normalise_label(str(u)) for u in uniq]), index=uniq
    )
    codes = labels.map(norm).fillna(-1).astype(int).to_numpy()
    choice_pts = np.where(
        codes >= 0, m.choice_table[np.maximum(m.choice_scale[pos], 0), codes], np.nan
    )
    v = df["value"].to_numpy(dtype=float)
    low, high, lower, perc = m.low[pos], m.high[pos], m.lower[pos], m.perception[pos]
    with np.errstate(invalid="ignore", divide="ignore"):
        scaled = (np.where(lower, high - v, v - low)) / (high - low) * 100.0
    num_pts = np.clip(np.where(perc, np.where(lower, 100.0 - v, v), scaled), 0, 100)
    df["points"] = np.where(available, np.where(is_choice, choice_pts, num_pts), np.nan)
    df["node"] = pos
    df["data"] = available.astype(int)
    df["expected"] = (df["status"] != "not_applicable").astype(int)
    return groupby_levels(df[["country", "node", "points", "data", "expected"]], m, m.weights)


def groupby_levels(
    cur: pd.DataFrame, m: Model, weights: list[np.ndarray], geometric: bool = False
) -> list[pd.Series]:
    """The aggregation steps on a long (country, node, points, data, expected) table."""
    out = []
    for parent, weight in zip(m.parents, weights, strict=True):
        w = weight[cur["node"].to_numpy()]
        has = cur["points"].notna().to_numpy()
        pts = cur["points"].fillna(0).to_numpy()
        pts = np.log(pts + 1.0) if geometric else pts
        cur = cur.assign(
            parent=parent[cur["node"].to_numpy()],
            wx=np.where(has, w * pts, 0.0),
            w=np.where(has, w, 0.0),
        )
        cur = cur[cur["parent"] >= 0]
        g = cur.groupby(["country", "parent"], sort=False)[["wx", "w", "data", "expected"]].sum()
        ok = (g["expected"] > 0) & (g["data"] >= THRESHOLD * g["expected"] - TOL) & (g["w"] > 0)
        mean = g["wx"] / g["w"]
        score = (np.exp(mean) - 1.0 if geometric else mean).where(ok)
        out.append(score)
        cur = pd.DataFrame(
            {
                "country": g.index.get_level_values(0),
                "node": g.index.get_level_values(1),
                "points": score.to_numpy(),
                "data": g["data"].to_numpy(),
                "expected": g["expected"].to_numpy(),
            }
        )
    return out


# ------------------------------------------------------------------------------ floor


def floor_score(frame: pd.DataFrame, m: Model) -> list[np.ndarray]:
    """Per level a countries x nodes matrix of scores (NaN: none), in bare numpy."""
    ci = frame["country"].cat.codes.to_numpy()
    ii = frame["indicator_id"].cat.codes.to_numpy()
    st = frame["status"].cat.codes.to_numpy()
    code = {name: i for i, name in enumerate(frame["status"].cat.categories)}
    n, k = len(frame["country"].cat.categories), len(m.ids)
    status = np.full((n, k), code["unanswered"], dtype=np.int8)
    status[ci, ii] = st
    value = np.full((n, k), np.nan)
    value[ci, ii] = frame["value"].to_numpy()
    codes, uniques = pd.factorize(frame["answer"])
    label_col = pd.Index(m.choice_labels).get_indexer([normalise_label(u) for u in uniques])
    answer = np.full((n, k), -1)
    answer[ci, ii] = np.where(codes >= 0, label_col[codes], -1)
    status, value, answer = (a[:, m.scored_pos] for a in (status, value, answer))
    available = status == code["available"]
    choice = m.choice_table[np.maximum(m.choice_scale, 0)[None, :], np.maximum(answer, 0)]
    with np.errstate(invalid="ignore", divide="ignore"):
        scaled = np.where(m.lower, m.high - value, value - m.low) / (m.high - m.low) * 100.0
    numeric = np.clip(np.where(m.perception, np.where(m.lower, 100 - value, value), scaled), 0, 100)
    x = np.where(available, np.where(m.is_choice, choice, numeric), np.nan)
    data, expected = available.astype(float), (status != code["not_applicable"]).astype(float)
    out = []
    for parent, weight in zip(m.parents, m.weights, strict=True):
        order = np.argsort(parent, kind="stable")
        order = order[parent[order] >= 0]
        starts = np.searchsorted(parent[order], np.arange(parent.max() + 1))
        has = ~np.isnan(x)
        wx = np.where(has, x * weight, 0.0)[:, order]
        w = np.where(has, weight, 0.0)[:, order]
        num, den = np.add.reduceat(wx, starts, axis=1), np.add.reduceat(w, starts, axis=1)
        data = np.add.reduceat(data[:, order], starts, axis=1)
        expected = np.add.reduceat(expected[:, order], starts, axis=1)
        ok = (expected > 0) & (data >= THRESHOLD * expected - TOL) & (den > 0)
        with np.errstate(invalid="ignore", divide="ignore"):
            x = np.where(ok, num / den, np.nan)
        out.append(x)
    return out


# --------------------------------------------------------------------- uncertainty


def floor_uncertainty(
    x0: np.ndarray,
    masks: list[np.ndarray],
    m: Model,
    draws: int,
    noise: float,
    seed: int,
    shift: float = 1.0,
    batch: int = 250,
) -> list[np.ndarray]:
    """Weights x U(1 - f, 1 + f) per level and arithmetic/geometric per draw; the 5/50/95th
    percentiles of theme, category and index scores (no ranks: roam computes no positions).
    x0: countries x scored indicators points; masks[k]: countries x nodes of level k with a
    value (k = 0: the indicators). Indicator level: one small matrix product per question (the
    points are the same in every draw); above: one einsum per parent (broadcast products over
    all parents at once allocate children x draws x countries temporaries and were slower);
    geometric means stay in log space between levels."""
    rng = np.random.default_rng(seed)
    wd = [w[None, :] * rng.uniform(1 - noise, 1 + noise, (draws, len(w))) for w in m.weights]
    geometric = rng.integers(0, 2, size=draws).astype(bool)
    groups = []
    for parent in m.parents:
        order = np.argsort(parent, kind="stable")
        order = order[parent[order] >= 0]
        groups.append((order, np.searchsorted(parent[order], np.arange(parent.max() + 1))))
    keep: dict[int, list] = {1: [], 2: [], 3: []}
    for method in (False, True):
        picked = np.flatnonzero(geometric == method)
        x = np.where(masks[0], x0, 0.0)
        x = (np.log(x + shift) if method else x).T  # children x countries
        for a in range(0, len(picked), batch):
            rows = picked[a : a + batch]
            order, starts = groups[0]
            w = wd[0][rows][:, order]
            xs, present = x[order], masks[0].T[order].astype(float)
            ends = np.append(starts[1:], len(order))
            with np.errstate(invalid="ignore", divide="ignore"):
                mean = np.stack(
                    [
                        (w[:, i:j] @ xs[i:j]) / (w[:, i:j] @ present[i:j])
                        for i, j in zip(starts, ends, strict=True)
                    ]
                )  # parents x draws x countries
            for k in range(1, 4):
                v = np.where(masks[k].T[:, None, :], mean, 0.0)
                order, starts = groups[k]
                ends = np.append(starts[1:], len(order))
                w, v = wd[k][rows][:, order], v[order]
                present = masks[k].T[order].astype(float)
                with np.errstate(invalid="ignore", divide="ignore"):
                    mean = np.stack(
                        [
                            np.einsum("dc,cdn->dn", w[:, i:j], v[i:j]) / (w[:, i:j] @ present[i:j])
                            for i, j in zip(starts, ends, strict=True)
                        ]
                    )
                score = np.exp(mean) - shift if method else mean
                keep[k].append((rows, np.where(masks[k + 1].T[:, None, :], score, np.nan)))
    out = []
    for k in (1, 2, 3):
        first = keep[k][0][1]
        sims = np.empty((first.shape[0], first.shape[2], draws))  # nodes x countries x draws
        for rows, score in keep[k]:
            sims[:, :, rows] = score.transpose(0, 2, 1)
        out.append(np.percentile(sims, [5, 50, 95], axis=2))
    return out


def plain_uncertainty_draw(
    values0: list[list[float | None]], masks: list[list[list[bool]]], m: Model, w: list, geo: bool
) -> None:
    """One draw for every country in plain Python (timed on a few draws and scaled)."""
    for ci, vals in enumerate(values0):
        values = [math.log(x + 1.0) if geo and x is not None else x for x in vals]
        for k, (parent, size, weight) in enumerate(zip(m.parents, m.sizes, w, strict=True)):
            num, den = [0.0] * size, [0.0] * size
            for child, p in enumerate(parent):
                x = values[child]
                if p < 0 or x is None:
                    continue
                num[p] += weight[child] * x
                den[p] += weight[child]
            keep = masks[k + 1][ci]
            values = [num[j] / den[j] if keep[j] and den[j] else None for j in range(size)]
            if geo and k >= 1:
                [math.exp(v) - 1.0 for v in values if v is not None]  # the reported scores


def check_same(scores: Scores, frame: pd.DataFrame, m: Model) -> None:
    """Every baseline gives roam's nominal numbers on this input (else the ratios mean nothing)."""
    engine = [r.score for r in scores.levels]
    plain = plain_score(frame, m)
    grouped = groupby_score(frame, m)
    floor = floor_score(frame, m)
    for k, matrix in enumerate(engine):
        p = np.array([[np.nan if v is None else v for v in plain[c][k]] for c in scores.countries])
        g = grouped[k].unstack().reindex(index=list(scores.countries), columns=range(m.sizes[k]))
        for name, got in (("plain", p), ("groupby", g.to_numpy(float)), ("floor", floor[k])):
            if not np.allclose(got, matrix, equal_nan=True, atol=1e-9):
                raise AssertionError(f"{name} baseline differs from roam at level {k}")


def check_same_uncertainty(scores: Scores, m: Model, draws: int = 50, seed: int = 0) -> None:
    """The floor's intervals are roam's, draw for draw (same random stream)."""
    from roam.scoring import uncertainty

    x0 = scores.arrays.value
    masks = [scores.arrays.has_value] + [r.has_value for r in scores.levels]
    floor = floor_uncertainty(x0, masks, m, draws, 0.25, seed)
    table = uncertainty(scores.framework, scores=scores, draws=draws, seed=seed).table
    pairs = [("theme", 0, "low"), ("category", 1, "high"), ("index", 2, "median")]
    for level, k, column in pairs:
        q = {"low": 0, "median": 1, "high": 2}[column]
        got = floor[k][q].T.ravel()
        want = table.loc[table["level"] == level, column].to_numpy(dtype=float)
        if not np.allclose(got, want, equal_nan=True, atol=1e-9):
            raise AssertionError(f"floor uncertainty differs from roam: {level} {column}")
