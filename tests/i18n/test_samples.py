"""The French, Spanish and Arabic samples are translations of English samples and score alike."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from roam.analysis import analyse
from roam.questionnaire import layout as L
from roam.questionnaire import read_questionnaire

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_data"
PAIRS = [
    ("languages/XC_Calvaria_core_fr.xlsx", "XC_Calvaria_core.xlsx", "fr"),
    ("languages/XE_Estovia_core_es.xlsx", "XE_Estovia_core.xlsx", "es"),
    ("languages/XC_Calvaria_core_ar.xlsx", "XC_Calvaria_core.xlsx", "ar"),
]


@pytest.mark.parametrize(("translated", "english", "lang"), PAIRS)
def test_translated_sample_scores_like_its_english_original(translated, english, lang):
    path = SAMPLES / translated
    wb = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    meta = {row[0]: row[1] for row in wb[L.META].iter_rows(values_only=True)}
    assert meta[L.LANGUAGE_KEY] == lang
    ours, theirs = read_questionnaire(path), read_questionnaire(SAMPLES / english)
    cols = ["indicator_id", "status", "answer", "value", "data_year", "source", "evidence"]
    pd.testing.assert_frame_equal(ours.responses[cols], theirs.responses[cols])
    pd.testing.assert_frame_equal(ours.mab, theirs.mab)
    a, b = analyse([ours], draws=0).scores, analyse([theirs], draws=0).scores
    pd.testing.assert_frame_equal(a.categories, b.categories)
    pd.testing.assert_frame_equal(a.indicators, b.indicators)


def test_samples_are_current():
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate", SAMPLES / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from roam.framework import load_framework

    spec_yaml = __import__("yaml").safe_load((SAMPLES / "profiles.yaml").read_text())
    for path, data in module.in_languages(load_framework("2018"), spec_yaml).items():
        assert path.read_bytes() == data, f"{path.name} is stale: run sample_data/generate.py"
