"""The workbook's shape: required sheets, header rows and columns, hidden or copied sheets,
and sheets far larger than a questionnaire."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from roam.errors import IssueKind, ValidationReport, register_issues
from roam.framework.models import normalise_label
from roam.i18n import N_, translations_of

# How Google Sheets names a copy of a sheet, in the language of its menus (translated in the
# message catalogues like any text, so a French "Copie de Contexte" is known as a copy too).
COPY_OF = N_("Copy of {sheet}")

ISSUES = register_issues(
    IssueKind(
        "missing_sheet",
        "error",
        "The sheet '{sheet}' is missing. Sheets found: {found}. Start again from a roam template.",
        "Copy your answers into a fresh roam template; do not delete sheets.",
    ),
    IssueKind(
        "missing_column",
        "error",
        "The column '{column}' is missing from the header row (row {row}).",
        "Restore the column header exactly as in the template.",
    ),
    IssueKind(
        "missing_header",
        "error",
        "No header row with 'Indicator ID' was found in the first {rows} rows of this sheet.",
        "Keep the template's header row (Indicator ID, Question, ...).",
    ),
    IssueKind(
        "sheet_out_of_shape",
        "error",
        "The sheet '{sheet}' has content in cell {cell}, beyond the {rows} rows and {columns} "
        "columns a questionnaire can use; the file was refused as unsafe.",
        "Delete the rows and columns after your answers (select them, right-click > Delete) "
        "and save again.",
    ),
    IssueKind(
        "sheet_hidden",
        "error",
        "The sheet '{sheet}' is hidden{how}; answers on a hidden sheet cannot be checked by the "
        "people who sign the assessment off.",
        "Make the sheet visible again (right-click a sheet tab > Unhide) and save.",
    ),
    IssueKind(
        "sheet_very_hidden",
        "warning",
        "The sheet '{sheet}' is very hidden (only a macro or a program can do this); roam does "
        "not read it, and nobody can see it in a spreadsheet program.",
        "Delete the sheet, or ask whoever added it what it holds.",
    ),
    IssueKind(
        "copied_sheet",
        "warning",
        "The sheet '{sheet}' looks like a copy of '{original}'; roam reads only '{original}', "
        "so nothing typed on '{sheet}' is used.",
        "Move any answers from the copy into '{original}' and delete the copy.",
    ),
)


@lru_cache(maxsize=256)
def _copy_names(original: str) -> frozenset[str]:
    """The names Google Sheets gives a copy of `original` in any language (compared loosely)."""
    return frozenset(normalise_label(c.format(sheet=original)) for c in translations_of(COPY_OF))


def copy_of(name: str, originals: Iterable[str]) -> str | None:
    """The sheet `name` copies, by the names spreadsheet programs give copies: 'R (2)' (Excel),
    'R_2' (LibreOffice), 'Copy of R' (Google Sheets; 'Copie de R' in French...)."""
    key = normalise_label(name)
    for original in originals:
        if name == original:
            continue
        tail = name[len(original) :] if name.startswith(original) else ""
        if tail.startswith(" (") and tail.endswith(")") and tail[2:-1].isdigit():
            return original
        if tail.startswith("_") and tail[1:].isdigit():
            return original
        if key in _copy_names(original):
            return original
    return None


def check_sheets(
    states: dict[str, str], required: list[str], internal: Iterable[str], report: ValidationReport
) -> None:
    """Required sheets visible; no very hidden extras; no copies of a required sheet."""
    internal = set(internal)
    for name, state in states.items():
        if name in required and state != "visible":
            how = " (very hidden, which only a macro or a program can do)" * (state == "veryHidden")
            report.add("sheet_hidden", sheet=name, how=how)
        elif name not in required and name not in internal and state == "veryHidden":
            report.add("sheet_very_hidden", sheet=name)
        original = None if name in required else copy_of(name, required)
        if original is not None:
            report.add("copied_sheet", sheet=name, original=original)
