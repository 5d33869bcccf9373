"""Status changes through the service: the reviewed version is pinned, archives stay archived
(issue 11, items 4 and 12)."""

from __future__ import annotations

import dataclasses

import pytest

from roam.access import LOCAL_ADMIN, AccessDenied, User
from roam.questionnaire import read_questionnaire
from roam.service import NotFound, TransitionError, connect
from roam.service import assessments as A
from roam.store import StoreError
from tests.service.conftest import SAMPLES, SEC, TEAM


def test_a_newer_upload_is_never_validated_unseen(store):
    team = connect(TEAM, store)
    with pytest.raises(TransitionError, match="Say which version of XA 2025 was reviewed"):
        A.set_status(team, "XA", 2025, "validated")
    A.ingest(team, [SAMPLES / "XA_Aurelia_full.xlsx"], note="uploaded while the MAB read v1")
    with pytest.raises(
        TransitionError, match="version 1 was reviewed, but the latest version is 2"
    ):
        A.set_status(team, "XA", 2025, "validated", version=1)
    event = A.set_status(team, "XA", 2025, "validated", version=2, note="MAB read v2")
    assert (event.from_status, event.to_status, event.version) == ("draft", "validated", 2)
    assert A.transitions(team, "XA")[-1].version == 2
    # moves that approve nothing need no version
    assert A.set_status(team, "XA", 2025, "draft").to_status == "draft"


def test_a_national_team_cannot_restore_what_the_secretariat_archived(store):
    A.set_status(connect(SEC, store), "XA", 2025, "archived", note="withdrawn by UNESCO")
    with pytest.raises(AccessDenied, match="cannot move an assessment that is archived"):
        A.set_status(connect(TEAM, store), "XA", 2025, "draft")
    assert A.set_status(connect(SEC, store), "XA", 2025, "draft").to_status == "draft"


def test_two_indicator_sets_in_one_year_are_changed_by_name(store):
    core = read_questionnaire(SAMPLES / "XC_Calvaria_core.xlsx")
    core = dataclasses.replace(core, meta=core.meta.model_copy(update={"iso_code": "XA"}))
    store.add_version(core, (SAMPLES / "XC_Calvaria_core.xlsx").read_bytes(), user="t")
    admin = connect(LOCAL_ADMIN, store)
    with pytest.raises(StoreError, match=r"XA 2025 has 2 assessments .* say which"):
        A.set_status(admin, "XA", 2025, "validated", version=1)
    for indicator_set in ("full", "core"):
        event = A.set_status(admin, "XA", 2025, "validated", version=1, indicator_set=indicator_set)
        assert (event.indicator_set, event.to_status) == (indicator_set, "validated")
    public = connect(User("p@x.example", "public"), store)
    A.set_status(admin, "XA", 2025, "submitted", version=1, indicator_set="full")
    A.set_status(admin, "XA", 2025, "published", version=1, indicator_set="full")
    # the public is handed the published full set, never the validated core set
    assert A.load(public, "XA").meta.indicator_set == "full"
    with pytest.raises(AccessDenied, match="this one is validated"):
        A.load(public, "XA", indicator_set="core")


def test_every_version_archived_is_not_found_until_asked_by_number(store):
    admin = connect(LOCAL_ADMIN, store)
    A.archive_version(admin, "XA", 1, year=2025)
    with pytest.raises(NotFound, match="every version of XA 2025 full is archived"):
        A.load(admin, "XA", 2025)
    assert A.load(admin, "XA", 2025, 1).meta.iso_code == "XA"
    only = "can move assessments to draft / validated / submitted only"
    with pytest.raises(AccessDenied, match=only):
        A.archive_version(connect(TEAM, store), "XA", 1, year=2025)
