"""The scored hierarchy as index arrays, on the small 2024 fixture framework."""

from __future__ import annotations

import numpy as np

from roam.scoring.tree import Level, build_tree


def test_fixture_tree_levels(fw):
    tree = build_tree(fw)
    assert tree.categories == ("R", "O", "A", "M", "X")
    assert tree.questions == ("R.A.1", "R.A.2", "O.A.1", "A.A.1", "M.A.1", "X.F.1")
    assert "C.1" in tree.all_indicators and "C.1" not in tree.indicators  # contextual: kept only
    index = tree.levels[-1]
    assert index.ids == (fw.index_id,) == ("ROAM",)
    assert index.parent_of.tolist() == [0, 0, 0, 0, -1]  # X is reported beside the index
    assert build_tree(fw) is tree  # cached per framework object


def test_segments_group_children_by_parent():
    level = Level("p", "c", ("a", "b", "c"), np.array([2, 0, -1, 2, 0]))
    order, starts = level.segments
    assert order.tolist() == [1, 4, 0, 3] and starts.tolist() == [0, 2, 2]
    assert level.nonempty.tolist() == [True, False, True]
    assert not level.contiguous
    assert level.membership.sum(axis=0).tolist() == [2, 0, 2]
