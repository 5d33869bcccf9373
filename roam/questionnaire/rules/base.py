"""What a row rule declares: a named pandera check over the coerced rows, the issue it raises
and the fields of that issue's message. The schema (row_schema.py) is the union of them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

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


Columns = Mapping[str, np.ndarray]  # the compact coerced rows, column by column


@dataclass(frozen=True)
class RowCheck:
    """One pandera check, named like the rule, and how its failures become issues.

    `column` names the frame column the check runs on; None makes it a check of the whole
    frame. `make(context)` returns the check function over plain arrays: a column's values
    (its blanks left out, as pandera does) or every column (a frame check), to one boolean
    per row. Plain arrays let the same function serve pandera (row_schema.py wraps it) and a
    quick pass that needs no pandas. `fields(row, context)` gives the issue's value and
    template fields; `field` is the row field whose cell the issue points at."""

    name: str
    code: str
    field: str
    column: str | None
    make: Callable[[RowContext], Callable[[Any], np.ndarray]]
    fields: Callable[[Record, RowContext], dict[str, Any]]


def flag(name: str, code: str, field: str, column: str, fields) -> RowCheck:  # type: ignore[no-untyped-def]
    """A check over a boolean column that coercion already filled in."""
    return RowCheck(name, code, field, column, lambda ctx: lambda s: s, fields)


def repeated(values: np.ndarray) -> np.ndarray:
    """True where a value already appeared higher up (pandas' duplicated(keep="first"))."""
    seen: set[Any] = set()
    out = np.zeros(len(values), dtype=bool)
    for i, value in enumerate(values):
        if value in seen:
            out[i] = True
        else:
            seen.add(value)
    return out
