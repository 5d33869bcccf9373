"""Names and colours every view shares, so R looks the same in a workbook, a report and the app.

Colours are from a colour-blind-safe palette (Okabe-Ito); labels always accompany them.
"""

from __future__ import annotations

CATEGORY_NAMES = {
    "R": "Rights",
    "O": "Openness",
    "A": "Accessibility to all",
    "M": "Multistakeholder participation",
    "X": "Cross-cutting",
    "C": "Contextual",
}
CATEGORY_COLOURS = {
    "R": "#0072B2",
    "O": "#009E73",
    "A": "#E69F00",
    "M": "#CC79A7",
    "X": "#56B4E9",
    "C": "#777777",
}
BAND_COLOURS = {
    "Advanced": "#1a9850",
    "Established": "#91cf60",
    "Developing": "#fdae61",
    "Emerging": "#d73027",
}
NOT_A_RANKING = (
    "This is an analytical comparison made with roam, not an official UNESCO ranking. UNESCO's "
    "Internet Universality indicators are for national self-assessment and are not intended to "
    "rank countries. Every score is shown with its data coverage and an uncertainty interval; "
    "differences within overlapping intervals are not meaningful."
)
NOT_OFFICIAL = (
    "These scores are an analytical aid computed by roam from the national questionnaire; they "
    "are not an official UNESCO score or ranking. UNESCO's Internet Universality indicators are "
    "for national self-assessment. Each score comes with its data coverage and an uncertainty "
    "interval."
)
STATUS_LABELS = {
    "available": "Available",
    "not_available": "Not available",
    "not_applicable": "Not applicable",
    "unanswered": "Unanswered",
    "not_assessed": "Not in the assessed set",
}
