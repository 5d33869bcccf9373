"""The cross-national workbook: profiles, a theme heatmap, coverage and intervals side by side.

Countries are listed by code, never by score: this is a comparison of profiles, not a league table.
"""

from __future__ import annotations

import pandas as pd

from roam.analysis import Analysis
from roam.countries import display_name
from roam.export.overlap import indistinguishable
from roam.export.tables import (
    catalogue_text,
    category_label,
    coverage_matrix,
    index_name,
    level_table,
    new_workbook,
)
from roam.export.workbook import interval_cols, method_sheet
from roam.export.xlsx import Book, Col
from roam.i18n import _
from roam.presentation import NOT_A_RANKING


def write_comparison(analysis: Analysis) -> bytes:
    fw = analysis.framework
    book = new_workbook(
        analysis, _("{name} comparison (analytical, not a ranking)").format(name=fw.short_name)
    )
    _about(book, analysis)
    cats = level_table(analysis, "category").sort_values(["country", "id"])
    index = level_table(analysis, "index").sort_values("country")
    names = {a.country: display_name(a.country, a.meta.country) for a in analysis.assessments}
    for frame in (cats, index):
        frame["country_name"] = [names[c] for c in frame["country"]]
    ws = book.sheet(_("Categories"))
    book.table(
        ws,
        pd.concat([index.assign(name=index_name(fw)), cats]),
        [
            Col("country", _("Code"), 7),
            Col("country_name", _("Country"), 18),
            Col("id", _("Category"), 9),
            Col("name", _("Name"), 30),
            Col("score", _("Score"), 9, "score"),
            *interval_cols(analysis),
            Col("band", _("Band"), 13),
            Col("band_low", _("Band at low"), 13),
            Col("band_high", _("Band at high"), 13),
            Col("coverage", _("Coverage"), 10, "pct"),
            Col("reason", _("Note"), 36),
        ],
        colour_by_category="id",
        band_column="band",
    )
    order = [c for c in fw.scored_categories if c in set(cats["id"])]
    labels = {c: category_label(fw, c) for c in order}
    _matrix(
        book,
        _("Profiles"),
        cats.pivot(index="country", columns="id", values="score")[order],
        names,
        "score",
        _("Category scores per country (0-100); blank = insufficient data."),
        column_labels=labels,
    )
    themes = level_table(analysis, "theme")
    theme_order = [t for t in analysis.framework.themes if t in set(themes["id"])]
    heat = themes.pivot(index="country", columns="id", values="score")[theme_order]
    _matrix(
        book,
        _("Theme heatmap"),
        heat,
        names,
        "score",
        _("Theme scores per country (0-100), shaded from light (0) to dark blue (100)."),
        header_names={t: catalogue_text(fw, t) for t in analysis.framework.themes},
    )
    _matrix(
        book,
        _("Coverage"),
        coverage_matrix(analysis)[order],
        names,
        "pct",
        _("Share of applicable indicators with data, per category."),
        column_labels=labels,
    )
    _overlaps(book, analysis, names)
    method_sheet(book, analysis)
    return book.close()


def _about(book: Book, analysis: Analysis) -> None:
    ws = book.sheet(_("About"))
    ws.write_string(
        0, 0, _("Analytical comparison - not an official UNESCO ranking"), book.f["title"]
    )
    ws.merge_range(2, 0, 2, 7, _(NOT_A_RANKING), book.f["note"])
    ws.set_row(2, 60)
    rows = [
        {
            "country": a.country,
            "name": display_name(a.country, a.meta.country),
            "year": a.meta.year,
            "set": a.meta.indicator_set,
            "fictional": _("Yes") if a.meta.fictional else _("No"),
            "institution": a.meta.lead_institution,
        }
        for a in sorted(analysis.assessments, key=lambda a: a.country)
    ]
    book.table(
        ws,
        pd.DataFrame(rows),
        [
            Col("country", _("Code"), 7),
            Col("name", _("Country"), 22),
            Col("year", _("Year"), 7, "int"),
            Col("set", _("Indicator set"), 12),
            Col("fictional", _("Fictional data"), 13),
            Col("institution", _("Lead institution"), 40),
        ],
        first_row=4,
    )
    ws.freeze_panes(0, 0)


def _matrix(
    book: Book,
    sheet: str,
    matrix: pd.DataFrame,
    names: dict[str, str],
    kind: str,
    note: str,
    header_names: dict[str, str] | None = None,
    column_labels: dict[str, str] | None = None,
) -> None:
    ws = book.sheet(sheet)
    ws.write_string(0, 0, note, book.f["note_line"])
    frame = matrix.sort_index().reset_index()
    frame.insert(1, "country_name", [names[c] for c in frame["country"]])
    columns = [Col("country", _("Code"), 7), Col("country_name", _("Country"), 18)]
    for col in matrix.columns:
        label = col if not header_names else f"{col} {header_names.get(col, '')}".strip()
        if column_labels and col in column_labels:
            label = column_labels[col]
        columns.append(Col(col, label, 6 if header_names else 14, kind))  # type: ignore[arg-type]
    book.table(ws, frame, columns, first_row=1)
    if header_names:  # 25 themes: narrow columns with upright header text stay readable
        rotated = book.wb.add_format(
            {
                "bold": True,
                "bg_color": "#dde4ee",
                "border": 1,
                "rotation": 90,
                "font_size": 9,
                "valign": "bottom",
                "text_wrap": True,
            }
        )
        for c, column in enumerate(columns[2:], start=2):
            ws.write_string(1, c, column.header, rotated)
        ws.set_row(1, 150)
    ws.freeze_panes(2, 2)


def _overlaps(book: Book, analysis: Analysis, names: dict[str, str]) -> None:
    """Intervals and which countries cannot be told apart; never a position or a rank."""
    ws = book.sheet(_("Uncertainty"))
    ws.write_string(
        0,
        0,
        _(
            "{interval}s under other reasonable weights and methods. Countries whose intervals "
            "overlap cannot be told apart on that score."
        ).format(interval=analysis.run.interval_label),
        book.f["note_line"],
    )
    table = indistinguishable(analysis)
    table["country_name"] = [names[c] for c in table["Country"]]
    book.table(
        ws,
        table,
        [
            Col("Score", _("Score"), 32),
            Col("Country", _("Code"), 7),
            Col("country_name", _("Country"), 18),
            Col("90% interval", analysis.run.interval_label, 14),
            Col("Cannot be told apart from", _("Cannot be told apart from"), 40),
        ],
        first_row=1,
    )
