"""The Assessment sheet: country, year, indicator set and the fictional-data flag."""

from __future__ import annotations

from roam.errors import IssueKind, register_issues

ISSUES = register_issues(
    IssueKind(
        "missing_field",
        "error",
        "'{field}' is empty; it is required.",
        "Fill in the field on the Assessment sheet.",
    ),
    IssueKind(
        "unknown_country",
        "error",
        "'{value}' is not an ISO 3166 country code or name (user-assigned codes XA to XZ are "
        "allowed for training data).",
        "Use an ISO 3166 code such as KE or DE (XA to XZ for training).",
    ),
    IssueKind(
        "country_name_mismatch",
        "warning",
        "The country '{name}' does not match ISO code {code} ({official}); the ISO code is used.",
        "Check the country name and the ISO code agree.",
    ),
    IssueKind(
        "bad_year",
        "error",
        "'{value}' is not a year between {low} and {high}.",
        "Type a four-digit year.",
    ),
    IssueKind(
        "bad_indicator_set",
        "error",
        "'{value}' is not an indicator set; expected core or full.",
        "Write core or full.",
    ),
    IssueKind(
        "bad_flag",
        "error",
        "'{value}' is not Yes or No.",
        "Write Yes or No.",
    ),
)
