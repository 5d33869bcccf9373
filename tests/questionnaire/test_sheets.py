"""Sheet names in every language: what a template calls its sheets, and a reader that finds them
whatever language (or mix of languages) a workbook's sheets and metadata are in."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pydantic import ValidationError

from roam.framework import load_framework
from roam.i18n import language
from roam.questionnaire import AssessmentMeta, check_questionnaire, read_questionnaire
from roam.questionnaire import layout as L
from roam.questionnaire.sheets import candidates, find_sheets, roles, sheet_name
from roam.questionnaire.template import write_questionnaire
from roam.questionnaire.vocab import VocabularyTranslation, check_sheet_name, vocabulary
from tests.helpers import edit_xlsx, row_of

REPO = Path(__file__).resolve().parents[2]
FW = load_framework("2018")
SAMPLE = REPO / "sample_data" / "XC_Calvaria_core.xlsx"
NAMES = {
    "en": ["Instructions", "Assessment", "R", "O", "A", "M", "X", "Contextual", "MAB", "Lists"],
    "fr": ["Instructions", "Évaluation", "R", "O", "A", "M", "X", "Contexte", "MAB", "Listes"],
    "es": ["Instrucciones", "Evaluación", "R", "O", "A", "M", "X", "Contexto", "MAB", "Listas"],
    "ar": ["التعليمات", "التقييم", "R", "O", "A", "M", "X", "السياق", "MAB", "القوائم"],
}
RECOMMENDATIONS = {
    "en": "Recommendations",
    "fr": "Recommandations",
    "es": "Recomendaciones",
    "ar": "التوصيات",
}
COLS = ["indicator_id", "category", "row", "status", "answer", "value", "data_year", "source"]


@pytest.fixture(scope="module")
def english():
    return read_questionnaire(SAMPLE)


@pytest.fixture(scope="module")
def filled(english):
    """The English sample written again in each language's template (bytes by language)."""
    return {
        lang: write_questionnaire(FW, english.meta, english.responses, english.mab, lang=lang)
        for lang in ("fr", "es", "ar")
    }


def _meta_without_language(wb) -> None:
    ws = wb[L.META]
    for row in range(ws.max_row, 0, -1):
        if ws.cell(row, 1).value == L.LANGUAGE_KEY:
            ws.delete_rows(row)


def _blank() -> AssessmentMeta:
    return AssessmentMeta(country="", iso_code="", framework="2018", indicator_set="core")


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_a_template_names_its_sheets_in_its_language(lang):
    wb = openpyxl.load_workbook(io.BytesIO(write_questionnaire(FW, _blank(), lang=lang)))
    assert wb.sheetnames == [*NAMES[lang], RECOMMENDATIONS[lang], L.META]
    assert [sheet_name(role, lang) for role in roles()] == NAMES[lang]


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_every_sheet_name_is_one_excel_accepts_and_names_one_sheet(lang):
    names = [sheet_name(role, lang) for role in roles()]
    assert all(check_sheet_name(n) == n for n in names)
    assert len({n.casefold() for n in names}) == len(names), "Excel names are case-insensitive"
    owners: dict[str, str] = {}
    for role in roles():  # no name of one sheet, in any language, is another sheet's name
        for name in candidates(role):
            assert owners.setdefault(name.casefold(), role) == role, name


@pytest.mark.parametrize(
    "bad", ["", "x" * 32, "R/O", "Lists:1", "[A]", "'quoted'", "a*b", "a?b", "History"]
)
def test_a_name_excel_refuses_is_refused(bad):
    with pytest.raises(ValueError, match="sheet name"):
        check_sheet_name(bad)


def test_a_translation_with_a_bad_sheet_name_does_not_load():
    base = {"language": "fr", "name": "Français", "unofficial": True}
    with pytest.raises(ValidationError, match="characters Excel refuses"):
        VocabularyTranslation.model_validate({**base, "category_sheets": {"C": "Contexte?"}})
    ok = VocabularyTranslation.model_validate({**base, "category_sheets": {"C": "Contexte"}})
    assert ok.category_sheets == {"C": "Contexte"}
    assert vocabulary().category_sheet("C", "fr") == "Contexte"
    assert vocabulary().category_sheet("R", "ar") == "R"  # the ROAM-X letters stay


