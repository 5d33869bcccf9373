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
    # the app's run profile leaves the sensitivity analysis out (it takes time); asked for here
    explain = st.toggle("Say what drives each interval (slower)", key="scorecard_sensitivity")
    analysis = state.analysis_for((key,), sensitivity=True if explain else None)
    record = analysis.records()[0]
    fw = analysis.framework
    assessment = analysis.assessment(country)
    meta = assessment.meta
    label = common.plain(common.country_label(assessment.country, meta.country))
    st.subheader(f"{label} ({assessment.country}), {meta.year}", anchor=False)
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
    lopsided = lopsided_intervals(record, analysis.framework)
    if lopsided:
        st.caption(
            "These intervals reach further below the score than above it: "
            + "; ".join(lopsided)
            + ". The assumption that widens them is the aggregation method: in part of the "
            "draws the scores are combined with a geometric mean, which marks down uneven "
            "profiles, so those draws give lower scores than the arithmetic mean shown."
        )
    with st.expander("How to read this scorecard", expanded=False, icon=":material/help:"):
        st.markdown(how_to_read(analysis.scores.settings, analysis))
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
            column_config={
                "Framework": FRAMEWORK_LINK,
                "Name": st.column_config.TextColumn(width="large"),  # full theme names
            },
        )
    with tabs[1]:
        rows = indicator_table(analysis, country)
        rows = rows[rows["category"].isin(fw.scored_categories)]
        only_gaps = st.toggle("Only data gaps, all categories in one list", key="scorecard_gaps")
        if only_gaps:
            rows = rows[rows["status"].isin(vocabulary().gap_statuses)]
            st.caption(f"{len(rows)} indicator(s) without data.")
        else:
            category = st.selectbox(
                "Category",
                list(fw.scored_categories),
                key="scorecard_ind_cat",
                format_func=fw.category_label,
            )
            rows = rows[rows["category"] == category]
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
        common.table(
            assessment.mab.rename(
                columns={
                    "name": "Name",
                    "organisation": "Organisation",
                    "group": "Stakeholder group",
                    "gender": "Gender",
                    "role": "Role",
                }
            )
        )


def _score_columns(frame: pd.DataFrame, first: list[str]) -> pd.DataFrame:
    """Scores rounded one way, full names, blanks where there is nothing (never "None")."""
    out = frame[first].rename(columns={"id": "Id", "name": "Name"}).copy()
    out["Score"] = frame["score"].map(common.score_text)
    out["90% interval"] = [
        "" if common.is_blank(lo) else f"{common.score_text(lo)} to {common.score_text(hi)}"
        for lo, hi in zip(frame["low"], frame["high"], strict=True)
    ]
    out["Band"] = frame["band"].map(lambda b: "" if common.is_blank(b) else str(b))
    out["Coverage %"] = frame["coverage"].map(
        lambda c: "" if common.is_blank(c) else common.score_text(100 * c)
    )
    out["Note"] = frame["reason"].map(lambda r: "" if common.is_blank(r) else str(r))
    return out


def lopsided_intervals(record: dict, fw) -> list[str]:
    """Index and categories whose interval reaches at least twice as far down as up."""
    nodes = [(fw.index_name, record["index"])] + [
        (fw.category_label(c), n) for c, n in record["categories"].items()
    ]
    out = []
    for name, node in nodes:
        score, low, high = node.get("score"), node.get("low"), node.get("high")
        if any(common.is_blank(v) for v in (score, low, high)):
            continue
        if score - low >= 2 * max(high - score, 0.5):
            out.append(
                f"{name} {common.score_text(score)} "
                f"({common.score_text(low)} to {common.score_text(high)})"
            )
    return out


def how_to_read(settings, analysis) -> str:
    """The scorecard explained in a few lines, from the settings that made these numbers."""
    bands = "; ".join(f"**{b.name}** {b.description}" for b in settings.bands)
    unc = settings.uncertainty
    draws = unc.draws if analysis.uncertainty is None else analysis.uncertainty.draws
    noise = max(unc.noise.model_dump().values())
    low, high = unc.percentiles
    threshold = settings.coverage_threshold.category
    return "\n".join(
        [
            "- **Score**: 0 to 100, from the answers to the indicators, combined question by "
            "question, theme by theme and category by category "
            f"({settings.aggregation} mean, weights: {analysis.records()[0]['weights']}).",
            f"- **Band**: a word for where the score lies: {bands}.",
            "- **Coverage**: the share of applicable indicators that have data. A score needs "
            f"at least {threshold:.0%} coverage; below that it reads *insufficient data* "
            "rather than a number built on guesses.",
            f"- **90% interval**: the score is recomputed {draws} times, each time with every "
            f"weight moved by up to {noise:.0%} and with the "
            f"{' or '.join(unc.methods)} mean; the interval holds the middle "
            f"{high - low:g}% of those results ({low:g}th to {high:g}th percentile). A wide "
            "interval means the score depends on these choices; overlapping intervals cannot "
            "be told apart.",
            "- **Lopsided intervals**: the geometric mean gives lower scores than the "
            "arithmetic mean when themes are uneven, so the draws that use it pull the interval "
            "down; an interval far below the score points to an uneven profile.",
        ]
    )


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
