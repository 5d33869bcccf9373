"""Terminology review: the same concept is translated by the same term in every file.

The glossary (`<version>/i18n/glossary.yaml`) pairs an English pattern with the agreed term of each
language. Wherever an English text uses the English term, its translation must use the agreed one.
Run `python -m roam.framework.terminology` to list every departure; the test suite runs it too.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from roam.framework.catalogue import Framework


@dataclass(frozen=True)
class TermDeparture:
    language: str
    key: str
    term: str
    expected: str

    def __str__(self) -> str:
        return (
            f"{self.language}: {self.key}: uses {self.term!r} in English but not {self.expected!r}"
        )


def load_glossary(path: Path) -> dict[str, dict[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return data.get("terms", {})


def check_pairs(
    pairs: Iterable[tuple[str, str, str]], language: str, glossary: Mapping[str, Mapping[str, str]]
) -> list[TermDeparture]:
    """(key, english, translated) triples against the glossary for one language."""
    found = []
    compiled = [
        (name, re.compile(t["en"], re.I), re.compile(t[language], re.I), t[language])
        for name, t in glossary.items()
        if language in t
    ]
    for key, english, translated in pairs:
        for name, source, target, expected in compiled:
            if source.search(english) and not target.search(translated):
                found.append(TermDeparture(language, key, name, expected))
    return found


def check_catalogue(fw: Framework) -> list[TermDeparture]:
    """Every translated catalogue text of a framework version against its glossary."""
    if fw.folder is None or not (fw.folder / "i18n" / "glossary.yaml").is_file():
        return []
    glossary = load_glossary(fw.folder / "i18n" / "glossary.yaml")
    found = []
    for lang, translation in fw.translations.items():
        pairs = [(k, fw.source_texts[k], v) for k, v in translation.texts.items()]
        found.extend(check_pairs(pairs, lang, glossary))
    return found


def check_messages(fw: Framework) -> list[TermDeparture]:
    """The gettext message catalogues (roam/locale) against the same glossary."""
    from babel.messages.pofile import read_po

    from roam.i18n import languages, po_path

    if fw.folder is None or not (fw.folder / "i18n" / "glossary.yaml").is_file():
        return []
    glossary = load_glossary(fw.folder / "i18n" / "glossary.yaml")
    found = []
    for lang in languages()[1:]:
        with po_path(lang).open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        pairs = [(m.id, m.id, m.string) for m in catalog if m.id and m.string]
        found.extend(check_pairs(pairs, lang, glossary))  # type: ignore[arg-type]
    return found


def main() -> int:
    from roam.framework import load_framework

    fw = load_framework()
    departures = check_catalogue(fw) + check_messages(fw)
    for departure in departures:
        print(departure)
    print(f"{len(departures)} terminology departures")
    return 1 if departures else 0


if __name__ == "__main__":
    sys.exit(main())
