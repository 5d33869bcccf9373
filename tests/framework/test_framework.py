"""The catalogue loads, reproduces the published counts, and refuses broken files by name."""

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from roam.cli import app
from roam.framework import CatalogueError, available_versions, load_framework
from roam.framework.schema import render_schema, schema_path

runner = CliRunner()


PUBLISHED = ("themes", "questions", "indicators", "core")


def test_2018_counts_equal_the_published_ones():
    fw = load_framework("2018")
    counts = fw.counts()
    published = {key: counts["totals"][key] for key in PUBLISHED}
    assert published == {"themes": 25, "questions": 124, "indicators": 303, "core": 109}
    # the check lives in the framework's own data, not in code
    expected = fw.manifest.expected_counts
    assert {key: getattr(expected, key) for key in PUBLISHED} == published
    assert counts["categories"]["X"]["indicators"] == 79
    assert counts["categories"]["C"]["indicators"] == 21
    roam = sum(counts["categories"][c]["indicators"] for c in "ROAM")
    assert roam == 203
    assert [counts["categories"][c]["themes"] for c in "ROAMXC"] == [6, 5, 6, 3, 5, 0]


def test_2018_ids_follow_the_publication_numbering():
    fw = load_framework("2018")
    for entry in fw.entries:
        if entry.category == "C":
            assert re.fullmatch(r"C\.\d+", entry.id)
        else:
            assert entry.id.startswith(entry.question + ".")
            assert entry.question.startswith(entry.theme + ".")
    assert [e.id for e in fw.entries if e.category == "C"] == [f"C.{n}" for n in range(1, 22)]
    groups = {e.group for e in fw.entries if e.category == "C"}
    assert groups == {
        "economic",
        "demographic",
        "development",
        "equality",
        "governance",
        "ict_development",
    }


def test_2018_quantitative_indicators_have_unit_direction_goalposts():
    fw = load_framework("2018")
    quantitative = [e.indicator for e in fw.entries if e.indicator.kind == "quantitative"]
    assert quantitative, "the framework has statistical indicators"
    for ind in quantitative:
        assert ind.unit and ind.direction in ("higher", "lower")
        assert ind.goalposts.low < ind.goalposts.high and ind.goalposts.basis


def test_core_set_is_core_plus_contextual():
    fw = load_framework("2018")
    assert len(fw.entries_for("core")) == 109 + 21
    assert len(fw.entries_for("full")) == 303


