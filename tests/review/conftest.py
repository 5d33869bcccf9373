"""The store fixtures (SQLite file and a throwaway PostgreSQL) for the review tests."""

from __future__ import annotations

from tests.store.conftest import (  # noqa: F401  (fixtures)
    SAMPLES,
    db_url,
    pg_server,
    pg_url,
    store,
    use_db,
)

SAMPLE = SAMPLES / "XA_Aurelia_full.xlsx"
