"""Where the store lives when nothing is configured.

Resolution order for the database URL:

1. ``ROAM_DATABASE_URL``: any SQLAlchemy URL. ``postgresql://`` and ``postgres://`` are read as
   ``postgresql+psycopg://`` (psycopg 3); ``sqlite:///path`` is a SQLite file.
2. Otherwise a SQLite file ``roam.sqlite`` in the data directory, which is ``ROAM_DATA_DIR`` when
   set, else ``.roam/`` in the current working directory (git-ignored). The directory is created on
   first use, so nothing needs configuring on a laptop.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

DATABASE_FILE = "roam.sqlite"


def data_dir(create: bool = True) -> Path:
    """The data directory: ``$ROAM_DATA_DIR`` or ``./.roam``; created when ``create``."""
    configured = os.environ.get("ROAM_DATA_DIR", "").strip()
    path = Path(configured).expanduser() if configured else Path.cwd() / ".roam"
    path = path.resolve()
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def normalise_url(url: str) -> str:
    """Accept the usual PostgreSQL spellings and route them to the psycopg 3 driver."""
    url = url.strip()
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def database_url() -> str:
    """``$ROAM_DATABASE_URL``, or the SQLite file in :func:`data_dir` (created on first use)."""
    configured = os.environ.get("ROAM_DATABASE_URL", "").strip()
    if configured:
        return normalise_url(configured)
    return f"sqlite:///{data_dir() / DATABASE_FILE}"


def default_user() -> str:
    """Who is acting when nobody says: ``$ROAM_USER``, else the operating-system user."""
    user = os.environ.get("ROAM_USER", "").strip()
    if user:
        return user
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no passwd entry in some containers
        return "unknown"
