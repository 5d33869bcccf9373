"""The scorecard says in one sentence which uncertain choice the index interval comes from."""

from __future__ import annotations

from tests.app.conftest import go


def test_scorecard_names_the_main_driver_of_the_interval(app):
    go(app, "scorecard")
    captions = [c.value for c in app.caption]
    driver = [c for c in captions if c.startswith("ROAM index: ")]
    assert driver == [next(c for c in captions if "interval comes from the choice of mean" in c)], (
        captions
    )
