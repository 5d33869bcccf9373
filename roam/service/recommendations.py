"""Recommendations use cases: add, update, list and follow up, for the CLI and the app.

Access is decided once per call through the policy (roam/access_policy.yaml via roam.access):
reading follows the assessment's `view` rule (governments from validated on, the public once
published); adding and updating follow the `upload` right within the account's countries (the
national team edits its own). Every refusal is written to the audit trail by SecureStore.require.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from roam.access import SecureStore, decide
from roam.framework import load_framework
from roam.i18n import _
from roam.recommendations import progress
from roam.recommendations.model import check_or_raise, check_status, check_update_date
from roam.store import AssessmentInfo, NotFound
from roam.store import recommendations as register
from roam.store.recommendations import DuplicateRecommendation, RecommendationInfo

__all__ = ["DuplicateRecommendation", "add", "follow_up", "listing", "update"]


def _assessment(secure: SecureStore, country: str, year: int | None) -> AssessmentInfo:
    """The assessment meant: a year, else the latest the user may see (else the latest)."""
    code = country.strip().upper()
    stored = [a for a in secure.store.assessments(code) if year is None or a.year == year]
    if not stored:
        raise NotFound(f"no assessment of {code}" + (f" {year}" if year else "") + " in the store")
    visible = _visible(secure, code)
    if year is None and visible:
        live = [a for a in visible if a.status != "archived"] or visible
        return live[-1]
    return stored[-1]


def _visible(secure: SecureStore, country: str) -> list[AssessmentInfo]:
    """Assessments with at least one version the user may see (the per-version view rule)."""
    return secure.assessments(country)


def _label(info: AssessmentInfo) -> str:
    return f"recommendations of {info.label}"


def _may_view(secure: SecureStore, info: AssessmentInfo) -> None:
    """Readers of any version of the assessment read its recommendations (a government keeps
    seeing them when a validated assessment is reopened as a draft)."""
    if any(_same(info, a) for a in _visible(secure, info.country)):
        return
    reason = decide(secure.user, "view", info.country, info.status).reason
    secure.refuse("view", _label(info), reason or f"the assessment is {info.status}")


def _same(a: AssessmentInfo, b: AssessmentInfo) -> bool:
    return (a.country, a.year, a.framework, a.indicator_set) == (
        b.country,
        b.year,
        b.framework,
        b.indicator_set,
    )


def _may_edit(secure: SecureStore, info: AssessmentInfo) -> None:
    secure.require("upload", _label(info), country=info.country)


def add(
    secure: SecureStore, country: str, year: int | None, fields: dict[str, Any]
) -> RecommendationInfo:
    """Check and add one recommendation; its first status is 'not started' unless given."""
    info = _assessment(secure, country, year)
    _may_edit(secure, info)
    rec = check_or_raise(fields, load_framework(info.framework))
    return register.add(secure.store, info.country, info.year, rec, user=secure.user.email)


def update(
    secure: SecureStore,
    country: str,
    year: int | None,
    code: str,
    status: str,
    evidence: str = "",
    dated: dt.date | None = None,
) -> RecommendationInfo:
    """Record a dated status update with its evidence (earlier ones are kept)."""
    info = _assessment(secure, country, year)
    _may_edit(secure, info)
    day = check_update_date(dated, dt.date.today())
    return register.add_status(
        secure.store,
        info.country,
        info.year,
        code.strip(),
        check_status(status),
        evidence=evidence.strip(),
        user=secure.user.email,
        dated=day,
    )


def listing(secure: SecureStore, country: str, year: int | None = None) -> list[RecommendationInfo]:
    info = _assessment(secure, country, year)
    _may_view(secure, info)
    return register.listing(secure.store, info.country, info.year)


def import_from_workbook(
    secure: SecureStore, country: str, year: int, items: list
) -> dict[str, int]:
    """A questionnaire's Recommendations sheet into the register (after the upload stored)."""
    info = _assessment(secure, country, year)
    _may_edit(secure, info)
    return register.merge(secure.store, info.country, info.year, items, user=secure.user.email)


def follow_up(secure: SecureStore, country: str) -> list[dict[str, Any]]:
    """Per country: every visible assessment's recommendations, status, and the change in the
    linked themes' and indicators' scores up to the latest later assessment the user may see."""
    code = country.strip().upper()
    stored = secure.store.assessments(code)
    if not stored:
        raise NotFound(_("no assessment of {code} in the store").format(code=code))
    visible = _visible(secure, code)
    if not visible:
        _may_view(secure, stored[-1])  # records and raises the refusal
    live = [a for a in visible if a.status != "archived"]
    scores: dict[int, progress.LinkedScores] = {}

    def scores_of(a: AssessmentInfo) -> progress.LinkedScores:
        if a.year not in scores:  # the version this user may see, not always the latest
            loaded = secure.load(a.country, a.year, indicator_set=a.indicator_set)
            scores[a.year] = progress.linked_scores(loaded)
        return scores[a.year]

    rows = []
    for info in live:
        recs = register.listing(secure.store, info.country, info.year)
        if not recs:
            continue
        later = [a for a in live if a.year > info.year and a.latest_version is not None]
        after = scores_of(later[-1]) if later else None
        base = scores_of(info)
        for rec in recs:
            linked = progress.changes(rec.themes, rec.indicators, base, after)
            row = rec.as_dict()
            row.pop("history")
            row["assessment_status"] = info.status
            row["compared_with"] = after.year if after else None
            row["linked"] = linked
            row["change"] = progress.summary(linked, after.year if after else None)
            rows.append(row)
    return rows
