"""Data years: a year, not in the future, not before the earliest year roam accepts."""

from __future__ import annotations

from roam.errors import IssueKind, register_issues

ISSUES = register_issues(
    IssueKind(
        "future_year",
        "error",
        "Data year {value} is in the future (this year is {this_year}).",
        "Give the year the data refers to (not later than this year).",
    ),
    IssueKind(
        "old_year",
        "error",
        "'{value}' is not a data year between {low} and {high}.",
        "Type a four-digit year, e.g. 2024.",
    ),
)
