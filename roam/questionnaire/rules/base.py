"""What a row rule declares: a named pandera check over the coerced rows, the issue it raises
and the fields of that issue's message. The schema (row_schema.py) is the union of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from roam.framework import Framework

Record = dict[str, Any]  # one coerced row (see roam/questionnaire/rows.py)


@dataclass(frozen=True)
class RowContext:
    """What a check or a message may need beyond its own row."""

    earliest_year: int
    this_year: int
    framework: Framework | None = None
    records: tuple[Record, ...] = ()
    first_seen: dict[str, int] | None = None  # indicator -> index of its first row


@dataclass(frozen=True)
class RowCheck:
    """One pandera check, named like the rule, and how its failures become issues.

    `column` names the frame column the check runs on; None makes it a check of the whole
    frame. `make(context)` returns the check function (a Series or DataFrame to booleans).
    `fields(row, context)` gives the issue's value and template fields; `field` is the row
    field whose cell the issue points at."""

    name: str
    code: str
    field: str
    column: str | None
    make: Callable[[RowContext], Callable[[Any], pd.Series]]
    fields: Callable[[Record, RowContext], dict[str, Any]]


def flag(name: str, code: str, field: str, column: str, fields) -> RowCheck:  # type: ignore[no-untyped-def]
    """A check over a boolean column that coercion already filled in."""
    return RowCheck(name, code, field, column, lambda ctx: lambda s: s, fields)
