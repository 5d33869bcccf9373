"""The catalogue spreadsheet's text columns in every language: "Indicator (fr)", "Theme (ar)"...

Export writes, beside each translatable column, one column per translation of the framework
(`<version>/i18n/<lang>.yaml`); import reads such columns back into translation files of the new
version. A column's header is the English header and the language code in brackets, so a team can
add a language by adding columns. Keys are the catalogue's own (see roam.framework.translation).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import yaml

from roam.framework.catalogue import Framework
from roam.framework.translation import LANGUAGE_CODE

# sheet -> column key -> the catalogue key of a row's text in that column
KeyOf = Callable[[dict[str, Any]], str | None]
TRANSLATED: dict[str, dict[str, KeyOf]] = {
    "About": {
        "value": lambda r: {"short_name": "vocab.short_name", "index_name": "vocab.index"}.get(
            str(r.get("key") or "").casefold()
        )
    },
    "Categories": {
        "name": lambda r: r.get("code"),
        "summary": lambda r: f"{r['code']}.summary" if r.get("code") else None,
        "label": lambda r: f"vocab.{r['code']}" if r.get("code") else None,
    },
    "Indicators": {
        "theme_name": lambda r: r.get("theme_id"),
        "question_text": lambda r: r.get("question_id"),
        "indicator_text": lambda r: r.get("indicator_id"),
    },
    "Contextual": {
        "group_name": lambda r: f"group.{r['group_id']}" if r.get("group_id") else None,
        "indicator_text": lambda r: r.get("indicator_id"),
    },
    "Scales": {
        "name": lambda r: f"scale.{r['scale_id']}.name" if r.get("scale_id") else None,
        "description": lambda r: (
            f"scale.{r['scale_id']}.description" if r.get("scale_id") else None
        ),
        "label": lambda r: _level_key(r, "label"),
        "descriptor": lambda r: _level_key(r, "descriptor"),
    },
}
UNIT_SHEETS = ("Indicators", "Contextual")  # "Unit (fr)": the unit's text, from the units table
LANGUAGE_HEADER = re.compile(r"^(?P<title>.+?)\s*\((?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]+)?)\)$")


def _level_key(row: dict[str, Any], part: str) -> str | None:
    if row.get("scale_id") is None or row.get("level") is None:
        return None
    return f"scale.{row['scale_id']}.{row['level']}.{part}"


def language_header(title: str, lang: str) -> str:
    return f"{title} ({lang})"


def translated_keys(sheet: str) -> list[str]:
    """The columns of a sheet that carry one column per language (in sheet order)."""
    keys = list(TRANSLATED.get(sheet, {}))
    return keys + (["unit"] if sheet in UNIT_SHEETS else [])


def cell_text(fw: Framework, lang: str, sheet: str, key: str, row: dict[str, Any]) -> str | None:
    """The translation of one cell of the export (None where there is none)."""
    translation = fw.translations[lang]
    if key == "unit":
        return translation.units.get(row["unit"]) if row.get("unit") else None
    text_key = TRANSLATED[sheet][key](row)
    return translation.texts.get(text_key) if text_key else None


def split_header(title: str, sheet: str, by_header: dict[str, str]) -> tuple[str, str] | None:
    """ "Indicator (fr)" -> ("indicator_text", "fr") for a translatable column, else None."""
    found = LANGUAGE_HEADER.match(title.strip())
    if not found or not re.fullmatch(LANGUAGE_CODE, found["lang"]):
        return None
    key = by_header.get(found["title"].casefold())
    return (key, found["lang"]) if key in translated_keys(sheet) else None


def collect(rows_by_sheet: dict[str, Iterable[dict[str, Any]]]) -> dict[str, dict[str, dict]]:
    """lang -> {"texts": {key: text}, "units": {unit: text}} from rows whose values carry
    "<column>@<lang>" entries (as the importer reads them)."""
    out: dict[str, dict[str, dict]] = {}
    for sheet, rows in rows_by_sheet.items():
        for row in rows:
            for name, value in row.items():
                if "@" not in name or value in (None, ""):
                    continue
                key, lang = name.split("@", 1)
                target = out.setdefault(lang, {"texts": {}, "units": {}})
                if key == "unit":
                    if row.get("unit"):
                        target["units"][str(row["unit"])] = str(value)
                    continue
                text_key = TRANSLATED[sheet][key](row)
                if text_key:
                    target["texts"][text_key] = str(value)
    return out


def translation_files(
    collected: dict[str, dict[str, dict]], model: Framework | None
) -> dict[str, str]:
    """i18n/<lang>.yaml texts for a new version: the language's name, direction and notice from
    the framework the rules come from when it has that language, else from CLDR."""
    from babel import Locale

    files = {}
    for lang, parts in sorted(collected.items()):
        known = model.translations.get(lang) if model is not None else None
        locale = Locale.parse(lang.replace("-", "_"))
        data = {
            "language": lang,
            "name": known.name if known else locale.get_display_name(lang).capitalize(),
            "direction": known.direction if known else locale.text_direction,
            "unofficial": True,
            "notice": known.notice
            if known
            else "Unofficial translation, imported from a catalogue spreadsheet.",
            "units": dict(sorted(parts["units"].items())),
            "texts": parts["texts"],
        }
        files[f"i18n/{lang}.yaml"] = yaml.safe_dump(
            data, allow_unicode=True, sort_keys=False, width=1000
        )
    return files
