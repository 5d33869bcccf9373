"""Review rounds as use cases: open, write sheets, collect, rate online, answer, close, status.

Each function checks access once (roam.access policy: the review_* actions, with the round's
state) and writes the audit trail once, then works through roam.review.store. The CLI and the
app both call these; neither reaches the review tables directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from roam.access import User, record
from roam.errors import ValidationReport
from roam.i18n import _
from roam.questionnaire.vocab import vocabulary
from roam.review import record as R
from roam.review.findings import build_findings
from roam.review.model import KINDS, RoundData
from roam.review.rules import review_rules
from roam.review.workbook import check_rating_sheet, sheet_name, write_rating_sheet
from roam.store import Store
from roam.store import reviews as RS

ReviewError = RS.ReviewError


class InvalidRatingSheets(RS.ReviewError):
    """One or more rating workbooks are not usable; nothing was stored. ``failures``:
    (name, report)."""

    def __init__(self, failures: list[tuple[str, ValidationReport]]) -> None:
        self.failures = failures
        names = ", ".join(name for name, _problems in failures)
        super().__init__(
            f"nothing was stored: {len(failures)} rating sheet(s) are not usable ({names})"
        )


def _check(
    store: Store, user: User, action: str, data_country: str, state: str | None, target: str
) -> None:
    from roam.service.guard import Guard

    Guard(store, user).require(action, target, country=data_country, status=state)  # type: ignore[arg-type]


def _done(store: Store, user: User, action: str, target: str, detail: str) -> None:
    record(store, user, action, target, True, detail)


def open_round(
    store: Store,
    user: User,
    country: str,
    *,
    kind: str,
    year: int | None = None,
    version: int | None = None,
    recommendations: Mapping[str, list[str]] | None = None,
    note: str = "",
) -> RoundData:
    country = country.strip().upper()
    _check(store, user, "review_manage", country, None, f"a review round of {country}")
    if kind not in KINDS:
        raise ReviewError(_("--kind must be mab or workshop, not {kind}").format(kind=repr(kind)))
    assessment = store.load(country, year, version)
    findings = build_findings(assessment, recommendations)
    data = RS.open_round(
        store,
        country,
        year or assessment.meta.year,
        version,
        kind,
        findings,
        user=user.email,
        note=note,
    )
    _done(
        store,
        user,
        "review_manage",
        data.label,
        f"opened on version {data.version} with {len(findings)} findings",
    )
    return data


def _load(
    store: Store, country: str, year: int | None, number: int | None, *, full: bool = False
) -> RoundData:
    """The round (participants only, unless ``full``: then every rating and comment too)."""
    return RS.load_round(store, country.strip().upper(), year, number, full=full)


def get_round(
    store: Store,
    user: User,
    country: str,
    *,
    year: int | None = None,
    number: int | None = None,
    purpose: str = "results",
) -> RoundData:
    """A round for reading: ``purpose`` "results" (everyone's ratings) or "rate" (the findings
    a rater sees). Refusals are audited."""
    data = _load(store, country, year, number, full=True)
    _check(store, user, f"review_{purpose}", data.country, data.state, data.label)
    return data


def visible_rounds(store: Store, user: User) -> list[RoundData]:
    """The rounds the user may open on the Review page (rate or see results), newest first."""
    from sqlalchemy import select

    from roam.access import decide
    from roam.store import schema as S

    def run(s):
        return list(
            s.execute(
                select(
                    S.Country.iso_code, S.Assessment.year, S.ReviewRound.number, S.ReviewRound.state
                )
                .join(S.Assessment, S.Assessment.id == S.ReviewRound.assessment_id)
                .join(S.Country, S.Country.id == S.Assessment.country_id)
                .order_by(S.Country.iso_code, S.Assessment.year, S.ReviewRound.number.desc())
            )
        )

    out = []
    for country, year, number, state in store._read(run):
        if any(
            decide(user, a, country, state).allowed  # type: ignore[arg-type]
            for a in ("review_results", "review_rate")
        ):
            out.append(RS.load_round(store, country, year, number))
    return out


def rating_sheets(
    store: Store,
    user: User,
    country: str,
    *,
    year: int | None = None,
    number: int | None = None,
) -> dict[str, bytes]:
    """One rating workbook per participant and a blank one for walk-ins: file name -> bytes."""
    data = _load(store, country, year, number, full=True)
    _check(store, user, "review_manage", data.country, data.state, data.label)
    if not data.is_open:
        raise ReviewError(
            _("{label} is closed; rating sheets are written for open rounds").format(
                label=data.label
            )
        )
    rules = review_rules(data.framework)
    out = {sheet_name(data, p): write_rating_sheet(data, p, rules) for p in data.participants}
    out[sheet_name(data, None)] = write_rating_sheet(data, None, rules)
    _done(store, user, "review_manage", data.label, f"wrote {len(out)} rating sheets")
    return out


@dataclass(frozen=True)
class Collected:
    filename: str
    participant: str
    submission: int  # 1 for a first submission, 2 when it replaced one, ...
    ratings: int
    comments: int


def collect(
    store: Store,
    user: User,
    country: str,
    files: Iterable[tuple[str, bytes]],
    *,
    year: int | None = None,
    number: int | None = None,
) -> list[Collected]:
    """Read filled rating workbooks; if any is not usable, nothing is stored."""
    data = _load(store, country, year, number)
    _check(store, user, "review_manage", data.country, data.state, data.label)
    if not data.is_open:
        raise ReviewError(
            _("{label} is closed; a closed round is read-only").format(label=data.label)
        )
    rules = review_rules(data.framework)
    checked, failures = [], []
    for name, content in files:
        sheet, report = check_rating_sheet(content, data, rules)
        if sheet is None:
            failures.append((name, report))
        else:
            checked.append((name, content, sheet))
    if failures:
        raise InvalidRatingSheets(failures)
    out = []
    for name, content, sheet in checked:
        key, n = RS.submit(
            store,
            data.id,
            sheet.who,
            sheet.ratings,
            channel="workbook",
            user=user.email,
            filename=name,
            content=content,
        )
        out.append(
            Collected(
                name,
                key,
                n,
                sum(1 for r, _comment in sheet.ratings.values() if r),
                sum(1 for _rating, c in sheet.ratings.values() if c),
            )
        )
    _done(
        store,
        user,
        "review_manage",
        data.label,
        f"collected {len(out)} rating sheet(s): {', '.join(c.participant for c in out)}",
    )
    return out


def rate(
    store: Store,
    user: User,
    country: str,
    ratings: Mapping[str, tuple[str | None, str | None]],
    *,
    year: int | None = None,
    number: int | None = None,
    person: Mapping[str, Any] | None = None,
    participant: str | None = None,
) -> tuple[str, int]:
    """Ratings entered online. A rater rates as themselves (their account); rating on someone
    else's behalf (``participant``) needs the right to run rounds."""
    data = _load(store, country, year, number)
    own = next((p for p in data.participants if p.email == user.email), None)
    if participant is not None and (own is None or own.key != participant):
        _check(
            store,
            user,
            "review_manage",
            data.country,
            data.state,
            f"the ratings of {participant} in {data.label}",
        )
        who: dict[str, Any] = {"key": participant}
    else:
        _check(store, user, "review_rate", data.country, data.state, data.label)
        who = {"email": user.email, "name": user.name, **(person or {})}
    if not data.is_open:
        raise ReviewError(
            _("{label} is closed; a closed round is read-only").format(label=data.label)
        )
    _check_ratings(data, ratings)
    key, n = RS.submit(store, data.id, who, ratings, channel="app", user=user.email)
    _done(store, user, "review_rate", data.label, f"{key} rated {len(ratings)} finding(s) online")
    return key, n


