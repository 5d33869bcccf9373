"""The questionnaire vocabulary (statuses, stakeholder groups, limits) read from data."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Annotated, Literal

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from roam.framework import indicators_root
from roam.framework.models import normalise_label
from roam.framework.translation import LANGUAGE_CODE, SOURCE_LANGUAGE
from roam.kept import kept


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DataStatus(_Strict):
    code: str
    label: str
    description: str
    gap: bool = False  # counts as a data gap (listed on the Data gaps sheet)


class Limits(_Strict):
    max_file_mb: float = Field(gt=0)
    max_uncompressed_mb: float = Field(gt=0)
    max_compression_ratio: float = Field(gt=1)
    earliest_data_year: int
    latest_data_year: int
    # Defaults for vocabulary files written before these limits existed.
    spare_rows: int = Field(200, gt=0)  # rows a sheet may have beyond the catalogue's indicators
    max_columns: int = Field(60, gt=0)  # columns any sheet may use
    max_seconds: float = Field(20, gt=0)  # time budget for reading one upload
    max_memory_mb: float = Field(1024, gt=0)  # memory budget (beyond the reader's own) per upload


SHEET_NAME_CHARS = 31  # Excel refuses longer sheet names
SHEET_NAME_FORBIDDEN = "[]:*?/\\"  # characters Excel refuses in a sheet name


def check_sheet_name(name: str) -> str:
    """A name Excel accepts for a sheet (1 to 31 characters, none of []:*?/\\, no leading or
    trailing apostrophe, not the reserved "History"), or a ValueError saying why not."""
    if not 1 <= len(name) <= SHEET_NAME_CHARS:
        raise ValueError(f"sheet name {name!r} must have 1 to {SHEET_NAME_CHARS} characters")
    bad = sorted(set(name) & set(SHEET_NAME_FORBIDDEN))
    if bad or name.startswith("'") or name.endswith("'"):
        raise ValueError(f"sheet name {name!r} has characters Excel refuses in a sheet name")
    if name.casefold() == "history":
        raise ValueError(f"sheet name {name!r} is reserved by Excel")
    return name


def _sheet_names(names: dict[str, str]) -> dict[str, str]:
    for name in names.values():
        check_sheet_name(name)
    return names


SheetNames = Annotated[dict[str, str], AfterValidator(_sheet_names)]


class Vocabulary(_Strict):
    data_statuses: list[DataStatus]
    derived_statuses: list[DataStatus]
    template_file: str = Field(pattern=r"\{indicator_set\}.*\.xlsx$")
    stakeholder_groups: list[str]
    genders: list[str]
    category_sheets: SheetNames  # category code -> its sheet in the questionnaire (English)
    limits: Limits

    @property
    def statuses(self) -> list[DataStatus]:
        """Every status an indicator can have: those a team enters, then those roam derives."""
        return [*self.data_statuses, *self.derived_statuses]

    @property
    def status_codes(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.statuses)

    @property
    def without_data(self) -> tuple[str, ...]:
        """Statuses a team enters to say there is no answer (all but "available")."""
        return tuple(s.code for s in self.data_statuses if s.code != "available")

    @property
    def gap_statuses(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.statuses if s.gap)

    def status_label(self, code: str) -> str:
        """The label of a status code; an unknown code is shown as it is."""
        return next((s.label for s in self.statuses if s.code == code), code)

    def template_name(self, version: str, indicator_set: str) -> str:
        return self.template_file.format(version=version, indicator_set=indicator_set)

    def label(self, kind: ListKind, value: str, lang: str | None = None) -> str:
        """A stakeholder group, gender or status label in a language (English where untranslated).

        `value` is the English list entry (groups, genders) or the status code (statuses).
        """
        english = self.status_label(value) if kind == "statuses" else value
        if not lang or lang == SOURCE_LANGUAGE:
            return english
        translation = vocabulary_translations().get(lang)
        if translation is None:
            return english
        if kind == "statuses":
            text = translation.statuses.get(value)
            return text.label if text else english
        return getattr(translation, kind).get(value, english)

    def category_sheet(self, code: str, lang: str | None = None) -> str:
        """The sheet of a category in a language's templates (English where untranslated)."""
        english = self.category_sheets[code]
        translation = vocabulary_translations().get(lang or SOURCE_LANGUAGE)
        return translation.category_sheets.get(code, english) if translation else english

    def labels(self, kind: ListKind, lang: str | None = None) -> list[str]:
        """A whole list (what a template's dropdown offers) in a language."""
        values = [s.code for s in self.data_statuses] if kind == "statuses" else getattr(self, kind)
        return [self.label(kind, value, lang) for value in values]

    def lookup(self, kind: ListKind) -> Mapping[str, str]:
        """What people type, in English or any translation, -> the English entry or status code.

        Keys are normalised (case, spacing) and also folded (accents and Arabic vowel marks
        dropped), so "Societe civile" and "Société civile" both read as "Civil society". Built
        once per vocabulary object and list (every upload asks), and read-only for that reason.
        """
        return kept(self, f"lookup.{kind}", lambda: MappingProxyType(self._lookup(kind)))

    def _lookup(self, kind: ListKind) -> dict[str, str]:
        table: dict[str, str] = {}
        values = [s.code for s in self.data_statuses] if kind == "statuses" else getattr(self, kind)
        languages = [SOURCE_LANGUAGE, *sorted(vocabulary_translations())]
        for lang in languages:
            for value in values:
                typed = self.label(kind, value, lang)
                for key in (normalise_label(typed), fold(typed)):
                    table.setdefault(key, value)
        if kind == "statuses":
            for value in values:  # the code itself, as older files and scripts write it
                table.setdefault(normalise_label(value.replace("_", " ")), value)
        return table


