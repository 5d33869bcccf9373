"""Catalogue translations as data: one file per language in `<version>/i18n/<lang>.yaml`.

A translation file holds texts by key (an item id, or an id plus a field such as `R.summary`), a
table of unit texts, and says it is roam's own unofficial translation. English, in the category
files, is the reference: every key a translation uses must exist in the catalogue, and keys it
lacks are reported as untranslated and fall back to English wherever they are shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from roam.framework.models import ChoiceScale

if TYPE_CHECKING:
    from roam.framework.catalogue import Framework

SOURCE_LANGUAGE = "en"
LANGUAGE_CODE = r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$"


class TranslationFile(BaseModel):
    """The contract of `i18n/<lang>.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    language: str = Field(pattern=LANGUAGE_CODE)
    name: str = Field(min_length=1, description="The language's name in itself, e.g. Français.")
    direction: Literal["ltr", "rtl"] = "ltr"
    unofficial: Literal[True] = Field(
        description="Always true: these are roam's own translations, not UNESCO's."
    )
    notice: str = Field(min_length=10, description="Says so, in the language itself.")
    texts: dict[str, str] = Field(default_factory=dict)
    units: dict[str, str] = Field(default_factory=dict)


@dataclass(frozen=True)
class Translation:
    """One language of one framework version, checked against its catalogue."""

    language: str
    name: str
    direction: str
    notice: str
    texts: dict[str, str]
    units: dict[str, str]
    missing: tuple[str, ...] = ()
    missing_units: tuple[str, ...] = ()
    total: int = 0
    unofficial: bool = True
    path: Path | None = field(default=None, compare=False)

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    def coverage(self) -> dict[str, object]:
        """What `roam framework --lang xx --json` reports: how much is translated."""
        translated = self.total - len(self.missing)
        return {
            "language": self.language,
            "name": self.name,
            "direction": self.direction,
            "unofficial": self.unofficial,
            "texts": self.total,
            "translated": translated,
            "untranslated": len(self.missing),
            "percent": round(100 * translated / self.total, 1) if self.total else 100.0,
            "units_untranslated": len(self.missing_units),
            "missing": list(self.missing),
        }


def source_texts(fw: Framework) -> dict[str, str]:
    """Every translatable text of a catalogue by key, in English, in catalogue order."""
    texts: dict[str, str] = {}
    vocab = fw.manifest.vocabulary
    texts["vocab.short_name"] = vocab.short_name
    texts["vocab.index"] = vocab.index.name
    for code, style in vocab.categories.items():
        texts[f"vocab.{code}"] = style.name
    for code, cat in fw.categories.items():
        texts[code] = cat.name
        if cat.summary:
            texts[f"{code}.summary"] = cat.summary
        for group in cat.groups:
            texts[f"group.{group.id}"] = group.name
        for theme in cat.themes:
            texts[theme.id] = theme.name
            for question in theme.questions:
                texts[question.id] = question.text
    for entry in fw.entries:
        texts[entry.id] = entry.indicator.text
    for scale in fw.scales.values():
        texts[f"scale.{scale.id}.name"] = scale.name
        texts[f"scale.{scale.id}.description"] = scale.description
        if isinstance(scale, ChoiceScale):
            for i, level in enumerate(scale.levels):
                texts[f"scale.{scale.id}.{i}.label"] = level.label
                texts[f"scale.{scale.id}.{i}.descriptor"] = level.descriptor
    return texts


def source_units(fw: Framework) -> list[str]:
    """The distinct unit texts of a catalogue, translated once each wherever they occur."""
    return sorted({e.indicator.unit for e in fw.entries if e.indicator.unit})


def read_translation(path: Path, fw: Framework) -> Translation:
    """Read one language file and check it against the catalogue; unknown keys are errors."""
    from roam.framework.load import CatalogueError, _parse

    data: TranslationFile = _parse(path, TranslationFile)
    if path.stem != data.language:
        raise CatalogueError(
            path, "language", f"says {data.language!r} but the file is {path.name}"
        )
    source = source_texts(fw)
    for key, text in data.texts.items():
        if key not in source:
            raise CatalogueError(path, key, "no such item in the catalogue; check the id")
        if not text:
            raise CatalogueError(path, key, "empty translation; leave the key out instead")
    units = source_units(fw)
    for unit in data.units:
        if unit not in units:
            raise CatalogueError(path, f"units.{unit}", "no indicator uses this unit")
    return Translation(
        language=data.language,
        name=data.name,
        direction=data.direction,
        notice=data.notice,
        texts=dict(data.texts),
        units=dict(data.units),
        missing=tuple(key for key in source if key not in data.texts),
        missing_units=tuple(unit for unit in units if unit not in data.units),
        total=len(source),
        path=path,
    )


def load_translations(folder: Path, fw: Framework) -> dict[str, Translation]:
    """All translations of a version folder, by language code."""
    i18n = folder / "i18n"
    if not i18n.is_dir():
        return {}
    # Language files are named by their code; other files there (the glossary) are not texts.
    paths = [p for p in sorted(i18n.glob("*.yaml")) if re.fullmatch(LANGUAGE_CODE, p.stem)]
    return {path.stem: read_translation(path, fw) for path in paths}


def dump_worklist(fw: Framework, lang: str | None = None) -> str:
    """The English texts still to translate (all of them without a language), as YAML."""
    missing = set(fw.translation(lang).missing) if lang else None
    todo = {k: v for k, v in source_texts(fw).items() if missing is None or k in missing}
    return yaml.safe_dump(todo, allow_unicode=True, sort_keys=False, width=1000)
