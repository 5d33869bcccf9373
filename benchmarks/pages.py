"""The pages the browser benchmark switches between, with the title that shows each is up."""

TITLES = {
    "Compare": "Compare countries",
    "Scorecard": "Scorecard",
    "Coverage": "Data coverage",
    "Overview": "roam: Internet Universality ROAM-X assessments",
    "History": "History",
}
CHARTED = ("Scorecard", "Compare", "Coverage")  # pages counted as shown once a chart is drawn
