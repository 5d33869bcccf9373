"""Answers to choice questions: on the indicator's scale, in the right column."""

from __future__ import annotations

from roam.errors import IssueKind, register_issues

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
