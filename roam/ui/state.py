"""Session-wide resources for the pages: the store, cached reads and cached analyses.

Caches are keyed by content (file hashes, version hashes), so no page repeats work already done.
"""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

from roam.access import SecureStore
from roam.analysis import Analysis
from roam.choice import RunChoice
from roam.i18n import _
from roam.questionnaire.budget import check_within_budget
from roam.service import connect
from roam.ui.auth import current_user
from roam.ui.resources import get_store as get_store  # pages reach the store through state

APP_PROFILE = "app"  # the run profile of scoring.yaml the app scores with (fewer draws)


def secure() -> SecureStore:
    """The store as the current user may see it: every page reads and writes through this."""
    return connect(current_user(), get_store())


def assessments() -> list:
    return secure().assessments()


def version_key(
    country: str,
    year: int | None = None,
    version: int | None = None,
    indicator_set: str | None = None,
) -> tuple:
    """(country, year, version, sha256, indicator set) of the requested (default: the latest the
    user may see) version.

    Goes through the service layer, which decides on that version's own status, so a key (and
    with it cached data) is only ever handed out to a user allowed to view that version."""
    v = secure().version(country, year, version, indicator_set=indicator_set)
    return (v.country, v.year, v.version, v.sha256, v.indicator_set)


@st.cache_resource(max_entries=64, show_spinner=False)
def load_version(
    country: str, year: int, version: int, sha256: str, indicator_set: str | None = None
):
    return secure().load(country, year, version, indicator_set=indicator_set)


def analysis_for(
    keys: tuple[tuple, ...],
    weights: tuple[tuple[str, float], ...] = (),
    profile: str = APP_PROFILE,
    sensitivity: bool | None = None,
) -> Analysis:
    """Scores for stored versions; `weights` (id, weight) pairs override the default set.

    Draws, seed and whether the sensitivity analysis runs come from the scoring.yaml `profile`
    (`sensitivity` asks for it regardless); the run record says which."""
    with st.spinner(_("Scoring...")):
        return _analysis(keys, weights, profile, sensitivity)


@st.cache_resource(max_entries=32, show_spinner=False)
def _analysis(
    keys: tuple[tuple, ...],
    weights: tuple[tuple[str, float], ...],
    profile: str,
    sensitivity: bool | None,
) -> Analysis:
    items = [load_version(*key) for key in keys]
    custom = {"description": "weights chosen in the app", "weights": dict(weights)}
    choice = RunChoice(profile, sensitivity=sensitivity)
    return choice.analyse(items, weights=custom if weights else None)


@st.cache_data(max_entries=16, show_spinner=False)  # the page shows a spinner in its language
def check_upload(data: bytes, name: str) -> tuple[Any, Any]:
    return check_within_budget(data, filename=name)  # a hostile file stops a child, not the app


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
