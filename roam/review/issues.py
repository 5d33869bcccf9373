"""Located, plain-language problems of rating workbooks, in the style of the questionnaire's
(roam.errors): the same ``Issue`` and ``ValidationReport``, with review-specific wording."""

from __future__ import annotations

from roam.errors import Issue, Severity, ValidationReport

CATALOGUE: dict[str, tuple[Severity, str, str]] = {
    # code: (severity, message, how to fix)
    "not_rating_sheet": (
        "error",
        "This is not a roam rating sheet (the hidden '_review' sheet is missing).",
        "Fill in the rating sheet roam wrote for this round (`roam review sheets`).",
    ),
    "missing_rating_sheet": (
        "error",
        "The sheet '{sheet}' is missing. Sheets found: {found}.",
        "Start again from the rating sheet roam wrote; do not delete sheets.",
    ),
    "wrong_round": (
        "error",
        "This rating sheet belongs to {found}, not to {expected}.",
        "Collect it with the round it was written for, or write new sheets for this round.",
    ),
    "findings_changed": (
        "error",
        "The findings in this sheet are not those of {expected}; it was written for other "
        "findings.",
        "Copy the ratings into a sheet written for this round.",
    ),
    "unknown_participant": (
        "error",
        "Participant code '{value}' is not a participant of {expected}.",
        "Keep the participant code roam wrote, or use the blank walk-in sheet.",
    ),
    "missing_header": (
        "error",
        "The header row with 'Finding ID' and 'Rating' is missing from the first row.",
        "Restore the header row as roam wrote it.",
    ),
    "unknown_finding": (
        "error",
        "'{value}' is not a finding of this round.",
        "Restore the finding ID from the sheet roam wrote (IDs must not change).",
    ),
    "duplicate_finding": (
        "error",
        "Finding {indicator} appears more than once (also in row {other}).",
        "Delete the repeated row; each finding appears once.",
    ),
    "bad_rating": (
        "error",
        "'{value}' is not a rating; expected one of: {expected}.",
        "Pick the rating from the cell's dropdown list.",
    ),
    "formula_in_cell": (
        "error",
        "This cell holds a formula ({value}); roam never calculates formulas in rating sheets.",
        "Type the rating or the comment itself.",
    ),
    "missing_group": (
        "error",
        "The stakeholder group is empty; ratings count per group, so it is required.",
        "Pick your stakeholder group from the dropdown list on the About sheet.",
    ),
    "bad_group": (
        "error",
        "'{value}' is not a stakeholder group; expected one of: {expected}.",
        "Pick the stakeholder group from the dropdown list.",
    ),
    "bad_gender": (
        "error",
        "'{value}' is not one of: {expected}.",
        "Pick a value from the dropdown list or leave it empty.",
    ),
    "bad_flag": (
        "error",
        "'{value}' is not Yes or No.",
        "Write Yes or No.",
    ),
    "no_ratings": (
        "error",
        "No finding was rated or commented on, so there is nothing to store.",
        "Pick a rating for each finding you want to rate, then send the sheet again.",
    ),
}


def add(report: ValidationReport, code: str, **fields: object) -> Issue:
    severity, template, _ = CATALOGUE[code]
    sheet, cell = fields.pop("sheet", None), fields.pop("cell", None)
    indicator, value = fields.pop("indicator", None), fields.pop("value", None)
    shown = None if value is None else str(value)
    message = template.format(value=shown, indicator=indicator, sheet=sheet, **fields)
    issue = Issue(code, severity, message, sheet, cell, indicator, shown)  # type: ignore[arg-type]
    report.issues.append(issue)
    return issue


def how_to_fix(code: str) -> str:
    if code in CATALOGUE:
        return CATALOGUE[code][2]
    from roam.errors import how_to_fix as questionnaire_fix

    return questionnaire_fix(code)
