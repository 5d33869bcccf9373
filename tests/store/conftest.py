"""Fixtures for the store tests: a SQLite file, and a throwaway PostgreSQL server.

PostgreSQL: Debian's server binaries (/usr/lib/postgresql/*/bin, or initdb on PATH, or
``ROAM_PG_BIN``) are used to ``initdb`` a cluster in a temporary directory and start it on a free
port, listening on 127.0.0.1 with trust authentication (as the ``postgres`` system user when the
tests run as root, since initdb refuses root). Each test gets a fresh database on that server.
``ROAM_TEST_POSTGRES_URL`` points the tests at an existing server instead.

Without the binaries the PostgreSQL tests are skipped with the reason shown by ``-ra``; when the
``CI`` environment variable is set they fail instead, so CI cannot pass without PostgreSQL.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from roam.store.engine import dispose_all

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_data"
VALID_SAMPLES = sorted(SAMPLES.glob("X*.xlsx"))
INVALID_SAMPLES = sorted((SAMPLES / "invalid").iterdir())


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str) -> None:
    if in_ci():
        pytest.fail(f"PostgreSQL tests must run in CI: {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


def _pg_bin() -> Path | None:
    configured = os.environ.get("ROAM_PG_BIN")
    if configured:
        return Path(configured)
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A running PostgreSQL server for the session: its base URL (no database name)."""
    existing = os.environ.get("ROAM_TEST_POSTGRES_URL")
    if existing:
        yield existing.rstrip("/")
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("psycopg is not installed (pip install -e '.[postgres]')")
    bindir = _pg_bin()
    if bindir is None or not (bindir / "initdb").exists() or not (bindir / "pg_ctl").exists():
        unavailable(
            "no PostgreSQL server binaries (apt-get install postgresql, or set ROAM_PG_BIN)"
        )
    prefix: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="roam-pg-"))
    if os.geteuid() == 0:
        import pwd

        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            unavailable("running as root and there is no 'postgres' system user for initdb")
        runuser = shutil.which("runuser")
        if runuser is None:
            unavailable("running as root and runuser is missing")
        os.chown(root, account.pw_uid, account.pw_gid)
        prefix = [runuser, "-u", "postgres", "--"]
    data, log, port = root / "data", root / "server.log", _free_port()

    def run(*cmd: str) -> None:
        done = subprocess.run(
            [*prefix, *cmd], capture_output=True, text=True, timeout=120, check=False
        )
        if done.returncode != 0:
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{cmd[0]} failed: {done.stdout}{done.stderr}{tail}")

    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    )
    try:
        run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync",
        )
        run(
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(log),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
        shutil.rmtree(root, ignore_errors=True)
        unavailable(f"could not start a throwaway server: {exc}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        dispose_all()
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def pg_database(server: str) -> Iterator[str]:
    """A fresh, empty database on ``server``, dropped afterwards: its URL."""
    import psycopg

    name = f"roam_test_{uuid.uuid4().hex[:12]}"
    admin = server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        dispose_all()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty database on the throwaway server."""
    with pg_database(pg_server) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same test on a SQLite file and on a real PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store' / 'roam.sqlite'}"
        dispose_all()
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url: str):  # type: ignore[no-untyped-def]
    from roam.store import Store

    return Store(db_url)


@pytest.fixture
def use_db(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point the command line (ROAM_DATABASE_URL) at the test database."""
    monkeypatch.setenv("ROAM_DATABASE_URL", db_url)
    monkeypatch.setenv("ROAM_USER", "tester")
    return db_url
