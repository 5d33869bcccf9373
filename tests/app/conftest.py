import io
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit import config
from streamlit.testing.v1 import AppTest

from roam.store.engine import dispose_all

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "app.py")


@pytest.fixture
def local_only():
    """As `./dev app` starts it in local mode: listening on this machine only."""
    before = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    yield
    config.set_option("server.address", before)


@pytest.fixture
def app(tmp_path, monkeypatch, local_only):
    """A fresh app on an empty data directory (the first run seeds the samples)."""
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ROAM_DATABASE_URL", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=180).run()
    yield at
    st.cache_resource.clear()
    dispose_all()


def go(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"roam/ui/pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_tab(at: AppTest, label: str, key: str = "scorecard_tab") -> AppTest:
    """Click a lazy tab (st.tabs with on_change="rerun"): only the open tab's content is built."""
    at.session_state[key] = label
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def static_tables(at: AppTest) -> list[pd.DataFrame]:
    """The page's static tables (roam.ui.tables writes them as HTML), read back with pandas'
    own HTML reader: numbers as numbers, blank cells as empty text."""
    return [
        pd.read_html(io.StringIO(el.proto.body), flavor="lxml", keep_default_na=False)[0]
        for el in at.get("html")
        if 'class="roam-table"' in el.proto.body
    ]
