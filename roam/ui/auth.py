"""Who is using the app: the local administrator (no sign-in configured) or a signed-in user.

With an `[auth]` section in `.streamlit/secrets.toml` the app signs people in with st.login
(OIDC) and looks their email up in the store; without it, roam runs in local mode with one
local user who has full rights, and says so in a banner.
"""

from __future__ import annotations

import streamlit as st

from roam.access import LOCAL_ADMIN, PUBLIC, User, user_for_email
from roam.i18n import _
from roam.ui.resources import get_store
from roam.ui.text import plain


def auth_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file at all means local mode
        return False


def current_user() -> User:
    if not auth_configured():
        return LOCAL_ADMIN
    if not st.user.is_logged_in:
        return PUBLIC
    if st.user.get("email_verified") is not True:
        return PUBLIC  # an e-mail the identity provider has not verified proves nothing
    return user_for_email(get_store(), st.user.get("email"))


def sidebar(user: User) -> None:
    with st.sidebar:
        if not auth_configured():
            st.info(
                _(
                    "Local mode: you are the only user and have full rights. Configure sign-in "
                    "(.streamlit/secrets.toml) for a shared deployment."
                ),
                icon=":material/person:",
            )
            return
        if st.user.is_logged_in and st.user.get("email_verified") is not True:
            st.caption(_("Signed in, but the sign-in provider has not verified your e-mail."))
            st.warning(_("Until it is verified you see published assessments only."))
            if st.button(_("Sign out"), key="sign_out"):
                st.logout()
            return
        if st.user.is_logged_in:
            st.caption(_("Signed in as {user}").format(user=plain(user.label)))
            if user.role == "public":
                st.warning(
                    _(
                        "Your email has no role yet: you see published assessments only. "
                        "Ask the UNESCO secretariat for access."
                    )
                )
            if st.button(_("Sign out"), key="sign_out"):
                st.logout()
        else:
            st.caption(_("Not signed in: you see published assessments only."))
            if st.button(_("Sign in"), key="sign_in", type="primary"):
                st.login()
