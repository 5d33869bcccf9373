"""The questionnaire vocabulary (statuses, stakeholder groups, limits) read from data."""

from __future__ import annotations

from functools import lru_cache

import yaml
from pydantic import BaseModel, ConfigDict, Field

from roam.framework import indicators_root


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DataStatus(_Strict):
    code: str
    label: str
    description: str


class Limits(_Strict):
    max_file_mb: float = Field(gt=0)
    max_uncompressed_mb: float = Field(gt=0)
    max_compression_ratio: float = Field(gt=1)
    earliest_data_year: int


class Vocabulary(_Strict):
    data_statuses: list[DataStatus]
    stakeholder_groups: list[str]
    genders: list[str]
    category_sheets: dict[str, str]
    limits: Limits

    def status_label(self, code: str) -> str:
        return next(s.label for s in self.data_statuses if s.code == code)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    path = indicators_root() / "questionnaire.yaml"
    return Vocabulary.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
