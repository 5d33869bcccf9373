"""Export: the results workbook, the comparison workbook and the submission package."""

from __future__ import annotations

import streamlit as st

from roam.export.comparison import write_comparison
from roam.export.package import write_package
from roam.export.workbook import write_results
from roam.ui import common, state
from roam.ui.views.compare import selected_keys

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@st.cache_data(max_entries=16, show_spinner="Writing the workbook...")
def results_bytes(key: tuple) -> bytes:
    analysis = state.analysis_for((key,))
    return write_results(analysis, key[0])


@st.cache_data(max_entries=8, show_spinner="Building the package...")
def package_bytes(key: tuple) -> bytes:
    analysis = state.analysis_for((key,))
    name, original = state.get_store().original(key[0], key[1], key[2])
    return write_package(analysis, key[0], original, name)


@st.cache_data(max_entries=8, show_spinner="Writing the comparison...")
def comparison_bytes(keys: tuple) -> bytes:
    return write_comparison(state.analysis_for(keys))


def render() -> None:
    st.title("Export")
    st.subheader("One country")
    choice = common.pick_country(key="export_country")
    if choice is not None:
        key = state.version_key(*choice)
        stem = f"{key[0]}_{key[1]}_v{key[2]}"
        cols = st.columns(2)
        cols[0].download_button(
            "Results workbook (.xlsx)",
            results_bytes(key),
            file_name=f"{stem}_results.xlsx",
            mime=XLSX,
            key="download_results",
        )
        if cols[1].toggle(
            "Prepare the submission package for UNESCO (IPDC)", key="prepare_package"
        ):
            cols[1].download_button(
                "Submission package (.zip)",
                package_bytes(key),
                file_name=f"{stem}_submission.zip",
                mime="application/zip",
                key="download_package",
            )
    st.divider()
    st.subheader("Several countries")
    common.not_a_ranking()
    keys = selected_keys("export_countries")
    if keys:
        st.download_button(
            "Comparison workbook (.xlsx)",
            comparison_bytes(keys),
            file_name="roam_comparison.xlsx",
            mime=XLSX,
            key="download_comparison",
        )
