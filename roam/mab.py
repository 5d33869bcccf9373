"""Multistakeholder Advisory Board balance: which groups sit on the board, and gender shares."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from roam.i18n import _, current_language
from roam.questionnaire.vocab import vocabulary

# Groups the implementation guide expects on every board ("Other" is optional).
EXPECTED_EXCLUDED = {"Other"}


@dataclass(frozen=True)
class MabBalance:
    members: int
    by_group: dict[str, int]
    missing_groups: list[str]
    gender_shares: dict[str, float]

    @property
    def balanced(self) -> bool:
        return not self.missing_groups and self.members > 0

    def summary(self) -> str:
        """The balance in one sentence, in the current language (groups by their labels)."""
        if not self.members:
            return _("No MAB members are listed.")
        groups = vocabulary()
        lang = current_language()
        missing = ", ".join(
            groups.label("stakeholder_groups", g, lang) for g in self.missing_groups
        )
        women = self.gender_shares.get("Woman", 0.0)
        return _("{members} members; stakeholder groups missing: {missing}; women {women}.").format(
            members=self.members, missing=missing or _("none"), women=f"{women:.0%}"
        )


def mab_balance(mab: pd.DataFrame) -> MabBalance:
    vocab = vocabulary()
    groups = [g for g in vocab.stakeholder_groups]
    counts = (
        {g: int((mab["group"] == g).sum()) for g in groups}
        if len(mab)
        else dict.fromkeys(groups, 0)
    )
    missing = [g for g in groups if g not in EXPECTED_EXCLUDED and counts.get(g, 0) == 0]
    shares: dict[str, float] = {}
    if len(mab):
        stated = mab["gender"].dropna()
        for gender in vocab.genders:
            shares[gender] = float((stated == gender).sum() / len(mab))
        shares["Not stated"] = float(1 - len(stated) / len(mab))
    return MabBalance(len(mab), counts, missing, shares)
