"""The Multistakeholder Advisory Board sheet: groups and genders from the lists, members listed."""

from __future__ import annotations

from roam.errors import IssueKind, register_issues

ISSUES = register_issues(
    IssueKind(
        "bad_mab_group",
        "error",
        "'{value}' is not a stakeholder group; expected one of: {expected}.",
        "Pick the stakeholder group from the dropdown list.",
    ),
    IssueKind(
        "bad_mab_gender",
        "error",
        "'{value}' is not one of: {expected}.",
        "Pick a value from the dropdown list or leave it empty.",
    ),
    IssueKind(
        "empty_mab",
        "warning",
        "No Multistakeholder Advisory Board members are listed.",
        "List the Multistakeholder Advisory Board members on the MAB sheet.",
    ),
)
