"""Issue 11's "done when" for access: every role walked over every version and status of a
country holding two indicator sets, several versions and two years, through every reading use
case. What each role may see and export is a table written out by hand from the issue and the
policy's prose, not computed by the code under test.

XA holds (version -> its own status):
    2025 full:  v1 submitted (then replaced),  v2 published
    2025 core:  v1 validated (then replaced),  v2 archived on its own,  v3 draft
    2024 full:  v1 archived (the whole assessment, after it was published)
XB 2025 full v1 is published (a country outside the scoped accounts).
"""

from __future__ import annotations

import dataclasses
from functools import partial
from pathlib import Path

import pytest

from roam.access import LOCAL_ADMIN, PUBLIC, AccessDenied, User, audit_events
from roam.questionnaire import read_questionnaire
from roam.service import assessments as A
from roam.service import connect
from roam.service import exports as E
from roam.store import NotFound, Store

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"

ROLES = {
    "admin": LOCAL_ADMIN,
    "sec": User("sec@unesco.example", "secretariat"),
    "team_xa": User("team@xa.example", "national_team", frozenset({"XA"})),
    "team_xb": User("team@xb.example", "national_team", frozenset({"XB"})),
    "gov_xa": User("gov@xa.example", "government", frozenset({"XA"})),
    "gov_xb": User("gov@xb.example", "government", frozenset({"XB"})),
    "eval": User("eval@unesco.example", "evaluator"),
    "public": PUBLIC,
}

# (year, set, version) -> its own status
VERSIONS = {
    (2025, "full", 1): "submitted",
    (2025, "full", 2): "published",
    (2025, "core", 1): "validated",
    (2025, "core", 2): "archived",
    (2025, "core", 3): "draft",
    (2024, "full", 1): "archived",
}
STAFF = {"admin", "sec", "team_xa"}
SEES = {
    (2025, "full", 1): STAFF | {"gov_xa", "eval"},
    (2025, "full", 2): STAFF | {"gov_xa", "eval", "public"},
    (2025, "core", 1): STAFF | {"gov_xa"},
    (2025, "core", 2): STAFF,
    (2025, "core", 3): STAFF,
    (2024, "full", 1): STAFF,
}
EXPORTS = {
    (2025, "full", 1): STAFF | {"eval"},
    (2025, "full", 2): STAFF | {"eval"},
    (2025, "core", 1): STAFF,
    (2025, "core", 2): STAFF,
    (2025, "core", 3): STAFF,
    (2024, "full", 1): STAFF,
}
# The assessment list each role gets: (year, set) -> the status it is shown (that of the latest
# version the role may see; a government viewer is not told that core has a newer draft)
ALL_THREE = {(2025, "full"): "published", (2025, "core"): "draft", (2024, "full"): "archived"}
LISTED = {
    "admin": ALL_THREE,
    "sec": ALL_THREE,
    "team_xa": ALL_THREE,
    "team_xb": {},
    "gov_xa": {(2025, "full"): "published", (2025, "core"): "validated"},
    "gov_xb": {},
    "eval": {(2025, "full"): "published"},
    "public": {(2025, "full"): "published"},
}
# What "XA" (and "XA 2025 core") means by default for each role: (year, set, version) or None
DEFAULT = {
    "admin": (2025, "full", 2),
    "sec": (2025, "full", 2),
    "team_xa": (2025, "full", 2),
    "team_xb": None,
    "gov_xa": (2025, "full", 2),
    "gov_xb": None,
    "eval": (2025, "full", 2),
    "public": (2025, "full", 2),
}
DEFAULT_CORE = {
    "admin": 3,
    "sec": 3,
    "team_xa": 3,
    "team_xb": None,
    "gov_xa": 1,  # v3 is a draft: the validated v1 is the latest it may see
    "gov_xb": None,
    "eval": None,
    "public": None,
}


def relabel(sample: str, year: int) -> tuple:
    """A sample questionnaire as XA's, for ``year`` (bytes kept, so every upload is real)."""
    data = (SAMPLES / sample).read_bytes()
    a = read_questionnaire(data, filename=sample)
    meta = a.meta.model_copy(update={"iso_code": "XA", "country": "Aurelia", "year": year})
    return dataclasses.replace(a, meta=meta), data


