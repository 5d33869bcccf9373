"""Indicator IDs: known to the framework, listed once, on the sheet of their category."""

from __future__ import annotations

from typing import Any

from roam.errors import IssueKind, ValidationReport, register_issues
from roam.framework import Framework
from roam.questionnaire.rules.base import Record, RowCheck, RowContext, flag, repeated

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


def _unknown(row: Record, ctx: RowContext) -> dict[str, Any]:
    version = ctx.framework.version if ctx.framework else ""
    return {"indicator": None, "value": row["indicator_id"], "version": version}


def _duplicate(row: Record, ctx: RowContext) -> dict[str, Any]:
    first = ctx.records[(ctx.first_seen or {})[row["indicator_id"]]]
    return {
        "value": row["indicator_id"],
        "other": f"{first['sheet']}!{first['cells']['indicator_id']}",
    }


ROW_CHECKS = (
    flag("known_indicator", "unknown_indicator", "indicator_id", "known", _unknown),
    RowCheck(
        "unique_indicator",
        "duplicate_indicator",
        "indicator_id",
        None,
        lambda ctx: lambda cols: ~cols["known"] | ~repeated(cols["indicator_id"]),
        _duplicate,
    ),
)


def check_row(
    row: Record, framework: Framework, sheet_of: dict[str, str], report: ValidationReport
) -> None:
    """An indicator belongs on the sheet of its category."""
    entry = framework.by_id[row["indicator_id"]]
    if entry.category != row["category"]:
        report.add(
            "sheet_wrong_category",
            sheet=row["sheet"],
            cell=row["cells"]["indicator_id"],
            indicator=row["indicator_id"],
            value=row["indicator_id"],
            expected_sheet=sheet_of[entry.category],
        )
