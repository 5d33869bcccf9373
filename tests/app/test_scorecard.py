"""The Scorecard in AppTest: it explains itself, rounds one way and lists gaps in one list."""

from __future__ import annotations

import json

from tests.app.conftest import go, open_tab, static_tables


def test_scorecard_explains_bands_coverage_and_lopsided_intervals(app):
    go(app, "scorecard")
    guide = " ".join(m.value for m in app.markdown)
    assert "**Band**" in guide and "Advanced** 75 or more" in guide
    assert "**Coverage**" in guide and "67% coverage" in guide
    assert "geometric" in guide
    captions = " ".join(c.value for c in app.caption)
    # Aurelia's index: the interval reaches much further down than up
    assert "reach further below the score than above it: ROAM index" in captions
    assert "aggregation method" in captions


def test_theme_table_rounded_full_names_no_none(app):
    go(app, "scorecard")
    themes = next(t for t in static_tables(app) if "Id" in t.columns)  # names wrap there
    assert themes.loc[0, "Name"] == "Policy, statutory and regulatory framework"
    assert all(s == "" or s.isdigit() for s in themes["Score"].astype(str))
    cells = {str(v) for v in themes.to_numpy().ravel()}
    assert not cells & {"None", "nan", "NaN", "<NA>"}
    spec = json.loads(app.get("vega_lite_chart")[1].proto.spec)
    assert '"labelLimit": 0' in json.dumps(spec)


def test_gaps_in_one_list_and_mab_headers_in_words(app):
    go(app, "scorecard")
    open_tab(app, "Indicators")
    app.toggle(key="scorecard_gaps").set_value(True).run()
    assert not app.exception
    gaps = next(d.value for d in app.dataframe if "Evidence" in d.value.columns)
    assert len({i.split(".")[0] for i in gaps["Indicator"]}) > 1  # several categories at once
    assert set(gaps["Status"]) <= {"Not available", "Unanswered"}
    open_tab(app, "MAB")
    mab = next(d.value for d in app.dataframe if "Stakeholder group" in d.value.columns)
    assert list(mab.columns)[:3] == ["Name", "Organisation", "Stakeholder group"]


def test_strengths_and_weaknesses_are_the_themes_furthest_from_the_own_mean(app):
    """Worked from the page's own theme table: the mean of the scored themes, then the three
    furthest above it (strengths) and below it (weaknesses), each list one Markdown block."""
    go(app, "scorecard")
    themes = next(t for t in static_tables(app) if "Id" in t.columns)
    scored = themes[themes["Score"].astype(str) != ""]
    score = dict(zip(scored["Id"], scored["Score"].astype(float), strict=True))
    mean = sum(score.values()) / len(score)
    blocks = {
        "strengths": next(m.value for m in app.markdown if "Relative strengths" in m.value),
        "weaknesses": next(m.value for m in app.markdown if "Relative weaknesses" in m.value),
    }
    listed = {
        kind: [line[2:].split(" ")[0] for line in block.splitlines() if line.startswith("- ")]
        for kind, block in blocks.items()
    }
    assert len(listed["strengths"]) == 3 and len(listed["weaknesses"]) == 3
    above = sorted((t for t in score if score[t] > mean), key=score.get, reverse=True)
    below = sorted((t for t in score if score[t] < mean), key=score.get)
    # the table is rounded, so a listed theme may tie with an unlisted one, never trail it
    assert all(score[t] > mean for t in listed["strengths"])
    assert min(score[t] for t in listed["strengths"]) >= score[above[2]]
    assert all(score[t] < mean for t in listed["weaknesses"])
    assert max(score[t] for t in listed["weaknesses"]) <= score[below[2]]
    first = blocks["strengths"].splitlines()[2]
    assert first.startswith(f"- {listed['strengths'][0]} ") and first.endswith(
        f": {score[listed['strengths'][0]]:.0f}"
    )
