"""Store operations: every upload a new version, status changes recorded, nothing overwritten.

All writes go through :meth:`Store._write`: one transaction per call (a batch of files is one
transaction), retried when a concurrent writer wins a race (unique constraint, SQLite busy,
PostgreSQL serialisation failure or deadlock). A questionnaire that does not validate is refused
before the database is touched; a database error rolls everything back.

The acting user is an explicit ``user`` argument of every write (access control comes later).
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from roam.errors import Issue, QuestionnaireError, ValidationReport
from roam.questionnaire import check_questionnaire
from roam.questionnaire.model import MAB_FIELDS, RESPONSE_COLUMNS, Assessment, AssessmentMeta
from roam.store import schema as S
from roam.store.compare import VersionDiff, diff_assessments, plain
from roam.store.engine import StoreError, get_engine
from roam.store.paths import normalise_url
from roam.store.status import (
    ACCEPTED,
    UPLOAD_REFUSED,
    UPLOAD_REOPENS,
    TransitionError,
    check_transition,
    forward_path,
)

T = TypeVar("T")
log = logging.getLogger("roam.store")
ATTEMPTS = 12
retries = 0  # lost races retried in this process (observability for tests and operators)
_RETRY_SQLSTATES = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock timeout

Source = str | Path | bytes | tuple[str, bytes]


class NotFound(StoreError):
    """What was asked for is not in the store; the message names it."""


class InvalidFiles(StoreError):
    """One or more files did not validate; nothing was stored. ``failures``: (name, report)."""

    def __init__(self, failures: list[tuple[str, ValidationReport]]) -> None:
        self.failures = failures
        names = ", ".join(name for name, _ in failures)
        super().__init__(f"nothing was stored: {len(failures)} file(s) did not validate ({names})")


# ------------------------------------------------------------------------------ results


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


@dataclass(frozen=True)
class VersionInfo:
    country: str
    year: int
    framework: str
    indicator_set: str
    version: int
    status: str
    latest: bool
    filename: str | None
    sha256: str
    size: int
    uploaded_at: dt.datetime
    uploaded_by: str
    note: str
    errors: int
    warnings: int
    archived: bool

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["uploaded_at"] = _iso(self.uploaded_at)
        return out


@dataclass(frozen=True)
class AssessmentInfo:
    country: str
    name: str
    year: int
    framework: str
    indicator_set: str
    status: str
    versions: int
    latest_version: int | None
    latest_uploaded_at: dt.datetime | None
    accepted_version: int | None
    updated_at: dt.datetime

    @property
    def label(self) -> str:
        return f"{self.country} {self.year}"

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["latest_uploaded_at"] = _iso(self.latest_uploaded_at)
        out["updated_at"] = _iso(self.updated_at)
        return out


@dataclass(frozen=True)
class TransitionInfo:
    country: str
    year: int
    from_status: str | None
    to_status: str
    version: int | None
    changed_by: str
    changed_at: dt.datetime
    note: str

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["changed_at"] = _iso(self.changed_at)
        return out


@dataclass(frozen=True)
class IngestResult:
    filename: str | None
    country: str
    name: str
    year: int
    framework: str
    indicator_set: str
    version: int
    status: str
    sha256: str
    warnings: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# ------------------------------------------------------------------------------ the store


class Store:
    """One database of assessments. ``url`` defaults to ``ROAM_DATABASE_URL`` / the SQLite file."""

    def __init__(self, url: str | None = None) -> None:
        self.engine: Engine = get_engine(normalise_url(url) if url else None)
        self._write_engine = self.engine.execution_options(roam_write=True)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # ---------------------------------------------------------------- transactions

    def _read(self, fn: Callable[[Session], T]) -> T:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            return fn(session)

    def _write(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in one write transaction; retry lost races; wrap database failures."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with (
                    Session(self._write_engine, expire_on_commit=False) as session,
                    session.begin(),
                ):
                    return fn(session)
            except DBAPIError as exc:
                if attempt < ATTEMPTS and _retryable(exc):
                    global retries
                    retries += 1
                    log.info("write attempt %d lost a race, retrying: %s", attempt, exc.orig)
                    time.sleep(min(2.0, 0.02 * 2**attempt) * random.uniform(0.5, 1.5))
                    continue
                raise StoreError(
                    f"database error, nothing was stored: {str(exc.orig or exc).strip()}"
                ) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    # ---------------------------------------------------------------- writing

    def ingest(
        self,
        sources: Iterable[Source],
        *,
        user: str,
        status: str = "draft",
        note: str = "",
        max_file_mb: float | None = None,
    ) -> list[IngestResult]:
        """Validate every file, then store them all as new versions in one transaction.

        A source is a path, bytes, or a ``(filename, bytes)`` pair. If any file does not
        validate, :class:`InvalidFiles` is raised and nothing is stored. ``status`` is where each
        assessment ends up, passing through the forward steps (``submitted`` records
        draft -> validated -> submitted).
        """
        return self.store_checked(
            check_sources(sources, max_file_mb), user=user, note=note, status=status
        )

    def store_checked(
        self, checked: list[CheckedSource], *, user: str, note: str = "", status: str = "draft"
    ) -> list[IngestResult]:
        """Store already-checked sources (see :func:`check_sources`) in one transaction, or
        nothing at all when any of them did not validate."""
        failures = [(c.name or "<bytes>", c.report) for c in checked if not c.valid]
        if failures:
            raise InvalidFiles(failures)
        return self._write(
            lambda s: [
                self._add_version(s, c.assessment, c.data, user=user, note=note, status=status)
                for c in checked
            ]
        )

    def add_version(
        self,
        assessment: Assessment,
        content: bytes,
        *,
        user: str,
        note: str = "",
        status: str = "draft",
    ) -> IngestResult:
        """Store an already-read assessment and the original file's bytes as a new version."""
        if not assessment.report.valid:
            raise QuestionnaireError(assessment.report)
        return self._write(
            lambda s: self._add_version(s, assessment, content, user=user, note=note, status=status)
        )

    def _add_version(
        self, s: Session, a: Assessment, content: bytes, *, user: str, note: str, status: str
    ) -> IngestResult:
        meta = a.meta
        if meta.year is None:
            raise StoreError(f"{a.filename or 'the file'} has no assessment year")
        country = _get_or_create(
            s,
            select(S.Country).where(S.Country.iso_code == meta.iso_code),
            lambda: S.Country(iso_code=meta.iso_code, name=meta.country, fictional=meta.fictional),
        )
        row = _get_or_create(
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
        row = s.scalars(
            select(S.Assessment)
            .where(S.Assessment.id == row.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).one()
        label = f"{meta.iso_code} {meta.year}"
        if row.status in UPLOAD_REFUSED:
            reason = UPLOAD_REFUSED[row.status].format(country=meta.iso_code, year=meta.year)
            raise TransitionError(f"Cannot add a version to {label}: {reason}")
        last = s.scalar(select(func.max(S.Version.number)).where(S.Version.assessment_id == row.id))
        number = (last or 0) + 1
        now = S.utcnow()
        report = a.report
        version = S.Version(
            assessment_id=row.id,
            number=number,
            filename=a.filename,
            sha256=a.sha256 or _sha256(content),
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
        if number == 1:
            _record(s, row, None, "draft", number, user, now, "first upload")
        elif row.status in UPLOAD_REOPENS:
            _record(s, row, row.status, "draft", number, user, now, f"version {number} uploaded")
        for step in forward_path(row.status, status):
            check_transition(label, row.status, step)
            _record(s, row, row.status, step, number, user, now, note)
        row.updated_at = now
        return IngestResult(
            filename=a.filename,
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
        self,
        country: str,
        year: int,
        status: str,
        *,
        user: str,
        note: str = "",
        framework: str | None = None,
        indicator_set: str | None = None,
    ) -> TransitionInfo:
        """Move an assessment to ``status``; refused with a plain message when impossible."""

        def run(s: Session) -> TransitionInfo:
            row = _one_assessment(s, country, year, framework, indicator_set, for_update=True)
            label = f"{row.country.iso_code} {row.year}"
            check_transition(label, row.status, status)
            latest = _latest_number(s, row.id)
            now = S.utcnow()
            event = _record(s, row, row.status, status, latest, user, now, note)
            row.updated_at = now
            return _transition_info(row, event)

        return self._write(run)

    def archive_version(
        self, country: str, version: int, *, user: str, year: int | None = None, note: str = ""
    ) -> VersionInfo:
        """Hide one upload from "latest" (it stays readable); the assessment keeps its status."""

        def run(s: Session) -> VersionInfo:
            row = _one_assessment(s, country, year, None, None, for_update=True)
            found = s.scalar(
                select(S.Version).where(
                    S.Version.assessment_id == row.id, S.Version.number == version
                )
            )
            if found is None:
                raise NotFound(f"{row.country.iso_code} {row.year} has no version {version}")
            if found.archived_at is None:
                found.archived_at = S.utcnow()
                found.archived_by = user
                if note:
                    found.note = f"{found.note}\n[archived] {note}".strip()
            return next(v for v in _version_infos(s, row) if v.version == version)

        return self._write(run)

    # ---------------------------------------------------------------- reading

    def countries(self) -> list[str]:
        return self._read(
            lambda s: list(s.scalars(select(S.Country.iso_code).order_by("iso_code")))
        )

    def assessments(self, country: str | None = None) -> list[AssessmentInfo]:
        """Every assessment (archived ones too), by country then year."""

        def run(s: Session) -> list[AssessmentInfo]:
            q = select(S.Assessment).join(S.Country)
            if country:
                q = q.where(S.Country.iso_code == country.upper())
            rows = s.scalars(
                q.order_by(S.Country.iso_code, S.Assessment.year, S.Assessment.id)
            ).all()
            stats = {
                aid: (count, latest, at)
                for aid, count, latest, at in s.execute(
                    select(
                        S.Version.assessment_id,
                        func.count(S.Version.id),
                        func.max(S.Version.number).filter(S.Version.archived_at.is_(None)),
                        func.max(S.Version.uploaded_at),
                    ).group_by(S.Version.assessment_id)
                )
            }
            accepted: dict[int, int | None] = {}
            for aid, to_status, number in s.execute(
                select(
                    S.Transition.assessment_id, S.Transition.to_status, S.Transition.version_number
                ).order_by(S.Transition.id)
            ):
                if to_status in ACCEPTED:
                    accepted[aid] = number
            out = []
            for r in rows:
                count, latest, at = stats.get(r.id, (0, None, None))
                if isinstance(at, dt.datetime) and at.tzinfo is None:
                    at = at.replace(tzinfo=dt.UTC)
                out.append(
                    AssessmentInfo(
                        country=r.country.iso_code,
                        name=r.country.name,
                        year=r.year,
                        framework=r.framework,
                        indicator_set=r.indicator_set,
                        status=r.status,
                        versions=count,
                        latest_version=latest,
                        latest_uploaded_at=at,
                        accepted_version=accepted.get(r.id),
                        updated_at=r.updated_at,
                    )
                )
            return out

        return self._read(run)

    def history(self, country: str, year: int | None = None) -> list[VersionInfo]:
        """Every version of every assessment of ``country`` (oldest first, per assessment)."""

        def run(s: Session) -> list[VersionInfo]:
            rows = _assessment_rows(s, country, year)
            if not rows:
                raise NotFound(_not_found(s, country, year))
            return [v for row in rows for v in _version_infos(s, row)]

        return self._read(run)

    def transitions(self, country: str, year: int | None = None) -> list[TransitionInfo]:
        def run(s: Session) -> list[TransitionInfo]:
            rows = _assessment_rows(s, country, year)
            if not rows:
                raise NotFound(_not_found(s, country, year))
            return [_transition_info(r, t) for r in rows for t in r.transitions]

        return self._read(run)

    def load(
        self,
        country: str,
        year: int | None = None,
        version: int | None = None,
        *,
        framework: str | None = None,
        indicator_set: str | None = None,
    ) -> Assessment:
        """Rebuild an Assessment from stored data: latest version of the latest assessment."""

        def run(s: Session) -> Assessment:
            row = _one_assessment(s, country, year, framework, indicator_set)
            found = _version(s, row, version)
            return _rebuild(s, found)

        return self._read(run)

    def original(
        self, country: str, year: int | None = None, version: int | None = None
    ) -> tuple[str | None, bytes]:
        """The uploaded file exactly as received: (filename, bytes)."""

        def run(s: Session) -> tuple[str | None, bytes]:
            found = _version(s, _one_assessment(s, country, year, None, None), version)
            return found.filename, bytes(found.content)

        return self._read(run)

    def compare(
        self, country: str, old: int, new: int | None = None, *, year: int | None = None
    ) -> VersionDiff:
        """Which indicators changed between two versions (``new`` defaults to the latest)."""

        def run(s: Session) -> VersionDiff:
            row = _one_assessment(s, country, year, None, None)
            a, b = _version(s, row, old), _version(s, row, new)
            label = f"{row.country.iso_code} {row.year}"
            return diff_assessments(
                _rebuild(s, a),
                _rebuild(s, b),
                before=f"{label} v{a.number}",
                after=f"{label} v{b.number}",
            )

        return self._read(run)

    def counts(self) -> dict[str, int]:
        """Rows per table (for checks that a failure stored nothing)."""
        tables = (S.Country, S.Assessment, S.Version, S.Response, S.Transition)
        return self._read(
            lambda s: {
                t.__tablename__: s.scalar(select(func.count()).select_from(t)) or 0 for t in tables
            }
        )


# ------------------------------------------------------------------------------ helpers


@dataclass(frozen=True)
class CheckedSource:
    """One uploaded file after reading and validation: checked once, used for every decision."""

    name: str | None
    data: bytes
    assessment: Assessment | None
    report: ValidationReport

    @property
    def valid(self) -> bool:
        return self.assessment is not None and self.report.valid


def check_sources(
    sources: Iterable[Source], max_file_mb: float | None = None
) -> list[CheckedSource]:
    checked = []
    for source in sources:
        name, data = _source_bytes(source)
        assessment, report = check_questionnaire(data, filename=name, max_file_mb=max_file_mb)
        checked.append(CheckedSource(name, data, assessment, report))
    return checked


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _source_bytes(source: Source) -> tuple[str | None, bytes]:
    if isinstance(source, tuple):
        return source[0], bytes(source[1])
    if isinstance(source, bytes | bytearray | memoryview):
        return None, bytes(source)
    path = Path(source)
    try:
        return path.name, path.read_bytes()
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from None


def _retryable(exc: DBAPIError) -> bool:
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _RETRY_SQLSTATES:
        return True
    if getattr(orig, "sqlstate", None) == "23505":  # unique violation: a concurrent insert won
        return True
    text = str(orig).lower()
    if isinstance(exc, OperationalError) and ("locked" in text or "busy" in text):
        return True
    return isinstance(exc, IntegrityError) and "unique constraint failed" in text


def _get_or_create(s: Session, query: Any, make: Callable[[], T]) -> T:
    found = s.scalar(query)
    if found is not None:
        return found
    try:
        with s.begin_nested():
            made = make()
            s.add(made)
        return made
    except IntegrityError:  # another process created it after our SELECT: use theirs
        found = s.scalar(query)
        if found is None:
            raise
        return found


def _record(
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


def _transition_info(row: S.Assessment, t: S.Transition) -> TransitionInfo:
    return TransitionInfo(
        country=row.country.iso_code,
        year=row.year,
        from_status=t.from_status,
        to_status=t.to_status,
        version=t.version_number,
        changed_by=t.changed_by,
        changed_at=t.changed_at,
        note=t.note,
    )


def _assessment_rows(s: Session, country: str, year: int | None) -> list[S.Assessment]:
    q = select(S.Assessment).join(S.Country).where(S.Country.iso_code == country.strip().upper())
    if year is not None:
        q = q.where(S.Assessment.year == year)
    return list(s.scalars(q.order_by(S.Assessment.year, S.Assessment.id)))


def _not_found(s: Session, country: str, year: int | None) -> str:
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
        return f"{code} has no assessment for {year} (stored years: {', '.join(map(str, years))})"
    known = ", ".join(stored) if stored else "the store is empty"
    return f"no country {country!r} in the store (stored: {known})"


def _one_assessment(
    s: Session,
    country: str,
    year: int | None,
    framework: str | None,
    indicator_set: str | None,
    *,
    for_update: bool = False,
) -> S.Assessment:
    """The assessment meant: a given year, else the latest year that is not archived."""
    rows = _assessment_rows(s, country, year)
    if framework:
        rows = [r for r in rows if r.framework == framework]
    if indicator_set:
        rows = [r for r in rows if r.indicator_set == indicator_set]
    if not rows:
        raise NotFound(_not_found(s, country, year))
    if year is None:
        live = [r for r in rows if r.status != "archived"]
        rows = live or rows
        top = max(r.year for r in rows)
        rows = [r for r in rows if r.year == top]
    if for_update and len(rows) > 1:
        options = ", ".join(f"framework {r.framework} {r.indicator_set}" for r in rows)
        raise StoreError(
            f"{country.upper()} {rows[0].year} has {len(rows)} assessments ({options}); "
            "say which with --framework and --indicator-set"
        )
    chosen = max(rows, key=lambda r: (r.updated_at, r.id))
    if for_update:
        chosen = s.scalars(
            select(S.Assessment)
            .where(S.Assessment.id == chosen.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).one()
    return chosen


def _latest_number(s: Session, assessment_id: int) -> int | None:
    return s.scalar(
        select(func.max(S.Version.number)).where(
            S.Version.assessment_id == assessment_id, S.Version.archived_at.is_(None)
        )
    )


def _version(s: Session, row: S.Assessment, number: int | None) -> S.Version:
    label = f"{row.country.iso_code} {row.year}"
    if number is None:
        number = _latest_number(s, row.id)
        if number is None:
            raise NotFound(f"every version of {label} is archived; ask for one by number")
    found = s.scalar(
        select(S.Version).where(S.Version.assessment_id == row.id, S.Version.number == number)
    )
    if found is None:
        last = s.scalar(select(func.max(S.Version.number)).where(S.Version.assessment_id == row.id))
        raise NotFound(f"{label} has no version {number} (versions 1 to {last or 0})")
    return found


def _version_infos(s: Session, row: S.Assessment) -> list[VersionInfo]:
    cols = (
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
    versions = s.execute(
        select(*cols).where(S.Version.assessment_id == row.id).order_by(S.Version.number)
    ).all()
    held: dict[int, str] = {}
    for t in row.transitions:
        if t.version_number is not None:
            held[t.version_number] = t.to_status
    latest = _latest_number(s, row.id)
    out = []
    for v in versions:
        if v.archived_at is not None:
            status = "archived"
        elif v.number == latest:
            status = row.status
        else:
            status = held.get(v.number, "draft")
        out.append(
            VersionInfo(
                country=row.country.iso_code,
                year=row.year,
                framework=row.framework,
                indicator_set=row.indicator_set,
                version=v.number,
                status=status,
                latest=v.number == latest,
                filename=v.filename,
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


def _rebuild(s: Session, v: S.Version) -> Assessment:
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
        filename=v.filename,
        sha256=v.sha256,
    )


def open_store(url: str | None = None) -> Store:
    """The store at ``url`` (default: ``ROAM_DATABASE_URL`` or the SQLite file)."""
    return Store(url)


def ensure_user(user: str | None) -> str:
    from roam.store.paths import default_user

    return (user or "").strip() or default_user()


__all__: Sequence[str] = [
    "AssessmentInfo",
    "IngestResult",
    "InvalidFiles",
    "NotFound",
    "Store",
    "TransitionInfo",
    "VersionInfo",
    "open_store",
]
