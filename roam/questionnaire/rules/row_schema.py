"""The pandera schema over the coerced rows: the union of the row rules' checks.

Each rule module declares its checks (ROW_CHECKS); here they become one lazy pandera schema over a
compact, typed frame, and each failure becomes the rule's located issue. The check functions work
on plain arrays, so the same functions first run once without pandas: when every row passes (as in
most uploads) pandera would find nothing, and its lazy run is only needed when one fails.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa

from roam.errors import ValidationReport
from roam.questionnaire.rules import answers, data_years, indicator_ids, numbers, statuses
from roam.questionnaire.rules.base import Columns, Record, RowCheck, RowContext
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


CheckFunction = Callable[[Any], np.ndarray]


@lru_cache(maxsize=4)
def row_tests(earliest_year: int, this_year: int) -> tuple[tuple[RowCheck, CheckFunction], ...]:
    """Each row check with its function made for these years (made once, shared by the schema
    and the quick pass)."""
    context = RowContext(earliest_year, this_year)
    return tuple((check, check.make(context)) for check in ROW_CHECKS)


def _on_column(function: CheckFunction) -> Callable[[pd.Series], pd.Series]:
    """A check over a column's plain values as pandera calls it: a Series in, a Series out."""
    return lambda s: pd.Series(function(s.to_numpy()), index=s.index)


def _on_frame(function: CheckFunction) -> Callable[[pd.DataFrame], pd.Series]:
    """A check over every column as pandera calls it: the frame in, a Series out."""
    return lambda df: pd.Series(
        function({name: df[name].to_numpy() for name in df.columns}), index=df.index
    )


@lru_cache(maxsize=4)
def response_schema(earliest_year: int, this_year: int) -> pa.DataFrameSchema:
    """Row rules over the compact coerced frame; each check is named after its rule."""
    columns: dict[str, list[pa.Check]] = {name: [] for name in NULLABLE}
    frame_checks = []
    for check, function in row_tests(earliest_year, this_year):
        if check.column is None:
            frame_checks.append(pa.Check(_on_frame(function), name=check.name))
        else:
            made = pa.Check(_on_column(function), name=check.name)
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


def compact_columns(records: list[Record]) -> dict[str, np.ndarray]:
    """Only what the schema checks, as typed arrays (the frame pandera validates)."""
    nan = float("nan")
    return {
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


def compact_frame(records: list[Record]) -> pd.DataFrame:
    """The compact columns as the frame pandera validates: plain columns keep it fast."""
    return pd.DataFrame(compact_columns(records))


def every_row_passes(columns: Columns, earliest_year: int, this_year: int) -> bool:
    """True when no check of the schema can fail on these columns: each check function,
    applied as pandera applies it (a column check leaves out blank cells), returns only True.
    Any doubt (an error inside a check) answers False, and pandera decides."""
    try:
        for check, function in row_tests(earliest_year, this_year):
            if check.column is None:
                target: Any = columns
            else:
                target = columns[check.column]
                if target.dtype.kind == "f":
                    target = target[~np.isnan(target)]
            if not bool(np.all(function(target))):
                return False
    except Exception:  # noqa: BLE001 - pandera reports a failing check; the quick pass only skips it
        return False
    return True


def run_schema(records: list[Record], context: RowContext, report: ValidationReport) -> None:
    """Validate every row at once; one issue per failing (row, rule), noise left out.

    The quick pass runs the same check functions on plain arrays first: when every row passes
    (most uploads) pandera would raise nothing, so its lazy run, which collects and locates
    each failure, is only needed when a row fails."""
    if not records:
        return
    columns = compact_columns(records)
    if every_row_passes(columns, context.earliest_year, context.this_year):
        return
    try:
        schema = response_schema(context.earliest_year, context.this_year)
        schema.validate(pd.DataFrame(columns), lazy=True)
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
