"""One catalogue of located, plain-language issues.

Every problem roam reports about a user's file is built here from a code, so the same mistake
always reads the same way and carries the same location fields (sheet, cell, indicator, value).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]

# code -> (severity, message template). Templates use str.format fields given by the caller.
CATALOGUE: dict[str, tuple[Severity, str]] = {
    # the file itself
    "file_too_large": ("error", "The file is {size_mb:.1f} MB; the limit is {limit_mb:g} MB."),
    "file_empty": ("error", "The file is empty."),
    "file_missing": ("error", "There is no file at {path}."),
    "not_xlsx_csv": (
        "error",
        "This looks like a CSV or text file. Upload the questionnaire as an Excel workbook "
        "(.xlsx).",
    ),
    "not_xlsx_xls": (
        "error",
        "This is an old-style Excel file (.xls). Open it and save it as an Excel Workbook (.xlsx).",
    ),
    "not_xlsx_other": (
        "error",
        "This is not an Excel workbook (.xlsx). Upload the questionnaire file roam generated.",
    ),
    "macro_enabled": (
        "error",
        "The workbook contains macros. Save it as a plain Excel Workbook (.xlsx) without macros.",
    ),
    "encrypted": (
        "error",
        "The workbook is password-protected. Remove the password (File > Info > Protect) "
        "and save it again.",
    ),
    "corrupt": ("error", "The workbook is damaged and cannot be opened ({detail})."),
    "zip_bomb": (
        "error",
        "The workbook unpacks to {unpacked_mb:.0f} MB from {size_mb:.2f} MB, far more than a "
        "questionnaire needs; it was refused as unsafe.",
    ),
    # structure
    "missing_sheet": (
        "error",
        "The sheet '{sheet}' is missing. Sheets found: {found}. Start again from a roam template.",
    ),
    "missing_column": (
        "error",
        "The column '{column}' is missing from the header row (row {row}).",
    ),
    "missing_header": (
        "error",
        "No header row with 'Indicator ID' was found in the first {rows} rows of this sheet.",
    ),
    "missing_metadata": (
        "error",
        "The hidden roam metadata sheet is missing, so the framework version cannot be checked. "
        "Start from a roam template.",
    ),
    "unknown_framework": (
        "error",
        "Framework version '{version}' is not known to this roam (known: {known}).",
    ),
    "checksum_mismatch": (
        "error",
        "This workbook was made from a different catalogue of framework {version} "
        "(checksum {found}, expected {expected}). Download a new template.",
    ),
    "sheet_wrong_category": (
        "error",
        "Indicator {indicator} belongs on sheet '{expected_sheet}', not here.",
    ),
    # assessment sheet
    "missing_field": ("error", "'{field}' is empty; it is required."),
    "unknown_country": (
        "error",
        "'{value}' is not an ISO 3166 country code or name (user-assigned codes XA to XZ are "
        "allowed for training data).",
    ),
    "country_name_mismatch": (
        "warning",
        "The country '{name}' does not match ISO code {code} ({official}); the ISO code is used.",
    ),
    "bad_year": ("error", "'{value}' is not a year between {low} and {high}."),
    "bad_indicator_set": ("error", "'{value}' is not an indicator set; expected core or full."),
    "bad_flag": ("error", "'{value}' is not Yes or No."),
    # rows
    "unknown_indicator": (
        "error",
        "'{value}' is not an indicator of framework {version}.",
    ),
    "duplicate_indicator": (
        "error",
        "Indicator {indicator} appears more than once (also in {other}).",
    ),
    "missing_indicator": (
        "warning",
        "Indicator {indicator} of the {indicator_set} set has no row; it counts as unanswered.",
    ),
    "answer_not_on_scale": (
        "error",
        "'{value}' is not an answer on this indicator's scale; expected one of: {expected}.",
    ),
    "not_a_number": (
        "error",
        "'{value}' is not a number; expected a number in {unit}.",
    ),
    "value_out_of_range": (
        "error",
        "{value} is outside the allowed range {low} to {high} {unit}.",
    ),
    "percentage_as_fraction": (
        "warning",
        "{value} was read as {percent:g}% (a fraction of 1); write {percent:g} if that is right.",
    ),
    "answer_in_value_column": (
        "warning",
        "This indicator takes a number in the Value column; the Answer '{value}' was used as the "
        "value.",
    ),
    "bad_status": (
        "error",
        "'{value}' is not a data status; expected Available, Not available or Not applicable.",
    ),
    "available_without_answer": (
        "error",
        "Data status is Available but no {needed} was given.",
    ),
    "answer_with_gap_status": (
        "warning",
        "An answer was given but the data status is {status}; the answer is ignored in scores.",
    ),
    "future_year": ("error", "Data year {value} is in the future (this year is {this_year})."),
    "old_year": ("error", "'{value}' is not a data year between {low} and {high}."),
    "formula_no_value": (
        "error",
        "This cell holds a formula with no calculated value ({formula}). A cell that starts "
        "with '=' is read as a formula: for text, remove the '=' or start the text with an "
        "apostrophe ('); for a calculation, type its result instead.",
    ),
    "no_source": (
        "warning",
        "Data status is Available but no Source is given; reviewers will ask for one.",
    ),
    "bad_mab_group": (
        "error",
        "'{value}' is not a stakeholder group; expected one of: {expected}.",
    ),
    "bad_mab_gender": ("error", "'{value}' is not one of: {expected}."),
    "empty_mab": ("warning", "No Multistakeholder Advisory Board members are listed."),
}


@dataclass(frozen=True)
class Issue:
    code: str
    severity: Severity
    message: str
    sheet: str | None = None
    cell: str | None = None
    indicator: str | None = None
    value: str | None = None

    def location(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or "file"

    def __str__(self) -> str:
        where = self.location()
        ind = f" [{self.indicator}]" if self.indicator else ""
        return f"{self.severity.upper()} {where}{ind}: {self.message}"

    def as_dict(self) -> dict[str, str | None]:
        d = asdict(self)
        return {
            k: d[k] for k in ("severity", "sheet", "cell", "indicator", "value", "message", "code")
        }


def make_issue(
    code: str,
    *,
    sheet: str | None = None,
    cell: str | None = None,
    indicator: str | None = None,
    value: object = None,
    **fields: object,
) -> Issue:
    severity, template = CATALOGUE[code]
    shown = None if value is None else str(value)
    message = template.format(value=shown, indicator=indicator, sheet=sheet, **fields)
    return Issue(code, severity, message, sheet, cell, indicator, shown)


@dataclass
class ValidationReport:
    issues: list[Issue] = field(default_factory=list)

    def add(self, code: str, **kwargs: object) -> Issue:
        found = make_issue(code, **kwargs)  # type: ignore[arg-type]
        self.issues.append(found)
        return found

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, object]:
        return {"valid": self.valid, "issues": [i.as_dict() for i in self.issues]}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False)


class QuestionnaireError(Exception):
    """A questionnaire that cannot be used; carries every issue found, not just the first."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        first = report.errors[0] if report.errors else None
        more = len(report.errors) - 1
        summary = str(first) if first else "invalid questionnaire"
        if more > 0:
            summary += f" (and {more} more error{'s' if more > 1 else ''})"
        super().__init__(summary)

    @property
    def issues(self) -> list[Issue]:
        return self.report.issues


