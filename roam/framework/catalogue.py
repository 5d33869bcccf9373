"""The loaded framework: one object every other part of roam reads the catalogue through."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from roam.framework.models import (
    CategoryFile,
    ChoiceScale,
    Indicator,
    Manifest,
    NumericScale,
    Question,
    Scale,
    TextScale,
)
from roam.framework.translation import SOURCE_LANGUAGE, Translation, source_texts
from roam.framework.vocabulary import VocabularyAccess

COUNT_KEYS = (
    "themes",
    "questions",
    "indicators",
    "core",
    "confirmed_questions",
    "confirmed_indicators",
)


@dataclass(frozen=True)
class IndicatorEntry:
    """An indicator with its place in the hierarchy, so callers never walk the tree."""

    indicator: Indicator
    category: str
    theme: str | None
    question: str | None
    group: str | None
    order: int

    @property
    def id(self) -> str:
        return self.indicator.id


@dataclass
class Framework(VocabularyAccess):
    manifest: Manifest
    scales: dict[str, Scale]
    categories: dict[str, CategoryFile]
    entries: list[IndicatorEntry] = field(default_factory=list)
    folder: Path | None = None  # the version folder it was loaded from
    translations: dict[str, Translation] = field(default_factory=dict)  # i18n/<lang>.yaml

    @property
    def version(self) -> str:
        return self.manifest.version

    @cached_property
    def by_id(self) -> dict[str, IndicatorEntry]:
        return {entry.id: entry for entry in self.entries}

    def indicator(self, indicator_id: str) -> IndicatorEntry:
        return self.by_id[indicator_id]

    def scale_of(self, indicator_id: str) -> Scale:
        return self.scales[self.by_id[indicator_id].indicator.scale]

    def entries_for(self, indicator_set: str = "full") -> list[IndicatorEntry]:
        """Core set = core indicators plus all contextual ones, as national assessments use it."""
        if indicator_set == "full":
            return list(self.entries)
        if indicator_set == "core":
            context = self.context_categories
            return [e for e in self.entries if e.indicator.core or e.category in context]
        raise ValueError(f"unknown indicator set {indicator_set!r}: expected 'core' or 'full'")

    @property
    def languages(self) -> tuple[str, ...]:
        """English (the catalogue's own language) first, then every translation."""
        return (SOURCE_LANGUAGE, *sorted(self.translations))

    def translation(self, lang: str) -> Translation:
        """The translation into `lang`; a plain error names the languages there are."""
        try:
            return self.translations[lang]
        except KeyError:
            known = ", ".join(self.languages)
            raise ValueError(f"no translation into {lang!r} (available: {known})") from None

    @cached_property
    def source_texts(self) -> dict[str, str]:
        """Every translatable text by key, in English (see roam.framework.translation)."""
        return source_texts(self)

    def text(self, key: str, lang: str | None = None) -> str:
        """A catalogue text in a language, falling back to English where it is untranslated."""
        english = self.source_texts[key]
        if not lang or lang == SOURCE_LANGUAGE:
            return english
        return self.translation(lang).texts.get(key, english)

    def unit(self, unit: str | None, lang: str | None = None) -> str | None:
        """An indicator's unit text in a language (English where untranslated)."""
        if unit is None or not lang or lang == SOURCE_LANGUAGE:
            return unit
        return self.translation(lang).units.get(unit, unit)

    def level_label(self, scale_id: str, index: int, lang: str | None = None) -> str:
        """The label of a choice scale's level in a language (what a template's dropdown shows)."""
        return self.text(f"scale.{scale_id}.{index}.label", lang)

    def level_aliases(self, scale_id: str) -> list[tuple[str, str]]:
        """(translated label, English label) of a choice scale's levels in every translation."""
        scale = self.scales[scale_id]
        if not isinstance(scale, ChoiceScale):
            return []
        return [
            (self.level_label(scale_id, i, lang), level.label)
            for lang in sorted(self.translations)
            for i, level in enumerate(scale.levels)
        ]

    @cached_property
    def checksum(self) -> str:
        """Fingerprint of the catalogue content, stored in templates to catch mismatched files."""
        # The vocabulary (names, colours, roles) is left out: it changes how results are shown,
        # not what a template asks; roles reach every output through the run's weight table.
        payload = {
            "manifest": self.manifest.model_dump(mode="json", exclude={"vocabulary"}),
            "scales": {k: v.model_dump(mode="json") for k, v in sorted(self.scales.items())},
            "categories": {k: v.model_dump(mode="json") for k, v in self.categories.items()},
        }
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    @cached_property
    def category_checksum(self) -> str:
        """Fingerprint of the category data alone (not the manifest), equal for equal catalogues."""
        payload = {k: v.model_dump(mode="json") for k, v in self.categories.items()}
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    @cached_property
    def themes(self) -> dict[str, tuple[str, str]]:
        """theme id -> (category, name)."""
        return {
            theme.id: (code, theme.name)
            for code, cat in self.categories.items()
            for theme in cat.themes
        }

    @cached_property
    def questions(self) -> dict[str, tuple[str, str]]:
        """question id -> (theme id, text)."""
        return {
            question.id: (theme.id, question.text)
            for cat in self.categories.values()
            for theme in cat.themes
            for question in theme.questions
        }

    @cached_property
    def question_items(self) -> dict[str, Question]:
        """question id -> the question itself (text, provenance, source, indicators)."""
        return {
            question.id: question
            for cat in self.categories.values()
            for theme in cat.themes
            for question in theme.questions
        }

    def counts(self) -> dict[str, object]:
        """Counts per category and in total, as `roam framework` reports them."""
        per_category: dict[str, dict[str, int]] = {}
        for code, cat in self.categories.items():
            inds = [e for e in self.entries if e.category == code]
            questions = [q for t in cat.themes for q in t.questions]
            per_category[code] = {
                "themes": len(cat.themes),
                "questions": len(questions),
                "indicators": len(inds),
                "core": sum(1 for e in inds if e.indicator.core),
                "confirmed_questions": sum(1 for q in questions if q.confirmed),
                "confirmed_indicators": sum(1 for e in inds if e.indicator.confirmed),
            }
        totals = {key: sum(c[key] for c in per_category.values()) for key in COUNT_KEYS}
        return {"framework": self.version, "totals": totals, "categories": per_category}

    @cached_property
    def table(self) -> pd.DataFrame:
        """One row per indicator with everything scoring and templates need, in catalogue order."""
        rows = []
        for e in self.entries:
            ind = e.indicator
            scale = self.scales[ind.scale]
            rows.append(
                {
                    "indicator_id": ind.id,
                    "order": e.order,
                    "category": e.category,
                    "theme": e.theme,
                    "question": e.question,
                    "group": e.group,
                    "text": ind.text,
                    "core": ind.core,
                    "kind": ind.kind,
                    "scale": ind.scale,
                    "scale_type": scale.type,
                    "unit": ind.unit,
                    "direction": ind.direction,
                    "low": ind.goalposts.low if ind.goalposts else None,
                    "high": ind.goalposts.high if ind.goalposts else None,
                    "scored": self.is_scored(e.category) and scale.type != "text",
                    "provenance": ind.provenance,
                }
            )
        return pd.DataFrame(rows).set_index("indicator_id", drop=False)


__all__ = [
    "ChoiceScale",
    "Framework",
    "IndicatorEntry",
    "NumericScale",
    "TextScale",
]
