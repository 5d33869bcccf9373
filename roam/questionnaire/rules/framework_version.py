"""Which framework and catalogue the workbook was made from (the hidden _roam sheet)."""

from __future__ import annotations

from roam.errors import IssueKind, register_issues

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
