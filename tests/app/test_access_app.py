"""Signed-in users in the app (AppTest fakes st.user): each sees and may do only their part."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from roam.access import LOCAL_ADMIN, SecureStore
from roam.seed import seed_if_empty
from roam.store import Store
from roam.store.engine import dispose_all
from roam.ui.text import plain
from tests.app.conftest import APP

REPO = Path(__file__).resolve().parents[2]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test",
    "client_id": "roam",
    "client_secret": "x",
    "server_metadata_url": "http://127.0.0.1:1/.well-known/openid-configuration",
}


@pytest.fixture
def deployment(tmp_path, monkeypatch):
    """A shared deployment: sign-in configured, samples stored, four accounts."""
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ROAM_DATABASE_URL", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    store = Store()
    seed_if_empty(store)
    admin = SecureStore(store, LOCAL_ADMIN)
    admin.add_user("team@xa.example", "national_team", ["XA"])
    admin.add_user("gov@xb.example", "government", ["XB"])
    admin.add_user("sec@unesco.example", "secretariat")
    yield store
    st.cache_resource.clear()
    dispose_all()


def signed_in(email: str | None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.secrets["auth"] = AUTH
    at.user = {
        "is_logged_in": email is not None,
        **({"email": email, "email_verified": True} if email else {}),
    }
    return at.run()


def test_public_visitor_sees_published_only(deployment):
    at = signed_in(None)
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Assessments stored"] == "0"
    assert any("Not signed in" in c.value for c in at.sidebar.caption)
    assert [b.label for b in at.sidebar.button] == ["Sign in"]
    SecureStore(deployment, LOCAL_ADMIN).set_status("XC", 2025, "validated", version=1)
    for target in ("submitted", "published"):
        SecureStore(deployment, LOCAL_ADMIN).set_status("XC", 2025, target, version=1)
    at = signed_in(None)
    assert {m.label: m.value for m in at.metric}["Assessments stored"] == "1"


def test_national_team_sees_and_uploads_only_its_country(deployment):
    at = signed_in("team@xa.example")
    shown = at.sidebar.caption[0].value
    assert shown == "Signed in as " + plain("team@xa.example (national team for XA)")
    assert {m.label: m.value for m in at.metric}["Assessments stored"] == "1"
    at.switch_page("roam/ui/pages/scorecard.py").run()
    assert at.selectbox(key="country_box").options == ["Aurelia (XA) 2025 - draft"]
    at.switch_page("roam/ui/pages/upload.py").run()
    data = (REPO / "sample_data" / "XB_Borealis_full.xlsx").read_bytes()
    at.file_uploader[0].set_value(("XB.xlsx", data, XLSX)).run()
    assert any("cannot store uploads for XB" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == "store_button"]
    own = (REPO / "sample_data" / "XA_Aurelia_full.xlsx").read_bytes()
    at.file_uploader[0].set_value(("XA.xlsx", own, XLSX)).run()
    at.button(key="store_button").click().run()
    assert any("as version 2" in s.value for s in at.success)
    assert deployment.history("XA")[-1].uploaded_by == "team@xa.example"
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("roam/ui/pages/users.py")  # the Users page is not offered at all


def test_government_waits_for_validation_and_cannot_export(deployment):
    at = signed_in("gov@xb.example")
    assert {m.label: m.value for m in at.metric}["Assessments stored"] == "0"
    SecureStore(deployment, LOCAL_ADMIN).set_status("XB", 2025, "validated", version=1)
    at = signed_in("gov@xb.example")
    at.switch_page("roam/ui/pages/export.py").run()
    assert not at.exception
    assert any("a government cannot export" in w.value for w in at.warning)
    assert "Results workbook (.xlsx)" not in [b.label for b in at.download_button]
    at.switch_page("roam/ui/pages/history.py").run()
    assert any("cannot change the status" in c.value for c in at.caption)


def test_secretariat_administers_users_in_the_app(deployment):
    at = signed_in("sec@unesco.example")
    at.switch_page("roam/ui/pages/users.py").run()
    assert at.title[0].value == "Users and access"
    at.text_input(key="user_email").set_value("eval@unesco.example")
    at.selectbox(key="user_role").set_value("evaluator")
    at.button[0].click().run()
    assert any(plain("Saved eval@unesco.example (evaluator)") in s.value for s in at.success)
    emails = list(at.dataframe[0].value["Email"])
    assert "eval@unesco.example" in emails


def test_unknown_email_gets_public_access_and_a_hint(deployment):
    at = signed_in("stranger@example.org")
    assert {m.label: m.value for m in at.metric}["Assessments stored"] == "0"
    assert any("no role yet" in w.value for w in at.sidebar.warning)
