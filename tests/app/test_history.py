"""The History page in AppTest: status defaults, confirmations, and readable diffs."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from roam.store import Store
from tests.app.conftest import go

REPO = Path(__file__).resolve().parents[2]


def _target(app):
    return next(s for s in app.selectbox if s.key.startswith("status_target_"))


def _note(app):
    return next(t for t in app.text_input if t.key.startswith("status_note_"))


def test_status_defaults_to_the_next_forward_step_and_confirms_after_the_rerun(app):
    go(app, "history")
    assert _target(app).value == "validated"  # draft -> validated, never a step back
    _note(app).set_value("MAB meeting of 3 May").run()
    app.button(key="status_change").click().run()
    assert not app.exception
    assert {a.country: a.status for a in Store().assessments()}["XA"] == "validated"
    assert "XA 2025 moved from draft to validated." in [s.value for s in app.success]
    assert _target(app).value == "submitted"  # the next forward step again
    assert _note(app).value == ""  # the note field is cleared
    changes = [d.value for d in app.dataframe][1]
    assert list(changes["To"]) == ["draft", "validated"]
    assert list(changes["Note"])[-1] == "MAB meeting of 3 May"
    app.run()  # the confirmation was for that one change only
    assert not [s for s in app.success if "moved from" in s.value]


def test_backward_moves_and_archiving_need_confirmation(app):
    Store().set_status("XA", 2025, "validated", user="test")
    go(app, "history")
    assert _target(app).options == [
        "submitted",
        "draft (a step back)",
        "archived (withdrawn from use)",
    ]
    assert _target(app).value == "submitted"
    for target in ("draft", "archived"):
        _target(app).set_value(target).run()
        assert any("not a step forward" in w.value for w in app.warning)
        assert app.button(key="status_change").disabled
    app.checkbox(key="status_confirm_XA_2025_validated").check().run()
    app.button(key="status_change").click().run()
    assert {a.country: a.status for a in Store().assessments()}["XA"] == "archived"
    assert "XA 2025 moved from validated to archived." in [s.value for s in app.success]
    assert _target(app).value == "draft"  # restoring is the only way on
    assert app.button(key="status_change").disabled  # and it asks first, too


def test_diff_headers_are_words(app):
    data = (REPO / "sample_data" / "XA_Aurelia_full.xlsx").read_bytes()
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["R"]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("Source") + 1, value="A different source")
    out = io.BytesIO()
    wb.save(out)
    Store().ingest([("XA.xlsx", out.getvalue())], user="test")
    go(app, "history")
    diff = app.dataframe[-1].value
    assert list(diff.columns) == ["Indicator", "What changed", "Before", "After"]
    assert "Source" in set(diff["What changed"])
