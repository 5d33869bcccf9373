"""History: every version, every status change, and what changed between two versions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.access import AccessDenied
from roam.service import FORWARD, STATUSES, TRANSITIONS, StoreError, TransitionError
from roam.ui import common, state

DONE_KEY = "status_done"  # the confirmation shown after the rerun that a status change starts
FIELD_NAMES = {
    "status": "Data status",
    "answer": "Answer",
    "value": "Value",
    "unit": "Unit",
    "data_year": "Data year",
    "source": "Source",
    "evidence": "Evidence",
}


def is_forward(current: str, target: str) -> bool:
    """A step along draft -> validated -> submitted -> published (archiving is not one)."""
    return (
        current in FORWARD and target in FORWARD and FORWARD.index(target) > FORWARD.index(current)
    )


def ordered_targets(current: str, allowed: list[str]) -> list[str]:
    """The next forward step first (the default), then moves back, archiving last."""
    return sorted(
        allowed, key=lambda t: (not is_forward(current, t), t == "archived", STATUSES.index(t))
    )


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
    _status(store, country, year, versions)
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
            common.table(
                pd.DataFrame(
                    [
                        {
                            "Indicator": c.indicator_id,
                            "What changed": FIELD_NAMES.get(c.field, c.field),
                            "Before": "" if c.before is None else str(c.before),
                            "After": "" if c.after is None else str(c.after),
                        }
                        for c in diff.changes
                    ]
                )
            )


def _status(store, country: str, year: int, versions: list) -> None:
    st.subheader("Status")
    done = st.session_state.pop(DONE_KEY, None)
    if done:
        st.success(done, icon=":material/check_circle:")
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
    permitted = [
        t for t in TRANSITIONS[info.status] if store.can("change_status", country, info.status, t)
    ]
    allowed = ordered_targets(info.status, permitted)
    if not allowed:
        st.caption(f"{common.plain(store.user.label)} cannot change the status of this assessment.")
        return
    target = st.selectbox(
        "Move to",
        allowed,
        key=f"status_target_{country}_{year}_{info.status}",  # a fresh default after each move
        format_func=lambda t: (
            t + ("" if is_forward(info.status, t) else " (a step back)")
            if t != "archived"
            else "archived (withdrawn from use)"
        ),
    )
    note = st.text_input("Note", key=f"status_note_{country}_{year}_{info.status}")
    backward = not is_forward(info.status, target)
    confirmed = True
    if backward:
        st.warning(
            f"Moving {country} {year} from {info.status} to {target} is not a step forward"
            + (
                ": it is withdrawn from every view until it is restored to draft."
                if target == "archived"
                else ": it will need to pass the earlier steps again."
            ),
            icon=":material/undo:",
        )
        confirmed = st.checkbox(
            f"Yes, move it to {target}", key=f"status_confirm_{country}_{year}_{info.status}"
        )
    if st.button("Change status", key="status_change", disabled=not confirmed):
        try:
            store.set_status(
                country,
                year,
                target,
                note=note,
                version=reviewed,  # the version shown above is the one reviewed
                indicator_set=info.indicator_set,
            )
        except (TransitionError, StoreError, AccessDenied) as exc:
            st.error(common.plain(str(exc)))
            return
        st.session_state[DONE_KEY] = f"{country} {year} moved from {info.status} to {target}."
        st.rerun()


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
