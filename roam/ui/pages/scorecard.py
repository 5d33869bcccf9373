"""Scorecard: one country's scores, intervals, bands, coverage, evidence and MAB."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.export.charts import category_frame, profile_chart
from roam.export.tables import indicator_table, level_table
from roam.i18n import _, current_language
from roam.mab import mab_balance
from roam.presentation import NOT_OFFICIAL
from roam.questionnaire.vocab import vocabulary
from roam.scoring.results import reason_text
from roam.ui import common, state
from roam.ui.tables import Link


def framework_link() -> st.column_config.LinkColumn:
    """Theme and indicator rows link to their definition on the Framework page."""
    return st.column_config.LinkColumn(_("Framework"), display_text=_("definition"))


def render() -> None:
    st.title(_("Scorecard"))
    choice = common.pick_country()
    if choice is None:
        return
    country, year = choice
    history = state.secure().history(country, year)
    versions = [v.version for v in history if not v.archived]
    version = st.selectbox(
        _("Version"),
        versions[::-1],
        key="scorecard_version",
        format_func=common.in_language(
            lambda n: (
                _("version {number} (latest)") if n == max(versions) else _("version {number}")
            ).format(number=n)
        ),
    )
    key = state.version_key(country, year, version)
    # the app's run profile leaves the sensitivity analysis out (it takes time); asked for here
    explain = st.toggle(_("Say what drives each interval (slower)"), key="scorecard_sensitivity")
    analysis = state.analysis_for((key,), sensitivity=True if explain else None)
    record = analysis.records()[0]
    fw = analysis.framework
    assessment = analysis.assessment(country)
    meta = assessment.meta
    label = common.plain(common.country_label(assessment.country, meta.country))
    st.subheader(f"{label} ({assessment.country}), {meta.year}", anchor=False)
    weight_set = record["weights"]
    st.caption(
        _("Framework {framework} · {set} set · weights {weights}").format(
            framework=meta.framework, set=_(meta.indicator_set), weights=_(weight_set)
        )
        + (_(" · fictional data") if meta.fictional else "")
    )
    common.score_cards(record, analysis)
    common.run_caption(analysis.run)
    if analysis.sensitivity is not None:  # which uncertain choice the index interval comes from
        fw = analysis.framework
        driver = analysis.sensitivity.sentence(country, "index", fw.index_id)
        if driver:
            st.caption(f"{common.index_name(fw)}: {driver}")
    lopsided = lopsided_intervals(record, analysis.framework)
    if lopsided:
        st.caption(
            _(
                "These intervals reach further below the score than above it: {intervals}. The "
                "assumption that widens them is the aggregation method: in part of the draws "
                "the scores are combined with a geometric mean, which marks down uneven "
                "profiles, so those draws give lower scores than the arithmetic mean shown."
            ).format(intervals="; ".join(lopsided))
        )
    with st.expander(_("How to read this scorecard"), expanded=False, icon=":material/help:"):
        st.markdown(how_to_read(analysis.scores.settings, analysis))
    st.caption(_(NOT_OFFICIAL))
    left, right = st.columns([3, 2])
    with left:
        categories = category_frame(record["categories"], fw)
        categories["label"] = [common.category_label(fw, c) for c in categories["id"]]
        common.chart(
            profile_chart(
                categories,
                fw.colours,
                _("Categories with {intervals}").format(
                    intervals=common.intervals_name(analysis.run)
                ),
            )
        )
    with right:
        heading = _("**Relative strengths** (themes above the country's own mean)")
        st.markdown(theme_list(heading, record["strengths"], fw))
        st.markdown(theme_list(_("**Relative weaknesses**"), record["weaknesses"], fw))
    # only the open tab is built and sent (a click on another tab reruns the page for it)
    labels = [_("Themes"), _("Indicators"), _("Contextual"), _("MAB")]
    tabs = st.tabs(labels, key="scorecard_tab", on_change="rerun")
    for tab, show in zip(
        tabs, (_themes_tab, _indicators_tab, _contextual_tab, _mab_tab), strict=True
    ):
        if tab.open:
            with tab:
                show(analysis, country, assessment)


def theme_list(heading: str, themes: list[dict], fw) -> str:
    """A heading and its themes as one Markdown list: one element on the page, not one per
    theme, which keeps the first view quick to draw. Names come from the framework's texts."""
    items = [
        f"- {t['theme']} {common.text(fw, t['theme'])}: {common.fmt(t['score'])}" for t in themes
    ]
    return "\n".join([heading, "", *items])


