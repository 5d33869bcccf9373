"""From raw workbook tables to a checked Assessment: pandera for the table, rules for the domain.

Values are coerced first (so one bad cell gives one message, not a cascade), then a pandera schema
checks every row lazily, and each failure is turned into a located issue from roam.errors.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa

from roam.countries import UnknownCountry, resolve_country
from roam.errors import QuestionnaireError, ValidationReport
from roam.framework import CatalogueError, Framework, available_versions, load_framework
from roam.framework.catalogue import ChoiceScale, NumericScale
from roam.framework.models import normalise_label
from roam.questionnaire import layout as L
from roam.questionnaire.coerce import AnswerMatcher, parse_number, parse_year, status_lookup
from roam.questionnaire.model import MAB_FIELDS, RESPONSE_COLUMNS, Assessment, AssessmentMeta
from roam.questionnaire.read import RawSheet, RawWorkbook, open_workbook, read_raw
from roam.questionnaire.rules import external, structure
from roam.questionnaire.sniff import MB, Shape, open_package
from roam.questionnaire.vocab import Limits, vocabulary
from roam.values import is_present

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
    required = [L.ASSESSMENT, *vocabulary().category_sheets.values(), L.MAB]
    shape = Shape(rows=largest_catalogue() + limits.spare_rows, columns=limits.max_columns)
    package = open_package(data, limits, report, [L.META, *required], shape)
    if package is None:
        return None
    structure.check_sheets(package.sheet_states, required, (L.META, L.LISTS), report)
    external.check_links(package, report)
    book = open_workbook(package, report)
    if book is None:
        return None
    try:
        raw = read_raw(package, book, vocabulary().category_sheets, report)
    except Exception as exc:  # noqa: BLE001 - a damaged sheet part must not become a traceback
        report.add("corrupt", detail=f"{type(exc).__name__}: {str(exc)[:120]}")
        return None
    finally:
        book.close()
    if raw is None:
        return None
    framework = _framework_of(raw, report)
    if framework is None:
        return None
    meta = _read_meta(raw, framework, report)
    responses = _responses(raw, framework, meta, limits, report)
    mab = _mab(raw.mab, report)
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


# ------------------------------------------------------------------ framework and metadata


def _framework_of(raw: RawWorkbook, report: ValidationReport) -> Framework | None:
    version = raw.meta.get("framework_version")
    if not version:
        report.add("missing_metadata", sheet=L.META)
        return None
    try:
        framework = load_framework(version)
    except CatalogueError:
        known = ", ".join(available_versions()) or "none"
        report.add(
            "unknown_framework",
            sheet=L.META,
            cell="B1",
            value=version,
            version=version,
            known=known,
        )
        return None
    checksum = raw.meta.get("catalogue_checksum", "")
    if checksum != framework.checksum:
        report.add(
            "checksum_mismatch",
            sheet=L.META,
            cell="B2",
            value=checksum,
            version=version,
            found=checksum or "none",
            expected=framework.checksum,
        )
        return None
    return framework


def _read_meta(
    raw: RawWorkbook, framework: Framework, report: ValidationReport
) -> AssessmentMeta | None:
    fields = raw.assessment
    this_year = dt.date.today().year
    ok = True

    def get(key: str) -> tuple[str, Any]:
        row = 1 + [k for k, _ in L.ASSESSMENT_FIELDS].index(key)
        return fields.get(key, (L.cell_ref(row, 1), None))

    def text(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    name_cell, name = get("country")
    code_cell, code = get("iso_code")
    country = None
    if not text(name) and not text(code):
        report.add("missing_field", sheet=L.ASSESSMENT, cell=code_cell, field="ISO code")
        ok = False
    else:
        cell, given = (code_cell, text(code)) if text(code) else (name_cell, text(name))
        try:
            country = resolve_country(given, text(name) or None)
        except UnknownCountry:
            report.add("unknown_country", sheet=L.ASSESSMENT, cell=cell, value=given)
            ok = False
        if country and text(name) and text(code) and not country.user_assigned:
            try:
                by_name = resolve_country(text(name))
            except UnknownCountry:
                by_name = None
            if by_name is not None and by_name.code != country.code:
                report.add(
                    "country_name_mismatch",
                    sheet=L.ASSESSMENT,
                    cell=name_cell,
                    value=text(name),
                    name=text(name),
                    code=country.code,
                    official=country.name,
                )
    year_cell, year_raw = get("year")
    year, year_ok = parse_year(year_raw)
    if year is None or not year_ok or not 2000 <= year <= this_year + 1:
        if year_raw is None:
            report.add("missing_field", sheet=L.ASSESSMENT, cell=year_cell, field="Assessment year")
        else:
            report.add(
                "bad_year",
                sheet=L.ASSESSMENT,
                cell=year_cell,
                value=text(year_raw),
                low=2000,
                high=this_year + 1,
            )
        ok = False
    set_cell, set_raw = get("indicator_set")
    indicator_set = text(set_raw).lower() or raw.meta.get("indicator_set", "full")
    if indicator_set not in ("core", "full"):
        report.add("bad_indicator_set", sheet=L.ASSESSMENT, cell=set_cell, value=text(set_raw))
        ok = False
    flag_cell, flag_raw = get("fictional")
    flag = normalise_label(text(flag_raw))
    if flag not in ("", "yes", "no", "true", "false"):
        report.add("bad_flag", sheet=L.ASSESSMENT, cell=flag_cell, value=text(flag_raw))
        ok = False
    if not ok or country is None or year is None:
        return None
    return AssessmentMeta(
        country=text(name) or country.name,
        iso_code=country.code,
        year=year,
        framework=framework.version,
        indicator_set=indicator_set,  # type: ignore[arg-type]
        lead_institution=text(get("lead_institution")[1]),
        contact=text(get("contact")[1]),
        fictional=flag in ("yes", "true"),
    )


# ------------------------------------------------------------------------------ responses


def _responses(
    raw: RawWorkbook,
    framework: Framework,
    meta: AssessmentMeta | None,
    limits: Limits,
    report: ValidationReport,
) -> pd.DataFrame:
    vocab = vocabulary()
    statuses = status_lookup([(s.code, s.label) for s in vocab.data_statuses])
    matchers = {
        sid: AnswerMatcher(scale)
        for sid, scale in framework.scales.items()
        if isinstance(scale, ChoiceScale)
    }
    sheet_of = vocab.category_sheets
    records: list[dict[str, Any]] = []
    for code, sheet in raw.categories.items():
        for row0, values in sheet.rows:
            records.append(
                _coerce_row(code, sheet, row0, values, framework, matchers, statuses, report)
            )
    this_year = dt.date.today().year
    first_seen: dict[str, int] = {}
    for idx, rec in enumerate(records):
        if rec["known"]:
            first_seen.setdefault(rec["indicator_id"], idx)
    _run_schema(records, first_seen, framework, limits.earliest_data_year, this_year, report)
    firsts = [records[idx] for idx in sorted(first_seen.values())]
    _domain_rules(firsts, framework, sheet_of, report)
    indicator_set = meta.indicator_set if meta else raw.meta.get("indicator_set", "full")
    return _complete(firsts, framework, indicator_set, report)


def _coerce_row(
    code: str,
    sheet: RawSheet,
    row0: int,
    values: dict[str, Any],
    framework: Framework,
    matchers: dict[str, AnswerMatcher],
    statuses: dict[str, str],
    report: ValidationReport,
) -> dict[str, Any]:
    cells = _Cells(row0, sheet.columns)
    ind_id = "" if values.get("indicator_id") is None else str(values["indicator_id"]).strip()
    entry = framework.by_id.get(ind_id)
    formula_cells = False
    for key in ("answer", "value", "data_year", "status", "source", "evidence") * bool(
        sheet.formulas
    ):
        ref = cells.get(key)
        if ref and ref in sheet.formulas:
            formula_cells = True
            report.add(
                "formula_no_value",
                sheet=sheet.name,
                cell=ref,
                indicator=ind_id or None,
                value=sheet.formulas[ref],
                formula=sheet.formulas[ref],
            )
    rec: dict[str, Any] = {
        "indicator_id": ind_id,
        "category": code,
        "sheet": sheet.name,
        "row": row0 + 1,
        "known": entry is not None,
        "scale": None,
        "scale_type": None,
        "answer_raw": values.get("answer"),
        "answer": None,
        "value_raw": values.get("value"),
        "value": float("nan"),
        "value_ok": True,
        "low": float("nan"),
        "high": float("nan"),
        "unit": None,
        "year_raw": values.get("data_year"),
        "data_year": None,
        "year_ok": True,
        "status_raw": values.get("status"),
        "status": None,
        "source": _as_text(values.get("source")),
        "evidence": _as_text(values.get("evidence")),
        "cells": cells,
        "fraction": False,
        "answer_as_value": False,
        "formula": formula_cells,
    }
    year, year_ok = parse_year(values.get("data_year"))
    rec["data_year"], rec["year_ok"] = year, year_ok
    if entry is not None:
        ind = entry.indicator
        scale = framework.scales[ind.scale]
        rec.update(scale=ind.scale, scale_type=scale.type, unit=ind.unit)
        if isinstance(scale, ChoiceScale):
            rec["answer"] = matchers[scale.id].match(values.get("answer"))
        elif isinstance(scale, NumericScale):
            raw_value = values.get("value")
            if raw_value is None and values.get("answer") is not None:
                raw_value = values.get("answer")
                rec["value_raw"], rec["answer_raw"] = raw_value, None
                rec["answer_as_value"] = True
            number = parse_number(raw_value)
            rec["value_ok"] = number.ok
            value = number.value
            is_percentage = scale.maximum == 100 and "%" in (ind.unit or "")
            if value is not None and is_percentage and not number.percent_sign and 0 < value < 1:
                value, rec["fraction"] = value * 100, True
            rec["value"] = float("nan") if value is None else value
            rec["low"] = scale.minimum if scale.minimum is not None else float("-inf")
            rec["high"] = scale.maximum if scale.maximum is not None else float("inf")
        else:
            rec["answer"] = _as_text(values.get("answer"))
    status_raw = values.get("status")
    if status_raw is None:
        has_answer = rec["answer"] is not None or not pd.isna(rec["value"])
        has_answer = has_answer or rec["answer_raw"] is not None or rec["value_raw"] is not None
        rec["status"] = "available" if has_answer else "unanswered"
    else:
        rec["status"] = statuses.get(status_raw) or statuses.get(
            normalise_label(str(status_raw)), "invalid"
        )
    return rec


class _Cells:
    """Excel references of one row's fields, made only when an issue needs one."""

    __slots__ = ("columns", "row0")

    def __init__(self, row0: int, columns: dict[str, int]) -> None:
        self.row0, self.columns = row0, columns

    def get(self, key: str, default: str | None = None) -> str | None:
        col = self.columns.get(key)
        return default if col is None else L.cell_ref(self.row0, col)

    def __getitem__(self, key: str) -> str:
        return L.cell_ref(self.row0, self.columns[key])

    def __contains__(self, key: str) -> bool:
        return key in self.columns


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --------------------------------------------------------------------------- pandera schema

