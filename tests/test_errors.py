"""One error mechanism: located RoamErrors, and one catalogue record per questionnaire issue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from roam.access import AccessDenied
from roam.analysis import MixedFrameworks
from roam.countries import UnknownCountry
from roam.errors import (
    CATALOGUE,
    IssueKind,
    QuestionnaireError,
    RoamError,
    ValidationReport,
    catalogue,
    how_to_fix,
    make_issue,
    register_issues,
    shown,
)
from roam.framework import CatalogueError
from roam.framework.spreadsheet import CatalogueImportError
from roam.questionnaire.rules.row_schema import ROW_CHECKS
from roam.reproduce import PackageError
from roam.scoring import ScoringConfigError, ScoringInputError
from roam.service.weights import InvalidWeightSet
from roam.store import InvalidFiles, StoreError, TransitionError

ROAM = Path(__file__).resolve().parents[1] / "roam"


def test_every_issue_code_has_severity_template_and_fix():
    records = catalogue()
    assert len(records) >= 50
    for code, kind in records.items():
        assert kind.code == code
        assert kind.severity in ("error", "warning"), code
        assert kind.template.strip() and kind.template.endswith((".", ")")), code
        assert kind.fix.strip() and kind.fix.endswith("."), code


def test_every_code_the_reader_raises_is_in_the_catalogue():
    source = "\n".join(p.read_text() for p in (ROAM / "questionnaire").rglob("*.py"))
    raised = set(re.findall(r'\.add\(\s*"([a-z_]+)"', source))
    raised |= {check.code for check in ROW_CHECKS}  # the row schema's checks
    assert raised, "the pattern finds the calls"
    assert raised - set(catalogue()) == set()


def test_a_code_cannot_be_defined_twice_differently():
    kind = next(iter(catalogue().values()))
    register_issues(kind)  # the same record again is harmless
    with pytest.raises(ValueError, match="defined twice"):
        register_issues(IssueKind(kind.code, kind.severity, "other", "other."))
    assert CATALOGUE[kind.code] == kind


def test_issue_text_shows_values_safely():
    issue = make_issue("bad_status", sheet="R", cell="J4", value="a\x00b" + "c" * 200)
    assert issue.value == "a\ufffdb" + "c" * 56 + "\u2026 (203 characters)"
    assert issue.message.startswith(f"'{issue.value}' is not a data status")
    assert shown("plain") == "plain"
    assert how_to_fix("bad_status").startswith("Pick Available")
    assert how_to_fix("no_such_code") == ""


@pytest.mark.parametrize(
    "error",
    [
        CatalogueError("indicators/2018/catalogue.yaml", "R.A.1.1", "no scale"),
        StoreError("the store is read-only"),
        TransitionError("a draft cannot be published directly"),
        UnknownCountry("Narnia"),
        MixedFrameworks("two frameworks"),
        ScoringInputError("no responses"),
        CatalogueImportError([]),
        InvalidWeightSet("a weight set needs a name"),
        PackageError("XA_2025.zip", "no run record"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_existing_errors_are_roam_errors_and_keep_their_old_bases(error):
    assert isinstance(error, RoamError)
    assert str(error) and error.plain()


def test_access_denied_is_still_a_permission_error():
    assert issubclass(AccessDenied, RoamError) and issubclass(AccessDenied, PermissionError)
    assert issubclass(ScoringConfigError, ValueError) and issubclass(InvalidFiles, RoamError)


def test_location_leads_a_plain_message_once():
    error = RoamError("the value is not a number", file="kenya.xlsx", sheet="R", cell="G7")
    assert error.location == "kenya.xlsx, R!G7"
    assert error.plain() == "kenya.xlsx, R!G7: the value is not a number"
    named = CatalogueError("catalogue.yaml", "R.A.1.1", "no scale")
    assert (named.file, named.item) == ("catalogue.yaml", "R.A.1.1")
    assert named.plain() == "catalogue.yaml: R.A.1.1: no scale"  # not repeated


def test_questionnaire_error_is_located_at_its_first_error():
    report = ValidationReport()
    report.add("bad_status", sheet="R", cell="J4", indicator="R.B.2.1", value="Done")
    report.add("bad_status", sheet="R", cell="J5", indicator="R.B.2.2", value="Done")
    error = QuestionnaireError(report, file="ke.xlsx")
    assert (error.file, error.sheet, error.cell, error.item) == ("ke.xlsx", "R", "J4", "R.B.2.1")
    assert str(error).endswith("(and 1 more error)")
    assert error.plain() == (
        "ke.xlsx is not usable:\n"
        "  ERROR R!J4 [R.B.2.1]: 'Done' is not a data status; expected Available, Not available "
        "or Not applicable.\n"
        "  ERROR R!J5 [R.B.2.2]: 'Done' is not a data status; expected Available, Not available "
        "or Not applicable."
    )


def test_report_counts_issues_past_its_limit():
    report = ValidationReport(limit=2)
    for _ in range(3):
        report.add("no_source", sheet="R", cell="K2")
    report.add("bad_flag", sheet="Assessment", cell="B9", value="Maybe")
    report.close()
    report.close()  # once only
    assert [i.code for i in report.issues] == ["no_source", "no_source", "more_issues"]
    assert not report.valid  # an error is among the unlisted
    assert report.issues[-1].message.startswith("... and 2 more problems that are not listed (1")
