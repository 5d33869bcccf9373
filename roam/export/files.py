"""The two files made for one country, the results workbook and the submission package, built
the same way whoever asks (the CLI from a file or the store, the service from the store)."""

from __future__ import annotations

from typing import Literal

from roam.analysis import Analysis
from roam.i18n import language


def write_country_file(
    kind: Literal["results", "package"],
    analysis: Analysis,
    country: str,
    original: tuple[str | None, bytes] | None = None,
    reviews: list[dict] | None = None,
    *,
    lang: str | None = None,
) -> bytes:
    """The results workbook ("results") or the package ("package", which needs the `original`
    questionnaire as (file name, bytes)), with every text in `lang`."""
    with language(lang):
        if kind == "results":
            from roam.export.workbook import write_results

            return write_results(analysis, country, reviews)
        from roam.export.package import write_package

        if original is None:
            raise ValueError("a submission package needs the original questionnaire")
        name, data = original
        return write_package(analysis, country, data, name, reviews)
