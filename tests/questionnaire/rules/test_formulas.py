"""Issue messages give advice that fits what the person typed."""

from __future__ import annotations

from roam.errors import how_to_fix
from roam.questionnaire import check_questionnaire
from tests.questionnaire.test_questionnaire import INVALID


def test_formula_advice_is_for_text_too():
    _, report = check_questionnaire(INVALID / "formula_without_value.xlsx")
    message = report.issues[0].message
    assert "remove the '='" in message and "apostrophe" in message
    assert "open and save" not in message
    assert "apostrophe" in how_to_fix("formula_no_value")
