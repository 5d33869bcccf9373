"""`roam publish` and `roam api`: published assessments as open data."""
