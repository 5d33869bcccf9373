"""Pydantic models of a framework catalogue.

The YAML files are the source of truth; these models are the contract they must meet. Every model
forbids unknown fields so that a typo in a catalogue file is an error, not a silently ignored key.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from roam.framework.vocabulary import FrameworkVocabulary

CONTEXT_GROUPS = (
    "economic",
    "demographic",
    "development",
    "equality",
    "governance",
    "ict_development",
)
DISAGGREGATIONS = (
    "sex",
    "age",
    "urban_rural",
    "income",
    "education",
    "disability",
    "language",
    "region",
)

# Ids start with their category's code (checked against the category when loading).
CATEGORY_CODE = r"^[A-Z]$"
THEME_ID = re.compile(r"^[A-Z]\.[A-Z]$")
QUESTION_ID = re.compile(r"^[A-Z]\.[A-Z]\.[1-9][0-9]*$")
INDICATOR_ID = re.compile(r"^[A-Z]\.[A-Z]\.[1-9][0-9]*\.[1-9][0-9]*$")
CONTEXT_ID = re.compile(r"^[A-Z]\.[1-9][0-9]*$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# ----------------------------------------------------------------------------- scales


class ScaleLevel(Strict):
    label: str = Field(min_length=1)
    points: float = Field(ge=0, le=100)
    descriptor: str = Field(min_length=1)


class ChoiceScale(Strict):
    """Answers are labels; each label carries its points."""

    type: Literal["choice"]
    id: str
    name: str
    description: str
    levels: list[ScaleLevel] = Field(min_length=2)

    @field_validator("levels")
    @classmethod
    def _labels_unique(cls, levels: list[ScaleLevel]) -> list[ScaleLevel]:
        seen = [normalise_label(level.label) for level in levels]
        duplicates = sorted({label for label in seen if seen.count(label) > 1})
        if duplicates:
            raise ValueError(f"level labels repeat: {', '.join(duplicates)}")
        return levels

    @property
    def labels(self) -> list[str]:
        return [level.label for level in self.levels]


class NumericScale(Strict):
    """Answers are numbers within [minimum, maximum]; points come from indicator goalposts."""

    type: Literal["numeric"]
    id: str
    name: str
    description: str
    minimum: float | None = None
    maximum: float | None = None

    @model_validator(mode="after")
    def _bounds_ordered(self) -> NumericScale:
        if self.minimum is not None and self.maximum is not None and self.minimum >= self.maximum:
            raise ValueError(f"minimum ({self.minimum}) must be below maximum ({self.maximum})")
        return self


class TextScale(Strict):
    """Answers are free text, kept for the report and never scored."""

    type: Literal["text"]
    id: str
    name: str
    description: str


Scale = Annotated[ChoiceScale | NumericScale | TextScale, Field(discriminator="type")]


class ScalesFile(Strict):
    scales: list[Scale] = Field(min_length=1)


def normalise_label(text: str) -> str:
    """Compare answers the way people type them: case, spacing and dash style do not matter."""
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


# ------------------------------------------------------------------------- indicators


class Goalposts(Strict):
    low: float
    high: float
    basis: str = Field(min_length=3)

    @model_validator(mode="after")
    def _ordered(self) -> Goalposts:
        if not self.low < self.high:
            raise ValueError(f"goalpost low ({self.low:g}) must be below high ({self.high:g})")
        return self


Kind = Literal["legal", "quantitative", "perception", "contextual"]
ProvenanceLevel = Literal["confirmed", "reconstructed"]


class Sourced(Strict):
    """Every question and indicator says whether a published source confirms it.

    `confirmed` needs a `source` naming the document and page a reader can check; `reconstructed`
    marks roam's own reconstruction, which a team must check against UNESCO's text.
    """

    provenance: ProvenanceLevel
    source: str | None = Field(default=None, min_length=3)

    @model_validator(mode="after")
    def _confirmed_has_source(self) -> Sourced:
        if self.provenance == "confirmed" and not self.source:
            raise ValueError("a confirmed item needs a source (document and page)")
        return self

    @property
    def confirmed(self) -> bool:
        return self.provenance == "confirmed"


class Indicator(Sourced):
    id: str
    text: str = Field(min_length=3)
    core: bool = False
    kind: Kind
    scale: str
    unit: str | None = None
    direction: Literal["higher", "lower"] | None = None
    goalposts: Goalposts | None = None
    disaggregation: list[Literal[DISAGGREGATIONS]] = Field(default_factory=list)  # type: ignore[valid-type]
    sources: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _quantitative_complete(self) -> Indicator:
        if self.kind == "quantitative":
            missing = [
                name for name in ("unit", "direction", "goalposts") if getattr(self, name) is None
            ]
            if missing:
                raise ValueError(f"a quantitative indicator needs {', '.join(missing)}")
        if self.kind == "contextual" and self.core:
            raise ValueError("contextual indicators are not core indicators")
        if self.goalposts is not None and self.direction is None:
            raise ValueError("goalposts need a direction (higher or lower is better)")
        return self


class Question(Sourced):
    id: str
    text: str = Field(min_length=3)
    indicators: list[Indicator] = Field(min_length=1)


class Theme(Strict):
    id: str
    name: str
    questions: list[Question] = Field(min_length=1)


class ContextGroup(Strict):
    id: Literal[CONTEXT_GROUPS]  # type: ignore[valid-type]
    name: str
    indicators: list[Indicator] = Field(min_length=1)


class CategoryFile(Strict):
    """One file per category; a context category's file has groups instead of themes."""

    category: str = Field(pattern=CATEGORY_CODE)
    name: str
    summary: str = ""
    themes: list[Theme] = Field(default_factory=list)
    groups: list[ContextGroup] = Field(default_factory=list)

    @model_validator(mode="after")
    def _shape_matches_category(self) -> CategoryFile:
        if bool(self.themes) == bool(self.groups):
            raise ValueError(
                f"category {self.category} has either themes (scored) or groups (context), not "
                "both or neither"
            )
        return self


class CategoryCounts(Strict):
    themes: int | None = None
    questions: int | None = None
    indicators: int | None = None
    core: int | None = None


class ExpectedCounts(CategoryCounts):
    per_category: dict[str, CategoryCounts] = Field(default_factory=dict)


class Manifest(Strict):
    """`framework.yaml`: what a version folder contains and the counts it must reproduce."""

    version: str = Field(pattern=r"^[A-Za-z0-9._-]+$")
    title: str
    source: str
    licence: str
    scales: str = "scales.yaml"
    categories: list[Annotated[str, Field(pattern=CATEGORY_CODE)]] = Field(min_length=1)
    expected_counts: ExpectedCounts | None = None
    vocabulary: FrameworkVocabulary
