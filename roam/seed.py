"""First start: an empty store is filled with the fictional samples so the app is useful at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
SEED_USER = "roam-sample-loader"


def sample_files(folder: Path = SAMPLES) -> list[Path]:
    return sorted(folder.glob("X*.xlsx"))


def seed_if_empty(
    store, folder: Path = SAMPLES, progress: Callable[[int, int, str], None] | None = None
) -> int:
    """Ingest the samples into an empty store; return how many were loaded (0 if not empty).

    Files are checked one by one (``progress(done, total, name)`` after each, so a first start
    can show how far it is) and then stored together in one transaction."""
    from roam.service import check_sources

    if store.assessments():
        return 0
    files = sample_files(folder)
    if not files:
        return 0
    checked = []
    for done, path in enumerate(files, start=1):
        checked += check_sources([path])
        if progress is not None:
            progress(done, len(files), path.name)
    results = store.store_checked(
        checked, user=SEED_USER, note="fictional sample loaded on first start"
    )
    from roam.review.samples import load_sample_rounds

    load_sample_rounds(store, folder)
    return len(results)