ListKind = Literal["statuses", "stakeholder_groups", "genders"]


def fold(text: str) -> str:
    """Compare typed text without accents or Arabic vowel marks: "Sí" = "Si", "جزئياً" = "جزئيا"."""
    decomposed = unicodedata.normalize("NFKD", normalise_label(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class StatusText(_Strict):
    label: str = Field(min_length=1)
    description: str = Field(min_length=1)


class VocabularyTranslation(_Strict):
    """`indicators/i18n/<lang>.yaml`: the questionnaire vocabulary in one language."""

    language: str = Field(pattern=LANGUAGE_CODE)
    name: str
    direction: Literal["ltr", "rtl"] = "ltr"
    unofficial: Literal[True]
    statuses: dict[str, StatusText] = Field(default_factory=dict)
    stakeholder_groups: dict[str, str] = Field(default_factory=dict)
    genders: dict[str, str] = Field(default_factory=dict)
    category_sheets: SheetNames = Field(default_factory=dict)


class VocabularyTranslationError(ValueError):
    """A vocabulary translation naming something the English vocabulary does not have."""


@lru_cache(maxsize=1)
def vocabulary_translations() -> dict[str, VocabularyTranslation]:
    """Every translation of the questionnaire vocabulary, checked against the English one."""
    folder = indicators_root() / "i18n"
    english = vocabulary()
    known = {
        "statuses": set(english.status_codes),
        "stakeholder_groups": set(english.stakeholder_groups),
        "genders": set(english.genders),
        "category_sheets": set(english.category_sheets),
    }
    found: dict[str, VocabularyTranslation] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.yaml")):
        if not re.fullmatch(LANGUAGE_CODE, path.stem):
            continue
        data = VocabularyTranslation.model_validate(
            yaml.safe_load(path.read_text(encoding="utf-8"))
        )
        for kind, allowed in known.items():
            unknown = sorted(set(getattr(data, kind)) - allowed)
            if unknown:
                raise VocabularyTranslationError(
                    f"{path}: {kind}: {', '.join(unknown)} is not in questionnaire.yaml"
                )
        found[data.language] = data
    return found


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    path = indicators_root() / "questionnaire.yaml"
    return Vocabulary.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
