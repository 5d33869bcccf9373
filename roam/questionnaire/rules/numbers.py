"""Numeric values: numbers, finite, within the scale's range, percentages not fractions."""

from __future__ import annotations

from typing import Any

import numpy as np

from roam.errors import IssueKind, ValidationReport, register_issues
from roam.questionnaire.rules.base import Record, RowCheck, RowContext, flag

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


def _not_a_number(row: Record, ctx: RowContext) -> dict[str, Any]:
    return {"value": row["value_raw"], "unit": row["unit"] or "the indicator's unit"}


def _out_of_range(row: Record, ctx: RowContext) -> dict[str, Any]:
    high = row["high"]
    return {
        "value": f"{row['value']:g}",
        "low": f"{row['low']:g}",
        "high": "no upper limit" if high == float("inf") else f"{high:g}",
        "unit": row["unit"] or "",
    }


ROW_CHECKS = (
    flag("value_is_number", "not_a_number", "value", "value_ok", _not_a_number),
    RowCheck(
        "value_in_range",
        "value_out_of_range",
        "value",
        None,
        lambda ctx: (
            lambda cols: (
                np.isnan(cols["value"])
                | ((cols["value"] >= cols["low"]) & (cols["value"] <= cols["high"]))
            )
        ),
        _out_of_range,
    ),
)


def check_row(row: Record, report: ValidationReport) -> None:
    """A percentage typed as a fraction of 1 was read as per cent: say so."""
    if row["fraction"]:
        report.add(
            "percentage_as_fraction",
            sheet=row["sheet"],
            cell=row["cells"]["value"],
            indicator=row["indicator_id"],
            value=row["value_raw"],
            percent=row["value"],
        )
