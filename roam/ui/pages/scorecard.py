"""Scorecard: one country's scores, intervals, bands, coverage, evidence and MAB."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.export.charts import category_frame, profile_chart
from roam.export.tables import indicator_table, level_table
from roam.mab import mab_balance
from roam.presentation import NOT_OFFICIAL
from roam.questionnaire.vocab import vocabulary
from roam.ui import common, state

# theme and indicator rows link to their definition on the Framework page
FRAMEWORK_LINK = st.column_config.LinkColumn("Framework", display_text="definition")


def render() -> None:
    st.title("Scorecard")
    choice = common.pick_country()
    if choice is None:
        return
    country, year = choice
    history = state.secure().history(country, year)
    versions = [v.version for v in history if not v.archived]
    version = st.selectbox(
        "Version",
        versions[::-1],
        key="scorecard_version",
        format_func=lambda n: f"version {n}" + (" (latest)" if n == max(versions) else ""),
    )
    key = state.version_key(country, year, version)
    analysis = state.analysis_for((key,))
    record = analysis.records()[0]
    fw = analysis.framework
    assessment = analysis.assessment(country)
    meta = assessment.meta
    st.subheader(f"{meta.country} ({meta.iso_code}), {meta.year}")
    st.caption(
        f"Framework {meta.framework} · {meta.indicator_set} set · weights "
        f"{record['weights']}" + (" · fictional data" if meta.fictional else "")
    )
    common.score_cards(record, analysis)
    common.run_caption(analysis.run)
    if analysis.sensitivity is not None:  # which uncertain choice the index interval comes from
        fw = analysis.framework
        driver = analysis.sensitivity.sentence(country, "index", fw.index_id)
        if driver:
            st.caption(f"{fw.index_name}: {driver}")
    st.caption(NOT_OFFICIAL)
    left, right = st.columns([3, 2])
    with left:
        st.altair_chart(
            profile_chart(
                category_frame(record["categories"], fw),
                fw.colours,
                f"Categories with {analysis.run.interval_label}s",
            ),
            width="stretch",
        )
    with right:
        st.markdown("**Relative strengths** (themes above the country's own mean)")
        for s in record["strengths"]:
            st.markdown(f"- {s['theme']} {s['name']}: {common.fmt(s['score'])}")
        st.markdown("**Relative weaknesses**")
        for w in record["weaknesses"]:
            st.markdown(f"- {w['theme']} {w['name']}: {common.fmt(w['score'])}")
    tabs = st.tabs(["Themes", "Indicators", "Contextual", "MAB"])
    with tabs[0]:
        themes = level_table(analysis, "theme", country)
        cats = st.multiselect(
            "Categories",
            list(fw.scored_categories),
            default=list(fw.scored_categories),
            format_func=fw.category_label,
            key="scorecard_theme_cats",
        )
        shown = themes[themes["category"].isin(cats)].assign(
            label=lambda t: t["id"] + " " + t["name"]
        )
        st.altair_chart(
            profile_chart(
                shown[["id", "label", "category", "score", "low", "high"]], fw.colours, "Themes"
            ),
            width="stretch",
        )
        common.table(
            _score_columns(shown, ["id", "name"]).assign(
                Framework="framework?theme=" + shown["id"]
            ),
            column_config={"Framework": FRAMEWORK_LINK},
        )
    with tabs[1]:
        rows = indicator_table(analysis, country)
        rows = rows[rows["category"].isin(fw.scored_categories)]
        category = st.selectbox(
            "Category",
            list(fw.scored_categories),
            key="scorecard_ind_cat",
            format_func=fw.category_label,
        )
        only_gaps = st.toggle("Only data gaps", key="scorecard_gaps")
        rows = rows[rows["category"] == category]
        if only_gaps:
            rows = rows[rows["status"].isin(vocabulary().gap_statuses)]
        common.table(
            pd.DataFrame(
                {
                    "Indicator": rows["indicator_id"],
                    "Core": rows["core_label"],
                    "Text": rows["text"],
                    "Answer": [str(a) if a is not None else "" for a in rows["answer_shown"]],
                    "Points": rows["points"],
                    "Status": rows["status_label"],
                    "Data year": rows["data_year"],
                    "Source": rows["source"],
                    "Evidence": rows["evidence"],
                    "Framework": "framework?indicator=" + rows["indicator_id"],
                }
            ),
            column_config={"Framework": FRAMEWORK_LINK},
        )
    with tabs[2]:
        ctx = indicator_table(analysis, country)
        ctx = ctx[ctx["category"].isin(fw.context_categories)]
        common.table(
            pd.DataFrame(
                {
                    "Indicator": ctx["indicator_id"],
                    "Group": ctx["group"],
                    "Text": ctx["text"],
                    "Value": [str(a) if a is not None else "" for a in ctx["answer_shown"]],
                    "Unit": ctx["unit"],
                    "Year": ctx["data_year"],
                    "Source": ctx["source"],
                }
            )
        )
    with tabs[3]:
        balance = mab_balance(assessment.mab)
        (st.success if balance.balanced else st.warning)(balance.summary())
        common.table(assessment.mab)


def _score_columns(frame: pd.DataFrame, first: list[str]) -> pd.DataFrame:
    out = frame[[*first, "score", "low", "high", "band", "coverage", "reason"]].copy()
    out["coverage"] = (out["coverage"] * 100).round(0)
    return out.rename(
        columns={
            "id": "Id",
            "name": "Name",
            "score": "Score",
            "low": "Low",
            "high": "High",
            "band": "Band",
            "coverage": "Coverage %",
            "reason": "Note",
        }
    )


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
