"""Navigation and shared page furniture. Pages stay thin: the logic lives in roam."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from roam.access import decide
from roam.ui.auth import current_user, sidebar

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


def run() -> None:
    st.set_page_config(page_title="roam ROAM-X", page_icon=":material/public:", layout="wide")
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
    page = st.navigation(pages)
    sidebar(user)
    page.run()
