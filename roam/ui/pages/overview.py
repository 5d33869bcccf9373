"""Overview: what roam is, what is stored, what to do next."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.framework import load_framework
from roam.ui import common, state


def render() -> None:
    st.title("roam: Internet Universality ROAM-X assessments")
    st.write(
        "roam takes national questionnaires for UNESCO's Internet Universality indicators "
        "(Rights, Openness, Accessibility, Multistakeholder participation, cross-cutting and "
        "contextual), checks them cell by cell, keeps every uploaded version, and turns them "
        "into scores with data coverage and uncertainty."
    )
    counts = load_framework().counts()["totals"]
    items = state.assessments()
    cols = st.columns(5)
    cols[0].metric("Indicators in the framework", counts["indicators"])
    cols[1].metric("Core indicators", counts["core"])
    cols[2].metric("Assessments stored", len(items))
    cols[3].metric("Countries", len({a.country for a in items}))
    cols[4].metric(
        "Submitted or published", sum(a.status in ("submitted", "published") for a in items)
    )
    st.subheader("Stored assessments")
    if items:
        frame = pd.DataFrame(
            [
                {
                    "Country": common.country_label(a.country, a.name),
                    "Code": a.country,
                    "Name as typed": a.name,
                    "Year": a.year,
                    "Set": a.indicator_set,
                    "Status": a.status,
                    "Versions": a.versions,
                    "Last upload": a.latest_uploaded_at.strftime("%Y-%m-%d %H:%M")
                    if a.latest_uploaded_at
                    else "",
                }
                for a in items
            ]
        )
        common.table(frame)
    else:
        st.info("Nothing stored yet.")
    st.subheader("What to do next")
    st.markdown(
        "1. **Upload**: download a blank questionnaire, fill it in, upload it and fix what the "
        "check reports.\n"
        "2. **Scorecard**: read one country's scores, gaps and evidence.\n"
        "3. **Compare**: look at several countries' profiles side by side (not a ranking).\n"
        "4. **Export**: download the results workbook and the package for UNESCO (IPDC).\n"
        "5. **History**: follow versions and move an assessment from draft to submitted."
    )
    common.not_a_ranking()


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
