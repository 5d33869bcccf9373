"""The published JSON Schema of catalogue files, so editors and other tools can check them too."""

from __future__ import annotations

import json
from pathlib import Path

from roam.framework.load import indicators_root
from roam.framework.models import CategoryFile, Manifest, ScalesFile


def catalogue_json_schema() -> dict:
    """One document with a schema per file kind (framework.yaml, scales.yaml, <category>.yaml)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "roam framework catalogue",
        "description": "Schemas of the files in an indicators/<version>/ folder.",
        "files": {
            "framework.yaml": Manifest.model_json_schema(),
            "scales.yaml": ScalesFile.model_json_schema(),
            "category file": CategoryFile.model_json_schema(),
        },
    }


def render_schema() -> str:
    return json.dumps(catalogue_json_schema(), indent=2, ensure_ascii=False) + "\n"


def schema_path() -> Path:
    return indicators_root() / "schema.json"


if __name__ == "__main__":
    schema_path().write_text(render_schema(), encoding="utf-8")
    print(f"wrote {schema_path()}")
