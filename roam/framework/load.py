"""Find, read and check a framework version folder before anything else may use it."""

from __future__ import annotations

import os
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from roam.errors import RoamError
from roam.framework.catalogue import Framework, IndicatorEntry
from roam.framework.models import (
    CONTEXT_ID,
    INDICATOR_ID,
    QUESTION_ID,
    THEME_ID,
    CategoryFile,
    Manifest,
    NumericScale,
    ScalesFile,
    TextScale,
)
from roam.framework.translation import load_translations
from roam.framework.vocabulary import check_vocabulary

DEFAULT_VERSION = "2018"
# libyaml's safe loader when present: the catalogue and its translations are ~1 MB of YAML.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class CatalogueError(RoamError):
    """A framework catalogue that cannot be used; names the file and the item at fault."""

    def __init__(self, file: Path | str, item: str, problem: str) -> None:
        self.file = str(file)
        self.item = item
        self.problem = problem
        super().__init__(f"{self.file}: {item}: {problem}")


def indicators_root() -> Path:
    """The folder holding framework versions; ROAM_INDICATORS_DIR overrides the repository copy."""
    override = os.environ.get("ROAM_INDICATORS_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "indicators"


def available_versions(root: Path | None = None) -> list[str]:
    root = root or indicators_root()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / "framework.yaml").is_file())


def load_framework(version: str = DEFAULT_VERSION, root: Path | str | None = None) -> Framework:
    """Load and check a version; cached per folder because every command needs it."""
    base = Path(root) if root is not None else indicators_root()
    return _load_cached(str(version), str(base.resolve()))


@lru_cache(maxsize=16)
def _load_cached(version: str, root: str) -> Framework:
    folder = Path(root) / version
    if not (folder / "framework.yaml").is_file():
        known = ", ".join(available_versions(Path(root))) or "none"
        raise CatalogueError(
            folder, "framework", f"unknown framework version {version!r} (available: {known})"
        )
    manifest = _parse(folder / "framework.yaml", Manifest)
    problem = check_vocabulary(manifest)
    if problem:
        raise CatalogueError(folder / "framework.yaml", "vocabulary.categories", problem)
    if manifest.version != version:
        raise CatalogueError(
            folder / "framework.yaml",
            "version",
            f"says version {manifest.version!r} but lives in folder {version!r}",
        )
    scales_file = _parse(folder / manifest.scales, ScalesFile)
    scales = {}
    for scale in scales_file.scales:
        if scale.id in scales:
            raise CatalogueError(folder / manifest.scales, scale.id, "scale id is used twice")
        scales[scale.id] = scale
    categories: dict[str, CategoryFile] = {}
    for code in manifest.categories:
        path = folder / f"{code}.yaml"
        if not path.is_file():
            raise CatalogueError(path, code, "category file is missing")
        category = _parse(path, CategoryFile)
        if category.category != code:
            raise CatalogueError(
                path, "category", f"file for {code} declares category {category.category}"
            )
        context = manifest.vocabulary.categories[code].role == "context"
        if context != bool(category.groups):
            shape = "groups and no themes" if context else "themes and no groups"
            raise CatalogueError(path, "category", f"category {code} must have {shape}")
        categories[code] = category
    framework = Framework(manifest=manifest, scales=scales, categories=categories, folder=folder)
    framework.entries.extend(_check_and_flatten(folder, framework))
    _check_counts(folder, framework)
    framework.translations.update(load_translations(folder, framework))
    return framework


