"""Where things live in a questionnaire workbook: the contract between writer and reader."""

from __future__ import annotations

from roam.i18n import N_

# Sheet names, in English; a template in another language names them through the message
# catalogues (see roam/questionnaire/sheets.py, which also finds them in any language).
INSTRUCTIONS = N_("Instructions")
ASSESSMENT = N_("Assessment")
# "MAB" is kept in every language on purpose: the board's name spelled out ("Conseil consultatif
# multipartite", 32 characters) does not fit Excel's 31, and teams know the sheet by this name.
MAB = "MAB"
LISTS = N_("Lists")
META = "_roam"  # hidden, read by programs only: never translated
TRANSLATED_SHEETS = (INSTRUCTIONS, ASSESSMENT, LISTS)

# Category sheets: column headers in template order. The reader matches by header text, so
# columns may be moved or added by users.
COLUMNS = [
    ("indicator_id", N_("Indicator ID"), 12),
    ("question", N_("Question"), 40),
    ("text", N_("Indicator"), 50),
    ("core", N_("Core"), 7),
    ("scale", N_("Scale"), 16),
    ("answer", N_("Answer"), 22),
    ("value", N_("Value"), 11),
    ("unit", N_("Unit"), 16),
    ("data_year", N_("Data year"), 10),
    ("status", N_("Data status"), 15),
    ("source", N_("Source"), 30),
    ("evidence", N_("Evidence"), 50),
    ("wording", N_("Wording"), 24),  # confirmed from a published source, or reconstructed by roam
]
INPUT_COLUMNS = ("answer", "value", "data_year", "status", "source", "evidence")
REQUIRED_COLUMNS = ("indicator_id", "answer", "value", "data_year", "status")
HEADER_ROW = 0  # 0-based row of the header in generated templates

# Assessment sheet: label in column A, value in column B, one row per field.
ASSESSMENT_FIELDS = [
    ("country", N_("Country")),
    ("iso_code", N_("ISO code")),
    ("year", N_("Assessment year")),
    ("framework", N_("Framework version")),
    ("indicator_set", N_("Indicator set")),
    ("lead_institution", N_("Lead institution")),
    ("contact", N_("Contact")),
    ("fictional", N_("Fictional data")),
]

MAB_COLUMNS = [
    ("name", N_("Name"), 28),
    ("organisation", N_("Organisation"), 34),
    ("group", N_("Stakeholder group"), 26),
    ("gender", N_("Gender"), 18),
    ("role", N_("Role"), 30),
]

META_KEYS = ("framework_version", "catalogue_checksum", "indicator_set", "template_format")
LANGUAGE_KEY = "language"  # written after META_KEYS by templates in a language; absent = English
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
