"""Framework: browse the catalogue (category, theme, question, indicator) with each item's
provenance, scale and goalposts. Read-only and open to everyone, signed in or not: it shows
the published framework, never an assessment.

Other pages link here with query parameters: `framework?theme=R.C` or `framework?indicator=R.C.2.1`.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from roam.framework import DEFAULT_VERSION, Framework, available_versions, load_framework
from roam.framework.catalogue import ChoiceScale, IndicatorEntry, NumericScale
from roam.ui import common

ALL = "All"
BADGE = {"confirmed": ":green-badge[Confirmed]", "reconstructed": ":orange-badge[Reconstructed]"}
PROVENANCE_CHOICES = [ALL, "Confirmed", "Reconstructed"]
KEYS = ("fw_category", "fw_theme", "fw_question", "fw_indicator")


def plain(text: str | None) -> str:
    """Catalogue text shown as written: Markdown and Streamlit directives are escaped."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~:$^=])", r"\\\1", text or "")


def render() -> None:
    st.title("Framework")
    versions = available_versions() or [DEFAULT_VERSION]
    if st.session_state.get("fw_version") not in versions:
        st.session_state["fw_version"] = (
            DEFAULT_VERSION if DEFAULT_VERSION in versions else versions[0]
        )
    fw = load_framework(st.selectbox("Framework version", versions, key="fw_version"))
    _follow_link(fw)
    _summary(fw)
    category, theme, question, indicator = _pickers(fw)
    left, middle, right = st.columns([1, 1, 2])
    core_only = left.toggle("Core indicators only", key="fw_core")
    wording = middle.selectbox("Wording", PROVENANCE_CHOICES, key="fw_provenance")
    search = right.text_input("Search", key="fw_search", placeholder="words or an ID")
    entries = _filtered(fw, category, theme, question, core_only, wording, search)
    st.caption(f"{len(entries)} of {len(fw.entries)} indicators shown.")
    common.table(_table(fw, entries))
    if indicator != ALL:
        _indicator_detail(fw, fw.indicator(indicator))
    elif question != ALL:
        _question_detail(fw, question)


def _follow_link(fw: Framework) -> None:
    """Open the item another page linked to (once per link, so the pickers stay usable)."""
    params = st.query_params
    target = params.get("indicator") or params.get("theme")
    if not target or st.session_state.get("fw_link") == target:
        return
    st.session_state["fw_link"] = target
    for key in KEYS:
        st.session_state[key] = ALL
    if target in fw.by_id:
        entry = fw.indicator(target)
        st.session_state["fw_category"] = entry.category
        st.session_state["fw_theme"] = entry.theme or entry.group or ALL
        st.session_state["fw_question"] = entry.question or ALL
        st.session_state["fw_indicator"] = entry.id
    elif target in fw.themes:
        st.session_state["fw_category"] = fw.themes[target][0]
        st.session_state["fw_theme"] = target
    else:
        st.warning(f"{plain(target)} is not in framework {fw.version}.")


def _summary(fw: Framework) -> None:
    m = fw.manifest
    st.caption(plain(f"{m.title}. {m.source} Licence: {m.licence}."))
    totals = fw.counts()["totals"]
    metrics = {"Themes": "themes", "Questions": "questions", "Indicators": "indicators"}
    metrics["Core indicators"] = "core"
    for col, (label, key) in zip(st.columns(len(metrics)), metrics.items(), strict=True):
        col.metric(label, totals[key])
    st.info(
        f"Confirmed from published sources: {totals['confirmed_questions']} of "
        f"{totals['questions']} questions and {totals['confirmed_indicators']} of "
        f"{totals['indicators']} indicators. The rest is reconstructed by roam: check its "
        "wording against UNESCO's text.",
        icon=":material/fact_check:",
    )


def _choice(label: str, options: list[str], key: str, names: dict[str, str], column) -> str:
    if st.session_state.get(key) not in options:
        st.session_state[key] = ALL
    return column.selectbox(
        label, options, key=key, format_func=lambda o: names.get(o, o) if o != ALL else ALL
    )


