"""The register through its use cases, on SQLite and PostgreSQL: add, update, history, access."""

from __future__ import annotations

import datetime as dt

import pytest

from roam.access import AccessDenied, SecureStore, User, audit_events
from roam.recommendations.model import RecommendationError
from roam.service import recommendations as service
from roam.store import NotFound
from roam.store import recommendations as register
from roam.store.recommendations import DuplicateRecommendation
from tests.recommendations.conftest import later_workbook

TEAM = User("team@aurelia.example", "national_team", frozenset({"XA"}), "Aurelia team")
OTHER_TEAM = User("team@borealis.example", "national_team", frozenset({"XB"}), "Borealis team")
GOVERNMENT = User("gov@aurelia.example", "government", frozenset({"XA"}), "Aurelia government")
PUBLIC = User("anonymous", "public")
ADMIN = User("admin@unesco.example", "administrator")

R1 = {
    "code": "R1",
    "text": "Adopt a comprehensive data protection law",
    "themes": "R.C",
    "indicators": "R.C.1.1, R.C.1.2",
    "stakeholders": "Government; Civil society",
    "priority": "High",
    "target_date": "2027-06-30",
}


def test_add_update_and_history_kept(aurelia) -> None:  # type: ignore[no-untyped-def]
    team = SecureStore(aurelia, TEAM)
    added = service.add(team, "xa", None, R1)
    assert (added.country, added.year, added.code) == ("XA", 2025, "R1")
    assert added.themes == ["R.C"] and added.indicators == ["R.C.1.1", "R.C.1.2"]
    assert added.stakeholders == ["Government", "Civil society"]
    assert added.priority == "high" and added.target_date == dt.date(2027, 6, 30)
    assert added.status == "not_started"

    service.update(team, "XA", 2025, "R1", "In progress", "Bill tabled", dt.date(2026, 3, 1))
    done = service.update(
        team, "XA", 2025, "R1", "implemented", "Law No. 12 in force", dt.date(2026, 9, 1)
    )
    assert done.status == "implemented"
    history = [(u.kind, u.status, u.evidence, u.recorded_by) for u in done.history]
    assert history == [
        ("status", "in_progress", "Bill tabled", TEAM.email),
        ("status", "implemented", "Law No. 12 in force", TEAM.email),
    ]
    # a back-dated update is kept but does not override the later one
    late = service.update(
        team, "XA", 2025, "R1", "in progress", "earlier note", dt.date(2026, 4, 1)
    )
    assert len(late.history) == 3 and late.status == "implemented"
    assert register.counts(aurelia) == {"recommendation": 1, "recommendation_update": 3}


def test_bad_input_is_refused_with_every_problem_and_nothing_stored(aurelia) -> None:  # type: ignore[no-untyped-def]
    team = SecureStore(aurelia, TEAM)
    bad = {
        **R1,
        "code": "R 1",
        "themes": "Z.Q",
        "indicators": "R.C.9.9",
        "stakeholders": "Goverment",
        "priority": "urgent",
        "target_date": "30/06/2027",
    }
    with pytest.raises(RecommendationError) as caught:
        service.add(team, "XA", 2025, bad)
    codes = [i.code for i in caught.value.issues]
    assert codes == [
        "rec_bad_id",
        "rec_unknown_theme",
        "rec_unknown_indicator",
        "rec_unknown_group",
        "rec_bad_priority",
        "rec_bad_date",
    ]
    message = str(caught.value)
    assert "'Z.Q' is not a theme of framework 2018" in message
    assert "'Goverment' is not a stakeholder group" in message
    assert "'30/06/2027' is not a date; write it as YYYY-MM-DD" in message
    service.add(team, "XA", 2025, R1)
    with pytest.raises(DuplicateRecommendation, match="already has a recommendation R1"):
        service.add(team, "XA", 2025, {**R1, "text": "another"})
    with pytest.raises(RecommendationError, match="'finished' is not a status"):
        service.update(team, "XA", 2025, "R1", "finished")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(RecommendationError, match=r"cannot be dated .* after today"):
        service.update(team, "XA", 2025, "R1", "implemented", "", tomorrow)
    with pytest.raises(NotFound, match="has no recommendation 'R9' \\(it has: R1\\)"):
        service.update(team, "XA", 2025, "R9", "implemented")
    assert register.counts(aurelia) == {"recommendation": 1, "recommendation_update": 0}


