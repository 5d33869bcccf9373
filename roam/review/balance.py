"""Who took part in a round, by stakeholder group and gender, against the MAB's composition.

Shown before any verdict: a verdict means little when a group stayed away, so absent groups are
named rather than hidden.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from roam.i18n import _, current_language
from roam.mab import EXPECTED_EXCLUDED
from roam.questionnaire.vocab import vocabulary


@dataclass(frozen=True)
class Balance:
    raters: int
    by_group: dict[str, dict[str, int]]  # group -> {"raters": n, "mab": m}
    by_gender: dict[str, int]
    missing_groups: list[str]

    @property
    def women_share(self) -> float | None:
        return self.by_gender.get("Woman", 0) / self.raters if self.raters else None

    def summary(self) -> str:
        """The balance in one sentence, in the current language (groups by their labels)."""
        if not self.raters:
            return _("Nobody has rated yet.")
        groups = vocabulary()
        lang = current_language()
        missing = ", ".join(
            groups.label("stakeholder_groups", g, lang) for g in self.missing_groups
        )
        women = self.women_share or 0.0
        return _(
            "{raters} raters from {groups} stakeholder groups; groups that did not take part: "
            "{missing}; women {women}."
        ).format(
            raters=self.raters,
            groups=sum(1 for g in self.by_group.values() if g["raters"]),
            missing=missing or _("none"),
            women=f"{women:.0%}",
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "raters": self.raters,
            "by_group": self.by_group,
            "by_gender": self.by_gender,
            "missing_groups": self.missing_groups,
            "women_share": None if self.women_share is None else round(self.women_share, 4),
        }


def balance(raters: Iterable[Mapping[str, Any]], mab: Iterable[Mapping[str, Any]]) -> Balance:
    """``raters``: participants who rated (group, gender); ``mab``: the board's members."""
    people = list(raters)
    board = Counter(m.get("group") for m in mab if m.get("group"))
    rated = Counter(p.get("group") for p in people if p.get("group"))
    genders = Counter(p.get("gender") or "Not stated" for p in people)
    known = [g for g in vocabulary().stakeholder_groups]
    groups = [g for g in known if g not in EXPECTED_EXCLUDED or board[g] or rated[g]]
    groups += sorted(g for g in set(board) | set(rated) if g not in groups)
    by_group = {g: {"raters": rated.get(g, 0), "mab": board.get(g, 0)} for g in groups}
    missing = [g for g in groups if not rated.get(g)]
    order = [*vocabulary().genders, "Not stated"]
    by_gender = {g: genders[g] for g in order if genders.get(g)}
    return Balance(len(people), by_group, by_gender, missing)
