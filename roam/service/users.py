"""Managing users: add or change an account, deactivate it, list accounts, read the audit trail.

Administering is decided by the policy (``administer``), and the role given or taken away must be
one the acting role may grant (``grant``; nobody changes their own account). Every change is
written to the audit trail in the same transaction as the change itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from roam.access.accounts import audit_events, checked_account
from roam.access.policy import User, may_grant
from roam.i18n import _
from roam.service.guard import Guard


def _tables():
    from roam.store import accounts

    return accounts


def add_user(
    guard: Guard, email: str, role: str, countries: Iterable[str] = (), name: str = ""
) -> User:
    email = email.strip().lower()
    target = f"user {email}"
    guard.require("administer", target)
    email, codes = checked_account(email, role, countries)
    tables = _tables()
    current = guard.store._read(lambda s: tables.find_user(s, email))
    decision = may_grant(guard.user, role, current["role"] if current else None, email)
    if not decision.allowed:
        guard.refuse("administer", target, decision.reason)

    def run(s) -> User:
        row = tables.save_user(s, email, role, codes, name, by=guard.user.email)
        tables.add_event(
            s,
            guard.user.email,
            guard.user.role,
            "administer",
            target,
            True,
            f"set role {role}, countries {', '.join(codes) or '-'}",
        )
        return User(email, role, frozenset(codes), row["name"])

    return guard.store._write(run)


def remove_user(guard: Guard, email: str) -> None:
    email = email.strip().lower()
    target = f"user {email}"
    guard.require("administer", target)
    tables = _tables()
    current = guard.store._read(lambda s: tables.find_user(s, email))
    if current is None:
        raise ValueError(_("no user {email}").format(email=email))
    decision = may_grant(guard.user, current["role"], current["role"], email)
    if not decision.allowed:
        guard.refuse("administer", target, decision.reason)

    def run(s) -> None:
        tables.deactivate_user(s, email)
        tables.add_event(
            s, guard.user.email, guard.user.role, "administer", target, True, "deactivated"
        )

    guard.store._write(run)


def users(guard: Guard) -> list[dict]:
    guard.require("administer", "the user list")
    return guard.store._read(_tables().list_users)


def audit(guard: Guard, limit: int = 200) -> list[dict]:
    guard.require("administer", "the audit trail")
    return audit_events(guard.store, limit)


def preferred_language(guard: Guard) -> str | None:
    """The app language the acting user chose earlier (None: not chosen, or no account)."""
    if not guard.user.email:
        return None
    return guard.store._read(lambda s: _tables().user_language(s, guard.user.email))


def remember_language(guard: Guard, language: str) -> bool:
    """Keep the acting user's own app language with their account (a personal preference: it
    changes nothing anyone else sees, so it needs no right). False when there is no account to
    keep it with (local mode, a visitor); an unknown language is a plain ValueError."""
    from roam.i18n import check_language

    code = check_language(language)
    if not guard.user.email:
        return False
    return bool(
        guard.store._write(lambda s: _tables().set_user_language(s, guard.user.email, code))
    )
