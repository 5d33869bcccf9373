"""Indicators of the assessed set that have no row at all."""

from __future__ import annotations

from roam.errors import IssueKind, register_issues

ISSUES = register_issues(
    IssueKind(
        "missing_indicator",
        "warning",
        "Indicator {indicator} of the {indicator_set} set has no row; it counts as unanswered.",
        "Restore the row from the template if it was deleted.",
    ),
)
