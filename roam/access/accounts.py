"""Accounts and the audit trail: who a signed-in e-mail is, and what was refused or changed.

The tables live in the store (its ``account``, ``record_event`` and ``audit_events``); this
module holds the rules about them: unknown or inactive e-mails get public access, account
changes are validated against the policy, and refusals are written once per repeat window
(see ``audit`` in the policy file).

Why refusals are rate-limited rather than written per request: an anonymous visitor reloading
a page asks for the same refused thing again and again, and one row per request would let anyone
fill the database. One row per (actor, action, target, reason) per window keeps every distinct
refusal on record, with its first time, while bounding the rows a visitor can cause to the
number of things there are to refuse.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Protocol

from roam.access.policy import PUBLIC, User, policy, who
from roam.i18n import _, said


class AccountStore(Protocol):
    """What this module needs of the store (roam.store.Store); structural, so the rule needs
    no import of the store."""

    def account(self, email: str) -> dict[str, Any] | None: ...

    def record_event(
        self,
        actor: str,
        role: str,
        action: str,
        target: str,
        allowed: bool,
        detail: str,
        *,
        unless_since: dt.datetime | None = None,
    ) -> bool: ...

    def audit_events(self, limit: int = 200) -> list[dict]: ...


def user_for_email(store: AccountStore, email: str | None) -> User:
    """The account of a signed-in email; unknown or inactive emails get public access."""
    if not email:
        return PUBLIC
    wanted = email.strip().lower()
    row = store.account(wanted)
    if row is None or not row["active"]:
        return User(wanted, "public", frozenset(), wanted)
    return User(row["email"], row["role"], frozenset(row["countries"]), row["name"])


def record(
    store: AccountStore, user: User, action: str, target: str, allowed: bool, detail: str
) -> bool:
    """Write one audit event; a refusal repeated within the window is not written again.
    Returns whether a row was written."""
    since = None
    if not allowed:
        window = dt.timedelta(minutes=policy().audit.repeat_window_minutes)
        since = dt.datetime.now(dt.UTC) - window
    return store.record_event(
        user.email, user.role, action, target, allowed, detail, unless_since=since
    )


def audit_events(store: AccountStore, limit: int = 200) -> list[dict]:
    return store.audit_events(limit)


def checked_account(email: str, role: str, countries: Iterable[str]) -> tuple[str, list[str]]:
    """The normalised e-mail and country codes of an account, or ValueError saying what is
    wrong."""
    email = email.strip().lower()
    if role not in policy().roles:
        raise ValueError(
            _("unknown role {role}; roles: {roles}").format(
                role=repr(role), roles=", ".join(policy().roles)
            )
        )
    if "@" not in email:
        raise ValueError(_("{email} is not an email address").format(email=repr(email)))
    codes = sorted({c.strip().upper() for c in countries if c.strip()})
    if policy().roles[role].scope == "assigned" and not codes:
        raise ValueError(_("{role} needs at least one --country").format(role=said(who(role))))
    from roam.countries import UnknownCountry, resolve_country

    for code in codes:
        try:
            resolve_country(code)
        except UnknownCountry:
            raise ValueError(
                _("{code} is not an ISO 3166 country code").format(code=repr(code))
            ) from None
    return email, codes
