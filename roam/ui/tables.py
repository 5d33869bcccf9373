"""Static tables as escaped HTML: every cell is text, long texts wrap, nothing sorts on a click.

Streamlit's own static table (`st.table`) reads every cell as Markdown, so a recommendation or a
value found in an uploaded file could become a link or an image, and it builds one Markdown
component per cell, which made pages with a few hundred cells slow to draw. Here each cell is
escaped (`html.escape`), so user text is shown exactly as typed and never becomes markup, and the
whole table is one element.
"""

from __future__ import annotations

import html
from numbers import Number
from typing import NamedTuple

import pandas as pd

from roam.values import is_blank

CLASS = "roam-table"

STYLE = f"""<style>
table.{CLASS} {{ border-collapse: collapse; width: 100%; margin: 0 0 1rem 0; font-size: 0.9rem; }}
table.{CLASS} th, table.{CLASS} td {{
  border: 1px solid rgba(49, 51, 63, 0.2); padding: 0.3rem 0.5rem; text-align: start;
  vertical-align: top; overflow-wrap: anywhere;
}}
table.{CLASS} th {{ background: rgba(49, 51, 63, 0.05); font-weight: 600; }}
table.{CLASS} td.number {{ text-align: end; font-variant-numeric: tabular-nums; }}
</style>"""


class Link(NamedTuple):
    """A cell that links to another page of the app (an address roam builds, never user text);
    it opens in a new tab, as Streamlit's link columns do."""

    text: str
    href: str


def cell_html(value: object) -> str:
    if isinstance(value, Link):
        href, text = html.escape(value.href), html.escape(value.text)
        return f'<td><a href="{href}" target="_blank" rel="noopener">{text}</a></td>'
    if isinstance(value, Number) and not isinstance(value, bool):
        return f'<td class="number">{html.escape(cell_text(value))}</td>'
    return f"<td>{html.escape(cell_text(value))}</td>"


def cell_text(value: object) -> str:
    """A cell as text: blank for a missing value, whole numbers without a trailing ".0"."""
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def html_table(frame: pd.DataFrame) -> str:
    """The frame as an HTML table (no index), every header and cell escaped."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = []
    for row in frame.itertuples(index=False, name=None):
        rows.append(f"<tr>{''.join(cell_html(v) for v in row)}</tr>")
    return (
        f'<table class="{CLASS}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
