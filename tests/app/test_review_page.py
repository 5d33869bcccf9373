"""The Review page: a MAB member signs in, rates draft findings of its country's open round;
the national team then sees balance, the agreement heatmap and distributions, and answers the
comment; a MAB member of another country sees no round at all."""

from __future__ import annotations

import json

import pytest
import streamlit as st

from roam.access import LOCAL_ADMIN, SecureStore, audit_events
from roam.service import reviews
from roam.store import Store
from roam.store.engine import dispose_all
from roam.ui.text import plain
from tests.app.test_access_app import REPO, signed_in
from tests.app.test_pages import chart_data

TEAM = "team@xa.example"
MEMBER = "ana@xa.example"


@pytest.fixture
def deployment(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ROAM_DATABASE_URL", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    store = Store()
    store.ingest(
        [
            REPO / "sample_data" / "XA_Aurelia_full.xlsx",
            REPO / "sample_data" / "XB_Borealis_full.xlsx",
        ],
        user="t",
        status="validated",
    )
    admin = SecureStore(store, LOCAL_ADMIN)
    admin.add_user(TEAM, "national_team", ["XA"])
    admin.add_user(MEMBER, "mab_member", ["XA"], "Ana Board")
    admin.add_user("bo@xb.example", "mab_member", ["XB"], "Bo Board")
    reviews.open_round(store, LOCAL_ADMIN, "XA", kind="mab")
    yield store
    st.cache_resource.clear()
    dispose_all()


def comment_log(at):
    return next(d.value for d in at.dataframe if "Response" in d.value.columns)


def test_mab_member_rates_and_team_sees_the_heatmap(deployment):
    at = signed_in(MEMBER)
    shown = at.sidebar.caption[0].value  # user text is escaped for Markdown
    assert shown == "Signed in as " + plain("Ana Board (mab member for XA)")
    assert {m.label: m.value for m in at.metric}["Assessments stored"] == "0"
    at.switch_page("roam/ui/pages/review.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="review_round").options == ["Aurelia 2025 round 1 (MAB review) - open"]
    assert not at.get("vega_lite_chart"), "a MAB member sees no results"
    at.button(key="save_ratings").click().run()
    assert any("Choose your stakeholder group first" in e.value for e in at.error)
    at.selectbox(key="rater_group").set_value("Academia")
    at.selectbox(key="rater_gender").set_value("Woman")
    at.checkbox(key="rater_share").check()
    at.selectbox(key="rate_theme").set_value("R.A").run()
    at.selectbox(key="rate_R.A.1").set_value("Agree")
    at.selectbox(key="rate_R.A.2").set_value("Disagree")
    at.text_input(key="comment_R.A.2").input("The 2024 rulings are missing.")
    at.selectbox(key="rate_R.A").set_value("Unsure")
    at.button(key="save_ratings").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(
        "Saved: 3 finding(s) rated as participant A01 (submission 1)" in s.value for s in at.success
    )

    team = signed_in(TEAM)
    team.switch_page("roam/ui/pages/review.py").run()
    assert not team.exception, [e.value for e in team.exception]
    headers = [h.value for h in team.header]
    assert headers[:3] == ["Rating workbooks", "Participation balance", "Verdicts"]
    assert "1 raters from 1 stakeholder groups" in team.markdown[1].value
    assert any("Did not take part: Government, Private sector" in w.value for w in team.warning)
    charts = team.get("vega_lite_chart")
    assert len(charts) == 2
    heat = chart_data(charts[0])
    # "Unsure" takes no position, so R.A has no agreement cell (it shows in the distribution).
    assert heat.column("finding").to_pylist() == ["R.A.1", "R.A.2"]
    assert heat.column("group").to_pylist() == ["Academia"] * 2
    assert heat.column("agree").to_pylist() == [100.0, 0.0]
    spec = json.dumps(json.loads(charts[0].proto.spec))
    assert "#542788" in spec and "#b35806" in spec  # the colour-blind-safe PuOr scale
    dist = chart_data(charts[1])
    assert sorted(
        zip(dist.column("finding").to_pylist(), dist.column("rating").to_pylist(), strict=True)
    ) == [("R.A", "Unsure"), ("R.A.1", "Agree"), ("R.A.2", "Disagree")]
    metrics = {m.label: m.value for m in team.metric}
    assert metrics["Not enough raters"] == "149"
    comments = comment_log(team)
    assert list(comments["Comment"]) == ["A01:R.A.2"]
    assert team.button(key="close_round").disabled
    team.selectbox(key="answer_outcome").set_value("changed")
    team.text_input(key="answer_reason").input("Added the 2024 rulings.")
    next(b for b in team.button if b.label == "Record the response").click().run()
    assert not team.exception, [e.value for e in team.exception]
    comments = comment_log(team)
    assert list(comments["Response"]) == ["changed"]
    team.button(key="close_round").click().run()
    assert not team.exception
    assert "closed" in team.selectbox(key="review_round").options[0]

    # The round is closed: the member no longer sees it at all.
    at = signed_in(MEMBER)
    at.switch_page("roam/ui/pages/review.py").run()
    assert any("No review round is open to you" in i.value for i in at.info)


def test_member_of_another_country_sees_no_round(deployment):
    at = signed_in("bo@xb.example")
    at.switch_page("roam/ui/pages/review.py").run()
    assert not at.exception
    assert any("No review round is open to you" in i.value for i in at.info)
    assert not [e for e in audit_events(deployment) if e["actor"] == "bo@xb.example"]


def test_local_team_switches_rounds_and_answers_a_chosen_comment(app):
    """Local mode (full rights), first start: the sample rounds are there."""
    at = app
    at.switch_page("roam/ui/pages/review.py").run()
    assert not at.exception, [e.value for e in at.exception]
    box = at.selectbox(key="review_round")
    assert box.options == [
        "Dunmara 2025 round 1 (MAB review) - closed",
        "Galderon 2025 round 1 (validation workshop) - open",
    ]
    # The closed round: results, no rating form, no answer form.
    assert at.header[0].value == "Participation balance"  # before any verdict
    assert any("Did not take part: Media" in w.value for w in at.warning)
    assert not [s for s in at.selectbox if s.key == "answer_comment"]
    findings = reviews.status(Store(), LOCAL_ADMIN, "XD")["findings"]
    contested = sum(f["verdict"] == "contested" for f in findings)
    assert contested >= 3  # the sample's contested and single-group findings at least
    assert {m.label: m.value for m in at.metric}["Contested"] == str(contested)
    box.set_value(1).run()
    assert not at.exception
    headers = [h.value for h in at.header]
    assert headers[:3] == ["Rating workbooks", "Your ratings", "Participation balance"]
    open_ids = at.selectbox(key="answer_comment").options
    chosen = open_ids[-1]
    at.selectbox(key="answer_comment").set_value(chosen)
    at.selectbox(key="answer_outcome").set_value("noted")
    at.text_input(key="answer_reason").input("Kept as written; the survey is the agreed source.")
    next(b for b in at.button if b.label == "Record the response").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert chosen not in at.selectbox(key="answer_comment").options
    log = comment_log(at)
    row = log[log["Comment"] == chosen].iloc[0]
    assert (row["Response"], row["Reasons"]) == (
        "noted",
        "Kept as written; the survey is the agreed source.",
    )


def test_team_opens_a_round_sends_and_collects_sheets_in_the_app(app):
    from roam.review.rules import review_rules
    from roam.review.workbook import write_rating_sheet
    from tests.review.test_workbook import fill

    at = app
    store = Store()
    SecureStore(store, LOCAL_ADMIN).set_status("XA", 2025, "validated", version=1)
    at.switch_page("roam/ui/pages/review.py").run()
    at.selectbox(key="open_assessment").set_value(("XA", 2025))
    at.radio(key="open_kind").set_value("workshop")
    at.button(key="open_round").click().run()
    assert any(
        "Opened XA 2025 round 1 (validation workshop) with 149 findings" in s.value
        for s in at.success
    )
    at.run()
    at.selectbox(key="review_round").set_value(0).run()
    assert at.selectbox(key="review_round").value == 0
    at.toggle(key="prepare_sheets").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Rating workbooks (.zip)" in [b.label for b in at.get("download_button")]
    data = reviews.get_round(store, LOCAL_ADMIN, "XA")
    rules = review_rules("2018")
    good = fill(write_rating_sheet(data, data.participants[0], rules), {"R.A.1": ("Agree", None)})
    bad = fill(write_rating_sheet(data, data.participants[1], rules), {"R.A.1": ("Yes!", None)})
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader(key="collect_files").set_value([("p2.xlsx", bad, xlsx)]).run()
    at.button(key="collect_button").click().run()
    assert any(
        "nothing was stored: 1 rating sheet(s) are not usable (p2.xlsx)" in e.value
        for e in at.error
    )
    problems = next(d.value for d in at.dataframe if "How to fix it" in d.value.columns)
    assert list(problems["Where"]) == ["Ratings!F2"]
    assert reviews.get_round(store, LOCAL_ADMIN, "XA").submissions == 0
    at.file_uploader(key="collect_files").set_value([("p1.xlsx", good, xlsx)]).run()
    at.button(key="collect_button").click().run()
    assert any("Collected p1.xlsx (P01)." in s.value for s in at.success)
    assert reviews.get_round(store, LOCAL_ADMIN, "XA").ratings["P01"] == {"R.A.1": ("Agree", None)}
