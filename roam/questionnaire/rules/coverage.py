"""Indicators of the assessed set that have no row at all."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from roam.errors import IssueKind, ValidationReport, register_issues
from roam.framework import Framework
from roam.framework.catalogue import IndicatorEntry
from roam.questionnaire.model import RESPONSE_COLUMNS
from roam.values import is_present

ISSUES = register_issues(
    IssueKind(
        "missing_indicator",
        "warning",
        "Indicator {indicator} of the {indicator_set} set has no row; it counts as unanswered.",
        "Restore the row from the template if it was deleted.",
    ),
)


def complete(
    rows: list[dict[str, Any]],
    framework: Framework,
    indicator_set: str,
    sheet_of: dict[str, str],
    report: ValidationReport,
) -> pd.DataFrame:
    """One row per indicator of the assessed set, in catalogue order; absent rows are unanswered
    and located on their category's sheet as the workbook names it (`sheet_of`)."""
    by_id = {row["indicator_id"]: row for row in rows}
    wanted = framework.entries_for(indicator_set if indicator_set in ("core", "full") else "full")
    wanted_ids = {e.id for e in wanted}
    extra = [e for e in framework.entries if e.id in by_id and e.id not in wanted_ids]
    table = []
    for entry in [*wanted, *extra]:
        got = by_id.get(entry.id)
        if got is None:
            report.add(
                "missing_indicator",
                sheet=sheet_of[entry.category],
                indicator=entry.id,
                indicator_set=indicator_set,
            )
            table.append(_unanswered(entry, sheet_of[entry.category]))
        else:
            table.append(_answered(entry, got))
    # one tuple per indicator, turned into columns at once (zip) rather than cell by cell
    columns = list(zip(*table, strict=True)) or [()] * len(RESPONSE_COLUMNS)
    return response_frame(dict(zip(RESPONSE_COLUMNS, columns, strict=True)))


def _unanswered(entry: IndicatorEntry, sheet: str) -> tuple[Any, ...]:
    """An indicator without a row, in RESPONSE_COLUMNS order."""
    nan = float("nan")
    unit = entry.indicator.unit
    return (entry.id, entry.category, sheet, None, None, nan, unit, None, "unanswered", None, None)


def _answered(entry: IndicatorEntry, got: dict[str, Any]) -> tuple[Any, ...]:
    """An indicator's row, in RESPONSE_COLUMNS order: only a usable answer or in-range value of
    an Available row is kept, and such a row without one counts as unanswered."""
    status = got["status"] if got["status"] != "invalid" else "unanswered"
    usable = status == "available"
    value = got["value"] if usable and is_present(got["value"]) else float("nan")
    if value == value and not got["low"] <= value <= got["high"]:
        value = float("nan")
    answer = got["answer"] if usable and is_present(got["answer"]) else None
    if usable and answer is None and value != value:
        status = "unanswered"
    return (
        entry.id,
        entry.category,
        got["sheet"],
        got["row"],
        answer,
        value,
        entry.indicator.unit,
        got["data_year"],
        status,
        got["source"],
        got["evidence"],
    )


def response_frame(cols: dict[str, Sequence[Any]]) -> pd.DataFrame:
    """Build the tidy frame column by column with explicit dtypes (no per-cell inference)."""
    columns: dict[str, Any] = {}
    for name in RESPONSE_COLUMNS:
        values = cols[name]
        if name == "value":
            columns[name] = np.array(values, dtype=float)
        elif name in ("row", "data_year"):
            columns[name] = pd.array(values, dtype="Int64")
        else:
            columns[name] = pd.array(values, dtype="str")
    return pd.DataFrame(columns)
