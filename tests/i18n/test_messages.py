"""Messages in the user's language: every message of the code has a translation in every
catalogue (the test fails when one lacks it), placeholders survive, issues and CLI follow --lang
or the workbook's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from roam.cli import app
from roam.errors import catalogue, make_issue
from roam.framework import load_framework
from roam.i18n import LOCALE_DIR, gettext, languages, po_path
from roam.questionnaire import check_questionnaire, read_questionnaire
from roam.questionnaire.template import write_questionnaire
from tests.helpers import edit_xlsx

REPO = Path(__file__).resolve().parents[2]
LANGS = ("fr", "es", "ar")
FIELD = re.compile(r"\{[^{}]*\}")


def _extracted() -> set[str]:
    """The messages in the code now, found the way `pybabel extract -F babel.cfg` finds them."""
    with (REPO / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = extract_from_dir(
        REPO / "roam", method_map, options_map, keywords={"_": None, "N_": None, "gettext": None}
    )
    return {message for _file, _line, message, _comments, _context in found if message}


@pytest.fixture(scope="module")
def extracted() -> set[str]:
    return _extracted()


def untranslated(catalog, messages: set[str]) -> list[str]:
    return sorted(
        m for m in messages if not catalog.get(m) or not catalog[m].string or catalog[m].fuzzy
    )


def test_languages():
    assert languages() == ("en", "ar", "es", "fr")


def test_the_issue_catalogue_is_extracted(extracted):
    assert {kind.template for kind in catalogue().values()} <= extracted
    assert {kind.fix for kind in catalogue().values() if kind.fix} <= extracted
    assert "Pick an answer from the list." in extracted  # a template message
    assert len(extracted) > 130


def test_the_pot_file_is_current(extracted):
    pot = read_po((LOCALE_DIR / "roam.pot").open("rb"))
    assert {m.id for m in pot if m.id} == extracted, "run pybabel extract (see babel.cfg)"


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(extracted, lang):
    catalog = read_po(po_path(lang).open("rb"), locale=lang)
    assert untranslated(catalog, extracted) == []


def test_a_missing_translation_is_caught(tmp_path, extracted):
    catalog = read_po(po_path("fr").open("rb"), locale="fr")
    catalog.delete("Pick an answer from the list.")
    assert untranslated(catalog, extracted) == ["Pick an answer from the list."]


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_survive_translation(lang):
    catalog = read_po(po_path(lang).open("rb"), locale=lang)
    for message in catalog:
        if message.id and message.string:
            assert sorted(FIELD.findall(message.string)) == sorted(FIELD.findall(message.id)), (
                lang,
                message.id,
            )


def test_an_issue_reads_in_every_language():
    issue = make_issue(
        "answer_not_on_scale", sheet="R", cell="F3", value="Peut-être", expected="Oui, Non"
    )
    assert issue.text("en") == issue.message
    assert issue.text("fr") == (
        "« Peut-être » n'est pas une réponse de l'échelle de cet indicateur ; attendu l'une de : "
        "Oui, Non."
    )
    assert issue.text("es").startswith("«Peut-être» no es una respuesta")
    assert issue.text("ar").startswith("«Peut-être» ليست إجابة")
    assert issue.fix("fr") == "Choisissez la réponse dans la liste déroulante de la cellule."
    assert gettext("Write Yes or No.", "es") == "Escriba Sí o No."


def _french_with_a_mistake() -> bytes:
    fw = load_framework("2018")
    english = read_questionnaire(REPO / "sample_data" / "XC_Calvaria_core.xlsx")
    data = write_questionnaire(fw, english.meta, english.responses, english.mab, lang="fr")

    def wrong(wb) -> None:
        ws = wb["R"]
        header = [c.value for c in ws[1]]
        ws.cell(2, header.index("Réponse") + 1).value = "Peut-être"

    return edit_xlsx(data, wrong)


def test_french_workbook_reports_in_french():
    _assessment, report = check_questionnaire(_french_with_a_mistake(), filename="SN.xlsx")
    assert report.language == "fr" and not report.valid
    issue = report.errors[0]
    assert issue.code == "answer_not_on_scale" and issue.cell == "F2"
    assert "n'est pas une réponse" in issue.text("fr")
    assert "0 - Aucune preuve; 1 - Limitée" in issue.text("fr")


def test_cli_validate_follows_the_workbook_then_lang(tmp_path):
    path = tmp_path / "SN.xlsx"
    path.write_bytes(_french_with_a_mistake())
    runner = CliRunner()
    french = runner.invoke(app, ["validate", str(path)])
    assert french.exit_code == 1
    assert "n'est pas une réponse de l'échelle" in french.output
    assert "NON utilisable" in french.output and "erreurs" in french.output
    spanish = runner.invoke(app, ["validate", str(path), "--lang", "es"])
    assert (
        "no es una respuesta de la escala" in spanish.output and "NO utilizable" in spanish.output
    )
    english = runner.invoke(app, ["validate", str(path), "--lang", "en"])
    assert "is not an answer on this indicator's scale" in english.output
    as_json = runner.invoke(app, ["validate", str(path), "--json"])
    assert "n'est pas une réponse" in as_json.output
