"""Charts as Vega-Lite specifications: plain dictionaries, drawn live in the app and rendered
to self-contained SVG for the report (vl-convert, no network, no JavaScript), so a chart looks
the same in both.

The specifications are written out rather than built with Altair: Altair infers and validates
every encoding on each call, which cost the app more time per page than the page itself. The
tests check every chart here against the Vega-Lite schema with Altair instead.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from roam.export.tables import category_label
from roam.framework import Framework
from roam.framework.vocabulary import ScoreScale
from roam.i18n import _

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
Spec = dict[str, Any]


def values(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-safe records: missing numbers become null, numpy scalars plain Python."""

    def plain(value: Any) -> Any:
        if hasattr(value, "item"):
            value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
        return value

    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def field(name: str, kind: str, **more: Any) -> dict[str, Any]:
    """One encoding channel: a data field of a Vega-Lite type ("nominal", "quantitative")."""
    return {"field": name, "type": kind, **more}


def category_domain(codes: list[str], colours: dict[str, str]) -> dict[str, list[str]]:
    """The framework's category colours (`fw.colours`) for the codes present."""
    codes = [c for c in colours if c in codes]
    return {"domain": codes, "range": [colours[c] for c in codes]}


def _interval_layers(text_offset: int, font_size: int, tooltip: list, x_title: str, colour: dict):
    """Bar, interval rule and value label: the three layers of every score-with-interval chart.
    Colour is never the only cue: every bar carries its label and number."""
    return [
        {
            "mark": {"type": "bar", "opacity": 0.85},
            "encoding": {
                "x": field("score", "quantitative", scale={"domain": [0, 100]}, title=x_title),
                "color": field("category", "nominal", scale=colour, legend=None),
                "tooltip": tooltip,
            },
        },
        {
            "mark": {"type": "rule", "color": "#222222", "strokeWidth": 2},
            "encoding": {"x": field("low", "quantitative"), "x2": {"field": "high"}},
        },
        {
            "mark": {"type": "text", "align": "left", "dx": text_offset, "fontSize": font_size},
            "encoding": {"x": field("high", "quantitative"), "text": field("value", "nominal")},
        },
    ]


def _score_tooltip(*first: str) -> list[dict[str, Any]]:
    return [
        *(field(name, "nominal") for name in first),
        *(field(name, "quantitative", format=".1f") for name in ("score", "low", "high")),
    ]


def _with_value_label(frame: pd.DataFrame) -> pd.DataFrame:
    data = frame.dropna(subset=["score"]).copy()
    data["value"] = data["score"].round(0).astype(int).astype(str)
    return data


def profile_chart(frame: pd.DataFrame, colours: dict[str, str], title: str = "") -> Spec:
    """Category (or theme) scores as bars with their uncertainty interval and a value label.

    frame: columns id, label, category, score, low, high."""
    data = _with_value_label(frame)
    colour = category_domain(list(data["category"]), colours)
    return {
        "$schema": SCHEMA,
        "title": title,
        "width": 420,
        "height": {"step": 30},
        "data": {"values": values(data)},
        "encoding": {  # labelLimit 0: full theme names, never cut with an ellipsis
            "y": field(
                "label", "nominal", sort=list(data["label"]), title=None, axis={"labelLimit": 0}
            )
        },
        "layer": _interval_layers(6, 11, _score_tooltip("label"), _("Score (0-100)"), colour),
    }


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


def to_svg(chart: Spec) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(chart)


def comparison_chart(frame: pd.DataFrame, colours: dict[str, str]) -> Spec:
    """Category profiles side by side: one small panel per category, a bar and interval per
    country. frame: columns country, category, label, score, low, high, band."""
    data = _with_value_label(frame)
    colour = category_domain(list(data["category"]), colours)
    tooltip = [*_score_tooltip("country", "label"), field("band", "nominal")]
    return {
        "$schema": SCHEMA,
        "data": {"values": values(data)},
        "facet": {
            "column": field("label", "nominal", title=None, sort=list(dict.fromkeys(data["label"])))
        },
        "spec": {
            "width": 170,
            "height": {"step": 20},
            "encoding": {"y": field("country", "nominal", title=None, sort="ascending")},
            "layer": _interval_layers(4, 10, tooltip, "Score", colour),
        },
    }


def heatmap(
    frame: pd.DataFrame,
    x_order: list[str],
    title: str = "Score",
    colours: ScoreScale | None = None,
) -> Spec:
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
    light = colours.light_text_above
    return {
        "$schema": SCHEMA,
        "height": {"step": 26},
        "data": {"values": values(data)},
        "encoding": {
            "x": field("column", "nominal", sort=x_order, title=None, axis={"labelAngle": -45}),
            "y": field("country", "nominal", title=None),
        },
        "layer": [
            {
                "mark": {"type": "rect", "stroke": "#ffffff"},
                "encoding": {
                    "color": field(
                        "value",
                        "quantitative",
                        scale={"domain": list(colours.domain), "range": list(colours.colours)},
                        title=title,
                    ),
                    "tooltip": [
                        field("country", "nominal", title=_("Country")),
                        field("name", "nominal", title=_("Name")),
                        field("value_shown", "nominal", title=title),
                    ],
                },
            },
            {
                "mark": {"type": "text", "fontSize": 10},
                "encoding": {
                    "text": field("text", "nominal"),
                    "color": {
                        "condition": {"test": f"(datum.value > {light})", "value": "#ffffff"},
                        "value": "#222222",
                    },
                },
            },
        ],
    }
