"""Use cases that write files from stored assessments: the results workbook, the submission
package and the comparison workbook. The export right is decided on the exact version exported
(its own status), before any file is built.

Draws, seed and the sensitivity switch come from a run profile of scoring.yaml (`profile`,
default: its `uncertainty` block); `draws` and `seed` override the profile. Whatever was used is
in the file's run record, so an export states what made its numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from roam.choice import RunChoice
from roam.service.guard import Guard
from roam.store import VersionInfo

Request = tuple  # (country, year | None) or (country, year | None, version | None, set | None)
CountryFile = Literal["results", "package"]


def check_export(
    guard: Guard,
    country: str,
    year: int | None = None,
    version: int | None = None,
    *,
    indicator_set: str | None = None,
) -> VersionInfo:
    """The version, if the user may export it; AccessDenied (recorded) otherwise."""
    return guard.pick("export", country, year, version, indicator_set=indicator_set)


def _load(guard: Guard, v: VersionInfo):
    return guard.store.load(
        v.country, v.year, v.version, framework=v.framework, indicator_set=v.indicator_set
    )


def country_file(
    guard: Guard,
    kind: CountryFile,
    country: str,
    year: int | None = None,
    version: int | None = None,
    draws: int | None = None,
    *,
    seed: int | None = None,
    profile: str | None = None,
    indicator_set: str | None = None,
    lang: str | None = None,
) -> bytes:
    """The results workbook ("results") or the submission package ("package") of one version:
    one access decision, one analysis, the file in `lang` (numbers do not depend on it)."""
    from roam.export.files import write_country_file

    v = check_export(guard, country, year, version, indicator_set=indicator_set)
    assessment = _load(guard, v)
    analysis = RunChoice(profile, draws, seed).analyse([assessment])
    original = None
    if kind == "package":
        original = guard.store.original(
            v.country, v.year, v.version, framework=v.framework, indicator_set=v.indicator_set
        )
    return write_country_file(
        kind, analysis, assessment.country, original, _reviews(guard, v), lang=lang
    )


def results_workbook(guard: Guard, country: str, *args, **options) -> bytes:
    """The results workbook an evaluator reads; arguments as :func:`country_file`."""
    return country_file(guard, "results", country, *args, **options)


def submission_package(guard: Guard, country: str, *args, **options) -> bytes:
    """The submission package for UNESCO (IPDC); arguments as :func:`country_file`."""
    return country_file(guard, "package", country, *args, **options)


def _reviews(guard: Guard, v: VersionInfo) -> list[dict]:
    """The review rounds of the exported assessment, as far as the user may see them."""
    from roam.service.reviews import records_for_export

    return records_for_export(guard.store, guard.user, v.country, v.year)


def comparison_workbook(
    guard: Guard,
    requests: Sequence[Request],
    draws: int | None = None,
    *,
    seed: int | None = None,
    profile: str | None = None,
    lang: str | None = None,
) -> bytes:
    """One workbook comparing several countries; every one of them must be exportable."""
    from roam.export.comparison import write_comparison
    from roam.i18n import language

    chosen = []
    for request in requests:
        country, year, version, indicator_set = (*request, None, None)[:4]
        chosen.append(check_export(guard, country, year, version, indicator_set=indicator_set))
    analysis = RunChoice(profile, draws, seed).analyse([_load(guard, v) for v in chosen])
    with language(lang):
        return write_comparison(analysis)
