"""One rule for blank values and numbers across roam."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from roam.values import is_blank, number_or_none, plain


@pytest.mark.parametrize("value", [None, math.nan, np.nan, pd.NA, pd.NaT])
def test_blanks(value):
    assert is_blank(value) and plain(value) is None and number_or_none(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, 3.0),
        ("2.5", 2.5),
        (np.float64(7.25), 7.25),
        (np.int64(4), 4.0),
        ("n/a", None),
        ([1], None),
    ],
)
def test_number_or_none(value, expected):
    assert number_or_none(value) == expected


def test_text_and_containers_are_values():
    assert not is_blank("") and not is_blank([]) and plain(np.int64(5)) == 5
