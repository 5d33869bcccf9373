"""Scores as tables and matrices, and the same assessments under another missing-data policy."""

from __future__ import annotations

import math

import pytest

from roam.scoring import score


def test_matrix_view_and_tables_agree(fw, responses):
    s = score(fw, responses)
    matrix = s.matrix("category")
    table = s.categories.set_index(["country", "id"])["score"]
    assert matrix.loc["XA", "R"] == table[("XA", "R")] == pytest.approx(51.25)
    assert set(s.tables()) == {"indicators", "questions", "themes", "categories", "index"}
    assert s.reasons("index")[1, 0] == ""  # XB's index is scored under the default rule


def test_with_policy_rescores_with_the_same_weights(fw, responses):
    s = score(fw, responses)
    zero = s.with_policy("zero")
    assert s.with_policy("exclude") is s
    assert zero.settings.missing_policy == "zero" and zero.weights is s.weights
    assert zero.level("index").score[1, 0] == pytest.approx(51.25)  # as test_aggregate's zero
    assert math.isclose(s.level("index").score[1, 0], 70)
