"""Transactions: one read or write transaction per call, lost races retried, failures plain.

All writes go through :meth:`Transactions._write`: one transaction per call (a batch of files is
one transaction), retried when a concurrent writer wins a race (unique constraint, SQLite busy,
PostgreSQL serialisation failure or deadlock). A database error rolls everything back and is
reported as a :class:`StoreError` saying nothing was stored.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from roam.i18n import _
from roam.store.engine import StoreError, get_engine, read_only_reason
from roam.store.paths import normalise_url

T = TypeVar("T")
log = logging.getLogger("roam.store")
ATTEMPTS = 12
retries = 0  # lost races retried in this process (observability for tests and operators)
_RETRY_SQLSTATES = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock timeout


class Transactions:
    """A database and its two kinds of transaction; the store's operations build on these."""

    def __init__(self, url: str | None = None) -> None:
        self.engine: Engine = get_engine(normalise_url(url) if url else None)
        self._write_engine = self.engine.execution_options(roam_write=True)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def _read(self, fn: Callable[[Session], T]) -> T:
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                return fn(session)
        except DBAPIError as exc:
            raise StoreError(
                _("cannot read the database: {reason}").format(reason=str(exc.orig or exc).strip())
            ) from exc

    def _write(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in one write transaction; retry lost races; wrap database failures."""
        refused = read_only_reason(self.engine)
        if refused:
            raise StoreError(_("nothing was stored: {refused}").format(refused=refused))
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with (
                    Session(self._write_engine, expire_on_commit=False) as session,
                    session.begin(),
                ):
                    return fn(session)
            except DBAPIError as exc:
                if attempt < ATTEMPTS and _retryable(exc):
                    global retries
                    retries += 1
                    log.info("write attempt %d lost a race, retrying: %s", attempt, exc.orig)
                    time.sleep(min(2.0, 0.02 * 2**attempt) * random.uniform(0.5, 1.5))
                    continue
                raise StoreError(
                    _("database error, nothing was stored: {reason}").format(
                        reason=str(exc.orig or exc).strip()
                    )
                ) from exc
        raise AssertionError("unreachable")  # pragma: no cover


def _retryable(exc: DBAPIError) -> bool:
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _RETRY_SQLSTATES:
        return True
    if getattr(orig, "sqlstate", None) == "23505":  # unique violation: a concurrent insert won
        return True
    text = str(orig).lower()
    if isinstance(exc, OperationalError) and ("locked" in text or "busy" in text):
        return True
    return isinstance(exc, IntegrityError) and "unique constraint failed" in text


def get_or_create(s: Session, query: Any, make: Callable[[], T]) -> T:
    """The row ``query`` finds, else a new one; a concurrent creator's row wins a race."""
    found = s.scalar(query)
    if found is not None:
        return found
    try:
        with s.begin_nested():
            made = make()
            s.add(made)
        return made
    except IntegrityError:  # another process created it after our SELECT: use theirs
        found = s.scalar(query)
        if found is None:
            raise
        return found
