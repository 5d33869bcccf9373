"""Hand the team back their own workbook with every problem marked where it is.

Each cell with an issue gets a fill (red for errors, amber for warnings) and a comment saying what
is wrong and how to fix it; a first sheet lists all issues. Text is always stored as text.
"""

from __future__ import annotations

import io

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from roam.errors import RoamError, ValidationReport
from roam.i18n import N_, _, direction
from roam.questionnaire.vocab import check_sheet_name

ISSUES_SHEET = N_("roam issues")  # the first sheet of the marked copy, in the reader's language
HEADERS = (
    N_("Severity"),
    N_("Sheet"),
    N_("Cell"),
    N_("Indicator"),
    N_("Value found"),
    N_("What is wrong"),
    N_("How to fix it"),
)
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
    """The uploaded workbook with issues marked, in the current language (roam.i18n); raises
    AnnotationError (a ValueError) if it cannot be opened.

    Issues are located by the sheet names the workbook itself has (the reader reports them so),
    so cells are marked on a French or Arabic workbook's own sheets."""
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
        note = _("{severity}: {message}").format(
            severity=_(issue.severity).upper(), message=issue.text()
        )
        fix = issue.fix()
        if fix:
            note += "\n" + _("How to fix: {fix}").format(fix=fix)
        if cell.comment is not None:
            note = f"{cell.comment.text}\n\n{note}"
        cell.comment = Comment(note, "roam", width=320, height=140)
    ws = wb.create_sheet(check_sheet_name(_(ISSUES_SHEET)), 0)
    if direction() == "rtl":
        ws.sheet_view.rightToLeft = True
    for col, header in enumerate(HEADERS, start=1):
        ws.cell(1, col).value = _(header)
        ws.cell(1, col).font = Font(bold=True)
    for row, issue in enumerate(report.issues, start=2):
        values = [
            _(issue.severity),
            issue.sheet,
            issue.cell,
            issue.indicator,
            issue.value,
            issue.text(),
            issue.fix(),
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
