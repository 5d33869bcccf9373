"""`roam diff` and `roam archive-version` on a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from roam.cli import app
from roam.framework import load_framework
from roam.questionnaire import read_questionnaire, write_questionnaire
from roam.store.engine import dispose_all

REPO = Path(__file__).resolve().parents[2]


def test_diff_and_archive_version(tmp_path, monkeypatch):
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ROAM_DATABASE_URL", raising=False)
    runner = CliRunner()
    sample = REPO / "sample_data" / "XC_Calvaria_core.xlsx"
    assert runner.invoke(app, ["ingest", str(sample)]).exit_code == 0
    base = read_questionnaire(sample)
    changed = base.responses.copy()
    first = changed.index[changed["status"] == "available"][0]
    changed.loc[first, "evidence"] = '=HYPERLINK("http://x","y") quoted in a report'
    second = tmp_path / "XC_v2.xlsx"
    second.write_bytes(write_questionnaire(load_framework(), base.meta, changed, base.mab))
    assert runner.invoke(app, ["ingest", str(second)]).exit_code == 0
    result = runner.invoke(app, ["diff", "XC", "1", "2", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    indicator = changed.loc[first, "indicator_id"]
    assert payload["changed_indicators"] == [indicator]
    assert payload["changes"][0]["field"] == "evidence"
    assert payload["changes"][0]["after"].startswith("=HYPERLINK")
    result = runner.invoke(app, ["archive-version", "XC", "2"])
    assert result.exit_code == 0 and "Archived version 2 of XC 2025" in result.output
    history = json.loads(runner.invoke(app, ["history", "XC", "--json"]).output)
    assert [(v["version"], v["latest"], v["archived"]) for v in history] == [
        (1, True, False),
        (2, False, True),
    ]
    result = runner.invoke(app, ["diff", "XC", "1", "9"])
    assert result.exit_code == 1 and "has no version 9" in result.output
    dispose_all()
