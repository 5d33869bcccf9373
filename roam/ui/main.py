"""Navigation and shared page furniture."""

from __future__ import annotations

import streamlit as st

from roam.framework import load_framework


def overview() -> None:
    st.title("roam: Internet Universality ROAM-X indicators")
    st.write(
        "roam turns UNESCO's ROAM-X indicator framework into one pipeline: questionnaires, "
        "validation, scores with coverage and uncertainty, and exports for national assessments."
    )
    fw = load_framework()
    counts = fw.counts()
    totals = counts["totals"]
    cols = st.columns(4)
    for col, key in zip(cols, ("themes", "questions", "indicators", "core"), strict=True):
        col.metric(key.capitalize(), totals[key])
    st.caption(
        "The indicators are for national self-assessment. UNESCO does not use them to rank "
        "countries, and nothing in roam is an official UNESCO ranking."
    )


def run() -> None:
    st.set_page_config(page_title="roam ROAM-X", layout="wide")
    page = st.navigation([st.Page(overview, title="Overview", url_path="overview", default=True)])
    page.run()
