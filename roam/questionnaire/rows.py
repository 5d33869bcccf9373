"""One category-sheet row, coerced: typed values, the scale's range, and the cells they came from.

Coercion runs before any rule, so one bad cell gives one message (not a cascade), and every rule
reads the same record.
"""

from __future__ import annotations

from typing import Any

from roam.errors import ValidationReport
from roam.framework.models import normalise_label
from roam.questionnaire import layout as L
from roam.questionnaire.coerce import as_text, parse_number, parse_year
from roam.questionnaire.expected import Expected
from roam.questionnaire.read import RawSheet
from roam.questionnaire.rules import formulas

NAN = float("nan")


def coerce_row(
    code: str,
    sheet: RawSheet,
    row0: int,
    values: dict[str, Any],
    expected: dict[str, Expected],
    statuses: dict[str, str],
    report: ValidationReport,
) -> dict[str, Any]:
    """One row as typed values plus what the rules need (scale, range, flags, cells).

    `expected` (roam/questionnaire/expected.py) holds each indicator's scale, unit and range,
    worked out once per framework; `statuses` maps typed statuses to codes."""
    cells = Cells(row0, sheet.columns)
    ind_id = "" if values.get("indicator_id") is None else str(values["indicator_id"]).strip()
    want = expected.get(ind_id)
    formula_cells = bool(sheet.formulas) and formulas.check_row(sheet, cells, ind_id, report)
    answer_raw, value_raw = values.get("answer"), values.get("value")
    year, year_ok = parse_year(values.get("data_year"))
    rec: dict[str, Any] = {
        "indicator_id": ind_id,
        "category": code,
        "sheet": sheet.name,
        "row": row0 + 1,
        "known": want is not None,
        "scale": None,
        "scale_type": None,
        "answer_raw": answer_raw,
        "answer": None,
        "value_raw": value_raw,
        "value": NAN,
        "value_ok": True,
        "low": NAN,
        "high": NAN,
        "unit": None,
        "year_raw": values.get("data_year"),
        "data_year": year,
        "year_ok": year_ok,
        "status_raw": values.get("status"),
        "status": None,
        "source": as_text(values.get("source")),
        "evidence": as_text(values.get("evidence")),
        "cells": cells,
        "fraction": False,
        "answer_as_value": False,
        "formula": formula_cells,
    }
    if want is not None:
        rec["scale"], rec["scale_type"], rec["unit"] = want.scale, want.scale_type, want.unit
        if want.matcher is not None:
            rec["answer"] = want.matcher.match(answer_raw)
        elif want.numeric:
            _coerce_number(rec, want, answer_raw, value_raw)
        else:
            rec["answer"] = as_text(answer_raw)
    status_raw = values.get("status")
    if status_raw is None:
        has_answer = rec["answer"] is not None or rec["value"] == rec["value"]  # not NaN
        has_answer = has_answer or rec["answer_raw"] is not None or rec["value_raw"] is not None
        rec["status"] = "available" if has_answer else "unanswered"
    else:
        rec["status"] = statuses.get(status_raw) or statuses.get(
            normalise_label(str(status_raw)), "invalid"
        )
    return rec


def _coerce_number(rec: dict[str, Any], want: Expected, answer_raw: object, raw: object) -> None:
    """The value of a numeric indicator; a number typed in the Answer column is taken (and
    flagged), and a percentage typed as a fraction of 1 is read as per cent (and flagged)."""
    if raw is None and answer_raw is not None:
        raw = answer_raw
        rec["value_raw"], rec["answer_raw"] = raw, None
        rec["answer_as_value"] = True
    number = parse_number(raw)
    rec["value_ok"] = number.ok
    value = number.value
    if value is not None and want.percentage and not number.percent_sign and 0 < value < 1:
        value, rec["fraction"] = value * 100, True
    rec["value"] = NAN if value is None else value
    rec["low"], rec["high"] = want.low, want.high


class Cells:
    """Excel references of one row's fields, made only when an issue needs one."""

    __slots__ = ("columns", "row0")

    def __init__(self, row0: int, columns: dict[str, int]) -> None:
        self.row0, self.columns = row0, columns

    def get(self, key: str, default: str | None = None) -> str | None:
        col = self.columns.get(key)
        return default if col is None else L.cell_ref(self.row0, col)

    def __getitem__(self, key: str) -> str:
        return L.cell_ref(self.row0, self.columns[key])

    def __contains__(self, key: str) -> bool:
        return key in self.columns
