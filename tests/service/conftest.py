"""The service tests run on a SQLite file and on the throwaway PostgreSQL server of the store
tests (tests/store/conftest.py: skipped without PostgreSQL binaries, required in CI)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from roam.store.engine import dispose_all
from tests.store.conftest import pg_server  # noqa: F401  (the same fixture, one server)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend_url(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[str]:
    """One database per test module, on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('service') / 'roam.sqlite'}"
        dispose_all()
        return
    import psycopg

    server = request.getfixturevalue("pg_server")
    name = f"roam_service_{uuid.uuid4().hex[:12]}"
    admin = server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        dispose_all()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
