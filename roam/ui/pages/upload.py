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
from roam.i18n import N_, _, country_name, current_language
from roam.questionnaire import AssessmentMeta, write_questionnaire
from roam.questionnaire.annotate import annotate_workbook
from roam.questionnaire.vocab import vocabulary
from roam.service import UPLOAD_REFUSED, InvalidFiles, StoreError, TransitionError
from roam.ui import common, state

TEMPLATES = Path(__file__).resolve().parents[3] / "questionnaires"
LONG_VALUE = 120  # characters of a cell's value repeated in the report
STATUS_COLUMNS = {
    "available": N_("Answered"),
    "not_available": N_("Not available"),
    "not_applicable": N_("Not applicable"),
    "unanswered": N_("Unanswered"),
}
ALL_SHEETS = N_("All sheets")
SEVERITIES = (N_("error"), N_("warning"))


@st.cache_data(show_spinner=False)
def country_names(lang: str = "en") -> dict[str, str]:
    """ISO alpha-2 code -> display name in `lang`, sorted by that name (plain strings: safe
    widget options)."""
    names = {c.alpha_2: country_name(display_name(c.alpha_2), lang) for c in pycountry.countries}
    return dict(sorted(names.items(), key=lambda item: item[1].casefold()))


def render() -> None:
    st.title(_("Upload a questionnaire"))
    _templates()
    st.divider()
    st.subheader(_("2. Upload the filled questionnaire"))
    limit_mb = vocabulary().limits.max_file_mb
    uploaded = st.file_uploader(
        _("Filled questionnaire (.xlsx)"),
        type=["xlsx"],
        key="uploader",
        help=_("Up to {size} MB. Every problem is reported with its sheet and cell.").format(
            size=f"{limit_mb:g}"
        ),
    )
    if uploaded is None:  # nothing in the box (or the file was removed): no report, no storing
        return
    data = uploaded.getvalue()
    with st.spinner(_("Checking the workbook...")):
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


SET_LABELS = {
    "core": N_("Core set ({count} indicators)"),
    "full": N_("Full set ({count} indicators)"),
}
SET_NAMES = {"core": N_("core"), "full": N_("full")}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _templates() -> None:
    st.subheader(_("1. Download a blank questionnaire"))
    lang = current_language()
    if lang != "en":
        st.caption(
            _(
                "The questionnaires are in the language chosen in the sidebar; a filled "
                "questionnaire is read back in any language."
            )
        )
    cols = st.columns([1, 1, 2])
    fw = load_framework()
    for col, indicator_set in zip(cols[:2], ("core", "full"), strict=True):
        name = vocabulary().template_name(fw.version, indicator_set)
        label = _(SET_LABELS[indicator_set]).format(count=len(fw.entries_for(indicator_set)))
        path = TEMPLATES / name
        if lang != "en":
            col.download_button(
                label,
                _blank_template(indicator_set, lang),
                file_name=name.replace(".xlsx", f"_{lang}.xlsx"),
                mime=XLSX,
                key=f"tpl_{name}",
            )
        elif path.exists():
            col.download_button(
                label, path.read_bytes(), file_name=name, mime=XLSX, key=f"tpl_{name}"
            )
    with cols[2].expander(_("A questionnaire already set up for your country")):
        names = country_names(lang)
        code = st.selectbox(
            _("Country"), list(names), format_func=names.get, index=None, key="tpl_country"
        )
        indicator_set = st.radio(
            _("Indicator set"),
            ["core", "full"],
            format_func=common.in_language(lambda s: _(SET_NAMES[s])),
            horizontal=True,
            key="tpl_set",
        )
        if code is not None:
            with st.spinner(_("Preparing the questionnaire...")):
                workbook = _country_template(code, indicator_set, lang)
            suffix = "" if lang == "en" else f"_{lang}"
            st.download_button(
                _("Download for {country}").format(country=names[code]),
                workbook,
                file_name=f"roam_{code}_{indicator_set}_questionnaire{suffix}.xlsx",
                mime=XLSX,
                key="tpl_country_download",
            )


