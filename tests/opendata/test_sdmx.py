"""`roam publish --sdmx`: the published scores as an SDMX-ML 3.0 structure and SDMX-CSV 2.0."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from pysdmx.io import read_sdmx
from typer.testing import CliRunner

from roam.cli import app
from tests.opendata.conftest import SECRET

runner = CliRunner()


@pytest.fixture
def published(mixed_db: str, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ROAM_DATABASE_URL", mixed_db)
    out = tmp_path / "open"
    result = runner.invoke(app, ["publish", "-o", str(out), "--draws", "200", "--sdmx"])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out / 'sdmx'} (structure.xml, scores.csv)" in result.stdout
    return out


def test_structure_is_valid_sdmx_ml_with_codes_of_published_data_only(published: Path) -> None:
    message = read_sdmx(published / "sdmx" / "structure.xml", validate=True)  # against the XSD
    found = {type(s).__name__: s for s in message.structures}
    assert {"ConceptScheme", "Codelist", "DataStructureDefinition", "Dataflow"} <= set(found)
    codelists = {s.id: [c.id for c in s.items] for s in message.structures if hasattr(s, "items")}
    assert codelists["CL_AREA"] == ["XA"]  # XB to XD are not published; XE was archived
    assert {"R", "R_A", "X_E"} <= set(codelists["CL_IUI_NODE"])  # SDMX codes have no "."
    dsd = next(s for s in message.structures if type(s).__name__ == "DataStructureDefinition")
    assert [c.id for c in dsd.components.dimensions] == ["REF_AREA", "IUI_NODE", "TIME_PERIOD"]
    assert [c.id for c in dsd.components.measures] == ["OBS_VALUE"]
    assert {"LOWER_BOUND", "UPPER_BOUND", "COVERAGE", "DRAWS", "SEED"} <= {
        c.id for c in dsd.components.attributes
    }


def test_observations_equal_the_frictionless_scores(published: Path) -> None:
    with (published / "sdmx" / "scores.csv").open(encoding="utf-8", newline="") as handle:
        sdmx_rows = list(csv.DictReader(handle))
    with (published / "scores.csv").open(encoding="utf-8", newline="") as handle:
        scores = list(csv.DictReader(handle))
    assert len(sdmx_rows) == len(scores) == 31
    assert {r["STRUCTURE_ID"] for r in sdmx_rows} == {"ROAM:DSD_IUI_SCORES(1.0)"}
    by_node = {r["IUI_NODE"]: r for r in sdmx_rows}
    for score in scores:
        row = by_node[score["id"].replace(".", "_")]
        assert (row["REF_AREA"], row["TIME_PERIOD"]) == ("XA", "2025")
        for sdmx_name, name in (("OBS_VALUE", "score"), ("LOWER_BOUND", "low"),
                                ("UPPER_BOUND", "high"), ("COVERAGE", "coverage")):  # fmt: skip
            assert (float(row[sdmx_name]) if row[sdmx_name] else None) == (
                float(score[name]) if score[name] else None
            )
        assert (row["DRAWS"], row["SEED"]) == (score["draws"], score["seed"])
    data = read_sdmx(published / "sdmx" / "scores.csv")  # pysdmx reads its own output back
    assert len(data.data[0].data) == 31


def test_nothing_unpublished_in_the_sdmx_files(published: Path) -> None:
    for path in (published / "sdmx").iterdir():
        text = path.read_text(encoding="utf-8")
        assert SECRET not in text
        assert not any(f"XB,{year}" in text or '"XB"' in text for year in ("2025",))
        assert "Borealis" not in text


def test_without_pysdmx_the_cli_says_what_to_install(mixed_db, tmp_path, monkeypatch):
    monkeypatch.setenv("ROAM_DATABASE_URL", mixed_db)
    monkeypatch.setitem(sys.modules, "pysdmx", None)  # as if the extra were not installed
    monkeypatch.setitem(sys.modules, "pysdmx.io", None)
    out = tmp_path / "open"
    result = runner.invoke(app, ["publish", "-o", str(out), "--draws", "0", "--sdmx"])
    assert result.exit_code == 1
    assert "writing SDMX needs pysdmx: pip install 'roam[opendata]'" in result.output
    assert not out.exists()  # nothing written half-way
