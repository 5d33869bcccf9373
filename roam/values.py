"""What counts as "no value" across roam: None, NaN and pandas' NA alike, decided in one place."""

from __future__ import annotations

from typing import Any

import pandas as pd


def is_blank(value: Any) -> bool:
    """True for None, NaN and pandas' NA; fast paths first because readers call this per cell."""
    if value is None:
        return True
    if value.__class__ is str:
        return False
    if value.__class__ is float:
        return value != value  # NaN is the only float unequal to itself
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists, dicts and other containers are values
        return False


def is_present(value: Any) -> bool:
    return not is_blank(value)


def plain(value: Any) -> Any:
    """A JSON- and template-friendly value: blanks become None, numpy scalars Python scalars."""
    if is_blank(value):
        return None
    return value.item() if hasattr(value, "item") else value


def number_or_none(value: Any) -> float | None:
    """A float, or None for blanks and for what is not a number (JSON and CSV want no NaN)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number
