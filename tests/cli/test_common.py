"""The CLI's shared pieces: RoamError ends as a plain exit 1, and output is whole or absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from roam.cli import app
from roam.cli.common import write_output
from tests.questionnaire.test_hostile import xfd_workbook

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_a_database_url_without_its_driver_is_a_plain_message(monkeypatch, tmp_path):
    monkeypatch.setenv("ROAM_DATABASE_URL", "postgresql+pg8000://roam:secret@localhost/roam")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # a plain exit, no exception escaped
    assert "Error: cannot open the database postgresql+pg8000://roam:***@localhost/roam" in (
        result.output
    )
    assert "No module named 'pg8000'" in result.output and "secret" not in result.output


def test_a_roam_error_from_any_command_is_a_plain_exit_1(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(xfd_workbook((REPO / "sample_data" / "XC_Calvaria_core.xlsx").read_bytes()))
    result = runner.invoke(app, ["score", str(bad)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # no exception escaped the command
    assert result.output.startswith(
        "Error: bad.xlsx is not usable:\n  ERROR R!XFD1048576: The sheet 'R' has content"
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_leaves_no_partial_file(tmp_path):
    output = tmp_path / "out.xlsx"
    # the partial file lands on a device that is always full: writing it fails with ENOSPC
    os.symlink("/dev/full", tmp_path / "out.xlsx.partial")
    with pytest.raises(Exception) as caught:
        write_output(output, b"x" * 100_000)
    assert getattr(caught.value, "exit_code", None) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # neither out.xlsx nor .partial


def test_a_full_disk_in_a_command_is_a_plain_message(tmp_path):
    output = tmp_path / "t.xlsx"
    os.symlink("/dev/full", tmp_path / "t.xlsx.partial")
    result = runner.invoke(app, ["template", "--country", "KE", "-o", str(output)])
    assert result.exit_code == 1
    assert f"Error: cannot write {output}: No space left on device" in result.output
    assert list(tmp_path.iterdir()) == []
