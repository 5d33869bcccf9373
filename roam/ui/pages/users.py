"""Users (secretariat): roles and countries of every account, and the audit trail."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.access import AccessDenied, policy
from roam.access.policy import ACTION_WORDS
from roam.i18n import _
from roam.ui import common, state


def render() -> None:
    st.title(_("Users and access"))
    secure = state.secure()
    try:
        users = secure.users()
    except AccessDenied as exc:
        st.error(common.plain(str(exc)))
        return
    st.subheader(_("Add or change a user"))
    roles = [r for r in policy().roles if r != "administrator"]
    with st.form("user_form"):
        email = st.text_input(_("Email (as used to sign in)"), key="user_email")
        role = st.selectbox(
            _("Role"),
            roles,
            key="user_role",
            format_func=common.in_language(
                lambda r: f"{r.replace('_', ' ')}: {_(policy().roles[r].description)}"
            ),
        )
        countries = st.text_input(
            _("Countries (ISO codes, comma separated; for national teams and government viewers)"),
            key="user_countries",
        )
        if st.form_submit_button(_("Save user")):
            try:
                saved = secure.add_user(email, role, countries.split(","))
                st.success(_("Saved {user}.").format(user=common.plain(saved.label)))
                users = secure.users()
            except (ValueError, AccessDenied) as exc:
                st.error(common.plain(str(exc)))
    st.subheader(_("Users"))
    if users:
        common.table(
            pd.DataFrame(users)
            .assign(countries=lambda f: f["countries"].map(lambda c: ", ".join(c)))
            .rename(columns=_user_columns())
        )
    else:
        st.info(
            _(
                "No users yet. Without an account, people who sign in see published assessments "
                "only."
            )
        )
    st.subheader(_("Audit trail (newest first)"))
    events = secure.audit(200)
    if events:
        frame = pd.DataFrame(events)
        # the trail is a record kept in English; its codes and words are shown in the language
        frame["action"] = frame["action"].map(lambda a: _(ACTION_WORDS.get(a, a)))
        frame["detail"] = frame["detail"].map(lambda d: _(d) if d else d)
        common.table(frame.rename(columns=_event_columns()))
    else:
        st.caption(_("Nothing recorded yet."))


def _user_columns() -> dict[str, str]:
    return {
        "email": _("Email"),
        "name": _("Name"),
        "role": _("Role"),
        "countries": _("Countries"),
        "active": _("Active"),
        "created_by": _("Created by"),
    }


def _event_columns() -> dict[str, str]:
    return {
        "at": _("When"),
        "actor": _("Who"),
        "role": _("Role"),
        "action": _("Action"),
        "target": _("On what"),
        "allowed": _("Allowed"),
        "detail": _("Detail"),
    }


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
