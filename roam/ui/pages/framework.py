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
from roam.i18n import N_, _, current_language
from roam.ui import common

ALL = N_("All")
PROVENANCE = {"confirmed": N_("Confirmed"), "reconstructed": N_("Reconstructed")}
BADGE_COLOUR = {"confirmed": "green", "reconstructed": "orange"}
PROVENANCE_CHOICES = [ALL, "Confirmed", "Reconstructed"]
KINDS = (N_("legal"), N_("quantitative"), N_("perception"), N_("contextual"))
KEYS = ("fw_category", "fw_theme", "fw_question", "fw_indicator")


def badge(provenance: str) -> str:
    """ ":green-badge[Confirmed]" with the word in the app's language."""
    return f":{BADGE_COLOUR[provenance]}-badge[{_(PROVENANCE[provenance])}]"


def _all(option: str) -> str:
    return _(ALL) if option == ALL else option


def tr(fw: Framework, key: str) -> str:
    """A catalogue text in the app's language (see common.text)."""
    return common.text(fw, key)


def plain(text: str | None) -> str:
    """Catalogue text shown as written: Markdown and Streamlit directives are escaped."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~:$^=])", r"\\\1", text or "")


def render() -> None:
    st.title(_("Framework"))
    versions = available_versions() or [DEFAULT_VERSION]
    if st.session_state.get("fw_version") not in versions:
        st.session_state["fw_version"] = (
            DEFAULT_VERSION if DEFAULT_VERSION in versions else versions[0]
        )
    fw = load_framework(st.selectbox(_("Framework version"), versions, key="fw_version"))
    if current_language() in fw.translations:
        st.caption(plain(fw.translation(current_language()).notice))
    _follow_link(fw)
    _summary(fw)
    category, theme, question, indicator = _pickers(fw)
    left, middle, right = st.columns([1, 1, 2])
    core_only = left.toggle(_("Core indicators only"), key="fw_core")
    wording = middle.selectbox(
        _("Wording"), PROVENANCE_CHOICES, format_func=common.in_language(_), key="fw_provenance"
    )
    search = right.text_input(_("Search"), key="fw_search", placeholder=_("words or an ID"))
    entries = _filtered(fw, category, theme, question, core_only, wording, search)
    st.caption(
        _("{shown} of {total} indicators shown.").format(shown=len(entries), total=len(fw.entries))
    )
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
        st.warning(
            _("{item} is not in framework {version}.").format(
                item=plain(target), version=fw.version
            )
        )


def _summary(fw: Framework) -> None:
    m = fw.manifest
    st.caption(  # the publication is cited as published; the licence note is roam's own
        plain(
            _("{title}. {source} Licence: {licence}.").format(
                title=m.title, source=m.source, licence=_(m.licence)
            )
        )
    )
    totals = fw.counts()["totals"]
    metrics = {_("Themes"): "themes", _("Questions"): "questions", _("Indicators"): "indicators"}
    metrics[_("Core indicators")] = "core"
    for col, (label, key) in zip(st.columns(len(metrics)), metrics.items(), strict=True):
        col.metric(label, totals[key])
    st.info(
        _(
            "Confirmed from published sources: {questions_confirmed} of {questions} questions "
            "and {indicators_confirmed} of {indicators} indicators. The rest is reconstructed "
            "by roam: check its wording against UNESCO's text."
        ).format(
            questions_confirmed=totals["confirmed_questions"],
            questions=totals["questions"],
            indicators_confirmed=totals["confirmed_indicators"],
            indicators=totals["indicators"],
        ),
        icon=":material/fact_check:",
    )


def _choice(label: str, options: list[str], key: str, names: dict[str, str], column) -> str:
    if st.session_state.get(key) not in options:
        st.session_state[key] = ALL
    return column.selectbox(
        label,
        options,
        key=key,
        format_func=common.in_language(lambda o: names.get(o, o) if o != ALL else _(ALL)),
    )


def _pickers(fw: Framework) -> tuple[str, str, str, str]:
    cols = st.columns(4)
    codes = list(fw.categories)
    category = _choice(
        _("Category"),
        [ALL, *codes],
        "fw_category",
        {c: f"{c} {tr(fw, c)}" for c in codes},
        cols[0],
    )
    scope = [e for e in fw.entries if category in (ALL, e.category)]
    themes = list(dict.fromkeys(e.theme or e.group for e in scope))
    theme_names = {tid: f"{tid} {tr(fw, tid)}" for tid in fw.themes}
    theme_names |= {
        g: f"{g} {tr(fw, f'group.{g}')}" for g in themes if g and f"group.{g}" in fw.source_texts
    }
    theme = _choice(_("Theme"), [ALL, *themes], "fw_theme", theme_names, cols[1])
    scope = [e for e in scope if theme in (ALL, e.theme, e.group)]
    questions = list(dict.fromkeys(e.question for e in scope if e.question))
    question = _choice(
        _("Question"),
        [ALL, *questions],
        "fw_question",
        {q: f"{q} {_short(tr(fw, q))}" for q in questions},
        cols[2],
    )
    scope = [e for e in scope if question in (ALL, e.question)]
    indicator = _choice(
        _("Indicator"),
        [ALL, *(e.id for e in scope)],
        "fw_indicator",
        {e.id: f"{e.id} {_short(tr(fw, e.id))}" for e in scope},
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
        shown = f"{tr(fw, e.question)} {tr(fw, ind.id)}" if e.question else tr(fw, ind.id)
        haystack = f"{ind.id} {e.question or ''} {question_text} {ind.text} {shown}".casefold()
        if any(word not in haystack for word in words):
            continue
        out.append(e)
    return out


def _goalposts(e: IndicatorEntry) -> str:
    gp, ind = e.indicator.goalposts, e.indicator
    if gp is None:
        return ""
    text = (
        _("{low} to {high} (higher is better)")
        if ind.direction == "higher"
        else _("{low} to {high} (lower is better)")
    )
    return text.format(low=f"{gp.low:g}", high=f"{gp.high:g}")


def _table(fw: Framework, entries: list[IndicatorEntry]) -> pd.DataFrame:
    lang = current_language()
    return pd.DataFrame(
        {
            _("Indicator"): [e.id for e in entries],
            _("Theme"): [e.theme or e.group for e in entries],
            _("Question"): [e.question or "" for e in entries],
            _("Text"): [tr(fw, e.id) for e in entries],
            _("Core"): [_("Yes") if e.indicator.core else "" for e in entries],
            _("Kind"): [_(e.indicator.kind) for e in entries],
            _("Scale"): [tr(fw, f"scale.{e.indicator.scale}.name") for e in entries],
            _("Unit"): [fw.unit(e.indicator.unit, lang) or "" for e in entries],
            _("Goalposts"): [_goalposts(e) for e in entries],
            _("Wording"): [_(PROVENANCE[e.indicator.provenance]) for e in entries],
        }
    )


def _question_detail(fw: Framework, question_id: str) -> None:
    question = fw.question_items[question_id]
    st.subheader(_("Question {id}").format(id=question_id))
    st.markdown(f"{badge(question.provenance)} {plain(tr(fw, question_id))}")
    if question.source:
        st.caption(_("Source: {source}").format(source=plain(question.source)))
    for ind in question.indicators:
        core = _(" · core") if ind.core else ""
        st.markdown(f"{badge(ind.provenance)} **{ind.id}**{core} · {plain(tr(fw, ind.id))}")


def _indicator_detail(fw: Framework, entry: IndicatorEntry) -> None:
    ind = entry.indicator
    st.subheader(_("Indicator {id}").format(id=ind.id))
    core = _("Core indicator") if ind.core else _("Not a core indicator")
    st.markdown(f"{badge(ind.provenance)} {plain(tr(fw, ind.id))}")
    st.caption(
        _("{core} · kind: {kind}").format(core=core, kind=_(ind.kind))
        + (_(" · source: {source}").format(source=plain(ind.source)) if ind.source else "")
    )
    if entry.question:
        question = fw.question_items[entry.question]
        st.markdown(
            _("Question {id}: {text}").format(id=entry.question, text=plain(tr(fw, entry.question)))
            + f" {badge(question.provenance)}"
        )
    scale = fw.scales[ind.scale]
    name, description = tr(fw, f"scale.{scale.id}.name"), tr(fw, f"scale.{scale.id}.description")
    st.markdown(
        _("**Scale: {name}.** {description}").format(
            name=plain(name), description=plain(description)
        )
    )
    if isinstance(scale, ChoiceScale):
        common.table(
            pd.DataFrame(
                {
                    _("Answer"): [
                        tr(fw, f"scale.{scale.id}.{i}.label") for i in range(len(scale.levels))
                    ],
                    _("Points"): [level.points for level in scale.levels],
                    _("Meaning"): [
                        tr(fw, f"scale.{scale.id}.{i}.descriptor") for i in range(len(scale.levels))
                    ],
                }
            )
        )
    elif isinstance(scale, NumericScale):
        gp = ind.goalposts
        unit = fw.unit(ind.unit, current_language())
        lines = [_("Unit: {unit}").format(unit=plain(unit or "-"))]
        if gp is not None:
            worst, best = (gp.low, gp.high) if ind.direction == "higher" else (gp.high, gp.low)
            lines.append(
                _("Goalposts: {worst} scores 0 and {best} scores 100").format(
                    worst=f"{worst:g}", best=f"{best:g}"
                )
            )
            lines.append(_("Basis: {basis}").format(basis=plain(gp.basis)))
        st.markdown("  \n".join(lines))
    if ind.sources:
        st.caption(_("Where to look: {sources}").format(sources=plain(", ".join(ind.sources))))


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
