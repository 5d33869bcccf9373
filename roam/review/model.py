"""What a stored review round is, as plain data read in one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from roam.i18n import N_, _

KINDS = ("mab", "workshop")
MINIMUM_STATUS = ("validated", "submitted", "published")  # a round opens on these only
KIND_NAMES = {"mab": N_("MAB review"), "workshop": N_("validation workshop")}
ROUND_LABEL = N_("{country} {year} round {number} ({kind})")


@dataclass(frozen=True)
class Participant:
    key: str
    name: str
    organisation: str
    group: str
    gender: str | None
    email: str | None
    share_name: bool
    origin: str  # mab / walk-in / account

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "organisation": self.organisation,
            "group": self.group,
            "gender": self.gender,
            "share_name": self.share_name,
            "origin": self.origin,
        }


@dataclass(frozen=True)
class Comment:
    participant: str  # key
    finding: str
    text: str
    group: str
    outcome: str | None = None
    reason: str = ""
    answered_by: str | None = None

    @property
    def id(self) -> str:
        return f"{self.participant}:{self.finding}"

    @property
    def open(self) -> bool:
        return self.outcome is None


@dataclass(frozen=True)
class RoundData:
    id: int
    country: str
    name: str
    year: int
    framework: str
    assessment_status: str
    number: int
    version: int
    kind: str
    state: str
    findings: list[dict[str, Any]]
    mab: list[dict[str, Any]]
    opened_by: str
    opened_at: dt.datetime
    closed_by: str | None
    closed_at: dt.datetime | None
    participants: list[Participant]
    # participant key -> finding id -> (rating label or None, comment or None), current only
    ratings: dict[str, dict[str, tuple[str | None, str | None]]] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    submissions: int = 0  # every submission kept, replaced ones included

    @property
    def label(self) -> str:
        """'XD 2025 round 1 (MAB review)': in English, as records and the audit trail keep it."""
        return ROUND_LABEL.format(
            country=self.country, year=self.year, number=self.number, kind=KIND_NAMES[self.kind]
        )

    def title(self, name: str | None = None) -> str:
        """The round as people read it, in the current language (`name`: the country's)."""
        return _(ROUND_LABEL).format(
            country=name or self.country,
            year=self.year,
            number=self.number,
            kind=_(KIND_NAMES[self.kind]),
        )

    @property
    def is_open(self) -> bool:
        return self.state == "open"

    def participant(self, key: str) -> Participant | None:
        return next((p for p in self.participants if p.key == key), None)

    def raters(self) -> list[Participant]:
        """Participants with a current submission."""
        return [p for p in self.participants if p.key in self.ratings]

    def ratings_of(self, finding: str) -> list[tuple[str, str]]:
        """(group, label) of every current rating of ``finding``."""
        out = []
        for p in self.raters():
            label = self.ratings[p.key].get(finding, (None, None))[0]
            if label:
                out.append((p.group, label))
        return out
