"""Use cases on stored assessments: list, history, load, compare, original, ingest, set status,
archive a version. Each takes a :class:`~roam.service.guard.Guard` (the acting user and the
store), decides access once per request on the versions involved, then calls the store.
"""

from __future__ import annotations

from collections.abc import Iterable

from roam.access.policy import AccessDenied
from roam.i18n import _
from roam.questionnaire.model import Assessment
from roam.service.guard import Guard
from roam.store import (
    AssessmentInfo,
    IngestResult,
    NotFound,
    TransitionError,
    TransitionInfo,
    VersionDiff,
    VersionInfo,
)
from roam.store.records import Source, check_sources
from roam.store.status import FORWARD

# Moves that approve content: the request must name the version that was reviewed.
APPROVING = frozenset(FORWARD) - {"draft"}


def assessments(guard: Guard, country: str | None = None) -> list[AssessmentInfo]:
    return guard.assessments(country)


def history(
    guard: Guard, country: str, year: int | None = None, *, indicator_set: str | None = None
) -> list[VersionInfo]:
    """The versions the user may see (uploader e-mails and notes included); AccessDenied when
    the country has versions but none the user may see."""
    shown = guard.visible_versions(country, year, indicator_set=indicator_set)
    if not shown:
        guard.pick("view", country, year, indicator_set=indicator_set)  # raises, audited
    return shown


def transitions(
    guard: Guard, country: str, year: int | None = None, *, indicator_set: str | None = None
) -> list[TransitionInfo]:
    """Status changes recorded at versions the user may see."""
    shown = {
        (v.year, v.indicator_set, v.version)
        for v in history(guard, country, year, indicator_set=indicator_set)
    }
    return [
        t
        for t in guard.store.transitions(country, year, indicator_set=indicator_set)
        if (t.year, t.indicator_set, t.version) in shown
    ]


def load(
    guard: Guard,
    country: str,
    year: int | None = None,
    version: int | None = None,
    *,
    indicator_set: str | None = None,
) -> Assessment:
    v = guard.pick("view", country, year, version, indicator_set=indicator_set)
    return guard.store.load(
        v.country, v.year, v.version, framework=v.framework, indicator_set=v.indicator_set
    )


def compare(
    guard: Guard,
    country: str,
    old: int,
    new: int | None = None,
    *,
    year: int | None = None,
    indicator_set: str | None = None,
) -> VersionDiff:
    """Differences between two versions, both of which the user must be allowed to see."""
    b = guard.pick("view", country, year, new, indicator_set=indicator_set)
    a = guard.pick("view", country, b.year, old, indicator_set=b.indicator_set)
    return guard.store.compare(
        b.country,
        a.version,
        b.version,
        year=b.year,
        framework=b.framework,
        indicator_set=b.indicator_set,
    )


def original(
    guard: Guard,
    country: str,
    year: int | None = None,
    version: int | None = None,
    *,
    indicator_set: str | None = None,
) -> tuple[str | None, bytes]:
    """The uploaded file as received (an export: the export right is needed)."""
    v = guard.pick("export", country, year, version, indicator_set=indicator_set)
    return guard.store.original(
        v.country, v.year, v.version, framework=v.framework, indicator_set=v.indicator_set
    )


def by_reference(guard: Guard, text: str) -> tuple[Assessment, VersionInfo]:
    """A stored assessment named like ``XA``, ``XA:3``, ``XA@2024`` or ``XA@2024:2`` (see
    roam/store/sources.py), with the version it is."""
    from roam.store.sources import parse_reference

    ref = parse_reference(text)
    if ref is None:
        raise NotFound(
            _("{text} is neither a file nor a stored country (like XA, XA:3, XA@2024)").format(
                text=repr(text)
            )
        )
    code, year, number = ref
    try:
        v = guard.pick("view", code, year, number)
    except NotFound as exc:
        raise NotFound(
            _("{text} is not a file, and {reason}").format(text=repr(text), reason=exc)
        ) from None
    return load(guard, v.country, v.year, v.version, indicator_set=v.indicator_set), v


def ingest(
    guard: Guard,
    sources: Iterable[Source],
    *,
    note: str = "",
    status: str = "draft",
    max_file_mb: float | None = None,
) -> list[IngestResult]:
    """Read every file once; decide on what was read; store all of it or nothing."""
    checked = check_sources(sources, max_file_mb)
    for item in checked:
        country = item.assessment.country if item.assessment is not None else None
        target = f"{country or item.name}"
        guard.require("upload", target, country=country)
        if status != "draft":
            guard.require("change_status", target, country=country, target_status=status)
    return guard.store.store_checked(checked, user=guard.user.email, note=note, status=status)


def set_status(
    guard: Guard,
    country: str,
    year: int,
    target: str,
    *,
    version: int | None = None,
    note: str = "",
    indicator_set: str | None = None,
    framework: str | None = None,
) -> TransitionInfo:
    """Move an assessment on. Approving moves (validated, submitted, published) must name the
    version that was reviewed, and are refused unless it is still the latest version."""
    infos = [
        a
        for a in guard.store.assessments(country)
        if a.year == year
        and (indicator_set is None or a.indicator_set == indicator_set)
        and (framework is None or a.framework == framework)
    ]
    if not infos:
        guard.store.history(country, year)  # NotFound with a useful message
        raise NotFound(
            _("no {indicator_set} assessment of {country} {year}").format(
                indicator_set=indicator_set or "", country=country.upper(), year=year
            )
        )
    for info in infos:  # a refusal names the assessment, whichever one would be changed
        guard.require(
            "change_status",
            f"{info.label} to {target}",
            country=info.country,
            status=info.status,
            target_status=target,
        )
    if target in APPROVING and version is None:
        raise TransitionError(
            _(
                "Say which version of {country} {year} was reviewed before moving it to {target} "
                "(--version N); a newer upload is never {target} unseen"
            ).format(country=country.upper(), year=year, target=_(target))
        )
    return guard.store.set_status(
        country,
        year,
        target,
        user=guard.user.email,
        note=note,
        framework=framework,
        indicator_set=indicator_set,
        version=version,
    )


def archive_version(
    guard: Guard,
    country: str,
    version: int,
    *,
    year: int | None = None,
    note: str = "",
    indicator_set: str | None = None,
) -> VersionInfo:
    """Hide one upload from "latest"; needs the right to archive (move to archived)."""
    v = guard.pick("view", country, year, version, indicator_set=indicator_set)
    guard.require(
        "change_status",
        f"{v.label}",
        country=v.country,
        status=v.status,
        target_status="archived",
    )
    return guard.store.archive_version(
        v.country,
        version,
        user=guard.user.email,
        year=v.year,
        note=note,
        indicator_set=v.indicator_set,
    )


__all__ = [
    "APPROVING",
    "AccessDenied",
    "archive_version",
    "assessments",
    "compare",
    "history",
    "ingest",
    "load",
    "original",
    "set_status",
    "transitions",
]
