"""Scores as tidy tables (one row per country and node) and as per-country records.

Tables are built on first access: the arrays are the result, tables are views of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from roam.framework import Framework
from roam.i18n import N_, _
from roam.scoring.aggregate import (
    INSUFFICIENT,
    NOT_APPLICABLE_NODE,
    STATES,
    IndicatorArrays,
    LevelResult,
    aggregate_levels,
    indicator_arrays,
)
from roam.scoring.config import ScoringSettings
from roam.scoring.points import STATUSES, Assessment
from roam.scoring.tree import Tree
from roam.scoring.weights import Weights

LEVEL_NAMES = ("question", "theme", "category", "index")
PLURAL = {
    "indicator": N_("indicators"),
    "question": N_("questions"),
    "theme": N_("themes"),
    "category": N_("categories"),
}
# Why an aggregate has no score. The records keep the English sentence (JSON, run files); people
# read it through `reason_text`, which recognises the sentence and says it in their language.
NO_APPLICABLE = N_("no applicable {child}: all are not applicable or not assessed")
ZERO_WEIGHT = N_("insufficient data: only {child} with zero weight have a score")
TOO_FEW = N_(
    "insufficient data: {present} of {expected} applicable {child} have a score ({share}), "
    "below the {threshold} threshold"
)
TOO_FEW_BENEATH = N_(
    "insufficient data: {present} of {expected} applicable indicators beneath have data "
    "({share}), below the {threshold} threshold"
)
REASONS = (NO_APPLICABLE, ZERO_WEIGHT, TOO_FEW, TOO_FEW_BENEATH)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(
        re.escape(part) if n % 2 == 0 else f"(?P<{part}>.+?)" for n, part in enumerate(parts)
    )
    return re.compile(regex + "$")


_PATTERNS = tuple((template, _pattern(template)) for template in REASONS)


def reason_text(reason: Any) -> str:
    """A recorded (English) reason for no score, in the current language; other text as is."""
    if reason is None or (isinstance(reason, float) and np.isnan(reason)) or not str(reason):
        return ""
    text = str(reason)
    for template, pattern in _PATTERNS:
        found = pattern.match(text)
        if found:
            fields = found.groupdict()
            child = fields.get("child")
            if child is not None:
                fields["child"] = _(child)
            return _(template).format(**fields)
    return _(text)


def band_names(settings: ScoringSettings, scores: np.ndarray) -> np.ndarray:
    """Named band per score (object array, None where there is no score)."""
    mins = np.array([b.min for b in settings.bands])[::-1]  # ascending
    names = np.array([*(b.name for b in reversed(settings.bands)), None], dtype=object)
    scores = np.asarray(scores, dtype=float)
    pos = np.searchsorted(mins, np.nan_to_num(scores, nan=-1.0), side="right") - 1
    pos = np.where(np.isnan(scores) | (pos < 0), len(mins), pos)
    return names[pos]


@dataclass
class Scores:
    """Nominal scores of any number of assessments, with coverage and status at every level."""

    framework: Framework
    settings: ScoringSettings
    weights: Weights
    assessment: Assessment
    tree: Tree
    arrays: IndicatorArrays
    levels: list[LevelResult]
    _reason_cache: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    @property
    def countries(self) -> tuple[str, ...]:
        return self.assessment.countries

    def with_policy(self, policy: str) -> Scores:
        """The same assessments scored under another missing-data policy (same weights)."""
        if policy == self.settings.missing_policy:
            return self
        cfg = self.settings.model_copy(update={"missing_policy": policy})
        arrays = indicator_arrays(self.assessment, self.tree, cfg)
        levels = aggregate_levels(arrays, self.tree, self.weights, cfg)
        return Scores(self.framework, cfg, self.weights, self.assessment, self.tree, arrays, levels)

    def level(self, name: str) -> LevelResult:
        return self.levels[LEVEL_NAMES.index(name)]

    def matrix(self, name: str = "category") -> pd.DataFrame:
        """Wide view: countries x nodes of a level (NaN where no score)."""
        result = self.level(name)
        return pd.DataFrame(
            result.score, index=list(self.countries), columns=list(result.level.ids)
        )

    # ---------------------------------------------------------------------- tables

    @cached_property
    def indicators(self) -> pd.DataFrame:
        """Every catalogue indicator per country, contextual ones included (kept, never scored)."""
        a, table = self.assessment, self.framework.table
        n, m = a.status.shape
        points = a.points.copy()
        imputed = np.zeros((n, m), dtype=bool)
        points[:, self.tree.scored_columns] = self.arrays.value
        imputed[:, self.tree.scored_columns] = self.arrays.imputed
        return pd.DataFrame(
            {
                "country": _repeat(self.countries, m),
                "indicator_id": _tile(table["indicator_id"], n),
                "category": _tile(table["category"], n),
                "theme": _tile(table["theme"], n),
                "question": _tile(table["question"], n),
                "kind": _tile(table["kind"], n),
                "scored": np.tile(table["scored"].to_numpy(dtype=bool), n),
                "status": pd.Categorical.from_codes(a.status.ravel(), categories=list(STATUSES)),
                "answer": a.answer.ravel(),
                "value": a.value.ravel(),
                "points": points.ravel(),
                "imputed": imputed.ravel(),
            }
        )

    @cached_property
    def questions(self) -> pd.DataFrame:
        return self._level_table("question")

    @cached_property
    def themes(self) -> pd.DataFrame:
        return self._level_table("theme")

    @cached_property
    def categories(self) -> pd.DataFrame:
        return self._level_table("category")

    @cached_property
    def index(self) -> pd.DataFrame:
        return self._level_table("index")

    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            "indicators": self.indicators,
            "questions": self.questions,
            "themes": self.themes,
            "categories": self.categories,
            "index": self.index,
        }

    def _node_names(self, name: str, ids: tuple[str, ...]) -> list[str]:
        fw = self.framework
        if name == "question":
            return [fw.questions[i][1] for i in ids]
        if name == "theme":
            return [fw.themes[i][1] for i in ids]
        if name == "category":
            return [fw.categories[i].name for i in ids]
        return [f"{fw.index_name} ({', '.join(fw.index_categories)})"]

    def _parents(self, name: str, ids: tuple[str, ...]) -> list[str | None]:
        if name == "index":
            return [None]
        nxt = self.levels[LEVEL_NAMES.index(name) + 1].level
        return [nxt.ids[p] if p >= 0 else None for p in nxt.parent_of]

    def _level_table(self, name: str) -> pd.DataFrame:
        r = self.level(name)
        ids = r.level.ids
        n, k = r.score.shape
        with np.errstate(invalid="ignore", divide="ignore"):
            coverage = np.where(r.n_expected > 0, r.n_present / r.n_expected, np.nan)
            ind_cov = np.where(
                r.n_indicators_expected > 0, r.n_indicators_data / r.n_indicators_expected, np.nan
            )
        frame = pd.DataFrame(
            {
                "country": _repeat(self.countries, k),
                "level": name,
                "id": _tile(ids, n),
                "parent": _tile(self._parents(name, ids), n),
                "name": _tile(self._node_names(name, ids), n),
                "score": r.score.ravel(),
                "band": band_names(self.settings, r.score.ravel()),
                "status": pd.Categorical.from_codes(r.state.ravel(), categories=list(STATES)),
                "reason": self._reason_array(r).ravel(),
                "coverage": coverage.ravel(),
                "n_present": r.n_present.ravel(),
                "n_expected": r.n_expected.ravel(),
                "indicator_coverage": ind_cov.ravel(),
                "n_indicators_present": r.n_indicators_data.ravel(),
                "n_indicators_expected": r.n_indicators_expected.ravel(),
                "n_imputed": r.n_imputed.ravel(),
            }
        )
        return frame

    def _reason_array(self, r: LevelResult) -> np.ndarray:
        key = r.level.name
        if key not in self._reason_cache:
            self._reason_cache[key] = self._reasons(r)
        return self._reason_cache[key]

    def _reasons(self, r: LevelResult) -> np.ndarray:
        """Why a node has no score; empty for scored nodes (imputation shows in n_imputed)."""
        out = np.full(r.score.shape, "", dtype=object)
        child = PLURAL[r.level.child]
        threshold = getattr(self.settings.coverage_threshold, r.level.name)
        for i, j in zip(*np.nonzero(r.state == NOT_APPLICABLE_NODE), strict=True):
            out[i, j] = NO_APPLICABLE.format(child=child)
        for i, j in zip(*np.nonzero(r.state == INSUFFICIENT), strict=True):
            p, e = int(r.n_present[i, j]), int(r.n_expected[i, j])
            d, de = int(r.n_indicators_value[i, j]), int(r.n_indicators_expected[i, j])
            if r.zero_weight[i, j]:
                out[i, j] = ZERO_WEIGHT.format(child=child)
            elif self.settings.coverage_rule == "direct" or (
                d >= threshold * de - 1e-9 and p < threshold * e - 1e-9
            ):
                out[i, j] = TOO_FEW.format(
                    present=p,
                    expected=e,
                    child=child,
                    share=f"{p / e:.0%}",
                    threshold=f"{threshold:.0%}",
                )
            else:
                out[i, j] = TOO_FEW_BENEATH.format(
                    present=d, expected=de, share=f"{d / de:.0%}", threshold=f"{threshold:.0%}"
                )
        return out

    def reasons(self, level: str) -> np.ndarray:
        """Why each node of a level has no score (countries x nodes); empty where scored."""
        return self._reason_array(self.level(level))


def _repeat(labels: Any, times: int) -> pd.Categorical:
    """Each label `times` times in a row, as a categorical: no per-row string objects."""
    uniq = pd.Index(pd.unique(pd.Series(list(labels), dtype=object)), dtype=object)
    codes = uniq.get_indexer(pd.Index(list(labels), dtype=object))
    return pd.Categorical.from_codes(np.repeat(codes, times), categories=uniq.dropna())


def _tile(labels: Any, times: int) -> pd.Categorical:
    """The whole label sequence `times` times over, as a categorical (None stays missing)."""
    values = pd.Index(list(labels), dtype=object)
    uniq = pd.Index(pd.unique(values.dropna()), dtype=object)
    codes = uniq.get_indexer(values)
    return pd.Categorical.from_codes(np.tile(codes, times), categories=uniq)


__all__ = ["Scores", "band_names", "reason_text"]