# check name -> (issue code, field whose cell is reported)
CHECK_ISSUES = {
    "known_indicator": ("unknown_indicator", "indicator_id"),
    "unique_indicator": ("duplicate_indicator", "indicator_id"),
    "valid_status": ("bad_status", "status"),
    "answer_on_scale": ("answer_not_on_scale", "answer"),
    "value_is_number": ("not_a_number", "value"),
    "value_in_range": ("value_out_of_range", "value"),
    "year_is_year": ("old_year", "data_year"),
    "year_not_future": ("future_year", "data_year"),
}


@lru_cache(maxsize=4)
def response_schema(earliest_year: int, this_year: int) -> pa.DataFrameSchema:
    """Row rules over the compact coerced frame; each check is named after the issue it raises."""

    def flag(name: str) -> pa.Column:
        # No dtype: the compact frame is typed by construction, and pandera's dtype probe is
        # the slowest part of a validation this small.
        return pa.Column(None, pa.Check(lambda s: s, name=name))

    return pa.DataFrameSchema(
        {
            "known": flag("known_indicator"),
            "status_ok": flag("valid_status"),
            "answer_ok": flag("answer_on_scale"),
            "value_ok": flag("value_is_number"),
            "year_ok": flag("year_is_year"),
            "value": pa.Column(None, nullable=True),
            "data_year": pa.Column(
                None,
                [
                    pa.Check(lambda s: s.isna() | (s >= earliest_year), name="year_is_year"),
                    pa.Check(lambda s: s.isna() | (s <= this_year), name="year_not_future"),
                ],
                nullable=True,
            ),
        },
        checks=[
            pa.Check(
                lambda df: ~df["known"] | ~df["indicator_id"].duplicated(keep="first"),
                name="unique_indicator",
            ),
            pa.Check(
                lambda df: (
                    df["value"].isna() | ((df["value"] >= df["low"]) & (df["value"] <= df["high"]))
                ),
                name="value_in_range",
            ),
        ],
        coerce=False,
    )


