"""The framework's vocabulary as data: what each category is called, its role and its colour.

`framework.yaml` declares it (block `vocabulary`); code asks the loaded framework
(`fw.index_categories`, `fw.category("R").name`, `fw.colour("R")`) and never spells a category
letter, the index name or a colour itself. A revised framework is then a new folder, not new code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from roam.i18n import _

if TYPE_CHECKING:
    from roam.framework.models import CategoryFile, Manifest

# index: forms the composite index; beside: scored and reported next to it, outside it;
# context: background statistics, never scored.
Role = Literal["index", "beside", "context"]
Colour = str


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class CategoryStyle(_Strict):
    name: str = Field(min_length=1, description="Short name shown in tables, charts and the app.")
    role: Role
    colour: Colour = Field(pattern=r"^#[0-9A-Fa-f]{6}$")


class ScaleStop(_Strict):
    at: float = Field(ge=0, le=100, description="The score this colour stands for.")
    colour: Colour = Field(pattern=r"^#[0-9A-Fa-f]{6}$")


class ScoreScale(_Strict):
    """The colour scale of scores on heatmaps and in workbooks: low, middle and high stops."""

    stops: tuple[ScaleStop, ScaleStop, ScaleStop]
    light_text_above: float = Field(
        ge=0, le=100, description="Cells with a higher score are dark: their number is white."
    )

    @model_validator(mode="after")
    def _ascending(self) -> ScoreScale:
        ats = [stop.at for stop in self.stops]
        if not ats[0] < ats[1] < ats[2]:
            raise ValueError(f"score_scale stops must rise (got {ats})")
        return self

    @property
    def domain(self) -> list[float]:
        return [stop.at for stop in self.stops]

    @property
    def colours(self) -> list[Colour]:
        return [stop.colour for stop in self.stops]


class IndexSpec(_Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9-]+$")
    name: str = Field(min_length=1)


class FrameworkVocabulary(_Strict):
    """`vocabulary` in framework.yaml."""

    short_name: str = Field(min_length=1, description="The framework's name in titles.")
    index: IndexSpec
    categories: dict[str, CategoryStyle] = Field(min_length=1)
    # None: the scale of the default framework (a catalogue imported from a spreadsheet)
    score_scale: ScoreScale | None = None

    @model_validator(mode="after")
    def _one_index(self) -> FrameworkVocabulary:
        if not any(c.role == "index" for c in self.categories.values()):
            raise ValueError("at least one category must have role 'index'")
        if self.index.id in self.categories:
            raise ValueError(f"the index id {self.index.id!r} is also a category code")
        return self


@dataclass(frozen=True)
class CategoryInfo:
    """One category as every view shows it."""

    code: str
    name: str  # short name, e.g. "Cross-cutting"
    title: str  # the catalogue heading from <code>.yaml, e.g. "Cross-cutting indicators"
    role: Role
    colour: Colour

    @property
    def scored(self) -> bool:
        return self.role != "context"

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"


class VocabularyAccess:
    """Accessors the loaded Framework offers; mixed into it so callers write `fw.colour("R")`."""

    manifest: Manifest
    categories: dict[str, CategoryFile]

    @property
    def vocabulary(self) -> FrameworkVocabulary:
        return self.manifest.vocabulary

    def category(self, code: str) -> CategoryInfo:
        style = self.vocabulary.categories[code]
        title = self.categories[code].name if code in self.categories else style.name
        return CategoryInfo(code, style.name, title, style.role, style.colour)

    def _with_role(self, *roles: Role) -> tuple[str, ...]:
        styles = self.vocabulary.categories
        return tuple(c for c in self.manifest.categories if styles[c].role in roles)

    @property
    def index_categories(self) -> tuple[str, ...]:
        """The categories that form the composite index (R, O, A, M in 2018)."""
        return self._with_role("index")

    @property
    def beside_categories(self) -> tuple[str, ...]:
        """Scored and reported beside the index, not part of it (X in 2018)."""
        return self._with_role("beside")

    @property
    def scored_categories(self) -> tuple[str, ...]:
        return self._with_role("index", "beside")

    @property
    def context_categories(self) -> tuple[str, ...]:
        """Background statistics, shown and never scored (C in 2018)."""
        return self._with_role("context")

    def is_scored(self, code: str) -> bool:
        return self.vocabulary.categories[code].role != "context"

    def colour(self, code: str) -> Colour:
        return self.vocabulary.categories[code].colour

    @property
    def colours(self) -> dict[str, Colour]:
        return {c: self.colour(c) for c in self.manifest.categories}

    @property
    def score_scale(self) -> ScoreScale:
        """The colour scale of scores (heatmaps, workbooks); a framework that declares none
        uses the default framework's."""
        if self.vocabulary.score_scale is not None:
            return self.vocabulary.score_scale
        from roam.framework import DEFAULT_VERSION, load_framework

        return load_framework(DEFAULT_VERSION).vocabulary.score_scale

    def category_label(self, code: str) -> str:
        """ "R Rights": code and short name; an unknown code is shown as it is."""
        return self.category(code).label if code in self.vocabulary.categories else code

    @property
    def index_id(self) -> str:
        return self.vocabulary.index.id

    @property
    def index_name(self) -> str:
        return self.vocabulary.index.name

    @property
    def short_name(self) -> str:
        return self.vocabulary.short_name

    def aggregation_path(self, index_name: str | None = None) -> str:
        """How scores climb the tree, in words, with this framework's own codes (`index_name`:
        the index as the reader's language names it)."""
        beside = ", ".join(self.beside_categories)
        steps = " -> ".join(_(level) for level in ("indicator", "question", "theme", "category"))
        text = _("{steps} -> {index} over {categories}").format(
            steps=steps,
            index=index_name or self.index_name,
            categories=", ".join(self.index_categories),
        )
        if beside:
            text += "; " + _("{categories} reported beside the index").format(categories=beside)
        return text


def check_vocabulary(manifest: Manifest) -> str | None:
    """The problem with a manifest's vocabulary against its category list, or None."""
    declared = set(manifest.vocabulary.categories)
    listed = set(manifest.categories)
    if declared != listed:
        missing = ", ".join(sorted(listed - declared)) or "none"
        extra = ", ".join(sorted(declared - listed)) or "none"
        return f"must name every category once (missing: {missing}; not in the list: {extra})"
    return None
