"""The store: every upload a new version, status changes recorded, nothing overwritten.

This module only assembles the store's jobs: records (:mod:`roam.store.records`), transactions
(:mod:`roam.store.transactions`), writes (:mod:`roam.store.writes`) and queries
(:mod:`roam.store.queries`). A questionnaire that does not validate is refused before the
database is touched; a database error rolls everything back.

The store does not check access: the acting user is an explicit ``user`` argument of every
write, and the service layer (:mod:`roam.service`) decides who may call what.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from roam.errors import QuestionnaireError
from roam.questionnaire.model import Assessment
from roam.store import accounts as ACC
from roam.store import queries as Q
from roam.store import schema as S
from roam.store import writes as W
from roam.store.compare import VersionDiff, diff_assessments
from roam.store.engine import StoreError
from roam.store.records import (
    AssessmentInfo,
    CheckedSource,
    IngestResult,
    InvalidFiles,
    NotFound,
    Source,
    TransitionInfo,
    VersionInfo,
    check_sources,
)
from roam.store.transactions import Transactions

__all__: Sequence[str] = [
    "AssessmentInfo",
    "CheckedSource",
    "IngestResult",
    "InvalidFiles",
    "NotFound",
    "Store",
    "StoreError",
    "TransitionInfo",
    "VersionInfo",
    "check_sources",
    "ensure_user",
    "open_store",
]


class Store(Transactions):
    """One database of assessments. ``url`` defaults to ``ROAM_DATABASE_URL`` / the SQLite file."""

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
                W.add_version(s, c.assessment, c.data, user=user, note=note, status=status)
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
            lambda s: W.add_version(s, assessment, content, user=user, note=note, status=status)
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
        version: int | None = None,
    ) -> TransitionInfo:
        """Move an assessment to ``status``; refused with a plain message when impossible.
        ``version`` pins the reviewed version: refused unless it is still the latest."""
        return self._write(
            lambda s: W.set_status(
                s,
                country,
                year,
                status,
                user=user,
                note=note,
                framework=framework,
                indicator_set=indicator_set,
                version=version,
            )
        )

    def archive_version(
        self,
        country: str,
        version: int,
        *,
        user: str,
        year: int | None = None,
        note: str = "",
        indicator_set: str | None = None,
    ) -> VersionInfo:
        """Hide one upload from "latest" (it stays readable); the assessment keeps its status."""
        return self._write(
            lambda s: W.archive_version(
                s, country, version, user=user, year=year, note=note, indicator_set=indicator_set
            )
        )

    # ---------------------------------------------------------------- reading

    def countries(self) -> list[str]:
        return self._read(
            lambda s: list(s.scalars(select(S.Country.iso_code).order_by("iso_code")))
        )

    def assessments(self, country: str | None = None) -> list[AssessmentInfo]:
        """Every assessment (archived ones too), by country then year."""
        return self._read(lambda s: Q.assessment_infos(s, country))

    def history(
        self, country: str, year: int | None = None, *, indicator_set: str | None = None
    ) -> list[VersionInfo]:
        """Every version of every assessment of ``country`` (oldest first, per assessment)."""

        def run(s: Session) -> list[VersionInfo]:
            rows = Q.assessment_rows(s, country, year, None, indicator_set)
            if not rows:
                raise NotFound(Q.not_found(s, country, year))
            return Q.versions_of(s, rows)

        return self._read(run)

    def versions(self, country: str | None = None) -> list[VersionInfo]:
        """Every version of every assessment (of ``country``), in one read; empty when none."""

        def run(s: Session) -> list[VersionInfo]:
            q = Q.assessments_query(country)
            rows = s.scalars(q.order_by(S.Country.iso_code, S.Assessment.year, S.Assessment.id))
            return Q.versions_of(s, list(rows))

        return self._read(run)

    def transitions(
        self, country: str, year: int | None = None, *, indicator_set: str | None = None
    ) -> list[TransitionInfo]:
        def run(s: Session) -> list[TransitionInfo]:
            rows = Q.assessment_rows(s, country, year, None, indicator_set)
            if not rows:
                raise NotFound(Q.not_found(s, country, year))
            return [Q.transition_info(r, t) for r in rows for t in r.transitions]

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
        """Rebuild an Assessment from stored data: latest version of the assessment meant
        (:mod:`roam.store.selection`)."""

        def run(s: Session) -> Assessment:
            from roam.store.recommendations import recommendations_of

            row = Q.one_assessment(s, country, year, framework, indicator_set)
            rebuilt = Q.rebuild(s, Q.version_row(s, row, version))
            rebuilt.recommendations = recommendations_of(s, row)
            return rebuilt

        return self._read(run)

    def original(
        self,
        country: str,
        year: int | None = None,
        version: int | None = None,
        *,
        framework: str | None = None,
        indicator_set: str | None = None,
    ) -> tuple[str | None, bytes]:
        """The uploaded file exactly as received: (display name, bytes)."""

        def run(s: Session) -> tuple[str | None, bytes]:
            row = Q.one_assessment(s, country, year, framework, indicator_set)
            found = Q.version_row(s, row, version)
            return Q.display_name(found.filename), bytes(found.content)

        return self._read(run)

    def compare(
        self,
        country: str,
        old: int,
        new: int | None = None,
        *,
        year: int | None = None,
        framework: str | None = None,
        indicator_set: str | None = None,
    ) -> VersionDiff:
        """Which indicators changed between two versions (``new`` defaults to the latest)."""

        def run(s: Session) -> VersionDiff:
            row = Q.one_assessment(s, country, year, framework, indicator_set)
            a, b = Q.version_row(s, row, old), Q.version_row(s, row, new)
            label = f"{row.country.iso_code} {row.year}"
            return diff_assessments(
                Q.rebuild(s, a),
                Q.rebuild(s, b),
                before=f"{label} v{a.number}",
                after=f"{label} v{b.number}",
            )

        return self._read(run)

    # ---------------------------------------------------------------- accounts and audit

    def account(self, email: str) -> dict | None:
        """The account of ``email`` (a dict, see :mod:`roam.store.accounts`), or None."""
        return self._read(lambda s: ACC.find_user(s, email))

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
    ) -> bool:
        """Write one audit event, unless ``unless_since`` is given and the same event (actor,
        action, target, outcome, detail) was written since then. Returns whether it wrote."""

        def run(s: Session) -> bool:
            if unless_since is not None and ACC.has_recent_event(
                s, actor, action, target, allowed, detail, unless_since
            ):
                return False
            ACC.add_event(s, actor, role, action, target, allowed, detail)
            return True

        return self._write(run)

    def audit_events(self, limit: int = 200) -> list[dict]:
        """Audit events, newest first."""
        return self._read(lambda s: ACC.events(s, limit))

    def counts(self) -> dict[str, int]:
        """Rows per table (for checks that a failure stored nothing)."""
        tables = (S.Country, S.Assessment, S.Version, S.Response, S.Transition)
        return self._read(
            lambda s: {
                t.__tablename__: s.scalar(select(func.count()).select_from(t)) or 0 for t in tables
            }
        )


def open_store(url: str | None = None) -> Store:
    """The store at ``url`` (default: ``ROAM_DATABASE_URL`` or the SQLite file)."""
    return Store(url)


def ensure_user(user: str | None) -> str:
    from roam.store.paths import default_user

    return (user or "").strip() or default_user()
