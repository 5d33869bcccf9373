"""Data status: a known status, and what each status requires of the answer and source."""

from __future__ import annotations

from typing import Any

from roam.errors import IssueKind, ValidationReport, register_issues
from roam.questionnaire.rules.base import Record, RowContext, flag
from roam.questionnaire.vocab import vocabulary
from roam.values import is_present

ISSUES = register_issues(
    IssueKind(
        "bad_status",
        "error",
        "'{value}' is not a data status; expected Available, Not available or Not applicable.",
        "Pick Available, Not available or Not applicable from the dropdown.",
    ),
    IssueKind(
        "available_without_answer",
        "error",
        "Data status is Available but no {needed} was given.",
        "Give the answer, or set the status to Not available.",
    ),
    IssueKind(
        "answer_with_gap_status",
        "warning",
        "An answer was given but the data status is {status}; the answer is ignored in scores.",
        "Set the status to Available, or clear the answer.",
    ),
    IssueKind(
        "no_source",
        "warning",
        "Data status is Available but no Source is given; reviewers will ask for one.",
        "Name the source (statistics office, law, report) in the Source column.",
    ),
)


def _bad_status(row: Record, ctx: RowContext) -> dict[str, Any]:
    return {"value": row["status_raw"]}


ROW_CHECKS = (flag("valid_status", "bad_status", "status", "status_ok", _bad_status),)


def check_row(row: Record, report: ValidationReport) -> None:
    """What each status asks of the row: Available needs an answer (and a source); a gap
    status makes any answer unused."""
    cells, sheet, ind = row["cells"], row["sheet"], row["indicator_id"]
    has_answer = is_present(row["answer"]) or is_present(row["value"])
    bad_input = (
        (is_present(row["answer_raw"]) and not is_present(row["answer"]))
        or not row["value_ok"]
        or row["formula"]
    )
    if row["status"] == "available" and not has_answer and not bad_input:
        needed = "Value" if row["scale_type"] == "numeric" else "Answer"
        column = "value" if row["scale_type"] == "numeric" else "answer"
        report.add(
            "available_without_answer",
            sheet=sheet,
            cell=cells[column],
            indicator=ind,
            value="",
            needed=needed,
        )
    if has_answer and row["status"] in vocabulary().without_data:
        report.add(
            "answer_with_gap_status",
            sheet=sheet,
            cell=cells["status"],
            indicator=ind,
            value=row["status_raw"],
            status=row["status_raw"],
        )
    if (
        row["status"] == "available"
        and has_answer
        and not is_present(row["source"])
        and ("source" in cells)
    ):
        report.add("no_source", sheet=sheet, cell=cells["source"], indicator=ind, value="")
