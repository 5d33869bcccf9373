"""The sample review rounds: current with their generator, loaded on first start, and showing
the patterns a real validation has."""

from __future__ import annotations

import importlib.util

import pytest

from roam.access import LOCAL_ADMIN
from roam.seed import SAMPLES, seed_if_empty
from roam.service import reviews
from roam.store import Store
from roam.store.engine import dispose_all


def _generator():
    spec = importlib.util.spec_from_file_location("gen", SAMPLES / "generate_reviews.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_committed_review_samples_are_current():
    files = _generator().generate()
    assert len(files) == 3
    stale = [p.name for p, data in files.items() if p.read_bytes() != data]
    assert stale == []


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('seed') / 'roam.sqlite'}")
    assert seed_if_empty(store) == 8
    yield store
    dispose_all()


def test_closed_mab_round_shows_consensus_contest_capture_and_revision(seeded):
    status = reviews.status(seeded, LOCAL_ADMIN, "XD")
    assert (status["kind"], status["state"]) == ("mab", "closed")
    assert status["balance"]["missing_groups"] == ["Media"]  # not on Dunmara's board at all
    verdicts = {f["id"]: f["verdict"] for f in status["findings"]}
    assert verdicts["R.B.1"] == verdicts["R.B.2"] == "contested"
    assert verdicts["M.B.1"] == "needs_revision"
    assert sum(v == "validated" for v in verdicts.values()) > 0.9 * len(verdicts)
    single = next(f for f in status["findings"] if f["id"] == "A.A.2")
    assert single["verdict"] == "contested"
    supporters = [g for g, share in single["by_group"].items() if share and share > 0.5]
    assert supporters == ["Government"]
    assert all(f["open_comments"] == 0 for f in status["findings"])
    assert sum(f["comments"] for f in status["findings"]) > 10
    notes = [t.note for t in seeded.transitions("XD")]
    assert notes[-1].startswith("review round 1 (mab) on version 1 closed: 13 raters")


def test_open_workshop_round_has_walk_ins_and_unanswered_comments(seeded):
    data = reviews.get_round(seeded, LOCAL_ADMIN, "XG")
    assert (data.kind, data.state) == ("workshop", "open")
    walk_ins = [p for p in data.participants if p.origin == "walk-in"]
    assert [p.group for p in walk_ins] == ["Media", "Civil society", "Academia", "Private sector"]
    assert sum(c.open for c in data.comments) > 0
    assert (
        "Technical community"
        in reviews.status(seeded, LOCAL_ADMIN, "XG")["balance"]["missing_groups"]
    )
    assert {a.country: a.status for a in seeded.assessments()}["XA"] == "draft"
