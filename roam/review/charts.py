"""Review charts: findings x stakeholder groups agreement heatmap, and the rating distribution
per finding (its shape shows consensus, polarisation or confusion). Colours come from
review.yaml: a colour-blind-safe diverging scale (ColorBrewer PuOr), and every cell carries its
number, so colour is never the only cue."""

from __future__ import annotations

import altair as alt
import pandas as pd

from roam.review.model import RoundData
from roam.review.record import verdicts
from roam.review.rules import ReviewRules


def agreement_frame(data: RoundData, rules: ReviewRules) -> pd.DataFrame:
    """One row per finding and group that rated it: share agreeing (0-100) and raters."""
    rows = []
    for v in verdicts(data, rules):
        for group, a in v.by_group.items():
            if a.raters:
                rows.append(
                    {
                        "finding": v.finding,
                        "group": group,
                        "agree": 100 * (a.agree_share or 0),
                        "raters": a.raters,
                        "verdict": rules.verdict_label(v.verdict),
                    }
                )
    return pd.DataFrame(rows, columns=["finding", "group", "agree", "raters", "verdict"])


def agreement_heatmap(frame: pd.DataFrame, rules: ReviewRules, order: list[str]) -> alt.Chart:
    data = frame.copy()
    data["text"] = [f"{v:.0f}" for v in data["agree"]]
    base = alt.Chart(data).encode(
        x=alt.X("group:N", title="Stakeholder group", axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("finding:N", sort=order, title=None),
    )
    rect = base.mark_rect().encode(
        color=alt.Color(
            "agree:Q",
            scale=alt.Scale(domain=[0, 100], range=rules.heatmap),
            title="% agreeing",
        ),
        tooltip=["finding", "group", alt.Tooltip("agree:Q", format=".0f"), "raters", "verdict"],
    )
    text = base.mark_text(fontSize=10).encode(text="text:N")
    return (rect + text).properties(height=alt.Step(18), title="Agreement per stakeholder group")


def distribution_frame(data: RoundData, rules: ReviewRules) -> pd.DataFrame:
    rows = []
    for v in verdicts(data, rules):
        for order, (label, count) in enumerate(v.distribution.items()):
            if count:
                rows.append({"finding": v.finding, "rating": label, "order": order, "n": count})
    return pd.DataFrame(rows, columns=["finding", "rating", "order", "n"])


def distribution_chart(frame: pd.DataFrame, rules: ReviewRules, order: list[str]) -> alt.Chart:
    """Stacked bars per finding, strongly agree to strongly disagree, unsure in grey."""
    palette = rules.heatmap
    colours = [palette[-1], palette[-2], palette[len(palette) // 2], palette[1], palette[0]]
    colours = (colours + ["#bbbbbb"] * len(rules.labels))[: len(rules.labels)]
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("finding:N", sort=order, title=None),
            x=alt.X("n:Q", stack="zero", title="Ratings"),
            color=alt.Color(
                "rating:N",
                scale=alt.Scale(domain=rules.labels, range=colours),
                sort=rules.labels,
                title="Rating",
            ),
            order=alt.Order("order:Q"),
            tooltip=["finding", "rating", "n"],
        )
        .properties(height=alt.Step(14), title="Rating distribution per finding")
    )
