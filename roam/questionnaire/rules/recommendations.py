"""The Recommendations sheet and every other way a recommendation is entered (CLI, app): IDs,
required fields, themes, indicators, stakeholder groups, priority, status and dates. The checks
themselves are in roam/recommendations/model.py, shared by all three ways in."""

from __future__ import annotations

from roam.errors import IssueKind, register_issues

ISSUES = register_issues(
    IssueKind(
        "rec_missing_field",
        "error",
        "'{field}' is empty; every recommendation needs it.",
        "Fill in the cell; remove the row if the recommendation is not meant.",
    ),
    IssueKind(
        "rec_bad_id",
        "error",
        "'{value}' is not a usable recommendation ID; use up to 32 letters, digits, '.', '-' "
        "or '_' (for example R1 or REC-2).",
        "Give each recommendation a short ID such as R1, R2, ...",
    ),
    IssueKind(
        "rec_duplicate_id",
        "error",
        "Recommendation ID {value} appears more than once (also in {other}).",
        "Give each recommendation its own ID.",
    ),
    IssueKind(
        "rec_unknown_theme",
        "error",
        "'{value}' is not a theme of framework {version}; expected theme IDs such as {example}.",
        "Write theme IDs from the category sheets, separated by commas.",
    ),
    IssueKind(
        "rec_unknown_indicator",
        "error",
        "'{value}' is not an indicator of framework {version}.",
        "Write indicator IDs from the category sheets, separated by commas.",
    ),
    IssueKind(
        "rec_unknown_group",
        "error",
        "'{value}' is not a stakeholder group; expected one of: {expected}.",
        "Pick stakeholder groups from the MAB sheet's list, separated by commas.",
    ),
    IssueKind(
        "rec_bad_priority",
        "error",
        "'{value}' is not a priority; expected one of: {expected}.",
        "Pick the priority from the cell's dropdown list.",
    ),
    IssueKind(
        "rec_bad_status",
        "error",
        "'{value}' is not a status; expected one of: {expected}.",
        "Pick the status from the cell's dropdown list.",
    ),
    IssueKind(
        "rec_bad_date",
        "error",
        "'{value}' is not a date; write it as YYYY-MM-DD.",
        "Type the date as 2027-06-30, or use a date cell.",
    ),
    IssueKind(
        "rec_future_date",
        "error",
        "A status update cannot be dated {value}, after today ({today}).",
        "Date the update on the day the status was observed.",
    ),
    IssueKind(
        "rec_unlinked",
        "warning",
        "Recommendation {value} names no theme or indicator, so its progress cannot be followed "
        "in the scores.",
        "Name the themes or indicators the recommendation responds to.",
    ),
)
