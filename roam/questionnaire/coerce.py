"""Turn what people type into typed values, forgiving the usual spreadsheet habits."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from roam.framework.catalogue import ChoiceScale
from roam.framework.models import normalise_label

MAX_NUMBER_CHARS = 64  # longer text is not a number anyone typed; never handed to the pattern
MAX_YEAR = 9999
# Arabic-Indic and Persian digits, the Arabic decimal and thousands separators, as typed in Arabic.
_LOCAL_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "\u066b": ".",
        "\u066c": "",
    }
)
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
        number = float(raw)
        return ParsedNumber(number, True) if math.isfinite(number) else ParsedNumber(None, False)
    if not isinstance(raw, str):
        return ParsedNumber(None, False)
    text = (
        raw.translate(_LOCAL_DIGITS)
        .replace("\u00a0", "")
        .replace("\u202f", "")
        .replace(" ", "")
        .replace("'", "")
    )
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
    if len(text) > MAX_NUMBER_CHARS or not NUMBER.match(text):
        return ParsedNumber(None, False, percent)
    number = float(text)
    if not math.isfinite(number):  # 1e400 is read as infinity: refused here, at the cell
        return ParsedNumber(None, False, percent)
    return ParsedNumber(number, True, percent)


def parse_year(raw: object) -> tuple[int | None, bool]:
    """A data year: a whole number within +-9999, as a number, a date or text."""
    if raw is None:
        return None, True
    if isinstance(raw, float):  # how spreadsheets store 2023 (numpy floats too)
        if raw.is_integer() and abs(raw) <= MAX_YEAR:
            return int(raw), True
        return None, False  # 2023.5, NaN, infinity, 1e19: what parse_number would refuse too
    if raw.__class__ is int and -MAX_YEAR <= raw <= MAX_YEAR:  # type: ignore[operator]
        return raw, True  # type: ignore[return-value]
    if isinstance(raw, dt.date):
        return raw.year, True
    number = parse_number(raw)
    value = number.value
    if number.ok and value is not None and value.is_integer() and abs(value) <= MAX_YEAR:
        return int(value), True  # 1e19 is not a year (and would overflow a year column)
    return None, False


class AnswerMatcher:
    """Match typed answers to a choice scale's labels: case, spaces and level numbers forgiven.

    `aliases` are (typed label, English label) pairs, e.g. the scale's translations ("Oui",
    "Yes"); they are matched like the labels themselves, and without accents or vowel marks.
    """

    def __init__(self, scale: ChoiceScale, aliases: Iterable[tuple[str, str]] = ()) -> None:
        from roam.questionnaire.vocab import fold

        self._fold = fold
        self.labels = scale.labels
        self.exact = {label: label for label in scale.labels}
        self.lookup: dict[str, str] = {}
        pairs = [(label, label) for label in scale.labels] + [
            (alias, label) for alias, label in aliases if label in self.exact
        ]
        for typed, label in pairs:
            forms = [typed]
            head = typed.split(" - ", 1)[0]
            if head != typed:
                forms += [head, typed.split(" - ", 1)[1]]
            for form in forms:
                self.lookup.setdefault(normalise_label(form), label)
        for key, label in list(self.lookup.items()):
            self.lookup.setdefault(fold(key), label)

    def match(self, raw: object) -> str | None:
        if raw is None:
            return None
        exact = self.exact.get(raw) if isinstance(raw, str) else None
        if exact is not None:
            return exact
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        text = str(raw)
        return self.lookup.get(normalise_label(text)) or self.lookup.get(self._fold(text))


def status_lookup(statuses: list[tuple[str, str]]) -> dict[str, str]:
    """Labels and codes of data statuses, normalised, mapped to codes."""
    table = {}
    for code, label in statuses:
        table[label] = code
        table[normalise_label(label)] = code
        table[normalise_label(code.replace("_", " "))] = code
    from roam.questionnaire.vocab import vocabulary

    codes = {code for code, _ in statuses}
    for typed, code in vocabulary().lookup("statuses").items():  # labels in every language
        if code in codes:
            table.setdefault(typed, code)
    return table


def as_text(value: object) -> str | None:
    """A cell as text: whole numbers without '.0', blanks as None."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
