"""Uploads are read in a child process within a time and memory budget; the caller lives on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from roam.errors import QuestionnaireError
from roam.questionnaire import check_questionnaire
from roam.questionnaire.budget import check_within_budget, read_within_budget
from tests.helpers import patch_parts
from tests.questionnaire.test_hostile import xfd_workbook

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample() -> bytes:
    return (REPO / "sample_data" / "XA_Aurelia_full.xlsx").read_bytes()


def test_budgeted_read_gives_what_a_direct_read_gives(sample):
    direct, direct_report = check_questionnaire(sample, filename="a.xlsx")
    child, child_report = check_within_budget(sample, filename="a.xlsx")
    assert child is not None and child_report.valid
    assert child.meta == direct.meta and child.sha256 == direct.sha256
    assert child.responses.equals(direct.responses) and child.mab.equals(direct.mab)
    assert [str(i) for i in child_report.issues] == [str(i) for i in direct_report.issues]


def test_a_read_over_its_time_is_stopped_and_refused_plainly(sample):
    assessment, report = check_within_budget(sample, max_seconds=0.001)
    assert assessment is None
    assert [i.code for i in report.issues] == ["over_time_budget"]
    assert report.issues[0].message == (
        "Reading this workbook took longer than 0.001 seconds, far longer than a questionnaire "
        "needs; it was stopped and refused so the server stays available."
    )
    again, _ = check_within_budget(sample)  # the caller is unharmed and reads the next file
    assert again is not None


def test_a_read_over_its_memory_is_stopped_and_refused_plainly(sample):
    # within every size limit (100 MB of shared text, 0.1 MB zipped), yet the reader must hold
    # the whole text: more than a 64 MB budget allows
    giant = b"<si><t>" + b"y" * (100 * 1024 * 1024) + b"</t></si>"
    data = patch_parts(
        sample, {"xl/sharedStrings.xml": lambda x: x.replace(b"<si>", giant + b"<si>", 1)}
    )
    assert len(data) < 1024 * 1024
    assessment, report = check_within_budget(data, max_memory_mb=64)
    assert assessment is None
    assert [i.code for i in report.issues] == ["over_memory_budget"]
    assert report.issues[0].message == (
        "Reading this workbook needed more than 64 MB of memory, far more than a questionnaire "
        "needs; it was stopped and refused so the server stays available."
    )
    again, _ = check_within_budget(sample)  # the caller is unharmed and reads the next file
    assert again is not None


def test_a_hostile_file_is_refused_by_the_child_with_its_location(sample):
    data = xfd_workbook((REPO / "sample_data" / "XC_Calvaria_core.xlsx").read_bytes())
    assessment, report = check_within_budget(data)
    assert assessment is None
    assert [(i.code, i.sheet, i.cell) for i in report.issues] == [
        ("sheet_out_of_shape", "R", "XFD1048576")
    ]


def test_read_within_budget_raises_a_located_error(tmp_path):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(xfd_workbook((REPO / "sample_data" / "XC_Calvaria_core.xlsx").read_bytes()))
    with pytest.raises(QuestionnaireError) as caught:
        read_within_budget(path)
    error = caught.value
    assert (error.file, error.sheet, error.cell) == ("bad.xlsx", "R", "XFD1048576")
    assert error.plain().startswith("bad.xlsx is not usable:\n  ERROR R!XFD1048576: The sheet")


def test_file_level_refusals_need_no_child(tmp_path):
    assessment, report = check_within_budget(tmp_path / "missing.xlsx")
    assert assessment is None and [i.code for i in report.issues] == ["file_missing"]


def test_an_unguarded_main_script_is_not_run_again_in_the_child(tmp_path):
    # Under Streamlit the main module is app.py, which reads uploads at import time; a child
    # that re-ran it would start children of its own and every read would fail.
    script = tmp_path / "unguarded_app.py"
    marker = tmp_path / "runs.txt"
    script.write_text(
        "from pathlib import Path\n"
        "from roam.questionnaire.budget import check_within_budget\n"
        f"with open({str(marker)!r}, 'a') as runs:\n"
        "    runs.write('run\\n')\n"
        f"assessment, report = check_within_budget(Path({str(REPO / 'sample_data')!r}) / "
        "'XC_Calvaria_core.xlsx')\n"
        "print(assessment.meta.country, report.valid)\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Calvaria True"
    assert marker.read_text() == "run\n"  # the script ran once, in the parent only


def test_a_reader_bug_is_reported_as_such_not_as_memory(monkeypatch):
    import multiprocessing

    from roam.questionnaire import budget

    def broken(*args, **kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr(budget, "check_questionnaire", broken)
    monkeypatch.setattr(budget, "_limit_memory", lambda memory_mb: None)
    receive, send = multiprocessing.Pipe(duplex=False)
    budget._read_in_child(send, b"", "a.xlsx", None, 64, {})
    assert receive.recv() == ("failed", "KeyError")
