"""Hand the team back their own workbook with every problem marked where it is.

Each cell with an issue gets a fill (red for errors, amber for warnings) and a comment saying what
is wrong and how to fix it; a first sheet lists all issues. Text is always stored as text.
"""

from __future__ import annotations

import io

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from roam.errors import RoamError, ValidationReport, how_to_fix

ISSUES_SHEET = "roam issues"
FILLS = {
    "error": PatternFill("solid", start_color="FFF4C7C3"),
    "warning": PatternFill("solid", start_color="FFFFE8B0"),
}


def _text(cell, value: object) -> None:
    """Assign as a string even when it starts with '=' (openpyxl would make a formula)."""
    cell.value = "" if value is None else str(value)
    cell.data_type = "s"


class AnnotationError(RoamError, ValueError):
    """The marked copy cannot be made (the check itself still stands)."""


def annotate_workbook(data: bytes, report: ValidationReport) -> bytes:
    """The uploaded workbook with issues marked; raises AnnotationError (a ValueError) if it
    cannot be opened."""
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - any failure means we cannot annotate this file
        raise AnnotationError(
            f"the workbook cannot be marked up ({type(exc).__name__}); the report above still "
            "lists every problem"
        ) from None
    for issue in report.issues:
        if not issue.sheet or not issue.cell or issue.sheet not in wb.sheetnames:
            continue
        if ":" in issue.cell:  # a whole row, e.g. a missing column in the header row
            continue
        cell = wb[issue.sheet][issue.cell]
        cell.fill = FILLS[issue.severity]
        note = f"{issue.severity.upper()}: {issue.message}"
        fix = how_to_fix(issue.code)
        if fix:
            note += f"\nHow to fix: {fix}"
        if cell.comment is not None:
            note = f"{cell.comment.text}\n\n{note}"
        cell.comment = Comment(note, "roam", width=320, height=140)
    ws = wb.create_sheet(ISSUES_SHEET, 0)
    headers = [
        "Severity",
        "Sheet",
        "Cell",
        "Indicator",
        "Value found",
        "What is wrong",
        "How to fix it",
    ]
    for col, header in enumerate(headers, start=1):
        ws.cell(1, col).value = header
        ws.cell(1, col).font = Font(bold=True)
    for row, issue in enumerate(report.issues, start=2):
        values = [
            issue.severity,
            issue.sheet,
            issue.cell,
            issue.indicator,
            issue.value,
            issue.message,
            how_to_fix(issue.code),
        ]
        for col, value in enumerate(values, start=1):
            _text(ws.cell(row, col), value)
        ws.cell(row, 1).fill = FILLS[issue.severity]
    for col, width in zip("ABCDEFG", (9, 12, 8, 12, 24, 70, 50), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    wb.active = 0
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
