"""Data years: a year, not in the future, not before the earliest year roam accepts."""

from __future__ import annotations

from typing import Any

import numpy as np

from roam.errors import IssueKind, register_issues
from roam.questionnaire.rules.base import Record, RowCheck, RowContext, flag

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


def _not_a_year(row: Record, ctx: RowContext) -> dict[str, Any]:
    return {"value": row["year_raw"], "low": ctx.earliest_year, "high": ctx.this_year}


def _future(row: Record, ctx: RowContext) -> dict[str, Any]:
    return {"value": int(row["data_year"]), "this_year": ctx.this_year}


ROW_CHECKS = (
    flag("year_is_year", "old_year", "data_year", "year_ok", _not_a_year),
    RowCheck(
        "year_is_year",
        "old_year",
        "data_year",
        "data_year",
        lambda ctx: lambda s: np.isnan(s) | (s >= ctx.earliest_year),
        _not_a_year,
    ),
    RowCheck(
        "year_not_future",
        "future_year",
        "data_year",
        "data_year",
        lambda ctx: lambda s: np.isnan(s) | (s <= ctx.this_year),
        _future,
    ),
)
