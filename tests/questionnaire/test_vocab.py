"""The typed-value lookups of the vocabulary are built once per vocabulary object."""

from __future__ import annotations

import pytest

from roam.questionnaire.vocab import vocabulary


def test_a_lookup_is_built_once_and_read_only():
    vocab = vocabulary()
    groups = vocab.lookup("stakeholder_groups")
    assert vocab.lookup("stakeholder_groups") is groups
    assert groups["societe civile"] == groups["société civile"] == "Civil society"
    with pytest.raises(TypeError):
        groups["x"] = "y"  # type: ignore[index]


def test_another_vocabulary_gets_its_own_lookup():
    vocab = vocabulary()
    other = vocab.model_copy(update={"genders": [*vocab.genders, "Prefer to self-describe"]})
    assert "prefer to self-describe" in other.lookup("genders")
    assert "prefer to self-describe" not in vocab.lookup("genders")
    assert other.lookup("statuses") == vocab.lookup("statuses")
