"""Export: the results workbook, the comparison workbook and the submission package."""

from __future__ import annotations

import json

import streamlit as st

from roam.access import AccessDenied
from roam.export.comparison import write_comparison
from roam.export.package import write_package
from roam.export.workbook import write_results
from roam.i18n import _, current_language, language
from roam.ui import common, state
from roam.ui.pages.compare import selected_keys

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# The secure store checks the export right; only then are cached bytes handed out. Files are
# written in the app's language, which is part of every cache key.
@st.cache_data(max_entries=16, show_spinner=False)
def _results_bytes(key: tuple, lang: str, reviews: str = "[]") -> bytes:
    with language(lang):
        return write_results(state.analysis_for((key,)), key[0], json.loads(reviews))


@st.cache_data(max_entries=8, show_spinner=False)
def _package_bytes(key: tuple, lang: str, reviews: str = "[]") -> bytes:
    name, original = state.secure().original(key[0], key[1], key[2], indicator_set=key[4])
    with language(lang):
        return write_package(
            state.analysis_for((key,)), key[0], original, name, json.loads(reviews)
        )


def _review_records(key: tuple) -> str:
    """The review rounds of this assessment the current user may see (JSON: a cache key)."""
    from roam.service.reviews import records_for_export
    from roam.ui.auth import current_user

    records = records_for_export(state.get_store(), current_user(), key[0], key[1])
    return json.dumps(records, sort_keys=True)


@st.cache_data(max_entries=8, show_spinner=False)
def _comparison_bytes(keys: tuple, lang: str) -> bytes:
    with language(lang):
        return write_comparison(state.analysis_for(keys))


def _allowed(keys: tuple) -> str | None:
    """None when the current user may export every one of these versions, else why not."""
    secure = state.secure()
    for key in keys:
        try:
            secure.check_export(key[0], key[1], key[2], indicator_set=key[4])
        except AccessDenied as exc:
            return common.plain(str(exc))
    return None


def render() -> None:
    st.title(_("Export"))
    st.subheader(_("One country"))
    choice = common.pick_country(key="export_country")
    if choice is not None:
        key = state.version_key(*choice)
        refused = _allowed((key,))
        if refused:
            st.warning(refused)
        else:
            stem = f"{key[0]}_{key[1]}_v{key[2]}"
            common.run_caption(state.analysis_for((key,)).run)
            cols = st.columns(2)
            with st.spinner(_("Writing the workbook...")):
                results = _results_bytes(key, current_language(), _review_records(key))
            cols[0].download_button(
                _("Results workbook (.xlsx)"),
                results,
                file_name=f"{stem}_results.xlsx",
                mime=XLSX,
                key="download_results",
            )
            if cols[1].toggle(
                _("Prepare the submission package for UNESCO (IPDC)"), key="prepare_package"
            ):
                with st.spinner(_("Building the package...")):
                    package = _package_bytes(key, current_language(), _review_records(key))
                cols[1].download_button(
                    _("Submission package (.zip)"),
                    package,
                    file_name=f"{stem}_submission.zip",
                    mime="application/zip",
                    key="download_package",
                )
    st.divider()
    st.subheader(_("Several countries"))
    common.not_a_ranking()
    keys = selected_keys("export")
    if not keys:
        return
    refused = _allowed(keys)
    if refused:
        st.warning(refused)
        return
    with st.spinner(_("Writing the comparison...")):
        comparison = _comparison_bytes(keys, current_language())
    st.download_button(
        _("Comparison workbook (.xlsx)"),
        comparison,
        file_name="roam_comparison.xlsx",
        mime=XLSX,
        key="download_comparison",
    )


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
