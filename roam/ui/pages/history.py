"""History: every version, every status change, and what changed between two versions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.access import AccessDenied
from roam.i18n import N_, _
from roam.service import FORWARD, STATUSES, TRANSITIONS, StoreError, TransitionError
from roam.ui import common, state

DONE_KEY = "status_done"  # the confirmation shown after the rerun that a status change starts
FIELD_NAMES = {
    "status": N_("Data status"),
    "answer": N_("Answer"),
    "value": N_("Value"),
    "unit": N_("Unit"),
    "data_year": N_("Data year"),
    "source": N_("Source"),
    "evidence": N_("Evidence"),
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
    st.title(_("History"))
    choice = common.pick_country(key="history_country")
    if choice is None:
        return
    country, year = choice
    store = state.secure()
    versions = store.history(country, year)
    st.subheader(_("Versions"))
    common.table(
        pd.DataFrame(
            [
                {
                    _("Version"): v.version,
                    _("Uploaded"): v.uploaded_at.strftime("%Y-%m-%d %H:%M"),
                    _("By"): v.uploaded_by,
                    _("File"): v.filename,
                    "SHA-256": v.sha256[:16],
                    _("Warnings"): v.warnings,
                    _("Note"): v.note,
                    _("Latest"): v.latest,
                    _("Archived"): v.archived,
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
                    _("When"): t.changed_at.strftime("%Y-%m-%d %H:%M"),
                    _("From"): common.status_name(t.from_status) if t.from_status else "",
                    _("To"): common.status_name(t.to_status),
                    _("Version"): t.version,
                    _("By"): t.changed_by,
                    _("Note"): t.note,
                }
                for t in changes
            ]
        )
    )
    if len(versions) >= 2:
        st.subheader(_("What changed between two versions"))
        numbers = [v.version for v in versions]
        cols = st.columns(2)
        a = cols[0].selectbox(_("From version"), numbers, index=len(numbers) - 2, key="diff_a")
        b = cols[1].selectbox(_("To version"), numbers, index=len(numbers) - 1, key="diff_b")
        diff = store.compare(country, a, b, year=year)
        if diff.identical:
            st.info(_("No indicator changed between these versions."))
        else:
            st.write(
                _("{count} indicator(s) changed from {before} to {after}.").format(
                    count=len(diff.changed_indicators), before=diff.before, after=diff.after
                )
            )
            common.table(
                pd.DataFrame(
                    [
                        {
                            _("Indicator"): c.indicator_id,
                            _("What changed"): _(FIELD_NAMES.get(c.field, c.field)),
                            _("Before"): "" if c.before is None else str(c.before),
                            _("After"): "" if c.after is None else str(c.after),
                        }
                        for c in diff.changes
                    ]
                )
            )


def _status(store, country: str, year: int, versions: list) -> None:
    st.subheader(_("Status"))
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
    st.write(_("Current status: **{status}**").format(status=common.status_name(info.status)))
    permitted = [
        t for t in TRANSITIONS[info.status] if store.can("change_status", country, info.status, t)
    ]
    allowed = ordered_targets(info.status, permitted)
    if not allowed:
        st.caption(
            _("{user} cannot change the status of this assessment.").format(
                user=common.plain(store.user.label)
            )
        )
        return
    target = st.selectbox(
        _("Move to"),
        allowed,
        key=f"status_target_{country}_{year}_{info.status}",  # a fresh default after each move
        format_func=common.in_language(lambda t: _target_label(info.status, t)),
    )
    note = st.text_input(_("Note"), key=f"status_note_{country}_{year}_{info.status}")
    backward = not is_forward(info.status, target)
    confirmed = True
    if backward:
        words = {
            "country": country,
            "year": year,
            "current": common.status_name(info.status),
            "target": common.status_name(target),
        }
        st.warning(
            (
                _(
                    "Moving {country} {year} from {current} to {target} is not a step forward: "
                    "it is withdrawn from every view until it is restored to draft."
                )
                if target == "archived"
                else _(
                    "Moving {country} {year} from {current} to {target} is not a step forward: "
                    "it will need to pass the earlier steps again."
                )
            ).format(**words),
            icon=":material/undo:",
        )
        confirmed = st.checkbox(
            _("Yes, move it to {target}").format(target=common.status_name(target)),
            key=f"status_confirm_{country}_{year}_{info.status}",
        )
    if st.button(_("Change status"), key="status_change", disabled=not confirmed):
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
        st.session_state[DONE_KEY] = _("{country} {year} moved from {current} to {target}.").format(
            country=country,
            year=year,
            current=common.status_name(info.status),
            target=common.status_name(target),
        )
        st.rerun()


def _target_label(current: str, target: str) -> str:
    """A status to move to, saying when it is a step back or a withdrawal."""
    if target == "archived":
        return _("archived (withdrawn from use)")
    name = common.status_name(target)
    return name if is_forward(current, target) else _("{status} (a step back)").format(status=name)


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
