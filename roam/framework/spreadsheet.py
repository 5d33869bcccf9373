"""The whole catalogue as one spreadsheet, and such a spreadsheet back into a framework folder.

A team that holds UNESCO's own wording, or a revised framework, keys it into this spreadsheet once
and imports it: every row is checked, every problem is reported by sheet, row and column, and a new
version folder is written only when nothing is wrong.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from roam.errors import RoamError
from roam.framework import spreadsheet_languages as languages
from roam.framework.catalogue import Framework
from roam.framework.folder import write_framework_folder
from roam.framework.load import DEFAULT_VERSION, CatalogueError, indicators_root, load_framework
from roam.framework.models import (
    CATEGORY_CODE,
    CONTEXT_ID,
    INDICATOR_ID,
    QUESTION_ID,
    THEME_ID,
    CategoryFile,
    ContextGroup,
    Indicator,
    Manifest,
    Question,
    Scale,
    ScalesFile,
)

LIST_SEPARATOR = "; "

# sheet -> [(key, header)]; the importer finds columns by header, so their order may change
ABOUT = "About"
CATEGORIES = "Categories"
INDICATORS = "Indicators"
CONTEXTUAL = "Contextual"
SCALES = "Scales"
COUNTS = "Counts"

INDICATOR_FIELDS = [
    ("indicator_id", "Indicator ID"),
    ("indicator_text", "Indicator"),
    ("core", "Core"),
    ("kind", "Kind"),
    ("scale", "Scale"),
    ("unit", "Unit"),
    ("direction", "Direction"),
    ("goal_low", "Goalpost low"),
    ("goal_high", "Goalpost high"),
    ("goal_basis", "Goalpost basis"),
    ("disaggregation", "Disaggregation"),
    ("sources", "Sources"),
    ("provenance", "Provenance"),
    ("source", "Source"),
]
COLUMNS: dict[str, list[tuple[str, str]]] = {
    ABOUT: [("key", "Key"), ("value", "Value")],
    CATEGORIES: [
        ("code", "Code"),
        ("name", "Name"),
        ("summary", "Summary"),
        ("label", "Short name"),
        ("role", "Role"),
        ("colour", "Colour"),
    ],
    INDICATORS: [
        ("category", "Category"),
        ("theme_id", "Theme ID"),
        ("theme_name", "Theme"),
        ("question_id", "Question ID"),
        ("question_text", "Question"),
        ("question_provenance", "Question provenance"),
        ("question_source", "Question source"),
        *INDICATOR_FIELDS,
    ],
    CONTEXTUAL: [("group_id", "Group ID"), ("group_name", "Group"), *INDICATOR_FIELDS],
    SCALES: [
        ("scale_id", "Scale ID"),
        ("type", "Type"),
        ("name", "Name"),
        ("description", "Description"),
        ("minimum", "Minimum"),
        ("maximum", "Maximum"),
        ("label", "Level label"),
        ("points", "Level points"),
        ("descriptor", "Level descriptor"),
    ],
    COUNTS: [
        ("scope", "Scope"),
        ("themes", "Themes"),
        ("questions", "Questions"),
        ("indicators", "Indicators"),
        ("core", "Core"),
    ],
}
REQUIRED_SHEETS = (ABOUT, CATEGORIES, INDICATORS, SCALES)
OPTIONAL_COLUMNS = {
    "unit",
    "direction",
    "goal_low",
    "goal_high",
    "goal_basis",
    "disaggregation",
    "sources",
    "source",
    "question_source",
    "summary",
    "minimum",
    "maximum",
    "label",
    "points",
    "descriptor",
    "themes",
    "questions",
    "indicators",
    "core",
}
ABOUT_KEYS = ("title", "source", "licence", "short_name", "index_id", "index_name")
COUNT_KEYS = ("themes", "questions", "indicators", "core")
ROLES = ("index", "beside", "context")
YES = {"yes", "y", "true", "1", "core"}
NO = {"no", "n", "false", "0", ""}


# ------------------------------------------------------------------------------------ export


def export_catalogue(fw: Framework) -> bytes:
    """One workbook with every category, theme, question, indicator, scale and published count."""
    from roam.xlsxwrite import new_workbook

    buffer = io.BytesIO()
    wb = new_workbook(
        buffer,
        f"roam catalogue, framework {fw.version}",
        "Indicator wording adapted from UNESCO (2019), CC BY-SA 3.0 IGO.",
    )
    header = wb.add_format({"bold": True, "bg_color": "#dde4ee", "border": 1, "text_wrap": True})
    text = wb.add_format({"text_wrap": True, "valign": "top"})
    _write_instructions(wb, fw, text)
    sheets = {
        ABOUT: _about_rows(fw),
        CATEGORIES: [
            {
                "code": c.category,
                "name": c.name,
                "summary": c.summary,
                "label": fw.category(c.category).name,
                "role": fw.category(c.category).role,
                "colour": fw.category(c.category).colour,
            }
            for c in fw.categories.values()
        ],
        INDICATORS: list(_indicator_rows(fw)),
        CONTEXTUAL: list(_contextual_rows(fw)),
        SCALES: list(_scale_rows(fw)),
        COUNTS: _count_rows(fw),
    }
    for name, rows in sheets.items():
        ws = wb.add_worksheet(name)
        for col, (key, title) in enumerate(COLUMNS[name]):
            ws.write_string(0, col, title, header)
            ws.set_column(col, col, 40 if key.endswith(("text", "summary", "source")) else 16)
        for r, row in enumerate(rows, start=1):
            for col, (key, _) in enumerate(COLUMNS[name]):
                _write_cell(ws, r, col, row.get(key), text)
        _write_languages(ws, fw, name, rows, header, text)
        ws.freeze_panes(1, 0)
    wb.close()
    return buffer.getvalue()


def _write_languages(ws, fw: Framework, sheet: str, rows: list[dict], header, fmt) -> None:
    """One column per language beside the sheet's own, for each text a translation holds."""
    titles = dict(COLUMNS[sheet])
    col = len(COLUMNS[sheet])
    for lang in sorted(fw.translations):
        for key in languages.translated_keys(sheet):
            ws.write_string(0, col, languages.language_header(titles[key], lang), header)
            ws.set_column(col, col, 40 if key.endswith(("text", "summary")) else 16)
            for r, row in enumerate(rows, start=1):
                _write_cell(ws, r, col, languages.cell_text(fw, lang, sheet, key, row), fmt)
            col += 1


