"""First start: an empty store is filled with the fictional samples so the app is useful at once."""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
SEED_USER = "roam-sample-loader"


def sample_files(folder: Path = SAMPLES) -> list[Path]:
    return sorted(folder.glob("X*.xlsx"))


def seed_if_empty(store, folder: Path = SAMPLES) -> int:
    """Ingest the samples into an empty store; return how many were loaded (0 if not empty)."""
    if store.assessments():
        return 0
    files = sample_files(folder)
    if not files:
        return 0
    results = store.ingest(files, user=SEED_USER, note="fictional sample loaded on first start")
    from roam.review.samples import load_sample_rounds

    load_sample_rounds(store, folder)
    return len(results)
