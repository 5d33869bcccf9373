"""`roam reproduce` and `roam score --seed --draws`: package numbers come back from its record."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from roam.cli import app

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "sample_data").glob("X*.xlsx"))
runner = CliRunner()


def _package(sample: Path, out: Path, *extra: str) -> dict:
    result = runner.invoke(app, ["package", str(sample), "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return _member_json(out.read_bytes(), "data/assessment.json")


def _member_json(data: bytes, tail: str) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        name = next(n for n in archive.namelist() if n.endswith(tail))
        return json.loads(archive.read(name))


def _rewrite(data: bytes, tail: str, change) -> bytes:
    """The same zip with one member's JSON changed by `change`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.endswith(tail):
                doc = json.loads(body)
                change(doc)
                body = json.dumps(doc, indent=2).encode()
            dst.writestr(info, body)
    return out.getvalue()


@pytest.fixture(scope="module")
def xa_package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reproduce") / "xa.zip"
    _package(REPO / "sample_data" / "XA_Aurelia_full.xlsx", out, "--draws", "120", "--seed", "77")
    return out


def test_untouched_package_reproduces(xa_package):
    result = runner.invoke(app, ["reproduce", str(xa_package)])
    assert result.exit_code == 0, result.output
    assert "120 draws, seed 77" in result.output
    assert "Reproduced: all" in result.output


def test_one_tampered_number_fails_with_its_location(xa_package, tmp_path):
    def nudge(doc: dict) -> None:
        node = next(s for s in doc["scores"] if s["level"] == "category" and s["id"] == "O")
        node["high"] = round(node["high"] + 0.5, 6)

    tampered = tmp_path / "tampered.zip"
    tampered.write_bytes(_rewrite(xa_package.read_bytes(), "data/assessment.json", nudge))
    result = runner.invoke(app, ["reproduce", str(tampered)])
    assert result.exit_code == 1
    assert "1 difference(s)" in result.output
    assert "scores[category O].high: package says" in result.output


def test_changed_seed_in_record_is_a_difference(xa_package, tmp_path):
    """Claiming another seed than the one that ran cannot pass: the intervals come out different."""

    def claim_seed(doc: dict) -> None:
        doc["run"]["uncertainty"]["seed"] = 78

    tampered = tmp_path / "seed.zip"
    tampered.write_bytes(_rewrite(xa_package.read_bytes(), "data/assessment.json", claim_seed))
    result = runner.invoke(app, ["reproduce", str(tampered)])
    assert result.exit_code == 1
    assert ".low: package says" in result.output or ".high: package says" in result.output


def test_not_a_package_is_a_plain_error(tmp_path):
    bad = tmp_path / "notes.zip"
    bad.write_bytes(b"not a zip")
    result = runner.invoke(app, ["reproduce", str(bad)])
    assert result.exit_code == 1
    assert "notes.zip: not a zip file" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_every_sample_package_equals_roam_score_with_its_seed_and_draws(sample, tmp_path):
    out = tmp_path / f"{sample.stem}.zip"
    stated = _package(sample, out, "--draws", "150", "--seed", "31")
    seed = stated["run"]["uncertainty"]["seed"]
    draws = stated["run"]["uncertainty"]["draws"]
    assert (seed, draws) == (31, 150)
    result = runner.invoke(
        app, ["score", str(sample), "--json", "--seed", str(seed), "--draws", str(draws)]
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["run"] == stated["run"]  # the same run, recorded the same way
    record = shown["results"][0]
    nodes = {(s["level"], s["id"]): s for s in stated["scores"]}
    checked = 0
    for level, items in (("index", {"ROAM": record["index"]}), ("category", record["categories"])):
        for node_id, node in items.items():
            package_node = nodes[(level, node_id)]
            for key in ("score", "low", "high", "coverage", "band"):
                assert package_node[key] == node[key], (level, node_id, key)
                checked += 1
    assert checked >= 30
    assert runner.invoke(app, ["reproduce", str(out)]).exit_code == 0


def test_a_changed_number_in_the_results_workbook_is_found(xa_package, tmp_path):
    import openpyxl

    with zipfile.ZipFile(xa_package) as archive:
        name = next(n for n in archive.namelist() if n.endswith("_results.xlsx"))
        book = openpyxl.load_workbook(io.BytesIO(archive.read(name)))
    ws = book["Themes"]
    headers = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=headers.index("Score") + 1)
    cell.value = float(cell.value) + 1
    changed = io.BytesIO()
    book.save(changed)
    out = io.BytesIO()
    with zipfile.ZipFile(xa_package) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, changed.getvalue() if info.filename == name else src.read(info))
    tampered = tmp_path / "workbook.zip"
    tampered.write_bytes(out.getvalue())
    result = runner.invoke(app, ["reproduce", str(tampered)])
    assert result.exit_code == 1
    assert f"_results.xlsx: Themes!{cell.coordinate}: package says" in result.output


def test_another_questionnaire_in_the_package_is_found(xa_package, tmp_path):
    """An edited questionnaire shows up as a different input SHA-256, even if no score moves."""
    from roam.framework import load_framework
    from roam.questionnaire import read_questionnaire, write_questionnaire

    xa = read_questionnaire(REPO / "sample_data" / "XA_Aurelia_full.xlsx")
    responses = xa.responses.copy()
    responses.loc[0, "evidence"] = "a note added after the package was made"  # no score changes
    other = write_questionnaire(load_framework(), xa.meta, responses, xa.mab)
    out = io.BytesIO()
    with zipfile.ZipFile(xa_package) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            swap = "/questionnaire/" in info.filename
            dst.writestr(info, other if swap else src.read(info))
    swapped = tmp_path / "swapped.zip"
    swapped.write_bytes(out.getvalue())
    result = runner.invoke(app, ["reproduce", str(swapped)])
    assert result.exit_code == 1
    assert "run.inputs[0].sha256: package says" in result.output
