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


def patch_parts(data: bytes, changes: dict, drop: tuple[str, ...] = ()) -> bytes:
    """Rewrite a workbook's zip parts byte by byte, as an attacker would (no spreadsheet program
    in between): `changes` maps a part name to new bytes or to a function of the old bytes;
    parts not in the file are added."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            if info.filename in drop:
                continue
            body = source.read(info)
            change = changes.get(info.filename)
            if change is not None:
                body = change(body) if callable(change) else change
            z.writestr(info, body)
        for name, change in changes.items():
            if name not in source.namelist():
                z.writestr(name, change(b"") if callable(change) else change)
    return out.getvalue()


def before_end_of_sheet_data(extra: bytes) -> Callable[[bytes], bytes]:
    """A patch adding raw XML just before </sheetData> (where cells live)."""
    return lambda xml: xml.replace(b"</sheetData>", extra + b"</sheetData>", 1)
