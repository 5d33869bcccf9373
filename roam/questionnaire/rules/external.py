"""Links out of the workbook: external workbook links and DDE formulas. They are warned about
at validation, and stripped from the copy of the questionnaire that goes into a package."""

from __future__ import annotations

from typing import TYPE_CHECKING

from roam.errors import IssueKind, ValidationReport, register_issues

if TYPE_CHECKING:
    from roam.questionnaire.sniff import Package

ISSUES = register_issues(
    IssueKind(
        "external_link",
        "warning",
        "The workbook links to another file ({target}); the link is removed from the copy in "
        "the submission package, and the values shown here are what was last calculated.",
        "Replace the linked values with the numbers themselves (Data > Edit Links > Break Link).",
    ),
    IssueKind(
        "dde_formula",
        "warning",
        "This cell holds a formula that asks another program for data ({formula}); only its "
        "last calculated value is used, and the formula is removed from the packaged copy.",
        "Replace the formula with its value (copy, then Paste Special > Values).",
    ),
)


def check_links(package: Package, report: ValidationReport) -> None:
    """One warning per external link part and per DDE formula, wherever it is."""
    for target in package.external_links:
        report.add("external_link", target=target)
    for sheet, cell, formula in package.dde_formulas():
        report.add("dde_formula", sheet=sheet, cell=cell, value=formula, formula=formula)
