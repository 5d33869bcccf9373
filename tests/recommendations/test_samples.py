"""The fictional samples carry a national report's recommendations, so the register, its
follow-up and the change in linked scores can be tried at once."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from roam.cli import app
from tests.recommendations.conftest import SAMPLES


def test_the_re_assessed_sample_shows_what_became_of_its_recommendations(tmp_path, monkeypatch):
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path))
    runner = CliRunner()
    over_time = sorted((SAMPLES / "over_time").glob("XI_*.xlsx"))
    assert runner.invoke(app, ["ingest", *map(str, over_time)]).exit_code == 0
    done = runner.invoke(app, ["recommendations", "list", "XI", "--json"])
    assert done.exit_code == 0, done.output
    rows = {r["id"]: r for r in json.loads(done.output)}
    assert {k: (r["year"], r["status"], r["compared_with"]) for k, r in rows.items()} == {
        "XI-R1": (2023, "implemented", 2025),
        "XI-R2": (2023, "in_progress", 2025),
        "XI-R3": (2023, "dropped", 2025),
    }
    assert rows["XI-R3"]["evidence"] == "The consultation forum was suspended in 2024."
    # profiles.yaml: access strength rose from 0.35 to 0.5 and participation fell from 0.65 to
    # 0.55 between the two years, so the linked scores moved that way
    change = {r["id"]: {x["id"]: x["change"] for x in r["linked"]} for r in rows.values()}
    assert change["XI-R1"]["A.C.1.1"] > 0 and change["XI-R2"]["A.D"] > 0
    assert change["XI-R3"]["M.C"] < 0


def test_the_first_start_sample_has_recommendations_to_follow_up(tmp_path, monkeypatch):
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path))
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(SAMPLES / "XG_Galderon_full.xlsx")]).exit_code == 0
    rows = json.loads(runner.invoke(app, ["recommendations", "list", "XG", "--json"]).output)
    assert [(r["id"], r["priority"], r["status"]) for r in rows] == [
        ("XG-R1", "high", "in_progress"),
        ("XG-R2", "medium", "not_started"),
        ("XG-R3", "low", "implemented"),
    ]
    assert rows[0]["compared_with"] is None  # no later assessment of Galderon yet
