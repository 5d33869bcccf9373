"""Reference implementation: one country, one indicator at a time, in plain Python.

Deliberately slow and obvious. It is the oracle the vectorised engine is tested against, so it
shares no arithmetic with it: only the catalogue, the validated settings and the resolved weights.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from roam.framework import Framework
from roam.framework.models import ChoiceScale, normalise_label
from roam.scoring.config import ScoringSettings
from roam.scoring.tree import build_tree
from roam.scoring.weights import Weights

Node = tuple[float | None, str]  # (score, status)


def reference_points(framework: Framework, indicator_id: str, answer: Any, value: Any) -> float:
    """Points of one available answer to one scored indicator."""
    entry = framework.by_id[indicator_id]
    ind = entry.indicator
    scale = framework.scales[ind.scale]
    if isinstance(scale, ChoiceScale):
        for level in scale.levels:
            if normalise_label(level.label) == normalise_label(str(answer)):
                return float(level.points)
        raise ValueError(f"{indicator_id}: {answer!r} is not a level of {scale.id}")
    v = float(value)
    if ind.kind == "perception":
        points = 100.0 - v if ind.direction == "lower" else v
    else:
        assert ind.goalposts is not None
        low, high = ind.goalposts.low, ind.goalposts.high
        if ind.direction == "lower":
            points = (high - v) / (high - low) * 100.0
        else:
            points = (v - low) / (high - low) * 100.0
    return min(100.0, max(0.0, points))


def _mean(items: list[tuple[float, float]], method: str, shift: float) -> float | None:
    """Weighted mean of (value, weight) pairs; None if the weights add up to nothing."""
    total = sum(w for _, w in items)
    if total <= 0:
        return None
    if method == "geometric":
        result = math.exp(sum(w * math.log(v + shift) for v, w in items) / total) - shift
    else:
        result = sum(w * v for v, w in items) / total
    return min(100.0, max(0.0, result))


def reference_score(
    framework: Framework,
    responses: pd.DataFrame,
    weights: Weights,
    settings: ScoringSettings,
    indicator_sets: Mapping[str, str] | None = None,
) -> dict[str, dict[str, Node]]:
    """country -> node id (indicators, questions, themes, categories, index) -> (score, status)."""
    tree = build_tree(framework)
    index_id, in_index = tree.index_id, framework.index_categories
    w_ind = dict(zip(tree.indicators, weights.indicator, strict=True))
    w_q = dict(zip(tree.questions, weights.question, strict=True))
    w_t = dict(zip(tree.themes, weights.theme, strict=True))
    w_c = dict(zip(tree.categories, weights.category, strict=True))
    method, shift = settings.aggregation, settings.geometric_shift
    thresholds = settings.coverage_threshold

    # The hierarchy, written out as plain lists: children of every node, indicators beneath it.
    children: dict[str, list[str]] = {}
    beneath: dict[str, list[str]] = {}
    for ind in tree.indicators:
        e = framework.by_id[ind]
        children.setdefault(e.question, []).append(ind)
        for key in (e.question, e.theme, e.category):
            beneath.setdefault(key, []).append(ind)
        if e.category in in_index:
            beneath.setdefault(index_id, []).append(ind)
    for q in tree.questions:
        children.setdefault(framework.questions[q][0], []).append(q)
    for t in tree.themes:
        children.setdefault(t.split(".")[0], []).append(t)
    children[index_id] = [c for c in tree.categories if c in in_index]
    groups = [
        ("question", tree.questions, w_ind),
        ("theme", tree.themes, w_q),
        ("category", tree.categories, w_t),
        ("index", (index_id,), w_c),
    ]

    members = {name: {e.id for e in framework.entries_for(name)} for name in ("core", "full")}

    rows: dict[str, dict[str, dict[str, Any]]] = {}
    for rec in responses.to_dict("records"):
        rows.setdefault(str(rec["country"]), {})[rec["indicator_id"]] = rec

    out: dict[str, dict[str, Node]] = {}
    for country, answers in rows.items():
        in_set = members[(indicator_sets or {}).get(country, "full")]
        result: dict[str, Node] = {}
        # per indicator: (value or None, applicable, has real data)
        leaf: dict[str, tuple[float | None, bool, bool]] = {}
        for ind in tree.indicators:
            rec = answers.get(ind)
            status = rec["status"] if rec is not None else "unanswered"
            if ind not in in_set and status != "available":
                status = "not_assessed"
            if status == "available":
                v = reference_points(framework, ind, rec["answer"], rec["value"])
                leaf[ind] = (v, True, True)
                result[ind] = (v, "available")
            elif status == "not_applicable" or status == "not_assessed":
                leaf[ind] = (None, False, False)
                result[ind] = (None, status)
            elif settings.missing_policy == "zero":
                leaf[ind] = (0.0, True, False)
                result[ind] = (0.0, status)
            else:
                leaf[ind] = (None, True, False)
                result[ind] = (None, status)

        def node(
            children: list[str],
            weight: dict[str, float],
            threshold: float,
            below: list[str],
            state: dict[str, tuple[float | None, bool]],
            leaf: dict[str, tuple[float | None, bool, bool]] = leaf,
        ) -> tuple[float | None, bool, str]:
            """Aggregate children; `below` are the indicators beneath for the coverage rule."""
            applicable = [c for c in children if state[c][1]]
            present = [c for c in applicable if state[c][0] is not None]
            if not applicable:
                return None, False, "not_applicable"
            ind_applicable = [i for i in below if leaf[i][1]]
            ind_present = [i for i in ind_applicable if leaf[i][0] is not None]
            strict = settings.coverage_rule == "components_and_indicators"
            if (strict and len(present) < threshold * len(applicable) - 1e-9) or (
                len(ind_present) < threshold * len(ind_applicable) - 1e-9
            ):
                return None, True, "insufficient_data"
            value = _mean([(state[c][0], weight[c]) for c in present], method, shift)  # type: ignore[misc]
            if value is None:
                return None, True, "insufficient_data"
            return value, True, "scored"

        state: dict[str, tuple[float | None, bool]] = {i: (leaf[i][0], leaf[i][1]) for i in leaf}
        for level, ids, weight in groups:
            threshold = getattr(thresholds, level)
            for ident in ids:
                value, applicable, status = node(
                    children[ident], weight, threshold, beneath.get(ident, []), state
                )
                state[ident] = (value, applicable)
                result[ident] = (value, status)
        out[country] = result
    return out
