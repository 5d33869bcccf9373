"""The access rule itself: roam/access_policy.yaml applied to one request, with no database.

``decide`` is pure, so every combination of role, action, country and status can be tested.
The status it is given is a *version's own status* (see the policy file): callers never decide
on an assessment's current status when a particular version is what will be shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from roam.errors import RoamError

Action = Literal[
    "view",
    "upload",
    "change_status",
    "export",
    "administer",
    "save_weights",
    "review_manage",
    "review_rate",
    "review_results",
]
ACTIONS: tuple[Action, ...] = (
    "view",
    "upload",
    "change_status",
    "export",
    "administer",
    "save_weights",
)
# Review rounds (roam.review): for these actions `status` is the round's state (open / closed).
REVIEW_ACTIONS: tuple[Action, ...] = ("review_manage", "review_rate", "review_results")
POLICY_FILE = Path(__file__).resolve().parents[1] / "access_policy.yaml"


class ReviewRights(BaseModel):
    """What a role may do with review rounds (roam.review); nothing unless the policy says so."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    manage: bool = False  # open, close, write sheets, collect workbooks, answer comments
    rate: bool = False  # rate findings of a round, as oneself
    results: bool = False  # see everyone's ratings, verdicts and the comment log
    rounds: list[str] = ["open", "closed"]  # round states the role sees at all


class RolePolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str
    scope: Literal["all", "assigned"]
    view: list[str]
    upload: bool
    status_from: list[str]
    status_to: list[str]
    export: list[str]
    administer: bool
    grant: list[str]
    save_weights: bool
    review: ReviewRights = ReviewRights()


class AuditPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    repeat_window_minutes: float


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    audit: AuditPolicy
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


class AccessDenied(RoamError, PermissionError):
    """A refused action; the message says what was refused and why."""

    def __init__(self, user: User, action: str, target: str, reason: str) -> None:
        self.user, self.action, self.target, self.reason = user, action, target, reason
        super().__init__(f"{user.label} may not {action.replace('_', ' ')} {target}: {reason}")


def article(role: str) -> str:
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
    """The policy table applied to one request. ``status`` is the version's own status."""
    rules = policy().roles.get(user.role)
    if rules is None:
        return Decision(False, f"unknown role {user.role!r}")
    if action == "administer":
        return Decision(
            rules.administer, "" if rules.administer else "only the secretariat administers users"
        )
    if action == "save_weights":
        return Decision(
            rules.save_weights,
            "" if rules.save_weights else f"{article(user.role)} cannot save weight sets",
        )
    if country is not None and rules.scope == "assigned" and country not in user.countries:
        mine = ", ".join(sorted(user.countries)) or "no country"
        return Decision(False, f"the account covers {mine}, not {country}")
    if action in REVIEW_ACTIONS:
        return _review(user, rules.review, action, status)
    if action == "view":
        if status is not None and status not in rules.view:
            return Decision(
                False,
                f"{article(user.role)} sees "
                f"{' / '.join(rules.view)} assessments, and this one is {status}",
            )
        return Decision(True)
    if action == "export":
        if not rules.export:
            return Decision(False, f"{article(user.role)} cannot export")
        if status is not None and status not in rules.export:
            return Decision(
                False,
                f"only {' / '.join(rules.export)} assessments can be "
                f"exported by {article(user.role)}, and this one is "
                f"{status}",
            )
        return Decision(True)
    if action == "upload":
        return Decision(rules.upload, "" if rules.upload else f"{article(user.role)} cannot upload")
    if action == "change_status":
        return _change_status(user, rules, status, target_status)
    return Decision(False, f"unknown action {action!r}")


def _review(user: User, rights: ReviewRights, action: str, state: str | None) -> Decision:
    what = action.removeprefix("review_")
    if not getattr(rights, what):
        words = {
            "manage": "run review rounds",
            "rate": "rate the findings of review rounds",
            "results": "see the results of review rounds",
        }
        return Decision(False, f"{article(user.role)} cannot {words[what]}")
    if state is not None and state not in rights.rounds:
        return Decision(False, f"the review round is {state}")
    return Decision(True)


def _change_status(
    user: User, rules: RolePolicy, status: str | None, target_status: str | None
) -> Decision:
    if not rules.status_to:
        return Decision(False, f"{article(user.role)} cannot change a status")
    if target_status is not None and target_status not in rules.status_to:
        allowed = " / ".join(rules.status_to)
        return Decision(False, f"{article(user.role)} can move assessments to {allowed} only")
    if status is not None and status not in rules.view:
        return Decision(False, f"the assessment is {status}")
    if status is not None and status not in rules.status_from:
        return Decision(
            False,
            f"{article(user.role)} cannot move an assessment that is {status} "
            f"(only {' / '.join(rules.status_from)} ones)",
        )
    return Decision(True)


def may_grant(user: User, role: str, current_role: str | None, email: str) -> Decision:
    """Whether ``user`` may give ``email`` the role ``role`` (its current role: ``current_role``).

    Administering users is not enough: the role given and the role taken away must both be in
    the administering role's ``grant`` list, and nobody changes their own account, so the
    secretariat cannot make itself (or anyone) administrator."""
    allowed = decide(user, "administer")
    if not allowed.allowed:
        return allowed
    rules = policy().roles[user.role]
    if email.strip().lower() == user.email.strip().lower():
        return Decision(False, "nobody may change their own account")
    for wanted in (role, current_role):
        if wanted is not None and wanted in policy().roles and wanted not in rules.grant:
            return Decision(
                False,
                f"{article(user.role)} may give and take away the roles "
                f"{' / '.join(rules.grant) or 'none'} only, not {wanted}",
            )
    return Decision(True)
