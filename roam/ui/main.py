"""Navigation and shared page furniture. Pages stay thin: the logic lives in roam."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from roam.access import decide
from roam.i18n import N_, _
from roam.service import connect
from roam.ui import language, tables
from roam.ui.auth import auth_configured, current_user, sidebar
from roam.ui.resources import get_store

PAGES_DIR = Path(__file__).parent / "pages"
PAGES = [
    ("overview", N_("Overview"), ":material/home:"),
    ("upload", N_("Upload"), ":material/upload_file:"),
    ("scorecard", N_("Scorecard"), ":material/insert_chart:"),
    ("compare", N_("Compare"), ":material/compare_arrows:"),
    ("change", N_("Change over time"), ":material/trending_up:"),
    ("coverage", N_("Coverage"), ":material/grid_on:"),
    ("weights", N_("Weights"), ":material/tune:"),
    ("export", N_("Export"), ":material/download:"),
    ("history", N_("History"), ":material/history:"),
    ("framework", N_("Framework"), ":material/menu_book:"),
    ("review", N_("Review"), ":material/rate_review:"),
    ("recommendations", N_("Recommendations"), ":material/checklist:"),
]
ADMIN_PAGES = [("users", N_("Users"), ":material/group:")]


def local_address(address: str | None) -> bool:
    """Whether the server listens on this machine only (Streamlit's default is every interface)."""
    return (address or "").strip() in ("127.0.0.1", "localhost", "::1")


def _preference_store():
    """The signed-in user's view of the store, where their language is kept (local mode keeps
    it in the session and the address only)."""
    if not auth_configured():
        raise LookupError("local mode keeps the language in the session only")
    return connect(current_user(), get_store())


def run() -> None:
    st.set_page_config(page_title="roam ROAM-X", page_icon=":material/public:", layout="wide")
    language.choose(_preference_store)
    language.layout()
    st.html(tables.STYLE)  # how static tables look (roam.ui.tables), a style block only
    if not auth_configured() and not local_address(st.get_option("server.address")):
        st.error(
            _(
                "roam is in local mode (no sign-in, full rights for everyone), so it only serves "
                "this machine. Configure sign-in ([auth] in .streamlit/secrets.toml) before "
                "opening it to a network, or start it with --server.address 127.0.0.1."
            )
        )
        st.stop()
    get_store()  # the first start loads the samples here, with a progress bar
    user = current_user()
    visible = PAGES + (ADMIN_PAGES if decide(user, "administer").allowed else [])
    pages = [
        st.Page(
            PAGES_DIR / f"{name}.py",
            title=_(title),
            url_path=name,
            icon=icon,
            default=(name == "overview"),
        )
        for name, title, icon in visible
    ]
    page = st.navigation(pages, expanded=True)  # every page listed: none hides behind "View more"
    language.picker(_preference_store)
    sidebar(user)
    page.run()