def test_access_follows_the_policy_and_refusals_are_audited(aurelia) -> None:  # type: ignore[no-untyped-def]
    service.add(SecureStore(aurelia, TEAM), "XA", 2025, R1)
    # another country's team, the government and the public cannot edit
    for user in (OTHER_TEAM, GOVERNMENT, PUBLIC):
        with pytest.raises(AccessDenied):
            service.update(SecureStore(aurelia, user), "XA", 2025, "R1", "dropped", "no")
    # a draft: the government and the public do not see it
    for user in (GOVERNMENT, PUBLIC):
        with pytest.raises(AccessDenied, match="this one is draft"):
            service.listing(SecureStore(aurelia, user), "XA", 2025)
    aurelia.set_status("XA", 2025, "validated", user="mab")
    assert [r.code for r in service.listing(SecureStore(aurelia, GOVERNMENT), "XA")] == ["R1"]
    with pytest.raises(AccessDenied):
        service.listing(SecureStore(aurelia, PUBLIC), "XA", 2025)
    for target in ("submitted", "published"):
        aurelia.set_status("XA", 2025, target, user="unesco")
    assert [r.code for r in service.listing(SecureStore(aurelia, PUBLIC), "XA")] == ["R1"]
    # the team still follows up after publication
    service.update(SecureStore(aurelia, TEAM), "XA", 2025, "R1", "in progress", "Draft bill")
    refused = [e for e in audit_events(aurelia) if not e["allowed"]]
    assert len(refused) == 6
    assert {e["target"] for e in refused} == {"recommendations of XA 2025"}
    assert {e["actor"] for e in refused} == {OTHER_TEAM.email, GOVERNMENT.email, PUBLIC.email}
    assert register.counts(aurelia)["recommendation_update"] == 1


def test_follow_up_shows_the_change_in_linked_scores_in_a_later_assessment(aurelia) -> None:  # type: ignore[no-untyped-def]
    admin = SecureStore(aurelia, ADMIN)
    service.add(admin, "XA", 2025, R1)
    service.add(admin, "XA", 2025, {**R1, "code": "R2", "themes": "", "indicators": "R.A.1.1"})
    rows = service.follow_up(admin, "XA")
    assert [r["change"] for r in rows] == ["no later assessment yet"] * 2
    # Aurelia 2025 answered R.C.1.1 Partly (50) and R.A.1.1 Yes (100); 2027 says No to both
    sample = aurelia.load("XA", 2025).responses.set_index("indicator_id")["answer"]
    assert (sample["R.C.1.1"], sample["R.A.1.1"]) == ("Partly", "Yes")
    aurelia.ingest(
        [("aurelia_2027.xlsx", later_workbook(2027, {"R.C.1.1": "No", "R.A.1.1": "No"}))],
        user="team",
    )
    rows = {r["id"]: r for r in service.follow_up(admin, "XA")}
    linked = {(x["kind"], x["id"]): x for x in rows["R1"]["linked"]}
    assert rows["R1"]["compared_with"] == 2027
    assert linked[("indicator", "R.C.1.1")]["before"] == 50.0
    assert linked[("indicator", "R.C.1.1")]["after"] == 0.0
    assert linked[("indicator", "R.C.1.1")]["change"] == -50.0
    assert linked[("indicator", "R.C.1.2")]["change"] == 0.0
    theme = linked[("theme", "R.C")]
    assert theme["change"] == pytest.approx(theme["after"] - theme["before"])
    assert theme["change"] < 0
    assert rows["R2"]["change"] == "R.A.1.1 -100 (to 2027)"
    # the government sees only what the policy lets it see: the 2027 draft is not compared
    aurelia.set_status("XA", 2025, "validated", user="mab")
    gov_rows = service.follow_up(SecureStore(aurelia, GOVERNMENT), "XA")
    assert {r["compared_with"] for r in gov_rows} == {None}
