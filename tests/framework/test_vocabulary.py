"""Vocabulary as data: category roles, names and colours come from framework.yaml, statuses and
template names from questionnaire.yaml, and no Python module in roam/ spells them itself."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
import yaml

from roam.framework import CatalogueError, load_framework
from roam.questionnaire.vocab import vocabulary
from roam.scoring.points import STATUSES

REPO = Path(__file__).resolve().parents[2]
ROAM = REPO / "roam"
FIXTURES = REPO / "tests" / "fixtures" / "frameworks"
ACCESSOR = ROAM / "framework" / "vocabulary.py"


@pytest.fixture(scope="module")
def fw():
    return load_framework("2018")


def test_roles_names_and_colours_2018(fw):
    assert fw.index_categories == ("R", "O", "A", "M")
    assert fw.beside_categories == ("X",)
    assert fw.scored_categories == ("R", "O", "A", "M", "X")
    assert fw.context_categories == ("C",)
    assert fw.category("R").name == "Rights"
    assert fw.category("X").name == "Cross-cutting"
    assert fw.category("X").title == "Cross-cutting indicators"  # heading from X.yaml
    assert fw.category("C").scored is False and fw.category("A").scored is True
    assert fw.colour("R") == "#0072B2"
    assert fw.category_label("M") == "M Multistakeholder participation"
    assert (fw.index_id, fw.index_name, fw.short_name) == ("ROAM", "ROAM index", "ROAM-X")
    assert fw.aggregation_path().endswith("ROAM index over R, O, A, M; X reported beside the index")


def test_one_palette_everywhere(fw):
    """The questionnaire tabs and the exports take their colours from the same accessor."""
    import io

    import openpyxl

    from roam.questionnaire import AssessmentMeta, write_questionnaire

    meta = AssessmentMeta(country="", iso_code="", framework="2018", indicator_set="core")
    wb = openpyxl.load_workbook(io.BytesIO(write_questionnaire(fw, meta)))
    sheets = vocabulary().category_sheets
    for code, sheet in sheets.items():
        tab = wb[sheet].sheet_properties.tabColor.rgb
        assert tab.upper().endswith(fw.colour(code).lstrip("#").upper()), code
    assert len(set(fw.colours.values())) == len(fw.colours)


def test_2024_fixture_has_the_same_vocabulary(fw):
    other = load_framework("2024", root=FIXTURES)
    assert other.vocabulary == fw.vocabulary
    assert other.index_categories == fw.index_categories


def _revised(tmp_path: Path, change) -> Path:
    """A copy of the 2024 fixture whose framework.yaml vocabulary `change` edits; its root."""
    root = tmp_path / "indicators"
    shutil.copytree(FIXTURES / "2024", root / "2024")
    path = root / "2024" / "framework.yaml"
    data = yaml.safe_load(path.read_text())
    change(data["vocabulary"])
    path.write_text(yaml.safe_dump(data))
    return root


def test_a_revised_framework_can_rename_and_regroup(tmp_path):
    """A new folder, not new code: move M out of the index and rename the index."""

    def regroup(vocab: dict) -> None:
        vocab["categories"]["M"]["role"] = "beside"
        vocab["index"] = {"id": "ROA", "name": "ROA index"}

    revised = load_framework("2024", root=_revised(tmp_path, regroup))
    assert revised.index_categories == ("R", "O", "A")
    assert revised.beside_categories == ("M", "X")
    from roam.scoring.tree import build_tree

    tree = build_tree(revised)
    assert tree.ids("index") == ("ROA",)
    in_index = [tree.categories[i] for i, p in enumerate(tree.levels[-1].parent_of) if p == 0]
    assert in_index == ["R", "O", "A"]


def test_vocabulary_must_name_every_category(tmp_path):
    root = _revised(tmp_path, lambda vocab: vocab["categories"].pop("X"))
    with pytest.raises(CatalogueError, match=r"vocabulary.categories: .*missing: X"):
        load_framework("2024", root=root)


def test_context_role_must_match_the_file_shape(tmp_path):
    root = _revised(tmp_path, lambda vocab: vocab["categories"]["C"].update(role="beside"))
    with pytest.raises(CatalogueError, match=r"C\.yaml: category: category C must have themes"):
        load_framework("2024", root=root)


def test_statuses_labels_and_template_names_are_data():
    vocab = vocabulary()
    assert vocab.status_codes == STATUSES  # the engine's encoding follows the vocabulary
    assert vocab.status_label("not_assessed") == "Not in the assessed set"
    assert vocab.status_label("not_available") == "Not available"
    assert vocab.gap_statuses == ("not_available", "unanswered")
    assert vocab.template_name("2018", "core") == "roam_2018_core_questionnaire.xlsx"
    assert (REPO / "questionnaires" / vocab.template_name("2018", "full")).is_file()
    assert vocab.limits.earliest_data_year < vocab.limits.latest_data_year


# ------------------------------------------------------------------ nothing spelled in Python

INDEX_WORD = re.compile(r"\bROAMX?\b(?!-)")  # "ROAM", "ROAMX", "ROAM index"; not ROAM-X, ROAM_


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _literals(fw) -> list[str]:
    codes = set(fw.manifest.categories)
    colours = {c.lower() for c in fw.colours.values()}
    statuses = set(vocabulary().status_codes)
    found = []
    for path in sorted(ROAM.rglob("*.py")):
        if path == ACCESSOR:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        where = path.relative_to(REPO)

        def text(node: ast.AST) -> str | None:
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                return node.value
            return None

        for node in ast.walk(tree):
            value = text(node)
            if value is not None and id(node) not in skip:
                if INDEX_WORD.search(value):
                    found.append(f"{where}:{node.lineno}: index name {value!r}")
                if len(value) >= 3 and set(value) <= codes:
                    found.append(f"{where}:{node.lineno}: category letters {value!r}")
                if value.lower() in colours:
                    found.append(f"{where}:{node.lineno}: category colour {value!r}")
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                items = [text(e) for e in node.elts]
                if len(items) >= 2 and all(i is not None for i in items):
                    if all(i in codes for i in items):
                        found.append(f"{where}:{node.lineno}: category set {items}")
                    if all(i in statuses for i in items):
                        found.append(f"{where}:{node.lineno}: status list {items}")
            if isinstance(node, ast.Dict):
                keys = [text(k) for k in node.keys if k is not None]
                if sum(1 for k in keys if k in codes) >= 2:
                    found.append(f"{where}:{node.lineno}: dict keyed by categories")
            if isinstance(node, ast.Compare):
                for side in [node.left, *node.comparators]:
                    if text(side) in codes:
                        found.append(f"{where}:{node.lineno}: compares with category {text(side)}")
    return found


def test_no_category_letters_colours_index_name_or_status_lists_in_python(fw):
    assert _literals(fw) == []


def test_the_literal_check_catches_what_it_should(fw, tmp_path, monkeypatch):
    """The check above must be able to fail: plant each kind of literal and see it reported."""
    planted = ROAM / "_planted_vocabulary_check.py"
    planted.write_text(
        'ORDER = "ROAMX"\nNAMES = {"R": "Rights", "O": "Openness"}\nCOLOUR = "#0072b2"\n'
        'LABEL = "ROAM index"\nSTATUS = ("available", "unanswered")\n'
        'def f(c):\n    return c == "C"\n'
    )
    try:
        found = "\n".join(_literals(fw))
    finally:
        planted.unlink()
    for kind in (
        "category letters 'ROAMX'",
        "dict keyed by categories",
        "category colour",
        "index name 'ROAM index'",
        "status list",
        "compares with category C",
    ):
        assert kind in found, kind


def test_the_score_scale_is_framework_data_read_through_its_accessor():
    """Heatmaps and workbook colour scales take the scale from framework.yaml, not from code."""
    import yaml

    from roam.export.charts import heatmap
    from roam.framework import indicators_root, load_framework

    raw = yaml.safe_load((indicators_root() / "2018" / "framework.yaml").read_text())
    declared = raw["vocabulary"]["score_scale"]
    scale = load_framework("2018").score_scale
    assert scale.colours == [stop["colour"] for stop in declared["stops"]]
    assert scale.domain == [stop["at"] for stop in declared["stops"]]
    assert scale.light_text_above == declared["light_text_above"]
    import pandas as pd

    frame = pd.DataFrame([{"country": "XA", "column": "R.A", "name": "Rights A", "value": 90.0}])
    spec = heatmap(frame, ["R.A"])
    text = str(spec)
    assert all(colour in text for colour in scale.colours)
