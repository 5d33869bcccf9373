"""The service tests run on a SQLite file and on the throwaway PostgreSQL server of the store
tests (tests/store/conftest.py: skipped without PostgreSQL binaries, required in CI)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from roam.access import User
from roam.service import assessments as A
from roam.service import connect
from roam.store import Store
from roam.store.engine import dispose_all
from tests.store.conftest import pg_database, pg_server  # noqa: F401  (the same server fixture)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend_url(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[str]:
    """One database per test module, on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('service') / 'roam.sqlite'}"
        dispose_all()
        return
    with pg_database(request.getfixturevalue("pg_server")) as url:
        yield url


SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
TEAM = User("team@xa.example", "national_team", frozenset({"XA"}))
SEC = User("sec@unesco.example", "secretariat")


@pytest.fixture
def store(tmp_path) -> Store:
    """A SQLite store holding the XA sample, uploaded by its national team."""
    s = Store(f"sqlite:///{tmp_path / 'roam.sqlite'}")
    A.ingest(connect(TEAM, s), [SAMPLES / "XA_Aurelia_full.xlsx"])
    return s
