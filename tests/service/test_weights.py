"""Saving a weight set is an action with a role, an audit entry and checked content
(issue 11, item 9)."""

from __future__ import annotations

import pytest
import yaml

from roam.access import PUBLIC, AccessDenied, User, audit_events
from roam.framework import DEFAULT_VERSION
from roam.service import connect
from roam.service import weights as W
from roam.store import Store

TEAM = User("team@xa.example", "national_team", frozenset({"XA"}))


@pytest.fixture
def store(tmp_path, monkeypatch) -> Store:
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ROAM_DATABASE_URL", raising=False)
    return Store()


def test_a_team_saves_a_checked_set_and_the_trail_says_so(store):
    path = W.save_weight_set(connect(TEAM, store), "rights first", {"R": 2.0}, DEFAULT_VERSION)
    assert path.name == "rights_first.yaml"
    assert yaml.safe_load(path.read_text())["weights"] == {"R": 2.0}
    assert W.read_weight_set("rights_first") == {"R": 2.0}
    W.save_weight_set(connect(TEAM, store), "rights first", {"R": 3.0}, DEFAULT_VERSION)
    rows = [e for e in audit_events(store) if e["action"] == "save_weights"]
    assert [(r["actor"], r["allowed"], r["detail"]) for r in rows] == [
        ("team@xa.example", True, "replaced rights_first.yaml: R=3"),
        ("team@xa.example", True, "saved rights_first.yaml: R=2"),
    ]


@pytest.mark.parametrize("who", [PUBLIC, User("gov@xa.example", "government", frozenset({"XA"}))])
def test_visitors_and_viewers_cannot_write(store, who):
    with pytest.raises(AccessDenied, match="cannot save weight sets"):
        W.save_weight_set(connect(who, store), "mine", {"R": 2.0}, DEFAULT_VERSION)
    assert W.weight_sets() == {}
    refused = [e for e in audit_events(store) if not e["allowed"]]
    assert [(e["actor"], e["action"], e["target"]) for e in refused] == [
        (who.email, "save_weights", "weight set 'mine'")
    ]


@pytest.mark.parametrize(
    ("name", "weights", "message"),
    [
        ("../../etc/passwd", {"R": 2.0}, "Use a short name of letters"),
        ("ok", {"R9.9": 2.0}, "unknown id"),
        ("ok", {"R": -1.0}, "must not be negative"),
        ("ok", {"R": float("nan")}, "finite"),
        ("ok", {"R": 0.0, "O": 0.0, "A": 0.0, "M": 0.0}, "are zero"),
        ("ok", {}, "Move a slider first"),
    ],
)
def test_bad_content_is_refused_and_nothing_written(store, name, weights, message):
    with pytest.raises(W.InvalidWeightSet, match=message):
        W.save_weight_set(connect(TEAM, store), name, weights, DEFAULT_VERSION)
    assert W.weight_sets() == {}