def _write_cell(ws, row: int, col: int, value: Any, fmt) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        ws.write_string(row, col, "Yes" if value else "No", fmt)
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


def _write_instructions(wb, fw: Framework, fmt) -> None:
    ws = wb.add_worksheet("Instructions")
    ws.set_column(0, 0, 110)
    lines = [
        f"roam catalogue of {fw.manifest.title} (framework {fw.version}).",
        "One row per indicator on Indicators (category, theme, question and indicator) and on "
        "Contextual (contextual indicators by group); answer scales on Scales, one row per level.",
        "Provenance is 'confirmed' (give the Source: document and page) or 'reconstructed' "
        "(roam's or your own wording, to be checked against UNESCO's text).",
        "Core: Yes or No. Lists (Disaggregation, Sources) are separated by semicolons.",
        "Counts: the published counts the catalogue must reproduce (leave a cell empty to skip).",
        "Import with: roam framework import FILE --as NAME. Nothing is written if any row is "
        "wrong; every problem is reported with its sheet, row and column.",
        "Indicator wording is adapted from UNESCO (2019), UNESCO's Internet Universality "
        "Indicators, licensed CC BY-SA 3.0 IGO.",
    ]
    for row, line in enumerate(lines):
        ws.write_string(row, 0, line, fmt)


def _about_rows(fw: Framework) -> list[dict]:
    m = fw.manifest
    return [
        {"key": "version", "value": m.version},
        {"key": "title", "value": m.title},
        {"key": "source", "value": m.source},
        {"key": "licence", "value": m.licence},
        {"key": "short_name", "value": m.vocabulary.short_name},
        {"key": "index_id", "value": m.vocabulary.index.id},
        {"key": "index_name", "value": m.vocabulary.index.name},
    ]


def _indicator_fields(ind: Indicator) -> dict:
    gp = ind.goalposts
    return {
        "indicator_id": ind.id,
        "indicator_text": ind.text,
        "core": ind.core,
        "kind": ind.kind,
        "scale": ind.scale,
        "unit": ind.unit,
        "direction": ind.direction,
        "goal_low": gp.low if gp else None,
        "goal_high": gp.high if gp else None,
        "goal_basis": gp.basis if gp else None,
        "disaggregation": LIST_SEPARATOR.join(ind.disaggregation),
        "sources": LIST_SEPARATOR.join(ind.sources),
        "provenance": ind.provenance,
        "source": ind.source,
    }


