"""Reading a questionnaire, step by step: the orchestration of the checks.

The file is sniffed and scanned (sniff.py, scan.py), read into raw tables (read.py), and each
row coerced (rows.py). The rules live one per module in roam/questionnaire/rules/, each with its
issue codes and messages; this module only decides their order and assembles the Assessment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from roam.errors import QuestionnaireError, ValidationReport
from roam.framework import Framework, available_versions, load_framework
from roam.i18n import language, languages
from roam.questionnaire import layout as L
from roam.questionnaire.expected import expectations, status_table
from roam.questionnaire.model import Assessment, AssessmentMeta
from roam.questionnaire.read import RawWorkbook, open_workbook, read_raw
from roam.questionnaire.recommendations import check_sheet
from roam.questionnaire.rows import coerce_row
from roam.questionnaire.rules import (
    answers,
    assessment_sheet,
    coverage,
    external,
    framework_version,
    indicator_ids,
    numbers,
    row_schema,
    statuses,
    structure,
)
from roam.questionnaire.rules import mab as mab_rules
from roam.questionnaire.rules.base import RowContext
from roam.questionnaire.sheets import all_candidates, candidates, find_sheets, required_roles
from roam.questionnaire.sniff import MB, Shape, open_package
from roam.questionnaire.vocab import Limits, vocabulary

Source = str | Path | bytes | bytearray | memoryview


def read_questionnaire(
    source: Source, *, filename: str | None = None, max_file_mb: float | None = None
) -> Assessment:
    """Read and validate a filled questionnaire; raise QuestionnaireError with every issue."""
    assessment, report = check_questionnaire(source, filename=filename, max_file_mb=max_file_mb)
    if assessment is None or not report.valid:
        raise QuestionnaireError(report)
    return assessment


def check_questionnaire(
    source: Source, *, filename: str | None = None, max_file_mb: float | None = None
) -> tuple[Assessment | None, ValidationReport]:
    """Never raises for a bad file: returns what could be read and the full report."""
    report = ValidationReport()
    try:
        return _check(source, filename, max_file_mb, report), report
    finally:
        report.close()


def _check(
    source: Source, filename: str | None, max_file_mb: float | None, report: ValidationReport
) -> Assessment | None:
    limits = vocabulary().limits
    if max_file_mb is not None:
        limits = limits.model_copy(update={"max_file_mb": max_file_mb})
    data = _load_bytes(source, limits, report)
    if data is None:
        return None
    if filename is None and isinstance(source, str | Path):
        filename = Path(source).name
    shape = Shape(rows=largest_catalogue() + limits.spare_rows, columns=limits.max_columns)
    package = open_package(data, limits, report, all_candidates(), shape)
    if package is None:
        return None
    found = find_sheets(package.sheet_states)
    required = [  # the workbook's own names; any language's names for a sheet it lacks
        name
        for role in required_roles()
        for name in ([found[role]] if role in found else candidates(role))
    ]
    internal = (L.META, found.get(L.LISTS, L.LISTS))
    structure.check_sheets(package.sheet_states, required, internal, report)
    external.check_links(package, report)
    book = open_workbook(package, report)
    if book is None:
        return None
    try:
        raw = read_raw(package, book, report)
    except Exception as exc:  # noqa: BLE001 - a damaged sheet part must not become a traceback
        report.add("corrupt", detail=f"{type(exc).__name__}: {str(exc)[:120]}")
        return None
    finally:
        book.close()
    if raw is None:
        return None
    report.language = raw.meta.get(L.LANGUAGE_KEY) or None  # messages may follow the workbook
    framework = framework_version.check_framework(raw, report)
    if framework is None:
        return None
    meta = assessment_sheet.read_meta(raw, framework, report)
    with language(report.language if report.language in languages() else None):
        responses = _responses(raw, framework, meta, limits, report)  # lists in its language
    mab = mab_rules.read_mab(raw.mab, report)
    recommendations = check_sheet(raw.recommendations, framework, report)
    if meta is None:
        return None
    report.issues.sort(key=_issue_order(raw))
    return Assessment(
        meta=meta,
        responses=responses,
        mab=mab,
        report=report,
        filename=filename,
        sha256=hashlib.sha256(data).hexdigest(),
        recommendations=recommendations,
    )


@lru_cache(maxsize=1)
def largest_catalogue() -> int:
    """Indicators in the largest framework this roam knows: the rows a sheet can need."""
    return max((len(load_framework(v).entries) for v in available_versions()), default=0)


def _load_bytes(source: Source, limits: Limits, report: ValidationReport) -> bytes | None:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    path = Path(source)
    if not path.is_file():
        report.add("file_missing", path=path)
        return None
    size = path.stat().st_size
    if size > limits.max_file_mb * MB:
        report.add("file_too_large", size_mb=size / MB, limit_mb=limits.max_file_mb)
        return None
    return path.read_bytes()


def _issue_order(raw: RawWorkbook):
    """Errors before warnings (what blocks the upload first), then in workbook order."""
    order = {name: i for i, name in enumerate(raw.sheet_names)}

    def key(issue) -> tuple:
        cell = issue.cell or ""
        digits = "".join(ch for ch in cell if ch.isdigit())
        letters = "".join(ch for ch in cell if ch.isalpha())
        return (
            issue.severity != "error",
            order.get(issue.sheet, -1),
            int(digits) if digits else 0,
            len(letters),
            letters,
        )

    return key


# ------------------------------------------------------------------------------ responses


def _responses(
    raw: RawWorkbook,
    framework: Framework,
    meta: AssessmentMeta | None,
    limits: Limits,
    report: ValidationReport,
) -> pd.DataFrame:
    """Coerce every row, run the row rules (schema, then those that need the catalogue), and
    complete the table to one row per indicator of the assessed set."""
    expected, statuses_ = expectations(framework), status_table()
    records: list[dict[str, Any]] = [
        coerce_row(code, sheet, row0, values, expected, statuses_, report)
        for code, sheet in raw.categories.items()
        for row0, values in sheet.rows
    ]
    first_seen: dict[str, int] = {}
    for idx, rec in enumerate(records):
        if rec["known"]:
            first_seen.setdefault(rec["indicator_id"], idx)
    context = RowContext(
        limits.earliest_data_year, dt.date.today().year, framework, tuple(records), first_seen
    )
    row_schema.run_schema(records, context, report)
    firsts = [records[idx] for idx in sorted(first_seen.values())]
    sheet_of = raw.category_sheets()  # as the workbook names them
    for row in firsts:  # the rules that need the catalogue, in the order a reader fixes them
        indicator_ids.check_row(row, framework, sheet_of, report)
        numbers.check_row(row, report)
        answers.check_row(row, report)
        statuses.check_row(row, report)
    indicator_set = meta.indicator_set if meta else raw.meta.get("indicator_set", "full")
    return coverage.complete(firsts, framework, indicator_set, sheet_of, report)