@pytest.fixture(scope="module")
def store(backend_url: str) -> Store:
    s = Store(backend_url)
    full, full_bytes = relabel("XA_Aurelia_full.xlsx", 2025)
    core, core_bytes = relabel("XC_Calvaria_core.xlsx", 2025)
    old, old_bytes = relabel("XA_Aurelia_full.xlsx", 2024)
    up = "team@xa.example"

    def move(year, target, version, indicator_set="full"):
        s.set_status("XA", year, target, user="sec", version=version, indicator_set=indicator_set)

    s.add_version(full, full_bytes, user=up, note="first full")
    move(2025, "validated", 1)
    move(2025, "submitted", 1)
    s.add_version(full, full_bytes, user=up, note="second full")  # back to draft at v2
    for target in ("validated", "submitted", "published"):
        move(2025, target, 2)
    s.add_version(core, core_bytes, user=up, note="first core")
    move(2025, "validated", 1, "core")
    s.add_version(core, core_bytes, user=up, note="wrong file")
    s.add_version(core, core_bytes, user=up, note="third core")
    s.archive_version("XA", 2, user="sec", year=2025, indicator_set="core")
    s.add_version(old, old_bytes, user=up, note="last year")
    for target in ("validated", "submitted", "published", "archived"):
        move(2024, target, 1)
    s.ingest([SAMPLES / "XB_Borealis_full.xlsx"], user="team@xb.example", status="published")
    return s


def test_the_store_holds_what_the_table_describes(store):
    got = {(v.year, v.indicator_set, v.version): v.status for v in store.history("XA")}
    assert got == VERSIONS


@pytest.mark.parametrize("role", ROLES)
def test_every_version_through_every_reading_use_case(store, role):
    guard = connect(ROLES[role], store)
    for (year, iset, number), _status in VERSIONS.items():
        sees, exports = role in SEES[(year, iset, number)], role in EXPORTS[(year, iset, number)]
        where = f"{role} on XA {year} {iset} v{number}"
        for use_case, allowed in (
            (partial(A.load, guard, "XA", year, number, indicator_set=iset), sees),
            (partial(A.compare, guard, "XA", number, number, year=year, indicator_set=iset), sees),
            (partial(A.original, guard, "XA", year, number, indicator_set=iset), exports),
            (partial(E.check_export, guard, "XA", year, number, indicator_set=iset), exports),
        ):
            if allowed:
                assert use_case() is not None, where
            else:
                with pytest.raises(AccessDenied):
                    use_case()
    # history (uploader e-mails and notes), the scorecard's version list, status changes
    try:
        shown = A.history(guard, "XA")
    except AccessDenied:
        shown = []
    assert {(v.year, v.indicator_set, v.version) for v in shown} == {
        k for k, who in SEES.items() if role in who
    }
    try:
        events = A.transitions(guard, "XA")
    except AccessDenied:
        events = []
    assert {(t.year, t.indicator_set, t.version) for t in events} <= {
        k for k, who in SEES.items() if role in who
    }
    listed = {(a.year, a.indicator_set): a.status for a in A.assessments(guard, "XA")}
    assert listed == LISTED[role]
    assert set(listed) == {(y, s) for (y, s, _), who in SEES.items() if role in who}


@pytest.mark.parametrize("role", ROLES)
def test_which_version_a_request_means(store, role):
    guard = connect(ROLES[role], store)
    if DEFAULT[role] is None:
        with pytest.raises(AccessDenied):
            guard.pick("view", "XA")
    else:
        v = guard.pick("view", "XA")
        assert (v.year, v.indicator_set, v.version) == DEFAULT[role]
        loaded = A.load(guard, "XA")
        assert (loaded.meta.year, loaded.meta.indicator_set) == DEFAULT[role][:2]
    if DEFAULT_CORE[role] is None:
        with pytest.raises(AccessDenied):
            guard.pick("view", "XA", 2025, indicator_set="core")
    else:
        assert guard.pick("view", "XA", 2025, indicator_set="core").version == DEFAULT_CORE[role]


def test_exports_follow_the_version_exported(store):
    evaluator = connect(ROLES["eval"], store)
    assert E.results_workbook(evaluator, "XA", 2025, 1, draws=0, indicator_set="full")[:2] == b"PK"
    with pytest.raises(AccessDenied, match="this one is validated"):
        E.results_workbook(evaluator, "XA", 2025, 1, draws=0, indicator_set="core")
    with pytest.raises(AccessDenied, match="this one is archived"):
        E.comparison_workbook(evaluator, [("XB", 2025), ("XA", 2024)], draws=0)


def test_unknown_versions_are_not_found_not_guessed(store):
    admin = connect(LOCAL_ADMIN, store)
    with pytest.raises(NotFound, match="has no version 9"):
        A.load(admin, "XA", 2025, 9, indicator_set="full")


def test_refused_page_views_are_audited_once_per_window(store):
    public = connect(User("visitor@x.example", "public"), store)
    before = len(audit_events(store, 10_000))
    for _ in range(25):  # a visitor reloading a page asking for the draft core set
        with pytest.raises(AccessDenied):
            A.load(public, "XA", 2025, 3, indicator_set="core")
    rows = audit_events(store, 10_000)
    assert len(rows) == before + 1
    assert rows[0]["actor"] == "visitor@x.example" and rows[0]["action"] == "view"
    assert rows[0]["target"] == "XA 2025 core version 3" and not rows[0]["allowed"]
    with pytest.raises(AccessDenied):  # a different refusal is a new row
        A.load(public, "XA", 2025, 1, indicator_set="core")
    assert len(audit_events(store, 10_000)) == before + 2
