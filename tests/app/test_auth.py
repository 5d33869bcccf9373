"""Who the app thinks you are (roam/ui/auth.py), and what a signed-out visitor may not write
(issue 11, items 9 and 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from roam.access import LOCAL_ADMIN
from roam.seed import seed_if_empty
from roam.service import connect, open_store
from roam.service import weights as W
from roam.store.engine import dispose_all
from roam.ui.text import plain
from tests.app.conftest import APP
from tests.app.test_access_app import AUTH

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def deployment(tmp_path, monkeypatch):
    """Sign-in configured, samples stored, XC published, one national team account."""
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ROAM_DATABASE_URL", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    store = open_store()
    seed_if_empty(store)
    admin = connect(LOCAL_ADMIN, store)
    admin.add_user("team@xa.example", "national_team", ["XA"])
    for target in ("validated", "submitted", "published"):
        admin.set_status("XC", 2025, target, version=1)
    yield store
    st.cache_resource.clear()
    dispose_all()


def visit(user: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.secrets["auth"] = AUTH
    at.user = user
    return at.run()


def shown(at: AppTest) -> list[str]:
    at.switch_page("roam/ui/pages/scorecard.py").run()
    assert not at.exception
    return list(at.selectbox(key="country_box").options)


def test_an_unverified_email_gets_public_access_only(deployment):
    at = visit({"is_logged_in": True, "email": "team@xa.example", "email_verified": False})
    assert not at.exception
    assert "has not verified your e-mail" in at.sidebar.caption[0].value
    assert shown(at) == ["Calvaria (XC) 2025 - published"]
    at = visit({"is_logged_in": True, "email": "team@xa.example"})  # no claim at all
    assert shown(at) == ["Calvaria (XC) 2025 - published"]
    at = visit({"is_logged_in": True, "email": "team@xa.example", "email_verified": True})
    assert at.sidebar.caption[0].value == "Signed in as " + plain(
        "team@xa.example (national team for XA)"
    )
    assert shown(at) == ["Aurelia (XA) 2025 - draft"]


def test_a_signed_out_visitor_cannot_save_a_weight_set(deployment):
    at = visit({"is_logged_in": False})
    at.switch_page("roam/ui/pages/weights.py").run()
    assert not at.exception
    assert any("cannot save weight sets" in c.value for c in at.caption)
    at.slider(key="w_R").set_value(3.0).run()
    at.text_input(key="weights_name").set_value("rights first").run()
    at.button(key="weights_save").click().run()
    assert any("cannot save weight sets" in e.value for e in at.error)
    assert W.weight_sets() == {}
    refused = [e for e in connect(LOCAL_ADMIN, deployment).audit() if not e["allowed"]]
    assert [(e["actor"], e["action"]) for e in refused] == [("anonymous", "save_weights")]
