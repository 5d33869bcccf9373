"""The plain pass over the row checks agrees with pandera: it lets a frame through only when the
schema would raise nothing, so skipping pandera on clean rows changes no report."""

from __future__ import annotations

from typing import Any

import pandera.pandas as pa
import pytest

from roam.questionnaire.rules.row_schema import compact_frame, every_row_passes, response_schema

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
def test_the_plain_pass_agrees_with_pandera(name):
    records = CASES[name]
    failures = pandera_failures(records)
    assert every_row_passes(compact_frame(records), *YEARS) == (failures == set())
    assert (failures == set()) == (name in ("clean", "range without a top"))


def test_a_check_that_cannot_run_leaves_the_decision_to_pandera():
    frame = compact_frame([record()]).drop(columns=["known"])
    assert not every_row_passes(frame, *YEARS)
