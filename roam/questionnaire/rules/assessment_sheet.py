"""The Assessment sheet: country, year, indicator set and the fictional-data flag."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from roam.countries import UnknownCountry, resolve_country
from roam.errors import IssueKind, ValidationReport, register_issues
from roam.framework import Framework
from roam.framework.models import normalise_label
from roam.i18n import translations_of
from roam.questionnaire import layout as L
from roam.questionnaire.coerce import parse_year
from roam.questionnaire.model import AssessmentMeta

if TYPE_CHECKING:
    from roam.questionnaire.read import RawWorkbook

ISSUES = register_issues(
    IssueKind(
        "missing_field",
        "error",
        "'{field}' is empty; it is required.",
        "Fill in the field on the Assessment sheet.",
    ),
    IssueKind(
        "unknown_country",
        "error",
        "'{value}' is not an ISO 3166 country code or name (user-assigned codes XA to XZ are "
        "allowed for training data).",
        "Use an ISO 3166 code such as KE or DE (XA to XZ for training).",
    ),
    IssueKind(
        "country_name_mismatch",
        "warning",
        "The country '{name}' does not match ISO code {code} ({official}); the ISO code is used.",
        "Check the country name and the ISO code agree.",
    ),
    IssueKind(
        "bad_year",
        "error",
        "'{value}' is not a year between {low} and {high}.",
        "Type a four-digit year.",
    ),
    IssueKind(
        "bad_indicator_set",
        "error",
        "'{value}' is not an indicator set; expected core or full.",
        "Write core or full.",
    ),
    IssueKind(
        "bad_flag",
        "error",
        "'{value}' is not Yes or No.",
        "Write Yes or No.",
    ),
)


def read_meta(
    raw: RawWorkbook, framework: Framework, report: ValidationReport
) -> AssessmentMeta | None:
    """The Assessment sheet as metadata, or None when a required field is unusable."""
    fields = raw.assessment
    sheet = raw.sheet(L.ASSESSMENT)  # as the workbook names it, in whatever language
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
        report.add("missing_field", sheet=sheet, cell=code_cell, field="ISO code")
        ok = False
    else:
        cell, given = (code_cell, text(code)) if text(code) else (name_cell, text(name))
        try:
            country = resolve_country(given, text(name) or None)
        except UnknownCountry:
            report.add("unknown_country", sheet=sheet, cell=cell, value=given)
            ok = False
        if country and text(name) and text(code) and not country.user_assigned:
            try:
                by_name = resolve_country(text(name))
            except UnknownCountry:
                by_name = None
            if by_name is not None and by_name.code != country.code:
                report.add(
                    "country_name_mismatch",
                    sheet=sheet,
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
            report.add("missing_field", sheet=sheet, cell=year_cell, field="Assessment year")
        else:
            report.add(
                "bad_year",
                sheet=sheet,
                cell=year_cell,
                value=text(year_raw),
                low=2000,
                high=this_year + 1,
            )
        ok = False
    set_cell, set_raw = get("indicator_set")
    indicator_set = text(set_raw).lower() or raw.meta.get("indicator_set", "full")
    if indicator_set not in ("core", "full"):
        report.add("bad_indicator_set", sheet=sheet, cell=set_cell, value=text(set_raw))
        ok = False
    flag_cell, flag_raw = get("fictional")
    flag = normalise_label(text(flag_raw))
    yes = {normalise_label(t) for t in translations_of("Yes")} | {"true"}
    if flag not in {"", "false", *yes, *(normalise_label(t) for t in translations_of("No"))}:
        report.add("bad_flag", sheet=sheet, cell=flag_cell, value=text(flag_raw))
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
        fictional=flag in yes,
    )
