"""Formula cells: a formula whose value was never calculated reads as empty, so it is refused."""

from __future__ import annotations

from roam.errors import IssueKind, register_issues

ISSUES = register_issues(
    IssueKind(
        "formula_no_value",
        "error",
        "This cell holds a formula with no calculated value ({formula}). Type the value itself, "
        "or open and save the file in Excel so the result is stored.",
        "Replace the formula with its value, or open and save in Excel.",
    ),
)
