"""``SecureStore``: the service layer's use cases bound to one user, for callers that hold one
object per request (the app's pages, the CLI). Every method is one use case of
:mod:`roam.service.assessments`, :mod:`~roam.service.exports`, :mod:`~roam.service.weights` or
:mod:`~roam.service.users`; none adds a rule of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from roam.service import assessments as A
from roam.service import exports as E
from roam.service import users as U
from roam.service import weights as W
from roam.service.guard import Guard
from roam.store import AssessmentInfo, VersionInfo


class SecureStore(Guard):
    """The store as one user may use it."""

    # -- reading
    def history(self, country: str, year: int | None = None, *, indicator_set=None):
        return A.history(self, country, year, indicator_set=indicator_set)

    def transitions(self, country: str, year: int | None = None, *, indicator_set=None):
        return A.transitions(self, country, year, indicator_set=indicator_set)

    def load(self, country: str, year=None, version=None, *, indicator_set=None):
        return A.load(self, country, year, version, indicator_set=indicator_set)

    def compare(self, country: str, old: int, new=None, *, year=None, indicator_set=None):
        return A.compare(self, country, old, new, year=year, indicator_set=indicator_set)

    def original(self, country: str, year=None, version=None, *, indicator_set=None):
        return A.original(self, country, year, version, indicator_set=indicator_set)

    def version(self, country: str, year=None, version=None, *, indicator_set=None) -> VersionInfo:
        """The version a request means, if the user may see it (AccessDenied otherwise)."""
        return self.pick("view", country, year, version, indicator_set=indicator_set)

    def check_export(self, country: str, year=None, version=None, *, indicator_set=None):
        return E.check_export(self, country, year, version, indicator_set=indicator_set)

    def status_of(self, country: str, year: int, indicator_set=None) -> AssessmentInfo:
        items = [
            a
            for a in self.assessments(country)
            if a.year == year and (indicator_set is None or a.indicator_set == indicator_set)
        ]
        if not items:
            self.pick("view", country, year, indicator_set=indicator_set)
        from roam.store.selection import choose

        chosen = choose(items, year, None, indicator_set)
        assert chosen is not None
        return chosen

    # -- writing
    def ingest(self, sources: Iterable, *, note: str = "", status: str = "draft"):
        return A.ingest(self, sources, note=note, status=status)

    def set_status(self, country: str, year: int, target: str, **options):
        """Options as roam.service.assessments.set_status (version, note, indicator_set, ...)."""
        return A.set_status(self, country, year, target, **options)

    def archive_version(self, country: str, version: int, *, year=None, note: str = ""):
        return A.archive_version(self, country, version, year=year, note=note)

    # -- exports (options as roam.service.exports.country_file: draws, seed, profile, lang...)
    def results_workbook(self, country: str, *args, **options) -> bytes:
        return E.results_workbook(self, country, *args, **options)

    def submission_package(self, country: str, *args, **options) -> bytes:
        return E.submission_package(self, country, *args, **options)

    def comparison_workbook(self, countries: list[tuple], *args, **options) -> bytes:
        return E.comparison_workbook(self, countries, *args, **options)

    # -- weight sets
    def save_weight_set(self, name: str, weights: dict[str, float], framework: str) -> Path:
        return W.save_weight_set(self, name, weights, framework)

    # -- users
    def add_user(self, email: str, role: str, countries: Iterable[str] = (), name: str = ""):
        return U.add_user(self, email, role, countries, name)

    def remove_user(self, email: str) -> None:
        U.remove_user(self, email)

    def users(self) -> list[dict]:
        return U.users(self)

    def audit(self, limit: int = 200) -> list[dict]:
        return U.audit(self, limit)

    def preferred_language(self) -> str | None:
        return U.preferred_language(self)

    def remember_language(self, language: str) -> bool:
        return U.remember_language(self, language)
