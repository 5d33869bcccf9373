"""Read a questionnaire workbook into raw tables that remember where every value came from."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from functools import lru_cache

import python_calamine

from roam.errors import ValidationReport
from roam.framework.models import normalise_label
from roam.i18n import languages, translations_of
from roam.questionnaire import layout as L
from roam.questionnaire.sheets import category_roles, find_sheets, required_roles, sheet_name
from roam.questionnaire.sniff import Package

HEADER_SEARCH_ROWS = 10


@dataclass
class RawSheet:
    """A category sheet: the header map and the non-blank data rows, with Excel positions."""

    name: str
    columns: dict[str, int]  # field key -> 0-based column
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)  # (0-based row, values)
    formulas: dict[str, str] = field(default_factory=dict)


@dataclass
class RawWorkbook:
    sheet_names: list[str]
    meta: dict[str, str]
    assessment: dict[str, tuple[str, object]]  # field key -> (cell, value)
    categories: dict[str, RawSheet]
    mab: RawSheet | None
    formulas: dict[str, dict[str, str]]
    recommendations: RawSheet | None = None  # the optional Recommendations sheet
    sheets: dict[str, str] = field(default_factory=dict)  # role (English name) -> sheet found

    def sheet(self, role: str) -> str:
        """The name the workbook gives the sheet `role` (the English name if it has none)."""
        return self.sheets.get(role, role)

    def category_sheets(self) -> dict[str, str]:
        """Category code -> its sheet's name in this workbook."""
        return {code: self.sheet(role) for code, role in category_roles().items()}


def clean(value: object) -> object:
    """Blank strings become None; text is stripped; everything else passes through."""
    if value is None:
        return None
    if isinstance(value, str):
        stripped = value.strip()
        return stripped or None
    return value


def open_workbook(
    package: Package, report: ValidationReport
) -> python_calamine.CalamineWorkbook | None:
    try:
        return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(package.data))
    except python_calamine.PasswordError:
        report.add("encrypted")
    except Exception as exc:  # noqa: BLE001 - calamine raises several types for damaged files
        report.add("corrupt", detail=f"{type(exc).__name__}: {str(exc)[:120]}")
    return None


def read_rows(book: python_calamine.CalamineWorkbook, name: str) -> list[list[object]]:
    return book.get_sheet_by_name(name).to_python(skip_empty_area=False)


def read_key_values(rows: list[list[object]]) -> dict[str, str]:
    out = {}
    for row in rows:
        if len(row) >= 2 and clean(row[0]) is not None:
            value = clean(row[1])
            out[str(row[0]).strip()] = "" if value is None else _text(value)
    return out


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def read_assessment(rows: list[list[object]]) -> dict[str, tuple[str, object]]:
    labels = {  # in English or any language roam writes templates in
        normalise_label(text): key
        for key, label in L.ASSESSMENT_FIELDS
        for text in translations_of(label)
    }
    found: dict[str, tuple[str, object]] = {}
    for r, row in enumerate(rows):
        if not row or clean(row[0]) is None:
            continue
        key = labels.get(normalise_label(str(row[0])))
        if key and key not in found:
            found[key] = (L.cell_ref(r, 1), clean(row[1]) if len(row) > 1 else None)
    return found


@lru_cache(maxsize=8)
def _wanted(headers: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {normalise_label(t): key for key, text in headers for t in translations_of(text)}


def read_table(
    rows: list[list[object]],
    name: str,
    headers: dict[str, str],
    key_column: str,
    report: ValidationReport,
    required: tuple[str, ...],
) -> RawSheet | None:
    """Find the header row by its text, map columns by header, keep non-blank rows."""
    wanted = _wanted(tuple(headers.items()))
    header_row = None
    for r, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        cells = [normalise_label(str(v)) for v in row if isinstance(v, str)]
        if any(normalise_label(t) in cells for t in translations_of(headers[key_column])):
            header_row = r
            break
    if header_row is None:
        report.add("missing_header", sheet=name, cell="A1", rows=HEADER_SEARCH_ROWS)
        return None
    columns: dict[str, int] = {}
    for c, value in enumerate(rows[header_row]):
        if isinstance(value, str):
            key = wanted.get(normalise_label(value))
            if key and key not in columns:
                columns[key] = c
    missing = [k for k in required if k not in columns]
    for key in missing:
        report.add(
            "missing_column",
            sheet=name,
            cell=f"{header_row + 1}:{header_row + 1}",
            column=headers[key],
            row=header_row + 1,
        )
    if missing:
        return None
    sheet = RawSheet(name, columns)
    items = list(columns.items())
    for r in range(header_row + 1, len(rows)):
        row = rows[r]
        width = len(row)
        values: dict[str, object] = {}
        filled = False
        for key, c in items:
            value = row[c] if c < width else None
            if value.__class__ is str:
                value = value.strip() or None  # type: ignore[union-attr]
            elif value == "":
                value = None
            values[key] = value
            filled = filled or value is not None
        if filled:
            sheet.rows.append((r, values))
    return sheet


def read_raw(
    package: Package,
    book: python_calamine.CalamineWorkbook,
    report: ValidationReport,
) -> RawWorkbook | None:
    """The raw tables, with every sheet found by its name in any supported language; a missing
    sheet is named as the workbook's recorded language (else the reader's) names it."""
    names = list(book.sheet_names)
    meta = read_key_values(read_rows(book, L.META)) if L.META in names else {}
    sheets = find_sheets(names)
    missing = [role for role in required_roles() if role not in sheets]
    recorded = meta.get(L.LANGUAGE_KEY)
    report.language = recorded or None  # messages may follow the workbook, even when it stops here
    lang = recorded if recorded in languages() else None
    for role in missing:
        report.add("missing_sheet", sheet=sheet_name(role, lang), found=", ".join(names) or "none")
    if missing:
        return None
    required = [sheets[role] for role in required_roles()]
    assessment = read_assessment(read_rows(book, sheets[L.ASSESSMENT]))
    headers = {key: header for key, header, _ in L.COLUMNS}
    formulas = {name: package.formulas_without_value(name) for name in required}
    categories: dict[str, RawSheet] = {}
    for code, role in category_roles().items():
        name = sheets[role]
        table = read_table(
            read_rows(book, name),
            name,
            headers,
            "indicator_id",
            report,
            L.REQUIRED_COLUMNS,
        )
        if table is not None:
            table.formulas = formulas.get(name, {})
            categories[code] = table
    mab_headers = {key: header for key, header, _ in L.MAB_COLUMNS}
    mab_name = sheets[L.MAB]
    mab = read_table(
        read_rows(book, mab_name), mab_name, mab_headers, "name", report, ("name", "group")
    )
    if mab is not None:
        mab.formulas = formulas.get(mab_name, {})
    from roam.questionnaire.recommendations import read_sheet

    recommendations = read_sheet(book, names, report)
    return RawWorkbook(names, meta, assessment, categories, mab, formulas, recommendations, sheets)
