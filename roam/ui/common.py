"""Page furniture shared by several views: pickers, score cards, the not-a-ranking note."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.analysis import Analysis
from roam.countries import display_name
from roam.presentation import NOT_A_RANKING
from roam.run import RunRecord
from roam.ui import state
from roam.ui.text import plain as plain  # pages escape user text through common
from roam.values import is_blank as is_blank  # pages share the one blank rule


def country_label(code: str, typed: str | None = None) -> str:
    """The country's name from its code; the typed name only for user-assigned (fictional) codes.

    Returned as plain text: escape it with `plain` before it goes into any Markdown."""
    return display_name(code, typed)


def not_a_ranking() -> None:
    st.info(NOT_A_RANKING, icon=":material/info:")


def fmt(value: float | None, digits: int = 0) -> str:
    return "-" if is_blank(value) else f"{value:.{digits}f}"


def pick_country(label: str = "Country", key: str = "country") -> tuple | None:
    """Select box over stored assessments; returns (country, year) or None."""
    items = state.assessments()
    if not items:
        st.warning("No assessments are stored yet. Upload one on the Upload page.")
        return None
    options = [(a.country, a.year) for a in items]
    names = {
        (a.country, a.year): f"{country_label(a.country, a.name)} ({a.country}) {a.year} - "
        f"{a.status}"
        for a in items
    }
    current = st.session_state.get(key)
    index = options.index(current) if current in options else 0
    choice = st.selectbox(label, options, index=index, format_func=names.get, key=f"{key}_box")
    st.session_state[key] = choice
    return choice


def run_caption(run: RunRecord) -> None:
    """Which profile, draws and seed made the intervals on this page (from the run record)."""
    st.caption(
        f"Intervals: {run.interval_label}s from {run.draws} Monte Carlo draws, seed {run.seed} "
        f"(run profile '{run.profile}', roam {run.roam_version})."
    )


def score_cards(record: dict, analysis: Analysis) -> None:
    """Index and categories as metric cards: score, interval, band and coverage in words."""
    fw, run = analysis.framework, analysis.run
    nodes = [(fw.index_name, record["index"])] + [
        (fw.category_label(c), n) for c, n in record["categories"].items()
    ]
    cols = st.columns(len(nodes))
    for col, (label, node) in zip(cols, nodes, strict=True):
        with col:
            if node["score"] is None:
                st.metric(label, "insufficient data")
                st.caption(node.get("reason") or "")
                continue
            st.metric(label, fmt(node["score"]), help="Score from 0 to 100")
            interval = (
                f"{fmt(node['low'])} to {fmt(node['high'])}" if node["low"] is not None else "-"
            )
            st.caption(
                f"**{node['band']}** · {run.interval_label} {interval} · coverage "
                f"{fmt(100 * node['coverage'])}%"
            )


def table(frame: pd.DataFrame, **kwargs) -> None:
    st.dataframe(frame, hide_index=True, width="stretch", **kwargs)


def static_table(frame: pd.DataFrame) -> None:
    """A static table: long texts wrap instead of being cut, and no click sorts it."""
    st.table(frame, hide_index=True)


def score_table(frame: pd.DataFrame) -> None:
    """Scores of several countries as a static table: it cannot be sorted by score into a
    league table, and long names wrap. Rows stay in the order given (by country code)."""
    static_table(frame)


def score_text(value: float | None) -> str:
    """One rounding for every score on screen: whole numbers, blank when there is none."""
    return "" if is_blank(value) else f"{value:.0f}"
