"""The cap on one report: past it, issues are only counted, so a huge file cannot fill memory
with messages nobody reads."""

from __future__ import annotations

from roam.errors import IssueKind, register_issues

ISSUES = register_issues(
    IssueKind(
        "more_issues",
        "error",
        "... and {count:,} more problems that are not listed ({errors:,} of them errors); fix "
        "the first {limit} and check the file again.",
        "Fix the problems listed first; often one mistake repeated causes many.",
    ),
)
