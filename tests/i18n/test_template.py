"""Templates in a language: every header, instruction, dropdown and note; Arabic right to left;
the language recorded; and a template filled in its language reads back to the same scores."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from typer.testing import CliRunner

from roam.analysis import analyse
from roam.cli import app
from roam.framework import load_framework
from roam.questionnaire import AssessmentMeta, check_questionnaire, read_questionnaire
from roam.questionnaire import layout as L
from roam.questionnaire.template import write_questionnaire

REPO = Path(__file__).resolve().parents[2]
FW = load_framework("2018")
SAMPLE = REPO / "sample_data" / "XC_Calvaria_core.xlsx"
META = AssessmentMeta(
    country="Sénégal", iso_code="SN", year=2025, framework="2018", indicator_set="core"
)


def _book(lang: str, **kw) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(write_questionnaire(FW, META, lang=lang, **kw)))


def _column(ws, header: str) -> list:
    headers = [c.value for c in ws[1]]
    return [row[headers.index(header)] for row in ws.iter_rows(min_row=2, values_only=True)]


def test_french_template_is_french_throughout():
    wb = _book("fr")
    ws = wb["R"]
    assert [c.value for c in ws[1]][:6] == [
        "ID de l'indicateur",
        "Question",
        "Indicateur",
        "Base",
        "Échelle",
        "Réponse",
    ]
    ids = _column(ws, "ID de l'indicateur")
    texts = dict(zip(ids, _column(ws, "Indicateur"), strict=True))
    assert texts["R.A.1.2"] == FW.text("R.A.1.2", "fr")
    assert _column(ws, "Échelle")[0] == FW.text("scale.evidence_rubric.name", "fr")
    instructions = [c.value for row in wb["Instructions"].iter_rows() for c in row if c.value]
    assert "Comment remplir" in instructions
    assert "Questionnaire national ROAM-X" in instructions
    assert any("Conseil consultatif multipartite" in str(t) for t in instructions)
    assert any("Traduction non officielle" in str(t) for t in instructions)
    lists = [c.value for row in wb["Listes"].iter_rows() for c in row if c.value]
    assert {
        "Oui",
        "Partiellement",
        "Non",
        "Disponible",
        "Sans objet",
        "Société civile",
        "Femme",
    } <= set(lists)
    assert not {"Partly", "Available", "Civil society", "Woman"} & set(lists)
    assert [c.value for c in wb[L.MAB][1]] == [
        "Nom",
        "Organisation",
        "Groupe de parties prenantes",
        "Genre",
        "Rôle",
    ]
    assert wb["Évaluation"]["A2"].value == "Pays"
    meta = {row[0]: row[1] for row in wb[L.META].iter_rows(values_only=True)}
    assert meta[L.LANGUAGE_KEY] == "fr"
    rule = next(dv for dv in ws.data_validations.dataValidation if dv.errorTitle)
    assert (rule.errorTitle, rule.error) == ("Réponse", "Choisissez une réponse dans la liste.")
    years = {dv.errorTitle: dv.error for dv in ws.data_validations.dataValidation}
    assert years["Année des données"].startswith("Saisissez l'année à laquelle les données")
    year = next(dv for dv in wb["Évaluation"].data_validations.dataValidation if dv.error)
    assert year.error.startswith("Saisissez l'année de l'évaluation")


def test_arabic_template_reads_right_to_left():
    wb = _book("ar")
    assert all(
        wb[name].sheet_view.rightToLeft
        for name in wb.sheetnames
        if name in ("التعليمات", "التقييم", "R", "السياق", L.MAB)
    )
    assert wb["R"]["A1"].value == "معرّف المؤشر"
    assert "نعم" in [c.value for row in wb["القوائم"].iter_rows() for c in row]
    assert not _book("fr")["R"].sheet_view.rightToLeft


def test_english_template_carries_no_language_row():
    wb = _book("en")
    keys = [row[0] for row in wb[L.META].iter_rows(values_only=True)]
    assert keys == list(L.META_KEYS)
    assert wb["R"]["A1"].value == "Indicator ID"


@pytest.mark.parametrize("lang", ["fr", "es", "ar"])
def test_blank_template_in_a_language_reads_back(lang):
    data = write_questionnaire(FW, META, lang=lang)
    assessment, report = check_questionnaire(data, filename=f"SN_{lang}.xlsx")
    assert report.valid and assessment is not None
    assert {i.code for i in report.issues} == {"empty_mab"}


@pytest.mark.parametrize("lang", ["fr", "es", "ar"])
def test_template_filled_in_its_language_scores_like_english(lang):
    english = read_questionnaire(SAMPLE)
    data = write_questionnaire(FW, english.meta, english.responses, english.mab, lang=lang)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    answers = set(_column(wb["R"], FW.translations[lang] and _header(lang, "Answer")))
    assert FW.level_label("yes_partly_no", 0, lang) in answers | {
        FW.level_label("evidence_rubric", i, lang) for i in range(5)
    }
    assessment = read_questionnaire(data, filename=f"XC_{lang}.xlsx")
    cols = ["indicator_id", "status", "answer", "value"]
    pd.testing.assert_frame_equal(
        assessment.responses[cols].reset_index(drop=True),
        english.responses[cols].reset_index(drop=True),
    )
    pd.testing.assert_frame_equal(assessment.mab, english.mab)
    ours, theirs = analyse([assessment], draws=0).scores, analyse([english], draws=0).scores
    pd.testing.assert_frame_equal(ours.categories, theirs.categories)


def _header(lang: str, english: str) -> str:
    from roam.i18n import gettext

    return gettext(english, lang)


def test_cli_writes_a_french_template(tmp_path):
    out = tmp_path / "sn.xlsx"
    result = CliRunner().invoke(
        app, ["template", "--country", "SN", "--set", "core", "--lang", "fr", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Sénégal (SN)" in result.output and "130 indicateurs" in result.output
    wb = openpyxl.load_workbook(out)
    assert wb["Évaluation"]["B2"].value == "Sénégal"
    bad = CliRunner().invoke(app, ["template", "--country", "SN", "--lang", "xx", "-o", str(out)])
    assert bad.exit_code == 1 and "unknown language 'xx'" in bad.output