def _indicator_rows(fw: Framework) -> Iterable[dict]:
    for code, cat in fw.categories.items():
        for theme in cat.themes:
            for q in theme.questions:
                for ind in q.indicators:
                    yield {
                        "category": code,
                        "theme_id": theme.id,
                        "theme_name": theme.name,
                        "question_id": q.id,
                        "question_text": q.text,
                        "question_provenance": q.provenance,
                        "question_source": q.source,
                        **_indicator_fields(ind),
                    }


def _contextual_rows(fw: Framework) -> Iterable[dict]:
    for cat in fw.categories.values():
        for group in cat.groups:
            for ind in group.indicators:
                yield {"group_id": group.id, "group_name": group.name, **_indicator_fields(ind)}


def _scale_rows(fw: Framework) -> Iterable[dict]:
    for scale in fw.scales.values():
        base = {
            "scale_id": scale.id,
            "type": scale.type,
            "name": scale.name,
            "description": scale.description,
            "minimum": getattr(scale, "minimum", None),
            "maximum": getattr(scale, "maximum", None),
        }
        levels = getattr(scale, "levels", None)
        if not levels:
            yield base
            continue
        for index, level in enumerate(levels):
            yield {
                **base,
                "level": index,
                "label": level.label,
                "points": level.points,
                "descriptor": level.descriptor,
            }


def _count_rows(fw: Framework) -> list[dict]:
    expected = fw.manifest.expected_counts
    if expected is None:
        return []
    rows = [{"scope": "total", **{k: getattr(expected, k) for k in COUNT_KEYS}}]
    for code, counts in expected.per_category.items():
        rows.append({"scope": code, **{k: getattr(counts, k) for k in COUNT_KEYS}})
    return rows


# ------------------------------------------------------------------------------------ import


@dataclass(frozen=True)
class ImportIssue:
    """One problem in an import spreadsheet, where a person can find it."""

    sheet: str
    row: int | None
    column: str | None  # the column's header
    message: str
    letter: str | None = None

    def __str__(self) -> str:
        where = self.sheet
        if self.row is not None:
            where += f" row {self.row}"
        if self.column:
            where += f", column {self.letter + ' ' if self.letter else ''}({self.column})"
        return f"{where}: {self.message}"


class CatalogueImportError(RoamError, ValueError):
    """The spreadsheet cannot become a framework; lists every problem found."""

    def __init__(self, issues: list[ImportIssue]) -> None:
        self.issues = issues
        lines = "\n".join(f"  {issue}" for issue in issues[:50])
        more = f"\n  ... and {len(issues) - 50} more" if len(issues) > 50 else ""
        super().__init__(f"{len(issues)} problem(s) in the catalogue spreadsheet:\n{lines}{more}")


MAX_FILE_BYTES = 20 * 1024 * 1024  # a full catalogue is well under 1 MB
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def _unsafe_archive(data: bytes) -> str | None:
    """Refuse files too large to be a catalogue, and archives that unpack to far more."""
    if len(data) > MAX_FILE_BYTES:
        return f"the file is {len(data) / 1e6:.0f} MB; a catalogue spreadsheet is far smaller"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except zipfile.BadZipFile:
        return "not an Excel workbook (.xlsx) that can be read"
    if unpacked > MAX_UNPACKED_BYTES:
        return "the workbook unpacks to more than 200 MB; it is not a catalogue spreadsheet"
    return None


@dataclass
class _Row:
    sheet: str
    number: int  # 1-based spreadsheet row
    values: dict[str, Any]
    letters: dict[str, str]


