"""Numeric values: numbers, finite, within the scale's range, percentages not fractions."""

from __future__ import annotations

from roam.errors import IssueKind, register_issues

ISSUES = register_issues(
    IssueKind(
        "not_a_number",
        "error",
        "'{value}' is not a number; expected a number in {unit}.",
        "Type only the number, e.g. 45 or 45.5, without words.",
    ),
    IssueKind(
        "value_out_of_range",
        "error",
        "{value} is outside the allowed range {low} to {high} {unit}.",
        "Check the unit: percentages go from 0 to 100.",
    ),
    IssueKind(
        "percentage_as_fraction",
        "warning",
        "{value} was read as {percent:g}% (a fraction of 1); write {percent:g} if that is right.",
        "Type the percentage itself (45 for 45%) to silence this.",
    ),
)
