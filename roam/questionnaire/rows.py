"""One category-sheet row, coerced: typed values, the scale's range, and the cells they came from.

Coercion runs before any rule, so one bad cell gives one message (not a cascade), and every rule
reads the same record.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from roam.errors import ValidationReport
from roam.framework import Framework
from roam.framework.catalogue import ChoiceScale, NumericScale
from roam.framework.models import normalise_label
from roam.questionnaire import layout as L
from roam.questionnaire.coerce import AnswerMatcher, as_text, parse_number, parse_year
from roam.questionnaire.read import RawSheet
from roam.questionnaire.rules import formulas


def coerce_row(
    code: str,
    sheet: RawSheet,
    row0: int,
    values: dict[str, Any],
    framework: Framework,
    matchers: dict[str, AnswerMatcher],
    statuses: dict[str, str],
    report: ValidationReport,
) -> dict[str, Any]:
    """One row as typed values plus what the rules need (scale, range, flags, cells)."""
    cells = Cells(row0, sheet.columns)
    ind_id = "" if values.get("indicator_id") is None else str(values["indicator_id"]).strip()
    entry = framework.by_id.get(ind_id)
    formula_cells = bool(sheet.formulas) and formulas.check_row(sheet, cells, ind_id, report)
    rec: dict[str, Any] = {
        "indicator_id": ind_id,
        "category": code,
        "sheet": sheet.name,
        "row": row0 + 1,
        "known": entry is not None,
        "scale": None,
        "scale_type": None,
        "answer_raw": values.get("answer"),
        "answer": None,
        "value_raw": values.get("value"),
        "value": float("nan"),
        "value_ok": True,
        "low": float("nan"),
        "high": float("nan"),
        "unit": None,
        "year_raw": values.get("data_year"),
        "data_year": None,
        "year_ok": True,
        "status_raw": values.get("status"),
        "status": None,
        "source": as_text(values.get("source")),
        "evidence": as_text(values.get("evidence")),
        "cells": cells,
        "fraction": False,
        "answer_as_value": False,
        "formula": formula_cells,
    }
    year, year_ok = parse_year(values.get("data_year"))
    rec["data_year"], rec["year_ok"] = year, year_ok
    if entry is not None:
        ind = entry.indicator
        scale = framework.scales[ind.scale]
        rec.update(scale=ind.scale, scale_type=scale.type, unit=ind.unit)
        if isinstance(scale, ChoiceScale):
            rec["answer"] = matchers[scale.id].match(values.get("answer"))
        elif isinstance(scale, NumericScale):
            raw_value = values.get("value")
            if raw_value is None and values.get("answer") is not None:
                raw_value = values.get("answer")
                rec["value_raw"], rec["answer_raw"] = raw_value, None
                rec["answer_as_value"] = True
            number = parse_number(raw_value)
            rec["value_ok"] = number.ok
            value = number.value
            is_percentage = scale.maximum == 100 and "%" in (ind.unit or "")
            if value is not None and is_percentage and not number.percent_sign and 0 < value < 1:
                value, rec["fraction"] = value * 100, True
            rec["value"] = float("nan") if value is None else value
            rec["low"] = scale.minimum if scale.minimum is not None else float("-inf")
            rec["high"] = scale.maximum if scale.maximum is not None else float("inf")
        else:
            rec["answer"] = as_text(values.get("answer"))
    status_raw = values.get("status")
    if status_raw is None:
        has_answer = rec["answer"] is not None or not pd.isna(rec["value"])
        has_answer = has_answer or rec["answer_raw"] is not None or rec["value_raw"] is not None
        rec["status"] = "available" if has_answer else "unanswered"
    else:
        rec["status"] = statuses.get(status_raw) or statuses.get(
            normalise_label(str(status_raw)), "invalid"
        )
    return rec


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
