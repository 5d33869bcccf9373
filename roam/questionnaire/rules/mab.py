"""The Multistakeholder Advisory Board sheet: groups and genders from the lists, members listed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from roam.errors import IssueKind, ValidationReport, register_issues
from roam.framework.models import normalise_label
from roam.questionnaire import layout as L
from roam.questionnaire.coerce import as_text
from roam.questionnaire.model import MAB_FIELDS
from roam.questionnaire.vocab import vocabulary

if TYPE_CHECKING:
    from roam.questionnaire.read import RawSheet

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


def read_mab(sheet: RawSheet | None, report: ValidationReport) -> pd.DataFrame:
    """The board members as a table; groups and genders must come from the lists."""
    vocab = vocabulary()
    # field -> (issue code, allowed values): both columns take a value from a dropdown list
    lists = {
        "group": ("bad_mab_group", vocab.stakeholder_groups),
        "gender": ("bad_mab_gender", vocab.genders),
    }
    # what people type, in English or the template's language -> the English list entry
    canonical = {"group": vocab.lookup("stakeholder_groups"), "gender": vocab.lookup("genders")}
    rows = []
    name = sheet.name if sheet is not None else L.MAB
    for row0, values in sheet.rows if sheet is not None else []:
        member = {key: as_text(values.get(key)) for key in MAB_FIELDS}
        for field, (code, allowed) in lists.items():
            typed = member[field]
            if not typed:
                continue
            member[field] = canonical[field].get(normalise_label(typed))
            if member[field] is None and field in sheet.columns:
                report.add(
                    code,
                    sheet=name,
                    cell=L.cell_ref(row0, sheet.columns[field]),
                    value=typed,
                    expected=", ".join(allowed),
                )
        rows.append(member)
    if not rows:
        report.add("empty_mab", sheet=name)
    return pd.DataFrame.from_records(rows, columns=MAB_FIELDS)
