"""Reading the store inside a session: which assessment and version a request means, and the
records (:mod:`roam.store.records`) built from the rows.

A version's own status (what the access policy decides on, see roam/access_policy.yaml):

- ``archived`` when the version was archived on its own, or its whole assessment is archived;
- otherwise, for the latest (not archived) version, the assessment's current status;
- otherwise, for an older version, the last status the assessment was moved to while that version
  was the latest (``draft`` when it never moved): a draft that was replaced stays a draft.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session, contains_eager, selectinload

from roam.errors import Issue, ValidationReport
from roam.i18n import _
from roam.questionnaire.model import MAB_FIELDS, RESPONSE_COLUMNS, Assessment, AssessmentMeta
from roam.store import schema as S
from roam.store.engine import StoreError
from roam.store.records import (
    AssessmentInfo,
    NotFound,
    TransitionInfo,
    VersionInfo,
    display_name,
)
from roam.store.selection import choose, matching
from roam.store.status import ACCEPTED

NAMING = ("country", "year", "framework", "indicator_set")  # what names an assessment


def assessments_query(country: str | None = None):
    """Assessment rows (of ``country``) with their country and transitions loaded in the same
    read: records built from them use both, and loading them row by row made every page
    issue one query per assessment."""
    q = (
        select(S.Assessment)
        .join(S.Country)
        .options(contains_eager(S.Assessment.country), selectinload(S.Assessment.transitions))
    )
    if country:
        q = q.where(S.Country.iso_code == country.strip().upper())
    return q


def assessment_fields(row: S.Assessment, fields: tuple[str, ...] = NAMING) -> dict[str, Any]:
    """The fields of an assessment row that records built from it repeat (country code and name,
    year, framework, indicator set, status), by the records' own field names."""
    values = {
        "country": row.country.iso_code,
        "name": row.country.name,
        "year": row.year,
        "framework": row.framework,
        "indicator_set": row.indicator_set,
        "status": row.status,
    }
    return {field: values[field] for field in fields}


def assessment_infos(s: Session, country: str | None = None) -> list[AssessmentInfo]:
    """Every assessment (archived ones too), by country then year."""
    q = assessments_query(country)
    rows = s.scalars(q.order_by(S.Country.iso_code, S.Assessment.year, S.Assessment.id)).all()
    ids = [r.id for r in rows]
    stats = {
        aid: (count, latest, at)
        for aid, count, latest, at in s.execute(
            select(
                S.Version.assessment_id,
                func.count(S.Version.id),
                func.max(S.Version.number).filter(S.Version.archived_at.is_(None)),
                func.max(S.Version.uploaded_at),
            )
            .where(S.Version.assessment_id.in_(ids))
            .group_by(S.Version.assessment_id)
        )
    }
    accepted: dict[int, int | None] = {}
    for r in rows:
        for t in sorted(r.transitions, key=lambda t: t.id):
            if t.to_status in ACCEPTED:
                accepted[r.id] = t.version_number
    out = []
    for r in rows:
        count, latest, at = stats.get(r.id, (0, None, None))
        if isinstance(at, dt.datetime) and at.tzinfo is None:
            at = at.replace(tzinfo=dt.UTC)
        out.append(
            AssessmentInfo(
                **assessment_fields(r, ("country", "name", *NAMING[1:], "status")),
                versions=count,
                latest_version=latest,
                latest_uploaded_at=at,
                accepted_version=accepted.get(r.id),
                updated_at=r.updated_at,
            )
        )
    return out


def assessment_rows(
    s: Session,
    country: str,
    year: int | None,
    framework: str | None = None,
    indicator_set: str | None = None,
) -> list[S.Assessment]:
    q = assessments_query(country)
    if year is not None:
        q = q.where(S.Assessment.year == year)
    if framework:
        q = q.where(S.Assessment.framework == framework)
    if indicator_set:
        q = q.where(S.Assessment.indicator_set == indicator_set)
    return list(s.scalars(q.order_by(S.Assessment.year, S.Assessment.id)))


def not_found(s: Session, country: str, year: int | None) -> str:
    code = country.strip().upper()
    stored = list(s.scalars(select(S.Country.iso_code).order_by(S.Country.iso_code)))
    if code in stored and year is not None:
        years = sorted(
            set(
                s.scalars(
                    select(S.Assessment.year).join(S.Country).where(S.Country.iso_code == code)
                )
            )
        )
        return _("{code} has no assessment for {year} (stored years: {years})").format(
            code=code, year=year, years=", ".join(map(str, years))
        )
    known = ", ".join(stored) if stored else _("the store is empty")
    return _("no country {country} in the store (stored: {known})").format(
        country=repr(country), known=known
    )


def one_assessment(
    s: Session,
    country: str,
    year: int | None,
    framework: str | None,
    indicator_set: str | None,
    *,
    for_update: bool = False,
) -> S.Assessment:
    """The assessment a request means (the rule in :mod:`roam.store.selection`).

    A change (``for_update``) must not guess between two indicator sets of one year: it is
    refused with a message naming them, unless the set is named."""
    rows = assessment_rows(s, country, year, framework, indicator_set)
    if not rows:
        raise NotFound(not_found(s, country, year))
    if for_update:
        candidates = matching(rows, year, framework, indicator_set)
        if len(candidates) > 1:
            options = ", ".join(f"framework {r.framework} {r.indicator_set}" for r in candidates)
            raise StoreError(
                _(
                    "{country} {year} has {count} assessments ({options}); say which with "
                    "--framework and --indicator-set"
                ).format(
                    country=country.upper(),
                    year=candidates[0].year,
                    count=len(candidates),
                    options=options,
                )
            )
    chosen = choose(rows, year, framework, indicator_set)
    assert chosen is not None  # rows is not empty
    return locked_assessment(s, chosen.id) if for_update else chosen