def test_cli_framework_json_reports_totals_and_categories():
    result = runner.invoke(app, ["framework", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["totals"] == {
        "themes": 25,
        "questions": 124,
        "indicators": 303,
        "core": 109,
        "confirmed_questions": 25,
        "confirmed_indicators": 28,
    }
    assert set(data["categories"]) == set("ROAMXC")
    for values in data["categories"].values():
        assert set(values) == {*PUBLISHED, "confirmed_questions", "confirmed_indicators"}
    assert data["categories"]["M"]["confirmed_questions"] == 4  # M.A.1, M.B.2, M.C.2, M.C.3
    assert data["categories"]["C"]["confirmed_indicators"] == 5  # contextual 1-5
    assert data["categories"]["X"]["indicators"] == 79


def test_cli_framework_table_lists_every_category():
    result = runner.invoke(app, ["framework"])
    assert result.exit_code == 0
    for name in ("R Rights", "O Openness", "X Cross", "C Contextual", "Total"):
        assert name in result.output
    assert re.search(r"Total\s+25\s+124\s+303\s+109", result.output)


def test_schema_json_is_current():
    assert schema_path().read_text(encoding="utf-8") == render_schema(), (
        "indicators/schema.json is stale: run python -m roam.framework.schema"
    )


def test_catalogue_files_validate_against_the_published_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_path().read_text(encoding="utf-8"))["files"]
    folder = schema_path().parent / "2018"
    jsonschema.validate(
        yaml.safe_load((folder / "framework.yaml").read_text()), schema["framework.yaml"]
    )
    jsonschema.validate(yaml.safe_load((folder / "scales.yaml").read_text()), schema["scales.yaml"])
    for code in "ROAMXC":
        data = yaml.safe_load((folder / f"{code}.yaml").read_text())
        jsonschema.validate(data, schema["category file"])


# ------------------------------------------------------------------ a new version is a folder


def test_new_version_folder_is_usable_without_code(fixture_frameworks, monkeypatch):
    monkeypatch.setenv("ROAM_INDICATORS_DIR", str(fixture_frameworks))
    assert available_versions() == ["2024"]
    result = runner.invoke(app, ["framework", "--framework", "2024", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["framework"] == "2024"
    published = {key: data["totals"][key] for key in PUBLISHED}
    assert published == {"themes": 5, "questions": 6, "indicators": 11, "core": 6}
    assert data["totals"]["confirmed_questions"] == 0
    x = {key: data["categories"]["X"][key] for key in PUBLISHED}
    assert x == {"themes": 1, "questions": 1, "indicators": 2, "core": 1}


def test_unknown_version_is_refused_with_exit_1(fixture_frameworks, monkeypatch):
    monkeypatch.setenv("ROAM_INDICATORS_DIR", str(fixture_frameworks))
    result = runner.invoke(app, ["framework", "--framework", "1999"])
    assert result.exit_code == 1
    assert "unknown framework version '1999' (available: 2024)" in result.output


# ------------------------------------------------------------------ integrity errors one by one


def _edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / "2024" / file
    text = path.read_text()
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1))


BROKEN = [
    (
        "R.yaml",
        "core: true, kind: legal, scale: yes_partly_no}",
        "core: true, kind: legal, scale: yes_partly_no, colour: red}",
        "R.yaml",
        "R.A.1.1",
        "unknown field 'colour'",
    ),
    (
        "R.yaml",
        "id: R.A.1.2,",
        "id: R.A.1.1,",
        "R.yaml",
        "R.A.1.1",
        "id is used more than once",
    ),
    (
        "R.yaml",
        "id: R.A.1.2,",
        "id: R.A.3.2,",
        "R.yaml",
        "R.A.3.2",
        "indicator id must look like R.A.1.1",
    ),
    (
        "O.yaml",
        "- id: O.A.1\n",
        "- id: O.B.1\n",
        "O.yaml",
        "O.B.1",
        "question id must look like O.A.1",
    ),
    (
        "M.yaml",
        "- id: M.A\n",
        "- id: M.AA\n",
        "M.yaml",
        "M.AA",
        "theme id must look like M.A",
    ),
    (
        "A.yaml",
        "goalposts: {low: 2, high: 10,",
        "goalposts: {low: 10, high: 2,",
        "A.yaml",
        "A.A.1.2",
        "goalposts: goalpost low (10) must be below high (2)",
    ),
    (
        "O.yaml",
        "scale: yes_no}",
        "scale: thumbs_up}",
        "O.yaml",
        "O.A.1.1",
        "scale 'thumbs_up' does not exist",
    ),
    (
        "A.yaml",
        "            direction: lower\n",
        "",
        "A.yaml",
        "A.A.1.2",
        "a quantitative indicator needs direction",
    ),
    (
        "X.yaml",
        "core: false, kind: legal, scale: evidence_rubric}",
        "core: false, kind: legal, scale: percentage}",
        "X.yaml",
        "X.F.1.2",
        "numeric scale 'percentage' needs goalposts",
    ),
    (
        "C.yaml",
        "{id: C.2,",
        "{id: C.X2,",
        "C.yaml",
        "C.X2",
        "contextual indicator id must look like C.1",
    ),
    (
        "framework.yaml",
        "core: 6",
        "core: 7",
        "framework.yaml",
        "expected_counts",
        "core: expected 7, found 6",
    ),
    (
        "scales.yaml",
        "        points: 50\n",
        "        points: 150\n",
        "scales.yaml",
        "yes_partly_no",
        "levels.points: Input should be less than or equal to 100",
    ),
    (
        "R.yaml",
        "text: Does the law protect human rights online?",
        "text: [unclosed",
        "R.yaml",
        "line",
        "not valid YAML",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "bad_file", "item", "message"), BROKEN)
def test_broken_catalogue_names_file_and_item(
    fixture_frameworks, file, old, new, bad_file, item, message
):
    _edit(fixture_frameworks, file, old, new)
    with pytest.raises(CatalogueError) as caught:
        load_framework("2024", root=fixture_frameworks)
    err = caught.value
    assert err.file.endswith(bad_file)
    assert err.item.startswith(item)
    assert message in err.problem
    assert str(err).startswith(str(fixture_frameworks / "2024" / bad_file))


def test_missing_category_file_is_named(fixture_frameworks):
    (fixture_frameworks / "2024" / "M.yaml").unlink()
    with pytest.raises(CatalogueError, match=r"M\.yaml: M: category file is missing"):
        load_framework("2024", root=fixture_frameworks)


def test_broken_catalogue_is_exit_1_on_cli(fixture_frameworks, monkeypatch):
    _edit(fixture_frameworks, "O.yaml", "scale: yes_no}", "scale: thumbs_up}")
    monkeypatch.setenv("ROAM_INDICATORS_DIR", str(fixture_frameworks))
    result = runner.invoke(app, ["framework", "--framework", "2024"])
    assert result.exit_code == 1
    assert "O.yaml: O.A.1.1: scale 'thumbs_up' does not exist" in result.output
    assert "Traceback" not in result.output
