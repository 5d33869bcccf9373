"""One module per validation rule, each with its issue codes: the catalogue is their union.

Importing this package registers every rule's issue records in `roam.errors.CATALOGUE`.
"""

from roam.questionnaire.rules import (  # noqa: F401  (each import registers its records)
    answers,
    assessment_sheet,
    coverage,
    data_years,
    external,
    file,
    formulas,
    framework_version,
    indicator_ids,
    issue_limit,
    mab,
    numbers,
    recommendations,
    statuses,
    structure,
)
