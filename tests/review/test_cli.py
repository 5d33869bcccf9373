"""`roam review` round trip on SQLite and PostgreSQL: open, sheets, fill with openpyxl,
collect (a second submission replaces the first), answer every comment, close, status."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from roam.cli import app
from roam.store import Store
from roam.store import schema as S
from tests.review.conftest import SAMPLE
from tests.review.test_workbook import fill

runner = CliRunner()


def roam(*args: object):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args])


def ok(*args: object) -> str:
    result = roam(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def counts(store: Store) -> dict[str, int]:
    from sqlalchemy import func, select

    tables = (
        S.ReviewRound,
        S.ReviewParticipant,
        S.ReviewSubmission,
        S.ReviewRating,
        S.ReviewResponse,
    )
    return store._read(
        lambda s: {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in tables}
    )


GROUP_RATINGS = {  # finding -> rating per participant P01..P06 (groups from the MAB sheet)
    "R.A.1": ["Agree", "Agree", "Strongly agree", "Agree", "Agree", "Agree"],
    "R.A.2": ["Agree", "Disagree", "Disagree", "Disagree", "Disagree", "Disagree"],
}


def test_round_trip(use_db: str, tmp_path: Path) -> None:
    ok("ingest", SAMPLE)
    refused = roam("review", "open", "XA", "--kind", "mab")
    assert refused.exit_code == 1
    assert "is draft; a review round opens on an assessment that is at least validated" in (
        refused.output
    )
    ok("status", "XA", "2025", "--set", "validated", "--version", "1")
    opened = json.loads(
        ok(
            "review",
            "open",
            "XA",
            "--kind",
            "mab",
            "--recommendation",
            "R.A=Publish rulings",
            "--json",
        )
    )
    assert opened == {
        "round": 1,
        "kind": "mab",
        "state": "open",
        "version": 1,
        "findings": 150,
        "participants": 11,
    }
    out = tmp_path / "sheets"
    assert "Wrote 12 rating sheets" in ok("review", "sheets", "XA", "-o", out)
    files = sorted(out.glob("*.xlsx"))
    assert [f.name for f in files][:2] == ["XA_2025_round1_P01.xlsx", "XA_2025_round1_P02.xlsx"]
    assert (out / "XA_2025_round1_walk-in.xlsx").is_file()
    filled = []
    for i in range(6):
        ratings = {f: (r[i], None) for f, r in GROUP_RATINGS.items()}
        if i == 1:
            ratings["R.A.2"] = ("Agree", "Evidence is from 2019; newer rulings exist.")
        path = tmp_path / f"P0{i + 1}.xlsx"
        path.write_bytes(fill(files[i].read_bytes(), ratings))
        filled.append(path)
    walk_in = tmp_path / "walk_in.xlsx"
    walk_in.write_bytes(
        fill(
            (out / "XA_2025_round1_walk-in.xlsx").read_bytes(),
            {"R.A.1": ("Neutral", "Walk-in view")},
            **{"Name": "Ana Walker", "Stakeholder group": "Media", "Gender": "Woman"},
        )
    )
    store = Store(use_db)
    before = counts(store)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(fill(files[6].read_bytes(), {"R.A.1": ("Maybe", None)}))
    result = roam("review", "collect", "XA", *filled, bad)
    assert result.exit_code == 1
    assert "bad.xlsx: NOT usable: 1 error(s)" in result.output
    assert "ERROR Ratings!F2 [R.A.1]: 'Maybe' is not a rating" in result.output
    assert counts(store) == before  # a bad workbook changes nothing, for any file in the batch
    collected = json.loads(ok("review", "collect", "XA", *filled, walk_in, "--json"))
    assert [c["participant"] for c in collected] == [
        "P01",
        "P02",
        "P03",
        "P04",
        "P05",
        "P06",
        "W01",
    ]
    # P02 changes their mind: the second submission replaces the first, which stays in history.
    again = tmp_path / "P02_again.xlsx"
    again.write_bytes(
        fill(
            files[1].read_bytes(), {"R.A.1": ("Agree", None), "R.A.2": ("Disagree", "Still dated.")}
        )
    )
    text = ok("review", "collect", "XA", again)
    assert "P02, 2 ratings, 1 comments (replaces submission 1)" in text
    from roam.store import reviews as RS

    data = RS.load_round(store, "XA", None, None)
    history = RS.submission_history(store, data.id)
    assert len(history) == 8 and sum(h["replaced"] for h in history) == 1
    stored = RS.original_submission(store, data.id, 1)
    assert stored == filled[1].read_bytes()  # the original workbook bytes, kept

    status = json.loads(ok("review", "status", "XA", "--json"))
    assert list(status) == ["round", "kind", "state", "balance", "findings"]
    assert status["state"] == "open" and status["kind"] == "mab"
    assert status["balance"]["raters"] == 7
    findings = {f["id"]: f for f in status["findings"]}
    assert list(findings["R.A.1"]) == [
        "id",
        "verdict",
        "agree_share",
        "by_group",
        "comments",
        "open_comments",
    ]
    # R.A.1: 6 agree, 1 neutral (walk-in, Media) of 7 -> 86%; groups from the MAB sheet.
    assert findings["R.A.1"]["agree_share"] == round(6 / 7, 4)
    assert findings["R.A.1"]["verdict"] == "validated"
    # R.A.2: only P01 (Government) agrees -> 1 of 6; the other groups oppose.
    assert findings["R.A.2"]["agree_share"] == round(1 / 6, 4)
    assert findings["R.A.2"]["verdict"] == "contested"
    assert findings["R.A.2"]["by_group"]["Government"] == 1.0
    assert findings["R.A.2"]["comments"] == 1 and findings["R.A.2"]["open_comments"] == 1
    assert findings["R.B.1"]["verdict"] == "not_enough_raters"

    refused = roam("review", "close", "XA")
    assert refused.exit_code == 1
    assert "2 comment(s) have no response yet" in refused.output
    assert "P02:R.A.2" in refused.output and "W01:R.A.1" in refused.output
    wrong = roam("review", "answer", "XA", "P02:R.A.2", "--outcome", "ignored", "--reason", "x")
    assert wrong.exit_code == 1 and "'ignored' is not an outcome" in wrong.output
    ok(
        "review",
        "answer",
        "XA",
        "P02:R.A.2",
        "--outcome",
        "changed",
        "--reason",
        "Added the 2024 rulings to the evidence.",
    )
    ok("review", "answer", "XA", "W01:R.A.1", "--outcome", "noted", "--reason", "Thanks.")
    assert "Closed XA 2025 round 1" in ok("review", "close", "XA")
    after = roam("review", "collect", "XA", again)
    assert after.exit_code == 1 and "closed; a closed round is read-only" in after.output
    transitions = store.transitions("XA")
    assert "review round 1 (mab) on version 1 closed: 7 raters" in transitions[-1].note
    assert transitions[-1].to_status == "validated"
    final = json.loads(ok("review", "status", "XA", "--json"))
    assert final["state"] == "closed"
    assert {f["open_comments"] for f in final["findings"]} == {0}
    ok("status", "XA", "2025", "--set", "submitted", "--version", "1")
    assert [t.to_status for t in store.transitions("XA")][-3:] == [
        "validated",
        "validated",
        "submitted",
    ]


def test_plain_failures(use_db: str, tmp_path: Path) -> None:
    ok("ingest", SAMPLE, "--status", "validated")
    none = roam("review", "status", "XA")
    assert none.exit_code == 1
    assert "XA 2025 has no review round; open one with `roam review open`" in none.output
    kind = roam("review", "open", "XA", "--kind", "survey")
    assert kind.exit_code == 1 and "--kind must be mab or workshop" in kind.output
    rec = roam("review", "open", "XA", "--kind", "mab", "--recommendation", "no theme")
    assert rec.exit_code == 1 and "write THEME=text" in rec.output
    ok("review", "open", "XA", "--kind", "workshop")
    missing = roam("review", "collect", "XA", tmp_path / "nope.xlsx")
    assert missing.exit_code == 1 and "file not found" in missing.output
    text = ok("review", "status", "XA")
    assert "XA 2025 round 1 (validation workshop): open, version 1" in text
    assert "Balance: Nobody has rated yet." in text
    assert "Verdicts: Not enough raters 149" in text
    unknown = roam("review", "answer", "XA", "P01:R.A.1", "--outcome", "noted", "--reason", "x")
    assert unknown.exit_code == 1 and "there is no comment P01:R.A.1 in round 1" in unknown.output
    ok("review", "close", "XA")
    again = roam("review", "close", "XA")
    assert again.exit_code == 1 and "is already closed" in again.output
    sheets = roam("review", "sheets", "XA", "-o", tmp_path / "s")
    assert sheets.exit_code == 1 and "rating sheets are written for open rounds" in sheets.output
    second = json.loads(ok("review", "open", "XA", "--kind", "mab", "--json"))
    assert second["round"] == 2  # several rounds per assessment are kept
    first = json.loads(ok("review", "status", "XA", "--round", "1", "--json"))
    assert first["state"] == "closed" and first["kind"] == "workshop"