def key_in(
    store: Store,
    user: User,
    country: str,
    who: Mapping[str, Any],
    ratings: Mapping[str, tuple[str | None, str | None]],
    *,
    year: int | None = None,
    number: int | None = None,
) -> tuple[str, int]:
    """A paper rating sheet keyed in by the national team: for a known participant
    (``{"key": "P03"}``) or a workshop walk-in (name, organisation, group, gender)."""
    data = _load(store, country, year, number)
    _check(store, user, "review_manage", data.country, data.state, data.label)
    if not data.is_open:
        raise ReviewError(
            _("{label} is closed; a closed round is read-only").format(label=data.label)
        )
    _check_ratings(data, ratings)
    if not who.get("key") and who.get("group") not in vocabulary().stakeholder_groups:
        raise ReviewError(
            _("{group} is not a stakeholder group").format(group=repr(who.get("group")))
        )
    key, n = RS.submit(store, data.id, who, ratings, channel="keyed", user=user.email)
    _done(store, user, "review_manage", data.label, f"keyed in a paper sheet for {key}")
    return key, n


def _check_ratings(data: RoundData, ratings: Mapping[str, tuple[str | None, str | None]]) -> None:
    """Ratings entered online or keyed in: known findings and labels of the scale only."""
    rules = review_rules(data.framework)
    known = {f["id"] for f in data.findings}
    bad = [
        f for f, (r, _comment) in ratings.items() if f not in known or (r and r not in rules.labels)
    ]
    if bad:
        raise ReviewError(
            _("not a finding of {label} or not a rating: {items}").format(
                label=data.label, items=", ".join(bad)
            )
        )


