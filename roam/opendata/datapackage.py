"""Write the published assessments as a Frictionless Data Package (datapackage.json + CSVs).

Each table is a CSV resource with an inline Table Schema (types, primary and foreign keys).
Files are written to a staging folder and moved into place at the end, so a failure never
leaves a half-written package behind.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from roam import __version__
from roam.export.package import csv_safe
from roam.opendata.tables import Table

METADATA = Path(__file__).with_name("package.yaml")
TEXT_TYPES = {"string"}


@lru_cache(maxsize=1)
def metadata() -> dict[str, Any]:
    return yaml.safe_load(METADATA.read_text(encoding="utf-8"))


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "number":
        return repr(float(value))
    if kind in TEXT_TYPES:
        return csv_safe(value)
    return str(value)


def table_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f.name for f in table.fields])
    for row in table.rows:
        writer.writerow([_cell(row.get(f.name), f.type) for f in table.fields])
    return out.getvalue().encode("utf-8")


def descriptor(tables: dict[str, Table]) -> dict[str, Any]:
    meta = metadata()
    runs = sorted({(r["draws"], r["seed"], r["weights"]) for r in tables["scores"].rows})
    resources = []
    for name, table in tables.items():
        schema: dict[str, Any] = {
            "fields": [
                {"name": f.name, "type": f.type, "description": f.description} for f in table.fields
            ],
            "primaryKey": table.primary_key,
            "missingValues": [""],
        }
        if table.foreign_keys:
            schema["foreignKeys"] = table.foreign_keys
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": meta["resources"][name],
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": meta["name"],
        "title": meta["title"],
        "description": " ".join(meta["description"].split()),
        "keywords": meta["keywords"],
        "licenses": meta["licenses"],
        "sources": [{"title": " ".join(s["title"].split())} for s in meta["sources"]],
        "version": __version__,
        "roam": {
            "generated_by": f"roam {__version__}",
            "statuses": ["published"],
            "scores": {
                "runs": [{"draws": d, "seed": s, "weights": w} for d, s, w in runs],
                "ranks": "none, by design",
            },
        },
        "resources": resources,
    }


def write_datapackage(
    tables: dict[str, Table], folder: Path, extra: dict[str, bytes] | None = None
) -> dict[str, int]:
    """Write the package into ``folder``, with ``extra`` files (relative path -> bytes, e.g.
    the SDMX files) beside it; returns rows per resource."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".roam-publish-", dir=folder.parent))
    try:
        for name, table in tables.items():
            (staging / f"{name}.csv").write_bytes(table_csv(table))
        for relative, data in (extra or {}).items():
            (staging / relative).parent.mkdir(parents=True, exist_ok=True)
            (staging / relative).write_bytes(data)
        described = descriptor(tables)
        if extra:
            described["roam"]["other_formats"] = sorted(extra)
        text = json.dumps(described, indent=2, ensure_ascii=False)
        (staging / "datapackage.json").write_text(text + "\n", encoding="utf-8")
        folder.mkdir(exist_ok=True)
        for item in staging.iterdir():
            target = folder / item.name
            if target.is_dir() and item.is_dir():
                shutil.rmtree(target)  # an earlier run's sdmx/ folder: replaced whole
            item.replace(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {name: len(table.rows) for name, table in tables.items()}
