"""The one place where a request is matched to a version and decided.

A :class:`Guard` is the store as one user may use it. ``pick`` answers "which version does this
request mean, and may this user have it?" for every reading action (load, history, compare,
original, exports): it applies the selection rule (roam/store/selection.py) to the assessments
holding at least one version the user may see, then decides on the chosen version's own status.
A refusal is raised as :class:`AccessDenied` and written to the audit trail (rate-limited, see
roam/access/accounts.py).
"""

from __future__ import annotations

import dataclasses
import logging

from roam.access.accounts import record
from roam.access.policy import AccessDenied, Action, User, decide
from roam.i18n import _
from roam.store import AssessmentInfo, NotFound, Store, StoreError, VersionInfo
from roam.store.selection import choose

log = logging.getLogger("roam.service")


def _same(a: AssessmentInfo, v: VersionInfo) -> bool:
    return (a.year, a.framework, a.indicator_set) == (v.year, v.framework, v.indicator_set)


class Guard:
    """The store as one user sees it. Every use case checks through ``require`` or ``pick``."""

    def __init__(self, store: Store, user: User) -> None:
        self.store, self.user = store, user

    # -- the decision, and the audit of refusals
    def require(self, action: Action, target: str, **kw) -> None:
        """Raise AccessDenied (and record it) unless the user may do this."""
        decision = decide(self.user, action, **kw)
        if not decision.allowed:
            self.refuse(action, target, decision.reason)

    def refuse(self, action: str, target: str, reason: str) -> None:
        try:
            record(self.store, self.user, action, target, False, reason)
        except StoreError as exc:  # a read-only store still refuses, it just cannot record
            log.warning("refusal not recorded (%s): %s %s: %s", exc, action, target, reason)
        raise AccessDenied(self.user, action, target, reason)

    def can(
        self,
        action: Action,
        country: str | None = None,
        status: str | None = None,
        target_status: str | None = None,
    ) -> bool:
        return decide(self.user, action, country, status, target_status).allowed

    def may(self, action: Action, version: VersionInfo) -> bool:
        return self.can(action, version.country, version.status)

    # -- what the user may see
    def visible_versions(
        self,
        country: str,
        year: int | None = None,
        *,
        indicator_set: str | None = None,
        action: Action = "view",
    ) -> list[VersionInfo]:
        """The versions of ``country`` (and year, set) the user may see; NotFound when there
        are none stored at all."""
        return [
            v
            for v in self.store.history(country, year, indicator_set=indicator_set)
            if self.may(action, v)
        ]

    def assessments(self, country: str | None = None) -> list[AssessmentInfo]:
        """The assessments holding at least one version the user may see, described by those
        versions only: status, latest version and last upload are those of the latest version
        the user may see (a viewer is not told that a newer draft exists)."""
        out = []
        seen: dict[str, list[VersionInfo]] = {}
        for v in self.store.versions(country):
            if self.may("view", v):
                seen.setdefault(v.country, []).append(v)
        for a in self.store.assessments(country):
            mine = [v for v in seen.get(a.country, []) if _same(a, v)]
            if not mine:
                continue
            top = max([v for v in mine if not v.archived] or mine, key=lambda v: v.version)
            numbers = {v.version for v in mine}
            out.append(
                dataclasses.replace(
                    a,
                    status=top.status,
                    versions=len(mine),
                    latest_version=None if top.archived else top.version,
                    latest_uploaded_at=max(v.uploaded_at for v in mine),
                    accepted_version=(
                        a.accepted_version if a.accepted_version in numbers else None
                    ),
                )
            )
        return out

    def pick(
        self,
        action: Action,
        country: str,
        year: int | None = None,
        version: int | None = None,
        *,
        framework: str | None = None,
        indicator_set: str | None = None,
    ) -> VersionInfo:
        """The version a request means, if the user may ``action`` it; else AccessDenied.

        With no ``version``: the latest not-archived version the user may see (a government
        viewer of an assessment reopened as a draft still sees the validated version)."""
        code = country.strip().upper()
        candidates = [
            a for a in self.store.assessments(code) if framework is None or a.framework == framework
        ]
        every = self.store.history(code, year, indicator_set=indicator_set)  # NotFound if none
        allowed = [v for v in every if self.may(action, v)]
        if version is None:
            allowed = [v for v in allowed if not v.archived]
        usable = [a for a in candidates if any(_same(a, v) for v in allowed)]
        chosen = choose(usable, year, framework, indicator_set)
        if chosen is None:
            meant = choose(candidates, year, framework, indicator_set)
            if meant is None:
                raise NotFound(f"no assessment of {code}" + (f" {year}" if year else ""))
            own = [v for v in every if _same(meant, v)]
            shown = (
                [v for v in own if v.version == version] or [v for v in own if v.latest] or own[-1:]
            )
            if version is None and self.may(action, shown[0]):
                raise NotFound(
                    _(
                        "every version of {label} {indicator_set} is archived; ask for one by "
                        "number"
                    ).format(label=meant.label, indicator_set=meant.indicator_set)
                )
            self._refuse_version(action, shown[0])
        own = [v for v in every if _same(chosen, v)]
        if version is None:
            return max((v for v in allowed if _same(chosen, v)), key=lambda v: v.version)
        found = [v for v in own if v.version == version]
        if not found:
            raise NotFound(
                _("{label} {indicator_set} has no version {version} (versions 1 to {last})").format(
                    label=chosen.label,
                    indicator_set=chosen.indicator_set,
                    version=version,
                    last=max(v.version for v in own),
                )
            )
        if not self.may(action, found[0]):
            self._refuse_version(action, found[0])
        return found[0]

    def _refuse_version(self, action: Action, v: VersionInfo) -> None:
        decision = decide(self.user, action, v.country, v.status)
        self.refuse(action, v.label, decision.reason or f"version {v.version} is {v.status}")
