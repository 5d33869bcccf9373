"""Turn what people type into typed values, forgiving the usual spreadsheet habits."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from roam.framework.catalogue import ChoiceScale
from roam.framework.models import normalise_label

NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


@dataclass(frozen=True)
class ParsedNumber:
    value: float | None
    ok: bool
    percent_sign: bool = False


def parse_number(raw: object) -> ParsedNumber:
    """Numbers, numbers stored as text, decimal commas, thousands separators and a % sign."""
    if raw is None:
        return ParsedNumber(None, True)
    if isinstance(raw, bool):
        return ParsedNumber(None, False)
    if isinstance(raw, int | float):
        return ParsedNumber(float(raw), not math.isnan(float(raw)))
    if not isinstance(raw, str):
        return ParsedNumber(None, False)
    text = raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("'", "")
    percent = text.endswith("%")
    text = text.rstrip("%")
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    elif text.count(",") > 1:
        text = text.replace(",", "")
    if not NUMBER.match(text):
        return ParsedNumber(None, False, percent)
    return ParsedNumber(float(text), True, percent)


def parse_year(raw: object) -> tuple[int | None, bool]:
    if raw is None:
        return None, True
    if raw.__class__ is int:
        return raw, True  # type: ignore[return-value]
    if raw.__class__ is float and raw.is_integer():  # type: ignore[attr-defined]
        return int(raw), True  # type: ignore[call-overload]
    if isinstance(raw, dt.date):
        return raw.year, True
    number = parse_number(raw)
    if number.ok and number.value is not None and float(number.value).is_integer():
        return int(number.value), True
    return None, False


class AnswerMatcher:
    """Match typed answers to a choice scale's labels: case, spaces and level numbers forgiven."""

    def __init__(self, scale: ChoiceScale) -> None:
        self.labels = scale.labels
        self.exact = {label: label for label in scale.labels}
        self.lookup: dict[str, str] = {}
        for label in scale.labels:
            self.lookup[normalise_label(label)] = label
            head = label.split(" - ", 1)[0]
            if head != label:
                self.lookup.setdefault(normalise_label(head), label)
                tail = label.split(" - ", 1)[1]
                self.lookup.setdefault(normalise_label(tail), label)

    def match(self, raw: object) -> str | None:
        if raw is None:
            return None
        exact = self.exact.get(raw) if isinstance(raw, str) else None
        if exact is not None:
            return exact
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        return self.lookup.get(normalise_label(str(raw)))


def status_lookup(statuses: list[tuple[str, str]]) -> dict[str, str]:
    """Labels and codes of data statuses, normalised, mapped to codes."""
    table = {}
    for code, label in statuses:
        table[label] = code
        table[normalise_label(label)] = code
        table[normalise_label(code.replace("_", " "))] = code
    return table
