"""The assessment store on a real SQLite file and a real PostgreSQL server (no mocks)."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import time
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import sqlalchemy as sa

from roam.errors import ValidationReport
from roam.questionnaire import QuestionnaireError, read_questionnaire
from roam.store import (
    InvalidFiles,
    NotFound,
    Store,
    StoreError,
    TransitionError,
    resolve_sources,
)
from roam.store.engine import current_revision, get_engine, head_revision
from tests.store.conftest import INVALID_SAMPLES, SAMPLES, VALID_SAMPLES

XA = SAMPLES / "XA_Aurelia_full.xlsx"
XC = SAMPLES / "XC_Calvaria_core.xlsx"


def edited(path: Path, sheet: str, cell: str, value: object) -> bytes:
    """A re-saved copy of a sample with one cell changed (a team's corrected upload)."""
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- versions


def test_ingesting_samples_twice_gives_two_versions_each(store: Store) -> None:
    assert len(VALID_SAMPLES) == 8
    started = time.perf_counter()
    first = store.ingest(VALID_SAMPLES, user="alice")
    elapsed = time.perf_counter() - started
    second = store.ingest(VALID_SAMPLES, user="bob", note="re-upload")
    assert [r.version for r in first] == [1] * 8
    assert [r.version for r in second] == [2] * 8
    assert elapsed < 30, f"ingesting 8 samples took {elapsed:.1f}s"
    listed = store.assessments()
    assert [a.country for a in listed] == [f"X{c}" for c in "ABCDEFGH"]
    assert all(a.versions == 2 and a.latest_version == 2 for a in listed)
    history = store.history("xa")  # codes are case-insensitive
    assert [(v.version, v.uploaded_by, v.note) for v in history] == [
        (1, "alice", ""),
        (2, "bob", "re-upload"),
    ]
    assert history[0].sha256 == history[1].sha256 == hashlib.sha256(XA.read_bytes()).hexdigest()
    assert history[1].latest and not history[0].latest
    assert history[0].uploaded_at.tzinfo is not None
    assert history[0].uploaded_at <= history[1].uploaded_at


def test_any_version_reads_back_identically(store: Store) -> None:
    original = read_questionnaire(XA)
    store.ingest([XA], user="alice")
    changed = edited(XA, "R", "F2", "No")
    store.ingest([("XA_fixed.xlsx", changed)], user="alice")

    v1 = store.load("XA", 2025, 1)
    pd.testing.assert_frame_equal(v1.responses, original.responses)
    pd.testing.assert_frame_equal(v1.mab, original.mab)
    assert v1.meta == original.meta
    assert v1.report.as_dict() == original.report.as_dict()
    assert v1.sha256 == original.sha256 and v1.filename == XA.name
    pd.testing.assert_frame_equal(v1.scoring_frame(), original.scoring_frame())

    name, data = store.original("XA", 2025, 1)
    assert (name, data) == (XA.name, XA.read_bytes())
    name, data = store.original("XA")
    assert (name, data) == ("XA_fixed.xlsx", changed)
    latest = store.load("XA")
    assert latest.responses.loc[0, "answer"] == "No"


def test_two_versions_compare_indicator_by_indicator(store: Store) -> None:
    store.ingest([XA], user="alice")
    store.ingest([("XA.xlsx", edited(XA, "R", "F2", "No"))], user="alice")
    diff = store.compare("XA", 1, 2)
    assert diff.changed_indicators == ["R.A.1.1"]
    assert [(c.field, c.before, c.after) for c in diff.changes] == [("answer", "Yes", "No")]
    assert diff.before == "XA 2025 v1" and diff.after == "XA 2025 v2"
    assert store.compare("XA", 2).identical
    assert json.dumps(diff.as_dict())


# --------------------------------------------------------------------------- atomicity


@pytest.mark.parametrize("broken", INVALID_SAMPLES, ids=lambda p: p.name)
def test_a_broken_file_changes_nothing(broken: Path, store: Store) -> None:
    store.ingest([XA], user="alice")
    before = store.counts()
    with pytest.raises(InvalidFiles) as info:
        store.ingest([broken], user="alice")
    assert info.value.failures[0][0] == broken.name
    assert info.value.failures[0][1].errors
    assert store.counts() == before


def test_a_batch_with_one_broken_file_stores_nothing(store: Store) -> None:
    with pytest.raises(InvalidFiles, match=r"typical_mistakes\.xlsx"):
        store.ingest([XA, SAMPLES / "invalid" / "typical_mistakes.xlsx", XC], user="alice")
    assert store.counts() == dict.fromkeys(
        ("country", "assessment", "version", "response", "transition"), 0
    )
    valid = read_questionnaire(XA)
    broken = dataclasses.replace(valid, report=ValidationReport())
    broken.report.add("file_empty")
    with pytest.raises(QuestionnaireError):
        store.add_version(broken, XA.read_bytes(), user="alice")
    assert store.counts()["version"] == 0


def _install_failing_trigger(url: str) -> None:
    """A real database error half-way through an upload: inserting one response row fails."""
    engine = get_engine(url)
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(
                "CREATE TRIGGER boom BEFORE INSERT ON response WHEN NEW.indicator_id = 'X.A.1.1' "
                "BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN "
                "IF NEW.indicator_id = 'X.A.1.1' THEN "
                "RAISE EXCEPTION 'simulated disk failure'; END IF; RETURN NEW; END $$ "
                "LANGUAGE plpgsql"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER boom BEFORE INSERT ON response FOR EACH ROW EXECUTE FUNCTION boom()"
            )


def test_a_database_error_stores_nothing_half_way(db_url: str, store: Store) -> None:
    store.ingest([XC], user="alice")  # a core assessment: X.A.1.1 is not in the core set
    before = store.counts()
    _install_failing_trigger(db_url)
    with pytest.raises(StoreError, match="simulated disk failure"):
        store.ingest([SAMPLES / "XB_Borealis_full.xlsx", XA], user="alice")
    assert store.counts() == before  # no country, assessment, version or response left over
    assert store.countries() == ["XC"]
    with get_engine(db_url).begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER boom" + (" ON response" if "postgres" in db_url else ""))
    store.ingest([XC], user="alice")  # the store still works
    assert [v.version for v in store.history("XC")] == [1, 2]


# --------------------------------------------------------------------------- status


def test_status_transitions_are_recorded_and_impossible_ones_refused(store: Store) -> None:
    store.ingest([XA], user="alice")
    with pytest.raises(TransitionError) as info:
        store.set_status("XA", 2025, "published", user="unesco")
    assert str(info.value) == (
        "Cannot move XA 2025 from draft to published: it must be validated and submitted first"
    )
    with pytest.raises(TransitionError, match="already draft"):
        store.set_status("XA", 2025, "draft", user="alice")
    with pytest.raises(TransitionError, match="Unknown status 'done'"):
        store.set_status("XA", 2025, "done", user="alice")
    store.set_status("XA", 2025, "validated", user="mab-chair", note="MAB meeting 3")
    event = store.set_status("XA", 2025, "submitted", user="focal-point")
    assert (event.from_status, event.to_status, event.version, event.changed_by) == (
        "validated",
        "submitted",
        1,
        "focal-point",
    )
    assert store.assessments()[0].accepted_version == 1

    # a new upload after submission goes back to draft; the submitted version stays accepted
    result = store.ingest([XA], user="alice")[0]
    assert (result.version, result.status) == (2, "draft")
    info_ = store.assessments()[0]
    assert (info_.status, info_.accepted_version) == ("draft", 1)
    statuses = {v.version: v.status for v in store.history("XA")}
    assert statuses == {1: "submitted", 2: "draft"}

    store.set_status("XA", 2025, "validated", user="mab-chair")
    store.set_status("XA", 2025, "submitted", user="focal-point")
    store.set_status("XA", 2025, "published", user="unesco")
    with pytest.raises(TransitionError, match="from published it can only go to archived"):
        store.set_status("XA", 2025, "draft", user="alice")
    before = store.counts()
    with pytest.raises(TransitionError, match="it is published"):
        store.ingest([XA], user="alice")
    assert store.counts() == before

    trail = store.transitions("XA", 2025)
    assert [(t.from_status, t.to_status) for t in trail] == [
        (None, "draft"),
        ("draft", "validated"),
        ("validated", "submitted"),
        ("submitted", "draft"),
        ("draft", "validated"),
        ("validated", "submitted"),
        ("submitted", "published"),
    ]
    assert trail[1].changed_by == "mab-chair" and trail[1].note == "MAB meeting 3"
    assert all(t.changed_at.tzinfo is not None for t in trail)


def test_ingest_status_walks_the_forward_steps(store: Store) -> None:
    result = store.ingest([XA], user="alice", status="submitted")[0]
    assert result.status == "submitted"
    trail = [(t.from_status, t.to_status) for t in store.transitions("XA")]
    assert trail == [(None, "draft"), ("draft", "validated"), ("validated", "submitted")]


def test_removal_is_an_archive_not_a_delete(store: Store) -> None:
    store.ingest([XA], user="alice")
    store.ingest([("XA_wrong.xlsx", edited(XA, "R", "F2", "No"))], user="alice")
    archived = store.archive_version("XA", 2, user="alice", note="wrong file")
    assert archived.archived and archived.status == "archived"
    assert store.load("XA").responses.loc[0, "answer"] == "Yes"  # latest skips the archived one
    assert store.load("XA", version=2).responses.loc[0, "answer"] == "No"  # still readable
    assert store.ingest([XA], user="alice")[0].version == 3  # numbers are never reused

    store.set_status("XA", 2025, "archived", user="unesco", note="duplicate")
    assert store.assessments()[0].status == "archived"
    assert store.load("XA", 2025).meta.iso_code == "XA"
    with pytest.raises(TransitionError, match="restore it"):
        store.ingest([XA], user="alice")
    store.set_status("XA", 2025, "draft", user="unesco", note="restored")
    assert store.counts()["version"] == 3


def test_several_assessments_per_country(store: Store) -> None:
    store.ingest([XA], user="alice")
    store.ingest([("XA_2024.xlsx", edited(XA, "Assessment", "B4", 2024))], user="alice")
    assert [(a.year, a.versions) for a in store.assessments("XA")] == [(2024, 1), (2025, 1)]
    assert store.load("XA").meta.year == 2025
    assert store.load("XA", 2024).meta.year == 2024
    with pytest.raises(NotFound, match="XA has no assessment for 2023"):
        store.load("XA", 2023)


# --------------------------------------------------------------------------- sources


def test_resolve_sources_reads_files_and_stored_countries(db_url: str, store: Store) -> None:
    store.ingest([XA, XC], user="alice")
    store.ingest([("XA.xlsx", edited(XA, "R", "F2", "No"))], user="alice")
    got = resolve_sources([str(XC), "XA", "XA:1", "xa@2025", "XA@2025:2"], store=store)
    assert [a.country for a in got] == ["XC", "XA", "XA", "XA", "XA"]
    assert [a.responses.loc[0, "answer"] for a in got[1:]] == ["No", "Yes", "No", "No"]
    with pytest.raises(NotFound, match=r"'XZ' is not a file, and no country 'XZ'.*XA, XC"):
        resolve_sources(["XZ"], store=store)
    with pytest.raises(NotFound, match="XA 2025 has no version 7"):
        resolve_sources(["XA:7"], store=store)
    with pytest.raises(NotFound, match=r"missing\.xlsx"):
        resolve_sources(["data/missing.xlsx"], store=store)


def test_load_assessment_uses_the_configured_store(
    use_db: str, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roam.store import load_assessment

    store.ingest([XA], user="alice")
    assert load_assessment("XA").meta.country == "Aurelia"
    assert resolve_sources(["XA"])[0].sha256 == hashlib.sha256(XA.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- migrations


def test_an_older_database_is_upgraded_on_open(db_url: str) -> None:
    from roam.store.engine import _new_engine, upgrade

    engine = _new_engine(db_url)
    upgrade(engine, "0001")  # a database made by the first release
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO country (id, iso_code, name, fictional, created_at) "
                "VALUES (1, 'XA', 'Aurelia', true, :t)"
            ),
            {"t": "2025-01-01 00:00:00"},
        )
        assert sa.inspect(conn).get_columns("version")[-1]["name"] == "note"
    assert current_revision(engine) == "0001"
    engine.dispose()

    store = Store(db_url)  # opening it with current code upgrades it
    assert current_revision(store.engine) == head_revision() != "0001"
    columns = {c["name"] for c in sa.inspect(store.engine).get_columns("version")}
    assert {"archived_at", "archived_by"} <= columns
    assert store.countries() == ["XA"]
    assert store.ingest([XA], user="alice")[0].version == 1


def test_models_match_migrations(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from roam.store.schema import Base

    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = compare_metadata(context, Base.metadata)
    assert diffs == []


def test_default_database_is_a_sqlite_file_in_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roam.store.paths import database_url, normalise_url

    monkeypatch.delenv("ROAM_DATABASE_URL", raising=False)
    monkeypatch.delenv("ROAM_DATA_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert database_url() == f"sqlite:///{tmp_path.resolve() / '.roam' / 'roam.sqlite'}"
    assert (tmp_path / ".roam").is_dir()
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path / "elsewhere"))
    store = Store()
    assert Path(store.engine.url.database) == (tmp_path / "elsewhere" / "roam.sqlite").resolve()
    assert store.countries() == []
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_migration_0007_keeps_accounts_and_adds_their_language(tmp_path: Path) -> None:
    """An existing database (at 0006) gains user_account.language; accounts are kept, and the
    step can be taken back."""
    from alembic import command
    from sqlalchemy import create_engine, inspect, text

    from roam.store.engine import alembic_config, upgrade

    engine = create_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    upgrade(engine, "0006")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO user_account (email, name, role, countries, active, created_at, "
                "created_by, updated_at) VALUES ('a@b.example', '', 'national_team', '[\"XA\"]', "
                "1, '2026-01-01', 'local', '2026-01-01')"
            )
        )
    upgrade(engine, "head")
    assert "language" in {c["name"] for c in inspect(engine).get_columns("user_account")}
    with engine.connect() as conn:
        assert conn.execute(text("SELECT email, language FROM user_account")).all() == [
            ("a@b.example", None)
        ]
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    assert "language" not in {c["name"] for c in inspect(engine).get_columns("user_account")}
    engine.dispose()
