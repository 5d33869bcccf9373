"""`roam aggregate` end to end: COINr tables in, one CSV column per aggregate out."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from roam.cli import app
from tests.scoring.test_coin import DATA, META

runner = CliRunner()


def _tables(tmp_path: Path, meta: pd.DataFrame = META, data: pd.DataFrame = DATA) -> list[str]:
    meta.to_csv(tmp_path / "iMeta.csv", index=False)
    data.to_csv(tmp_path / "iData.csv", index=False)
    return ["--meta", str(tmp_path / "iMeta.csv"), "--data", str(tmp_path / "iData.csv")]


def test_writes_one_column_per_aggregate_empty_when_insufficient(tmp_path):
    out = tmp_path / "scores.csv"
    args = ["aggregate", *_tables(tmp_path), "--threshold", "2/3", "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "3 units x 4 aggregates" in result.output
    assert "4 value(s) left empty for insufficient data" in result.output
    lines = out.read_text().splitlines()
    assert lines[0] == "uCode,P1,P2,P3,Index"
    assert lines[1] == "U1,35.0,80.0,50.0,50.0"
    assert lines[2] == "U2,25.0,,,"  # 4 of 6 passes 2/3; the rest insufficient
    assert lines[3] == "U3,,50.0,70.0,60.0"


def test_geometric_with_shift(tmp_path):
    out = tmp_path / "scores.csv"
    args = ["aggregate", *_tables(tmp_path), "--method", "geometric", "--shift", "1"]
    assert runner.invoke(app, [*args, "-o", str(out)]).exit_code == 0
    got = pd.read_csv(out).set_index("uCode")
    assert got.loc["U1", "P2"] == pytest.approx(80.0)  # one child: its own value


def test_codes_that_look_like_formulas_stay_text(tmp_path):
    data = DATA.assign(uCode=["=HYPERLINK(1)", "U2", "U3"])
    out = tmp_path / "scores.csv"
    assert runner.invoke(app, ["aggregate", *_tables(tmp_path, data=data), "-o", str(out)])
    assert out.read_text().splitlines()[1].startswith("'=HYPERLINK(1)")


def test_bad_input_exits_1_with_location_and_writes_nothing(tmp_path):
    out = tmp_path / "scores.csv"
    bad = META.assign(Parent=META.Parent.replace("P3", "P9"))
    result = runner.invoke(app, ["aggregate", *_tables(tmp_path, meta=bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "iMeta.csv: row 9 (i8), Parent: 'P9' is not an aggregate in iMeta" in result.output
    assert not out.exists()
    args = ["aggregate", *_tables(tmp_path), "--threshold", "most", "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "expected a share such as 2/3" in result.output
    args = ["aggregate", *_tables(tmp_path), "--method", "median", "-o", str(out)]
    assert "expected arithmetic or geometric" in runner.invoke(app, args).output
    missing = ["aggregate", "--meta", "nope.csv", "--data", "nope.csv", "-o", str(out)]
    result = runner.invoke(app, missing)
    assert result.exit_code == 1 and "--meta: no file nope.csv" in result.output


def test_tables_saved_by_excel_with_a_byte_order_mark(tmp_path):
    META.to_csv(tmp_path / "iMeta.csv", index=False, encoding="utf-8-sig")
    DATA.to_csv(tmp_path / "iData.csv", index=False, encoding="utf-8-sig")
    out = tmp_path / "scores.csv"
    args = ["--meta", str(tmp_path / "iMeta.csv"), "--data", str(tmp_path / "iData.csv")]
    result = runner.invoke(app, ["aggregate", *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().splitlines()[1] == "U1,35.0,80.0,50.0,50.0"
