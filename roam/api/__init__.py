"""A read-only HTTP API over published assessments (FastAPI; `roam api` serves it)."""
