"""Scoring engine: weighted ROAM-X scores, explicit missing-data rules, coverage and uncertainty.

    scores = score(framework, responses)                 # all countries in one call
    scores.categories / .themes / .index / .indicators   # tidy tables with coverage and status
    unc = uncertainty(framework, responses, draws=1000)  # Monte Carlo over weights and method
    country_records(scores, unc, sens)                   # one JSON-ready dict per country
    sens = sensitivity.run_sensitivity(scores)           # what drives each interval (Sobol S1)
    change.change_between(fw, before, after, ...)        # change over time, paired intervals
    coin.aggregate_tables(imeta, idata, ...)             # any tree given as COINr tables

Scores are an analytical aid; UNESCO's indicators are for self-assessment, not for ranking.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from roam.framework import Framework
from roam.kept import kept
from roam.scoring.aggregate import aggregate_levels, indicator_arrays
from roam.scoring.config import (
    ScoringConfigError,
    ScoringSettings,
    WeightSet,
    WeightsFile,
    load_settings,
)
from roam.scoring.points import STATUSES, ScoringInputError, encode
from roam.scoring.profile import strengths_weaknesses
from roam.scoring.records import country_records
from roam.scoring.results import Scores
from roam.scoring.tree import build_tree
from roam.scoring.uncertainty import Uncertainty, run_uncertainty
from roam.scoring.weights import Weights, load_weights

WeightsArg = Weights | WeightSet | Mapping[str, Any] | Path | str | None
SettingsArg = ScoringSettings | Mapping[str, Any] | Path | str | None


def score(
    framework: Framework,
    responses: pd.DataFrame,
    weights: WeightsArg = None,
    settings: SettingsArg = None,
    indicator_sets: Mapping[str, str] | None = None,
    *,
    root: Path | str | None = None,
) -> Scores:
    """Score every assessment in `responses` at once.

    weights: a Weights object, a set name from the framework's weights.yaml, a weights file, or a
    mapping (default: the framework's default set, else equal weights). settings: a ScoringSettings,
    a scoring.yaml path, or a mapping of overrides on the framework's scoring.yaml.
    indicator_sets: country -> "core" or "full" (default), the set coverage is measured against.
    root: the indicators folder the framework was loaded from, if not the repository's.
    """
    cfg = _defaults(framework, "settings", settings, root) or load_settings(
        dict(settings) if isinstance(settings, Mapping) else settings, framework, root
    )
    w = _defaults(framework, "weights", weights, root) or load_weights(
        dict(weights) if isinstance(weights, Mapping) else weights, framework, root=root
    )
    tree = build_tree(framework)
    assessment = encode(framework, responses, indicator_sets)
    arrays = indicator_arrays(assessment, tree, cfg)
    levels = aggregate_levels(arrays, tree, w, cfg)
    return Scores(framework, cfg, w, assessment, tree, arrays, levels)


def _defaults(framework: Framework, kind: str, arg: Any, root: Path | str | None) -> Any:
    """The framework's own settings and named weight sets, read once per loaded framework.

    Only None or a set name is cached; files, mappings and objects are always used as given.
    """
    if root is not None or not (arg is None or (kind == "weights" and isinstance(arg, str))):
        return None
    if kind == "weights" and isinstance(arg, str) and Path(arg).suffix in {".yaml", ".yml"}:
        return None
    return kept(
        framework,
        ("defaults", kind, arg),
        lambda: (
            load_settings(None, framework) if kind == "settings" else load_weights(arg, framework)
        ),
    )


def uncertainty(
    framework: Framework,
    responses: pd.DataFrame | None = None,
    draws: int | None = None,
    seed: int | None = None,
    *,
    scores: Scores | None = None,
    weights: WeightsArg = None,
    settings: SettingsArg = None,
    indicator_sets: Mapping[str, str] | None = None,
    noise: Mapping[str, float] | None = None,
    methods: list[str] | None = None,
    root: Path | str | None = None,
) -> Uncertainty:
    """Monte Carlo over weights (x U(1-f, 1+f) per level) and aggregation method.

    Pass `scores` to reuse a nominal run; otherwise responses are scored first. Returns per country
    and theme/category/index: nominal score, median, low/high percentiles (5/95 by default), bands,
    and for categories and the index rank positions (nominal, median, best and worst percentile).
    """
    if scores is None:
        if responses is None:
            raise ValueError("uncertainty needs responses or a Scores object")
        scores = score(framework, responses, weights, settings, indicator_sets, root=root)
    return run_uncertainty(
        scores, draws, seed, dict(noise) if noise else None, list(methods) if methods else None
    )


__all__ = [
    "STATUSES",
    "Scores",
    "ScoringConfigError",
    "ScoringInputError",
    "ScoringSettings",
    "Uncertainty",
    "WeightSet",
    "Weights",
    "WeightsFile",
    "country_records",
    "load_settings",
    "load_weights",
    "score",
    "strengths_weaknesses",
    "uncertainty",
]
