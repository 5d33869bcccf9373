"""Rating workbooks: one per participant (plus a blank one for workshop walk-ins) to fill in
offline, and reading them back with located, plain-language errors.

Written with xlsxwriter (strings never become formulas: every finding and comment is written as
text); findings are locked, the Rating column has a dropdown. Read with calamine, which returns
the values stored in the file and never calculates a formula; a formula anywhere in the input
cells is refused, since a rating must be what the person typed.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field
from typing import Any

from roam import xlsxwrite as X
from roam.errors import ValidationReport
from roam.questionnaire.read import clean, open_workbook, read_key_values, read_rows
from roam.questionnaire.sniff import open_package
from roam.questionnaire.vocab import vocabulary
from roam.review import issues
from roam.review.model import KIND_NAMES, Participant, RoundData
from roam.review.rules import ReviewRules

ABOUT, RATINGS, META, LISTS = "About", "Ratings", "_review", "_lists"
COLUMNS = [  # (key, header, width)
    ("finding", "Finding ID", 11),
    ("kind", "Kind", 13),
    ("title", "Finding", 48),
    ("detail", "Answers and evidence", 48),
    ("score", "Score", 22),
    ("rating", "Rating", 18),
    ("comment", "Comment", 40),
]
PERSON = [  # (key, label) on the About sheet, column A label, column B value
    ("key", "Participant code"),
    ("name", "Name"),
    ("organisation", "Organisation"),
    ("group", "Stakeholder group"),
    ("gender", "Gender"),
    ("share_name", "My name may appear in the published record (Yes/No)"),
]
PERSON_ROW = 8  # 0-based row of the first participant field on the About sheet


def findings_checksum(findings: list[dict[str, Any]]) -> str:
    """Identifies the exact findings a sheet was written for (id and wording)."""
    text = json.dumps([[f["id"], f["title"], f["answer"]] for f in findings], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def sheet_name(data: RoundData, person: Participant | None) -> str:
    who = "walk-in" if person is None else person.key
    return f"{data.country}_{data.year}_round{data.number}_{who}.xlsx"


def write_rating_sheet(data: RoundData, person: Participant | None, rules: ReviewRules) -> bytes:
    """The rating workbook of ``person`` (None: a blank sheet for a walk-in)."""
    buffer = io.BytesIO()
    wb = X.new_workbook(buffer, f"Rating sheet: {data.label}")
    fmt = X.add_formats(
        wb,
        {
            "title": X.TITLE,
            "text": X.BASE,
            "header": X.HEADER,
            "locked": X.LOCKED,
            "input": {**X.BASE, "locked": False, "bg_color": "#fffbe6", "border": 1},
        },
    )
    lists = _write_lists(wb, rules)
    _write_about(wb, data, person, rules, fmt, lists)
    _write_ratings(wb, data, person, fmt, lists)
    values = {
        "country": data.country,
        "year": str(data.year),
        "round": str(data.number),
        "version": str(data.version),
        "participant": "" if person is None else person.key,
        "findings": findings_checksum(data.findings),
    }
    X.key_value_sheet(wb, META, values.items())
    wb.get_worksheet_by_name(RATINGS).activate()
    wb.close()
    return buffer.getvalue()


def _write_lists(wb, rules: ReviewRules) -> dict[str, str]:
    vocab = vocabulary()
    columns = [
        ("rating", rules.labels),
        ("group", list(vocab.stakeholder_groups)),
        ("gender", list(vocab.genders)),
        ("yes_no", ["Yes", "No"]),
    ]
    return X.list_sheet(wb, LISTS, columns)


def _write_about(wb, data, person, rules, fmt, lists) -> None:
    ws = wb.add_worksheet(ABOUT)
    ws.set_column(0, 0, 44, fmt["text"])
    ws.set_column(1, 1, 60, fmt["text"])
    ws.write_string(0, 0, f"Rating sheet: {data.name} {data.year}", fmt["title"])
    lines = [
        f"{KIND_NAMES[data.kind].capitalize()}, round {data.number}, on version {data.version} "
        "of the assessment.",
        "On the Ratings sheet, pick one rating per finding from the dropdown: "
        + ", ".join(rules.labels)
        + ". Add a comment wherever you wish; every comment gets a "
        "recorded response from the national team.",
        "Rate only what you want to rate; blank rows are left out. Sending a second sheet "
        "replaces your first (both are kept).",
        "Your stakeholder group and gender are recorded with your ratings; your name appears "
        "in the published record only if you say Yes below.",
    ]
    for i, line in enumerate(lines, start=2):
        ws.write_string(i, 0, line, fmt["text"])
    ws.write_string(PERSON_ROW - 1, 0, "About you", fmt["header"])
    known = {
        "key": "" if person is None else person.key,
        "name": "" if person is None else person.name,
        "organisation": "" if person is None else person.organisation,
        "group": "" if person is None else person.group,
        "gender": "" if person is None else (person.gender or ""),
        "share_name": "No" if person is None or not person.share_name else "Yes",
    }
    for i, (key, label) in enumerate(PERSON):
        row = PERSON_ROW + i
        ws.write_string(row, 0, label, fmt["locked"])
        style = fmt["locked"] if key == "key" else fmt["input"]
        ws.write_string(row, 1, known[key] or ("walk-in" if key == "key" else ""), style)
        source = {"group": "group", "gender": "gender", "share_name": "yes_no"}.get(key)
        if source:
            ws.data_validation(row, 1, row, 1, {"validate": "list", "source": lists[source]})
    ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})


def _write_ratings(wb, data, person, fmt, lists) -> None:
    ws = wb.add_worksheet(RATINGS)
    for c, (_, header, width) in enumerate(COLUMNS):
        ws.set_column(c, c, width)
        ws.write_string(0, c, header, fmt["header"])
    mine = data.ratings.get(person.key, {}) if person is not None else {}
    rating_col = [k for k, _, _ in COLUMNS].index("rating")
    for r, finding in enumerate(data.findings, start=1):
        detail = "\n".join(x for x in (finding.get("answer"), finding.get("evidence")) if x)
        cells = [
            finding["id"],
            finding["kind"],
            finding["title"],
            detail,
            finding.get("summary") or "",
        ]
        for c, value in enumerate(cells):
            ws.write_string(r, c, str(value), fmt["locked"])
        label, comment = mine.get(finding["id"], (None, None))
        ws.write_string(r, rating_col, label or "", fmt["input"])
        ws.write_string(r, rating_col + 1, comment or "", fmt["input"])
    last = len(data.findings)
    ws.data_validation(
        1,
        rating_col,
        max(last, 1),
        rating_col,
        {
            "validate": "list",
            "source": lists["rating"],
            "error_message": "Pick a rating from the list.",
        },
    )
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(last, 1), len(COLUMNS) - 1)
    X.protect_inputs(ws)


# --------------------------------------------------------------------------------- reading


@dataclass
class RatingSheet:
    """What a filled rating workbook says: who (participant code, or walk-in details) and
    their rating and comment per finding."""

    who: dict[str, Any]
    ratings: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)


def _cell(row: int, col: int) -> str:
    return f"{chr(ord('A') + col)}{row + 1}"


def check_rating_sheet(
    data: bytes, round_data: RoundData, rules: ReviewRules
) -> tuple[RatingSheet | None, ValidationReport]:
    """Never raises for a bad file: what could be read, and every problem found."""
    report = ValidationReport()
    package = open_package(data, vocabulary().limits, report, [ABOUT, RATINGS, META])
    if package is None:
        return None, report
    book = open_workbook(package, report)
    if book is None:
        return None, report
    try:
        names = list(book.sheet_names)
        if META not in names:
            issues.add(report, "not_rating_sheet")
            return None, report
        for sheet in (ABOUT, RATINGS):
            if sheet not in names:
                issues.add(report, "missing_rating_sheet", sheet=sheet, found=", ".join(names))
        if not report.valid:
            return None, report
        meta = read_key_values(read_rows(book, META))
        expected = f"{round_data.country} {round_data.year} round {round_data.number}"
        found = f"{meta.get('country')} {meta.get('year')} round {meta.get('round')}"
        if found != expected:
            issues.add(report, "wrong_round", sheet=META, found=found, expected=expected)
            return None, report
        if meta.get("findings") != findings_checksum(round_data.findings):
            issues.add(report, "findings_changed", sheet=META, expected=expected)
            return None, report
        formulas = {sheet: package.formulas_without_value(sheet) for sheet in (ABOUT, RATINGS)}
        formulas = {s: f | _formula_cells(package, s) for s, f in formulas.items()}
        who = _read_person(read_rows(book, ABOUT), round_data, formulas[ABOUT], report)
        ratings = _read_ratings(
            read_rows(book, RATINGS), round_data, rules, formulas[RATINGS], report
        )
    except Exception as exc:  # noqa: BLE001 - a damaged part must not become a traceback
        from roam.errors import make_issue

        report.issues.append(make_issue("corrupt", detail=f"{type(exc).__name__}"))
        return None, report
    finally:
        book.close()
    if report.valid and not ratings:
        issues.add(report, "no_ratings", sheet=RATINGS)
    if not report.valid:
        return None, report
    return RatingSheet(who, ratings), report


def _formula_cells(package, sheet: str) -> dict[str, str]:
    """Every formula cell of a sheet, with or without a cached value (refused either way)."""
    import re

    part = package.sheet_paths.get(sheet)
    if part is None:
        return {}
    xml = package.parts.get(part) or package.zip.read(part)
    found = {}
    for match in re.finditer(rb'<c\b[^>]*?\br="([A-Z]+[0-9]+)"[^>]*?>(.*?)</c>', xml, re.S):
        formula = re.search(rb"<f[^>]*>(.*?)</f>|<f[^>]*/>", match.group(2), re.S)
        if formula is not None:
            text = (formula.group(1) or b"shared formula").decode("utf-8", "replace")
            found[match.group(1).decode()] = "=" + text
    return found


def _read_person(rows, round_data, formulas, report) -> dict[str, Any]:
    values: dict[str, tuple[str, Any]] = {}
    labels = {label: key for key, label in PERSON}
    for r, row in enumerate(rows):
        if len(row) >= 1 and clean(row[0]) in labels:
            key = labels[clean(row[0])]  # type: ignore[index]
            cell = _cell(r, 1)
            if cell in formulas:
                issues.add(report, "formula_in_cell", sheet=ABOUT, cell=cell, value=formulas[cell])
            values[key] = (cell, clean(row[1]) if len(row) > 1 else None)
    vocab = vocabulary()
    out: dict[str, Any] = {}
    code_cell, code = values.get("key", (_cell(PERSON_ROW, 1), None))
    if code not in (None, "walk-in"):
        if round_data.participant(str(code)) is None:
            issues.add(
                report,
                "unknown_participant",
                sheet=ABOUT,
                cell=code_cell,
                value=code,
                expected=round_data.label,
            )
        out["key"] = str(code)
    for key in ("name", "organisation"):
        value = values.get(key, ("", None))[1]
        if value is not None:
            out[key] = str(value)
    cell, group = values.get("group", (_cell(PERSON_ROW + 3, 1), None))
    if group is None:
        if "key" not in out:
            issues.add(report, "missing_group", sheet=ABOUT, cell=cell)
    elif str(group) not in vocab.stakeholder_groups:
        issues.add(
            report,
            "bad_group",
            sheet=ABOUT,
            cell=cell,
            value=group,
            expected=", ".join(vocab.stakeholder_groups),
        )
    else:
        out["group"] = str(group)
    cell, gender = values.get("gender", ("", None))
    if gender is not None:
        if str(gender) not in vocab.genders:
            issues.add(
                report,
                "bad_gender",
                sheet=ABOUT,
                cell=cell,
                value=gender,
                expected=", ".join(vocab.genders),
            )
        else:
            out["gender"] = str(gender)
    cell, flag = values.get("share_name", ("", None))
    if flag is not None:
        answer = str(flag).strip().lower()
        if answer not in ("yes", "no"):
            issues.add(report, "bad_flag", sheet=ABOUT, cell=cell, value=flag)
        out["share_name"] = answer == "yes"
    return out


def _read_ratings(rows, round_data, rules, formulas, report):
    header = [str(clean(v) or "") for v in (rows[0] if rows else [])]
    wanted = {key: header.index(h) for key, h, _ in COLUMNS if h in header}
    if "finding" not in wanted or "rating" not in wanted:
        issues.add(report, "missing_header", sheet=RATINGS, cell="A1")
        return {}
    known = {f["id"] for f in round_data.findings}
    labels = {label.lower(): label for label in rules.labels}
    seen: dict[str, int] = {}
    out: dict[str, tuple[str | None, str | None]] = {}
    for r, row in enumerate(rows[1:], start=1):

        def get(key: str, row=row) -> Any:
            c = wanted.get(key)
            return clean(row[c]) if c is not None and c < len(row) else None

        finding = get("finding")
        rating, comment = get("rating"), get("comment")
        for key in ("rating", "comment"):
            cell = _cell(r, wanted[key]) if key in wanted else None
            if cell in formulas:
                issues.add(
                    report,
                    "formula_in_cell",
                    sheet=RATINGS,
                    cell=cell,
                    indicator=finding,
                    value=formulas[cell],
                )
                rating = None if key == "rating" else rating
                comment = None if key == "comment" else comment
        if finding is None:
            continue
        finding = str(finding)
        if finding not in known:
            issues.add(
                report,
                "unknown_finding",
                sheet=RATINGS,
                cell=_cell(r, wanted["finding"]),
                value=finding,
            )
            continue
        if finding in seen:
            issues.add(
                report,
                "duplicate_finding",
                sheet=RATINGS,
                cell=_cell(r, wanted["finding"]),
                indicator=finding,
                other=seen[finding],
            )
            continue
        seen[finding] = r + 1
        label = None
        if rating is not None:
            label = labels.get(str(rating).strip().lower())
            if label is None:
                issues.add(
                    report,
                    "bad_rating",
                    sheet=RATINGS,
                    cell=_cell(r, wanted["rating"]),
                    indicator=finding,
                    value=rating,
                    expected=", ".join(rules.labels),
                )
        text = None if comment is None else str(comment)
        if label or text:
            out[finding] = (label, text)
    return out