def my_ratings(data: RoundData, user: User) -> tuple[str | None, dict]:
    own = next((p for p in data.participants if p.email == user.email), None)
    return (own.key, data.ratings.get(own.key, {})) if own else (None, {})


def answer(
    store: Store,
    user: User,
    country: str,
    comment: str,
    outcome: str,
    reason: str,
    *,
    year: int | None = None,
    number: int | None = None,
) -> Any:
    """The national team's response to one comment (``P03:R.A.1``)."""
    return answer_many(
        store, user, country, [(comment, outcome, reason)], year=year, number=number
    )[0]


def answer_many(
    store: Store,
    user: User,
    country: str,
    items: Iterable[tuple[str, str, str]],
    *,
    year: int | None = None,
    number: int | None = None,
) -> list[Any]:
    """Responses to several comments (comment id, outcome, reasons): all recorded or none."""
    data = _load(store, country, year, number)
    items = list(items)
    target = f"comment {items[0][0]}" if len(items) == 1 else f"{len(items)} comments"
    _check(store, user, "review_manage", data.country, data.state, f"{target} in {data.label}")
    rules = review_rules(data.framework)
    parsed = []
    for comment, outcome, reason in items:
        if outcome not in rules.outcomes:
            raise ReviewError(
                _("{outcome} is not an outcome; use one of: {items}").format(
                    outcome=repr(outcome), items=", ".join(rules.outcomes)
                )
            )
        if not reason.strip():
            raise ReviewError(
                _("give the reasons for the response to {comment} (--reason)").format(
                    comment=comment
                )
            )
        participant, _colon, finding = comment.partition(":")
        if not finding:
            raise ReviewError(
                _("{comment} is not a comment id; they look like P03:R.A.1").format(
                    comment=repr(comment)
                )
            )
        parsed.append((participant, finding, outcome, reason.strip()))
    done = RS.answer(store, data.id, parsed, user=user.email)
    _done(
        store,
        user,
        "review_manage",
        data.label,
        "answered " + ", ".join(f"{c.id}: {c.outcome}" for c in done),
    )
    return done


def close(
    store: Store,
    user: User,
    country: str,
    *,
    year: int | None = None,
    number: int | None = None,
) -> RoundData:
    data = _load(store, country, year, number, full=True)
    _check(store, user, "review_manage", data.country, data.state, data.label)
    if not data.is_open:
        raise ReviewError(_("{label} is already closed").format(label=data.label))
    closed = RS.close_round(store, data.id, user=user.email, summary=R.summary_line(data))
    _done(store, user, "review_manage", data.label, "closed")
    return closed


def status(
    store: Store,
    user: User,
    country: str,
    *,
    year: int | None = None,
    number: int | None = None,
) -> dict[str, Any]:
    return R.status(get_round(store, user, country, year=year, number=number))


def records_for_export(
    store: Store, user: User, country: str, year: int | None, *, names: bool = True
) -> list[dict[str, Any]]:
    """Every round of an assessment as a record, for exports by someone who may see results
    (others get an empty list: an export never carries what its maker may not see)."""
    from roam.access import decide
    from roam.store import NotFound

    try:
        rounds = RS.list_rounds(store, country, year)
    except NotFound:
        return []
    out = []
    for r in rounds:
        if decide(user, "review_results", country.upper(), r["state"]).allowed:
            data = _load(store, country, year, r["round"], full=True)
            out.append(R.full_record(data, names=names))
    return out