def locked_assessment(s: Session, assessment_id: int) -> S.Assessment:
    """The assessment row read again under a row lock (PostgreSQL; SQLite holds the DB lock),
    so that changes to one assessment are serialised."""
    return s.scalars(
        select(S.Assessment)
        .where(S.Assessment.id == assessment_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


def latest_number(s: Session, assessment_id: int) -> int | None:
    return s.scalar(
        select(func.max(S.Version.number)).where(
            S.Version.assessment_id == assessment_id, S.Version.archived_at.is_(None)
        )
    )


def version_row(s: Session, row: S.Assessment, number: int | None) -> S.Version:
    label = f"{row.country.iso_code} {row.year}"
    if number is None:
        number = latest_number(s, row.id)
        if number is None:
            raise NotFound(
                _("every version of {label} is archived; ask for one by number").format(label=label)
            )
    found = s.scalar(
        select(S.Version).where(S.Version.assessment_id == row.id, S.Version.number == number)
    )
    if found is None:
        last = s.scalar(select(func.max(S.Version.number)).where(S.Version.assessment_id == row.id))
        raise NotFound(
            _("{label} has no version {number} (versions 1 to {last})").format(
                label=label, number=number, last=last or 0
            )
        )
    return found


VERSION_COLUMNS = (
    S.Version.assessment_id,
    S.Version.number,
    S.Version.filename,
    S.Version.sha256,
    S.Version.size,
    S.Version.uploaded_at,
    S.Version.uploaded_by,
    S.Version.note,
    S.Version.errors,
    S.Version.warnings,
    S.Version.archived_at,
)


def version_infos(s: Session, row: S.Assessment) -> list[VersionInfo]:
    """Every version of one assessment with its own status (module docstring)."""
    return versions_of(s, [row])


def versions_of(s: Session, rows: list[S.Assessment]) -> list[VersionInfo]:
    """Every version of these assessments with its own status, in one query (not one per
    assessment); in the order of ``rows``, oldest version first within each."""
    found: dict[int, list] = {r.id: [] for r in rows}
    query = select(*VERSION_COLUMNS).where(S.Version.assessment_id.in_(list(found)))
    for v in s.execute(query.order_by(S.Version.assessment_id, S.Version.number)):
        found[v.assessment_id].append(v)
    return [info for row in rows for info in _version_records(row, found[row.id])]


def _version_records(row: S.Assessment, versions: list) -> list[VersionInfo]:
    held: dict[int, str] = {}
    for t in row.transitions:
        if t.version_number is not None:
            held[t.version_number] = t.to_status
    current = [v.number for v in versions if v.archived_at is None]
    latest = max(current) if current else None  # as latest_number(): the newest not archived
    out = []
    for v in versions:
        if v.archived_at is not None or row.status == "archived":
            status = "archived"
        elif v.number == latest:
            status = row.status
        else:
            status = held.get(v.number, "draft")
        out.append(
            VersionInfo(
                **assessment_fields(row),
                version=v.number,
                status=status,
                latest=v.number == latest,
                filename=display_name(v.filename),
                sha256=v.sha256,
                size=v.size,
                uploaded_at=v.uploaded_at,
                uploaded_by=v.uploaded_by,
                note=v.note,
                errors=v.errors,
                warnings=v.warnings,
                archived=v.archived_at is not None,
            )
        )
    return out


def transition_info(row: S.Assessment, t: S.Transition) -> TransitionInfo:
    return TransitionInfo(
        **assessment_fields(row, ("country", "year", "indicator_set")),
        from_status=t.from_status,
        to_status=t.to_status,
        version=t.version_number,
        changed_by=t.changed_by,
        changed_at=t.changed_at,
        note=t.note,
    )


def rebuild(s: Session, v: S.Version) -> Assessment:
    """The Assessment exactly as it was read at upload, from the stored rows."""
    rows = s.execute(
        select(*(getattr(S.Response, c) for c in RESPONSE_COLUMNS))
        .where(S.Response.version_id == v.id)
        .order_by(S.Response.position)
    ).all()
    responses = pd.DataFrame.from_records([tuple(r) for r in rows], columns=RESPONSE_COLUMNS)
    responses["value"] = pd.to_numeric(responses["value"], errors="coerce").astype("float64")
    responses["data_year"] = pd.to_numeric(responses["data_year"], errors="coerce").astype("Int64")
    responses["row"] = pd.to_numeric(responses["row"], errors="coerce").astype("Int64")
    mab = pd.DataFrame.from_records(v.mab, columns=MAB_FIELDS)
    report = ValidationReport(
        issues=[
            Issue(
                code=str(i["code"]),
                severity=i["severity"],
                message=str(i["message"]),
                sheet=i.get("sheet"),
                cell=i.get("cell"),
                indicator=i.get("indicator"),
                value=i.get("value"),
            )
            for i in v.report.get("issues", [])
        ]
    )
    return Assessment(
        meta=AssessmentMeta.model_validate(v.meta),
        responses=responses,
        mab=mab,
        report=report,
        filename=display_name(v.filename),
        sha256=v.sha256,
    )
