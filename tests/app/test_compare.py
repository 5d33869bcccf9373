"""No league table by the back door: Compare, Coverage, Weights and Export in AppTest."""

from __future__ import annotations

import json

import pytest

from roam.framework import load_framework
from tests.app.conftest import go, static_tables

SCORE_WORDS = ("score", "index", "interval", "band", "coverage")
CODES = ["XA", "XB", "XC", "XD", "XE", "XF", "XG", "XH"]


@pytest.mark.parametrize("page", ["compare", "weights", "coverage"])
def test_no_sortable_score_columns_and_the_notice(app, page):
    go(app, page)
    for frame in app.dataframe:  # interactive tables (sortable by a click): no scores in them
        columns = " ".join(str(c) for c in frame.value.columns).lower()
        assert not any(word in columns for word in SCORE_WORDS), columns
    assert static_tables(app), "scores are shown in static tables"
    for frame in static_tables(app):
        if "Country" not in frame.columns:
            continue
        groups = frame.groupby("Score", sort=False) if "Score" in frame.columns else [(0, frame)]
        for _, part in groups:
            codes = list(dict.fromkeys(part["Country"]))
            assert codes == sorted(codes), "countries by code, never by score"
    assert any("not an official UNESCO ranking" in i.value for i in app.info)


def test_all_countries_preselected_and_kept_across_pages(app):
    go(app, "compare")
    box = app.multiselect(key="compare_countries_box")
    assert sorted(box.value) == [(c, 2025) for c in CODES]
    box.unselect(("XC", 2025)).unselect(("XD", 2025)).run()
    for page in ("coverage", "weights", "export"):
        go(app, page)
        kept = app.multiselect(key=f"{page}_countries_box").value
        assert sorted(kept) == [(c, 2025) for c in CODES if c not in ("XC", "XD")], page
    go(app, "compare")
    assert len(app.multiselect(key="compare_countries_box").value) == 6


def test_overlap_table_and_no_positions(app):
    go(app, "compare")
    overlap = next(t for t in static_tables(app) if "Cannot be told apart from" in t.columns)
    assert set(overlap["Country"]) == set(CODES)
    assert overlap["Score"].iloc[0] == "ROAM index"
    text = " ".join(
        [m.value for m in app.markdown]
        + [c.value for c in app.caption]
        + [str(t.to_dict()) for t in static_tables(app)]
    ).lower()
    assert "position" not in text and "rank " not in text


def test_heatmap_palette_is_the_shared_safe_scale_with_names_on_hover(app):
    go(app, "compare")
    spec = json.loads(app.get("vega_lite_chart")[1].proto.spec)
    scales = json.dumps(spec)
    assert "redyellowgreen" not in scales
    assert all(colour in scales for colour in load_framework("2018").score_scale.colours)
    assert '"title": "Name"' in scales  # the full theme name on hover
    legend = " ".join(c.value for c in app.caption)
    assert "R.A " in legend and "X.E " in legend  # every theme spelt out below the heatmap
