"""`roam recommendations add / update / list` against a real database (ROAM_DATABASE_URL)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from roam.cli import app
from roam.store import recommendations as register

runner = CliRunner()


def roam(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def cli_db(aurelia, db_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ROAM_DATABASE_URL", db_url)
    monkeypatch.setenv("ROAM_USER", "tester")
    return aurelia


def test_add_update_list_with_history(cli_db) -> None:  # type: ignore[no-untyped-def]
    added = roam(
        "recommendations", "add", "XA", "--id", "R1", "--text", "Adopt a data protection law",
        "--theme", "R.C", "--indicator", "R.C.1.1", "--to", "Government", "--to", "Media",
        "--priority", "high", "--target", "2027-06-30", "--json",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    rec = json.loads(added.stdout)
    assert (rec["id"], rec["status"], rec["stakeholders"]) == (
        "R1", "not_started", ["Government", "Media"]
    )  # fmt: skip
    first = roam("recommendations", "update", "XA", "R1", "--status", "in progress",
                 "--evidence", "Bill tabled", "--date", "2026-03-01")  # fmt: skip
    assert first.exit_code == 0, first.output
    assert (
        "Updated XA 2025 R1       In progress  (High priority, target 2027-06-30)" in first.stdout
    )
    listed = roam("recommendations", "list", "XA", "--history")
    assert listed.exit_code == 0, listed.output
    assert "scores: no later assessment yet" in listed.stdout
    assert "2026-03-01 status in_progress  Bill tabled" in listed.stdout
    rows = json.loads(roam("recommendations", "list", "XA", "--json").stdout)
    assert [(r["id"], r["status"], r["evidence"]) for r in rows] == [
        ("R1", "in_progress", "Bill tabled")
    ]
    assert rows[0]["history"][0]["recorded_by"] == "tester"
    assert [x["id"] for x in rows[0]["linked"]] == ["R.C", "R.C.1.1"]


def test_mistakes_end_in_a_plain_message_and_exit_code_1(cli_db) -> None:  # type: ignore[no-untyped-def]
    cases = [
        (("add", "XA", "--id", "R1", "--text", "t", "--to", "Goverment"),
         "'Goverment' is not a stakeholder group"),
        (("add", "XA", "--id", "R1", "--text", "t", "--to", "Media", "--indicator", "R.Z.1.1"),
         "'R.Z.1.1' is not an indicator of framework 2018"),
        (("add", "ZZ", "--id", "R1", "--text", "t", "--to", "Media"), "no assessment of ZZ"),
        (("update", "XA", "R1", "--status", "done"), "'done' is not a status"),
        (("update", "XA", "R1", "--status", "dropped", "--date", "1 May"),
         "--date '1 May' is not a date; write it as YYYY-MM-DD"),
        (("update", "XA", "R7", "--status", "dropped"), "has no recommendation 'R7'"),
    ]  # fmt: skip
    for args, message in cases:
        result = roam("recommendations", *args)
        assert result.exit_code == 1, (args, result.output)
        assert "Error: " in result.stderr and message in result.stderr, result.stderr
        assert "Traceback" not in result.output
    assert register.counts(cli_db) == {"recommendation": 0, "recommendation_update": 0}