def _compact_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    """Only what the schema checks, as typed arrays: pandera stays fast on plain columns."""
    nan = float("nan")
    return pd.DataFrame(
        {
            "indicator_id": np.array([r["indicator_id"] for r in records], dtype=object),
            "known": np.array([r["known"] for r in records], dtype=bool),
            "status_ok": np.array([r["status"] != "invalid" for r in records], dtype=bool),
            "answer_ok": np.array(
                [
                    r["scale_type"] != "choice"
                    or not is_present(r["answer_raw"])
                    or is_present(r["answer"])
                    for r in records
                ],
                dtype=bool,
            ),
            "value_ok": np.array([bool(r["value_ok"]) for r in records], dtype=bool),
            "year_ok": np.array([bool(r["year_ok"]) for r in records], dtype=bool),
            "value": np.array([r["value"] for r in records], dtype=float),
            "low": np.array([r["low"] for r in records], dtype=float),
            "high": np.array([r["high"] for r in records], dtype=float),
            "data_year": np.array(
                [nan if r["data_year"] is None else r["data_year"] for r in records], dtype=float
            ),
        }
    )


def _run_schema(
    records: list[dict[str, Any]],
    first_seen: dict[str, int],
    framework: Framework,
    earliest: int,
    this_year: int,
    report: ValidationReport,
) -> None:
    if not records:
        return
    try:
        response_schema(earliest, this_year).validate(_compact_frame(records), lazy=True)
        return
    except pa.errors.SchemaErrors as errors:
        failures = errors.failure_cases
    duplicate_rows = {
        idx
        for idx, rec in enumerate(records)
        if rec["known"] and first_seen[rec["indicator_id"]] != idx
    }
    seen: set[tuple[int, str]] = set()
    for check, idx in zip(failures["check"], failures["index"], strict=True):
        name = str(check)
        if name not in CHECK_ISSUES or pd.isna(idx):
            continue
        idx = int(idx)
        if (idx, name) in seen:
            continue
        seen.add((idx, name))
        row = records[idx]
        if name != "known_indicator" and not row["known"]:
            continue
        if idx in duplicate_rows and name != "unique_indicator":
            continue  # the duplicate is the problem; its other cells would only add noise
        code, field = CHECK_ISSUES[name]
        report.add(code, **_issue_fields(code, field, row, records, first_seen, framework))


