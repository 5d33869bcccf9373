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


class Vocabulary(_Strict):
    data_statuses: list[DataStatus]
    derived_statuses: list[DataStatus]
    template_file: str = Field(pattern=r"\{indicator_set\}.*\.xlsx$")
    stakeholder_groups: list[str]
    genders: list[str]
    category_sheets: dict[str, str]
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


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    path = indicators_root() / "questionnaire.yaml"
    return Vocabulary.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
