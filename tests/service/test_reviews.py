"""Review use cases through the access policy: a MAB member rates its own country's open round
as itself and nothing more; every refusal is in the audit trail."""

from __future__ import annotations

import pytest

from roam.access import LOCAL_ADMIN, AccessDenied, SecureStore, User, audit_events
from roam.service import reviews
from roam.store import Store
from roam.store.engine import dispose_all
from tests.store.conftest import SAMPLES

MEMBER = User("ana@xa.example", "mab_member", frozenset({"XA"}), "Ana Board")
TEAM = User("team@xa.example", "national_team", frozenset({"XA"}), "XA team")


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'roam.sqlite'}")
    store.ingest(
        [SAMPLES / "XA_Aurelia_full.xlsx", SAMPLES / "XB_Borealis_full.xlsx"],
        user="team",
        status="validated",
    )
    admin = SecureStore(store, LOCAL_ADMIN)
    admin.add_user(MEMBER.email, "mab_member", ["XA"], MEMBER.name)
    yield store
    dispose_all()


def refusals(store: Store) -> list[tuple[str, str, str]]:
    return [(e["actor"], e["action"], e["detail"]) for e in audit_events(store) if not e["allowed"]]


def test_mab_member_rates_own_open_round_as_itself(store):
    reviews.open_round(store, TEAM, "XA", kind="mab")
    data = reviews.get_round(store, MEMBER, "XA", purpose="rate")
    assert data.is_open and len(data.findings) == 149
    key, n = reviews.rate(
        store,
        MEMBER,
        "XA",
        {"R.A.1": ("Agree", "Good"), "R.A.2": ("Unsure", None)},
        person={"group": "Academia", "gender": "Woman", "share_name": True},
    )
    assert (key, n) == ("A01", 1)
    key, n = reviews.rate(store, MEMBER, "XA", {"R.A.1": ("Disagree", None)})
    assert (key, n) == ("A01", 2)  # the second submission replaces the first
    data = reviews.get_round(store, TEAM, "XA")
    assert data.ratings["A01"] == {"R.A.1": ("Disagree", None)}
    assert data.participant("A01").group == "Academia"
    assert reviews.my_ratings(data, MEMBER) == ("A01", {"R.A.1": ("Disagree", None)})
    allowed = [e for e in audit_events(store) if e["allowed"] and e["actor"] == MEMBER.email]
    assert [e["action"] for e in allowed] == ["review_rate", "review_rate"]


def test_mab_member_matched_to_the_board_list_by_name(store):
    data = reviews.open_round(store, TEAM, "XA", kind="mab")
    listed = data.participants[3]
    member = User("m@xa.example", "mab_member", frozenset({"XA"}), listed.name)
    key, _ = reviews.rate(store, member, "XA", {"R.A.1": ("Agree", None)})
    assert key == listed.key


def test_mab_member_refusals_are_audited(store):
    reviews.open_round(store, TEAM, "XA", kind="mab")
    reviews.open_round(store, LOCAL_ADMIN, "XB", kind="mab")
    with pytest.raises(AccessDenied, match="the account covers XA, not XB"):
        reviews.get_round(store, MEMBER, "XB", purpose="rate")
    with pytest.raises(AccessDenied, match="the account covers XA, not XB"):
        reviews.rate(store, MEMBER, "XB", {"R.A.1": ("Agree", None)})
    with pytest.raises(AccessDenied, match="cannot see the results of review rounds"):
        reviews.status(store, MEMBER, "XA")
    with pytest.raises(AccessDenied, match="cannot run review rounds"):
        reviews.rating_sheets(store, MEMBER, "XA")
    with pytest.raises(AccessDenied, match="cannot run review rounds"):
        reviews.rate(store, MEMBER, "XA", {"R.A.1": ("Disagree", None)}, participant="P01")
    reviews.close(store, TEAM, "XA")
    with pytest.raises(AccessDenied, match="the review round is closed"):
        reviews.get_round(store, MEMBER, "XA", purpose="rate")
    # Six refusals, five audit events: the repeated identical refusal (XB) is written once.
    assert [r[0] for r in refusals(store)] == [MEMBER.email] * 5
    assert [r[1] for r in refusals(store)][::-1] == [
        "review_rate",
        "review_results",
        "review_manage",
        "review_manage",
        "review_rate",
    ]
    assert [d.label for d in reviews.visible_rounds(store, MEMBER)] == []
    assert [d.label for d in reviews.visible_rounds(store, TEAM)] == [
        "XA 2025 round 1 (MAB review)"
    ]
    # Nothing was stored by any refused call.
    assert reviews.get_round(store, TEAM, "XA").submissions == 0


def test_round_needs_a_validated_assessment_and_a_known_kind(store):
    store.ingest([SAMPLES / "XC_Calvaria_core.xlsx"], user="team")
    with pytest.raises(reviews.ReviewError, match="XC 2025 is draft"):
        reviews.open_round(store, LOCAL_ADMIN, "XC", kind="mab")
    with pytest.raises(reviews.ReviewError, match="--kind must be mab or workshop"):
        reviews.open_round(store, LOCAL_ADMIN, "XA", kind="survey")
    with pytest.raises(ValueError, match=r"'R\.Q' is not a theme"):
        reviews.open_round(store, LOCAL_ADMIN, "XA", kind="mab", recommendations={"R.Q": ["x"]})


def test_names_only_for_participants_who_agreed(store):
    reviews.open_round(store, TEAM, "XA", kind="workshop")
    reviews.rate(
        store,
        MEMBER,
        "XA",
        {"R.A.1": ("Agree", "ok")},
        person={"group": "Academia", "share_name": True},
    )
    quiet = User("q@xa.example", "mab_member", frozenset({"XA"}), "Quiet Person")
    reviews.rate(store, quiet, "XA", {"R.A.1": ("Agree", None)}, person={"group": "Media"})
    records = reviews.records_for_export(store, TEAM, "XA", None)
    people = records[0]["participants"]
    assert [(p["name"], p["group"]) for p in people] == [("Ana Board", "Academia"), (None, "Media")]
    assert records[0]["comments"][0]["participant"] == "Ana Board"
    assert reviews.records_for_export(store, MEMBER, "XA", None) == []
