"""The change-over-time page through AppTest, on a store with the two-year sample added."""

from __future__ import annotations

from pathlib import Path

from roam.store import Store
from tests.app.conftest import go, static_tables

OVER_TIME = Path(__file__).resolve().parents[2] / "sample_data" / "over_time"


def test_change_page_without_two_years_says_how_to_get_them(app):
    go(app, "change")
    assert app.title[0].value == "Change over time"
    assert "No country has two assessment years stored yet" in app.info[0].value


def test_change_page_shows_verdicts_intervals_and_changed_indicators(app):
    Store().ingest(sorted(OVER_TIME.glob("*.xlsx")), user="tester", note="two-year sample")
    go(app, "change")
    assert not app.error
    app.selectbox(key="change_country").set_value("XI").run()
    app.selectbox(key="change_from").set_value(2023).run()
    app.selectbox(key="change_to").set_value(2025).run()
    assert not app.exception
    metrics = {m.label: m for m in app.metric}
    assert list(metrics)[:2] == ["ROAM index", "R Rights"]
    assert metrics["A Accessibility to all"].delta.startswith("+")
    captions = " ".join(c.value for c in app.caption)
    assert "90% intervals of the change from 300 paired draws" in captions
    assert "**improved**" in captions and "**declined**" in captions
    themes = static_tables(app)[0]
    assert set(themes["Verdict"]) >= {"improved", "declined", "no change beyond uncertainty"}
    app.toggle(key="change_only").set_value(True).run()
    changed_only = static_tables(app)[0]
    assert set(changed_only["Verdict"]) <= {"improved", "declined"}
    assert 0 < len(changed_only) < len(themes)
    indicators = static_tables(app)[1]
    assert len(indicators) > 0 and indicators["Indicator"].str[0].isin(list("RAM")).all()
    header = [h.value for h in app.subheader]
    assert f"Indicators whose answers changed ({len(indicators)})" in header
