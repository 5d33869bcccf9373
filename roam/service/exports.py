"""Use cases that write files from stored assessments: the results workbook, the submission
package and the comparison workbook. The export right is decided on the exact version exported
(its own status), before any file is built.
"""

from __future__ import annotations

from collections.abc import Sequence

from roam.service.guard import Guard
from roam.store import VersionInfo

Request = tuple  # (country, year | None) or (country, year | None, version | None, set | None)


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


def _analyse(assessments: list, draws: int | None, weights=None):
    from roam.analysis import analyse

    return analyse(assessments, draws=draws, weights=weights)


def _exported(guard: Guard, country: str, year, version, draws: int | None, indicator_set):
    """The checked version, its assessment and the analysis of it: one decision per export."""
    v = check_export(guard, country, year, version, indicator_set=indicator_set)
    assessment = _load(guard, v)
    return v, assessment, _analyse([assessment], draws)


def results_workbook(
    guard: Guard,
    country: str,
    year: int | None = None,
    version: int | None = None,
    draws: int | None = None,
    *,
    indicator_set: str | None = None,
) -> bytes:
    from roam.export.workbook import write_results

    v, assessment, analysis = _exported(guard, country, year, version, draws, indicator_set)
    return write_results(analysis, assessment.country, _reviews(guard, v))


def submission_package(
    guard: Guard,
    country: str,
    year: int | None = None,
    version: int | None = None,
    draws: int | None = None,
    *,
    indicator_set: str | None = None,
) -> bytes:
    from roam.export.package import write_package

    v, assessment, analysis = _exported(guard, country, year, version, draws, indicator_set)
    name, original = guard.store.original(
        v.country, v.year, v.version, framework=v.framework, indicator_set=v.indicator_set
    )
    return write_package(analysis, assessment.country, original, name, _reviews(guard, v))


def _reviews(guard: Guard, v: VersionInfo) -> list[dict]:
    """The review rounds of the exported assessment, as far as the user may see them."""
    from roam.service.reviews import records_for_export

    return records_for_export(guard.store, guard.user, v.country, v.year)


def comparison_workbook(
    guard: Guard, requests: Sequence[Request], draws: int | None = None
) -> bytes:
    """One workbook comparing several countries; every one of them must be exportable."""
    from roam.export.comparison import write_comparison

    chosen = []
    for request in requests:
        country, year, version, indicator_set = (*request, None, None)[:4]
        chosen.append(check_export(guard, country, year, version, indicator_set=indicator_set))
    return write_comparison(_analyse([_load(guard, v) for v in chosen], draws))
