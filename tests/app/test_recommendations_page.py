"""The Recommendations page through AppTest: add, record progress, history, refusals shown."""

from __future__ import annotations

import datetime as dt

from roam.access import LOCAL_ADMIN, SecureStore
from roam.store import Store
from roam.store import recommendations as register
from tests.app.conftest import go, static_tables
from tests.app.test_access_app import deployment, signed_in  # noqa: F401  (fixture)


def test_add_update_and_history(app) -> None:  # type: ignore[no-untyped-def]
    go(app, "recommendations")
    assert app.title[0].value == "Recommendations"
    assert "No recommendations are recorded for XA yet." in app.info[0].value
    app.text_input(key="rec_add_id").input("R1")
    app.text_area(key="rec_add_text").input("Adopt a data protection law")
    app.multiselect(key="rec_add_themes").select("R.C")
    app.multiselect(key="rec_add_ind").select("R.C.1.1")
    app.multiselect(key="rec_add_groups").select("Government").select("Media")
    app.selectbox(key="rec_add_priority").select("high")
    app.date_input(key="rec_add_target").set_value(dt.date(2027, 6, 30))
    app.button(key="rec_add_button").click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert app.success[0].value == "Added R1 to XA 2025."
    table = static_tables(app)[0]
    assert table.loc[0, ["ID", "Status", "Priority", "Target", "Addressed to"]].tolist() == [
        "R1", "Not started", "High", "2027-06-30", "Government, Media"
    ]  # fmt: skip
    assert table.loc[0, "Change in linked scores"] == "no later assessment yet"

    app.selectbox(key="rec_upd_status").select("implemented")
    app.text_area(key="rec_upd_evidence").input("Law No. 12 in force")
    app.date_input(key="rec_upd_date").set_value(dt.date(2026, 9, 1))
    app.button(key="rec_upd_button").click().run()
    assert app.success[0].value == "Recorded Implemented for R1."
    assert static_tables(app)[0].loc[0, "Status"] == "Implemented"
    app.selectbox(key="rec_history_id").select("R1").run()
    history = static_tables(app)[1]
    assert history[["Date", "What", "Status", "Evidence", "By"]].values.tolist() == [
        ["2026-09-01", "status", "Implemented", "Law No. 12 in force", "local"]
    ]
    stored = register.listing(Store(), "XA", 2025)
    assert [(r.code, r.status) for r in stored] == [("R1", "implemented")]


def test_mistakes_are_shown_and_nothing_is_stored(app) -> None:  # type: ignore[no-untyped-def]
    go(app, "recommendations")
    before = register.counts(Store())  # the samples' own recommendations (Galderon's three)
    app.text_input(key="rec_add_id").input("R 1")
    app.button(key="rec_add_button").click().run()
    assert not app.exception
    message = app.error[0].value
    assert "'R 1' is not a usable recommendation ID" in message
    assert "'Recommendation' is empty" in message and "'Addressed to' is empty" in message
    assert register.counts(Store()) == before == {"recommendation": 3, "recommendation_update": 3}


def test_government_reads_but_cannot_edit(deployment) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    admin = SecureStore(deployment, LOCAL_ADMIN)
    from roam.service import recommendations as service

    service.add(
        admin, "XB", 2025,
        {"code": "R1", "text": "Open data portal", "themes": "O.A", "stakeholders": "Government",
         "priority": "low"},
    )  # fmt: skip
    admin.set_status("XB", 2025, "validated", version=1)
    at = signed_in("gov@xb.example")
    at.switch_page("roam/ui/pages/recommendations.py").run()
    assert not at.exception
    assert static_tables(at)[0].loc[0, "Recommendation"] == "Open data portal"
    assert not [b for b in at.button if b.key in ("rec_add_button", "rec_upd_button")]
    assert any("can read these recommendations but not change them" in c.value for c in at.caption)
