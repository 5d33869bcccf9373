"""The notes every view shows beside scores, so a workbook, a report and the app say the same.

Category names, roles and colours are framework data (`fw.category(c)`, `fw.colour(c)`); status
labels are questionnaire data (`vocabulary().status_label`); band colours live in scoring.yaml.
"""

from __future__ import annotations

from roam.i18n import N_

# Scores 0 -> 50 -> 100 on heatmaps and in workbooks: one sequential blue scale (ColorBrewer
# Blues), readable with every common colour-vision deficiency and in greyscale; the number is
# always written in the cell as well.
SCORE_SCALE = (("0", "#f7fbff"), ("50", "#9ecae1"), ("100", "#2171b5"))
SCORE_TEXT_DARK_ABOVE = 80  # cells above this score get white text
NOT_A_RANKING = N_(
    "This is an analytical comparison made with roam, not an official UNESCO ranking. UNESCO's "
    "Internet Universality indicators are for national self-assessment and are not intended to "
    "rank countries. Every score is shown with its data coverage and an uncertainty interval; "
    "differences within overlapping intervals are not meaningful."
)
NOT_OFFICIAL = N_(
    "These scores are an analytical aid computed by roam from the national questionnaire; they "
    "are not an official UNESCO score or ranking. UNESCO's Internet Universality indicators are "
    "for national self-assessment. Each score comes with its data coverage and an uncertainty "
    "interval."
)