# code -> how to fix it, in plain words (shown next to each issue in the app).
FIXES: dict[str, str] = {
    "file_too_large": "Remove pasted images or extra sheets, or split the file.",
    "file_empty": "Upload the saved questionnaire file again.",
    "file_missing": "Check the file name and folder.",
    "not_xlsx_csv": "Open the file and use File > Save As > Excel Workbook (.xlsx).",
    "not_xlsx_xls": "Open the file and use File > Save As > Excel Workbook (.xlsx).",
    "not_xlsx_other": "Download a roam template, fill it in and upload that .xlsx file.",
    "macro_enabled": "Save as 'Excel Workbook (.xlsx)', not as a macro-enabled workbook.",
    "encrypted": "Remove the password (File > Info > Protect Workbook) and save again.",
    "corrupt": "Open the file in your spreadsheet program, save it again and re-upload.",
    "zip_bomb": "Upload the questionnaire roam generated, filled in, nothing else.",
    "missing_sheet": "Copy your answers into a fresh roam template; do not delete sheets.",
    "missing_column": "Restore the column header exactly as in the template.",
    "missing_header": "Keep the template's header row (Indicator ID, Question, ...).",
    "missing_metadata": "Start from a roam template; the hidden _roam sheet must stay.",
    "unknown_framework": "Download a template for a framework this roam knows.",
    "checksum_mismatch": "Copy your answers into a template downloaded from this roam.",
    "sheet_wrong_category": "Move the row to the sheet of its category.",
    "missing_field": "Fill in the field on the Assessment sheet.",
    "unknown_country": "Use an ISO 3166 code such as KE or DE (XA to XZ for training).",
    "country_name_mismatch": "Check the country name and the ISO code agree.",
    "bad_year": "Type a four-digit year.",
    "bad_indicator_set": "Write core or full.",
    "bad_flag": "Write Yes or No.",
    "unknown_indicator": "Restore the indicator ID from the template (IDs must not change).",
    "duplicate_indicator": "Delete the repeated row; each indicator appears once.",
    "missing_indicator": "Restore the row from the template if it was deleted.",
    "answer_not_on_scale": "Pick the answer from the cell's dropdown list.",
    "not_a_number": "Type only the number, e.g. 45 or 45.5, without words.",
    "value_out_of_range": "Check the unit: percentages go from 0 to 100.",
    "percentage_as_fraction": "Type the percentage itself (45 for 45%) to silence this.",
    "answer_in_value_column": "Move the number to the Value column.",
    "bad_status": "Pick Available, Not available or Not applicable from the dropdown.",
    "available_without_answer": "Give the answer, or set the status to Not available.",
    "answer_with_gap_status": "Set the status to Available, or clear the answer.",
    "future_year": "Give the year the data refers to (not later than this year).",
    "old_year": "Type a four-digit year, e.g. 2024.",
    "formula_no_value": "For text, delete the leading '=' or type an apostrophe before it; "
    "for a calculation, type its result.",
    "no_source": "Name the source (statistics office, law, report) in the Source column.",
    "bad_mab_group": "Pick the stakeholder group from the dropdown list.",
    "bad_mab_gender": "Pick a value from the dropdown list or leave it empty.",
    "empty_mab": "List the Multistakeholder Advisory Board members on the MAB sheet.",
}


def how_to_fix(code: str) -> str:
    return FIXES.get(code, "")
