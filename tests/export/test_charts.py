"""The chart specifications: valid Vega-Lite, the data and encodings a reader relies on
(labels, intervals, colours from the framework), checked on small hand-made frames."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema.core import load_schema

from roam.export.charts import comparison_chart, heatmap, profile_chart, to_svg
from roam.framework import load_framework

COLOURS = {"R": "#111111", "O": "#222222", "A": "#333333"}


def valid(spec: dict) -> dict:
    """Checked against the Vega-Lite schema Altair ships (the app no longer does it per run),
    and plain JSON, as Streamlit sends it."""
    validate_jsonschema(spec, load_schema())
    return json.loads(json.dumps(spec, allow_nan=False))


@pytest.fixture
def categories() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "id": "R",
                "label": "Rights",
                "category": "R",
                "score": 66.6,
                "low": 48.0,
                "high": 67.2,
            },
            {
                "id": "O",
                "label": "Openness",
                "category": "O",
                "score": None,
                "low": None,
                "high": None,
            },
            {
                "id": "A",
                "label": "Access",
                "category": "A",
                "score": 12.4,
                "low": 10.0,
                "high": 20.5,
            },
        ]
    )


def test_a_profile_shows_each_scored_bar_with_its_interval_and_rounded_number(categories):
    spec = valid(profile_chart(categories, COLOURS, "Categories"))
    rows = spec["data"]["values"]
    # the category without a score is left out, not drawn as zero
    assert [r["label"] for r in rows] == ["Rights", "Access"]
    assert [r["value"] for r in rows] == ["67", "12"]  # 66.6 and 12.4 rounded
    assert spec["encoding"]["y"]["sort"] == ["Rights", "Access"]
    assert spec["encoding"]["y"]["axis"] == {"labelLimit": 0}  # full names, never cut
    bar, rule, text = spec["layer"]
    assert bar["encoding"]["color"]["scale"] == {
        "domain": ["R", "A"],
        "range": ["#111111", "#333333"],
    }
    assert bar["encoding"]["x"]["scale"] == {"domain": [0, 100]}
    assert (rule["encoding"]["x"]["field"], rule["encoding"]["x2"]["field"]) == ("low", "high")
    assert text["encoding"]["text"]["field"] == "value"
    assert spec["title"] == "Categories"


def test_a_comparison_has_one_panel_per_category_in_the_order_given():
    frame = pd.DataFrame(
        [
            {
                "country": c,
                "category": k,
                "label": name,
                "score": s,
                "low": s - 5,
                "high": s + 5,
                "band": "b",
            }
            for c, s in (("XB", 40.0), ("XA", 70.0))
            for k, name in (("O", "Openness"), ("R", "Rights"))
        ]
    )
    spec = valid(comparison_chart(frame, COLOURS))
    assert spec["facet"]["column"]["sort"] == ["Openness", "Rights"]
    assert spec["spec"]["encoding"]["y"]["sort"] == "ascending"  # by code, never by score
    assert {r["country"] for r in spec["data"]["values"]} == {"XA", "XB"}
    assert "band" in [t["field"] for t in spec["spec"]["layer"][0]["encoding"]["tooltip"]]


def test_a_heatmap_writes_every_value_and_takes_its_colours_from_the_framework():
    scale = load_framework("2018").score_scale
    frame = pd.DataFrame(
        [
            {"country": "XA", "column": "R.A", "name": "Policy", "value": 84.7778},
            {"country": "XA", "column": "R.B", "name": "Expression", "value": float("nan")},
        ]
    )
    spec = valid(heatmap(frame, ["R.B", "R.A"], "Score", scale))
    rows = spec["data"]["values"]
    assert [(r["text"], r["value_shown"]) for r in rows] == [("85", "84.8"), ("", "no score")]
    assert rows[1]["value"] is None  # missing, not NaN, in the JSON the browser gets
    rect, text = spec["layer"]
    assert rect["encoding"]["color"]["scale"] == {"domain": scale.domain, "range": scale.colours}
    assert spec["encoding"]["x"]["sort"] == ["R.B", "R.A"]
    assert (
        text["encoding"]["color"]["condition"]["test"]
        == f"(datum.value > {scale.light_text_above})"
    )


def test_the_report_renders_a_chart_to_svg_without_a_browser(categories):
    svg = to_svg(profile_chart(categories, COLOURS, "Categories"))
    assert svg.startswith("<svg") and "Rights" in svg and ">67<" in svg
