"""Write a framework version folder from validated models, in the layout the loader reads.

Used by `roam framework import`: the YAML it writes has the same shape as the hand-kept
catalogue files (ids and texts first, short lists on one line), so a reviewer can diff them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from roam.framework.models import CategoryFile, Manifest, ScalesFile

FIRST_KEYS = ("category", "id", "text", "name", "provenance", "source")
HEADER = (
    "# Written by `roam framework import` from a catalogue spreadsheet. Edit the spreadsheet\n"
    "# and import it again, or edit this file and check it: roam framework -f {version}\n"
)


class _Dumper(yaml.SafeDumper):
    """Block style with indented lists; lists of plain values stay on one line."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _represent_list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    flow = all(not isinstance(item, dict | list) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)


def _ordered(node: Any) -> Any:
    """Ids and texts first, then the rest in model order; None and empty defaults left out."""
    if isinstance(node, dict):
        keys = [k for k in FIRST_KEYS if k in node] + [k for k in node if k not in FIRST_KEYS]
        return {k: _ordered(node[k]) for k in keys if node[k] is not None}
    if isinstance(node, list):
        return [_ordered(item) for item in node]
    if isinstance(node, float) and node.is_integer():
        return int(node)
    return node


def category_yaml(category: CategoryFile) -> str:
    data = _ordered(category.model_dump(mode="json"))
    if category.groups:  # a context category: groups, no themes
        data.pop("themes", None)
    else:
        data.pop("groups", None)
    return dump_yaml(data)


def write_framework_folder(
    folder: Path,
    manifest: Manifest,
    scales: ScalesFile,
    categories: list[CategoryFile],
    extra_files: dict[str, str] | None = None,
) -> None:
    """Write every file of a version folder; `folder` must not exist yet."""
    folder.mkdir(parents=True)
    header = HEADER.format(version=manifest.version)
    manifest_data = _ordered(manifest.model_dump(mode="json", exclude_none=True))
    (folder / "framework.yaml").write_text(header + dump_yaml(manifest_data), encoding="utf-8")
    scales_data = _ordered(scales.model_dump(mode="json"))
    (folder / manifest.scales).write_text(header + dump_yaml(scales_data), encoding="utf-8")
    for category in categories:
        path = folder / f"{category.category}.yaml"
        path.write_text(header + category_yaml(category), encoding="utf-8")
    for name, text in (extra_files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)  # i18n/<lang>.yaml
        (folder / name).write_text(text, encoding="utf-8")
