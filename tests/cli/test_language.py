"""The command line in the user's language (issue 17): a global --lang (and ROAM_LANG) that every
command's messages and errors follow, and a workbook's own language for its problems when no
language is asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from roam.cli import app
from roam.questionnaire import check_questionnaire
from tests.helpers import edit_xlsx

REPO = Path(__file__).resolve().parents[2]
FRENCH = REPO / "sample_data" / "languages" / "XC_Calvaria_core_fr.xlsx"
ARABIC = REPO / "sample_data" / "languages" / "XC_Calvaria_core_ar.xlsx"


@pytest.fixture
def store_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ROAM_DATABASE_URL", raising=False)
    monkeypatch.delenv("ROAM_LANG", raising=False)
    return tmp_path


def roam(*args: object, env: dict[str, str] | None = None):
    return CliRunner(env=env).invoke(app, [str(a) for a in args])


def _wrong(path: Path, answer_header: str, tmp_path: Path) -> Path:
    def wrong(wb) -> None:
        ws = wb["R"]
        header = [c.value for c in ws[1]]
        ws.cell(2, header.index(answer_header) + 1).value = "Peut-être"

    out = tmp_path / path.name.replace(".xlsx", "_wrong.xlsx")
    out.write_bytes(edit_xlsx(path.read_bytes(), wrong))
    return out


def test_a_global_lang_is_followed_by_every_command(store_dir):
    english = roam("list")
    assert english.exit_code == 0
    assert "The store is empty" in english.output
    french = roam("--lang", "fr", "list")
    assert french.output.strip() == (
        "La base est vide ; ajoutez des questionnaires avec `roam ingest FICHIER.xlsx`."
    )
    arabic = roam("--lang", "ar", "framework")
    assert "المؤكَّد من مصادر منشورة" in arabic.output
    spanish = roam("--lang", "es", "users", "list")
    assert "Todavía no hay usuarios" in spanish.output


def test_roam_lang_sets_it_and_lang_wins(store_dir):
    assert "Todavía no hay usuarios" in roam("users", "list", env={"ROAM_LANG": "es"}).output
    both = roam("--lang", "fr", "users", "list", env={"ROAM_LANG": "es"})
    assert "Pas encore d'utilisateurs" in both.output


def test_errors_are_in_the_language(store_dir):
    refused = roam("--lang", "fr", "publish", "--draws", "-1", "-o", store_dir / "out")
    assert refused.exit_code == 1
    assert refused.output.strip() == "Erreur : --draws doit valoir 0 ou plus, pas -1"
    arabic = roam("--lang", "ar", "ingest", store_dir / "missing.xlsx")
    assert arabic.exit_code == 1
    assert "خطأ: الملف غير موجود" in arabic.output
    unknown = roam("--lang", "xx", "list")
    assert unknown.exit_code == 1
    assert "unknown language 'xx' (available: en, ar, es, fr)" in unknown.output


def test_a_workbook_speaks_its_own_language_unless_one_is_asked_for(store_dir):
    wrong = _wrong(FRENCH, "Réponse", store_dir)
    _assessment, report = check_questionnaire(wrong.read_bytes(), filename=wrong.name)
    issue = report.errors[0]
    # validate: the workbook's French, or --lang / ROAM_LANG
    assert issue.text("fr") in roam("validate", wrong).output
    assert issue.text("es") in roam("--lang", "es", "validate", wrong).output
    assert issue.text("en") in roam("validate", wrong, env={"ROAM_LANG": "en"}).output
    # score reads the workbook and stops on it: its error in French
    score = roam("score", wrong)
    assert score.exit_code == 1
    assert score.output.startswith(f"Erreur : {wrong.name} n'est pas utilisable:\n  ERREUR R!F2")
    assert issue.text("fr") in score.output
    assert issue.text("ar") in roam("--lang", "ar", "score", wrong).output
    # ingest: each failed workbook's problems in its own language, nothing stored
    ingest = roam("ingest", wrong)
    assert ingest.exit_code == 1
    assert f"{wrong.name} : NON utilisable : 1 erreurs" in ingest.output
    assert issue.text("fr") in ingest.output
    assert "The store is empty" in roam("list").output


def test_commands_report_in_the_language(store_dir, tmp_path):
    stored = roam("--lang", "fr", "ingest", ARABIC)
    assert stored.exit_code == 0, stored.output
    assert "-> version 1, brouillon" in stored.output
    assert "1 fichier(s) enregistré(s) dans" in stored.output
    status = roam("--lang", "es", "status", "XC", "2025")
    assert "XC 2025 (2018 básico): borrador, última versión 1" in status.output
    history = roam("--lang", "ar", "history", "XC")
    assert "تغييرات الحالة:" in history.output
    scores = roam("--lang", "fr", "score", "XC", "--draws", "0")
    assert scores.exit_code == 0, scores.output
    assert "l'UNESCO ne classe pas les pays" in scores.output
    assert "indice ROAM" in scores.output and "R Droits" in scores.output
    template = roam(
        "--lang", "es", "template", "--country", "SN", "--set", "core", "-o", tmp_path / "sn.xlsx"
    )
    assert template.exit_code == 0, template.output
    assert "Senegal (SN)" in template.output
    _nothing, report = check_questionnaire((tmp_path / "sn.xlsx").read_bytes(), filename="sn.xlsx")
    assert report.language == "es"  # the global --lang also chose the template's language
