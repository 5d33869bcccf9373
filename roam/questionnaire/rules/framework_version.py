"""Which framework and catalogue the workbook was made from (the hidden _roam sheet)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from roam.errors import IssueKind, ValidationReport, register_issues
from roam.framework import CatalogueError, Framework, available_versions, load_framework
from roam.questionnaire import layout as L

if TYPE_CHECKING:
    from roam.questionnaire.read import RawWorkbook

ISSUES = register_issues(
    IssueKind(
        "missing_metadata",
        "error",
        "The hidden roam metadata sheet is missing, so the framework version cannot be checked. "
        "Start from a roam template.",
        "Start from a roam template; the hidden _roam sheet must stay.",
    ),
    IssueKind(
        "unknown_framework",
        "error",
        "Framework version '{version}' is not known to this roam (known: {known}).",
        "Download a template for a framework this roam knows.",
    ),
    IssueKind(
        "checksum_mismatch",
        "error",
        "This workbook was made from a different catalogue of framework {version} (checksum "
        "{found}, expected {expected}). Download a new template.",
        "Copy your answers into a template downloaded from this roam.",
    ),
)


def check_framework(raw: RawWorkbook, report: ValidationReport) -> Framework | None:
    """The framework the workbook was made from, or None after saying why it cannot be used."""
    version = raw.meta.get("framework_version")
    if not version:
        report.add("missing_metadata", sheet=L.META)
        return None
    try:
        framework = load_framework(version)
    except CatalogueError:
        known = ", ".join(available_versions()) or "none"
        report.add(
            "unknown_framework",
            sheet=L.META,
            cell="B1",
            value=version,
            version=version,
            known=known,
        )
        return None
    checksum = raw.meta.get("catalogue_checksum", "")
    if checksum != framework.checksum:
        report.add(
            "checksum_mismatch",
            sheet=L.META,
            cell="B2",
            value=checksum,
            version=version,
            found=checksum or "none",
            expected=framework.checksum,
        )
        return None
    return framework