def _issue_fields(
    code: str,
    field: str,
    row: dict[str, Any],
    records: list[dict[str, Any]],
    first_seen: dict[str, int],
    framework: Framework,
) -> dict[str, Any]:
    cells = row["cells"]
    cell = cells.get(field) or cells.get("indicator_id")
    ind = row["indicator_id"] or None
    base: dict[str, Any] = {"sheet": row["sheet"], "cell": cell, "indicator": ind}
    if code == "unknown_indicator":
        return base | {
            "indicator": None,
            "value": row["indicator_id"],
            "version": framework.version,
        }
    if code == "duplicate_indicator":
        first = records[first_seen[row["indicator_id"]]]
        other = f"{first['sheet']}!{first['cells']['indicator_id']}"
        return base | {"value": row["indicator_id"], "other": other}
    if code == "bad_status":
        return base | {"value": row["status_raw"]}
    if code == "answer_not_on_scale":
        scale = framework.scales[row["scale"]]
        return base | {"value": row["answer_raw"], "expected": "; ".join(scale.labels)}
    if code == "not_a_number":
        return base | {"value": row["value_raw"], "unit": row["unit"] or "the indicator's unit"}
    if code == "value_out_of_range":
        high = row["high"]
        return base | {
            "value": f"{row['value']:g}",
            "low": f"{row['low']:g}",
            "high": "no upper limit" if high == float("inf") else f"{high:g}",
            "unit": row["unit"] or "",
        }
    if code == "old_year":
        low = vocabulary().limits.earliest_data_year
        return base | {"value": row["year_raw"], "low": low, "high": dt.date.today().year}
    if code == "future_year":
        return base | {"value": int(row["data_year"]), "this_year": dt.date.today().year}
    return base


def _domain_rules(
    rows: list[dict[str, Any]],
    framework: Framework,
    sheet_of: dict[str, str],
    report: ValidationReport,
) -> None:
    """Rules that need the catalogue: where an indicator belongs and what Available requires."""
    for row in rows:
        cells, sheet, ind = row["cells"], row["sheet"], row["indicator_id"]
        entry = framework.by_id[ind]
        if entry.category != row["category"]:
            report.add(
                "sheet_wrong_category",
                sheet=sheet,
                cell=cells["indicator_id"],
                indicator=ind,
                value=ind,
                expected_sheet=sheet_of[entry.category],
            )
        if row["fraction"]:
            report.add(
                "percentage_as_fraction",
                sheet=sheet,
                cell=cells["value"],
                indicator=ind,
                value=row["value_raw"],
                percent=row["value"],
            )
        if row["answer_as_value"]:
            report.add(
                "answer_in_value_column",
                sheet=sheet,
                cell=cells["answer"],
                indicator=ind,
                value=row["value_raw"],
            )
        has_answer = is_present(row["answer"]) or is_present(row["value"])
        bad_input = (
            (is_present(row["answer_raw"]) and not is_present(row["answer"]))
            or not row["value_ok"]
            or row["formula"]
        )
        if row["status"] == "available" and not has_answer and not bad_input:
            needed = "Value" if row["scale_type"] == "numeric" else "Answer"
            column = "value" if row["scale_type"] == "numeric" else "answer"
            report.add(
                "available_without_answer",
                sheet=sheet,
                cell=cells[column],
                indicator=ind,
                value="",
                needed=needed,
            )
        if row["status"] in vocabulary().without_data and has_answer:
            report.add(
                "answer_with_gap_status",
                sheet=sheet,
                cell=cells["status"],
                indicator=ind,
                value=row["status_raw"],
                status=row["status_raw"],
            )
        if (
            row["status"] == "available"
            and has_answer
            and not is_present(row["source"])
            and ("source" in cells)
        ):
            report.add("no_source", sheet=sheet, cell=cells["source"], indicator=ind, value="")


