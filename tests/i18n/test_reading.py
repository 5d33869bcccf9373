"""Reading any language: the same answers typed in French, Spanish or Arabic read back to the same
responses and give identical scores."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from roam.analysis import analyse
from roam.framework import load_framework
from roam.questionnaire import check_questionnaire, read_questionnaire
from roam.questionnaire.coerce import AnswerMatcher, parse_number
from roam.questionnaire.vocab import vocabulary
from tests.i18n.helpers import local_number, retype

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_data" / "XC_Calvaria_core.xlsx"
FW = load_framework("2018")


@pytest.fixture(scope="module")
def english():
    return read_questionnaire(SAMPLE)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Oui", "Yes"),
        ("partiellement", "Partly"),
        ("NON", "No"),
        ("Sí", "Yes"),
        ("Si", "Yes"),  # typed without the accent
        ("Parcialmente", "Partly"),
        ("نعم", "Yes"),
        ("جزئيا", "Partly"),  # without the tanween
        ("لا", "No"),
        ("Yes", "Yes"),
    ],
)
def test_yes_partly_no_in_every_language(typed, expected):
    matcher = AnswerMatcher(FW.scales["yes_partly_no"], FW.level_aliases("yes_partly_no"))
    assert matcher.match(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2 - Partielle", "2 - Partial"),
        ("Substantielle", "3 - Substantial"),
        ("4 - Pleno", "4 - Full"),
        ("1 - محدود", "1 - Limited"),
        ("كامل", "4 - Full"),
        ("0", "0 - No evidence"),
    ],
)
def test_rubric_levels_in_every_language(typed, expected):
    matcher = AnswerMatcher(FW.scales["evidence_rubric"], FW.level_aliases("evidence_rubric"))
    assert matcher.match(typed) == expected


def test_an_unknown_word_is_still_refused():
    matcher = AnswerMatcher(FW.scales["yes_partly_no"], FW.level_aliases("yes_partly_no"))
    assert matcher.match("Peut-être") is None


def test_statuses_groups_and_genders_in_every_language():
    vocab = vocabulary()
    statuses = vocab.lookup("statuses")
    assert statuses["non disponible"] == "not_available"
    assert statuses["no aplicable"] == "not_applicable"
    assert statuses["غير متاح"] == "not_available"
    groups = vocab.lookup("stakeholder_groups")
    assert groups["société civile"] == "Civil society"
    assert groups["sociedad civil"] == "Civil society"
    assert groups["المجتمع المدني"] == "Civil society"
    genders = vocab.lookup("genders")
    assert (genders["femme"], genders["mujer"], genders["امرأة"]) == ("Woman",) * 3


@pytest.mark.parametrize(
    ("typed", "value"),
    [("12,5", 12.5), ("1.234,5", 1234.5), ("١٢٫٥", 12.5), ("٣٤", 34.0), ("1 234,5", 1234.5)],
)
def test_decimal_commas_and_arabic_digits(typed, value):
    parsed = parse_number(typed)
    assert parsed.ok and parsed.value == value


def test_local_numbers_round_trip():
    for lang in ("fr", "es", "ar"):
        assert parse_number(local_number(61.25, lang)).value == 61.25


@pytest.mark.parametrize("lang", ["fr", "es", "ar"])
def test_same_answers_in_another_language_read_and_score_identically(english, lang):
    data = retype(SAMPLE.read_bytes(), FW, lang)
    assessment, report = check_questionnaire(data, filename=f"XC_{lang}.xlsx")
    assert report.valid, [i.code for i in report.issues if i.severity == "error"]
    cols = ["indicator_id", "status", "answer", "value"]
    pd.testing.assert_frame_equal(
        assessment.responses[cols].reset_index(drop=True),
        english.responses[cols].reset_index(drop=True),
    )
    pd.testing.assert_frame_equal(
        assessment.mab.reset_index(drop=True), english.mab.reset_index(drop=True)
    )
    ours = analyse([assessment], draws=0).scores
    theirs = analyse([english], draws=0).scores
    pd.testing.assert_frame_equal(ours.categories, theirs.categories)
    pd.testing.assert_frame_equal(ours.indicators, theirs.indicators)


def test_a_retyped_answer_really_changed_the_workbook():
    """Guard against a retype that silently did nothing (the test above would then be vacuous)."""
    import io

    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(retype(SAMPLE.read_bytes(), FW, "fr")))
    ws = wb["R"]
    header = [c.value for c in ws[1]]
    answers = {row[header.index("Answer")] for row in ws.iter_rows(min_row=2, values_only=True)}
    statuses = {
        row[header.index("Data status")] for row in ws.iter_rows(min_row=2, values_only=True)
    }
    assert "Oui" in answers and not {"Yes", "Partly", "No"} & answers
    assert "Disponible" in statuses and "Available" not in statuses
    numbers = [
        c.value for row in wb["Contextual"].iter_rows() for c in row if isinstance(c.value, str)
    ]
    assert any("," in text and text.replace(",", "").isdigit() for text in numbers)


def test_no_translated_label_means_two_levels():
    """Accepting every language is only safe if no typed label names two different levels."""
    from roam.framework.catalogue import ChoiceScale
    from roam.framework.models import normalise_label
    from roam.questionnaire.vocab import fold

    for scale_id, scale in FW.scales.items():
        if not isinstance(scale, ChoiceScale):
            continue
        meaning: dict[str, set[str]] = {}
        for alias, label in [(lb, lb) for lb in scale.labels] + FW.level_aliases(scale_id):
            for key in (normalise_label(alias), fold(alias)):
                meaning.setdefault(key, set()).add(label)
        assert {k: v for k, v in meaning.items() if len(v) > 1} == {}, scale_id
    for kind in ("statuses", "stakeholder_groups", "genders"):
        vocab = vocabulary()
        seen: dict[str, set[str]] = {}
        for lang in ("en", "fr", "es", "ar"):
            for value, typed in zip(
                [s.code for s in vocab.data_statuses]
                if kind == "statuses"
                else getattr(vocab, kind),
                vocab.labels(kind, lang),
                strict=True,
            ):
                seen.setdefault(fold(typed), set()).add(value)
        assert {k: v for k, v in seen.items() if len(v) > 1} == {}, kind
