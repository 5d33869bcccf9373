"""Recommendations: the national report's recommendations, their follow-up and what became of
them in the scores. Entered and updated here by the national team; nothing is ever deleted."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from roam.access import AccessDenied
from roam.framework import load_framework
from roam.i18n import _, current_language
from roam.questionnaire.vocab import vocabulary
from roam.recommendations.model import RecommendationError
from roam.recommendations.vocabulary import register_vocabulary
from roam.service import StoreError
from roam.service import recommendations as service
from roam.service.recommendations import DuplicateRecommendation
from roam.ui import common, state

PROBLEMS = (AccessDenied, RecommendationError, DuplicateRecommendation, StoreError)


def _register(rows: list[dict]) -> pd.DataFrame:
    vocab = register_vocabulary()
    return pd.DataFrame(
        [
            {
                _("Year"): r["year"],
                _("ID"): r["id"],
                _("Recommendation"): r["text"],
                _("Status"): _(vocab.status_label(r["status"])),
                _("Since"): r["status_date"] or "",
                _("Priority"): _(vocab.priority_label(r["priority"])),
                _("Target"): r["target_date"] or "",
                _("Addressed to"): ", ".join(_group(g) for g in r["stakeholders"]),
                _("Responds to"): ", ".join(r["themes"] + r["indicators"]),
                _("Change in linked scores"): r["change"],
            }
            for r in rows
        ]
    )


def _group(group: str) -> str:
    return vocabulary().label("stakeholder_groups", group, current_language())


def _add_form(secure, country: str, year: int, framework_version: str) -> None:  # type: ignore[no-untyped-def]
    vocab, fw = register_vocabulary(), load_framework(framework_version)
    with st.form("rec_add_form", clear_on_submit=False):
        st.markdown(_("**Add a recommendation**"))
        code = st.text_input(_("ID"), key="rec_add_id", placeholder="R1")
        text = st.text_area(_("Recommendation"), key="rec_add_text")
        themes = st.multiselect(
            _("Themes it responds to"),
            list(fw.themes),
            format_func=common.in_language(lambda t: f"{t} {common.text(fw, t)}"),
            key="rec_add_themes",
        )
        indicators = st.multiselect(
            _("Indicators it responds to"), list(fw.by_id), key="rec_add_ind"
        )
        groups = st.multiselect(
            _("Addressed to"),
            vocabulary().stakeholder_groups,
            format_func=common.in_language(_group),
            key="rec_add_groups",
        )
        priority = st.selectbox(
            _("Priority"),
            vocab.priority_codes,
            format_func=common.in_language(lambda p: _(vocab.priority_label(p))),
            key="rec_add_priority",
        )
        target = st.date_input(_("Target date (optional)"), value=None, key="rec_add_target")
        if st.form_submit_button(_("Add recommendation"), key="rec_add_button"):
            fields = {
                "code": code,
                "text": text,
                "themes": themes,
                "indicators": indicators,
                "stakeholders": groups,
                "priority": priority,
                "target_date": target,
            }
            try:
                info = service.add(secure, country, year, fields)
                st.session_state["rec_message"] = _("Added {code} to {country} {year}.").format(
                    code=info.code, country=country, year=year
                )
                st.rerun()
            except PROBLEMS as exc:
                st.error(str(exc))


def _update_form(secure, country: str, year: int, codes: list[str]) -> None:  # type: ignore[no-untyped-def]
    vocab = register_vocabulary()
    with st.form("rec_update_form"):
        st.markdown(_("**Record progress**"))
        code = st.selectbox(_("Recommendation"), codes, key="rec_upd_id")
        status = st.selectbox(
            _("Status"),
            vocab.status_codes,
            format_func=common.in_language(lambda s: _(vocab.status_label(s))),
            key="rec_upd_status",
        )
        evidence = st.text_area(_("Evidence"), key="rec_upd_evidence")
        dated = st.date_input(_("Date"), value=dt.date.today(), key="rec_upd_date")
        if st.form_submit_button(_("Record update"), key="rec_upd_button"):
            try:
                service.update(secure, country, year, code, status, evidence, dated)
                st.session_state["rec_message"] = _("Recorded {status} for {code}.").format(
                    status=_(vocab.status_label(status)), code=code
                )
                st.rerun()
            except PROBLEMS as exc:
                st.error(str(exc))


def _history(secure, country: str, year: int, codes: list[str]) -> None:  # type: ignore[no-untyped-def]
    code = st.selectbox(_("History of"), codes, key="rec_history_id")
    rec = next(r for r in service.listing(secure, country, year) if r.code == code)
    vocab = register_vocabulary()
    columns = [_("Date"), _("What"), _("Status"), _("Evidence"), _("Before the edit"), _("By")]
    common.static_table(
        pd.DataFrame(
            [
                (
                    u.dated.isoformat(),
                    _("status") if u.kind == "status" else _("edited"),
                    _(vocab.status_label(u.status)) if u.status else "",
                    u.evidence,
                    "; ".join(f"{k}: {v}" for k, v in u.previous.items()),
                    u.recorded_by,
                )
                for u in rec.history
            ],
            columns=columns,
        )
    )


def render() -> None:
    st.title(_("Recommendations"))
    st.caption(
        _(
            "What the national report recommends, to whom, and what became of it. Status "
            "updates are dated and kept; the last column compares the linked scores with a "
            "later assessment of the same country."
        )
    )
    choice = common.pick_country(key="rec_country")
    if choice is None:
        return
    country, year = choice
    secure = state.secure()
    if "rec_message" in st.session_state:
        st.success(st.session_state.pop("rec_message"))
    try:
        rows = service.follow_up(secure, country)
    except PROBLEMS as exc:
        st.error(str(exc))
        return
    if rows:
        common.static_table(_register(rows))  # recommendation texts wrap, never cut
    else:
        st.info(_("No recommendations are recorded for {country} yet.").format(country=country))
    info = next(a for a in secure.assessments(country) if a.year == year)
    codes = [r["id"] for r in rows if r["year"] == year]
    if secure.can("upload", country):
        left, right = st.columns(2)
        with left:
            _add_form(secure, country, year, info.framework)
        with right:
            if codes:
                _update_form(secure, country, year, codes)
    else:
        st.caption(
            _("{user} can read these recommendations but not change them.").format(
                user=common.plain(secure.user.label)
            )
        )
    if codes:
        st.subheader(_("History ({country} {year})").format(country=country, year=year))
        _history(secure, country, year, codes)


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