def _parse(path: Path, model: type[BaseModel]) -> Any:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except FileNotFoundError:
        raise CatalogueError(path, "file", "file is missing") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "file"
        raise CatalogueError(
            path, where, f"not valid YAML ({getattr(exc, 'problem', exc)})"
        ) from None
    if not isinstance(raw, dict):
        raise CatalogueError(path, "file", "expected a mapping at the top of the file")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        item, field = _item_at(raw, first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = f"unknown field {field!r}"
        elif field:
            message = f"{field}: {message}"
        raise CatalogueError(path, item, message) from None


def _item_at(raw: Any, loc: tuple[Any, ...]) -> tuple[str, str]:
    """Turn a pydantic error location into the innermost item id plus the remaining field path."""
    item, rest, node = "file", [], raw
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            rest.append(str(part))
            continue
        if isinstance(node, dict) and "id" in node:
            item, rest = str(node["id"]), []
        elif not isinstance(part, int):
            rest.append(str(part))
    return item, ".".join(rest)


def _check_and_flatten(folder: Path, fw: Framework) -> list[IndicatorEntry]:
    entries: list[IndicatorEntry] = []
    seen: Counter[str] = Counter()
    order = 0
    for code, cat in fw.categories.items():
        path = folder / f"{code}.yaml"

        def fail(item: str, problem: str, path: Path = path) -> None:
            raise CatalogueError(path, item, problem)

        for theme in cat.themes:
            if not THEME_ID.match(theme.id) or not theme.id.startswith(f"{code}."):
                fail(theme.id, f"theme id must look like {code}.A")
            seen[theme.id] += 1
            for question in theme.questions:
                if not QUESTION_ID.match(question.id) or not question.id.startswith(f"{theme.id}."):
                    fail(question.id, f"question id must look like {theme.id}.1")
                seen[question.id] += 1
                for ind in question.indicators:
                    if not INDICATOR_ID.match(ind.id) or not ind.id.startswith(f"{question.id}."):
                        fail(ind.id, f"indicator id must look like {question.id}.1")
                    if ind.kind == "contextual":
                        fail(ind.id, "contextual indicators belong in the contextual file")
                    order += 1
                    entries.append(IndicatorEntry(ind, code, theme.id, question.id, None, order))
        for group in cat.groups:
            for ind in group.indicators:
                if not CONTEXT_ID.match(ind.id) or not ind.id.startswith(f"{code}."):
                    fail(ind.id, f"contextual indicator id must look like {code}.1")
                if ind.kind != "contextual":
                    fail(
                        ind.id, f"kind must be 'contextual' in the contextual file, not {ind.kind}"
                    )
                order += 1
                entries.append(IndicatorEntry(ind, code, None, None, group.id, order))
    for entry in entries:
        seen[entry.id] += 1
    duplicates = sorted(item for item, n in seen.items() if n > 1)
    if duplicates:
        dup = duplicates[0]
        where = next((e.category for e in entries if e.id == dup), dup.split(".")[0])
        raise CatalogueError(folder / f"{where}.yaml", dup, "id is used more than once")
    for entry in entries:
        _check_scale(folder / f"{entry.category}.yaml", entry, fw)
    return entries


def _check_scale(path: Path, entry: IndicatorEntry, fw: Framework) -> None:
    ind = entry.indicator
    scale = fw.scales.get(ind.scale)
    if scale is None:
        known = ", ".join(sorted(fw.scales))
        raise CatalogueError(path, ind.id, f"scale {ind.scale!r} does not exist (known: {known})")
    scored = fw.is_scored(entry.category)
    if isinstance(scale, NumericScale) and scored and ind.goalposts is None:
        raise CatalogueError(path, ind.id, f"numeric scale {scale.id!r} needs goalposts")
    if not isinstance(scale, NumericScale) and ind.goalposts is not None:
        raise CatalogueError(path, ind.id, f"goalposts make no sense on scale {scale.id!r}")
    if isinstance(scale, TextScale) and scored:
        raise CatalogueError(path, ind.id, "scored categories cannot use a free-text scale")
    if isinstance(scale, NumericScale) and ind.goalposts is not None:
        lo, hi = scale.minimum, scale.maximum
        gp = ind.goalposts
        if (lo is not None and gp.low < lo) or (hi is not None and gp.high > hi):
            raise CatalogueError(
                path, ind.id, f"goalposts {gp.low:g} to {gp.high:g} lie outside scale {scale.id!r}"
            )


def _check_counts(folder: Path, fw: Framework) -> None:
    expected = fw.manifest.expected_counts
    if expected is None:
        return
    counts = fw.counts()
    path = folder / "framework.yaml"
    for key in ("themes", "questions", "indicators", "core"):
        want = getattr(expected, key)
        got = counts["totals"][key]  # type: ignore[index]
        if want is not None and want != got:
            raise CatalogueError(path, "expected_counts", f"{key}: expected {want}, found {got}")
    for code, want_counts in expected.per_category.items():
        got_counts = counts["categories"].get(code)  # type: ignore[union-attr]
        if got_counts is None:
            raise CatalogueError(
                path, "expected_counts", f"category {code} is not in the framework"
            )
        for key in ("themes", "questions", "indicators", "core"):
            want = getattr(want_counts, key)
            if want is not None and want != got_counts[key]:
                raise CatalogueError(
                    path,
                    "expected_counts",
                    f"{code} {key}: expected {want}, found {got_counts[key]}",
                )
