"""A guard for issue 17 on the command line: the main commands run with `--lang fr` on French
samples (one with a mistake) print no English catalogue message and no English sentence.
`framework --json` and `score --json` are exempt: their keys are data."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from roam.cli import app
from tests.helpers import edit_xlsx, english_messages, english_sentence

REPO = Path(__file__).resolve().parents[2]
FRENCH = REPO / "sample_data" / "languages" / "XC_Calvaria_core_fr.xlsx"


@pytest.fixture
def wrong(tmp_path) -> Path:
    def mistake(wb) -> None:
        ws = wb["R"]
        header = [c.value for c in ws[1]]
        ws.cell(2, header.index("Réponse") + 1).value = "Peut-être"
        ws.cell(3, header.index("Réponse") + 1).value = "???"

    path = tmp_path / "XC_faux.xlsx"
    path.write_bytes(edit_xlsx(FRENCH.read_bytes(), mistake))
    return path


def _commands(tmp_path: Path, wrong: Path) -> list[list[str]]:
    out = tmp_path / "out"
    return [
        ["validate", str(wrong)],
        ["validate", str(FRENCH)],
        ["score", str(FRENCH), "--draws", "20"],
        ["framework"],
        ["ingest", str(FRENCH)],
        ["ingest", str(wrong)],
        ["list"],
        ["history", "XC"],
        ["status", "XC", "2025"],
        ["status", "XC", "2025", "--set", "published"],
        ["status", "XC", "2025", "--set", "validated"],
        ["diff", "XC", "1"],
        ["history", "ZZ"],
        ["template", "--country", "SN", "--set", "core", "-o", str(out / "t.xlsx")],
        ["export", "XC", "-o", str(out / "r.xlsx")],
        ["compare", "XC", str(FRENCH), "-o", str(out / "c.xlsx")],
        ["change", "XC", str(FRENCH)],
        ["recommendations", "list", "XC"],
        ["users", "list"],
        ["users", "add", "gov@sn.example", "--role", "government"],
        ["score", "XC", "--profile", "nowhere"],
    ]


def test_the_main_commands_in_french_print_no_english(tmp_path, monkeypatch, wrong):
    monkeypatch.setenv("ROAM_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()
    messages = english_messages("fr")
    left = []
    for args in _commands(tmp_path, wrong):
        result = runner.invoke(app, ["--lang", "fr", *args], terminal_width=200)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args,
            result.exception,
        )
        for line in result.output.splitlines():
            text = line.strip(" │╭╮╰╯─")
            if text and (text in messages or english_sentence(text)):
                left.append((" ".join(args[:2]), text))
    assert not left, "\n".join(f"{cmd}: {text}" for cmd, text in left)
