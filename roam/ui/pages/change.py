"""Change over time: one country's two assessment years, with paired intervals and verdicts."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.i18n import N_, _
from roam.scoring.change import Change, assessment_change
from roam.ui import common, state

VERDICTS = (N_("improved"), N_("declined"), N_("no change beyond uncertainty"))


@st.cache_resource(max_entries=16, show_spinner=False)
def change_for(before: tuple, after: tuple, profile: str = state.APP_PROFILE) -> Change:
    """Keyed by the two versions' keys: recomputed only on new data. Draws and seed come from
    the app's run profile in scoring.yaml, as for every other page."""
    return assessment_change(
        state.load_version(*before), state.load_version(*after), profile=profile
    )


def _years_by_country() -> dict[str, list]:
    by_country: dict[str, list] = {}
    for a in state.assessments():
        by_country.setdefault(a.country, []).append(a)
    return {
        c: sorted(items, key=lambda a: a.year) for c, items in by_country.items() if len(items) > 1
    }


def _table(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            _("Id"): frame["id"],
            _("Name"): frame["name"],
            _("Before"): frame["before"].round(1),
            _("After"): frame["after"].round(1),
            _("Change"): frame["change"].round(1),
            _("Low"): frame["low"].round(1),
            _("High"): frame["high"].round(1),
            _("Verdict"): [
                _(v) if v else (n or "")
                for v, n in zip(frame["verdict"], frame["note"], strict=True)
            ],
        }
    )


def render() -> None:
    st.title(_("Change over time"))
    countries = _years_by_country()
    if not countries:
        st.info(
            _(
                "No country has two assessment years stored yet. Upload a second year of one "
                "country (for example the two Isvaldia samples in sample_data/over_time)."
            )
        )
        return
    names = {c: f"{common.country_label(c, items[0].name)} ({c})" for c, items in countries.items()}
    country = st.selectbox(
        _("Country"), list(countries), format_func=names.get, key="change_country"
    )
    years = [a.year for a in countries[country]]
    left, right = st.columns(2)
    with left:
        start = st.selectbox(_("From"), years[:-1], key="change_from")
    with right:
        later = [y for y in years if y > start]
        end = st.selectbox(_("To"), later, index=len(later) - 1, key="change_to")
    with st.spinner(_("Comparing the two years...")):
        result = change_for(state.version_key(country, start), state.version_key(country, end))
    low, high = result.percentiles
    st.caption(
        _(
            "{share}% intervals of the change from {draws} paired draws (the same weights and "
            "method for both years in each draw; seed {seed}, run profile {profile}). A change "
            "counts only when its whole interval lies on one side of zero."
        ).format(
            share=f"{high - low:g}", draws=result.draws, seed=result.seed, profile=result.profile
        )
    )
    if result.note:
        st.warning(result.note)
    table = result.table
    top = table[table["level"] != "theme"]
    cols = st.columns(len(top))
    for col, row in zip(cols, top.itertuples(index=False), strict=True):
        with col:
            label = row.name if row.level == "index" else f"{row.id} {row.name}"
            if pd.isna(row.change):
                st.metric(label, _("no score"))
                st.caption(row.note or "")
                continue
            st.metric(label, common.fmt(row.after), delta=f"{row.change:+.1f}")
            st.caption(
                _("**{verdict}** · interval {low} to {high}").format(
                    verdict=_(row.verdict), low=f"{row.low:+.1f}", high=f"{row.high:+.1f}"
                )
            )
    st.subheader(_("Themes"))
    only_changed = st.toggle(_("Only themes that changed beyond uncertainty"), key="change_only")
    themes = table[table["level"] == "theme"]
    if only_changed:
        themes = themes[themes["verdict"].isin(["improved", "declined"])]
    common.static_table(_table(themes))
    st.subheader(
        _("Indicators whose answers changed ({count})").format(count=len(result.indicators))
    )
    changed = result.indicators
    common.static_table(
        pd.DataFrame(
            {
                _("Indicator"): changed["indicator_id"],
                _("Before"): [
                    a or s
                    for a, s in zip(changed["answer_before"], changed["status_before"], strict=True)
                ],
                _("After"): [
                    a or s
                    for a, s in zip(changed["answer_after"], changed["status_after"], strict=True)
                ],
            }
        )
    )


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
