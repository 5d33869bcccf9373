"""Charts as self-contained SVG (altair specs rendered by vl-convert, no network, no JavaScript).

The same specs are drawn live in the app, so a chart looks the same in the report and on screen.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from roam.export.tables import category_label
from roam.framework import Framework
from roam.framework.vocabulary import ScoreScale
from roam.i18n import _


def category_domain(codes: list[str], colours: dict[str, str]) -> alt.Scale:
    """The framework's category colours (`fw.colours`) for the codes present."""
    codes = [c for c in colours if c in codes]
    return alt.Scale(domain=codes, range=[colours[c] for c in codes])


def profile_chart(frame: pd.DataFrame, colours: dict[str, str], title: str = "") -> alt.LayerChart:
    """Category (or theme) scores as bars with their uncertainty interval and a value label.

    frame: columns id, label, category, score, low, high. Colour is never the only cue: every
    bar carries its label and number.
    """
    data = frame.dropna(subset=["score"]).copy()
    data["value"] = data["score"].round(0).astype(int).astype(str)
    base = alt.Chart(data).encode(
        y=alt.Y("label:N", sort=list(data["label"]), title=None, axis=alt.Axis(labelLimit=0)),
    )  # labelLimit 0: full theme names, never cut with an ellipsis
    bars = base.mark_bar(opacity=0.85).encode(
        x=alt.X("score:Q", scale=alt.Scale(domain=[0, 100]), title=_("Score (0-100)")),
        color=alt.Color(
            "category:N", scale=category_domain(list(data["category"]), colours), legend=None
        ),
        tooltip=[
            "label",
            alt.Tooltip("score:Q", format=".1f"),
            alt.Tooltip("low:Q", format=".1f"),
            alt.Tooltip("high:Q", format=".1f"),
        ],
    )
    rules = base.mark_rule(color="#222222", strokeWidth=2).encode(x="low:Q", x2="high:Q")
    text = base.mark_text(align="left", dx=6, fontSize=11).encode(x="high:Q", text="value:N")
    return (bars + rules + text).properties(title=title, width=420, height=alt.Step(30))


def category_frame(records_categories: dict[str, dict], framework: Framework) -> pd.DataFrame:
    rows = [
        {
            "id": code,
            "label": category_label(framework, code),
            "category": code,
            "score": node["score"],
            "low": node["low"],
            "high": node["high"],
        }
        for code, node in records_categories.items()
    ]
    return pd.DataFrame(rows)


def to_svg(chart: alt.TopLevelMixin) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(chart.to_dict())


def comparison_chart(frame: pd.DataFrame, colours: dict[str, str]) -> alt.FacetChart:
    """Category profiles side by side: one small panel per category, a bar and interval per
    country. frame: columns country, category, label, score, low, high."""
    data = frame.dropna(subset=["score"]).copy()
    data["value"] = data["score"].round(0).astype(int).astype(str)
    base = alt.Chart().encode(y=alt.Y("country:N", title=None, sort="ascending"))
    bars = base.mark_bar(opacity=0.85).encode(
        x=alt.X("score:Q", scale=alt.Scale(domain=[0, 100]), title="Score"),
        color=alt.Color(
            "category:N", scale=category_domain(list(data["category"]), colours), legend=None
        ),
        tooltip=[
            "country",
            "label",
            alt.Tooltip("score:Q", format=".1f"),
            alt.Tooltip("low:Q", format=".1f"),
            alt.Tooltip("high:Q", format=".1f"),
            "band",
        ],
    )
    rules = base.mark_rule(color="#222222", strokeWidth=2).encode(x="low:Q", x2="high:Q")
    text = base.mark_text(align="left", dx=4, fontSize=10).encode(x="high:Q", text="value:N")
    return (
        alt.layer(bars, rules, text, data=data)
        .properties(width=170, height=alt.Step(20))
        .facet(column=alt.Column("label:N", title=None, sort=list(dict.fromkeys(data["label"]))))
    )


def heatmap(
    frame: pd.DataFrame,
    x_order: list[str],
    title: str = "Score",
    colours: ScoreScale | None = None,
) -> alt.LayerChart:
    """Countries x themes (or categories) with the value written in every cell.

    frame: columns country, column (short id on the axis), name (full name, on hover and in
    the legend), value. The colour scale is the framework's colour-blind-safe `score_scale`
    (`colours`; default: the default framework's)."""
    if colours is None:
        from roam.framework import DEFAULT_VERSION, load_framework

        colours = load_framework(DEFAULT_VERSION).score_scale
    data = frame.copy()
    data["text"] = [("" if pd.isna(v) else f"{v:.0f}") for v in data["value"]]
    data["value_shown"] = [("no score" if pd.isna(v) else f"{v:.1f}") for v in data["value"]]
    base = alt.Chart(data).encode(
        x=alt.X("column:N", sort=x_order, title=None, axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("country:N", title=None),
    )
    scale = alt.Scale(domain=colours.domain, range=colours.colours)
    rect = base.mark_rect(stroke="#ffffff").encode(
        color=alt.Color("value:Q", scale=scale, title=title),
        tooltip=[
            alt.Tooltip("country:N", title=_("Country")),
            alt.Tooltip("name:N", title=_("Name")),
            alt.Tooltip("value_shown:N", title=title),
        ],
    )
    text = base.mark_text(fontSize=10).encode(
        text="text:N",
        color=alt.condition(
            alt.datum.value > colours.light_text_above, alt.value("#ffffff"), alt.value("#222222")
        ),
    )
    return (rect + text).properties(height=alt.Step(26))
