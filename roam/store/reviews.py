"""Review rounds (roam.review) in the database: open, submit (a second submission replaces the
first, both kept), answer comments, close. Each function is one transaction of the store;
access is checked by the callers (roam.service.reviews)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from roam.i18n import _
from roam.review.model import MINIMUM_STATUS, Comment, Participant, RoundData
from roam.store import schema as S
from roam.store.engine import StoreError
from roam.store.queries import assessment_fields
from roam.store.queries import one_assessment as _one_assessment
from roam.store.queries import version_row as _version
from roam.store.records import NotFound
from roam.store.repository import Store


class ReviewError(StoreError):
    """A review action that cannot be done; the message says why (nothing was stored)."""


def _round_row(s: Session, country: str, year: int | None, number: int | None) -> S.ReviewRound:
    assessment = _one_assessment(s, country, year, None, None)
    q = select(S.ReviewRound).where(S.ReviewRound.assessment_id == assessment.id)
    label = f"{assessment.country.iso_code} {assessment.year}"
    if number is None:
        row = s.scalar(q.order_by(S.ReviewRound.number.desc()).limit(1))
        if row is None:
            raise NotFound(
                _("{label} has no review round; open one with `roam review open`").format(
                    label=label
                )
            )
        return row
    row = s.scalar(q.where(S.ReviewRound.number == number))
    if row is None:
        raise NotFound(_("{label} has no review round {number}").format(label=label, number=number))
    return row


def open_round(
    store: Store,
    country: str,
    year: int | None,
    version: int | None,
    kind: str,
    findings: list[dict[str, Any]],
    *,
    user: str,
    note: str = "",
) -> RoundData:
    def run(s: Session) -> RoundData:
        assessment = _one_assessment(s, country, year, None, None, for_update=True)
        label = f"{assessment.country.iso_code} {assessment.year}"
        if assessment.status not in MINIMUM_STATUS:
            raise ReviewError(
                _(
                    "{label} is {status}; a review round opens on an assessment that is at least "
                    "validated (`roam status ... --set validated`)"
                ).format(label=label, status=assessment.status)
            )
        chosen = _version(s, assessment, version)
        last = s.scalar(
            select(func.max(S.ReviewRound.number)).where(
                S.ReviewRound.assessment_id == assessment.id
            )
        )
        row = S.ReviewRound(
            assessment_id=assessment.id,
            number=(last or 0) + 1,
            version_number=chosen.number,
            kind=kind,
            state="open",
            findings=findings,
            mab=list(chosen.mab),
            opened_by=user,
            opened_at=S.utcnow(),
            note=note,
        )
        s.add(row)
        s.flush()
        for n, member in enumerate(chosen.mab, start=1):
            s.add(
                S.ReviewParticipant(
                    round_id=row.id,
                    key=f"P{n:02d}",
                    name=member.get("name") or "",
                    organisation=member.get("organisation") or "",
                    group=member.get("group") or "Other",
                    gender=member.get("gender"),
                    share_name=False,
                    origin="mab",
                )
            )
        s.flush()
        return _data(s, row)

    return store._write(run)


def load_round(
    store: Store, country: str, year: int | None, number: int | None, *, full: bool = True
) -> RoundData:
    """The round with its participants; with ``full`` also every current rating and comment."""
    return store._read(lambda s: _data(s, _round_row(s, country, year, number), full=full))


def list_rounds(store: Store, country: str, year: int | None = None) -> list[dict[str, Any]]:
    def run(s: Session) -> list[dict[str, Any]]:
        assessment = _one_assessment(s, country, year, None, None)
        rows = s.scalars(
            select(S.ReviewRound)
            .where(S.ReviewRound.assessment_id == assessment.id)
            .order_by(S.ReviewRound.number)
        )
        return [
            {"round": r.number, "kind": r.kind, "state": r.state, "version": r.version_number}
            for r in rows
        ]

    return store._read(run)


def _data(s: Session, row: S.ReviewRound, *, full: bool = True) -> RoundData:
    assessment = s.get(S.Assessment, row.assessment_id)
    assert assessment is not None
    people = list(
        s.scalars(
            select(S.ReviewParticipant)
            .where(S.ReviewParticipant.round_id == row.id)
            .order_by(S.ReviewParticipant.id)
        )
    )
    if not full:
        return _round_data(row, assessment, people, {}, [], 0)
    by_id = {p.id: p for p in people}
    current = list(
        s.scalars(
            select(S.ReviewSubmission).where(
                S.ReviewSubmission.round_id == row.id, S.ReviewSubmission.replaced_at.is_(None)
            )
        )
    )
    total = s.scalar(
        select(func.count(S.ReviewSubmission.id)).where(S.ReviewSubmission.round_id == row.id)
    )
    ratings: dict[str, dict[str, tuple[str | None, str | None]]] = {}
    if current:
        key_of = {sub.id: by_id[sub.participant_id].key for sub in current}
        for r in s.scalars(
            select(S.ReviewRating).where(S.ReviewRating.submission_id.in_(list(key_of)))
        ):
            ratings.setdefault(key_of[r.submission_id], {})[r.finding_id] = (r.rating, r.comment)
        for sub in current:
            ratings.setdefault(key_of[sub.id], {})
    answers: dict[tuple[int, str, str], S.ReviewResponse] = {}
    for a in s.scalars(
        select(S.ReviewResponse)
        .where(S.ReviewResponse.round_id == row.id)
        .order_by(S.ReviewResponse.id)
    ):
        answers[(a.participant_id, a.finding_id, a.comment)] = a
    order = {f["id"]: i for i, f in enumerate(row.findings)}
    comments = []
    for p in people:
        for finding, (_rating, text) in ratings.get(p.key, {}).items():
            if not text:
                continue
            answer = answers.get((p.id, finding, text))
            comments.append(
                Comment(
                    participant=p.key,
                    finding=finding,
                    text=text,
                    group=p.group,
                    outcome=answer.outcome if answer else None,
                    reason=answer.reason if answer else "",
                    answered_by=answer.answered_by if answer else None,
                )
            )
    comments.sort(key=lambda c: (order.get(c.finding, len(order)), c.participant))
    return _round_data(row, assessment, people, ratings, comments, total or 0)


def _round_data(row, assessment, people, ratings, comments, total: int) -> RoundData:
    return RoundData(
        id=row.id,
        **assessment_fields(assessment, ("country", "name", "year", "framework")),
        assessment_status=assessment.status,
        number=row.number,
        version=row.version_number,
        kind=row.kind,
        state=row.state,
        findings=list(row.findings),
        mab=list(row.mab),
        opened_by=row.opened_by,
        opened_at=row.opened_at,
        closed_by=row.closed_by,
        closed_at=row.closed_at,
        participants=[_participant(p) for p in people],
        ratings=ratings,
        comments=comments,
        submissions=total,
    )


def _participant(p: S.ReviewParticipant) -> Participant:
    return Participant(
        p.key, p.name, p.organisation, p.group, p.gender, p.email, p.share_name, p.origin
    )


def _locked_round(s: Session, round_id: int) -> S.ReviewRound:
    row = s.scalars(
        select(S.ReviewRound)
        .where(S.ReviewRound.id == round_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    if row.state != "open":
        raise ReviewError(
            _("review round {number} is closed; a closed round is read-only").format(
                number=row.number
            )
        )
    return row


def submit(
    store: Store,
    round_id: int,
    who: Mapping[str, Any],
    ratings: Mapping[str, tuple[str | None, str | None]],
    *,
    channel: str,
    user: str,
    filename: str | None = None,
    content: bytes | None = None,
) -> tuple[str, int]:
    """Store one participant's ratings; their earlier submission is marked replaced (kept).

    ``who``: ``{"key": "P03"}`` for a known participant, ``{"email": ...}`` for an account,
    or a new person (name, organisation, group, gender, share_name) for a walk-in, matched by
    name and group to an earlier walk-in of the same round. Returns (participant key, number of
    this participant's submissions)."""

    def run(s: Session) -> tuple[str, int]:
        row = _locked_round(s, round_id)
        person = _find_or_add_person(s, row, who)
        now = S.utcnow()
        earlier = list(
            s.scalars(
                select(S.ReviewSubmission).where(S.ReviewSubmission.participant_id == person.id)
            )
        )
        for old in earlier:
            if old.replaced_at is None:
                old.replaced_at = now
        submission = S.ReviewSubmission(
            round_id=row.id,
            participant_id=person.id,
            channel=channel,
            filename=filename,
            sha256=hashlib.sha256(content).hexdigest() if content is not None else None,
            content=content,
            submitted_by=user,
            submitted_at=now,
        )
        s.add(submission)
        s.flush()
        rows = [
            {"submission_id": submission.id, "finding_id": f, "rating": r, "comment": c}
            for f, (r, c) in ratings.items()
            if r or c
        ]
        if rows:
            s.execute(insert(S.ReviewRating), rows)
        return person.key, len(earlier) + 1

    return store._write(run)


def _find_or_add_person(
    s: Session, row: S.ReviewRound, who: Mapping[str, Any]
) -> S.ReviewParticipant:
    people = list(
        s.scalars(select(S.ReviewParticipant).where(S.ReviewParticipant.round_id == row.id))
    )
    if who.get("key"):
        found = next((p for p in people if p.key == who["key"]), None)
        if found is None:
            raise ReviewError(
                _("round {number} has no participant {key}").format(
                    number=row.number, key=who["key"]
                )
            )
        _update_person(found, who)
        return found
    if who.get("email"):
        found = next((p for p in people if p.email == who["email"]), None)
        if found is not None:
            _update_person(found, who)
            return found
        wanted = (who.get("name") or "").strip().lower()
        named = [
            p
            for p in people
            if p.origin == "mab" and p.email is None and wanted and p.name.strip().lower() == wanted
        ]
        if len(named) == 1:  # a signed-in board member listed on the MAB sheet
            named[0].email = who["email"]
            _update_person(named[0], who)
            return named[0]
        prefix, origin = "A", "account"
    else:
        name = (who.get("name") or "").strip().lower()
        found = next(
            (
                p
                for p in people
                if p.origin == "walk-in"
                and name
                and p.name.strip().lower() == name
                and p.group == who.get("group")
            ),
            None,
        )
        if found is not None:
            _update_person(found, who)
            return found
        prefix, origin = "W", "walk-in"
    if not who.get("group"):
        raise ReviewError(_("a new participant needs a stakeholder group"))
    taken = sum(1 for p in people if p.key.startswith(prefix))
    person = S.ReviewParticipant(
        round_id=row.id,
        key=f"{prefix}{taken + 1:02d}",
        name=who.get("name") or "",
        organisation=who.get("organisation") or "",
        group=who["group"],
        gender=who.get("gender"),
        email=who.get("email"),
        share_name=bool(who.get("share_name")),
        origin=origin,
    )
    s.add(person)
    s.flush()
    return person


def _update_person(p: S.ReviewParticipant, who: Mapping[str, Any]) -> None:
    """Details a participant gave with a submission win over the MAB list's (they are newer)."""
    for field in ("name", "organisation", "group", "gender"):
        if who.get(field):
            setattr(p, field, who[field])
    if "share_name" in who:
        p.share_name = bool(who["share_name"])


def answer(
    store: Store,
    round_id: int,
    items: list[tuple[str, str, str, str]],
    *,
    user: str,
) -> list[Comment]:
    """Record responses to comments, all or none: (participant key, finding, outcome, reason)."""

    def run(s: Session) -> list[Comment]:
        row = _locked_round(s, round_id)
        out = []
        for participant, finding, outcome, reason in items:
            found = s.execute(
                select(S.ReviewParticipant, S.ReviewRating.comment)
                .join(
                    S.ReviewSubmission,
                    S.ReviewSubmission.participant_id == S.ReviewParticipant.id,
                )
                .join(S.ReviewRating, S.ReviewRating.submission_id == S.ReviewSubmission.id)
                .where(
                    S.ReviewParticipant.round_id == row.id,
                    S.ReviewParticipant.key == participant,
                    S.ReviewSubmission.replaced_at.is_(None),
                    S.ReviewRating.finding_id == finding,
                    S.ReviewRating.comment.is_not(None),
                )
            ).first()
            if found is None:
                data = _data(s, row)
                known = ", ".join(c.id for c in data.comments[:8]) or "none"
                raise ReviewError(
                    _(
                        "there is no comment {participant}:{finding} in round {number} (comments: "
                        "{known}{more})"
                    ).format(
                        participant=participant,
                        finding=finding,
                        number=row.number,
                        known=known,
                        more=", ..." if len(data.comments) > 8 else "",
                    )
                )
            person, text = found
            s.add(
                S.ReviewResponse(
                    round_id=row.id,
                    participant_id=person.id,
                    finding_id=finding,
                    comment=text,
                    outcome=outcome,
                    reason=reason,
                    answered_by=user,
                    answered_at=S.utcnow(),
                )
            )
            out.append(Comment(participant, finding, text, person.group, outcome, reason, user))
        return out

    return store._write(run)


def close_round(store: Store, round_id: int, *, user: str, summary: str) -> RoundData:
    """Close a round (no comment may be unanswered) and record it in the status flow."""

    def run(s: Session) -> RoundData:
        row = _locked_round(s, round_id)
        data = _data(s, row)
        unanswered = [c.id for c in data.comments if c.open]
        if unanswered:
            shown = ", ".join(unanswered[:6]) + (", ..." if len(unanswered) > 6 else "")
            raise ReviewError(
                _(
                    "round {number} cannot close: {count} comment(s) have no response yet "
                    "({shown}); answer them with `roam review answer`"
                ).format(number=row.number, count=len(unanswered), shown=shown)
            )
        now = S.utcnow()
        row.state, row.closed_by, row.closed_at = "closed", user, now
        assessment = s.get(S.Assessment, row.assessment_id)
        assert assessment is not None
        s.add(
            S.Transition(
                assessment_id=assessment.id,
                from_status=assessment.status,
                to_status=assessment.status,
                version_number=row.version_number,
                changed_by=user,
                changed_at=now,
                note=summary,
            )
        )
        s.flush()
        return _data(s, row)

    return store._write(run)


def submission_history(store: Store, round_id: int) -> list[dict[str, Any]]:
    """Every submission of a round, replaced ones too (who, when, which file)."""

    def run(s: Session) -> list[dict[str, Any]]:
        rows = s.execute(
            select(S.ReviewSubmission, S.ReviewParticipant.key)
            .join(S.ReviewParticipant)
            .where(S.ReviewSubmission.round_id == round_id)
            .order_by(S.ReviewSubmission.id)
        ).all()
        return [
            {
                "participant": key,
                "channel": sub.channel,
                "filename": sub.filename,
                "sha256": sub.sha256,
                "size": len(sub.content) if sub.content is not None else None,
                "submitted_by": sub.submitted_by,
                "submitted_at": sub.submitted_at.isoformat(),
                "replaced": sub.replaced_at is not None,
            }
            for sub, key in rows
        ]

    return store._read(run)


def original_submission(store: Store, round_id: int, index: int) -> bytes | None:
    """The bytes of a stored rating workbook, exactly as received (``index`` in history)."""

    def run(s: Session) -> bytes | None:
        rows = list(
            s.scalars(
                select(S.ReviewSubmission)
                .where(S.ReviewSubmission.round_id == round_id)
                .order_by(S.ReviewSubmission.id)
            )
        )
        return None if rows[index].content is None else bytes(rows[index].content)

    return store._read(run)


def when(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment else None
