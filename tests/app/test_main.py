"""Navigation and start-up: local mode serves this machine only; the first start loads samples."""

from __future__ import annotations

from streamlit import config
from streamlit.testing.v1 import AppTest

from roam.ui.main import local_address
from tests.app.conftest import APP


def test_local_mode_refuses_to_serve_a_network(tmp_path, monkeypatch):
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path / "data"))
    before = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    try:
        at = AppTest.from_file(APP, default_timeout=60).run()
    finally:
        config.set_option("server.address", before)
    assert "only serves this machine" in at.error[0].value
    assert not at.title  # no page was drawn
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").iterdir())


def test_loopback_addresses():
    assert local_address("127.0.0.1") and local_address("localhost")
    assert not local_address(None) and not local_address("0.0.0.0")