def _complete(
    rows: list[dict[str, Any]],
    framework: Framework,
    indicator_set: str,
    report: ValidationReport,
) -> pd.DataFrame:
    """One row per indicator of the assessed set, in catalogue order; absent rows are unanswered."""
    sheet_of = vocabulary().category_sheets
    by_id = {row["indicator_id"]: row for row in rows}
    wanted = framework.entries_for(indicator_set if indicator_set in ("core", "full") else "full")
    wanted_ids = {e.id for e in wanted}
    extra = [e for e in framework.entries if e.id in by_id and e.id not in wanted_ids]
    cols: dict[str, list[Any]] = {name: [] for name in RESPONSE_COLUMNS}
    nan = float("nan")
    for entry in [*wanted, *extra]:
        got = by_id.get(entry.id)
        sheet = sheet_of[entry.category]
        if got is None:
            report.add(
                "missing_indicator", sheet=sheet, indicator=entry.id, indicator_set=indicator_set
            )
            values = (
                entry.id,
                entry.category,
                sheet,
                None,
                None,
                nan,
                entry.indicator.unit,
                None,
                "unanswered",
                None,
                None,
            )
        else:
            status = got["status"] if got["status"] != "invalid" else "unanswered"
            usable = status == "available"
            value = got["value"] if usable and is_present(got["value"]) else nan
            if value == value and not got["low"] <= value <= got["high"]:
                value = nan
            answer = got["answer"] if usable and is_present(got["answer"]) else None
            if usable and answer is None and value != value:
                status = "unanswered"
            values = (
                entry.id,
                entry.category,
                got["sheet"],
                got["row"],
                answer,
                value,
                entry.indicator.unit,
                got["data_year"],
                status,
                got["source"],
                got["evidence"],
            )
        for name, value in zip(RESPONSE_COLUMNS, values, strict=True):
            cols[name].append(value)
    return _response_frame(cols)


def _response_frame(cols: dict[str, list[Any]]) -> pd.DataFrame:
    """Build the tidy frame column by column with explicit dtypes (no per-cell inference)."""
    columns: dict[str, Any] = {}
    for name in RESPONSE_COLUMNS:
        values = cols[name]
        if name == "value":
            columns[name] = np.array(values, dtype=float)
        elif name in ("row", "data_year"):
            columns[name] = pd.array(values, dtype="Int64")
        else:
            columns[name] = pd.array(values, dtype="str")
    return pd.DataFrame(columns)


# ---------------------------------------------------------------------------------------- MAB


def _mab(sheet: RawSheet | None, report: ValidationReport) -> pd.DataFrame:
    vocab = vocabulary()
    # field -> (issue code, allowed values): both columns take a value from a dropdown list
    lists = {
        "group": ("bad_mab_group", vocab.stakeholder_groups),
        "gender": ("bad_mab_gender", vocab.genders),
    }
    canonical = {
        field: {normalise_label(v): v for v in allowed} for field, (_, allowed) in lists.items()
    }
    rows = []
    for row0, values in sheet.rows if sheet is not None else []:
        member = {key: _as_text(values.get(key)) for key in MAB_FIELDS}
        for field, (code, allowed) in lists.items():
            typed = member[field]
            if not typed:
                continue
            member[field] = canonical[field].get(normalise_label(typed))
            if member[field] is None and field in sheet.columns:
                report.add(
                    code,
                    sheet=L.MAB,
                    cell=L.cell_ref(row0, sheet.columns[field]),
                    value=typed,
                    expected=", ".join(allowed),
                )
        rows.append(member)
    if not rows:
        report.add("empty_mab", sheet=L.MAB)
    return pd.DataFrame.from_records(rows, columns=MAB_FIELDS)
