"""Multistakeholder Advisory Board balance: which groups sit on the board, and gender shares."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

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
        if not self.members:
            return "No MAB members are listed."
        missing = ", ".join(self.missing_groups) if self.missing_groups else "none"
        women = self.gender_shares.get("Woman", 0.0)
        return f"{self.members} members; stakeholder groups missing: {missing}; women {women:.0%}."


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
