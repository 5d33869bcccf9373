"""Engines for SQLite and PostgreSQL, tuned for several writers, and migrations run on open.

SQLite: WAL journal (readers never block the writer), a 60 s busy timeout (a second writer waits
instead of failing), foreign keys on, and write transactions opened with ``BEGIN IMMEDIATE`` so
two uploads are serialised at their start rather than failing at commit.

Migrations: Alembic scripts in ``roam/store/migrations/versions``. :func:`ensure_schema` runs on
the first use of each database in a process: when the database is not at the head revision it
upgrades it inside one transaction, under ``BEGIN IMMEDIATE`` on SQLite and an advisory lock on
PostgreSQL, so processes starting together migrate exactly once.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from roam.errors import RoamError
from roam.i18n import _
from roam.store.paths import database_url, normalise_url

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: SQLite's own busy handling only
    fcntl = None  # type: ignore[assignment]

MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_S = 60
_PG_LOCK_KEY = 0x524F414D  # "ROAM": serialises migrations of one PostgreSQL database

_engines: dict[str, Engine] = {}
_migrated: set[str] = set()
_read_only: dict[str, str] = {}  # url -> why this process can only read that database
_lock = threading.Lock()


class StoreError(RoamError):
    """A store problem with a plain message (nothing was stored when this is raised)."""


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:  # pragma: no cover - a developer mistake in the migration scripts
        raise StoreError(
            _("the store migrations have {count} heads; expected one").format(count=len(heads))
        )
    return heads[0]


def sqlite_read_only(database: Path) -> str | None:
    """Why this process cannot write the SQLite file ``database`` (None when it can).

    SQLite writes a journal next to the file, so a read-only directory is as bad as a
    read-only file. A missing file in a read-only directory cannot be created at all."""
    folder = database.parent
    if not database.exists():
        if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
            raise StoreError(
                _(
                    "cannot create the database {database}: the folder {folder} is read-only (set "
                    "ROAM_DATA_DIR to a folder you can write to)"
                ).format(database=database, folder=folder)
            )
        return None
    if not os.access(folder, os.W_OK | os.X_OK) or not os.access(database, os.W_OK):
        return (
            f"the database {database} is read-only (its folder or file cannot be written); "
            "it can be read, but nothing can be stored until it is writable"
        )
    return None


def _new_engine(url: str) -> Engine:
    try:
        return _create(url)
    except (ImportError, NoSuchModuleError, ArgumentError) as exc:
        shown = make_url(url).render_as_string(hide_password=True) if "://" in url else url
        raise StoreError(
            _(
                "cannot open the database {shown}: its driver is not installed or the address is "
                "not understood ({reason}). For PostgreSQL install roam with the postgres extra: "
                "pip install 'roam[postgres]'."
            ).format(shown=shown, reason=exc)
        ) from None


def _create(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            path = Path(database).expanduser().resolve()
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    _("cannot create the folder {parent} for the database: {reason}").format(
                        parent=path.parent, reason=exc.strerror or exc
                    )
                ) from None
            reason = sqlite_read_only(path)
            if reason:
                # immutable: no journal, no lock files; safe because nobody can write here
                _read_only[url] = reason
                engine = create_engine(
                    f"sqlite:///file:{path}?immutable=1&uri=true",
                    connect_args={"timeout": BUSY_TIMEOUT_S},
                )
                _tune_sqlite(engine, read_only=True)
                return engine
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        _tune_sqlite(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    return create_engine(url)


def _tune_sqlite(engine: Engine, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # roam issues BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        write = conn.get_execution_options().get("roam_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def get_engine(url: str | None = None, *, write: bool = False) -> Engine:
    """The process-wide engine for ``url`` (default: :func:`database_url`), schema up to date.

    ``write=True`` returns a view of the engine whose transactions take the write lock at once
    on SQLite (``BEGIN IMMEDIATE``); on PostgreSQL it changes nothing.
    """
    url = normalise_url(url) if url else database_url()
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = _new_engine(url)
    if url not in _migrated:
        ensure_schema(engine)
        _migrated.add(url)
    return engine.execution_options(roam_write=True) if write else engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def ensure_schema(engine: Engine) -> None:
    """Upgrade the database to the head revision when it is older (or empty).

    On a SQLite file, processes that open a brand-new database at the same moment take turns
    (an exclusive lock on a file beside it): SQLite can refuse a reader outright, without
    waiting, while another process is turning the new file into a WAL database."""
    with _first_open_lock(engine):
        _ensure_schema(engine)


@contextlib.contextmanager
def _first_open_lock(engine: Engine) -> Iterator[None]:
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or read_only_reason(engine) or fcntl is None:
        yield
        return
    try:
        handle = open(f"{database}.open-lock", "a+b")  # noqa: SIM115  (held for the block)
    except OSError:  # a folder we may not write to: nothing to serialise against
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _ensure_schema(engine: Engine) -> None:
    try:
        current = current_revision(engine)
    except DBAPIError as exc:
        where = engine.url.render_as_string(hide_password=True)
        raise StoreError(
            _("cannot open the database {where}: {reason}").format(
                where=where, reason=str(exc.orig or exc).strip()
            )
        ) from None
    if current == head_revision():
        return
    refused = read_only_reason(engine)
    if refused:
        raise StoreError(
            _(
                "{refused}; it also needs an upgrade (revision {revision} to {head}), which "
                "cannot be done read-only"
            ).format(refused=refused, revision=current or "none", head=head_revision())
        )
    upgrade(engine, "head")


def read_only_reason(engine: Engine) -> str | None:
    """Why writes to this engine's database are refused, or None when they are possible."""
    for url, reason in _read_only.items():
        if _engines.get(url) is not None and _engines[url].url == engine.url:
            return reason
    return None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` in one locked transaction."""
    cfg = alembic_config()
    try:
        with engine.execution_options(roam_write=True).begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except Exception as exc:
        raise StoreError(
            _("cannot bring the database {database} up to date: {reason}").format(
                database=engine.url.render_as_string(hide_password=True), reason=exc
            )
        ) from exc


def dispose_all() -> None:
    """Close every pooled connection (tests; forked processes)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
        _migrated.clear()
        _read_only.clear()
