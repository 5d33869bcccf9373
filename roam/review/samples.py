"""Load the fictional review rounds of sample_data/reviews/ (written by
sample_data/generate_reviews.py) through the same use cases people use: the assessment is
validated, the round opened, each paper sheet keyed in, comments answered, the round closed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml

from roam.access import User
from roam.service import connect, reviews

SAMPLE_LOADER = User("roam-sample-loader", "administrator", frozenset(), "Sample loader")


def load_sample_rounds(store, folder: Path) -> int:
    """Returns how many rounds were loaded (0 when there is no sample manifest)."""
    manifest = folder / "reviews" / "rounds.yaml"
    if not manifest.is_file():
        return 0
    spec = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    stored = {a.country: a for a in store.assessments()}
    loaded = 0
    for entry in spec["rounds"]:
        info = stored.get(entry["country"])
        if info is None:
            continue
        if info.status == "draft":
            connect(SAMPLE_LOADER, store).set_status(
                info.country,
                info.year,
                "validated",
                version=info.latest_version,
                note="fictional sample: validated by its MAB",
            )
        reviews.open_round(
            store,
            SAMPLE_LOADER,
            info.country,
            kind=entry["kind"],
            recommendations=entry.get("recommendations") or {},
            note="fictional sample round",
        )
        sheets: dict[str, dict[str, tuple[str | None, str | None]]] = {}
        text = (folder / "reviews" / entry["ratings"]).read_text(encoding="utf-8")
        for row in csv.DictReader(io.StringIO(text)):
            sheets.setdefault(row["participant"], {})[row["finding"]] = (
                row["rating"] or None,
                row["comment"] or None,
            )
        walk_ins = {w["key"]: w for w in entry.get("walk_ins", [])}
        for key, ratings in sheets.items():
            who = dict(walk_ins[key]) if key in walk_ins else {"key": key}
            who.pop("key") if key in walk_ins else None
            reviews.key_in(store, SAMPLE_LOADER, info.country, who, ratings)
        answers = [(a["comment"], a["outcome"], a["reason"]) for a in entry.get("answers", [])]
        if answers:
            reviews.answer_many(store, SAMPLE_LOADER, info.country, answers)
        if entry.get("close"):
            reviews.close(store, SAMPLE_LOADER, info.country)
        loaded += 1
    return loaded
