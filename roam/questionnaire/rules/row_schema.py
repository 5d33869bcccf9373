"""The pandera schema over the coerced rows: the union of the row rules' checks.

Each rule module declares its checks (ROW_CHECKS); here they become one lazy pandera schema over a
compact, typed frame, and each failure becomes the rule's located issue.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa

from roam.errors import ValidationReport
from roam.questionnaire.rules import answers, data_years, indicator_ids, numbers, statuses
from roam.questionnaire.rules.base import Record, RowCheck, RowContext
from roam.values import is_present

ROW_CHECKS: tuple[RowCheck, ...] = (
    *indicator_ids.ROW_CHECKS,
    *statuses.ROW_CHECKS,
    *answers.ROW_CHECKS,
    *numbers.ROW_CHECKS,
    *data_years.ROW_CHECKS,
)
BY_NAME: dict[str, RowCheck] = {}
for _check in ROW_CHECKS:
    BY_NAME.setdefault(_check.name, _check)
NULLABLE = ("value", "data_year")  # value columns; the flags are never empty


@lru_cache(maxsize=4)
def response_schema(earliest_year: int, this_year: int) -> pa.DataFrameSchema:
    """Row rules over the compact coerced frame; each check is named after its rule."""
    context = RowContext(earliest_year, this_year)
    columns: dict[str, list[pa.Check]] = {name: [] for name in NULLABLE}
    frame_checks = []
    for check in ROW_CHECKS:
        made = pa.Check(check.make(context), name=check.name)
        if check.column is None:
            frame_checks.append(made)
        else:
            columns.setdefault(check.column, []).append(made)
    # No dtype: the compact frame is typed by construction, and pandera's dtype probe is
    # the slowest part of a validation this small.
    return pa.DataFrameSchema(
        {
            name: pa.Column(None, tests, nullable=name in NULLABLE)
            for name, tests in columns.items()
        },
        checks=frame_checks,
        coerce=False,
    )


def compact_frame(records: list[Record]) -> pd.DataFrame:
    """Only what the schema checks, as typed arrays: pandera stays fast on plain columns."""
    nan = float("nan")
    return pd.DataFrame(
        {
            "indicator_id": np.array([r["indicator_id"] for r in records], dtype=object),
            "known": np.array([r["known"] for r in records], dtype=bool),
            "status_ok": np.array([r["status"] != "invalid" for r in records], dtype=bool),
            "answer_ok": np.array(
                [
                    r["scale_type"] != "choice"
                    or not is_present(r["answer_raw"])
                    or is_present(r["answer"])
                    for r in records
                ],
                dtype=bool,
            ),
            "value_ok": np.array([bool(r["value_ok"]) for r in records], dtype=bool),
            "year_ok": np.array([bool(r["year_ok"]) for r in records], dtype=bool),
            "value": np.array([r["value"] for r in records], dtype=float),
            "low": np.array([r["low"] for r in records], dtype=float),
            "high": np.array([r["high"] for r in records], dtype=float),
            "data_year": np.array(
                [nan if r["data_year"] is None else r["data_year"] for r in records], dtype=float
            ),
        }
    )


def run_schema(records: list[Record], context: RowContext, report: ValidationReport) -> None:
    """Validate every row at once; one issue per failing (row, rule), noise left out."""
    if not records:
        return
    try:
        schema = response_schema(context.earliest_year, context.this_year)
        schema.validate(compact_frame(records), lazy=True)
        return
    except pa.errors.SchemaErrors as errors:
        failures = errors.failure_cases
    first_seen = context.first_seen or {}
    duplicate_rows = {
        idx
        for idx, rec in enumerate(records)
        if rec["known"] and first_seen[rec["indicator_id"]] != idx
    }
    seen: set[tuple[int, str]] = set()
    for name, idx in zip(failures["check"], failures["index"], strict=True):
        check = BY_NAME.get(str(name))
        if check is None or pd.isna(idx):
            continue
        idx = int(idx)
        if (idx, check.name) in seen:
            continue
        seen.add((idx, check.name))
        row = records[idx]
        if check.code != "unknown_indicator" and not row["known"]:
            continue
        if idx in duplicate_rows and check.code != "duplicate_indicator":
            continue  # the duplicate is the problem; its other cells would only add noise
        report.add(check.code, **_located(check, row, context))


def _located(check: RowCheck, row: Record, context: RowContext) -> dict[str, Any]:
    cells = row["cells"]
    cell = cells.get(check.field) or cells.get("indicator_id")
    base = {"sheet": row["sheet"], "cell": cell, "indicator": row["indicator_id"] or None}
    return base | check.fields(row, context)
