"""Compare: category profiles, theme heatmap, coverage and intervals for several countries."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.export.charts import comparison_chart, heatmap
from roam.export.overlap import indistinguishable
from roam.export.tables import level_table
from roam.i18n import _
from roam.scoring.results import reason_text
from roam.ui import common, state

SELECTION_KEY = "selected_countries"  # one selection shared by Compare, Coverage, Weights, Export


def selected_keys(page: str = "compare") -> tuple[tuple, ...] | None:
    """The countries picked for comparison: every stored one at first, then whatever was picked
    on any of the comparing pages (the choice follows the user from page to page)."""
    items = state.assessments()
    if len(items) < 1:
        st.warning(_("No assessments are stored yet."))
        return None
    options = [(a.country, a.year) for a in sorted(items, key=lambda a: (a.country, a.year))]
    names = {
        (a.country, a.year): f"{common.country_label(a.country, a.name)} ({a.country}) {a.year}"
        for a in items
    }
    default = st.session_state.get(SELECTION_KEY, options)
    chosen = st.multiselect(
        _("Countries"),
        options,
        default=[o for o in default if o in options],
        format_func=names.get,
        key=f"{page}_countries_box",
        help=_(
            "All stored assessments you may see are picked at first; the choice is kept on "
            "Compare, Coverage, Weights and Export."
        ),
    )
    st.session_state[SELECTION_KEY] = chosen
    if not chosen:
        st.info(_("Pick at least one country."))
        return None
    return tuple(state.version_key(c, y) for c, y in chosen)


def render() -> None:
    st.title(_("Compare countries"))
    common.not_a_ranking()
    keys = selected_keys()
    if keys is None:
        return
    versions = {state.load_version(*k).meta.framework for k in keys}
    if len(versions) > 1:
        st.error(
            _(
                "These assessments use different framework versions ({versions}); compare one "
                "version at a time."
            ).format(versions=", ".join(sorted(versions)))
        )
        return
    analysis = state.analysis_for(keys)
    cats = level_table(analysis, "category")
    fw = analysis.framework
    cats["label"] = [common.category_label(fw, c) for c in cats["id"]]
    st.subheader(_("Category profiles"))
    st.caption(
        _(
            "Bars are scores; black lines are {intervals} of uncertainty. Countries are listed "
            "by code, not by score."
        ).format(intervals=common.intervals_name(analysis.run))
    )
    common.run_caption(analysis.run)
    common.chart(comparison_chart(cats, fw.colours), width="content")
    missing = cats[cats["score"].isna()]
    if len(missing):
        st.caption(
            _("Insufficient data (no score shown): {items}").format(
                items="; ".join(
                    f"{c} {cat}" for c, cat in zip(missing["country"], missing["id"], strict=True)
                )
            )
        )
    st.subheader(_("Theme heatmap"))
    themes = level_table(analysis, "theme")
    themes["name"] = [common.text(fw, t) for t in themes["id"]]
    heat = themes.rename(columns={"id": "column", "score": "value"})[
        ["country", "column", "name", "value"]
    ]
    common.chart(heatmap(heat, list(fw.themes)))
    st.caption(
        _(
            "Darker blue is a higher score; the number is in every cell, a blank cell has "
            "insufficient data. Themes: {themes}."
        ).format(themes="; ".join(f"{t} {common.text(fw, t)}" for t in fw.themes))
    )
    st.subheader(_("Bands, intervals and coverage"))
    table = cats.sort_values(["country", "id"]).assign(
        score_shown=lambda t: t["score"].map(common.score_text),
        interval=lambda t: [
            common.span(common.score_text(lo), common.score_text(hi)) if pd.notna(lo) else ""
            for lo, hi in zip(t["low"], t["high"], strict=True)
        ],
        coverage_pct=lambda t: t["coverage"].map(lambda c: common.score_text(100 * c)),
        note=lambda t: t["reason"].map(reason_text),
        band=lambda t: t["band"].map(lambda b: "" if common.is_blank(b) else _(str(b))),
    )
    wide = table.pivot(index="country", columns="id", values="band")[list(fw.scored_categories)]
    wide.columns = [_("{category} band").format(category=c) for c in wide.columns]
    common.score_table(wide.fillna("").reset_index().rename(columns={"country": _("Country")}))
    common.score_table(
        table[["country", "label", "score_shown", "interval", "band", "coverage_pct", "note"]]
        .fillna("")
        .rename(
            columns={
                "country": _("Country"),
                "label": _("Category"),
                "score_shown": _("Score"),
                "interval": common.interval_name(analysis.run),
                "band": _("Band"),
                "coverage_pct": _("Coverage %"),
                "note": _("Note"),
            }
        )
    )
    overlaps(analysis)


def overlaps(analysis) -> None:
    """Which countries cannot be told apart: their 90% intervals overlap."""
    groups = indistinguishable(analysis)
    st.subheader(_("Which countries cannot be told apart"))
    st.caption(
        _(
            "Two countries whose 90% intervals overlap cannot be told apart on that score: the "
            "difference between them may be noise from missing data, weights and method."
        )
    )
    fw = analysis.framework
    names = {fw.index_name: common.index_name(fw)} | {
        fw.category_label(c): common.category_label(fw, c) for c in fw.scored_categories
    }
    shown = groups.assign(
        Score=groups["Score"].map(lambda n: names.get(n, n)),
        **{
            "90% interval": groups["90% interval"].map(_interval_words),
            "Cannot be told apart from": groups["Cannot be told apart from"].map(
                lambda o: _("none") if o == "none" else o
            ),
        },
    )
    common.score_table(shown.rename(columns={c: _(c) for c in shown.columns}))


def _interval_words(text: str) -> str:
    """ "40 to 60" (as roam.export.overlap writes it) in the app's language."""
    low, sep, high = str(text).partition(" to ")
    return common.span(low, high) if sep else str(text)


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