@st.cache_data(max_entries=8, show_spinner=False)
def _blank_template(indicator_set: str, lang: str) -> bytes:
    """A blank questionnaire in a language (English ones are kept in questionnaires/)."""
    fw = load_framework()
    meta = AssessmentMeta(
        country="", iso_code="", year=None, framework=fw.version, indicator_set=indicator_set
    )
    return write_questionnaire(fw, meta, lang=lang)


@st.cache_data(max_entries=8, show_spinner=False)
def _country_template(code: str, indicator_set: str, lang: str = "en") -> bytes:
    fw = load_framework()
    meta = AssessmentMeta(
        country=display_name(code),
        iso_code=code,
        year=dt.date.today().year,
        framework=fw.version,
        indicator_set=indicator_set,
    )
    return write_questionnaire(fw, meta, lang=lang)


def _report(result: dict) -> None:
    assessment, report = result["assessment"], result["report"]
    usable = assessment is not None and report.valid
    errors, warnings = len(report.errors), len(report.warnings)
    file_name = common.plain(result["name"])
    if usable:
        label = common.country_label(assessment.country, assessment.meta.country)
        who = f"{common.plain(label)} ({assessment.country}) {assessment.meta.year}"
        st.success(
            _("{file}: usable - {who}, {set} set. {warnings} warning(s) to look at.").format(
                file=file_name,
                who=who,
                set=_(SET_NAMES.get(assessment.meta.indicator_set, assessment.meta.indicator_set)),
                warnings=warnings,
            ),
            icon=":material/check_circle:",
        )
    else:
        st.error(
            _(
                "{file}: not usable yet - {errors} problem(s) to fix, {warnings} warning(s). "
                "Nothing was stored."
            ).format(file=file_name, errors=errors, warnings=warnings),
            icon=":material/error:",
        )
    if assessment is not None:
        _answers(assessment)
    if report.issues:
        frame = pd.DataFrame(
            [
                {
                    _("Severity"): _(i.severity),
                    _("Sheet"): i.sheet or "",
                    _("Cell"): i.cell or "",
                    _("Indicator"): i.indicator or "",
                    _("Value found"): _shortened(i.value),
                    _("What is wrong"): i.text(),
                    _("How to fix it"): how_to_fix(i.code),
                }
                for i in report.issues
            ]
        )
        common.static_table(frame)  # long advice wraps, never cut; file values stay text
        cols = st.columns(2)
        if assessment is not None:
            marked = _annotated(result["data"], result["sha"], report)
            if marked is not None:
                cols[0].download_button(
                    _("Your workbook with the problems marked (.xlsx)"),
                    marked,
                    file_name=f"{Path(result['name']).stem}_checked.xlsx",
                    key="issues_annotated",
                    type="primary",
                )
        cols[1].download_button(
            _("This report (CSV)"),
            frame.map(csv_safe).to_csv(index=False).encode("utf-8-sig"),
            file_name=f"{Path(result['name']).stem}_issues.csv",
            key="issues_csv",
        )
    if usable:
        _store(result)


