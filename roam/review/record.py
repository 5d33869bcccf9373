"""A round's results as data: balance first, then per finding the distribution, agreement per
group, verdict and comments. One builder for the CLI's JSON, the app, the Validation sheet,
the submission package and the report, so they all say the same."""

from __future__ import annotations

from typing import Any

from roam.review.balance import Balance, balance
from roam.review.model import RoundData
from roam.review.rules import ReviewRules, review_rules
from roam.review.verdict import FindingVerdict, judge


def verdicts(data: RoundData, rules: ReviewRules | None = None) -> list[FindingVerdict]:
    rules = rules or review_rules(data.framework)
    return [judge(f["id"], data.ratings_of(f["id"]), rules) for f in data.findings]


def round_balance(data: RoundData) -> Balance:
    return balance([{"group": p.group, "gender": p.gender} for p in data.raters()], data.mab)


def status(data: RoundData, rules: ReviewRules | None = None) -> dict[str, Any]:
    """``{"round", "kind", "state", "balance", "findings": [...]}`` as `roam review status`
    prints it."""
    comments: dict[str, list] = {}
    for c in data.comments:
        comments.setdefault(c.finding, []).append(c)
    findings = []
    for v in verdicts(data, rules):
        mine = comments.get(v.finding, [])
        findings.append(
            {
                "id": v.finding,
                "verdict": v.verdict,
                "agree_share": None if v.agree_share is None else round(v.agree_share, 4),
                "by_group": v.group_shares(),
                "comments": len(mine),
                "open_comments": sum(1 for c in mine if c.open),
            }
        )
    return {
        "round": data.number,
        "kind": data.kind,
        "state": data.state,
        "balance": round_balance(data).as_dict(),
        "findings": findings,
    }


def summary_line(data: RoundData, rules: ReviewRules | None = None) -> str:
    rules = rules or review_rules(data.framework)
    counts: dict[str, int] = {}
    for v in verdicts(data, rules):
        counts[v.verdict] = counts.get(v.verdict, 0) + 1
    parts = [f"{counts[k]} {rules.verdict_label(k).lower()}" for k in rules.verdicts if k in counts]
    return (
        f"review round {data.number} ({data.kind}) on version {data.version} closed: "
        f"{len(data.raters())} raters; findings: {', '.join(parts) or 'none'}"
    )


def full_record(
    data: RoundData, rules: ReviewRules | None = None, *, names: bool = True
) -> dict[str, Any]:
    """Everything about a round for the package and the report. Names appear only for
    participants who agreed to it (and only when ``names``); groups always."""
    rules = rules or review_rules(data.framework)
    by_id = {f["id"]: f for f in data.findings}
    shown = {
        p.key: (p.name if names and p.share_name and p.name else None) for p in data.participants
    }
    return {
        "country": data.country,
        "year": data.year,
        "round": data.number,
        "kind": data.kind,
        "state": data.state,
        "version": data.version,
        "opened_at": data.opened_at.isoformat(),
        "closed_at": data.closed_at.isoformat() if data.closed_at else None,
        "rules": {
            "validated_share": rules.validated_share,
            "group_opposed_share": rules.group_opposed_share,
            "group_support_share": rules.group_support_share,
            "min_raters": rules.min_raters,
            "min_groups": rules.min_groups,
        },
        "balance": round_balance(data).as_dict(),
        "participants": [
            {"code": p.key, "name": shown[p.key], "group": p.group, "gender": p.gender}
            for p in data.raters()
        ],
        "findings": [
            {**v.as_dict(), "kind": by_id[v.finding]["kind"], "title": by_id[v.finding]["title"]}
            for v in verdicts(data, rules)
        ],
        "comments": [
            {
                "id": c.id,
                "finding": c.finding,
                "group": c.group,
                "participant": shown.get(c.participant) or c.participant,
                "comment": c.text,
                "outcome": c.outcome,
                "reason": c.reason,
            }
            for c in data.comments
        ],
    }
