"""Catalogue translations as data: checked against the catalogue, reported, read by accessor."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from roam.cli import app
from roam.framework import CatalogueError, load_framework
from roam.framework.translation import source_texts

REPO = Path(__file__).resolve().parents[2]
I18N = REPO / "indicators" / "2018" / "i18n"


@pytest.fixture(scope="module")
def fw():
    return load_framework("2018")


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "indicators"
    shutil.copytree(REPO / "indicators" / "2018", root / "2018")
    return root


def _edit(root: Path, lang: str, change) -> None:
    path = root / "2018" / "i18n" / f"{lang}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_every_text_has_a_key(fw):
    texts = source_texts(fw)
    # 6 categories + 6 summaries + 6 groups + 25 themes + 124 questions + 303 indicators
    # + 8 vocabulary names + scale names, descriptions, level labels and descriptors (6*2 + 10*2)
    assert len(texts) == 6 + 6 + 6 + 25 + 124 + 303 + 8 + 32 == 510
    assert texts["R.A.1.1"].startswith("Ratification of the main international")
    assert texts["scale.yes_partly_no.1.label"] == "Partly"


def test_french_is_complete_and_read_through_accessors(fw):
    fr = fw.translation("fr")
    assert fr.unofficial and fr.direction == "ltr" and not fr.rtl
    assert fr.coverage()["percent"] == 100.0 and fr.missing == ()
    assert fw.text("R", "fr") == "Droits"
    assert fw.text("M", "fr") == "Participation multipartite"
    assert fw.level_label("yes_partly_no", 1, "fr") == "Partiellement"
    assert fw.text("R.A.1.1") == fw.indicator("R.A.1.1").indicator.text  # English by default
    assert fw.unit("% of GDP", "fr") == "% du PIB"
    assert "Conseil consultatif multipartite" in fw.text("scale.evidence_rubric.description", "fr")


def test_languages_listed_english_first(fw):
    assert fw.languages[0] == "en"
    assert {"fr", "es", "ar"} <= set(fw.languages)
    with pytest.raises(ValueError, match=r"no translation into 'de' \(available: en, ar, es, fr"):
        fw.translation("de")


def test_unknown_id_is_an_error_naming_file_and_key(tmp_path):
    root = _copy(tmp_path)
    _edit(root, "fr", lambda d: d["texts"].update({"R.A.1.9": "Indicateur inventé"}))
    with pytest.raises(
        CatalogueError, match=r"fr\.yaml: R\.A\.1\.9: no such item in the catalogue"
    ):
        load_framework("2018", root=root)


def test_unknown_unit_is_an_error(tmp_path):
    root = _copy(tmp_path)
    _edit(root, "es", lambda d: d["units"].update({"furlongs": "estadios"}))
    with pytest.raises(CatalogueError, match=r"es\.yaml: units\.furlongs: no indicator uses"):
        load_framework("2018", root=root)


def test_untranslated_items_are_reported_and_fall_back_to_english(tmp_path):
    root = _copy(tmp_path)
    _edit(root, "fr", lambda d: [d["texts"].pop(k) for k in ("R.A.1.1", "C.21")])
    fw = load_framework("2018", root=root)
    fr = fw.translation("fr")
    assert fr.missing == ("R.A.1.1", "C.21")
    assert fr.coverage()["translated"] == 508
    assert fw.text("R.A.1.1", "fr").startswith("Ratification of the main")


def test_a_translation_must_say_it_is_unofficial(tmp_path):
    root = _copy(tmp_path)
    _edit(root, "fr", lambda d: d.update(unofficial=False))
    with pytest.raises(CatalogueError, match=r"fr\.yaml: file: unofficial"):
        load_framework("2018", root=root)


def test_file_name_matches_language(tmp_path):
    root = _copy(tmp_path)
    _edit(root, "fr", lambda d: d.update(language="es"))
    with pytest.raises(CatalogueError, match=r"fr\.yaml: language: says 'es'"):
        load_framework("2018", root=root)


def test_cli_reports_coverage():
    runner = CliRunner()
    result = runner.invoke(app, ["framework", "--lang", "fr", "--json"])
    assert result.exit_code == 0, result.output
    coverage = json.loads(result.output)["translation"]
    assert coverage["language"] == "fr" and coverage["texts"] == 510
    assert coverage["translated"] == 510 and coverage["unofficial"] is True
    assert coverage["messages"]["translated"] == coverage["messages"]["messages"] > 130
    text = runner.invoke(app, ["framework", "--lang", "fr"]).output
    assert "Translation fr: 510 of 510 texts (100.0%)" in text
    bad = runner.invoke(app, ["framework", "--lang", "xx"])
    assert bad.exit_code == 1 and "no translation into 'xx'" in bad.output


@pytest.mark.parametrize("lang", ["fr", "es", "ar"])
def test_every_language_is_complete(fw, lang):
    coverage = fw.translation(lang).coverage()
    assert (coverage["translated"], coverage["untranslated"]) == (510, 0)
    assert coverage["units_untranslated"] == 0


def test_arabic_reads_right_to_left(fw):
    ar = fw.translation("ar")
    assert ar.rtl and ar.direction == "rtl"
    assert fw.level_label("yes_partly_no", 0, "ar") == "نعم"
    assert "المجلس الاستشاري لأصحاب المصلحة المتعددين" in fw.text(
        "scale.evidence_rubric.description", "ar"
    )
