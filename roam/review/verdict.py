"""Per finding: the rating distribution, the share agreeing, agreement per group, a verdict.

Pure functions over (stakeholder group, rating label) pairs, so the rules can be worked by hand
in tests. Shares count the ratings that take a position (agree, neutral, oppose); "unsure" is
counted in the distribution but asks for more information rather than taking a side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from roam.review.rules import ReviewRules


@dataclass(frozen=True)
class GroupAgreement:
    raters: int  # ratings that take a position
    agree: int
    oppose: int

    @property
    def agree_share(self) -> float | None:
        return self.agree / self.raters if self.raters else None

    @property
    def oppose_share(self) -> float | None:
        return self.oppose / self.raters if self.raters else None


@dataclass(frozen=True)
class FindingVerdict:
    finding: str
    verdict: str
    reason: str
    distribution: dict[str, int]  # every label of the scale, in scale order
    raters: int  # every rating, unsure included
    positioned: int
    agree_share: float | None
    by_group: dict[str, GroupAgreement] = field(default_factory=dict)
    opposed_groups: tuple[str, ...] = ()
    supporting_groups: tuple[str, ...] = ()

    @property
    def single_group_support(self) -> bool:
        return len(self.supporting_groups) == 1 and len(self.rated_groups) > 1

    @property
    def rated_groups(self) -> list[str]:
        return [g for g, a in self.by_group.items() if a.raters]

    def group_shares(self) -> dict[str, float | None]:
        return {g: _round(a.agree_share) for g, a in self.by_group.items()}

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.finding,
            "verdict": self.verdict,
            "reason": self.reason,
            "agree_share": _round(self.agree_share),
            "by_group": self.group_shares(),
            "distribution": dict(self.distribution),
            "raters": self.raters,
            "single_group_support": self.single_group_support,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def judge(finding: str, ratings: Iterable[tuple[str, str]], rules: ReviewRules) -> FindingVerdict:
    """The verdict on one finding from its (group, rating label) pairs, by ``rules``."""
    pairs = list(ratings)
    counts = Counter(label for _, label in pairs)
    distribution = {label: counts.get(label, 0) for label in rules.labels}
    tallies: dict[str, Counter] = {}
    for group, label in pairs:
        tallies.setdefault(group, Counter())[rules.stance(label)] += 1
    by_group = {
        g: GroupAgreement(t["agree"] + t["neutral"] + t["oppose"], t["agree"], t["oppose"])
        for g, t in sorted(tallies.items())
    }
    positioned = sum(a.raters for a in by_group.values())
    agree = sum(a.agree for a in by_group.values())
    share = agree / positioned if positioned else None
    rated = [g for g, a in by_group.items() if a.raters]
    opposed = tuple(g for g in rated if (by_group[g].oppose_share or 0) > rules.group_opposed_share)
    supporting = tuple(
        g for g in rated if (by_group[g].agree_share or 0) > rules.group_support_share
    )

    def verdict(name: str, reason: str) -> FindingVerdict:
        return FindingVerdict(
            finding,
            name,
            reason,
            distribution,
            len(pairs),
            positioned,
            share,
            by_group,
            opposed,
            supporting,
        )

    if positioned < rules.min_raters or len(rated) < rules.min_groups:
        return verdict(
            "not_enough_raters",
            f"{positioned} rating(s) taking a position from {len(rated)} group(s); "
            f"at least {rules.min_raters} from {rules.min_groups} groups are needed",
        )
    if supporting and opposed:
        return verdict(
            "contested",
            f"{', '.join(supporting)} support(s) it but {', '.join(opposed)} "
            f"{'is' if len(opposed) == 1 else 'are'} mostly opposed",
        )
    if len(supporting) == 1 and len(rated) > 1:
        return verdict("contested", f"support comes from one group alone ({supporting[0]})")
    if share is not None and share >= rules.validated_share:
        return verdict(
            "validated",
            f"{share:.0%} agree (at least {rules.validated_share:.0%} needed) and no group is "
            "mostly opposed",
        )
    return verdict(
        "needs_revision",
        f"{(share or 0):.0%} agree, below the {rules.validated_share:.0%} needed for rough "
        "consensus",
    )
