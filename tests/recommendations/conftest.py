"""The register's tests run on a SQLite file and on the throwaway PostgreSQL of tests/store."""

from __future__ import annotations

from pathlib import Path

import pytest

from roam.framework import load_framework
from roam.questionnaire import read_questionnaire, write_questionnaire
from tests.store.conftest import db_url, pg_server, pg_url  # noqa: F401  (fixtures)

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
AURELIA = SAMPLES / "XA_Aurelia_full.xlsx"


def later_workbook(year: int, answers: dict[str, str]) -> bytes:
    """Aurelia's sample as a later assessment: another year, some answers changed."""
    first = read_questionnaire(AURELIA)
    responses = first.responses.copy()
    for indicator, answer in answers.items():
        at = responses.index[responses["indicator_id"] == indicator]
        responses.loc[at, "answer"] = answer
        responses.loc[at, "status"] = "available"
    meta = first.meta.model_copy(update={"year": year})
    return write_questionnaire(load_framework(meta.framework), meta, responses, first.mab)


@pytest.fixture
def aurelia(db_url: str):  # type: ignore[no-untyped-def]  # noqa: F811  (the fixture above)
    """A store holding Aurelia 2025 (draft), on SQLite and on PostgreSQL."""
    from roam.store import Store

    store = Store(db_url)
    store.ingest([AURELIA], user="team@aurelia.example")
    return store
