"""The Recommendations sheet of the questionnaire workbook: written by the template, read and
checked by the reader with the same checks as the CLI and the app (roam.recommendations.model).

The sheet is optional: workbooks made before it existed read as having no recommendations.
"""

from __future__ import annotations

from typing import Any

from roam.errors import ValidationReport
from roam.framework import Framework
from roam.framework.models import normalise_label
from roam.i18n import N_, _, current_language, gettext, translations_of
from roam.questionnaire import layout as L
from roam.questionnaire.read import RawSheet, read_rows, read_table
from roam.questionnaire.vocab import check_sheet_name, vocabulary
from roam.recommendations.model import check_fields
from roam.recommendations.vocabulary import register_vocabulary

NOTE = N_(
    "Recommendations of the national report, one per row. Themes and Indicators: IDs from the "
    "category sheets (e.g. R.A, R.A.1.2), separated by commas. Addressed to: stakeholder groups "
    "as on the MAB sheet, separated by commas. Status and evidence: where each stands today."
)
# The column headers of indicators/recommendations.yaml, marked for the message catalogues: a
# template writes them in its language and the reader knows them in every language (a test
# checks that every header of the data is listed).
HEADERS = (
    N_("Recommendation ID"),
    N_("Recommendation"),
    N_("Themes"),
    N_("Indicators"),
    N_("Addressed to"),
    N_("Priority"),
    N_("Target date"),
    N_("Status"),
    N_("Status evidence"),
)
HEADER_ROW = 1  # 0-based: the note is in row 1, headers in row 2


def sheet_name(lang: str | None = None) -> str:
    """The sheet's name in a template in `lang` (default: the current language): the data's
    English name through the message catalogues (the exports name their sheet alike)."""
    return check_sheet_name(gettext(register_vocabulary().sheet, lang))


def find_sheet(names: list[str]) -> str | None:
    """The workbook's Recommendations sheet, named in any supported language."""
    wanted = {normalise_label(t) for t in translations_of(register_vocabulary().sheet)}
    return next((name for name in names if normalise_label(name) in wanted), None)


def write_sheet(wb: Any, recommendations: list[dict] | None, fmt: dict) -> None:
    """Add the sheet, prefilled with ``recommendations`` (export-shaped dicts) when given; in
    the current language (headers, note, dropdowns and the prefilled labels)."""
    vocab = register_vocabulary()
    groups = vocabulary()
    lang = current_language()
    ws = wb.add_worksheet(sheet_name())
    ws.set_row(0, 45)
    ws.merge_range(0, 0, 0, len(vocab.columns) - 1, _(NOTE), fmt["note"])
    date_fmt = wb.add_format(
        {"valign": "top", "font_size": 10, "locked": False, "num_format": "yyyy-mm-dd"}
    )
    col = {}
    for i, column in enumerate(vocab.columns):
        col[column.key] = i
        style = date_fmt if column.key == "target_date" else fmt["input"]
        ws.set_column(i, i, column.width, style)
        ws.write_string(HEADER_ROW, i, _(column.header), fmt["header"])
    for r, rec in enumerate(recommendations or [], start=HEADER_ROW + 1):
        values = {
            "code": rec.get("id"),
            "text": rec.get("text"),
            "themes": ", ".join(rec.get("themes") or []),
            "indicators": ", ".join(rec.get("indicators") or []),
            "stakeholders": ", ".join(
                groups.label("stakeholder_groups", g, lang) for g in rec.get("stakeholders") or []
            ),
            "priority": _(vocab.priority_label(rec.get("priority"))),
            "target_date": rec.get("target_date"),
            "status": _(vocab.status_label(rec.get("status"))),
            "evidence": rec.get("evidence"),
        }
        for key, value in values.items():
            if value:
                ws.write_string(r, col[key], str(value), fmt["input"])
    last = HEADER_ROW + max(vocab.blank_rows, len(recommendations or []) + 10)
    for key, terms in (("priority", vocab.priorities), ("status", vocab.statuses)):
        ws.data_validation(
            HEADER_ROW + 1,
            col[key],
            last,
            col[key],
            {"validate": "list", "source": [_(t.label) for t in terms]},
        )
    ws.freeze_panes(HEADER_ROW + 1, 1)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(HEADER_ROW)


def read_sheet(book: Any, names: list[str], report: ValidationReport) -> RawSheet | None:
    """The raw sheet, or None when the workbook has none (older templates)."""
    vocab = register_vocabulary()
    name = find_sheet(names)
    if name is None:
        return None
    headers = {c.key: c.header for c in vocab.columns}
    return read_table(read_rows(book, name), name, headers, "code", report, ("code", "text"))


def check_sheet(
    sheet: RawSheet | None, framework: Framework, report: ValidationReport
) -> list[dict]:
    """Every row checked like an entry in the app; issues located by sheet and cell."""
    if sheet is None:
        return []
    out: list[dict] = []
    seen: dict[str, str] = {}
    for row0, values in sheet.rows:
        locate = {
            key: {"sheet": sheet.name, "cell": L.cell_ref(row0, c)}
            for key, c in sheet.columns.items()
        }
        checked = check_fields(values, framework, locate=locate)
        report.issues.extend(checked.issues)
        if checked.value is None:
            continue
        code = checked.value.code
        here = locate["code"]["cell"]
        if code.casefold() in seen:
            report.add(
                "rec_duplicate_id",
                sheet=sheet.name,
                cell=here,
                value=code,
                other=f"{sheet.name}!{seen[code.casefold()]}",
            )
            continue
        seen[code.casefold()] = here
        out.append(checked.value.as_dict())
    return out
