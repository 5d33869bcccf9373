"""Compare: category profiles, theme heatmap, coverage and intervals for several countries."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.export.charts import comparison_chart, heatmap
from roam.export.tables import level_table
from roam.ui import common, state


def selected_keys(key: str = "compare_countries") -> tuple[tuple, ...] | None:
    items = state.assessments()
    if len(items) < 1:
        st.warning("No assessments are stored yet.")
        return None
    options = [(a.country, a.year) for a in items]
    names = {(a.country, a.year): f"{a.name} ({a.country}) {a.year}" for a in items}
    default = st.session_state.get(key, options[: min(len(options), 8)])
    chosen = st.multiselect(
        "Countries",
        options,
        default=[o for o in default if o in options],
        format_func=names.get,
        key=f"{key}_box",
    )
    st.session_state[key] = chosen
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
    st.subheader("Bands, intervals and coverage")
    table = cats.assign(
        interval=[
            f"{common.fmt(lo)} to {common.fmt(hi)}" if pd.notna(lo) else "-"
            for lo, hi in zip(cats["low"], cats["high"], strict=True)
        ],
        coverage_pct=(cats["coverage"] * 100).round(0),
    )
    wide = table.pivot(index="country", columns="id", values="band")[list(fw.scored_categories)]
    wide.columns = [f"{c} band" for c in wide.columns]
    common.table(wide.reset_index().rename(columns={"country": "Country"}))
    common.table(
        table[["country", "label", "score", "interval", "band", "coverage_pct", "reason"]].rename(
            columns={
                "country": "Country",
                "label": "Category",
                "score": "Score",
                "interval": analysis.run.interval_label,
                "band": "Band",
                "coverage_pct": "Coverage %",
                "reason": "Note",
            }
        )
    )


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
