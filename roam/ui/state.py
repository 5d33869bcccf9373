"""Session-wide resources for the pages: the store, cached reads and cached analyses.

Caches are keyed by content (file hashes, version hashes), so no page repeats work already done.
"""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

from roam.access import SecureStore
from roam.analysis import Analysis, analyse
from roam.questionnaire import check_questionnaire
from roam.seed import seed_if_empty
from roam.store import Store

APP_PROFILE = "app"  # the run profile of scoring.yaml the app scores with (fewer draws)


@st.cache_resource(show_spinner="Opening the assessment store...")
def get_store() -> Store:
    store = Store()
    seed_if_empty(store)
    return store


def secure() -> SecureStore:
    """The store as the current user may see it: every page reads and writes through this."""
    from roam.ui.auth import current_user

    return SecureStore(get_store(), current_user())


def assessments() -> list:
    return secure().assessments()


def version_key(country: str, year: int | None = None, version: int | None = None) -> tuple:
    """(country, year, version, sha256) of the requested (default: latest) version.

    Goes through the secure store, so a key (and with it cached data) is only ever handed out
    to a user allowed to view that assessment."""
    history = secure().history(country, year)
    chosen = [v for v in history if (version is None and v.latest) or v.version == version]
    if not chosen:
        chosen = history[-1:]
    v = chosen[0]
    return (v.country, v.year, v.version, v.sha256)


@st.cache_resource(max_entries=64, show_spinner=False)
def load_version(country: str, year: int, version: int, sha256: str):
    return get_store().load(country, year, version)


@st.cache_resource(max_entries=32, show_spinner="Scoring...")
def analysis_for(
    keys: tuple[tuple, ...], weights: tuple[tuple[str, float], ...] = (), profile: str = APP_PROFILE
) -> Analysis:
    """Scores for stored versions; `weights` (id, weight) pairs override the default set.

    Draws and seed come from the scoring.yaml `profile`; the run record says which."""
    items = [load_version(*key) for key in keys]
    custom = {"description": "weights chosen in the app", "weights": dict(weights)}
    return analyse(items, weights=custom if weights else None, profile=profile)


@st.cache_data(max_entries=16, show_spinner="Checking the workbook...")
def check_upload(data: bytes, name: str) -> tuple[Any, Any]:
    return check_questionnaire(data, filename=name)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
