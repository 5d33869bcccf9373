"""History: every version, every status change, and what changed between two versions."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import streamlit as st

from roam.access import AccessDenied
from roam.service import STATUSES, TRANSITIONS, StoreError, TransitionError
from roam.ui import common, state


def render() -> None:
    st.title("History")
    choice = common.pick_country(key="history_country")
    if choice is None:
        return
    country, year = choice
    store = state.secure()
    versions = store.history(country, year)
    st.subheader("Versions")
    common.table(
        pd.DataFrame(
            [
                {
                    "Version": v.version,
                    "Uploaded": v.uploaded_at.strftime("%Y-%m-%d %H:%M"),
                    "By": v.uploaded_by,
                    "File": v.filename,
                    "SHA-256": v.sha256[:16],
                    "Warnings": v.warnings,
                    "Note": v.note,
                    "Latest": v.latest,
                    "Archived": v.archived,
                }
                for v in versions
            ]
        )
    )
    st.subheader("Status")
    info = store.status_of(country, year)
    reviewed = max(
        (
            v.version
            for v in versions
            if v.latest and v.indicator_set == info.indicator_set and not v.archived
        ),
        default=None,
    )
    st.write(f"Current status: **{info.status}**")
    allowed = [
        t
        for t in sorted(TRANSITIONS[info.status], key=STATUSES.index)
        if store.can("change_status", country, info.status, t)
    ]
    if not allowed:
        st.caption(f"{store.user.label} cannot change the status of this assessment.")
    with st.form("status_form"):
        target = st.selectbox("Move to", allowed, key="status_target")
        note = st.text_input("Note", key="status_note")
        if st.form_submit_button("Change status"):
            try:
                store.set_status(
                    country,
                    year,
                    target,
                    note=note,
                    version=reviewed,  # the version shown above is the one reviewed
                    indicator_set=info.indicator_set,
                )
                st.success(f"{country} {year} is now {target}.")
                st.rerun()
            except (TransitionError, StoreError, AccessDenied) as exc:
                st.error(str(exc))
    changes = store.transitions(country, year)
    common.table(
        pd.DataFrame(
            [
                {
                    "When": t.changed_at.strftime("%Y-%m-%d %H:%M"),
                    "From": t.from_status or "",
                    "To": t.to_status,
                    "Version": t.version,
                    "By": t.changed_by,
                    "Note": t.note,
                }
                for t in changes
            ]
        )
    )
    if len(versions) >= 2:
        st.subheader("What changed between two versions")
        numbers = [v.version for v in versions]
        cols = st.columns(2)
        a = cols[0].selectbox("From version", numbers, index=len(numbers) - 2, key="diff_a")
        b = cols[1].selectbox("To version", numbers, index=len(numbers) - 1, key="diff_b")
        diff = store.compare(country, a, b, year=year)
        if diff.identical:
            st.info("No indicator changed between these versions.")
        else:
            st.write(
                f"{len(diff.changed_indicators)} indicator(s) changed from {diff.before} "
                f"to {diff.after}."
            )
            common.table(pd.DataFrame([asdict(c) for c in diff.changes]))


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
