"""A questionnaire filled in French, Spanish or Arabic is stored as the same responses."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from roam.store import Store
from roam.store.engine import dispose_all

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"


@pytest.mark.parametrize(
    ("translated", "english"),
    [
        ("languages/XC_Calvaria_core_ar.xlsx", "XC_Calvaria_core.xlsx"),
        ("languages/XE_Estovia_core_es.xlsx", "XE_Estovia_core.xlsx"),
    ],
)
def test_stored_responses_do_not_depend_on_the_language(tmp_path, translated, english):
    ours = Store(f"sqlite:///{tmp_path / 'a.sqlite'}")
    theirs = Store(f"sqlite:///{tmp_path / 'b.sqlite'}")
    try:
        ours.ingest([SAMPLES / translated], user="team")
        theirs.ingest([SAMPLES / english], user="team")
        code = english[:2]
        a, b = ours.load(code), theirs.load(code)
        cols = ["indicator_id", "status", "answer", "value"]
        pd.testing.assert_frame_equal(a.responses[cols], b.responses[cols])
        assert a.mab["group"].tolist() == b.mab["group"].tolist()
    finally:
        dispose_all()