class _Reader:
    """Reads the sheets into rows and collects located problems instead of stopping."""

    def __init__(self, data: bytes) -> None:
        import openpyxl

        self.issues: list[ImportIssue] = []
        self.broken_scales: set[str] = set()  # reported once on Scales, not on every user
        self.styles: dict[str, dict] = {}  # per category: short name, role, colour
        self.workbook = None
        problem = _unsafe_archive(data)
        if problem:
            self.issues.append(ImportIssue("file", None, None, problem))
            return
        try:
            self.workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
        except Exception:  # noqa: BLE001 - any failure means this is not a readable workbook
            self.issues.append(
                ImportIssue("file", None, None, "not an Excel workbook (.xlsx) that can be read")
            )

    def context_code(self) -> str | None:
        """The category with role "context" (its rows are on the Contextual sheet), if any."""
        return next((c for c, style in self.styles.items() if style["role"] == "context"), None)

    def add(self, row: _Row | None, sheet: str, key: str | None, message: str) -> None:
        header = dict(COLUMNS.get(sheet, [])).get(key) if key else None
        letter = row.letters.get(key) if row and key else None
        self.issues.append(ImportIssue(sheet, row.number if row else None, header, message, letter))

    def rows(self, sheet: str, required: bool = True) -> list[_Row]:
        if self.workbook is None:
            return []
        if sheet not in self.workbook.sheetnames:
            if required:
                self.issues.append(ImportIssue(sheet, None, None, "sheet is missing"))
            return []
        ws = self.workbook[sheet]
        by_header = {title.casefold(): key for key, title in COLUMNS[sheet]}
        columns: dict[int, str] = {}
        letters: dict[str, str] = {}
        for cell in next(ws.iter_rows(min_row=1, max_row=1), ()):
            title = str(cell.value or "").strip()
            key = by_header.get(title.casefold())
            translated = None if key else languages.split_header(title, sheet, by_header)
            if translated:  # "Indicator (fr)": kept as indicator_text@fr
                key = "@".join(translated)
            if key:
                columns[cell.column] = key
                letters[key] = cell.column_letter
        missing = [
            title
            for key, title in COLUMNS[sheet]
            if key not in letters and key not in OPTIONAL_COLUMNS
        ]
        if missing:
            self.issues.append(
                ImportIssue(sheet, 1, None, f"header row lacks column(s): {', '.join(missing)}")
            )
            return []
        out = []
        for cells in ws.iter_rows(min_row=2):
            values: dict[str, Any] = {}
            row = _Row(sheet, cells[0].row if cells else 0, values, letters)
            for cell in cells:
                key = columns.get(cell.column)
                if key is None:
                    continue
                if cell.data_type == "f":
                    self.add(row, sheet, key, "is a formula; type the value itself")
                    continue
                value = cell.value
                if isinstance(value, str):
                    value = value.strip()
                values[key] = None if value == "" else value
            if any(v is not None for v in values.values()):
                out.append(row)
        return out


def _text(row: _Row, key: str) -> str | None:
    value = row.values.get(key)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _number(reader: _Reader, row: _Row, key: str) -> float | None:
    value = row.values.get(key)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        reader.add(row, row.sheet, key, f"{value!r} is not a number")
        return None


def _split(value: str | None) -> list[str]:
    if not value:
        return []
    return [part.strip() for part in str(value).split(";") if part.strip()]


def _core(reader: _Reader, row: _Row) -> bool:
    value = (_text(row, "core") or "").casefold()
    if value in YES:
        return True
    if value not in NO:
        reader.add(row, row.sheet, "core", f"{value!r} is not Yes or No")
    return False


FIELD_COLUMNS = {
    "id": "indicator_id",
    "text": "indicator_text",
    "goalposts": "goal_low",
    "disaggregation": "disaggregation",
}


def _model_level_column(message: str) -> str:
    """The column a whole-indicator rule is about, so its message lands where the fix is."""
    for words, column in (
        ("needs a source", "provenance"),
        ("need a direction", "direction"),
        ("not core", "core"),
    ):
        if words in message:
            return column
    return "kind"


def _indicator(reader: _Reader, row: _Row, kind: str | None = None) -> dict | None:
    """The indicator of one row, checked on its own so that its problems carry its row."""
    low, high = _number(reader, row, "goal_low"), _number(reader, row, "goal_high")
    basis = _text(row, "goal_basis")
    data: dict[str, Any] = {
        "id": _text(row, "indicator_id"),
        "text": _text(row, "indicator_text"),
        "provenance": (_text(row, "provenance") or "").casefold() or None,
        "source": _text(row, "source"),
        "core": _core(reader, row),
        "kind": kind or _text(row, "kind"),
        "scale": _text(row, "scale"),
        "unit": _text(row, "unit"),
        "direction": (_text(row, "direction") or "").casefold() or None,
        "disaggregation": _split(_text(row, "disaggregation")),
        "sources": _split(_text(row, "sources")),
    }
    if low is not None or high is not None or basis:
        data["goalposts"] = {"low": low, "high": high, "basis": basis}
    data = {k: v for k, v in data.items() if v is not None}
    try:
        Indicator.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else _model_level_column(error["msg"])
            key = FIELD_COLUMNS.get(field, field)
            if field == "goalposts" and len(error["loc"]) > 1:
                key = {"low": "goal_low", "high": "goal_high", "basis": "goal_basis"}.get(
                    str(error["loc"][1]), "goal_low"
                )
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "missing":
                message = "is required"
            reader.add(row, row.sheet, key, message)
        return None
    return data


