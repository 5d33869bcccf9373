"""The register's queries: recommendations of an assessment and their dated updates.

Writes only ever add rows: a new recommendation, a status update, or an edit that keeps the
previous wording in the update row. Nothing is deleted. Callers check access first
(roam.service.recommendations); these functions trust their caller.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from roam.i18n import _
from roam.recommendations.model import RecommendationInput
from roam.store import schema as S
from roam.store.records import NotFound

if TYPE_CHECKING:
    from roam.store.repository import Store

NOT_STARTED = "not_started"  # the status of a recommendation nobody has updated yet
EDITABLE = ("text", "themes", "indicators", "stakeholders", "priority", "target_date")


@dataclass(frozen=True)
class UpdateInfo:
    kind: str  # "status" or "edit"
    status: str | None
    dated: dt.date
    evidence: str
    previous: dict[str, Any]
    recorded_by: str
    recorded_at: dt.datetime

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["dated"] = self.dated.isoformat()
        out["recorded_at"] = self.recorded_at.isoformat()
        return out


@dataclass(frozen=True)
class RecommendationInfo:
    country: str
    year: int
    code: str
    text: str
    themes: list[str]
    indicators: list[str]
    stakeholders: list[str]
    priority: str
    target_date: dt.date | None
    created_by: str
    created_at: dt.datetime
    history: list[UpdateInfo]

    @property
    def last_status(self) -> UpdateInfo | None:
        """The latest status update by its date (the later-recorded one wins on a day); None
        while nobody has recorded one (the recommendation is then not started)."""
        updates = [(u.dated, i, u) for i, u in enumerate(self.history) if u.kind == "status"]
        return max(updates, key=lambda t: (t[0], t[1]))[2] if updates else None

    @property
    def status(self) -> str:
        last = self.last_status
        return last.status if last is not None and last.status else NOT_STARTED

    def as_dict(self) -> dict[str, Any]:
        last = self.last_status
        return {
            "country": self.country,
            "year": self.year,
            "id": self.code,
            "text": self.text,
            "themes": self.themes,
            "indicators": self.indicators,
            "stakeholders": self.stakeholders,
            "priority": self.priority,
            "target_date": self.target_date.isoformat() if self.target_date else None,
            "status": self.status,
            "status_date": last.dated.isoformat() if last else None,
            "evidence": last.evidence if last else "",
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(),
            "history": [u.as_dict() for u in self.history],
        }


class DuplicateRecommendation(ValueError):
    """The ID is taken in this assessment; updates go through `update`, never a second add."""


def assessment_row(s: Session, country: str, year: int) -> S.Assessment:
    """The assessment of ``country`` in ``year`` (the most recently changed one if several)."""
    rows = s.scalars(
        select(S.Assessment)
        .join(S.Country)
        .where(S.Country.iso_code == country.strip().upper(), S.Assessment.year == year)
        .order_by(S.Assessment.updated_at.desc(), S.Assessment.id.desc())
    ).all()
    if not rows:
        raise NotFound(
            _("no assessment of {country} {year} in the store").format(
                country=country.upper(), year=year
            )
        )
    return rows[0]


def _info(row: S.Assessment, rec: S.Recommendation) -> RecommendationInfo:
    return RecommendationInfo(
        country=row.country.iso_code,
        year=row.year,
        code=rec.code,
        text=rec.text,
        themes=list(rec.themes or []),
        indicators=list(rec.indicators or []),
        stakeholders=list(rec.stakeholders or []),
        priority=rec.priority,
        target_date=rec.target_date,
        created_by=rec.created_by,
        created_at=rec.created_at,
        history=[
            UpdateInfo(
                u.kind,
                u.status,
                u.dated,
                u.evidence,
                dict(u.previous or {}),
                u.recorded_by,
                u.recorded_at,
            )
            for u in rec.updates
        ],
    )


def _update(
    s: Session,
    rec_id: int,
    user: str,
    dated: dt.date,
    *,
    status: str | None = None,
    evidence: str = "",
    previous: dict[str, Any] | None = None,
) -> None:
    """One dated entry of a recommendation's history: a status update, or an edit (``previous``
    holds the values it replaced). Entries are only ever added, never changed."""
    s.add(
        S.RecommendationUpdate(
            recommendation_id=rec_id,
            kind="status" if previous is None else "edit",
            status=status,
            dated=dated,
            evidence=evidence,
            previous=previous or {},
            recorded_by=user,
            recorded_at=dt.datetime.now(dt.UTC),
        )
    )


def _find(s: Session, row: S.Assessment, code: str) -> S.Recommendation | None:
    return s.scalar(
        select(S.Recommendation).where(
            S.Recommendation.assessment_id == row.id, S.Recommendation.code == code
        )
    )


def _add(
    s: Session, row: S.Assessment, rec: RecommendationInput, user: str, today: dt.date
) -> S.Recommendation:
    now = dt.datetime.now(dt.UTC)
    new = S.Recommendation(assessment_id=row.id, created_by=user, created_at=now, **rec.fields())
    s.add(new)
    s.flush()
    if rec.status:  # a status given with the recommendation is its first dated update
        _update(s, new.id, user, today, status=rec.status, evidence=rec.evidence)
    return new


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _edit(s: Session, rec: S.Recommendation, new: RecommendationInput, user: str, today: dt.date):
    """Apply changed fields; the previous values go into an 'edit' update (history kept)."""
    fields = new.fields()
    previous = {
        key: _jsonable(getattr(rec, key))
        for key in EDITABLE
        if (list(getattr(rec, key)) if isinstance(fields[key], list) else getattr(rec, key))
        != fields[key]
    }
    if previous:
        for key in previous:
            setattr(rec, key, fields[key])
        _update(s, rec.id, user, today, previous=previous)
    return bool(previous)


def _current_status(s: Session, rec: S.Recommendation) -> str:
    found = s.scalar(
        select(S.RecommendationUpdate.status)
        .where(
            S.RecommendationUpdate.recommendation_id == rec.id,
            S.RecommendationUpdate.kind == "status",
        )
        .order_by(S.RecommendationUpdate.dated.desc(), S.RecommendationUpdate.id.desc())
        .limit(1)
    )
    return found or NOT_STARTED


def add(
    store: Store,
    country: str,
    year: int,
    rec: RecommendationInput,
    *,
    user: str,
    today: dt.date | None = None,
) -> RecommendationInfo:
    """Add one recommendation (not started until a status is recorded or given here)."""
    today = today or dt.date.today()

    def run(s: Session) -> RecommendationInfo:
        row = assessment_row(s, country, year)
        if _find(s, row, rec.code) is not None:
            raise DuplicateRecommendation(
                _(
                    "{country} {year} already has a recommendation {code}; record its progress "
                    "with `update`"
                ).format(country=row.country.iso_code, year=row.year, code=rec.code)
            )
        new = _add(s, row, rec, user, today)
        s.flush()
        s.refresh(new)
        return _info(row, new)

    return store._write(run)


def add_status(
    store: Store,
    country: str,
    year: int,
    code: str,
    status: str,
    *,
    evidence: str,
    user: str,
    dated: dt.date | None = None,
) -> RecommendationInfo:
    """A dated status update with its evidence; earlier updates stay as they were."""

    def run(s: Session) -> RecommendationInfo:
        row = assessment_row(s, country, year)
        rec = _find(s, row, code)
        if rec is None:
            raise NotFound(_missing(s, row, code))
        _update(s, rec.id, user, dated or dt.date.today(), status=status, evidence=evidence)
        s.flush()
        s.refresh(rec)
        return _info(row, rec)

    return store._write(run)


def _missing(s: Session, row: S.Assessment, code: str) -> str:
    codes = list(
        s.scalars(
            select(S.Recommendation.code)
            .where(S.Recommendation.assessment_id == row.id)
            .order_by(S.Recommendation.id)
        )
    )
    known = ", ".join(codes) if codes else "none yet"
    return f"{row.country.iso_code} {row.year} has no recommendation {code!r} (it has: {known})"


def merge_in_session(
    s: Session, row: S.Assessment, items: list, user: str, today: dt.date
) -> dict[str, int]:
    """Bring a workbook's recommendations into the register inside the caller's transaction.

    New IDs are added; changed wording is an edit (previous kept); a status that differs from
    the current one is a new dated update. IDs missing from the workbook stay as they are.
    """
    counts = {"added": 0, "edited": 0, "status_updates": 0}
    for entry in items:
        item = RecommendationInput.from_dict(entry) if isinstance(entry, dict) else entry
        rec = _find(s, row, item.code)
        if rec is None:
            _add(s, row, item, user, today)
            counts["added"] += 1
            continue
        counts["edited"] += _edit(s, rec, item, user, today)
        if item.status and item.status != _current_status(s, rec):
            _update(s, rec.id, user, today, status=item.status, evidence=item.evidence)
            counts["status_updates"] += 1
    return counts


def merge(
    store: Store,
    country: str,
    year: int,
    items: list,
    *,
    user: str,
    today: dt.date | None = None,
) -> dict[str, int]:
    """:func:`merge_in_session` in a transaction of its own."""
    day = today or dt.date.today()
    return store._write(
        lambda s: merge_in_session(s, assessment_row(s, country, year), items, user, day)
    )


def listing(store: Store, country: str, year: int) -> list[RecommendationInfo]:
    """Every recommendation of one assessment with its full history, in entry order."""

    def run(s: Session) -> list[RecommendationInfo]:
        row = assessment_row(s, country, year)
        recs = s.scalars(
            select(S.Recommendation)
            .where(S.Recommendation.assessment_id == row.id)
            .order_by(S.Recommendation.id)
        ).all()
        return [_info(row, r) for r in recs]

    return store._read(run)


def counts(store: Store) -> dict[str, int]:
    """Rows in the register's tables (tests check that a refusal stored nothing)."""
    from sqlalchemy import func

    return store._read(
        lambda s: {
            t.__tablename__: s.scalar(select(func.count()).select_from(t)) or 0
            for t in (S.Recommendation, S.RecommendationUpdate)
        }
    )


def recommendations_of(s: Session, row: S.Assessment) -> list[dict[str, Any]]:
    """An assessment's recommendations as plain dicts (for exports), inside a caller's session."""
    recs = s.scalars(
        select(S.Recommendation)
        .where(S.Recommendation.assessment_id == row.id)
        .order_by(S.Recommendation.id)
    ).all()
    return [_info(row, r).as_dict() for r in recs]
