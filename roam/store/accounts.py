"""The user_account and audit_event tables: rows in, plain dicts out (no access rules here;
those live in roam/access)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from roam.store import schema as S


def _user_dict(r: S.UserAccount) -> dict[str, Any]:
    return {
        "email": r.email,
        "name": r.name,
        "role": r.role,
        "countries": list(r.countries or []),
        "active": r.active,
        "created_by": r.created_by,
    }


def find_user(s: Session, email: str) -> dict[str, Any] | None:
    row = s.scalar(select(S.UserAccount).where(S.UserAccount.email == email))
    return None if row is None else _user_dict(row)


def list_users(s: Session) -> list[dict[str, Any]]:
    return [_user_dict(r) for r in s.scalars(select(S.UserAccount).order_by(S.UserAccount.email))]


def save_user(
    s: Session, email: str, role: str, countries: list[str], name: str, *, by: str
) -> dict[str, Any]:
    """Create or update an account (active); returns it."""
    row = s.scalar(select(S.UserAccount).where(S.UserAccount.email == email))
    now = dt.datetime.now(dt.UTC)
    if row is None:
        row = S.UserAccount(email=email, created_by=by, created_at=now)
        s.add(row)
    row.role, row.countries, row.name, row.active, row.updated_at = (
        role,
        countries,
        name or row.name or "",
        True,
        now,
    )
    s.flush()
    return _user_dict(row)


def user_language(s: Session, email: str) -> str | None:
    """The app language an account chose (None: never chose, or no such account)."""
    return s.scalar(select(S.UserAccount.language).where(S.UserAccount.email == email))


def set_user_language(s: Session, email: str, language: str) -> bool:
    """Remember an account's app language; False when there is no such account."""
    row = s.scalar(select(S.UserAccount).where(S.UserAccount.email == email))
    if row is None:
        return False
    row.language = language
    return True


def deactivate_user(s: Session, email: str) -> bool:
    """False when there is no such account."""
    row = s.scalar(select(S.UserAccount).where(S.UserAccount.email == email))
    if row is None:
        return False
    row.active = False
    row.updated_at = dt.datetime.now(dt.UTC)
    return True


def add_event(
    s: Session, actor: str, role: str, action: str, target: str, allowed: bool, detail: str
) -> None:
    s.add(
        S.AuditEvent(
            actor=actor,
            role=role,
            action=action,
            target=target,
            allowed=allowed,
            detail=detail,
            at=dt.datetime.now(dt.UTC),
        )
    )


def has_recent_event(
    s: Session, actor: str, action: str, target: str, allowed: bool, detail: str, since: dt.datetime
) -> bool:
    found = s.scalar(
        select(S.AuditEvent.id)
        .where(
            S.AuditEvent.actor == actor,
            S.AuditEvent.action == action,
            S.AuditEvent.target == target,
            S.AuditEvent.allowed == allowed,
            S.AuditEvent.detail == detail,
            S.AuditEvent.at >= since,
        )
        .limit(1)
    )
    return found is not None


def events(s: Session, limit: int) -> list[dict[str, Any]]:
    rows = s.scalars(select(S.AuditEvent).order_by(S.AuditEvent.id.desc()).limit(limit))
    return [
        {
            "at": r.at.isoformat(),
            "actor": r.actor,
            "role": r.role,
            "action": r.action,
            "target": r.target,
            "allowed": r.allowed,
            "detail": r.detail,
        }
        for r in rows
    ]
