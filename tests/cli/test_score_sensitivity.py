"""`roam score --json` carries first-order sensitivity indices for every aggregate."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from roam.cli import app

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_score_json_has_sensitivity_per_aggregate():
    sample = REPO / "sample_data" / "XA_Aurelia_full.xlsx"
    result = runner.invoke(app, ["score", str(sample), "--json", "--draws", "100"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)["results"][0]
    nodes = [record["index"], *record["categories"].values(), *record["themes"].values()]
    inputs = {"weights.indicator", "weights.question", "weights.theme", "weights.category"}
    for node in nodes:
        shares = node["sensitivity"]
        if shares is None:  # a score that does not move has nothing to explain
            continue
        assert set(shares) == inputs | {"method"}
        assert all(0 <= s <= 1 for s in shares.values()) and sum(shares.values()) <= 1
    index = record["index"]["sensitivity"]
    assert max(index, key=index.get) == "method"  # geometric draws with shift 1 dominate
