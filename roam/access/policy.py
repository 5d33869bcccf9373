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
from roam.i18n import N_, Message

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
        # said in the language of the person refused (the audit trail keeps the English reason)
        super().__init__(
            Message(
                N_("{user} may not {action} {target}: {reason}"),
                user=user.label,
                action=Message(ACTION_WORDS.get(action, action.replace("_", " "))),
                target=target,
                reason=reason,
            ).text()
        )


# what a refusal says was refused, and who was refused (in English: "a national team")
ACTION_WORDS = {
    "view": N_("view"),
    "upload": N_("upload"),
    "change_status": N_("change status"),
    "export": N_("export"),
    "administer": N_("administer"),
    "save_weights": N_("save weights"),
    "review_manage": N_("review manage"),
    "review_rate": N_("review rate"),
    "review_results": N_("review results"),
}
ROLE_NAMES = {
    "administrator": N_("an administrator"),
    "secretariat": N_("a secretariat"),
    "national_team": N_("a national team"),
    "government": N_("a government"),
    "evaluator": N_("an evaluator"),
    "mab_member": N_("a mab member"),
    "public": N_("a public"),
}


def who(role: str) -> Message | str:
    """The role as a refusal names it, in any language ('a government', 'an evaluator')."""
    return Message(ROLE_NAMES[role]) if role in ROLE_NAMES else article(role)


def _words(values) -> tuple[Message, ...]:
    """Statuses or round states (catalogue words) joined by ' / ' in any language."""
    return tuple(Message(v) for v in values)


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
        return Decision(False, Message(N_("unknown role {role}"), role=repr(user.role)))
    if action == "administer":
        return Decision(
            rules.administer,
            "" if rules.administer else Message(N_("only the secretariat administers users")),
        )
    if action == "save_weights":
        return Decision(
            rules.save_weights,
            ""
            if rules.save_weights
            else Message(N_("{role} cannot save weight sets"), role=who(user.role)),
        )
    if country is not None and rules.scope == "assigned" and country not in user.countries:
        mine = ", ".join(sorted(user.countries)) or Message(N_("no country"))
        return Decision(
            False,
            Message(N_("the account covers {mine}, not {country}"), mine=mine, country=country),
        )
    if action in REVIEW_ACTIONS:
        return _review(user, rules.review, action, status)
    if action == "view":
        if status is not None and status not in rules.view:
            return Decision(
                False,
                Message(
                    N_("{role} sees {statuses} assessments, and this one is {status}"),
                    role=who(user.role),
                    statuses=_words(rules.view),
                    status=Message(status),
                ),
            )
        return Decision(True)
    if action == "export":
        if not rules.export:
            return Decision(False, Message(N_("{role} cannot export"), role=who(user.role)))
        if status is not None and status not in rules.export:
            return Decision(
                False,
                Message(
                    N_(
                        "only {statuses} assessments can be exported by {role}, and this one "
                        "is {status}"
                    ),
                    statuses=_words(rules.export),
                    role=who(user.role),
                    status=Message(status),
                ),
            )
        return Decision(True)
    if action == "upload":
        return Decision(
            rules.upload,
            "" if rules.upload else Message(N_("{role} cannot upload"), role=who(user.role)),
        )
    if action == "change_status":
        return _change_status(user, rules, status, target_status)
    return Decision(False, Message(N_("unknown action {action}"), action=repr(action)))


def _review(user: User, rights: ReviewRights, action: str, state: str | None) -> Decision:
    what = action.removeprefix("review_")
    if not getattr(rights, what):
        words = {
            "manage": N_("{role} cannot run review rounds"),
            "rate": N_("{role} cannot rate the findings of review rounds"),
            "results": N_("{role} cannot see the results of review rounds"),
        }
        return Decision(False, Message(words[what], role=who(user.role)))
    if state is not None and state not in rights.rounds:
        return Decision(False, Message(N_("the review round is {state}"), state=Message(state)))
    return Decision(True)


def _change_status(
    user: User, rules: RolePolicy, status: str | None, target_status: str | None
) -> Decision:
    if not rules.status_to:
        return Decision(False, Message(N_("{role} cannot change a status"), role=who(user.role)))
    if target_status is not None and target_status not in rules.status_to:
        return Decision(
            False,
            Message(
                N_("{role} can move assessments to {statuses} only"),
                role=who(user.role),
                statuses=_words(rules.status_to),
            ),
        )
    if status is not None and status not in rules.view:
        return Decision(False, Message(N_("the assessment is {status}"), status=Message(status)))
    if status is not None and status not in rules.status_from:
        return Decision(
            False,
            Message(
                N_("{role} cannot move an assessment that is {status} (only {statuses} ones)"),
                role=who(user.role),
                status=Message(status),
                statuses=_words(rules.status_from),
            ),
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
        return Decision(False, Message(N_("nobody may change their own account")))
    for wanted in (role, current_role):
        if wanted is not None and wanted in policy().roles and wanted not in rules.grant:
            return Decision(
                False,
                Message(
                    N_("{role} may give and take away the roles {roles} only, not {wanted}"),
                    role=who(user.role),
                    roles=" / ".join(rules.grant) or Message(N_("none")),
                    wanted=wanted,
                ),
            )
    return Decision(True)