def test_sheets_are_found_in_any_language_and_any_case():
    found = find_sheets(["التقييم", "r", "O", "A", "M", "X", "contexte", "MAB", "Listas", "Notes"])
    assert found == {
        L.ASSESSMENT: "التقييم",
        "R": "r",
        "O": "O",
        "A": "A",
        "M": "M",
        "X": "X",
        "Contextual": "contexte",
        L.MAB: "MAB",
        L.LISTS: "Listas",
    }
    # a sheet present in English and in French: the English one is read
    assert find_sheets(["Évaluation", "Assessment"])[L.ASSESSMENT] == "Assessment"


@pytest.mark.parametrize("lang", ["fr", "es", "ar"])
def test_a_template_in_a_language_reads_back_to_the_english_responses(english, filled, lang):
    ours = read_questionnaire(filled[lang], filename=f"XC_{lang}.xlsx")
    pd.testing.assert_frame_equal(ours.responses[COLS], english.responses[COLS])
    pd.testing.assert_frame_equal(ours.mab, english.mab)
    # every location names the sheet as the user's workbook does
    sheets = dict(zip(ours.responses["indicator_id"], ours.responses["sheet"], strict=True))
    assert sheets["C.1"] == NAMES[lang][7] and sheets["R.A.1.2"] == "R"


def test_english_sheet_names_with_french_recorded_language_read(english):
    def record_french(wb) -> None:
        wb[L.META].append([L.LANGUAGE_KEY, "fr"])

    assessment, report = check_questionnaire(edit_xlsx(SAMPLE.read_bytes(), record_french))
    assert report.language == "fr" and report.valid
    assert not {i.code for i in report.issues} - {"missing_indicator"}
    pd.testing.assert_frame_equal(assessment.responses[COLS], english.responses[COLS])
    assert set(assessment.responses["sheet"]) == {"R", "O", "A", "M", "X", "Contextual"}


def test_french_sheet_names_with_no_recorded_language_read(english, filled):
    assessment, report = check_questionnaire(edit_xlsx(filled["fr"], _meta_without_language))
    assert report.language is None and report.valid
    pd.testing.assert_frame_equal(assessment.responses[COLS], english.responses[COLS])


def test_spanish_sheet_names_in_a_workbook_recorded_as_arabic_read(english, filled):
    def record_arabic(wb) -> None:
        _meta_without_language(wb)
        wb[L.META].append([L.LANGUAGE_KEY, "ar"])

    assessment, report = check_questionnaire(edit_xlsx(filled["es"], record_arabic))
    assert report.language == "ar" and report.valid
    pd.testing.assert_frame_equal(assessment.responses[COLS], english.responses[COLS])


def test_a_missing_sheet_in_a_french_workbook_is_named_in_french(filled):
    def rename(wb) -> None:
        wb["Contexte"].title = "Contexte (2)"

    _, report = check_questionnaire(edit_xlsx(filled["fr"], rename))
    missing = next(i for i in report.errors if i.code == "missing_sheet")
    assert missing.sheet == "Contexte"
    assert missing.text("fr") == (
        "La feuille « Contexte » manque. Feuilles trouvées : Instructions, Évaluation, R, O, A, "
        "M, X, Contexte (2), MAB, Listes, Recommandations, _roam. Recommencez à partir d'un "
        "modèle roam."
    )
    copy = next(i for i in report.warnings if i.code == "copied_sheet")
    assert (copy.sheet, copy.params["original"]) == ("Contexte (2)", "Contexte")
    assert report.language == "fr"  # known although reading stopped: messages follow it


def test_the_cli_tells_a_missing_sheet_in_the_workbooks_language(filled, tmp_path):
    from typer.testing import CliRunner

    from roam.cli import app

    path = tmp_path / "sn_fr.xlsx"
    path.write_bytes(edit_xlsx(filled["fr"], lambda wb: setattr(wb["Contexte"], "title", "Ctx")))
    with language("en"):  # the CLI switches to the workbook's language; restored after
        result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "ERREUR Contexte: La feuille « Contexte » manque." in result.output


