"""A thin layer over xlsxwriter for tables people read: frozen headers, widths, number formats,
colour scales on scores. Text is always written as text, never as a live formula."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from roam.framework.vocabulary import ScoreScale
from roam.i18n import _
from roam.scoring.results import reason_text
from roam.values import is_blank
from roam.xlsxwrite import new_workbook

Kind = Literal["text", "score", "pct", "int", "num"]


@dataclass(frozen=True)
class Col:
    key: str
    header: str
    width: float = 14
    kind: Kind = "text"


class Book:
    """A workbook; `category_colours` and `band_colours` come from the framework and settings."""

    def __init__(
        self,
        title: str,
        category_colours: dict[str, str] | None = None,
        band_colours: dict[str, str] | None = None,
        score_scale: ScoreScale | None = None,
    ) -> None:
        self.score_scale = score_scale
        self.buffer = io.BytesIO()
        self.wb = new_workbook(self.buffer, title, nan_inf_to_errors=False)
        base = {"valign": "top", "font_size": 10}
        add = self.wb.add_format
        self.f = {
            "title": add({"bold": True, "font_size": 14}),
            "subtitle": add({"italic": True, "font_color": "#444444", "text_wrap": True}),
            "label": add({**base, "bold": True}),
            "header": add(
                {**base, "bold": True, "bg_color": "#dde4ee", "border": 1, "text_wrap": True}
            ),
            "text": add({**base, "text_wrap": True}),
            "score": add({**base, "num_format": "0.0"}),
            "pct": add({**base, "num_format": "0%"}),
            "int": add({**base, "num_format": "0"}),
            "num": add({**base, "num_format": "#,##0.##"}),
            "note": add(
                {"italic": True, "font_color": "#444444", "text_wrap": True, "valign": "top"}
            ),
            "note_line": add({"italic": True, "font_color": "#444444"}),
        }
        self.category = {
            code: add({**base, "bold": True, "font_color": "#ffffff", "bg_color": colour})
            for code, colour in (category_colours or {}).items()
        }
        self.band = {
            name: add({**base, "bg_color": colour}) for name, colour in (band_colours or {}).items()
        }

    def sheet(self, name: str):
        """A sheet that prints landscape, one page wide, with page numbers."""
        ws = self.wb.add_worksheet(name[:31])
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.set_footer("&L&A&RPage &P of &N")
        return ws

    def write(self, ws, row: int, col: int, value: Any, kind: Kind = "text", fmt=None) -> None:
        fmt = fmt or self.f[kind if kind != "text" else "text"]
        if is_blank(value):
            ws.write_blank(row, col, None, fmt)
        elif kind == "text" or isinstance(value, str):
            ws.write_string(row, col, str(value), fmt)
        elif isinstance(value, bool):
            ws.write_string(row, col, "Yes" if value else "No", fmt)
        else:
            ws.write_number(row, col, float(value), fmt)

    def table(
        self,
        ws,
        frame: pd.DataFrame,
        columns: list[Col],
        *,
        first_row: int = 0,
        colour_by_category: str | None = None,
        band_column: str | None = None,
    ) -> int:
        """Write a table with a frozen header; return the row after it."""
        for c, col in enumerate(columns):
            ws.set_column(c, c, col.width)
            ws.write_string(first_row, c, col.header, self.f["header"])
        records = frame.to_dict("records")
        for r, record in enumerate(records, start=first_row + 1):
            for c, col in enumerate(columns):
                value = record.get(col.key)
                fmt = None
                if col.key == colour_by_category and value in self.category:
                    fmt = self.category[value]
                elif col.key == band_column and value in self.band:
                    fmt = self.band[value]
                if col.key == band_column and isinstance(value, str):
                    value = _(value)  # a band name is a data word: shown in the file's language
                elif col.key == "reason" and isinstance(value, str):
                    value = reason_text(value)  # recorded in English, read in the file's language
                self.write(ws, r, c, value, col.kind, fmt)
        last = first_row + len(records)
        ws.freeze_panes(first_row + 1, 0)
        if records:
            ws.autofilter(first_row, 0, last, len(columns) - 1)
        for c, col in enumerate(columns):
            if col.kind == "score" and records and self.score_scale is not None:
                (low, mid, high) = self.score_scale.stops
                ws.conditional_format(
                    first_row + 1,
                    c,
                    last,
                    c,
                    {
                        "type": "3_color_scale",
                        "min_type": "num",
                        "min_value": low.at,
                        "min_color": low.colour,
                        "mid_type": "num",
                        "mid_value": mid.at,
                        "mid_color": mid.colour,
                        "max_type": "num",
                        "max_value": high.at,
                        "max_color": high.colour,
                    },
                )
        return last + 1

    def lines(
        self, ws, rows: list[tuple[str, Any]], first_row: int = 0, width: int = 90, span: int = 1
    ) -> int:
        """Label / value lines; with span > 1 each value is merged across that many columns, so
        a table below can keep its own column widths."""
        ws.set_column(0, 0, 30)
        if span == 1:
            ws.set_column(1, 1, width)
        for r, (label, value) in enumerate(rows, start=first_row):
            ws.write_string(r, 0, label, self.f["label"])
            kind: Kind = "text" if isinstance(value, str) or is_blank(value) else "num"
            if isinstance(value, int) and not isinstance(value, bool):
                kind = "text"  # a year or a count reads best as written, without separators
                value = str(value)
            if span > 1:
                ws.merge_range(r, 1, r, span, "", self.f["text"])
            self.write(ws, r, 1, value, kind)
        return first_row + len(rows)

    def close(self) -> bytes:
        self.wb.close()
        return self.buffer.getvalue()
