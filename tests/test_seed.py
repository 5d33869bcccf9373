"""First start: the samples load one by one with progress, then all in one transaction."""

from __future__ import annotations

from roam.seed import sample_files, seed_if_empty
from roam.store import Store


def test_seed_reports_progress_per_sample_and_runs_once(tmp_path, monkeypatch):
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path))
    store = Store()
    steps: list[tuple[int, int, str]] = []
    loaded = seed_if_empty(
        store, progress=lambda done, total, name: steps.append((done, total, name))
    )
    names = [p.name for p in sample_files()]
    assert loaded == len(names) == 8
    assert steps == [(i, 8, name) for i, name in enumerate(names, start=1)]
    assert sorted(a.country for a in store.assessments()) == [n[:2] for n in names]
    assert seed_if_empty(store, progress=lambda *a: steps.append(a)) == 0  # not twice
    assert len(steps) == 8
