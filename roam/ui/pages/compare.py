"""Compare: category profiles, theme heatmap, coverage and intervals for several countries."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.export.charts import comparison_chart, heatmap
from roam.export.overlap import indistinguishable
from roam.export.tables import level_table
from roam.ui import common, state

SELECTION_KEY = "selected_countries"  # one selection shared by Compare, Coverage, Weights, Export


def selected_keys(page: str = "compare") -> tuple[tuple, ...] | None:
    """The countries picked for comparison: every stored one at first, then whatever was picked
    on any of the comparing pages (the choice follows the user from page to page)."""
    items = state.assessments()
    if len(items) < 1:
        st.warning("No assessments are stored yet.")
        return None
    options = [(a.country, a.year) for a in sorted(items, key=lambda a: (a.country, a.year))]
    names = {
        (a.country, a.year): f"{common.country_label(a.country, a.name)} ({a.country}) {a.year}"
        for a in items
    }
    default = st.session_state.get(SELECTION_KEY, options)
    chosen = st.multiselect(
        "Countries",
        options,
        default=[o for o in default if o in options],
        format_func=names.get,
        key=f"{page}_countries_box",
        help="All stored assessments you may see are picked at first; the choice is kept on "
        "Compare, Coverage, Weights and Export.",
    )
    st.session_state[SELECTION_KEY] = chosen
    if not chosen:
        st.info("Pick at least one country.")
        return None
    return tuple(state.version_key(c, y) for c, y in chosen)


def render() -> None:
    st.title("Compare countries")
    common.not_a_ranking()
    keys = selected_keys()
    if keys is None:
        return
    versions = {state.load_version(*k).meta.framework for k in keys}
    if len(versions) > 1:
        st.error(
            "These assessments use different framework versions "
            f"({', '.join(sorted(versions))}); compare one version at a time."
        )
        return
    analysis = state.analysis_for(keys)
    cats = level_table(analysis, "category")
    fw = analysis.framework
    cats["label"] = [fw.category_label(c) for c in cats["id"]]
    st.subheader("Category profiles")
    st.caption(
        f"Bars are scores; black lines are {analysis.run.interval_label}s of uncertainty. "
        "Countries are listed by code, not by score."
    )
    common.run_caption(analysis.run)
    st.altair_chart(comparison_chart(cats, fw.colours), width="content")
    missing = cats[cats["score"].isna()]
    if len(missing):
        st.caption(
            "Insufficient data (no score shown): "
            + "; ".join(
                f"{c} {cat}" for c, cat in zip(missing["country"], missing["id"], strict=True)
            )
        )
    st.subheader("Theme heatmap")
    themes = level_table(analysis, "theme")
    heat = themes.rename(columns={"id": "column", "score": "value"})[
        ["country", "column", "name", "value"]
    ]
    st.altair_chart(heatmap(heat, list(analysis.framework.themes)), width="stretch")
    st.caption(
        "Darker blue is a higher score; the number is in every cell, a blank cell has "
        "insufficient data. Themes: "
        + "; ".join(f"{t} {name}" for t, (_, name) in analysis.framework.themes.items())
        + "."
    )
    st.subheader("Bands, intervals and coverage")
    table = cats.sort_values(["country", "id"]).assign(
        score_shown=lambda t: t["score"].map(common.score_text),
        interval=lambda t: [
            f"{common.score_text(lo)} to {common.score_text(hi)}" if pd.notna(lo) else ""
            for lo, hi in zip(t["low"], t["high"], strict=True)
        ],
        coverage_pct=lambda t: t["coverage"].map(lambda c: common.score_text(100 * c)),
        note=lambda t: t["reason"].map(lambda r: "" if common.is_blank(r) else str(r)),
    )
    wide = table.pivot(index="country", columns="id", values="band")[list(fw.scored_categories)]
    wide.columns = [f"{c} band" for c in wide.columns]
    common.score_table(wide.fillna("").reset_index().rename(columns={"country": "Country"}))
    common.score_table(
        table[["country", "label", "score_shown", "interval", "band", "coverage_pct", "note"]]
        .fillna("")
        .rename(
            columns={
                "country": "Country",
                "label": "Category",
                "score_shown": "Score",
                "interval": analysis.run.interval_label,
                "band": "Band",
                "coverage_pct": "Coverage %",
                "note": "Note",
            }
        )
    )
    overlaps(analysis)


def overlaps(analysis) -> None:
    """Which countries cannot be told apart: their 90% intervals overlap."""
    groups = indistinguishable(analysis)
    st.subheader("Which countries cannot be told apart")
    st.caption(
        "Two countries whose 90% intervals overlap cannot be told apart on that score: the "
        "difference between them may be noise from missing data, weights and method."
    )
    common.score_table(groups)


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
