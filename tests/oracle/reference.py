"""The oracle: one country, one node at a time, in plain Python, straight from the YAML files.

Deliberately slow and obvious, and independent of the engine: it reads the catalogue folder
(category files, scales.yaml, weights.yaml) itself, builds its own hierarchy and weights, and
shares no arithmetic with roam.scoring. Only the validated settings object is taken as given.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

Node = tuple[float | None, str]  # (score, status)


def _label(text: str) -> str:
    text = str(text).replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


class Catalogue:
    """The scored part of a framework folder as plain dicts and lists, in file order."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        meta = yaml.safe_load((self.folder / "framework.yaml").read_text(encoding="utf-8"))
        scales = yaml.safe_load((self.folder / meta.get("scales", "scales.yaml")).read_text())
        self.scales = {s["id"]: s for s in scales["scales"]}
        self.indicators: dict[str, dict[str, Any]] = {}
        self.parent: dict[str, str] = {}
        self.children: dict[str, list[str]] = {}
        # roles from the vocabulary: "index" categories form the index, "beside" are scored too
        roles = {c: v["role"] for c, v in meta["vocabulary"]["categories"].items()}
        self.index = str(meta["vocabulary"]["index"]["id"])
        self.categories = [c for c in meta["categories"] if roles[c] in ("index", "beside")]
        in_index = [c for c in meta["categories"] if roles[c] == "index"]
        for cat in self.categories:
            data = yaml.safe_load((self.folder / f"{cat}.yaml").read_text(encoding="utf-8"))
            for theme in data.get("themes", []):
                self._link(theme["id"], cat)
                for question in theme["questions"]:
                    for ind in question["indicators"]:
                        if self.scales[ind["scale"]]["type"] == "text":
                            continue
                        if question["id"] not in self.parent:
                            self._link(question["id"], theme["id"])
                        self._link(ind["id"], question["id"])
                        self.indicators[ind["id"]] = ind
        self.children[self.index] = in_index

    def _link(self, child: str, parent: str) -> None:
        self.parent[child] = parent
        self.children.setdefault(parent, []).append(child)

    def levels(self) -> list[tuple[str, list[str]]]:
        """(level name, node ids) from the questions up to the index."""
        themes = [t for c in self.categories for t in self.children.get(c, [])]
        questions = [q for t in themes for q in self.children[t]]
        cats = [c for c in self.categories if c in self.children]
        return [
            ("question", questions),
            ("theme", themes),
            ("category", cats),
            ("index", [self.index]),
        ]

    def beneath(self, node: str) -> list[str]:
        if node in self.indicators:
            return [node]
        return [i for child in self.children.get(node, []) for i in self.beneath(child)]

    def points(self, ind_id: str, answer: Any, value: Any) -> float:
        ind = self.indicators[ind_id]
        scale = self.scales[ind["scale"]]
        if scale["type"] == "choice":
            for level in scale["levels"]:
                if _label(level["label"]) == _label(answer):
                    return float(level["points"])
            raise ValueError(f"{ind_id}: {answer!r} is not a level of {scale['id']}")
        v = float(value)
        lower = ind.get("direction") == "lower"
        if ind["kind"] == "perception":
            points = 100.0 - v if lower else v
        else:
            low, high = float(ind["goalposts"]["low"]), float(ind["goalposts"]["high"])
            points = (high - v if lower else v - low) / (high - low) * 100.0
        return min(100.0, max(0.0, points))

    def weights(self, weight_set: Mapping[str, Any] | str | None) -> dict[str, float]:
        """Raw weight of every node from a set (mapping), a set name in weights.yaml, or None."""
        if not isinstance(weight_set, Mapping):
            path = self.folder / "weights.yaml"
            raw = yaml.safe_load(path.read_text()) if path.is_file() else {"sets": {}}
            name = weight_set or raw.get("default", "equal")
            weight_set = raw["sets"].get(name, {})
        core = float(weight_set.get("core_weight", 1.0))
        non_core = float(weight_set.get("non_core_weight", 1.0))
        out = {i: core if ind.get("core") else non_core for i, ind in self.indicators.items()}
        for node in self.parent:
            out.setdefault(node, 1.0)
        for cat in self.categories:
            out[cat] = 1.0
        out.update({k: float(v) for k, v in (weight_set.get("weights") or {}).items()})
        return out


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


def oracle_score(
    folder: Path,
    responses: pd.DataFrame,
    weight_set: Mapping[str, Any] | str | None,
    settings: Any,
    indicator_sets: Mapping[str, str] | None = None,
) -> dict[str, dict[str, Node]]:
    """country -> node id (indicators, questions, themes, categories, index) -> (score, status)."""
    cat = Catalogue(folder)
    weight = cat.weights(weight_set)
    method, shift = settings.aggregation, settings.geometric_shift
    rule = settings.coverage_rule
    rows: dict[str, dict[str, dict[str, Any]]] = {}
    for rec in responses.to_dict("records"):
        rows.setdefault(str(rec["country"]), {})[rec["indicator_id"]] = rec
    out: dict[str, dict[str, Node]] = {}
    for country, answers in rows.items():
        core_only = (indicator_sets or {}).get(country, "full") == "core"
        result: dict[str, Node] = {}
        state: dict[str, tuple[float | None, bool]] = {}  # node -> (value, applicable)
        for ind_id, ind in cat.indicators.items():
            rec = answers.get(ind_id)
            status = rec["status"] if rec is not None else "unanswered"
            if core_only and not ind.get("core") and status != "available":
                status = "not_assessed"
            if status == "available":
                value: float | None = cat.points(ind_id, rec["answer"], rec["value"])
                state[ind_id] = (value, True)
            elif status in ("not_applicable", "not_assessed"):
                value = None
                state[ind_id] = (None, False)
            else:
                value = 0.0 if settings.missing_policy == "zero" else None
                state[ind_id] = (value, True)
            result[ind_id] = (value, status)
        for level, ids in cat.levels():
            threshold = getattr(settings.coverage_threshold, level)
            for node in ids:
                applicable = [c for c in cat.children[node] if state[c][1]]
                present = [c for c in applicable if state[c][0] is not None]
                if not applicable:
                    state[node], result[node] = (None, False), (None, "not_applicable")
                    continue
                below = [i for i in cat.beneath(node) if state[i][1]]
                below_present = [i for i in below if state[i][0] is not None]
                components_ok = len(present) >= threshold * len(applicable) - 1e-9
                indicators_ok = len(below_present) >= threshold * len(below) - 1e-9
                ok = {
                    "direct": components_ok,
                    "indicators": indicators_ok,
                    "components_and_indicators": components_ok and indicators_ok,
                }[rule]
                value = (
                    _mean([(state[c][0], weight[c]) for c in present], method, shift)
                    if ok
                    else None
                )  # type: ignore[misc]
                status = "scored" if value is not None else "insufficient_data"
                state[node], result[node] = (value, True), (value, status)
        out[country] = result
    return out
