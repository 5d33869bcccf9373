"""Formula cells: a formula whose value was never calculated reads as empty, so it is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from roam.errors import IssueKind, ValidationReport, register_issues

if TYPE_CHECKING:
    from roam.questionnaire.read import RawSheet
    from roam.questionnaire.rows import Cells

ISSUES = register_issues(
    IssueKind(
        "formula_no_value",
        "error",
        "This cell holds a formula with no calculated value ({formula}). A cell that starts "
        "with '=' is read as a formula: for text, remove the '=' or start the text with an "
        "apostrophe ('); for a calculation, type its result instead.",
        "For text, delete the leading '=' or type an apostrophe before it; "
        "for a calculation, type its result.",
    ),
)


FORMULA_FIELDS = ("answer", "value", "data_year", "status", "source", "evidence")


def check_row(sheet: RawSheet, cells: Cells, indicator: str, report: ValidationReport) -> bool:
    """Report every input cell of the row that holds a formula without a value; True if any."""
    found = False
    for key in FORMULA_FIELDS:
        ref = cells.get(key)
        if ref and ref in sheet.formulas:
            found = True
            report.add(
                "formula_no_value",
                sheet=sheet.name,
                cell=ref,
                indicator=indicator or None,
                value=sheet.formulas[ref],
                formula=sheet.formulas[ref],
            )
    return found
