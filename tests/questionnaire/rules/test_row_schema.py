"""The quick pass over the row checks agrees with pandera: it lets rows through only when the
schema would raise nothing, so skipping pandera on clean rows changes no report."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pytest

from roam.questionnaire.rules.base import repeated
from roam.questionnaire.rules.row_schema import (
    compact_columns,
    compact_frame,
    every_row_passes,
    response_schema,
)

YEARS = (1990, 2025)


def record(**changes: Any) -> dict[str, Any]:
    """A clean coerced row of a numeric indicator (see roam/questionnaire/rows.py)."""
    row = {
        "indicator_id": "R.1",
        "known": True,
        "status": "available",
        "scale_type": "numeric",
        "answer_raw": None,
        "answer": None,
        "value_ok": True,
        "year_ok": True,
        "value": 45.0,
        "low": 0.0,
        "high": 100.0,
        "data_year": 2020,
    }
    return row | changes


def pandera_failures(records: list[dict[str, Any]]) -> set[str]:
    try:
        response_schema(*YEARS).validate(compact_frame(records), lazy=True)
    except pa.errors.SchemaErrors as errors:
        return {str(name) for name in errors.failure_cases["check"]}
    return set()


CASES = {
    "clean": [record(), record(indicator_id="R.2", value=float("nan"), data_year=None)],
    "unknown": [record(indicator_id="Z.9", known=False)],
    "duplicate": [record(), record()],
    "bad status": [record(status="invalid")],
    "answer off the scale": [record(scale_type="choice", answer_raw="Maybe", answer=None)],
    "not a number": [record(value_ok=False, value=float("nan"))],
    "out of range": [record(value=140.0)],
    "not a year": [record(year_ok=False, data_year=None)],
    "too old": [record(data_year=1850)],
    "future": [record(data_year=2031)],
    "range without a top": [record(value=1e9, high=float("inf"))],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_quick_pass_agrees_with_pandera(name):
    records = CASES[name]
    failures = pandera_failures(records)
    assert every_row_passes(compact_columns(records), *YEARS) == (failures == set())
    assert (failures == set()) == (name in ("clean", "range without a top"))


def test_pandera_locates_each_failing_row_and_rule():
    records = [
        record(),
        record(indicator_id="R.2", data_year=2031),
        record(),
        record(indicator_id="Z.9", known=False),
    ]
    with pytest.raises(pa.errors.SchemaErrors) as raised:
        response_schema(*YEARS).validate(compact_frame(records), lazy=True)
    cases = raised.value.failure_cases
    found = set(zip(cases["check"], cases["index"], strict=True))  # a frame check: each column
    assert found == {("known_indicator", 3), ("unique_indicator", 2), ("year_not_future", 1)}


def test_a_check_that_cannot_run_leaves_the_decision_to_pandera():
    columns = compact_columns([record()])
    del columns["known"]
    assert not every_row_passes(columns, *YEARS)


def test_repeated_is_pandas_duplicated_keeping_the_first():
    values = np.array(["R.1", "R.2", "R.1", "", "", "R.2", "R.3"], dtype=object)
    expected = pd.Series(values).duplicated(keep="first").to_numpy()
    assert repeated(values).tolist() == expected.tolist() == [0, 0, 1, 0, 1, 1, 0]
