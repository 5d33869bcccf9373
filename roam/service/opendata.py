"""Open-data use cases: what the public may see, and only the published part of it.

The store is read as the anonymous public user (roam/access_policy.yaml: published versions
only), and of what that user sees only assessments whose status is ``published`` are kept. The
package (``roam publish``) and the HTTP API (``roam api``) both read through here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from roam.access.policy import PUBLIC
from roam.framework import available_versions
from roam.i18n import _
from roam.opendata import tables as T
from roam.questionnaire import Assessment
from roam.service.secure import SecureStore
from roam.store import AssessmentInfo, Store

PUBLISHED = "published"


def public(store: Store) -> SecureStore:
    return SecureStore(store, PUBLIC)


def published(store: Store) -> list[AssessmentInfo]:
    """Published assessments only, as the public sees them (country, then year)."""
    return [a for a in public(store).assessments() if a.status == PUBLISHED]


def load_published(store: Store, info: AssessmentInfo) -> Assessment:
    """The published version, picked and checked by the policy for the public user."""
    if info.status != PUBLISHED:  # pragma: no cover - callers pass published() items only
        raise PermissionError(_("{label} is not published").format(label=info.label))
    return public(store).load(info.country, info.year, indicator_set=info.indicator_set)


def collect(store: Store, draws: int | None = None) -> dict[str, T.Table]:
    """Every open-data table, filled with the published assessments only."""
    tables = T.empty_tables()
    for info in published(store):
        assessment = load_published(store, info)
        tables["assessments"].rows.append(T.assessment_row(info, assessment))
        tables["responses"].rows.extend(T.response_rows(info, assessment))
        tables["scores"].rows.extend(T.score_rows(info, assessment, draws))
        recs, updates = T.recommendation_rows(info, assessment)
        tables["recommendations"].rows.extend(recs)
        tables["recommendation_updates"].rows.extend(updates)
    for version in available_versions():  # the catalogue is public whatever is published
        tables["catalogue"].rows.extend(T.catalogue_rows(version))
    return tables


def publish(
    store: Store, folder: Path, draws: int | None = None, sdmx: bool = False
) -> dict[str, int]:
    """Write the Frictionless Data Package of the published assessments into ``folder``;
    with ``sdmx``, the scores also as SDMX (structure and SDMX-CSV) in ``folder/sdmx``."""
    from roam.opendata.datapackage import write_datapackage

    tables = collect(store, draws)
    extra = None
    if sdmx:
        from roam.opendata.sdmx import build

        extra = build(tables)  # before anything is written: a failure leaves no half package
    return write_datapackage(tables, folder, extra)


def find_published(store: Store, country: str, year: int) -> AssessmentInfo | None:
    code = country.upper()
    found = [a for a in published(store) if a.country == code and a.year == year]
    return found[-1] if found else None


__all__: list[Any] = ["collect", "find_published", "load_published", "publish", "published"]
