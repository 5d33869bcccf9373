"""The scored hierarchy as index arrays: indicator -> question -> theme -> category -> index.

Built once per framework so that aggregation is array arithmetic: each level is a membership
matrix (children x parents) that, multiplied by the children's weights, is the weight matrix.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from roam.framework import Framework
from roam.kept import kept


@dataclass(frozen=True)
class Level:
    """One aggregation step: `parent_of[c]` is the parent of child c, or -1 if c stays out."""

    name: str  # the level produced: question, theme, category or index
    child: str  # the level aggregated: indicator, question, theme or category
    ids: tuple[str, ...]
    parent_of: np.ndarray

    @cached_property
    def membership(self) -> np.ndarray:
        """children x parents 0/1 matrix; times child weights it is the level's weight matrix."""
        matrix = np.zeros((len(self.parent_of), len(self.ids)))
        inside = self.parent_of >= 0
        matrix[np.flatnonzero(inside), self.parent_of[inside]] = 1.0
        return matrix

    @cached_property
    def contiguous(self) -> bool:
        """Children already grouped by parent in catalogue order (no reordering needed)."""
        order, _ = self.segments
        return len(order) == len(self.parent_of) and bool((order == np.arange(len(order))).all())

    @cached_property
    def segments(self) -> tuple[np.ndarray, np.ndarray]:
        """(child order, segment starts) grouping children by parent, for np.add.reduceat."""
        inside = np.flatnonzero(self.parent_of >= 0)
        order = inside[np.argsort(self.parent_of[inside], kind="stable")]
        counts = np.bincount(self.parent_of[order], minlength=len(self.ids))
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        return order, starts

    @cached_property
    def nonempty(self) -> np.ndarray:
        """Parents with at least one child: segment sums may only start at these."""
        inside = self.parent_of[self.parent_of >= 0]
        return np.bincount(inside, minlength=len(self.ids)) > 0


@dataclass(frozen=True)
class Tree:
    all_indicators: tuple[str, ...]  # every catalogue indicator, contextual included
    indicators: tuple[str, ...]  # scored indicators, catalogue order
    scored_columns: np.ndarray  # position of each scored indicator among all_indicators
    core: np.ndarray  # bool per scored indicator
    questions: tuple[str, ...]
    themes: tuple[str, ...]
    categories: tuple[str, ...]  # scored categories (index and beside roles) with indicators
    levels: tuple[Level, ...]  # question, theme, category, index
    index_id: str  # the composite index's id (from the framework vocabulary)

    def ids(self, level: str) -> tuple[str, ...]:
        return {
            "indicator": self.indicators,
            "question": self.questions,
            "theme": self.themes,
            "category": self.categories,
            "index": (self.index_id,),
        }[level]


def build_tree(framework: Framework) -> Tree:
    """Built once per framework object (roam/kept.py)."""
    return kept(framework, "tree", lambda: _build(framework))


def _build(framework: Framework) -> Tree:
    table = framework.table
    scored = table[table["scored"].astype(bool)]
    indicators = tuple(scored["indicator_id"])
    questions = tuple(dict.fromkeys(scored["question"]))
    themes = tuple(dict.fromkeys(scored["theme"]))
    categories = tuple(c for c in framework.scored_categories if c in set(scored["category"]))
    q_pos = {q: i for i, q in enumerate(questions)}
    t_pos = {t: i for i, t in enumerate(themes)}
    c_pos = {c: i for i, c in enumerate(categories)}
    theme_of_question = {q: framework.questions[q][0] for q in questions}
    levels = (
        Level("question", "indicator", questions, np.array([q_pos[q] for q in scored["question"]])),
        Level(
            "theme", "question", themes, np.array([t_pos[theme_of_question[q]] for q in questions])
        ),
        Level("category", "theme", categories, np.array([c_pos[t.split(".")[0]] for t in themes])),
        Level(
            "index",
            "category",
            (framework.index_id,),
            np.array([0 if c in framework.index_categories else -1 for c in categories]),
        ),
    )
    all_ids = tuple(table["indicator_id"])
    position = {ind: i for i, ind in enumerate(all_ids)}
    return Tree(
        all_indicators=all_ids,
        indicators=indicators,
        scored_columns=np.array([position[i] for i in indicators], dtype=np.intp),
        core=scored["core"].to_numpy(dtype=bool),
        questions=questions,
        themes=themes,
        categories=categories,
        levels=levels,
        index_id=framework.index_id,
    )