def _pickers(fw: Framework) -> tuple[str, str, str, str]:
    cols = st.columns(4)
    codes = list(fw.categories)
    category = _choice(
        "Category",
        [ALL, *codes],
        "fw_category",
        {c: f"{c} {fw.categories[c].name}" for c in codes},
        cols[0],
    )
    scope = [e for e in fw.entries if category in (ALL, e.category)]
    themes = list(dict.fromkeys(e.theme or e.group for e in scope))
    theme_names = {tid: f"{tid} {name}" for tid, (_, name) in fw.themes.items()}
    theme = _choice("Theme", [ALL, *themes], "fw_theme", theme_names, cols[1])
    scope = [e for e in scope if theme in (ALL, e.theme, e.group)]
    questions = list(dict.fromkeys(e.question for e in scope if e.question))
    question = _choice(
        "Question",
        [ALL, *questions],
        "fw_question",
        {q: f"{q} {_short(fw.questions[q][1])}" for q in questions},
        cols[2],
    )
    scope = [e for e in scope if question in (ALL, e.question)]
    indicator = _choice(
        "Indicator",
        [ALL, *(e.id for e in scope)],
        "fw_indicator",
        {e.id: f"{e.id} {_short(e.indicator.text)}" for e in scope},
        cols[3],
    )
    return category, theme, question, indicator


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _filtered(
    fw: Framework,
    category: str,
    theme: str,
    question: str,
    core_only: bool,
    wording: str,
    search: str,
) -> list[IndicatorEntry]:
    words = search.casefold().split()
    out = []
    for e in fw.entries:
        ind = e.indicator
        if category != ALL and e.category != category:
            continue
        if theme != ALL and theme not in (e.theme, e.group):
            continue
        if question != ALL and e.question != question:
            continue
        if core_only and not ind.core:
            continue
        if wording != ALL and ind.provenance != wording.casefold():
            continue
        question_text = fw.questions[e.question][1] if e.question else ""
        haystack = f"{ind.id} {e.question or ''} {question_text} {ind.text}".casefold()
        if any(word not in haystack for word in words):
            continue
        out.append(e)
    return out


def _goalposts(e: IndicatorEntry) -> str:
    gp, ind = e.indicator.goalposts, e.indicator
    if gp is None:
        return ""
    better = "higher" if ind.direction == "higher" else "lower"
    return f"{gp.low:g} to {gp.high:g} ({better} is better)"


def _table(fw: Framework, entries: list[IndicatorEntry]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Indicator": [e.id for e in entries],
            "Theme": [e.theme or e.group for e in entries],
            "Question": [e.question or "" for e in entries],
            "Text": [e.indicator.text for e in entries],
            "Core": ["Yes" if e.indicator.core else "" for e in entries],
            "Kind": [e.indicator.kind for e in entries],
            "Scale": [fw.scales[e.indicator.scale].name for e in entries],
            "Unit": [e.indicator.unit or "" for e in entries],
            "Goalposts": [_goalposts(e) for e in entries],
            "Wording": [e.indicator.provenance.capitalize() for e in entries],
        }
    )


def _question_detail(fw: Framework, question_id: str) -> None:
    question = fw.question_items[question_id]
    st.subheader(f"Question {question_id}")
    st.markdown(f"{BADGE[question.provenance]} {plain(question.text)}")
    if question.source:
        st.caption(f"Source: {plain(question.source)}")
    for ind in question.indicators:
        core = " · core" if ind.core else ""
        st.markdown(f"{BADGE[ind.provenance]} **{ind.id}**{core} · {plain(ind.text)}")


def _indicator_detail(fw: Framework, entry: IndicatorEntry) -> None:
    ind = entry.indicator
    st.subheader(f"Indicator {ind.id}")
    core = "Core indicator" if ind.core else "Not a core indicator"
    st.markdown(f"{BADGE[ind.provenance]} {plain(ind.text)}")
    st.caption(
        f"{core} · kind: {ind.kind}" + (f" · source: {plain(ind.source)}" if ind.source else "")
    )
    if entry.question:
        question = fw.question_items[entry.question]
        st.markdown(
            f"Question {entry.question}: {plain(question.text)} {BADGE[question.provenance]}"
        )
    scale = fw.scales[ind.scale]
    st.markdown(f"**Scale: {plain(scale.name)}.** {plain(scale.description)}")
    if isinstance(scale, ChoiceScale):
        common.table(
            pd.DataFrame(
                {
                    "Answer": [level.label for level in scale.levels],
                    "Points": [level.points for level in scale.levels],
                    "Meaning": [level.descriptor for level in scale.levels],
                }
            )
        )
    elif isinstance(scale, NumericScale):
        gp = ind.goalposts
        lines = [f"Unit: {plain(ind.unit or '-')}"]
        if gp is not None:
            lines.append(
                f"Goalposts: {gp.low:g} scores 0 and {gp.high:g} scores 100"
                if ind.direction == "higher"
                else f"Goalposts: {gp.high:g} scores 0 and {gp.low:g} scores 100"
            )
            lines.append(f"Basis: {plain(gp.basis)}")
        st.markdown("  \n".join(lines))
    if ind.sources:
        st.caption("Where to look: " + plain(", ".join(ind.sources)))


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
