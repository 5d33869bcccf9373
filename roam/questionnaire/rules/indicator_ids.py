"""Indicator IDs: known to the framework, listed once, on the sheet of their category."""

from __future__ import annotations

from roam.errors import IssueKind, register_issues

ISSUES = register_issues(
    IssueKind(
        "unknown_indicator",
        "error",
        "'{value}' is not an indicator of framework {version}.",
        "Restore the indicator ID from the template (IDs must not change).",
    ),
    IssueKind(
        "duplicate_indicator",
        "error",
        "Indicator {indicator} appears more than once (also in {other}).",
        "Delete the repeated row; each indicator appears once.",
    ),
    IssueKind(
        "sheet_wrong_category",
        "error",
        "Indicator {indicator} belongs on sheet '{expected_sheet}', not here.",
        "Move the row to the sheet of its category.",
    ),
)
