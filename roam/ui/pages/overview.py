"""Overview: what roam is, what is stored, what to do next."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.framework import load_framework
from roam.i18n import _
from roam.ui import common, state


def render() -> None:
    st.title(_("roam: Internet Universality ROAM-X assessments"))
    st.write(
        _(
            "roam takes national questionnaires for UNESCO's Internet Universality indicators "
            "(Rights, Openness, Accessibility, Multistakeholder participation, cross-cutting and "
            "contextual), checks them cell by cell, keeps every uploaded version, and turns them "
            "into scores with data coverage and uncertainty."
        )
    )
    counts = load_framework().counts()["totals"]
    items = state.assessments()
    cols = st.columns(5)
    cols[0].metric(_("Indicators in the framework"), counts["indicators"])
    cols[1].metric(_("Core indicators"), counts["core"])
    cols[2].metric(_("Assessments stored"), len(items))
    cols[3].metric(_("Countries"), len({a.country for a in items}))
    cols[4].metric(
        _("Submitted or published"), sum(a.status in ("submitted", "published") for a in items)
    )
    st.subheader(_("Stored assessments"))
    if items:
        frame = pd.DataFrame(
            [
                {
                    _("Country"): common.country_label(a.country, a.name),
                    _("Code"): a.country,
                    _("Name as typed"): a.name,
                    _("Year"): a.year,
                    _("Set"): _(a.indicator_set),
                    _("Status"): common.status_name(a.status),
                    _("Versions"): a.versions,
                    _("Last upload"): a.latest_uploaded_at.strftime("%Y-%m-%d %H:%M")
                    if a.latest_uploaded_at
                    else "",
                }
                for a in items
            ]
        )
        common.table(frame)
    else:
        st.info(_("Nothing stored yet."))
    st.subheader(_("What to do next"))
    st.markdown(
        "\n".join(
            [
                _(
                    "1. **Upload**: download a blank questionnaire, fill it in, upload it and fix "
                    "what the check reports."
                ),
                _("2. **Scorecard**: read one country's scores, gaps and evidence."),
                _(
                    "3. **Compare**: look at several countries' profiles side by side (not a "
                    "ranking)."
                ),
                _(
                    "4. **Export**: download the results workbook and the package for UNESCO "
                    "(IPDC)."
                ),
                _(
                    "5. **History**: follow versions and move an assessment from draft to "
                    "submitted."
                ),
            ]
        )
    )
    common.not_a_ranking()


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
