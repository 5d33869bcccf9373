"""Alembic environment for the roam store; run programmatically by roam.store.engine.

The caller passes an open connection, already inside a transaction (and, on PostgreSQL, holding
an advisory lock), as ``config.attributes["connection"]``, so concurrent starts migrate once.
"""

from __future__ import annotations

from alembic import context

from roam.store.schema import Base

config = context.config


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # pragma: no cover - `python -m roam.store.migrate ...`
        from roam.store.engine import _new_engine
        from roam.store.paths import database_url

        engine = _new_engine(database_url())
        with engine.execution_options(roam_write=True).begin() as conn:
            _run(conn)
        engine.dispose()
        return
    _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=sqlite,
        # roam drives SQLite transactions itself (BEGIN IMMEDIATE), so DDL is transactional there
        transactional_ddl=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():  # pragma: no cover
    raise SystemExit("roam's store migrations run online only")
run_migrations_online()