def _scales(reader: _Reader) -> list[dict]:
    scales: dict[str, dict] = {}
    first_row: dict[str, _Row] = {}
    level_rows: dict[str, list[_Row]] = {}
    for row in reader.rows(SCALES):
        scale_id = _text(row, "scale_id")
        if not scale_id:
            reader.add(row, SCALES, "scale_id", "is required")
            continue
        head = {
            "id": scale_id,
            "type": (_text(row, "type") or "").casefold(),
            "name": _text(row, "name"),
            "description": _text(row, "description"),
        }
        for key in ("minimum", "maximum"):
            value = _number(reader, row, key)
            if value is not None:
                head[key] = value
        scale = scales.setdefault(scale_id, {**head, "levels": []})
        first_row.setdefault(scale_id, row)
        for key in ("type", "name", "description"):
            if head[key] != scale[key]:
                reader.add(
                    row,
                    SCALES,
                    key,
                    f"differs from row {first_row[scale_id].number} of scale {scale_id!r}",
                )
        label = _text(row, "label")
        if label is not None:
            points = _number(reader, row, "points")
            level_rows.setdefault(scale_id, []).append(row)
            level = {"label": label, "points": points, "descriptor": _text(row, "descriptor")}
            scale["levels"].append({k: v for k, v in level.items() if v is not None})
    adapter = TypeAdapter(Scale)
    out = []
    for scale_id, scale in scales.items():
        if scale["type"] != "choice":
            scale.pop("levels")
        try:
            adapter.validate_python(scale)
        except ValidationError as exc:
            reader.broken_scales.add(scale_id)
            error = exc.errors()[0]
            loc = [str(part) for part in error["loc"]]
            key = next((part for part in loc if part in dict(COLUMNS[SCALES])), None)
            row = first_row[scale_id]
            if "levels" in loc:
                rest = loc[loc.index("levels") + 1 :]
                if rest and rest[0].isdigit() and int(rest[0]) < len(level_rows[scale_id]):
                    row = level_rows[scale_id][int(rest[0])]
                key = rest[1] if len(rest) > 1 else "label"
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "missing":
                message = "is required"
            reader.add(row, SCALES, key or "type", f"scale {scale_id!r}: {message}")
            continue
        out.append(scale)
    return out


def _about(reader: _Reader) -> dict[str, str]:
    about: dict[str, str] = {}
    for row in reader.rows(ABOUT):
        key = (_text(row, "key") or "").casefold()
        if key in ABOUT_KEYS or key == "version":
            about[key] = _text(row, "value") or ""
    for key in ABOUT_KEYS:
        if not about.get(key):
            reader.issues.append(ImportIssue(ABOUT, None, "Value", f"the {key!r} row is missing"))
    return about


def _categories(reader: _Reader) -> dict[str, dict]:
    categories: dict[str, dict] = {}
    for row in reader.rows(CATEGORIES):
        code = (_text(row, "code") or "").upper()
        if not re.fullmatch(CATEGORY_CODE, code):
            reader.add(row, CATEGORIES, "code", f"{code or 'empty'!r} is not a capital letter")
            continue
        if code in categories:
            reader.add(row, CATEGORIES, "code", f"category {code} is listed twice")
            continue
        name = _text(row, "name")
        if not name:
            reader.add(row, CATEGORIES, "name", "is required")
        summary = _text(row, "summary") or ""
        categories[code] = {"category": code, "name": name or code, "summary": summary}
        style = {
            "name": _text(row, "label") or name or code,
            "role": (_text(row, "role") or "").casefold(),
            "colour": _text(row, "colour") or "",
        }
        if style["role"] not in ROLES:
            reader.add(row, CATEGORIES, "role", f"must be one of {', '.join(ROLES)}")
        if not re.fullmatch(r"#[0-9A-Fa-f]{6}", style["colour"]):
            reader.add(row, CATEGORIES, "colour", "must be a colour like #0072B2")
        reader.styles[code] = style
    return categories