def _themes_tab(analysis, country: str, assessment) -> None:
    """Theme scores as bars and a table, for the categories chosen."""
    fw = analysis.framework
    themes = level_table(analysis, "theme", country)
    themes["name"] = [common.text(fw, t) for t in themes["id"]]
    cats = st.multiselect(
        _("Categories"),
        list(fw.scored_categories),
        default=list(fw.scored_categories),
        format_func=common.in_language(lambda c: common.category_label(fw, c)),
        key="scorecard_theme_cats",
    )
    shown = themes[themes["category"].isin(cats)].assign(label=lambda t: t["id"] + " " + t["name"])
    common.chart(
        profile_chart(
            shown[["id", "label", "category", "score", "low", "high"]],
            fw.colours,
            _("Themes"),
        )
    )
    # a static table: full theme names wrap, and the page needs no data grid to show it
    addresses = _framework_address("theme", shown["id"])
    common.static_table(
        _score_columns(shown, ["id", "name"]).assign(
            **{_("Framework"): [Link(_("definition"), a) for a in addresses]}
        )
    )


def _indicators_tab(analysis, country: str, assessment) -> None:
    """Every indicator of one category (or every data gap): answer, points, status, evidence."""
    fw = analysis.framework
    rows = indicator_table(analysis, country)
    rows = rows[rows["category"].isin(fw.scored_categories)]
    only_gaps = st.toggle(_("Only data gaps, all categories in one list"), key="scorecard_gaps")
    if only_gaps:
        rows = rows[rows["status"].isin(vocabulary().gap_statuses)]
        st.caption(_("{count} indicator(s) without data.").format(count=len(rows)))
    else:
        category = st.selectbox(
            _("Category"),
            list(fw.scored_categories),
            key="scorecard_ind_cat",
            format_func=common.in_language(lambda c: common.category_label(fw, c)),
        )
        rows = rows[rows["category"] == category]
    lang = current_language()
    link = _("Framework")
    common.table(
        pd.DataFrame(
            {
                _("Indicator"): rows["indicator_id"],
                _("Core"): [_(c) if c else "" for c in rows["core_label"]],
                _("Text"): [common.text(fw, i) for i in rows["indicator_id"]],
                _("Answer"): [_answer(fw, i, a, lang) for i, a in _answers(rows)],
                _("Points"): rows["points"],
                _("Status"): [vocabulary().label("statuses", s, lang) for s in rows["status"]],
                _("Data year"): rows["data_year"],
                _("Source"): rows["source"],
                _("Evidence"): rows["evidence"],
                link: _framework_address("indicator", rows["indicator_id"]),
            }
        ),
        column_config={link: framework_link()},
    )


def _contextual_tab(analysis, country: str, assessment) -> None:
    """The contextual indicators: values, units, years and sources (not scored)."""
    fw = analysis.framework
    ctx = indicator_table(analysis, country)
    ctx = ctx[ctx["category"].isin(fw.context_categories)]
    common.table(
        pd.DataFrame(
            {
                _("Indicator"): ctx["indicator_id"],
                _("Group"): [_group(fw, g) for g in ctx["group"]],
                _("Text"): [common.text(fw, i) for i in ctx["indicator_id"]],
                _("Value"): [str(a) if a is not None else "" for a in ctx["answer_shown"]],
                _("Unit"): [fw.unit(u, current_language()) for u in ctx["unit"]],
                _("Year"): ctx["data_year"],
                _("Source"): ctx["source"],
            }
        )
    )


def _mab_tab(analysis, country: str, assessment) -> None:
    """The Multistakeholder Advisory Board: its balance and members."""
    balance = mab_balance(assessment.mab)
    (st.success if balance.balanced else st.warning)(mab_summary(balance))
    vocab, lang = vocabulary(), current_language()
    members = assessment.mab.copy()
    if "group" in members:
        members["group"] = [vocab.label("stakeholder_groups", g, lang) for g in members["group"]]
    if "gender" in members:
        members["gender"] = [vocab.label("genders", g, lang) for g in members["gender"]]
    common.table(
        members.rename(
            columns={
                "name": _("Name"),
                "organisation": _("Organisation"),
                "group": _("Stakeholder group"),
                "gender": _("Gender"),
                "role": _("Role"),
            }
        )
    )


def mab_summary(balance) -> str:
    """The MAB's balance in a sentence, in the app's language."""
    if not balance.members:
        return _("No MAB members are listed.")
    lang = current_language()
    missing = [vocabulary().label("stakeholder_groups", g, lang) for g in balance.missing_groups]
    return _("{members} members; stakeholder groups missing: {missing}; women {women}.").format(
        members=balance.members,
        missing=", ".join(missing) if missing else _("none"),
        women=f"{balance.gender_shares.get('Woman', 0.0):.0%}",
    )


