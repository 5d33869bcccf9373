"""The recommendations in the exports: a results-workbook sheet, the package's CSV, and the
draft report's lists under each category. Input: the export-shaped dicts an Assessment carries
(``assessment.recommendations``, from the store's register or the workbook's sheet)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pandas as pd

from roam.export.xlsx import Book, Col
from roam.framework import Framework
from roam.i18n import N_, _
from roam.recommendations.model import categories_of
from roam.recommendations.vocabulary import register_vocabulary

COLUMNS = [
    ("id", N_("ID")),
    ("text", N_("Recommendation")),
    ("categories", N_("Categories")),
    ("responds_to", N_("Themes and indicators")),
    ("addressed_to", N_("Addressed to")),
    ("priority", N_("Priority")),
    ("target_date", N_("Target date")),
    ("status", N_("Status")),
    ("status_date", N_("Status date")),
    ("evidence", N_("Evidence")),
]


def rows(recommendations: list[dict[str, Any]], framework: Framework) -> list[dict[str, Any]]:
    """One readable row per recommendation (labels, joined lists, its categories)."""
    vocab = register_vocabulary()
    return [
        {
            "id": r["id"],
            "text": r["text"],
            "categories": ", ".join(categories_of(r["themes"], r["indicators"], framework)),
            "responds_to": ", ".join(r["themes"] + r["indicators"]),
            "addressed_to": ", ".join(r["stakeholders"]),
            "priority": vocab.priority_label(r["priority"]),
            "target_date": r["target_date"] or "",
            "status": vocab.status_label(r["status"]),
            "status_date": r.get("status_date") or "",
            "evidence": r.get("evidence") or "",
        }
        for r in recommendations
    ]


def by_category(
    recommendations: list[dict[str, Any]], framework: Framework
) -> dict[str, list[dict[str, Any]]]:
    """Category code -> its recommendations (one may sit under several categories)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for raw, row in zip(recommendations, rows(recommendations, framework), strict=True):
        for code in categories_of(raw["themes"], raw["indicators"], framework):
            out.setdefault(code, []).append(row)
    return out


def write_sheet(book: Book, recommendations: list[dict[str, Any]], framework: Framework) -> None:
    """The Recommendations sheet of the results workbook (text cells stay text)."""
    ws = book.sheet(_("Recommendations"))
    widths = {"text": 60, "evidence": 40, "responds_to": 24, "addressed_to": 26}
    book.table(
        ws,
        pd.DataFrame(rows(recommendations, framework), columns=[k for k, _h in COLUMNS]),
        [Col(key, _(header), widths.get(key, 12)) for key, header in COLUMNS],
    )


def recommendations_csv(recommendations: list[dict[str, Any]], framework: Framework) -> str:
    from roam.export.package import csv_safe

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_(header) for _k, header in COLUMNS])
    for row in rows(recommendations, framework):
        writer.writerow([csv_safe(row[key]) for key, _h in COLUMNS])
    return out.getvalue()
