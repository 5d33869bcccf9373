import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from roam.store.engine import dispose_all

APP = str(__import__("pathlib").Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def app(tmp_path, monkeypatch):
    """A fresh app on an empty data directory (the first run seeds the samples)."""
    monkeypatch.chdir(__import__("pathlib").Path(__file__).resolve().parents[2])
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
