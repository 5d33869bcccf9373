"""What a read questionnaire becomes: metadata, responses, MAB members and the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from roam.errors import ValidationReport

RESPONSE_COLUMNS = [
    "indicator_id",
    "category",
    "sheet",
    "row",
    "answer",
    "value",
    "unit",
    "data_year",
    "status",
    "source",
    "evidence",
]
MAB_FIELDS = ["name", "organisation", "group", "gender", "role"]


class AssessmentMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    country: str = Field(description="Country name as the team wrote it (or the ISO name).")
    iso_code: str
    year: int | None = None
    framework: str
    indicator_set: Literal["core", "full"]
    lead_institution: str = ""
    contact: str = ""
    fictional: bool = False


@dataclass
class Assessment:
    meta: AssessmentMeta
    responses: pd.DataFrame
    mab: pd.DataFrame
    report: ValidationReport = field(default_factory=ValidationReport)
    filename: str | None = None
    sha256: str | None = None
    # the register's entries (roam.recommendations): from the workbook's sheet, or the store's
    recommendations: list = field(default_factory=list)

    @property
    def country(self) -> str:
        return self.meta.iso_code

    def scoring_frame(self) -> pd.DataFrame:
        """The long frame the scoring engine takes: one row per answered-or-not indicator."""
        frame = self.responses[["indicator_id", "status", "answer", "value"]].copy()
        frame.insert(0, "country", self.meta.iso_code)
        return frame
