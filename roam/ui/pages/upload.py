"""Upload: blank templates out, filled workbooks in, a plain report, and storing a version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pycountry
import streamlit as st

from roam.access import AccessDenied
from roam.errors import how_to_fix
from roam.export.package import csv_safe
from roam.framework import load_framework
from roam.questionnaire import AssessmentMeta, write_questionnaire
from roam.questionnaire.annotate import annotate_workbook
from roam.questionnaire.vocab import vocabulary
from roam.service import InvalidFiles, StoreError, TransitionError
from roam.ui import state

TEMPLATES = Path(__file__).resolve().parents[3] / "questionnaires"
UPLOAD_KEY = "upload_result"  # parsed uploads live under our own key (widget values vanish)


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
    if uploaded is not None:
        data = uploaded.getvalue()
        assessment, report = state.check_upload(data, uploaded.name)
        st.session_state[UPLOAD_KEY] = {
            "name": uploaded.name,
            "sha": state.sha(data),
            "data": data,
            "assessment": assessment,
            "report": report,
        }
    result = st.session_state.get(UPLOAD_KEY)
    if result:
        _report(result)


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
        countries = sorted(pycountry.countries, key=lambda c: c.name)
        country = st.selectbox(
            "Country", countries, format_func=lambda c: c.name, index=None, key="tpl_country"
        )
        indicator_set = st.radio("Indicator set", ["core", "full"], horizontal=True, key="tpl_set")
        if country is not None:
            fw = load_framework()
            meta = AssessmentMeta(
                country=country.name,
                iso_code=country.alpha_2,
                year=dt.date.today().year,
                framework=fw.version,
                indicator_set=indicator_set,
            )
            st.download_button(
                f"Download for {country.name}",
                write_questionnaire(fw, meta),
                file_name=f"roam_{country.alpha_2}_{indicator_set}_questionnaire.xlsx",
                key="tpl_country_download",
            )


def _report(result: dict) -> None:
    assessment, report = result["assessment"], result["report"]
    usable = assessment is not None and report.valid
    errors, warnings = len(report.errors), len(report.warnings)
    if usable:
        who = f"{assessment.meta.country} ({assessment.country}) {assessment.meta.year}"
        st.success(
            f"{result['name']}: usable - {who}, {assessment.meta.indicator_set} set. "
            f"{warnings} warning(s) to look at.",
            icon=":material/check_circle:",
        )
    else:
        st.error(
            f"{result['name']}: not usable yet - {errors} problem(s) to fix, {warnings} "
            "warning(s). Nothing was stored.",
            icon=":material/error:",
        )
    if report.issues:
        frame = pd.DataFrame(
            [
                {
                    "Severity": i.severity,
                    "Sheet": i.sheet or "",
                    "Cell": i.cell or "",
                    "Indicator": i.indicator or "",
                    "Value found": i.value or "",
                    "What is wrong": i.message,
                    "How to fix it": how_to_fix(i.code),
                }
                for i in report.issues
            ]
        )
        st.dataframe(frame, hide_index=True, width="stretch", key="issues_table")
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
            f"{secure.user.label} cannot store uploads for {assessment_country(result)}; "
            "the check above is yours to use all the same."
        )
        return
    stored = st.session_state.get("stored_shas", set())
    if result["sha"] in stored:
        st.info("This file is stored. Open the Scorecard or History page to see it.")
        return
    note = st.text_input(
        "Note for this version (optional)",
        key="upload_note",
        placeholder="e.g. after the MAB meeting of 3 May",
    )
    if st.button("Store as a new version", type="primary", key="store_button"):
        try:
            stored_result = secure.ingest([(result["name"], result["data"])], note=note)[0]
        except (InvalidFiles, StoreError, TransitionError, ValueError, AccessDenied) as exc:
            st.error(f"Nothing was stored: {exc}")
            return
        stored.add(result["sha"])
        st.session_state["stored_shas"] = stored
        st.session_state["country"] = (stored_result.country, stored_result.year)
        st.success(
            f"Stored {stored_result.name} {stored_result.year} as version "
            f"{stored_result.version} ({stored_result.status})."
        )


def _annotated(data: bytes, sha: str, report) -> bytes | None:
    key = f"annotated_{sha}"
    if key not in st.session_state:
        try:
            st.session_state[key] = annotate_workbook(data, report)
        except ValueError:
            st.session_state[key] = None
    return st.session_state[key]


def assessment_country(result: dict) -> str:
    return result["assessment"].country


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