def test_a_missing_sheet_is_named_in_the_readers_language_when_none_is_recorded(filled):
    def drop(wb) -> None:
        _meta_without_language(wb)
        del wb["Évaluation"]

    data = edit_xlsx(filled["fr"], drop)
    with language("es"):
        _, report = check_questionnaire(data)
    missing = next(i for i in report.errors if i.code == "missing_sheet")
    assert missing.sheet == "Evaluación"
    assert missing.text("es").startswith("Falta la hoja «Evaluación». Hojas encontradas: ")
    with language("en"):
        _, report = check_questionnaire(data)
    assert next(i for i in report.errors if i.code == "missing_sheet").sheet == "Assessment"


def test_issues_on_a_french_workbook_are_located_on_its_own_sheets(filled):
    def damage(wb) -> None:
        wb["Évaluation"]["B3"] = "QQ"  # no such country
        ws = wb["Contexte"]
        ws.delete_rows(row_of(ws, "C.2"))  # an indicator without a row

    _, report = check_questionnaire(edit_xlsx(filled["fr"], damage))
    country = next(i for i in report.errors if i.code == "unknown_country")
    assert (country.sheet, country.cell) == ("Évaluation", "B3")
    assert "QQ" in country.text("fr")
    gap = next(i for i in report.issues if i.code == "missing_indicator")
    assert (gap.sheet, gap.indicator) == ("Contexte", "C.2")


def test_an_indicator_on_the_wrong_sheet_names_the_right_one_as_the_workbook_does(filled):
    def move(wb) -> None:
        ws = wb["R"]
        ws.cell(row_of(ws, "R.A.1.2"), 1).value = "C.1"

    _, report = check_questionnaire(edit_xlsx(filled["ar"], move))
    wrong = next(i for i in report.errors if i.code == "sheet_wrong_category")
    assert wrong.sheet == "R" and wrong.params["expected_sheet"] == "السياق"


REF = re.compile(r"^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$")


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_every_dropdown_reads_its_list_from_the_renamed_lists_sheet(lang):
    wb = openpyxl.load_workbook(io.BytesIO(write_questionnaire(FW, _blank(), lang=lang)))
    lists_name = NAMES[lang][-1]
    seen = {}
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            if dv.type != "list" or not dv.formula1.startswith("'"):
                continue
            match = REF.match(dv.formula1)
            assert match, dv.formula1
            sheet, col, first, col2, last = match.groups()
            assert sheet.replace("''", "'") == lists_name and col == col2
            values = [wb[lists_name][f"{col}{r}"].value for r in range(int(first), int(last) + 1)]
            assert all(values), dv.formula1
            seen[wb[lists_name][f"{col}1"].value] = values
    vocab = vocabulary()
    assert seen["status"] == vocab.labels("statuses", lang)
    assert seen["stakeholder_group"] == vocab.labels("stakeholder_groups", lang)
    levels = [FW.level_label("yes_partly_no", i, lang) for i in range(3)]
    assert seen["scale_yes_partly_no"] == levels


@pytest.mark.parametrize("lang", ["fr", "es", "ar"])
def test_a_category_sheet_reads_like_its_category_elsewhere(lang):
    """A sheet named after its category (Contextual) is named as the catalogue translates the
    category; a sheet named by its ROAM-X letter keeps the letter in every language."""
    for code, english in vocabulary().category_sheets.items():
        translated = vocabulary().category_sheet(code, lang)
        if english == FW.text(f"vocab.{code}"):
            assert translated == FW.text(f"vocab.{code}", lang)
        else:
            assert english == code and translated == code


@pytest.mark.parametrize(
    ("original", "copy_name"),
    [("Contexte", "Contexte (2)"), ("Contexte", "Copie de Contexte"), ("R", "نسخة من R")],
)
def test_a_copy_named_in_another_language_is_flagged(filled, original, copy_name):
    def copy(wb) -> None:
        wb.copy_worksheet(wb[original]).title = copy_name

    assessment, report = check_questionnaire(edit_xlsx(filled["fr"], copy))
    assert assessment is not None and report.valid  # the original sheet is still read
    found = [i for i in report.issues if i.code == "copied_sheet"]
    assert [(i.sheet, i.params["original"], i.severity) for i in found] == [
        (copy_name, original, "warning")
    ]
