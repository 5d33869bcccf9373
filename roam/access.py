"""Who may see and change which country's assessment, enforced in the library.

Every store read and write and every export goes through `SecureStore`, which asks `decide()`
before acting and records each refusal in the audit trail. Hiding a button in the app is a
courtesy; this module is the rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from roam.store import AssessmentInfo, Store
from roam.store import schema as S

Action = Literal["view", "upload", "change_status", "export", "administer"]
ACTIONS: tuple[Action, ...] = ("view", "upload", "change_status", "export", "administer")
POLICY_FILE = Path(__file__).with_name("access_policy.yaml")


class RolePolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str
    scope: Literal["all", "assigned"]
    view: list[str]
    upload: bool
    status_to: list[str]
    export: list[str]
    administer: bool


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    roles: dict[str, RolePolicy]


@lru_cache(maxsize=1)
def policy() -> Policy:
    return Policy.model_validate(yaml.safe_load(POLICY_FILE.read_text(encoding="utf-8")))


def roles() -> list[str]:
    return list(policy().roles)


@dataclass(frozen=True)
class User:
    email: str
    role: str
    countries: frozenset[str] = frozenset()
    name: str = ""

    @property
    def label(self) -> str:
        where = f" for {', '.join(sorted(self.countries))}" if self.countries else ""
        return f"{self.name or self.email} ({self.role.replace('_', ' ')}{where})"


LOCAL_ADMIN = User("local", "administrator", frozenset(), "Local administrator")
PUBLIC = User("anonymous", "public", frozenset(), "Not signed in")


class AccessDenied(PermissionError):
    """A refused action; the message says what was refused and why."""

    def __init__(self, user: User, action: str, target: str, reason: str) -> None:
        self.user, self.action, self.target, self.reason = user, action, target, reason
        super().__init__(f"{user.label} may not {action.replace('_', ' ')} {target}: {reason}")


def _a(role: str) -> str:
    """'a government', 'an evaluator': refusals are read by people."""
    words = role.replace("_", " ")
    return f"{'an' if words[0] in 'aeiou' else 'a'} {words}"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""


def decide(
    user: User,
    action: Action,
    country: str | None = None,
    status: str | None = None,
    target_status: str | None = None,
) -> Decision:
    """The policy table applied to one request; pure, so it is easy to test exhaustively."""
    rules = policy().roles.get(user.role)
    if rules is None:
        return Decision(False, f"unknown role {user.role!r}")
    if action == "administer":
        return Decision(
            rules.administer, "" if rules.administer else "only the secretariat administers users"
        )
    if country is not None and rules.scope == "assigned" and country not in user.countries:
        mine = ", ".join(sorted(user.countries)) or "no country"
        return Decision(False, f"the account covers {mine}, not {country}")
    if action == "view":
        if status is not None and status not in rules.view:
            return Decision(
                False,
                f"{_a(user.role)} sees "
                f"{' / '.join(rules.view)} assessments, and this one is {status}",
            )
        return Decision(True)
    if action == "export":
        if not rules.export:
            return Decision(False, f"{_a(user.role)} cannot export")
        if status is not None and status not in rules.export:
            return Decision(
                False,
                f"only {' / '.join(rules.export)} assessments can be "
                f"exported by {_a(user.role)}, and this one is "
                f"{status}",
            )
        return Decision(True)
    if action == "upload":
        return Decision(rules.upload, "" if rules.upload else f"{_a(user.role)} cannot upload")
    if action == "change_status":
        if target_status is not None and target_status not in rules.status_to:
            allowed = " / ".join(rules.status_to) or "no status"
            return Decision(False, f"{_a(user.role)} can move assessments to {allowed} only")
        if status is not None and status not in rules.view:
            return Decision(False, f"the assessment is {status}")
        return Decision(
            bool(rules.status_to),
            "" if rules.status_to else f"{_a(user.role)} cannot change a status",
        )
    return Decision(False, f"unknown action {action!r}")


# ------------------------------------------------------------------- accounts and audit trail


def user_for_email(store: Store, email: str | None) -> User:
    """The account of a signed-in email; unknown or inactive emails get public access."""
    if not email:
        return PUBLIC
    wanted = email.strip().lower()

    def run(s):
        row = s.scalar(select(S.UserAccount).where(S.UserAccount.email == wanted))
        if row is None or not row.active:
            return None
        return User(row.email, row.role, frozenset(row.countries or []), row.name)

    found = store._read(run)
    return found or User(wanted, "public", frozenset(), wanted)


def record(store: Store, user: User, action: str, target: str, allowed: bool, detail: str) -> None:
    def run(s):
        s.add(
            S.AuditEvent(
                actor=user.email,
                role=user.role,
                action=action,
                target=target,
                allowed=allowed,
                detail=detail,
                at=dt.datetime.now(dt.UTC),
            )
        )

    store._write(run)


def audit_events(store: Store, limit: int = 200) -> list[dict]:
    def run(s):
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

    return store._read(run)


# --------------------------------------------------------------------------- the guarded store


class SecureStore:
    """The store as one user sees it. Every method checks the policy first."""

    def __init__(self, store: Store, user: User) -> None:
        self.store, self.user = store, user

    # -- checks
    def require(self, action: Action, target: str, **kw) -> None:
        """Raise AccessDenied (and record it) unless the user may do this."""
        decision = decide(self.user, action, **kw)
        if not decision.allowed:
            record(self.store, self.user, action, target, False, decision.reason)
            raise AccessDenied(self.user, action, target, decision.reason)

    def _info(self, country: str, year: int | None) -> AssessmentInfo:
        items = [
            a for a in self.store.assessments(country.upper()) if year is None or a.year == year
        ]
        if not items:
            from roam.store import NotFound

            raise NotFound(f"no assessment of {country}" + (f" {year}" if year else ""))
        return sorted(items, key=lambda a: a.year)[-1]

    def can(
        self,
        action: Action,
        country: str | None = None,
        status: str | None = None,
        target_status: str | None = None,
    ) -> bool:
        return decide(self.user, action, country, status, target_status).allowed

    # -- reading
    def assessments(self, country: str | None = None) -> list[AssessmentInfo]:
        return [
            a
            for a in self.store.assessments(country)
            if decide(self.user, "view", a.country, a.status).allowed
        ]

    def check_export(self, country: str, year: int | None = None) -> AssessmentInfo:
        """The assessment, if the user may export it; AccessDenied (recorded) otherwise."""
        info = self._info(country, year)
        self.require("export", info.label, country=info.country, status=info.status)
        return info

    def _check_view(self, country: str, year: int | None) -> AssessmentInfo:
        info = self._info(country, year)
        self.require("view", info.label, country=info.country, status=info.status)
        return info

    def history(self, country: str, year: int | None = None):
        info = self._check_view(country, year)
        return self.store.history(info.country, info.year)

    def transitions(self, country: str, year: int | None = None):
        info = self._check_view(country, year)
        return self.store.transitions(info.country, info.year)

    def load(self, country: str, year: int | None = None, version: int | None = None):
        info = self._check_view(country, year)
        return self.store.load(info.country, info.year, version)

    def compare(self, country: str, old: int, new: int | None = None, *, year: int | None = None):
        info = self._check_view(country, year)
        return self.store.compare(info.country, old, new, year=info.year)

    def original(self, country: str, year: int | None = None, version: int | None = None):
        info = self.check_export(country, year)
        return self.store.original(info.country, info.year, version)

    # -- writing
    def ingest(self, sources: Iterable, *, note: str = "", status: str = "draft"):
        from roam.store.repository import check_sources

        checked = check_sources(sources)  # read once: the same result decides and is stored
        for item in checked:
            country = item.assessment.country if item.assessment is not None else None
            target = f"{country or item.name}"
            self.require("upload", target, country=country)
            if status != "draft":
                self.require("change_status", target, country=country, target_status=status)
        return self.store.store_checked(checked, user=self.user.email, note=note, status=status)

    def set_status(self, country: str, year: int, target: str, *, note: str = ""):
        info = self._info(country, year)
        self.require(
            "change_status",
            f"{info.label} to {target}",
            country=info.country,
            status=info.status,
            target_status=target,
        )
        return self.store.set_status(
            info.country, info.year, target, user=self.user.email, note=note
        )

    # -- exports (the acting user is checked before any file is written)
    def _export_analysis(
        self, country: str, year: int | None, version: int | None, draws: int | None
    ):
        from roam.analysis import analyse

        info = self.check_export(country, year)
        assessment = self.store.load(info.country, info.year, version)
        return info, assessment, analyse([assessment], draws=draws)

    def results_workbook(
        self,
        country: str,
        year: int | None = None,
        version: int | None = None,
        draws: int | None = None,
    ) -> bytes:
        from roam.export.workbook import write_results

        _, assessment, analysis = self._export_analysis(country, year, version, draws)
        return write_results(analysis, assessment.country)

    def submission_package(
        self,
        country: str,
        year: int | None = None,
        version: int | None = None,
        draws: int | None = None,
    ) -> bytes:
        from roam.export.package import write_package

        info, assessment, analysis = self._export_analysis(country, year, version, draws)
        name, original = self.store.original(info.country, info.year, version)
        return write_package(analysis, assessment.country, original, name)

    def comparison_workbook(
        self, countries: list[tuple[str, int | None]], draws: int | None = None
    ) -> bytes:
        from roam.analysis import analyse
        from roam.export.comparison import write_comparison

        items = []
        for country, year in countries:
            info = self.check_export(country, year)
            items.append(self.store.load(info.country, info.year))
        return write_comparison(analyse(items, draws=draws))

    # -- users
    def add_user(self, email: str, role: str, countries: Iterable[str] = (), name: str = ""):
        email = email.strip().lower()
        self.require("administer", f"user {email}")
        if role not in policy().roles:
            raise ValueError(f"unknown role {role!r}; roles: {', '.join(policy().roles)}")
        if "@" not in email:
            raise ValueError(f"{email!r} is not an email address")
        codes = sorted({c.strip().upper() for c in countries if c.strip()})
        if policy().roles[role].scope == "assigned" and not codes:
            raise ValueError(f"{_a(role)} needs at least one --country")
        from roam.countries import UnknownCountry, resolve_country

        for code in codes:
            try:
                resolve_country(code)
            except UnknownCountry:
                raise ValueError(f"{code!r} is not an ISO 3166 country code") from None

        def run(s):
            row = s.scalar(select(S.UserAccount).where(S.UserAccount.email == email))
            now = dt.datetime.now(dt.UTC)
            if row is None:
                row = S.UserAccount(email=email, created_by=self.user.email, created_at=now)
                s.add(row)
            row.role, row.countries, row.name, row.active, row.updated_at = (
                role,
                codes,
                name or row.name or "",
                True,
                now,
            )
            s.add(
                S.AuditEvent(
                    actor=self.user.email,
                    role=self.user.role,
                    action="administer",
                    target=f"user {email}",
                    allowed=True,
                    detail=f"set role {role}, countries {', '.join(codes) or '-'}",
                    at=now,
                )
            )
            return User(email, role, frozenset(codes), row.name)

        return self.store._write(run)

    def remove_user(self, email: str) -> None:
        email = email.strip().lower()
        self.require("administer", f"user {email}")

        def run(s):
            row = s.scalar(select(S.UserAccount).where(S.UserAccount.email == email))
            if row is None:
                raise ValueError(f"no user {email}")
            row.active = False
            s.add(
                S.AuditEvent(
                    actor=self.user.email,
                    role=self.user.role,
                    action="administer",
                    target=f"user {email}",
                    allowed=True,
                    detail="deactivated",
                    at=dt.datetime.now(dt.UTC),
                )
            )

        self.store._write(run)

    def users(self) -> list[dict]:
        self.require("administer", "the user list")

        def run(s):
            rows = s.scalars(select(S.UserAccount).order_by(S.UserAccount.email))
            return [
                {
                    "email": r.email,
                    "name": r.name,
                    "role": r.role,
                    "countries": r.countries,
                    "active": r.active,
                    "created_by": r.created_by,
                }
                for r in rows
            ]

        return self.store._read(run)

    def audit(self, limit: int = 200) -> list[dict]:
        self.require("administer", "the audit trail")
        return audit_events(self.store, limit)
