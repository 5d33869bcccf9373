"""The use cases through a real SQLite store: views filtered, refusals audited, users managed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from roam.access import (
    LOCAL_ADMIN,
    PUBLIC,
    AccessDenied,
    SecureStore,
    audit_events,
    user_for_email,
)
from roam.cli import app
from roam.seed import seed_if_empty
from roam.store import Store

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ROAM_DATABASE_URL", raising=False)
    s = Store()
    seed_if_empty(s)
    admin = SecureStore(s, LOCAL_ADMIN)
    admin.add_user("team@xa.example", "national_team", ["XA"], "XA team")
    admin.add_user("gov@xa.example", "government", ["XA"])
    admin.add_user("eval@unesco.example", "evaluator")
    admin.add_user("sec@unesco.example", "secretariat")
    return s


def as_(store: Store, email: str) -> SecureStore:
    return SecureStore(store, user_for_email(store, email))


def test_views_are_filtered_by_role_country_and_status(store):
    admin = SecureStore(store, LOCAL_ADMIN)
    assert len(admin.assessments()) == 8
    assert [a.country for a in as_(store, "team@xa.example").assessments()] == ["XA"]
    assert as_(store, "gov@xa.example").assessments() == []  # XA is still a draft
    assert as_(store, "eval@unesco.example").assessments() == []
    assert SecureStore(store, PUBLIC).assessments() == []
    team = as_(store, "team@xa.example")
    team.set_status("XA", 2025, "validated", version=1)
    assert [a.country for a in as_(store, "gov@xa.example").assessments()] == ["XA"]
    team.set_status("XA", 2025, "submitted", version=1)
    assert [a.country for a in as_(store, "eval@unesco.example").assessments()] == ["XA"]
    with pytest.raises(
        AccessDenied, match="can move assessments to draft / validated / submitted only"
    ):
        team.set_status("XA", 2025, "published", version=1)
    as_(store, "sec@unesco.example").set_status("XA", 2025, "published", version=1)
    assert [a.country for a in SecureStore(store, PUBLIC).assessments()] == ["XA"]


def test_national_team_cannot_touch_another_country(store):
    team = as_(store, "team@xa.example")
    before = store.counts()
    for attempt in (
        lambda: team.load("XB"),
        lambda: team.history("XB"),
        lambda: team.set_status("XB", 2025, "validated", version=1),
        lambda: team.results_workbook("XB"),
        lambda: team.ingest([REPO / "sample_data" / "XB_Borealis_full.xlsx"]),
    ):
        with pytest.raises(AccessDenied, match="the account covers XA, not XB"):
            attempt()
    assert store.counts() == before, "nothing stored by a refused upload"
    events = [e for e in audit_events(store) if not e["allowed"]]
    # load and history ask for the same refused view (XB's latest version): one row per window
    assert len(events) == 4
    assert {e["action"] for e in events} == {"view", "change_status", "export", "upload"}
    assert all(e["actor"] == "team@xa.example" for e in events)


def test_uploads_and_exports_by_role(store):
    sample = REPO / "sample_data" / "XA_Aurelia_full.xlsx"
    team = as_(store, "team@xa.example")
    result = team.ingest([sample], note="second round")[0]
    assert (result.country, result.version) == ("XA", 2)
    assert store.history("XA")[-1].uploaded_by == "team@xa.example"
    for email in ("gov@xa.example", "eval@unesco.example", "sec@unesco.example"):
        with pytest.raises(AccessDenied, match="cannot upload"):
            as_(store, email).ingest([sample])
    assert len(store.history("XA")) == 2
    assert team.results_workbook("XA", draws=20)[:2] == b"PK"
    with pytest.raises(AccessDenied, match="a government cannot export"):
        as_(store, "gov@xa.example").results_workbook("XA")
    with pytest.raises(
        AccessDenied,
        match="only submitted / published assessments can be "
        "exported by an evaluator, and this one is draft",
    ):
        as_(store, "eval@unesco.example").submission_package("XA")


def test_only_administrators_manage_users(store):
    for email in ("team@xa.example", "gov@xa.example", "eval@unesco.example"):
        with pytest.raises(AccessDenied, match="only the secretariat administers users"):
            as_(store, email).add_user("new@x.example", "public")
        with pytest.raises(AccessDenied):
            as_(store, email).users()
    sec = as_(store, "sec@unesco.example")
    sec.add_user("new@xb.example", "government", ["XB"])
    assert user_for_email(store, "NEW@xb.example").countries == frozenset({"XB"})
    sec.remove_user("new@xb.example")
    assert user_for_email(store, "new@xb.example").role == "public"
    assert user_for_email(store, "stranger@x.example").role == "public"


def test_users_cli(tmp_path, monkeypatch):
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path))
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "users",
            "add",
            "ana@xa.example",
            "--role",
            "national_team",
            "--country",
            "XA",
            "--name",
            "Ana",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Saved Ana (national team for XA)" in result.output
    result = runner.invoke(app, ["users", "add", "gov@xb.example", "--role", "government"])
    assert result.exit_code == 1
    assert "a government needs at least one --country" in result.output
    result = runner.invoke(app, ["users", "add", "x@y.example", "--role", "king"])
    assert result.exit_code == 1 and "unknown role 'king'" in result.output
    result = runner.invoke(app, ["users", "list", "--json"])
    assert result.exit_code == 0
    assert '"ana@xa.example"' in result.output and '"national_team"' in result.output
    result = runner.invoke(app, ["users", "audit"])
    assert "administer user ana@xa.example" in result.output
