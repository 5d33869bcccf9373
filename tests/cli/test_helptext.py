"""`roam --help` in the user's language (issue 17): every command's and option's help, and typer's
own panel titles, follow --lang (before the command) or ROAM_LANG; English stays the default."""

from __future__ import annotations

import inspect

import pytest
import typer
from typer.testing import CliRunner

from roam.cli import app
from roam.i18n import gettext

runner = CliRunner()


def _commands(command, path=()):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


def _texts(command) -> list[str]:
    found = [command.help] + [p.help for p in command.params if getattr(p, "help", None)]
    return [inspect.cleandoc(t) for t in found if t]


def test_every_help_text_has_a_translation():
    root = typer.main.get_command(app)
    untranslated = {  # (tests/i18n checks each catalogue entry is filled in every language)
        (" ".join(path), text)
        for path, command in _commands(root)
        for text in _texts(command)
        if all(gettext(text, lang) == text for lang in ("fr", "es", "ar"))
        and not text.startswith("Move to this status")  # built from data: tested below
    }
    assert untranslated == set()


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--lang", "fr", "score", "--help"], {}), (["score", "--help"], {"ROAM_LANG": "fr"})],
)
def test_score_help_in_french(args, env):
    result = runner.invoke(app, args, env=env, terminal_width=200)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Calculer les scores des évaluations" in out
    assert "Un fichier de pondérations (YAML)" in out
    assert "Afficher ce message et quitter." in out
    assert "Options" in out and "[obligatoire]" in out
    assert "Score assessments" not in out and "Show this message" not in out


def test_every_command_help_in_arabic_and_back_to_english():
    root = typer.main.get_command(app)
    for path, command in _commands(root):
        result = runner.invoke(app, ["--lang", "ar", *path, "--help"], terminal_width=400)
        assert result.exit_code == 0, (path, result.output)
        if command.help:
            first = gettext(inspect.cleandoc(command.help), "ar").splitlines()[0]
            assert " ".join(first.split()[:3]) in " ".join(result.output.split()), path
        assert "Show this message and exit." not in result.output
    english = runner.invoke(app, ["score", "--help"], terminal_width=200)
    assert "Score assessments" in english.output and "Show this message and exit." in english.output
    assert "╭─ Options" in english.output


def test_an_unknown_language_is_refused_plainly_even_with_help():
    result = runner.invoke(app, ["--lang", "xx", "score", "--help"], terminal_width=200)
    assert result.exit_code == 1
    assert "unknown language 'xx'" in result.output


@pytest.mark.parametrize(
    ("lang", "usage", "missing"),
    [
        ("fr", "Utilisation : ", "Argument manquant : « sources »."),
        ("es", "Uso: ", "Falta el argumento «sources»."),
        ("en", "Usage: ", "Missing argument 'sources'."),
    ],
)
def test_the_usage_line_and_usage_errors_follow_the_language(lang, usage, missing):
    result = runner.invoke(app, ["--lang", lang, "score"], terminal_width=200)
    assert result.exit_code == 2
    assert result.output.lstrip().startswith(usage)
    assert missing in result.output
    unknown = runner.invoke(app, ["--lang", lang, "nope"], terminal_width=200)
    assert "nope" in unknown.output and ("No such command" in unknown.output) == (lang == "en")


def test_a_help_built_from_data_is_translated_with_its_data():
    result = runner.invoke(app, ["--lang", "fr", "status", "--help"], terminal_width=300)
    assert "Faire passer à ce statut (draft, validated, submitted, published, archived)." in (
        " ".join(result.output.replace("│", " ").split())
    )
