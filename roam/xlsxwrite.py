"""What every workbook roam writes shares: xlsxwriter options under which typed text can never
become a live formula, link or number, a fixed document date (the same input gives the same
bytes), the common cell formats, and the hidden sheets of dropdown lists and key/value metadata.

Used by the questionnaire template, the rating workbooks of a review round, the catalogue
spreadsheet and the export workbooks (roam.export.xlsx.Book), so a rule about safe writing is
changed in one place.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

FIXED_DATE = datetime(2018, 11, 22)  # fixed document date keeps generated files reproducible
SAFE_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
BASE = {"valign": "top", "text_wrap": True, "font_size": 10}
TITLE = {"bold": True, "font_size": 14}
HEADER = {**BASE, "bold": True, "bg_color": "#dde4ee", "border": 1}
LOCKED = {**BASE, "locked": True, "bg_color": "#f3f3f3"}


def new_workbook(buffer: io.BytesIO, title: str, comments: str | None = None, **options: Any):
    """An in-memory xlsxwriter workbook with the safe options and roam's document properties."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(buffer, {**SAFE_OPTIONS, **options})
    properties: dict[str, Any] = {"title": title, "author": "roam", "created": FIXED_DATE}
    if comments is not None:
        properties["comments"] = comments
    wb.set_properties(properties)
    return wb


def add_formats(wb, specs: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Cell formats by name, from property mappings (BASE, HEADER, ... or a module's own)."""
    return {name: wb.add_format(dict(spec)) for name, spec in specs.items()}


def quote_sheet(name: str) -> str:
    """A sheet name as a formula refers to it: always quoted (a name with spaces, non-Latin
    letters or one that looks like a cell needs it; quoting the others is harmless)."""
    return "'" + name.replace("'", "''") + "'"


def list_sheet(
    wb, name: str, columns: Iterable[tuple[str, list[str]]], letter=None
) -> dict[str, str]:
    """Dropdown lists on a hidden sheet (inline lists are capped at 255 characters): one column
    per list, its name in row 1; returns the range reference of each list by name."""
    ws = wb.add_worksheet(name)
    refs: dict[str, str] = {}
    for col, (key, values) in enumerate(columns):
        ws.write_string(0, col, key)
        for row, value in enumerate(values, start=1):
            ws.write_string(row, col, value)
        column = letter(col) if letter is not None else chr(ord("A") + col)
        refs[key] = f"={quote_sheet(name)}!${column}$2:${column}${len(values) + 1}"
    ws.hide()
    return refs


def key_value_sheet(wb, name: str, values: Iterable[tuple[str, str]]):
    """A hidden sheet of key / value text pairs (what a reader checks before trusting a file)."""
    ws = wb.add_worksheet(name)
    for row, (key, value) in enumerate(values):
        ws.write_string(row, 0, key)
        ws.write_string(row, 1, value)
    ws.hide()
    return ws


def protect_inputs(ws, **allowed: bool) -> None:
    """Lock the sheet except its input cells (no password: a guard against slips, not a lock),
    keeping what people need to work: select, resize, filter, sort (and `allowed` extras)."""
    ws.protect(
        "",
        {
            "select_locked_cells": True,
            "select_unlocked_cells": True,
            "format_columns": True,
            "format_rows": True,
            "autofilter": True,
            "sort": True,
            **allowed,
        },
    )
