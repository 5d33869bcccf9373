"""Answers to choice questions: on the indicator's scale, in the right column."""

from __future__ import annotations

from typing import Any

from roam.errors import IssueKind, ValidationReport, register_issues
from roam.questionnaire.rules.base import Record, RowContext, flag

ISSUES = register_issues(
    IssueKind(
        "answer_not_on_scale",
        "error",
        "'{value}' is not an answer on this indicator's scale; expected one of: {expected}.",
        "Pick the answer from the cell's dropdown list.",
    ),
    IssueKind(
        "answer_in_value_column",
        "warning",
        "This indicator takes a number in the Value column; the Answer '{value}' was used as the "
        "value.",
        "Move the number to the Value column.",
    ),
)


def _not_on_scale(row: Record, ctx: RowContext) -> dict[str, Any]:
    from roam.i18n import current_language

    labels: list[str] = []
    if ctx.framework:  # in the workbook's language: its dropdowns offer these labels
        scale = ctx.framework.scales[row["scale"]]
        lang = current_language()
        labels = [ctx.framework.level_label(scale.id, i, lang) for i in range(len(scale.labels))]
    return {"value": row["answer_raw"], "expected": "; ".join(labels)}


ROW_CHECKS = (flag("answer_on_scale", "answer_not_on_scale", "answer", "answer_ok", _not_on_scale),)


def check_row(row: Record, report: ValidationReport) -> None:
    """A number typed in the Answer column of a numeric indicator was used as its value."""
    if row["answer_as_value"]:
        report.add(
            "answer_in_value_column",
            sheet=row["sheet"],
            cell=row["cells"]["answer"],
            indicator=row["indicator_id"],
            value=row["value_raw"],
        )
