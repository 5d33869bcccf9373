"""Shared helpers for tests: build and edit real xlsx files."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import openpyxl
import python_calamine

from roam.i18n import translations


def edit_xlsx(data: bytes, change: Callable[[openpyxl.Workbook], None]) -> bytes:
    """Edit a workbook the way a person's spreadsheet program would, and save it again."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    change(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def workbook_content(data: bytes) -> dict[str, list[list[object]]]:
    """Every cell value of every sheet: compares workbooks independent of writer details."""
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def row_of(ws, indicator_id: str) -> int:
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, 1).value == indicator_id:
            return row
    raise KeyError(indicator_id)


def issues_of(report, *, skip=("missing_indicator",)) -> list[tuple[str, str | None, str | None]]:
    return [
        (i.code, f"{i.sheet}!{i.cell}" if i.cell else i.sheet, i.indicator)
        for i in report.issues
        if i.code not in skip
    ]


def patch_parts(data: bytes, changes: dict, drop: tuple[str, ...] = ()) -> bytes:
    """Rewrite a workbook's zip parts byte by byte, as an attacker would (no spreadsheet program
    in between): `changes` maps a part name to new bytes or to a function of the old bytes;
    parts not in the file are added."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            if info.filename in drop:
                continue
            body = source.read(info)
            change = changes.get(info.filename)
            if change is not None:
                body = change(body) if callable(change) else change
            z.writestr(info, body)
        for name, change in changes.items():
            if name not in source.namelist():
                z.writestr(name, change(b"") if callable(change) else change)
    return out.getvalue()


def before_end_of_sheet_data(extra: bytes) -> Callable[[bytes], bytes]:
    """A patch adding raw XML just before </sheetData> (where cells live)."""
    return lambda xml: xml.replace(b"</sheetData>", extra + b"</sheetData>", 1)


# words an English sentence is made of and a French one is not (no "on", "an", "or", "a", "as")
ENGLISH = frozenset(
    {
        *("the", "and", "of", "is", "are", "with", "from", "this", "that", "which", "was"),
        *("were", "has", "have", "each", "every", "be", "by", "it", "its", "for", "to", "not"),
        *("these", "those", "than", "there", "their", "been", "will", "can", "what", "when"),
        *("where", "how", "only", "your", "you", "all", "any", "at", "into", "no"),
    }
)


# words of French (the guard's language) that English text does not use
FRENCH = frozenset(
    {
        *("le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "pas", "pour", "sur"),
        *("dans", "au", "aux", "ne", "que", "qui", "par", "avec", "ou", "en", "sont", "ce"),
    }
)


def english_sentence(text: str) -> bool:
    """English: two or more English function words, or one and no French one."""
    text = re.sub(r"\b[0-9a-f]{16,}\b", " ", text.lower())  # no hashes ("...eb55be19...")
    words = re.findall(r"[a-zà-ÿ]+", re.sub(r"\S*[/\\]\S*", " ", text))  # no paths
    english = sum(w in ENGLISH for w in words)
    return english >= 2 or (english == 1 and not any(w in FRENCH for w in words))


def english_messages(lang: str) -> set[str]:
    """Catalogue messages whose translation differs from the English: their English must not
    show. Format strings are matched by their fixed text before the first field."""
    catalogue = translations(lang)._catalog  # the compiled catalogue's msgid -> msgstr
    return {
        key
        for key, value in catalogue.items()
        if isinstance(key, str) and key and value and value != key and len(key) > 3
    }
