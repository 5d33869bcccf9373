"""Data status: a known status, and what each status requires of the answer and source."""

from __future__ import annotations

from roam.errors import IssueKind, register_issues

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
