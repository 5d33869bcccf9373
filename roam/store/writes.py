"""Writing the store inside a write transaction: new versions, status changes, archived uploads.

Nothing is ever overwritten or deleted: an upload is a new version, a status change is a new
transition row, and archiving hides a version from "latest" while keeping it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from roam.i18n import _
from roam.questionnaire.model import RESPONSE_COLUMNS, Assessment
from roam.store import schema as S
from roam.store.compare import plain
from roam.store.engine import StoreError
from roam.store.queries import (
    latest_number,
    locked_assessment,
    one_assessment,
    transition_info,
    version_infos,
)
from roam.store.records import (
    IngestResult,
    NotFound,
    TransitionInfo,
    VersionInfo,
    display_name,
    sha256,
)
from roam.store.status import (
    UPLOAD_REFUSED,
    UPLOAD_REOPENS,
    TransitionError,
    check_transition,
    forward_path,
)
from roam.store.transactions import get_or_create


def add_version(
    s: Session, a: Assessment, content: bytes, *, user: str, note: str, status: str
) -> IngestResult:
    """Store one read assessment as the next version of its assessment (created if new)."""
    meta = a.meta
    if meta.year is None:
        raise StoreError(
            _("{file} has no assessment year").format(
                file=display_name(a.filename) or _("the file")
            )
        )
    country = get_or_create(
        s,
        select(S.Country).where(S.Country.iso_code == meta.iso_code),
        lambda: S.Country(iso_code=meta.iso_code, name=meta.country, fictional=meta.fictional),
    )
    row = get_or_create(
        s,
        select(S.Assessment).where(
            S.Assessment.country_id == country.id,
            S.Assessment.year == meta.year,
            S.Assessment.framework == meta.framework,
            S.Assessment.indicator_set == meta.indicator_set,
        ),
        lambda: S.Assessment(
            country_id=country.id,
            year=meta.year,
            framework=meta.framework,
            indicator_set=meta.indicator_set,
            status="draft",
        ),
    )
    # Serialise uploads to this assessment (PostgreSQL row lock; SQLite holds the DB lock).
    row = locked_assessment(s, row.id)
    label = f"{meta.iso_code} {meta.year}"
    if row.status in UPLOAD_REFUSED:
        reason = UPLOAD_REFUSED[row.status].format(country=meta.iso_code, year=meta.year)
        raise TransitionError(
            _("Cannot add a version to {label}: {reason}").format(label=label, reason=reason)
        )
    last = s.scalar(select(func.max(S.Version.number)).where(S.Version.assessment_id == row.id))
    number = (last or 0) + 1
    now = S.utcnow()
    report = a.report
    version = S.Version(
        assessment_id=row.id,
        number=number,
        filename=display_name(a.filename),
        sha256=a.sha256 or sha256(content),
        size=len(content),
        content=content,
        meta=meta.model_dump(mode="json"),
        mab=[{k: plain(v) for k, v in r.items()} for r in a.mab.to_dict("records")],
        report=report.as_dict(),
        errors=len(report.errors),
        warnings=len(report.warnings),
        uploaded_by=user,
        uploaded_at=now,
        note=note,
    )
    s.add(version)
    s.flush()
    records = a.responses.to_dict("records")
    if records:
        s.execute(
            insert(S.Response),
            [
                {"version_id": version.id, "position": i}
                | {k: plain(r.get(k)) for k in RESPONSE_COLUMNS}
                for i, r in enumerate(records)
            ],
        )
    if a.recommendations:  # the workbook's Recommendations sheet joins the register
        from roam.store.recommendations import merge_in_session

        merge_in_session(s, row, a.recommendations, user, now.date())
    if number == 1:
        record_transition(s, row, None, "draft", number, user, now, "first upload")
    elif row.status in UPLOAD_REOPENS:
        record_transition(
            s, row, row.status, "draft", number, user, now, f"version {number} uploaded"
        )
    for step in forward_path(row.status, status):
        check_transition(label, row.status, step)
        record_transition(s, row, row.status, step, number, user, now, note)
    row.updated_at = now
    return IngestResult(
        filename=display_name(a.filename),
        country=meta.iso_code,
        name=country.name,
        year=meta.year,
        framework=meta.framework,
        indicator_set=meta.indicator_set,
        version=number,
        status=row.status,
        sha256=version.sha256,
        warnings=version.warnings,
    )


def set_status(
    s: Session,
    country: str,
    year: int,
    status: str,
    *,
    user: str,
    note: str,
    framework: str | None,
    indicator_set: str | None,
    version: int | None,
) -> TransitionInfo:
    """Move an assessment on. ``version``: the version that was reviewed; the change is refused
    unless it is still the latest one (a newer upload is never validated unseen)."""
    row = one_assessment(s, country, year, framework, indicator_set, for_update=True)
    label = f"{row.country.iso_code} {row.year}"
    check_transition(label, row.status, status)
    latest = latest_number(s, row.id)
    if version is not None and version != latest:
        raise TransitionError(
            _(
                "Cannot move {label} to {status}: version {version} was reviewed, but the latest "
                "version is {latest}; review version {latest} first"
            ).format(label=label, status=status, version=version, latest=latest)
        )
    now = S.utcnow()
    event = record_transition(s, row, row.status, status, latest, user, now, note)
    row.updated_at = now
    return transition_info(row, event)


def archive_version(
    s: Session,
    country: str,
    version: int,
    *,
    user: str,
    year: int | None,
    note: str,
    indicator_set: str | None = None,
) -> VersionInfo:
    """Hide one upload from "latest" (it stays stored); the assessment keeps its status."""
    row = one_assessment(s, country, year, None, indicator_set, for_update=True)
    found = s.scalar(
        select(S.Version).where(S.Version.assessment_id == row.id, S.Version.number == version)
    )
    if found is None:
        raise NotFound(
            _("{iso_code} {year} has no version {version}").format(
                iso_code=row.country.iso_code, year=row.year, version=version
            )
        )
    if found.archived_at is None:
        found.archived_at = S.utcnow()
        found.archived_by = user
        if note:
            found.note = f"{found.note}\n[archived] {note}".strip()
    return next(v for v in version_infos(s, row) if v.version == version)


def record_transition(
    s: Session,
    row: S.Assessment,
    before: str | None,
    after: str,
    number: int | None,
    user: str,
    at: dt.datetime,
    note: str,
) -> S.Transition:
    event = S.Transition(
        assessment_id=row.id,
        from_status=before,
        to_status=after,
        version_number=number,
        changed_by=user,
        changed_at=at,
        note=note,
    )
    s.add(event)
    row.status = after
    return event