def _themes(reader: _Reader, categories: dict[str, dict], scale_ids: set[str]) -> None:
    """Indicator rows into themes and questions under their categories (in row order)."""
    themes: dict[str, dict] = {}
    questions: dict[str, tuple[dict, _Row]] = {}
    seen: dict[str, _Row] = {}
    for row in reader.rows(INDICATORS):
        code = (_text(row, "category") or "").upper()
        theme_id, question_id = _text(row, "theme_id"), _text(row, "question_id")
        if code not in categories or code == reader.context_code():
            reader.add(
                row,
                INDICATORS,
                "category",
                f"{code or 'empty'!r} is not a scored category on the Categories sheet",
            )
            continue
        if not theme_id or not THEME_ID.match(theme_id) or not theme_id.startswith(f"{code}."):
            reader.add(row, INDICATORS, "theme_id", f"{theme_id!r} must look like {code}.A")
            continue
        if not question_id or not QUESTION_ID.match(question_id):
            reader.add(
                row, INDICATORS, "question_id", f"{question_id!r} must look like {theme_id}.1"
            )
            continue
        if not question_id.startswith(f"{theme_id}."):
            reader.add(row, INDICATORS, "question_id", f"{question_id} is not in theme {theme_id}")
            continue
        theme = themes.get(theme_id)
        name = _text(row, "theme_name")
        if theme is None:
            theme = {"id": theme_id, "name": name, "questions": []}
            themes[theme_id] = theme
            categories[code].setdefault("themes", []).append(theme)
            if not name:
                reader.add(row, INDICATORS, "theme_name", "is required")
        elif name and name != theme["name"]:
            reader.add(
                row,
                INDICATORS,
                "theme_name",
                f"differs from the name given earlier ({theme['name']!r})",
            )
        question = _question(reader, row, theme, questions)
        indicator_id = _text(row, "indicator_id")
        if indicator_id is None and _text(row, "indicator_text") is None:
            continue  # a question row without an indicator: reported below if none follows
        if indicator_id and indicator_id in seen:
            reader.add(
                row,
                INDICATORS,
                "indicator_id",
                f"{indicator_id} is also on row {seen[indicator_id].number}",
            )
            continue
        if indicator_id and not (
            INDICATOR_ID.match(indicator_id) and indicator_id.startswith(f"{question_id}.")
        ):
            reader.add(
                row, INDICATORS, "indicator_id", f"{indicator_id!r} must look like {question_id}.1"
            )
            continue
        indicator = _indicator(reader, row)
        if indicator is None:
            continue
        seen[indicator_id] = row
        if indicator["kind"] == "contextual":
            reader.add(
                row, INDICATORS, "kind", "contextual indicators belong on the Contextual sheet"
            )
        _check_scale(reader, row, indicator, scale_ids)
        question["indicators"].append(indicator)
    for question_id, (question, row) in questions.items():
        if not question["indicators"]:
            reader.add(row, INDICATORS, "indicator_id", f"question {question_id} has no indicator")


def _question(reader: _Reader, row: _Row, theme: dict, questions: dict) -> dict:
    question_id = _text(row, "question_id")
    fields = {
        "text": _text(row, "question_text"),
        "provenance": (_text(row, "question_provenance") or "").casefold() or None,
        "source": _text(row, "question_source"),
    }
    known = questions.get(question_id)
    if known is None:
        question = {"id": question_id, **{k: v for k, v in fields.items() if v is not None}}
        question["indicators"] = []
        questions[question_id] = (question, row)
        theme["questions"].append(question)
        probe = {**question, "indicators": [_PROBE]}
        try:
            Question.model_validate(probe)
        except ValidationError as exc:
            for error in exc.errors():
                field = str(error["loc"][0]) if error["loc"] else "provenance"
                key = {"text": "question_text", "source": "question_source"}.get(
                    field, "question_provenance"
                )
                message = error["msg"].removeprefix("Value error, ")
                reader.add(
                    row, INDICATORS, key, "is required" if error["type"] == "missing" else message
                )
        return question
    question, first = known
    for key, value in fields.items():
        if value is not None and value != question.get(key):
            column = {"text": "question_text", "provenance": "question_provenance"}.get(
                key, "question_source"
            )
            reader.add(
                row,
                INDICATORS,
                column,
                f"differs from row {first.number} of question {question_id}",
            )
    return question


_PROBE = {
    "id": "R.A.1.1",
    "text": "probe",
    "provenance": "reconstructed",
    "kind": "legal",
    "scale": "x",
}


def _check_scale(reader: _Reader, row: _Row, indicator: dict, scale_ids: set[str]) -> None:
    if indicator["scale"] not in scale_ids and indicator["scale"] not in reader.broken_scales:
        known = ", ".join(sorted(scale_ids)) or "none on the Scales sheet"
        reader.add(
            row, row.sheet, "scale", f"unknown scale {indicator['scale']!r} (known: {known})"
        )


