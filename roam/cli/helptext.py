"""`roam --help` in the user's language.

typer builds every command's help from `help=` arguments and docstrings when the module is
imported, in English. Those English texts are the messages: a Babel extraction method (see
babel.cfg) collects them from roam/cli, and `translate_help` swaps them for their translation on
the freshly built click commands of a run, once that run's language is known (--lang or ROAM_LANG,
read before any --help is handled). The words typer adds itself (Options, Commands, Show this
message and exit, ...) are listed below and translated the same way.
"""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Iterator
from typing import Any

import click

from roam.i18n import N_, SOURCE_LANGUAGE, Message, current_language, gettext

# typer's own words on a help page and in a usage error (its msgids, verbatim)
HELP_OPTION = N_("Show this message and exit.")
USAGE = N_("Usage:")
# typer's bundled click writes its usage errors in English, with no catalogue: the common ones
# are recognised (pattern -> message) and said again in the run's language
USAGE_ERRORS = (
    (r"Missing argument '(?P<name>.+)'\.", N_("Missing argument '{name}'.")),
    (r"Missing option '(?P<name>.+)'\.", N_("Missing option '{name}'.")),
    (r"No such option: (?P<name>.+)", N_("No such option: {name}")),
    (r"No such command '(?P<name>.+)'\.", N_("No such command '{name}'.")),
    (r"Got unexpected extra arguments? \((?P<args>.+)\)", N_("Unexpected extra argument ({args})")),
    (
        r"Invalid value for (?P<name>.+?): (?P<message>.+)",
        N_("Invalid value for {name}: {message}"),
    ),
)
# typer reads these constants once, when it is imported; they are set per run
_TYPER_CONSTANTS = {
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "DEFAULT_STRING": N_("[default: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "ABORTED_TEXT": N_("Aborted."),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}
_ENGLISH = "_roam_english_help"
_FROM_DATA: dict[str, Message] = {}


def help_from_data(template: str, **fields: object) -> str:
    """A help text with data in it (a list of statuses...): English now, the template's
    translation with the same data when --help is asked in another language."""
    message = Message(template, **fields)
    _FROM_DATA[str(message)] = message
    return str(message)


def use_tool_words() -> None:
    """typer's panel titles, usage line and usage errors in the current language from now on."""
    import typer.rich_utils
    from typer._click.formatting import HelpFormatter

    for name, english in _TYPER_CONSTANTS.items():
        setattr(typer.rich_utils, name, gettext(english))
    if not getattr(HelpFormatter.write_usage, "_roam", False):
        HelpFormatter.write_usage = _usage_in_language(HelpFormatter.write_usage)
        typer.rich_utils.rich_format_error = _error_in_language(typer.rich_utils.rich_format_error)


def _usage_in_language(write_usage):
    def write(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        return write_usage(self, prog, args, gettext(USAGE) + " " if prefix is None else prefix)

    write._roam = True
    return write


def usage_error_text(message: str) -> str:
    """One of click's usage errors in the current language (others as they are)."""
    for pattern, template in USAGE_ERRORS:
        found = re.fullmatch(pattern, message.strip())
        if found:
            return gettext(template).format(**found.groupdict())
    return message


def _error_in_language(show):
    def shown(error) -> None:
        text = usage_error_text(error.format_message())
        error.format_message = lambda: text
        return show(error)

    return shown


def translate_help(command: click.Command) -> None:
    """Every help text of a command tree in the current language (English kept to switch back)."""
    lang = current_language()
    for item in _with_help(command):
        english = getattr(item, _ENGLISH, None)
        if english is None:
            english = {key: getattr(item, key, None) for key in ("help", "short_help")}
            setattr(item, _ENGLISH, english)
        for key, text in english.items():
            if text in _FROM_DATA:  # a help built from data: its template is the message
                setattr(item, key, _FROM_DATA[text].text())
            elif text:
                translated = gettext(inspect.cleandoc(text)) if lang != SOURCE_LANGUAGE else text
                setattr(item, key, translated)


def _with_help(command: click.Command) -> Iterator[Any]:
    yield command
    yield from command.params
    option = command.get_help_option(click.Context(command))  # made once, kept by the command
    if option is not None:
        option.help = gettext(HELP_OPTION)
    for sub in getattr(command, "commands", {}).values():
        yield from _with_help(sub)


def extract_help(fileobj, keywords, comment_tags, options):
    """Babel extraction method for roam/cli: the `_()` calls of a module (Babel's own Python
    extraction) plus its `help=` texts and the docstrings of its commands, as typer shows them."""
    from babel.messages.extract import extract_python

    source = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, options)
    text = source.decode(options.get("encoding", "utf-8")) if isinstance(source, bytes) else source
    tree = ast.parse(text)
    registered = {  # functions registered as `app.command("name")(function)`
        node.args[0].id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Call)
        and isinstance(node.func.func, ast.Attribute)
        and node.func.func.attr == "command"
        and node.args
        and isinstance(node.args[0], ast.Name)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                value = keyword.value
                if (
                    keyword.arg == "help"
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                    and value.value.strip()
                ):
                    yield value.lineno, None, inspect.cleandoc(value.value), ["help"]
        elif isinstance(node, ast.FunctionDef) and (_is_command(node) or node.name in registered):
            doc = ast.get_docstring(node, clean=True)
            if doc:
                yield node.lineno, None, doc, ["help"]


def _is_command(node: ast.FunctionDef) -> bool:
    for decorator in node.decorator_list:
        func = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(func, ast.Attribute) and func.attr in ("command", "callback"):
            return True
    return False
