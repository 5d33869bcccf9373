"""Upload: blank templates out, filled workbooks in, a plain report, and storing a version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pycountry
import streamlit as st

from roam.access import AccessDenied
from roam.analysis import analyse
from roam.countries import display_name
from roam.errors import how_to_fix
from roam.export.package import csv_safe
from roam.export.tables import level_table
from roam.framework import load_framework
from roam.questionnaire import AssessmentMeta, write_questionnaire
from roam.questionnaire.annotate import annotate_workbook
from roam.questionnaire.vocab import vocabulary
from roam.service import UPLOAD_REFUSED, InvalidFiles, StoreError, TransitionError
from roam.ui import common, state

TEMPLATES = Path(__file__).resolve().parents[3] / "questionnaires"
LONG_VALUE = 120  # characters of a cell's value repeated in the report
STATUS_COLUMNS = {
    "available": "Answered",
    "not_available": "Not available",
    "not_applicable": "Not applicable",
    "unanswered": "Unanswered",
}


@st.cache_data(show_spinner=False)
def country_names() -> dict[str, str]:
    """ISO alpha-2 code -> display name, sorted by name (plain strings: safe widget options)."""
    names = {c.alpha_2: display_name(c.alpha_2) for c in pycountry.countries}
    return dict(sorted(names.items(), key=lambda item: item[1]))


def render() -> None:
    st.title("Upload a questionnaire")
    _templates()
    st.divider()
    st.subheader("2. Upload the filled questionnaire")
    limit_mb = vocabulary().limits.max_file_mb
    uploaded = st.file_uploader(
        "Filled questionnaire (.xlsx)",
        type=["xlsx"],
        key="uploader",
        help=f"Up to {limit_mb:g} MB. Every problem is reported with its sheet and cell.",
    )
    if uploaded is None:  # nothing in the box (or the file was removed): no report, no storing
        return
    data = uploaded.getvalue()
    assessment, report = state.check_upload(data, uploaded.name)
    _report(
        {
            "name": uploaded.name,
            "sha": state.sha(data),
            "data": data,
            "assessment": assessment,
            "report": report,
        }
    )


def _templates() -> None:
    st.subheader("1. Download a blank questionnaire")
    cols = st.columns([1, 1, 2])
    fw = load_framework()
    for col, indicator_set in zip(cols[:2], ("core", "full"), strict=True):
        name = vocabulary().template_name(fw.version, indicator_set)
        label = f"{indicator_set.title()} set ({len(fw.entries_for(indicator_set))} indicators)"
        path = TEMPLATES / name
        if path.exists():
            col.download_button(
                label,
                path.read_bytes(),
                file_name=name,
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                key=f"tpl_{name}",
            )
    with cols[2].expander("A questionnaire already set up for your country"):
        names = country_names()
        code = st.selectbox(
            "Country", list(names), format_func=names.get, index=None, key="tpl_country"
        )
        indicator_set = st.radio("Indicator set", ["core", "full"], horizontal=True, key="tpl_set")
        if code is not None:
            st.download_button(
                f"Download for {names[code]}",
                _country_template(code, indicator_set),
                file_name=f"roam_{code}_{indicator_set}_questionnaire.xlsx",
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                key="tpl_country_download",
            )


@st.cache_data(max_entries=8, show_spinner="Preparing the questionnaire...")
def _country_template(code: str, indicator_set: str) -> bytes:
    fw = load_framework()
    meta = AssessmentMeta(
        country=display_name(code),
        iso_code=code,
        year=dt.date.today().year,
        framework=fw.version,
        indicator_set=indicator_set,
    )
    return write_questionnaire(fw, meta)


def _report(result: dict) -> None:
    assessment, report = result["assessment"], result["report"]
    usable = assessment is not None and report.valid
    errors, warnings = len(report.errors), len(report.warnings)
    file_name = common.plain(result["name"])
    if usable:
        label = common.country_label(assessment.country, assessment.meta.country)
        who = f"{common.plain(label)} ({assessment.country}) {assessment.meta.year}"
        st.success(
            f"{file_name}: usable - {who}, {assessment.meta.indicator_set} set. "
            f"{warnings} warning(s) to look at.",
            icon=":material/check_circle:",
        )
    else:
        st.error(
            f"{file_name}: not usable yet - {errors} problem(s) to fix, {warnings} "
            "warning(s). Nothing was stored.",
            icon=":material/error:",
        )
    if assessment is not None:
        _answers(assessment)
    if report.issues:
        frame = pd.DataFrame(
            [
                {
                    "Severity": i.severity,
                    "Sheet": i.sheet or "",
                    "Cell": i.cell or "",
                    "Indicator": i.indicator or "",
                    "Value found": _shortened(i.value),
                    "What is wrong": i.message,
                    "How to fix it": how_to_fix(i.code),
                }
                for i in report.issues
            ]
        )
        st.table(frame, hide_index=True)  # a static table: long advice wraps, never cut
        cols = st.columns(2)
        if assessment is not None:
            marked = _annotated(result["data"], result["sha"], report)
            if marked is not None:
                cols[0].download_button(
                    "Your workbook with the problems marked (.xlsx)",
                    marked,
                    file_name=f"{Path(result['name']).stem}_checked.xlsx",
                    key="issues_annotated",
                    type="primary",
                )
        cols[1].download_button(
            "This report (CSV)",
            frame.map(csv_safe).to_csv(index=False).encode("utf-8-sig"),
            file_name=f"{Path(result['name']).stem}_issues.csv",
            key="issues_csv",
        )
    if usable:
        _store(result)


def _store(result: dict) -> None:
    st.subheader("3. Store it as a new version")
    secure = state.secure()
    if not secure.can("upload", assessment_country(result)):
        st.info(
            f"{common.plain(secure.user.label)} cannot store uploads for "
            f"{assessment_country(result)}; "
            "the check above is yours to use all the same."
        )
        return
    stored = st.session_state.get("stored_shas", set())
    if result["sha"] in stored:
        st.info("This file is stored. Open the Scorecard or History page to see it.")
        return
    gaps = insufficient(result["sha"], result["assessment"])
    if gaps:
        st.warning(
            'Once stored, these will show "insufficient data" instead of a score, because too '
            f"few of their indicators have data: {', '.join(gaps)}.",
            icon=":material/warning:",
        )
    confirmed = _status_warning(secure, result["assessment"])
    note = st.text_input(
        "Note for this version (optional)",
        key="upload_note",
        placeholder="e.g. after the MAB meeting of 3 May",
    )
    if st.button(
        "Store as a new version", type="primary", key="store_button", disabled=not confirmed
    ):
        try:
            stored_result = secure.ingest([(result["name"], result["data"])], note=note)[0]
        except (InvalidFiles, StoreError, TransitionError, ValueError, AccessDenied) as exc:
            st.error(f"Nothing was stored: {common.plain(str(exc))}")
            return
        label = common.country_label(stored_result.country, stored_result.name)
        stored.add(result["sha"])
        st.session_state["stored_shas"] = stored
        st.session_state["country"] = (stored_result.country, stored_result.year)
        st.success(
            f"Stored {common.plain(label)} {stored_result.year} as version "
            f"{stored_result.version} ({stored_result.status})."
        )


def _shortened(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= LONG_VALUE else f"{text[:LONG_VALUE]}... ({len(text)} characters)"


def answer_counts(assessment) -> pd.DataFrame:
    """Per sheet: indicators answered, not available, not applicable and left unanswered."""
    responses = assessment.responses
    counts = pd.crosstab(responses["sheet"], responses["status"])
    order = list(dict.fromkeys(responses["sheet"]))
    frame = counts.reindex(index=order, columns=list(STATUS_COLUMNS), fill_value=0)
    frame = frame.rename(columns=STATUS_COLUMNS)
    frame.loc["All sheets"] = frame.sum()
    frame.index.name = "Sheet"
    return frame


@st.cache_data(max_entries=8, show_spinner="Checking what can be scored...")
def insufficient(sha: str, _assessment) -> list[str]:
    """The index, categories and themes this file would leave at "insufficient data"."""
    analysis = analyse([_assessment], draws=0)
    record = analysis.records()[0]
    fw = analysis.framework
    out = []
    if record["index"]["score"] is None:
        out.append(f"the {fw.index_name}")
    for code, node in record["categories"].items():
        if node["score"] is None:
            out.append(f"category {fw.category_label(code)}")
    themes = level_table(analysis, "theme")
    out += [f"theme {t}" for t in themes.loc[themes["score"].isna(), "id"]]
    return out


def _answers(assessment) -> None:
    st.markdown("**What the file answers**")
    counts = answer_counts(assessment)
    st.table(counts.reset_index(), hide_index=True)
    total = counts.loc["All sheets"]
    if total["Answered"] == 0:
        st.warning(
            "No indicator is answered: the file has a country and a year but nothing to score.",
            icon=":material/warning:",
        )


def _annotated(data: bytes, sha: str, report) -> bytes | None:
    key = f"annotated_{sha}"
    if key not in st.session_state:
        try:
            st.session_state[key] = annotate_workbook(data, report)
        except ValueError:
            st.session_state[key] = None
    return st.session_state[key]


def _status_warning(secure, assessment) -> bool:
    """Warn when a new version would pull a submitted (or later) assessment back to draft;
    storing then needs a tick. Returns whether storing may go ahead."""
    current = [
        a
        for a in secure.assessments(assessment.country)
        if a.year == assessment.meta.year and a.indicator_set == assessment.meta.indicator_set
    ]
    if not current or current[0].status == "draft":
        return True
    status = current[0].status
    if status in UPLOAD_REFUSED:
        year = assessment.meta.year
        reason = UPLOAD_REFUSED[status].format(country=assessment.country, year=year)
        st.info(f"A new version cannot be stored: {reason}.", icon=":material/block:")
        return False
    st.warning(
        f"{assessment.country} {assessment.meta.year} is {status}. A new version goes back to "
        f"draft: it will need validating and submitting again.",
        icon=":material/undo:",
    )
    return st.checkbox(
        f"Store it anyway and move {assessment.country} {assessment.meta.year} back to draft",
        key="store_back_to_draft",
    )


def assessment_country(result: dict) -> str:
    return result["assessment"].country


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
