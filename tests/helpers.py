"""Shared helpers for tests: build and edit real xlsx files."""

from __future__ import annotations

import io
from collections.abc import Callable

import openpyxl
import python_calamine


def edit_xlsx(data: bytes, change: Callable[[openpyxl.Workbook], None]) -> bytes:
    """Edit a workbook the way a person's spreadsheet program would, and save it again."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    change(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def workbook_content(data: bytes) -> dict[str, list[list[object]]]:
    """Every cell value of every sheet: compares workbooks independent of writer details."""
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def row_of(ws, indicator_id: str) -> int:
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, 1).value == indicator_id:
            return row
    raise KeyError(indicator_id)


def issues_of(report, *, skip=("missing_indicator",)) -> list[tuple[str, str | None, str | None]]:
    return [
        (i.code, f"{i.sheet}!{i.cell}" if i.cell else i.sheet, i.indicator)
        for i in report.issues
        if i.code not in skip
    ]
