"""The verdict thresholds, rating scale and outcomes of review rounds, read from review.yaml.

The file lives beside scoring.yaml in each framework version folder: how agreement becomes a
verdict is part of the method, versioned and reviewed with it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from roam.framework import DEFAULT_VERSION, indicators_root

Stance = Literal["agree", "neutral", "oppose", "unsure"]
VERDICTS = ("validated", "contested", "needs_revision", "not_enough_raters")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RatingLevel(_Strict):
    label: str
    stance: Stance


class VerdictStyle(_Strict):
    label: str
    colour: str = Field(pattern=r"^#[0-9A-Fa-f]{6}$")


class ReviewRules(_Strict):
    scale: list[RatingLevel]
    min_raters: int = Field(ge=1)
    min_groups: int = Field(ge=1)
    validated_share: float = Field(gt=0, le=1)
    group_opposed_share: float = Field(ge=0, lt=1)
    group_support_share: float = Field(ge=0, lt=1)
    verdicts: dict[str, VerdictStyle]
    outcomes: dict[str, str]
    heatmap: list[str] = Field(min_length=3)

    @model_validator(mode="after")
    def _complete(self) -> ReviewRules:
        missing = [v for v in VERDICTS if v not in self.verdicts]
        if missing:
            raise ValueError(f"verdicts without a style: {', '.join(missing)}")
        labels = [level.label for level in self.scale]
        if len(set(labels)) != len(labels):
            raise ValueError("a rating label is listed twice")
        return self

    @property
    def labels(self) -> list[str]:
        return [level.label for level in self.scale]

    def stance(self, label: str) -> Stance:
        return next(level.stance for level in self.scale if level.label == label)

    def verdict_label(self, verdict: str) -> str:
        return self.verdicts[verdict].label


@lru_cache(maxsize=8)
def review_rules(version: str = DEFAULT_VERSION) -> ReviewRules:
    """The rules of a framework version (its review.yaml)."""
    path = indicators_root() / version / "review.yaml"
    if not path.is_file():
        raise FileNotFoundError(f"framework {version} has no review rules ({path})")
    return ReviewRules.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
