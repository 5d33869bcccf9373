"""`roam ingest / list / history / status` against a real database (ROAM_DATABASE_URL)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from roam.cli import app
from roam.cli.store import register
from roam.store import Store
from tests.store.conftest import INVALID_SAMPLES, SAMPLES, VALID_SAMPLES

register(app)
register(app)  # idempotent
runner = CliRunner()


def roam(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def test_register_is_idempotent() -> None:
    names = [c.name for c in app.registered_commands]
    for name in ("ingest", "list", "history", "status"):
        assert names.count(name) == 1


def test_ingest_twice_and_history(use_db: str) -> None:
    for expected in (1, 2):
        result = roam("ingest", *VALID_SAMPLES)
        assert result.exit_code == 0, result.output
        assert result.output.count(f"-> version {expected}, draft") == 8
    result = roam("history", "XA", "--json")
    assert result.exit_code == 0, result.output
    versions = json.loads(result.stdout)
    assert [v["version"] for v in versions] == [1, 2]
    for v in versions:
        assert {"version", "uploaded_at", "sha256", "status"} <= set(v)
        assert v["status"] == "draft" and len(v["sha256"]) == 64 and v["uploaded_by"] == "tester"
    text = roam("history", "XA")
    assert text.exit_code == 0 and "XA_Aurelia_full.xlsx" in text.output
    listed = json.loads(roam("list", "--json").stdout)
    assert [(a["country"], a["versions"]) for a in listed] == [(f"X{c}", 2) for c in "ABCDEFGH"]
    assert "Fenland Isles" in roam("list").output


def test_ingest_a_folder(use_db: str) -> None:
    result = roam("ingest", SAMPLES, "--json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["stored"]) == len(VALID_SAMPLES)


def test_broken_files_change_nothing(use_db: str) -> None:
    roam("ingest", SAMPLES / "XA_Aurelia_full.xlsx")
    before = Store(use_db).counts()
    for broken in INVALID_SAMPLES:
        result = roam("ingest", SAMPLES / "XB_Borealis_full.xlsx", broken)
        assert result.exit_code == 1
        assert "nothing was stored" in result.output
        assert broken.name in result.output
    assert roam("ingest", SAMPLES / "nope.xlsx").exit_code == 1
    assert Store(use_db).counts() == before


def test_status_command(use_db: str) -> None:
    roam("ingest", SAMPLES / "XA_Aurelia_full.xlsx")
    refused = roam("status", "XA", "2025", "--set", "submitted", "--version", "1")
    assert refused.exit_code == 1
    assert (
        "Error: Cannot move XA 2025 from draft to submitted: it must be validated first"
        in refused.output
    )
    unseen = roam("status", "XA", "2025", "--set", "validated")
    assert unseen.exit_code == 1
    assert "Say which version of XA 2025 was reviewed" in unseen.output
    ok = roam("status", "XA", "2025", "--set", "validated", "--version", "1", "--user", "mab-chair")
    assert ok.exit_code == 0, ok.output
    assert "draft -> validated" in ok.output and "mab-chair" in ok.output
    ok = roam("status", "XA", "2025", "--set", "submitted", "--version", "1", "--json")
    assert json.loads(ok.stdout)["to_status"] == "submitted"
    shown = roam("status", "XA", "2025")
    assert shown.exit_code == 0 and "submitted" in shown.output
    versions = json.loads(roam("history", "XA", "--json").stdout)
    assert versions[-1]["status"] == "submitted"
    missing = roam("status", "XZ", "2025", "--set", "validated")
    assert missing.exit_code == 1 and "no country 'XZ'" in missing.output
    wrong_year = roam("history", "XA", "--year", "2020")
    assert wrong_year.exit_code == 1 and "no assessment for 2020" in wrong_year.output


def test_ingest_with_status(use_db: str) -> None:
    result = roam("ingest", SAMPLES / "XA_Aurelia_full.xlsx", "--status", "validated")
    assert result.exit_code == 0, result.output
    assert "version 1, validated" in result.output
    assert roam("ingest", SAMPLES / "XA_Aurelia_full.xlsx", "--status", "bogus").exit_code == 1


def test_an_unreachable_database_is_a_plain_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ROAM_DATABASE_URL", "postgresql://nobody@127.0.0.1:9/nowhere")
    result = roam("list")
    assert result.exit_code == 1
    assert "Error: cannot open the database postgresql+psycopg://nobody@127.0.0.1:9/nowhere" in (
        result.output
    )
