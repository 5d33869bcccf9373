"""Where things live in a questionnaire workbook: the contract between writer and reader."""

from __future__ import annotations

INSTRUCTIONS = "Instructions"
ASSESSMENT = "Assessment"
MAB = "MAB"
LISTS = "Lists"
META = "_roam"

# Category sheets: column headers in template order. The reader matches by header text, so
# columns may be moved or added by users.
COLUMNS = [
    ("indicator_id", "Indicator ID", 12),
    ("question", "Question", 40),
    ("text", "Indicator", 50),
    ("core", "Core", 7),
    ("scale", "Scale", 16),
    ("answer", "Answer", 22),
    ("value", "Value", 11),
    ("unit", "Unit", 16),
    ("data_year", "Data year", 10),
    ("status", "Data status", 15),
    ("source", "Source", 30),
    ("evidence", "Evidence", 50),
    ("wording", "Wording", 24),  # confirmed from a published source, or reconstructed by roam
]
INPUT_COLUMNS = ("answer", "value", "data_year", "status", "source", "evidence")
REQUIRED_COLUMNS = ("indicator_id", "answer", "value", "data_year", "status")
HEADER_ROW = 0  # 0-based row of the header in generated templates

# Assessment sheet: label in column A, value in column B, one row per field.
ASSESSMENT_FIELDS = [
    ("country", "Country"),
    ("iso_code", "ISO code"),
    ("year", "Assessment year"),
    ("framework", "Framework version"),
    ("indicator_set", "Indicator set"),
    ("lead_institution", "Lead institution"),
    ("contact", "Contact"),
    ("fictional", "Fictional data"),
]

MAB_COLUMNS = [
    ("name", "Name", 28),
    ("organisation", "Organisation", 34),
    ("group", "Stakeholder group", 26),
    ("gender", "Gender", 18),
    ("role", "Role", 30),
]

META_KEYS = ("framework_version", "catalogue_checksum", "indicator_set", "template_format")
TEMPLATE_FORMAT = "1"


def column_letter(index: int) -> str:
    """0-based column index to Excel letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_ref(row0: int, col0: int) -> str:
    """0-based row and column to an Excel reference such as F14."""
    return f"{column_letter(col0)}{row0 + 1}"
