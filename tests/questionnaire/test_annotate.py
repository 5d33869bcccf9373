"""The marked copy: a file that cannot be marked up gives a plain, located refusal; a French or
Arabic workbook is marked on its own sheets, in the reader's language."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from roam.errors import RoamError, ValidationReport
from roam.framework import load_framework
from roam.i18n import language
from roam.questionnaire import check_questionnaire, read_questionnaire
from roam.questionnaire.annotate import FILLS, AnnotationError, annotate_workbook
from roam.questionnaire.template import write_questionnaire
from tests.helpers import edit_xlsx, row_of

FW = load_framework("2018")
SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "XC_Calvaria_core.xlsx"


def test_an_unmarkable_file_is_a_plain_roam_error_and_still_a_value_error():
    with pytest.raises(AnnotationError) as caught:
        annotate_workbook(b"PK\x03\x04 not really a zip", ValidationReport())
    assert isinstance(caught.value, RoamError) and isinstance(caught.value, ValueError)
    assert caught.value.plain() == (
        "the workbook cannot be marked up (BadZipFile); the report above still lists every problem"
    )


@pytest.fixture(scope="module")
def french_with_mistakes() -> tuple[bytes, ValidationReport]:
    """The English sample in a French template, with a bad answer and an unknown country."""
    english = read_questionnaire(SAMPLE)
    data = write_questionnaire(FW, english.meta, english.responses, english.mab, lang="fr")

    def damage(wb) -> None:
        wb["Évaluation"]["B3"] = "QQ"
        ws = wb["R"]
        ws.cell(row_of(ws, "R.A.1.2"), 6).value = "Peut-être"

    data = edit_xlsx(data, damage)
    _, report = check_questionnaire(data)
    return data, report


def test_the_marked_copy_of_a_french_workbook_marks_its_own_sheets(french_with_mistakes):
    data, report = french_with_mistakes
    with language("fr"):
        wb = openpyxl.load_workbook(io.BytesIO(annotate_workbook(data, report)))
    assert wb.sheetnames[0] == "Problèmes relevés par roam"
    assert "Évaluation" in wb.sheetnames and "roam issues" not in wb.sheetnames
    country = wb["Évaluation"]["B3"]
    assert country.fill.start_color.rgb == FILLS["error"].start_color.rgb
    assert country.comment.text.startswith("ERREUR : « QQ » n'est ni un code")
    assert "Comment corriger : Utilisez un code ISO 3166" in country.comment.text
    answer = wb["R"]["F2"]
    assert answer.comment is not None and "Peut-être" in answer.comment.text
    listed = list(wb["Problèmes relevés par roam"].iter_rows(values_only=True))
    assert listed[0][:3] == ("Gravité", "Feuille", "Cellule")
    assert ("erreur", "Évaluation", "B3") in {row[:3] for row in listed[1:]}


def test_the_marked_copy_of_an_arabic_reading_is_right_to_left(french_with_mistakes):
    data, report = french_with_mistakes
    with language("ar"):
        wb = openpyxl.load_workbook(io.BytesIO(annotate_workbook(data, report)))
    first = wb[wb.sheetnames[0]]
    assert first.title == "مشكلات رصدها roam" and first.sheet_view.rightToLeft
    assert wb["Évaluation"]["B3"].comment.text.startswith("خطأ: ")
