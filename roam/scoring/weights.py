"""Weights as data: named sets in `weights.yaml`, user files, or mappings, resolved to arrays.

Weights are relative within their group (the siblings under one parent), so a set is checked for
what would make it meaningless: unknown ids, negative weights and groups whose weights are all zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from roam.framework import Framework
from roam.scoring.config import (
    ScoringConfigError,
    WeightSet,
    WeightsFile,
    framework_folder,
    read_yaml,
    validate,
)
from roam.scoring.tree import Tree, build_tree

EQUAL = "equal"


@dataclass(frozen=True)
class Weights:
    """Raw weights per level, aligned with the tree (indicator, question, theme, category)."""

    name: str
    source: str
    indicator: np.ndarray
    question: np.ndarray
    theme: np.ndarray
    category: np.ndarray

    def of(self, child_level: str) -> np.ndarray:
        return getattr(self, child_level)

    def table(self, framework: Framework) -> pd.DataFrame:
        """Raw and normalised (share of the group) weight of every node, for transparency."""
        tree = build_tree(framework)
        rows = []
        for level in tree.levels:
            raw = self.of(level.child)
            ids = tree.ids(level.child)
            for child, parent in enumerate(level.parent_of):
                if parent < 0:
                    continue
                group = raw[level.parent_of == parent].sum()
                rows.append(
                    {
                        "level": level.child,
                        "id": ids[child],
                        "parent": level.ids[parent],
                        "weight": float(raw[child]),
                        "share": float(raw[child] / group),
                    }
                )
        return pd.DataFrame(rows)


def equal_weights(framework: Framework) -> Weights:
    return resolve_weights(WeightSet(description="Equal weights"), framework, EQUAL, "built-in")


def resolve_weights(
    weight_set: WeightSet, framework: Framework, name: str, source: Path | str
) -> Weights:
    """Check a set against the framework and turn it into arrays; errors name file and item."""
    tree = build_tree(framework)
    where = f"{name}.weights"
    positions = {
        "indicator": {ind: i for i, ind in enumerate(tree.indicators)},
        "question": {q: i for i, q in enumerate(tree.questions)},
        "theme": {t: i for i, t in enumerate(tree.themes)},
        "category": {
            c: i for i, c in enumerate(tree.categories) if c in framework.index_categories
        },
    }
    arrays = {
        "indicator": np.where(tree.core, weight_set.core_weight, weight_set.non_core_weight),
        "question": np.ones(len(tree.questions)),
        "theme": np.ones(len(tree.themes)),
        "category": np.ones(len(tree.categories)),
    }
    for key, value in weight_set.weights.items():
        level = next((lv for lv, pos in positions.items() if key in pos), None)
        if level is None:
            raise ScoringConfigError(source, f"{where}.{key}", _unknown(key, framework))
        arrays[level][positions[level][key]] = float(value)
    _check_groups(tree, arrays, source, name)
    return Weights(name=name, source=str(source), **arrays)


def _unknown(key: str, framework: Framework) -> str:
    if key in framework.beside_categories:
        return f"{key} is reported beside the {framework.index_name} and takes no weight in it"
    if key in framework.by_id and not framework.is_scored(framework.by_id[key].category):
        return "contextual indicators are never scored, so they take no weight"
    version = framework.version
    return f"unknown id: not an indicator, question, theme or category of framework {version}"


def _check_groups(tree: Tree, arrays: dict[str, np.ndarray], source: Path | str, name: str) -> None:
    for level in tree.levels:
        raw = arrays[level.child]
        inside = level.parent_of >= 0
        totals = np.bincount(level.parent_of[inside], weights=raw[inside], minlength=len(level.ids))
        zero = np.flatnonzero(totals <= 0)
        if zero.size:
            parent = level.ids[zero[0]]
            raise ScoringConfigError(
                source,
                f"{name}.weights",
                f"{parent}: the weights of all its {level.child} components are zero",
            )


def load_weights(
    source: Weights | WeightSet | dict[str, Any] | Path | str | None,
    framework: Framework,
    set_name: str | None = None,
    root: Path | str | None = None,
) -> Weights:
    """Weights from a set name in the framework's `weights.yaml`, a user file, or a mapping.

    None means the framework's default set, or equal weights if the framework has no weights.yaml.
    A user file is either a whole weights file (`default` + `sets`) or one set on its own.
    """
    if isinstance(source, Weights):
        return source
    if isinstance(source, WeightSet):
        return resolve_weights(source, framework, set_name or "custom", "mapping")
    if isinstance(source, dict):
        return _from_raw(source, framework, set_name, "mapping")
    if source is not None and (Path(source).suffix in {".yaml", ".yml"} or Path(source).is_file()):
        path = Path(source)
        return _from_raw(read_yaml(path), framework, set_name, path)
    folder = framework_folder(framework, root)
    path = folder / "weights.yaml" if folder is not None else None
    if path is None or not path.is_file():
        if source in (None, EQUAL):
            return equal_weights(framework)
        raise ScoringConfigError(
            path or f"framework {framework.version}",
            str(source),
            "no weights.yaml for this framework and no such file",
        )
    return _from_raw(read_yaml(path), framework, set_name or source, path)


def _from_raw(
    raw: dict[str, Any], framework: Framework, set_name: str | Path | None, source: Path | str
) -> Weights:
    if "sets" in raw:
        wfile: WeightsFile = validate(WeightsFile, raw, source)
        name = str(set_name) if set_name is not None else wfile.default
        if name not in wfile.sets:
            if name == EQUAL:
                return equal_weights(framework)
            known = ", ".join(sorted(wfile.sets))
            raise ScoringConfigError(source, name, f"no such weight set (sets: {known})")
        return resolve_weights(wfile.sets[name], framework, name, source)
    wset: WeightSet = validate(WeightSet, raw, source)
    return resolve_weights(wset, framework, str(set_name or "custom"), source)
