"""The one door for every action: use cases that both the CLI and the app call.

Each use case decides access once (roam.access policy, per version: roam/service/guard.py),
writes the audit trail once, then works on the store. Nothing in roam/ui or roam/cli reaches the
raw store; it calls a module of this package:

- :mod:`roam.service.assessments`: list, history, load, compare, original, ingest, set status,
  archive a version;
- :mod:`roam.service.exports`: results workbook, submission package, comparison workbook;
- :mod:`roam.service.weights`: named weight sets (save is a guarded, audited action);
- :mod:`roam.service.users`: accounts and the audit trail;
- :class:`roam.service.secure.SecureStore`: all of these bound to one user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from roam.access.policy import User
    from roam.service.secure import SecureStore
    from roam.store import Store


def open_store(url: str | None = None) -> Store:
    """The store (default: ``ROAM_DATABASE_URL`` or the SQLite file); StoreError when it cannot
    be opened, with a plain message."""
    from roam.store import Store

    return Store(url)


def connect(user: User, store: Store | None = None) -> SecureStore:
    """The use cases as ``user`` may use them, on ``store`` (default: :func:`open_store`)."""
    from roam.service.secure import SecureStore

    return SecureStore(store if store is not None else open_store(), user)


def as_local_admin(who: str | None = None, store: Store | None = None) -> SecureStore:
    """The command line acts as the local administrator (whoever can run it owns the data),
    recorded under ``who`` (default: ``$ROAM_USER``, else the operating-system user)."""
    from roam.access.policy import LOCAL_ADMIN, User
    from roam.store.repository import ensure_user

    user = User(ensure_user(who), LOCAL_ADMIN.role, frozenset(), LOCAL_ADMIN.name)
    return connect(user, store)


# What callers catch and show, re-exported so that they need no import of the store.
from roam.store import (  # noqa: E402
    STATUSES,
    TRANSITIONS,
    InvalidFiles,
    NotFound,
    StoreError,
    TransitionError,
)
from roam.store.records import check_sources  # noqa: E402
from roam.store.status import FORWARD, UPLOAD_REFUSED  # noqa: E402

__all__ = [
    "FORWARD",
    "STATUSES",
    "TRANSITIONS",
    "UPLOAD_REFUSED",
    "InvalidFiles",
    "NotFound",
    "StoreError",
    "TransitionError",
    "as_local_admin",
    "check_sources",
    "connect",
    "open_store",
]
