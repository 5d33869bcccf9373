"""Navigation and shared page furniture. Pages stay thin: the logic lives in roam."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from roam.access import decide
from roam.ui.auth import auth_configured, current_user, sidebar
from roam.ui.resources import get_store

PAGES_DIR = Path(__file__).parent / "pages"
PAGES = [
    ("overview", "Overview", ":material/home:"),
    ("upload", "Upload", ":material/upload_file:"),
    ("scorecard", "Scorecard", ":material/insert_chart:"),
    ("compare", "Compare", ":material/compare_arrows:"),
    ("change", "Change over time", ":material/trending_up:"),
    ("coverage", "Coverage", ":material/grid_on:"),
    ("weights", "Weights", ":material/tune:"),
    ("export", "Export", ":material/download:"),
    ("history", "History", ":material/history:"),
    ("framework", "Framework", ":material/menu_book:"),
    ("review", "Review", ":material/rate_review:"),
    ("recommendations", "Recommendations", ":material/checklist:"),
]
ADMIN_PAGES = [("users", "Users", ":material/group:")]


def local_address(address: str | None) -> bool:
    """Whether the server listens on this machine only (Streamlit's default is every interface)."""
    return (address or "").strip() in ("127.0.0.1", "localhost", "::1")


def run() -> None:
    st.set_page_config(page_title="roam ROAM-X", page_icon=":material/public:", layout="wide")
    if not auth_configured() and not local_address(st.get_option("server.address")):
        st.error(
            "roam is in local mode (no sign-in, full rights for everyone), so it only serves this "
            "machine. Configure sign-in ([auth] in .streamlit/secrets.toml) before opening it to "
            "a network, or start it with --server.address 127.0.0.1."
        )
        st.stop()
    get_store()  # the first start loads the samples here, with a progress bar
    user = current_user()
    visible = PAGES + (ADMIN_PAGES if decide(user, "administer").allowed else [])
    pages = [
        st.Page(
            PAGES_DIR / f"{name}.py",
            title=title,
            url_path=name,
            icon=icon,
            default=(name == "overview"),
        )
        for name, title, icon in visible
    ]
    page = st.navigation(pages, expanded=True)  # every page listed: none hides behind "View more"
    sidebar(user)
    page.run()
