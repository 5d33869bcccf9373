"""What coercion expects of each indicator is worked out once per framework object, kept for
that object only, and the same in every language."""

from __future__ import annotations

import copy
import math
from pathlib import Path

import pytest

from roam.framework import load_framework
from roam.i18n import language
from roam.questionnaire.expected import expectations, status_table

FW = load_framework("2018")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "frameworks"


def test_kept_per_framework_and_given_back_for_the_same_one():
    first = expectations(FW)
    assert expectations(FW) is first
    assert len(first) == len(FW.entries) == 303
    fixture = load_framework("2024", root=FIXTURES)
    small = expectations(fixture)
    assert small is not first and set(small) == {e.id for e in fixture.entries}
    assert expectations(FW) is first  # the 2018 entry survives reading another framework


def test_a_changed_framework_is_not_read_with_the_old_expectations():
    changed = copy.deepcopy(FW)
    percentage = changed.scales["percentage"]
    changed.scales["percentage"] = percentage.model_copy(update={"maximum": 50})
    ind = next(e.id for e in FW.entries if e.indicator.scale == "percentage")
    assert expectations(FW)[ind].high == 100 and expectations(FW)[ind].percentage
    assert expectations(changed)[ind].high == 50 and not expectations(changed)[ind].percentage


def test_ranges_scales_and_units_come_from_the_catalogue():
    fixture = load_framework("2024", root=FIXTURES)
    found = expectations(fixture)
    share = found["R.A.2.1"]
    assert (share.scale, share.scale_type, share.unit) == (
        "percentage",
        "numeric",
        "% of respondents",
    )
    assert (share.low, share.high, share.percentage, share.matcher) == (0, 100, True, None)
    law = found["R.A.1.1"]
    assert law.scale_type == "choice" and not law.numeric
    assert math.isnan(law.low) and math.isnan(law.high)


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_same_in_every_language(lang):
    ind = next(e.id for e in FW.entries if e.indicator.scale == "yes_partly_no")
    english = expectations(FW)
    with language(lang):
        assert expectations(FW) is english
        matcher = expectations(FW)[ind].matcher
        assert [matcher.match(t) for t in ("Oui", "Sí", "نعم", "Yes")] == ["Yes"] * 4
        assert status_table()["Available"] == "available"
        assert status_table()["disponible"] == "available"
