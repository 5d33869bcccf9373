"""The scorecard says in one sentence which uncertain choice the index interval comes from, when
asked: the app's run profile leaves the sensitivity analysis out (scoring.yaml), the scorecard's
switch asks for it, and the run record says whether it ran."""

from __future__ import annotations

from tests.app.conftest import go


def _driver(app) -> list[str]:
    return [c.value for c in app.caption if c.value.startswith("ROAM index: ")]


def test_scorecard_names_the_main_driver_of_the_interval_when_asked(app):
    go(app, "scorecard")
    assert _driver(app) == []  # the app profile does not run it
    toggle = app.toggle(key="scorecard_sensitivity")
    assert toggle.value is False
    toggle.set_value(True).run()
    assert not app.exception
    captions = [c.value for c in app.caption]
    driver = _driver(app)
    assert driver == [next(c for c in captions if "interval comes from the choice of mean" in c)], (
        captions
    )
    toggle = app.toggle(key="scorecard_sensitivity")
    toggle.set_value(False).run()
    assert _driver(app) == []
