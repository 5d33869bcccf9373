"""A store with assessments in every status, so the tests can check only published data leaks
out. SQLite and the throwaway PostgreSQL of tests/store."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from roam.access import LOCAL_ADMIN, SecureStore
from roam.service import recommendations as register
from tests.recommendations.conftest import SAMPLES, later_workbook
from tests.store.conftest import db_url, pg_server, pg_url  # noqa: F401  (fixtures)

SECRET = "UNPUBLISHED-DRAFT-TEXT"  # appears only in unpublished assessments
STATUSES = {"XA": "published", "XB": "draft", "XC": "validated", "XD": "submitted"}


def _to(store, country: str, year: int, status: str) -> None:  # type: ignore[no-untyped-def]
    for step in ("validated", "submitted", "published")[
        : ("draft", "validated", "submitted", "published").index(status)
    ]:
        store.set_status(country, year, step, user="unesco")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def mixed_db(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A database URL per backend, filled once per test module (the outputs only read it)."""
    from roam.store.engine import dispose_all

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('open') / 'roam.sqlite'}"
        fill(url)
        yield url
        dispose_all()
        return
    import psycopg

    server = request.getfixturevalue("pg_server")
    name = f"roam_open_{uuid.uuid4().hex[:12]}"
    admin = server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        fill(f"{server}/{name}")
        yield f"{server}/{name}"
    finally:
        dispose_all()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fill(url: str) -> None:
    """XA 2025 published with two recommendations; XB..XD unpublished, XE published then
    archived; XA 2027 a draft; every unpublished one carries SECRET in a recommendation."""
    from roam.store import Store

    store = Store(url)
    files = [SAMPLES / f for f in sorted(p.name for p in SAMPLES.glob("X[A-E]_*.xlsx"))]
    store.ingest(files, user="team")
    admin = SecureStore(store, LOCAL_ADMIN)
    rec = {"themes": "R.C", "stakeholders": "Government", "priority": "high"}
    register.add(admin, "XA", 2025, rec | {"code": "R1", "text": "Adopt a data protection law"})
    register.add(admin, "XA", 2025, rec | {"code": "R2", "text": "=1+1 stays text"})
    register.update(admin, "XA", 2025, "R1", "in progress", "Bill tabled")
    for country, status in STATUSES.items():
        if country != "XA":
            register.add(admin, country, 2025, rec | {"code": "S1", "text": SECRET})
        _to(store, country, 2025, status)
    register.add(admin, "XE", 2025, rec | {"code": "S1", "text": SECRET})
    _to(store, "XE", 2025, "published")
    store.set_status("XE", 2025, "archived", user="unesco")
    store.ingest([("xa_2027.xlsx", later_workbook(2027, {"R.C.1.1": "No"}))], user="team")
    register.add(admin, "XA", 2027, rec | {"code": "S1", "text": SECRET})