def _framework_address(kind: str, ids: pd.Series) -> pd.Series:
    """Links to the Framework page, keeping the app's language (a link opens a new session)."""
    lang = current_language()
    return (f"framework?{kind}=" if lang == "en" else f"framework?lang={lang}&{kind}=") + ids


def _answers(rows: pd.DataFrame):
    return zip(rows["indicator_id"], rows["answer_shown"], strict=True)


def _answer(fw, indicator_id: str, answer: object, lang: str) -> str:
    """An answer as shown, with a choice scale's label in the app's language."""
    if answer is None:
        return ""
    text = str(answer)
    scale = fw.scale_of(indicator_id)
    for i, label in enumerate(getattr(scale, "labels", None) or []):
        if text == label:
            return fw.level_label(scale.id, i, lang)
    return text


def _group(fw, group: object) -> str:
    if common.is_blank(group):
        return ""
    key = f"group.{group}"
    return common.text(fw, key) if key in fw.source_texts else str(group)


def _score_columns(frame: pd.DataFrame, first: list[str]) -> pd.DataFrame:
    """Scores rounded one way, full names, blanks where there is nothing (never "None")."""
    out = frame[first].rename(columns={"id": _("Id"), "name": _("Name")}).copy()
    out[_("Score")] = frame["score"].map(common.score_text)
    out[_("90% interval")] = [
        "" if common.is_blank(lo) else common.span(common.score_text(lo), common.score_text(hi))
        for lo, hi in zip(frame["low"], frame["high"], strict=True)
    ]
    out[_("Band")] = frame["band"].map(lambda b: "" if common.is_blank(b) else _(str(b)))
    out[_("Coverage %")] = frame["coverage"].map(
        lambda c: "" if common.is_blank(c) else common.score_text(100 * c)
    )
    out[_("Note")] = frame["reason"].map(reason_text)
    return out


def lopsided_intervals(record: dict, fw) -> list[str]:
    """Index and categories whose interval reaches at least twice as far down as up."""
    nodes = [(common.index_name(fw), record["index"])] + [
        (common.category_label(fw, c), n) for c, n in record["categories"].items()
    ]
    out = []
    for name, node in nodes:
        score, low, high = node.get("score"), node.get("low"), node.get("high")
        if any(common.is_blank(v) for v in (score, low, high)):
            continue
        if score - low >= 2 * max(high - score, 0.5):
            interval = common.span(common.score_text(low), common.score_text(high))
            out.append(f"{name} {common.score_text(score)} ({interval})")
    return out


def how_to_read(settings, analysis) -> str:
    """The scorecard explained in a few lines, from the settings that made these numbers."""
    bands = "; ".join(f"**{_(b.name)}** {_(b.description)}" for b in settings.bands)
    unc = settings.uncertainty
    draws = unc.draws if analysis.uncertainty is None else analysis.uncertainty.draws
    noise = max(unc.noise.model_dump().values())
    low, high = unc.percentiles
    threshold = settings.coverage_threshold.category
    return "\n".join(
        [
            _(
                "- **Score**: 0 to 100, from the answers to the indicators, combined question by "
                "question, theme by theme and category by category ({method} mean, weights: "
                "{weights})."
            ).format(method=_(settings.aggregation), weights=analysis.records()[0]["weights"]),
            _("- **Band**: a word for where the score lies: {bands}.").format(bands=bands),
            _(
                "- **Coverage**: the share of applicable indicators that have data. A score "
                "needs at least {threshold} coverage; below that it reads *insufficient data* "
                "rather than a number built on guesses."
            ).format(threshold=f"{threshold:.0%}"),
            _(
                "- **90% interval**: the score is recomputed {draws} times, each time with every "
                "weight moved by up to {noise} and with the {methods} mean; the interval holds "
                "the middle {share}% of those results ({low}th to {high}th percentile). A wide "
                "interval means the score depends on these choices; overlapping intervals "
                "cannot be told apart."
            ).format(
                draws=draws,
                noise=f"{noise:.0%}",
                methods=_(" or ").join(_(m) for m in unc.methods),
                share=f"{high - low:g}",
                low=f"{low:g}",
                high=f"{high:g}",
            ),
            _(
                "- **Lopsided intervals**: the geometric mean gives lower scores than the "
                "arithmetic mean when themes are uneven, so the draws that use it pull the "
                "interval down; an interval far below the score points to an uneven profile."
            ),
        ]
    )


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