def _store(result: dict) -> None:
    st.subheader(_("3. Store it as a new version"))
    secure = state.secure()
    if not secure.can("upload", assessment_country(result)):
        st.info(
            _(
                "{user} cannot store uploads for {country}; the check above is yours to use all "
                "the same."
            ).format(user=common.plain(secure.user.label), country=assessment_country(result))
        )
        return
    stored = st.session_state.get("stored_shas", set())
    if result["sha"] in stored:
        st.info(_("This file is stored. Open the Scorecard or History page to see it."))
        return
    with st.spinner(_("Checking what can be scored...")):
        gaps = insufficient(result["sha"], result["assessment"], current_language())
    if gaps:
        st.warning(
            _(
                'Once stored, these will show "insufficient data" instead of a score, because '
                "too few of their indicators have data: {gaps}."
            ).format(gaps=", ".join(gaps)),
            icon=":material/warning:",
        )
    confirmed = _status_warning(secure, result["assessment"])
    note = st.text_input(
        _("Note for this version (optional)"),
        key="upload_note",
        placeholder=_("e.g. after the MAB meeting of 3 May"),
    )
    if st.button(
        _("Store as a new version"), type="primary", key="store_button", disabled=not confirmed
    ):
        try:
            stored_result = secure.ingest([(result["name"], result["data"])], note=note)[0]
        except (InvalidFiles, StoreError, TransitionError, ValueError, AccessDenied) as exc:
            st.error(_("Nothing was stored: {reason}").format(reason=common.plain(str(exc))))
            return
        label = common.country_label(stored_result.country, stored_result.name)
        stored.add(result["sha"])
        st.session_state["stored_shas"] = stored
        st.session_state["country"] = (stored_result.country, stored_result.year)
        st.success(
            _("Stored {country} {year} as version {version} ({status}).").format(
                country=common.plain(label),
                year=stored_result.year,
                version=stored_result.version,
                status=common.status_name(stored_result.status),
            )
        )


def _shortened(value: object) -> str:
    text = "" if value is None else str(value)
    if len(text) <= LONG_VALUE:
        return text
    return _("{start}... ({count} characters)").format(start=text[:LONG_VALUE], count=len(text))


def answer_counts(assessment) -> pd.DataFrame:
    """Per sheet: indicators answered, not available, not applicable and left unanswered."""
    responses = assessment.responses
    counts = pd.crosstab(responses["sheet"], responses["status"])
    order = list(dict.fromkeys(responses["sheet"]))
    frame = counts.reindex(index=order, columns=list(STATUS_COLUMNS), fill_value=0)
    frame = frame.rename(columns={code: _(name) for code, name in STATUS_COLUMNS.items()})
    frame.loc[_(ALL_SHEETS)] = frame.sum()
    frame.index.name = _("Sheet")
    return frame


@st.cache_data(max_entries=8, show_spinner=False)
def insufficient(sha: str, _assessment, lang: str = "en") -> list[str]:
    """The index, categories and themes this file would leave at "insufficient data"."""
    analysis = analyse([_assessment], draws=0)
    record = analysis.records()[0]
    fw = analysis.framework
    out = []
    if record["index"]["score"] is None:
        out.append(_("the {index}").format(index=common.index_name(fw)))
    for code, node in record["categories"].items():
        if node["score"] is None:
            out.append(_("category {category}").format(category=common.category_label(fw, code)))
    themes = level_table(analysis, "theme")
    out += [_("theme {theme}").format(theme=t) for t in themes.loc[themes["score"].isna(), "id"]]
    return out


def _answers(assessment) -> None:
    st.markdown(_("**What the file answers**"))
    counts = answer_counts(assessment)
    common.static_table(counts.reset_index())
    total = counts.loc[_(ALL_SHEETS)]
    answered = STATUS_COLUMNS["available"]
    if total[_(answered)] == 0:
        st.warning(
            _("No indicator is answered: the file has a country and a year but nothing to score."),
            icon=":material/warning:",
        )


def _annotated(data: bytes, sha: str, report) -> bytes | None:
    key = f"annotated_{sha}_{current_language()}"  # the marked copy is in the reader's language
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
        reason = _(UPLOAD_REFUSED[status]).format(country=assessment.country, year=year)
        st.info(
            _("A new version cannot be stored: {reason}.").format(reason=reason),
            icon=":material/block:",
        )
        return False
    st.warning(
        _(
            "{country} {year} is {status}. A new version goes back to draft: it will need "
            "validating and submitting again."
        ).format(
            country=assessment.country,
            year=assessment.meta.year,
            status=common.status_name(status),
        ),
        icon=":material/undo:",
    )
    return st.checkbox(
        _("Store it anyway and move {country} {year} back to draft").format(
            country=assessment.country, year=assessment.meta.year
        ),
        key="store_back_to_draft",
    )


def assessment_country(result: dict) -> str:
    return result["assessment"].country


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
