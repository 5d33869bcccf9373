"""Refusals and errors of the store and the service reach people in their language (issue 17):
the user's language is current when the service raises, so the message is said in it; the audit
trail keeps the English reason, whatever language the refused person used."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from roam.access import AccessDenied, audit_events
from roam.cli import app
from roam.i18n import language
from roam.service import NotFound, TransitionError, connect
from roam.service import assessments as A
from tests.service.conftest import SEC, TEAM


def test_a_refusal_in_french_is_recorded_in_english(store):
    A.set_status(connect(SEC, store), "XA", 2025, "archived", note="withdrawn")
    with language("fr"), pytest.raises(AccessDenied) as refused:
        A.set_status(connect(TEAM, store), "XA", 2025, "draft")
    text = str(refused.value)
    assert "ne peut pas changer le statut de" in text
    assert "une équipe nationale ne peut pas faire avancer une évaluation archivée" in text
    assert "(seulement celles qui sont brouillon / validée / soumise)" in text
    assert "cannot" not in text
    # the audit trail is a record: its reason stays in English
    reasons = [e["detail"] for e in audit_events(store, 5) if not e["allowed"]]
    assert "a national team cannot move an assessment that is archived" in reasons[0]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", "todas las versiones de XA 2025 full están archivadas"),
        ("ar", "كل نسخ XA 2025 full مؤرشفة"),
    ],
)
def test_not_found_in_the_language(store, lang, expected):
    A.archive_version(connect(SEC, store), "XA", 1, year=2025)
    with language(lang), pytest.raises(NotFound, match=expected):
        A.load(connect(SEC, store), "XA", 2025)


def test_an_impossible_move_names_the_statuses_in_the_language(store):
    with language("fr"), pytest.raises(TransitionError) as wrong:
        A.set_status(connect(SEC, store), "XA", 2025, "published", version=1)
    assert "Impossible de faire passer XA 2025 de « brouillon » à « publiée »" in str(wrong.value)


def test_the_cli_says_store_errors_in_the_language(tmp_path, monkeypatch):
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()
    result = runner.invoke(app, ["--lang", "fr", "history", "ZZ"])
    assert result.exit_code == 1
    assert "Erreur : aucun pays 'ZZ' n'est enregistré" in result.output, result.output
    result = runner.invoke(
        app, ["users", "add", "x@y.example", "--role", "government"], env={"ROAM_LANG": "es"}
    )
    assert result.exit_code == 1
    assert "un lector gubernamental necesita al menos un --country" in result.output
