"""Process-wide handles the pages share: the store, opened once and filled on first start.

Kept apart from auth and state so that both can use it without importing each other.
"""

from __future__ import annotations

import threading
from typing import Any

import streamlit as st

from roam.i18n import _
from roam.seed import seed_if_empty
from roam.service import open_store


@st.cache_resource(show_spinner="Opening the assessment store...")
def _opened() -> tuple[Any, threading.Lock]:
    return open_store(), threading.Lock()


def get_store() -> Any:
    """The store; on the very first start the samples are loaded first, with progress shown."""
    store, lock = _opened()
    if not st.session_state.get("_roam_seeded"):
        with lock:
            _seed_with_progress(store)
        st.session_state["_roam_seeded"] = True
    return store


def _seed_with_progress(store: Any) -> None:
    if store.assessments():
        return
    placeholder = st.empty()
    bar = placeholder.progress(
        0.0, text=_("First start: loading the fictional sample assessments...")
    )

    def step(done: int, total: int, name: str) -> None:
        bar.progress(
            done / total,
            text=_("First start: checked sample {done} of {total} ({name})").format(
                done=done, total=total, name=name
            ),
        )

    seed_if_empty(store, progress=step)
    placeholder.empty()