def _contextual(reader: _Reader, categories: dict[str, dict], scale_ids: set[str]) -> None:
    code = reader.context_code()
    rows = reader.rows(CONTEXTUAL, required=code is not None)
    if code is None:
        if rows:
            reader.add(
                rows[0],
                CONTEXTUAL,
                "group_id",
                "contextual rows need a category with role context on the Categories sheet",
            )
        return
    groups: dict[str, dict] = {}
    seen: dict[str, _Row] = {}
    for row in rows:
        group_id = _text(row, "group_id")
        group = groups.get(group_id or "")
        if group is None:
            group = {"id": group_id, "name": _text(row, "group_name"), "indicators": []}
            try:
                ContextGroup.model_validate(
                    {**group, "indicators": [{**_PROBE, "kind": "contextual"}]}
                )
            except ValidationError as exc:
                error = exc.errors()[0]
                key = "group_name" if error["loc"] and error["loc"][0] == "name" else "group_id"
                reader.add(row, CONTEXTUAL, key, error["msg"])
                continue
            groups[group_id] = group
            categories[code].setdefault("groups", []).append(group)
        indicator_id = _text(row, "indicator_id") or ""
        if not CONTEXT_ID.match(indicator_id) or not indicator_id.startswith(f"{code}."):
            reader.add(row, CONTEXTUAL, "indicator_id", f"{indicator_id!r} must look like {code}.1")
            continue
        if indicator_id in seen:
            reader.add(
                row,
                CONTEXTUAL,
                "indicator_id",
                f"{indicator_id} is also on row {seen[indicator_id].number}",
            )
            continue
        seen[indicator_id] = row
        indicator = _indicator(reader, row, kind="contextual")
        if indicator is not None:
            _check_scale(reader, row, indicator, scale_ids)
            group["indicators"].append(indicator)


def _counts(reader: _Reader, categories: dict[str, dict], check: bool) -> dict | None:
    """Published counts from the Counts sheet, compared with the rows once those are right."""
    rows = reader.rows(COUNTS, required=False)
    if not rows:
        return None
    actual = _actual_counts(categories)
    expected: dict[str, Any] = {"per_category": {}}
    for row in rows:
        scope = (_text(row, "scope") or "").strip()
        key = "total" if scope.casefold() == "total" else scope.upper()
        if key != "total" and key not in categories:
            reader.add(row, COUNTS, "scope", f"{scope!r} is neither 'total' nor a category")
            continue
        wanted = {}
        for count in COUNT_KEYS:
            value = _number(reader, row, count)
            if value is None:
                continue
            wanted[count] = int(value)
            if check and int(value) != actual[key][count]:
                reader.add(
                    row,
                    COUNTS,
                    count,
                    f"expected {int(value)}, the sheets hold {actual[key][count]}",
                )
        if key == "total":
            expected.update(wanted)
        else:
            expected["per_category"][key] = wanted
    return expected


def _actual_counts(categories: dict[str, dict]) -> dict[str, dict[str, int]]:
    out = {}
    for code, cat in categories.items():
        themes = cat.get("themes", [])
        inds = [i for t in themes for q in t["questions"] for i in q["indicators"]]
        inds += [i for g in cat.get("groups", []) for i in g["indicators"]]
        out[code] = {
            "themes": len(themes),
            "questions": sum(len(t["questions"]) for t in themes),
            "indicators": len(inds),
            "core": sum(1 for i in inds if i.get("core")),
        }
    out["total"] = {k: sum(c[k] for c in out.values()) for k in COUNT_KEYS}
    return out


def read_catalogue(data: bytes, name: str) -> tuple[Manifest, ScalesFile, list[CategoryFile]]:
    """Check a catalogue spreadsheet and build the models; raises CatalogueImportError."""
    reader = _Reader(data)
    if reader.workbook is None:
        raise CatalogueImportError(reader.issues)
    about = _about(reader)
    scales = _scales(reader)
    scale_ids = {s["id"] for s in scales}
    categories = _categories(reader)
    _themes(reader, categories, scale_ids)
    _contextual(reader, categories, scale_ids)
    expected = _counts(reader, categories, check=not reader.issues)
    for code, cat in categories.items():
        context = code == reader.context_code()
        part = "groups" if context else "themes"
        if not cat.get(part):
            sheet = CONTEXTUAL if context else INDICATORS
            reader.issues.append(
                ImportIssue(
                    sheet, None, None, f"category {code} on the Categories sheet has no rows"
                )
            )
    if reader.issues:
        raise CatalogueImportError(reader.issues)
    manifest = Manifest(
        version=name,
        title=about["title"],
        source=about["source"],
        licence=about["licence"],
        categories=list(categories),
        expected_counts=expected,
        vocabulary={
            "short_name": about["short_name"],
            "index": {"id": about["index_id"], "name": about["index_name"]},
            "categories": {code: reader.styles[code] for code in categories},
        },
    )
    return (
        manifest,
        ScalesFile.model_validate({"scales": scales}),
        [CategoryFile.model_validate(cat) for cat in categories.values()],
    )


