"""Statuses, priorities and the workbook sheet of the register, read from data."""

from __future__ import annotations

from functools import lru_cache

import yaml
from pydantic import BaseModel, ConfigDict, Field

from roam.framework import indicators_root
from roam.i18n import translations_of


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Term(_Strict):
    code: str
    label: str


class SheetColumn(_Strict):
    key: str
    header: str
    width: int = Field(gt=0)


class RegisterVocabulary(_Strict):
    statuses: list[Term]
    priorities: list[Term]
    sheet: str
    columns: list[SheetColumn]
    blank_rows: int = Field(ge=0)

    @property
    def status_codes(self) -> list[str]:
        return [t.code for t in self.statuses]

    @property
    def priority_codes(self) -> list[str]:
        return [t.code for t in self.priorities]

    def status_label(self, code: str | None) -> str:
        return next((t.label for t in self.statuses if t.code == code), code or "")

    def priority_label(self, code: str | None) -> str:
        return next((t.label for t in self.priorities if t.code == code), code or "")

    def status_code(self, typed: str) -> str | None:
        """'In progress', 'in_progress', ' IN PROGRESS ' -> 'in_progress'; None if unknown."""
        return _match(typed, self.statuses)

    def priority_code(self, typed: str) -> str | None:
        return _match(typed, self.priorities)


def _match(typed: str, terms: list[Term]) -> str | None:
    """The code of a term typed as its code or its label, in English or any language roam has
    message catalogues for (a questionnaire's Recommendations sheet follows its language)."""
    wanted = " ".join(str(typed).replace("_", " ").split()).casefold()
    for term in terms:
        labels = {label.casefold() for label in translations_of(term.label)}
        if wanted in labels or wanted == term.code.replace("_", " ").casefold():
            return term.code
    return None


@lru_cache(maxsize=1)
def register_vocabulary() -> RegisterVocabulary:
    path = indicators_root() / "recommendations.yaml"
    return RegisterVocabulary.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
