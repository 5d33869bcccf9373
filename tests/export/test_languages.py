"""Exports in a language (issue 17): the results workbook, comparison workbook, draft report and
methodology read in French, Spanish or Arabic, catalogue texts come from indicators/2018/i18n,
the package records its language, and every number is the same whatever the language."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from roam.cli import app

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_data" / "XA_Aurelia_full.xlsx"
OTHER = REPO / "sample_data" / "XB_Borealis_full.xlsx"
FR = yaml.safe_load((REPO / "indicators" / "2018" / "i18n" / "fr.yaml").read_text())["texts"]
runner = CliRunner()


def _package(tmp_path: Path, lang: str) -> dict[str, bytes]:
    out = tmp_path / f"xa_{lang}.zip"
    args = ["package", str(SAMPLE), "-o", str(out), "--draws", "60", "--seed", "4"]
    result = runner.invoke(app, [*args, "--lang", lang])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        return {n.split("/", 1)[1]: archive.read(n) for n in archive.namelist()}


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    folder = tmp_path_factory.mktemp("languages")
    return {lang: _package(folder, lang) for lang in ("en", "fr", "ar")}


def _numbers(book_bytes: bytes) -> list[tuple[int, int, int, float]]:
    """Every number in the workbook, by sheet position, row and column."""
    book = openpyxl.load_workbook(io.BytesIO(book_bytes), read_only=True)
    out = []
    for s, ws in enumerate(book.worksheets):
        for r, row in enumerate(ws.iter_rows(values_only=True)):
            out += [(s, r, c, v) for c, v in enumerate(row) if isinstance(v, int | float)]
    return out


def _results(files: dict[str, bytes]) -> bytes:
    return next(v for k, v in files.items() if k.endswith("_results.xlsx"))


def test_the_same_package_in_english_and_french_has_identical_numbers(packages):
    en, fr = (json.loads(packages[lang]["data/assessment.json"]) for lang in ("en", "fr"))
    assert en["scores"] == fr["scores"] and en["indicators"] == fr["indicators"]
    assert en["run"] == fr["run"]
    numbers = _numbers(_results(packages["en"]))
    assert len(numbers) > 1000
    assert _numbers(_results(packages["fr"])) == numbers == _numbers(_results(packages["ar"]))


def test_the_package_records_its_language(packages):
    for lang in ("en", "fr", "ar"):
        assert json.loads(packages[lang]["data/assessment.json"])["language"] == lang
        assert json.loads(packages[lang]["manifest.json"])["language"] == lang


def test_the_french_results_workbook_is_french(packages):
    book = openpyxl.load_workbook(io.BytesIO(_results(packages["fr"])), read_only=True)
    assert book.sheetnames[:3] == ["Synthèse", "Thèmes", "Questions"]
    assert "Méthode" in book.sheetnames and "Lacunes de données" in book.sheetnames
    themes = list(book["Thèmes"].iter_rows(values_only=True))
    assert themes[0][:4] == ("Catégorie", "Thème", "Nom", "Score")
    names = {row[1]: row[2] for row in themes[1:]}
    assert names["R.A"] == FR["R.A"]  # catalogue text from indicators/2018/i18n/fr.yaml
    summary = [c for row in book["Synthèse"].iter_rows(values_only=True) for c in row if c]
    assert "Année de l'évaluation" in summary and "indice ROAM" in summary
    assert any("intervalle à 90 %" in str(c) or "Bas (5 %)" in str(c) for c in summary)
    # band names are data words (scoring.yaml) and are written in the file's language too
    written = {str(c) for row in book["Thèmes"].iter_rows(values_only=True) for c in row if c}
    assert written & {"Avancé", "Établi", "En développement", "Émergent"}
    assert not written & {"Advanced", "Established", "Developing", "Emerging"}


def test_the_french_methodology_and_report(packages):
    note = packages["fr"]["methodology.md"].decode()
    assert note.startswith("# Note méthodologique : Aurelia (XA), 2025")
    assert "## Reproduire ces nombres" in note and "--seed 4 --draws 60" in note
    report = next(v for k, v in packages["fr"].items() if k.endswith("_draft_report.html"))
    html = report.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert "Résumé analytique" in html and FR["R.A"] in html
    assert "Traduction non officielle" in html  # the catalogue translation says what it is


def test_the_arabic_report_is_right_to_left_with_an_arabic_font(packages):
    report = next(v for k, v in packages["ar"].items() if k.endswith("_draft_report.html"))
    html = report.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "DejaVu Sans" in html and "الملخص التنفيذي" in html


def test_a_french_package_reproduces(packages, tmp_path):
    out = tmp_path / "fr.zip"
    out.write_bytes(_rezip(packages["fr"]))
    result = runner.invoke(app, ["reproduce", str(out)])
    assert result.exit_code == 0, result.output


def _rezip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(f"XA_2025_submission/{name}", data)
    return buffer.getvalue()


def test_comparison_workbook_in_spanish_has_the_english_numbers(tmp_path):
    books = {}
    for lang in ("en", "es"):
        out = tmp_path / f"{lang}.xlsx"
        args = ["compare", str(SAMPLE), str(OTHER), "-o", str(out), "--draws", "40"]
        result = runner.invoke(app, [*args, "--lang", lang])
        assert result.exit_code == 0, result.output
        books[lang] = out.read_bytes()
    assert _numbers(books["es"]) == _numbers(books["en"])
    book = openpyxl.load_workbook(io.BytesIO(books["es"]), read_only=True)
    assert book.sheetnames[:3] == ["Acerca de", "Categorías", "Perfiles"]
    first = next(book["Categorías"].iter_rows(values_only=True))
    assert first[:5] == ("Código", "País", "Categoría", "Nombre", "Puntuación")


def test_an_unknown_language_is_a_plain_error(tmp_path):
    result = runner.invoke(
        app, ["export", str(SAMPLE), "-o", str(tmp_path / "x.xlsx"), "--lang", "xx"]
    )
    assert result.exit_code == 1
    assert "unknown language 'xx'" in result.output
    assert not (tmp_path / "x.xlsx").exists()


def test_the_service_exports_take_a_language(tmp_path):
    from roam.access import LOCAL_ADMIN
    from roam.service import assessments as A
    from roam.service import connect
    from roam.service import exports as E
    from roam.store import Store

    guard = connect(LOCAL_ADMIN, Store(f"sqlite:///{tmp_path / 'roam.sqlite'}"))
    A.ingest(guard, [(SAMPLE.name, SAMPLE.read_bytes())])
    french = E.results_workbook(guard, "XA", draws=20, lang="fr")
    english = E.results_workbook(guard, "XA", draws=20)
    assert openpyxl.load_workbook(io.BytesIO(french), read_only=True).sheetnames[0] == "Synthèse"
    assert _numbers(french) == _numbers(english)
    comparison = E.comparison_workbook(guard, [("XA", None)], draws=20, lang="ar")
    assert "نبذة" in openpyxl.load_workbook(io.BytesIO(comparison), read_only=True).sheetnames[0]


def test_the_french_method_says_its_settings_in_french(packages):
    """Scoring setting words (scoring.yaml: mean, missing-data policy, coverage rule, levels,
    profile, bands) are data: the run record keeps them in English, people read them in French."""
    from roam.framework import load_framework
    from tests.helpers import english_sentence

    fw = load_framework()
    cited = " ".join(fw.manifest.source.split())
    note = packages["fr"]["methodology.md"].decode()
    book = openpyxl.load_workbook(io.BytesIO(_results(packages["fr"])), read_only=True)
    method = [str(c) for row in book["Méthode"].iter_rows(values_only=True) for c in row if c]
    report = next(v for k, v in packages["fr"].items() if k.endswith("_draft_report.html"))
    for text in (note, " ".join(method), report.decode()):
        assert "arithmétique" in text and "arithmetic" not in text
    assert "« exclure »" in note and "exclude" not in note and "thème 67" in note
    assert "indicateur -> question -> thème -> catégorie" in note
    assert "Avancé (75 ou plus)" in note
    assert "profil « par défaut »" in note
    english = [line for line in [*note.splitlines(), *method] if english_sentence(line)]
    assert [line for line in english if cited not in " ".join(line.split())] == []
    run = json.loads(packages["fr"]["data/assessment.json"])["run"]
    assert (run["aggregation"], run["missing_policy"]) == ("arithmetic", "exclude")