def import_catalogue(
    data: bytes, name: str, root: Path | str | None = None, rules_from: str = DEFAULT_VERSION
) -> Path:
    """Write a new framework folder `root/name` from the spreadsheet, or nothing at all.

    The scoring rules and weight sets (scoring.yaml, weights.yaml) are copied from framework
    `rules_from`, so the new framework can be scored at once; edit them in the folder afterwards.
    """
    base = Path(root) if root is not None else indicators_root()
    if not usable_name(name):
        raise CatalogueImportError(
            [
                ImportIssue(
                    "--as",
                    None,
                    None,
                    f"{name!r} is not a usable folder name (letters, digits, . _ -)",
                )
            ]
        )
    target = base / name
    if target.exists():
        raise CatalogueImportError(
            [ImportIssue("--as", None, None, f"{target} already exists; choose another name")]
        )
    manifest, scales, categories = read_catalogue(data, name)
    extra = _rules_files(base, rules_from)
    manifest = _with_score_scale(manifest, base, rules_from)
    extra.update(languages.translation_files(read_translations(data), _model(base, rules_from)))
    base.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".import-{name}-", dir=base))
    try:
        write_framework_folder(staging / name, manifest, scales, categories, extra)
        try:
            load_framework(name, root=staging)
        except CatalogueError as exc:
            raise CatalogueImportError([ImportIssue("file", None, None, exc.problem)]) from None
        os.replace(staging / name, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def read_translations(data: bytes) -> dict[str, dict[str, dict]]:
    """The language columns of a catalogue spreadsheet: lang -> texts and units by key."""
    reader = _Reader(data)
    rows: dict[str, list[dict]] = {}
    for sheet in languages.TRANSLATED:
        found = [dict(row.values) for row in reader.rows(sheet, required=False)]
        if sheet == SCALES:  # a level's place within its scale, as the catalogue keys it
            seen: dict[str, int] = {}
            for row in found:
                if row.get("label") is not None and row.get("scale_id") is not None:
                    row["level"] = seen.get(row["scale_id"], 0)
                    seen[row["scale_id"]] = row["level"] + 1
        rows[sheet] = found
    return languages.collect(rows)


def _model(base: Path, version: str) -> Framework | None:
    """The framework the rules come from (its languages' names and notices), if it loads."""
    for root in (base, indicators_root()):
        try:
            return load_framework(version, root=root)
        except (CatalogueError, FileNotFoundError, ValueError):
            continue
    return None


def usable_name(name: str) -> bool:
    """A framework name is a folder name: letters, digits, dot, dash and underscore."""
    return bool(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name))


def _rules_folders(base: Path, version: str) -> list[Path]:
    roots = (base, indicators_root(), Path(__file__).resolve().parents[2] / "indicators")
    return [root / version for root in roots]


def _with_score_scale(manifest: Manifest, base: Path, version: str) -> Manifest:
    """The manifest with the colour scale of scores of framework `version` (presentation data
    the spreadsheet does not carry), when that framework declares one."""
    for folder in _rules_folders(base, version):
        if (folder / "framework.yaml").is_file():
            raw = yaml.safe_load((folder / "framework.yaml").read_text(encoding="utf-8"))
            scale = (raw.get("vocabulary") or {}).get("score_scale")
            if scale is None:
                return manifest
            vocabulary = manifest.vocabulary.model_dump() | {"score_scale": scale}
            return Manifest.model_validate(manifest.model_dump() | {"vocabulary": vocabulary})
    return manifest


def _rules_files(base: Path, version: str) -> dict[str, str]:
    for folder in _rules_folders(base, version):
        if (folder / "scoring.yaml").is_file():
            return {
                name: (folder / name).read_text(encoding="utf-8")
                for name in ("scoring.yaml", "weights.yaml")
                if (folder / name).is_file()
            }
    return {}
