"""The bare floor of the browser benchmark: a Streamlit app with the same page names and
titles as roam's, each page a title and, where roam draws charts, one small Vega-Lite chart.

Whatever roam's pages take beyond this app's is roam's own cost; what this app takes is
Streamlit's and the browser's, which no change in roam can remove.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.pages import CHARTED, TITLES

SPEC = {
    "data": {"values": [{"label": c, "score": 20 * i} for i, c in enumerate("ROAMX", 1)]},
    "mark": "bar",
    "encoding": {
        "y": {"field": "label", "type": "nominal"},
        "x": {"field": "score", "type": "quantitative"},
    },
}


def _page(name: str):
    def render() -> None:
        st.title(TITLES[name], anchor=False)
        if name in CHARTED:
            st.vega_lite_chart(SPEC, width="stretch")

    render.__name__ = name.lower()
    return st.Page(render, title=name, url_path=name.lower(), default=name == "Overview")


st.navigation([_page(name) for name in TITLES], expanded=True).run()
