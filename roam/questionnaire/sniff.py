"""Decide whether uploaded bytes are a safe, plain .xlsx before any parser touches them."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

import defusedxml.ElementTree as SafeET

from roam.errors import ValidationReport
from roam.questionnaire.vocab import Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTION_MARK = "EncryptionInfo".encode("utf-16-le")
MB = 1024 * 1024
CHUNK = 1 << 16


@dataclass
class Package:
    """An opened, checked xlsx zip plus what roam needs from its XML parts."""

    data: bytes
    sheet_paths: dict[str, str]  # sheet name -> worksheet part, e.g. xl/worksheets/sheet3.xml
    zip: zipfile.ZipFile
    parts: dict[str, bytes]  # worksheet XML already unpacked during the size check

    def formulas_without_value(self, sheet: str) -> dict[str, str]:
        """cell ref -> formula for formula cells that have no cached result (read as empty)."""
        part = self.sheet_paths.get(sheet)
        if part is None:
            return {}
        xml = self.parts.get(part)
        if xml is None:
            xml = self.zip.read(part)
        if not _may_have_formula(xml):
            return {}
        found: dict[str, str] = {}
        for match in CELL.finditer(xml):
            body = match.group("body") or b""
            if b"<f" not in body:
                continue
            value = VALUE.search(body)
            if value is None or not value.group(1).strip():
                formula = FORMULA.search(body)
                text = formula.group(1).decode("utf-8", "replace") if formula else "shared formula"
                found[match.group("ref").decode()] = "=" + _unescape(text)
        return found


FORMULA_TAGS = (b"<f", b":f>", b":f ")


def _may_have_formula(xml: bytes) -> bool:
    """A quick byte scan before the regex. Cells live in sheetData, where the only element
    starting with f is a formula; other parts of a sheet (data validations' <formula1>) are
    skipped without copying."""
    end = xml.rfind(b"sheetData>")
    end = len(xml) if end < 0 else end
    return any(xml.find(tag, 0, end) >= 0 for tag in FORMULA_TAGS)


CELL = re.compile(rb'<c\b[^>]*?\br="(?P<ref>[A-Z]+[0-9]+)"[^>]*?(?:/>|>(?P<body>.*?)</c>)', re.S)
VALUE = re.compile(rb"<v>(.*?)</v>", re.S)
FORMULA = re.compile(rb"<f[^>]*>(.*?)</f>", re.S)


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    )


def open_package(
    data: bytes, limits: Limits, report: ValidationReport, sheets: Iterable[str] = ()
) -> Package | None:
    """Return the opened package, or None after adding exactly one file-level error."""
    size = len(data)
    if size == 0:
        report.add("file_empty")
        return None
    if size > limits.max_file_mb * MB:
        report.add("file_too_large", size_mb=size / MB, limit_mb=limits.max_file_mb)
        return None
    if data.startswith(OLE_MAGIC):
        report.add("encrypted" if ENCRYPTION_MARK in data else "not_xlsx_xls")
        return None
    if not data.startswith(ZIP_MAGIC):
        report.add("not_xlsx_csv" if _looks_like_text(data) else "not_xlsx_other")
        return None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        report.add("corrupt", detail=f"not a readable zip archive: {exc}")
        return None
    lowered = [n.lower() for n in names]
    if any(n.endswith("vbaproject.bin") for n in lowered):
        report.add("macro_enabled")
        return None
    if "[content_types].xml" in lowered:
        types = archive.read(names[lowered.index("[content_types].xml")])
        if b"macroEnabled" in types:
            report.add("macro_enabled")
            return None
    if "xl/workbook.xml" not in names:
        if "content.xml" in names or "word/document.xml" in names:
            report.add("not_xlsx_other")
        else:
            report.add("corrupt", detail="no workbook part inside")
        return None
    budget = _declared_sizes_ok(archive, size, limits, report)
    if budget is None:
        return None
    structure = [
        info
        for info in archive.infolist()
        if info.filename in READ_PARTS or info.filename.endswith(".rels")
    ]
    if not _stream(archive, structure, budget, size, report):
        return None
    try:
        sheet_paths = _sheet_parts(archive)
    except Exception as exc:  # noqa: BLE001 - any XML fault means a damaged file
        report.add("corrupt", detail=f"workbook structure unreadable: {type(exc).__name__}")
        return None
    names = set(archive.namelist())
    wanted = [
        archive.getinfo(sheet_paths[sheet])
        for sheet in sheets
        if sheet in sheet_paths and sheet_paths[sheet] in names
    ]
    parts: dict[str, bytes] = {}
    if not _stream(archive, wanted, budget, size, report, keep=parts):
        return None
    return Package(data, sheet_paths, archive, parts)


def _looks_like_text(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        try:
            head.decode("latin-1")
        except UnicodeDecodeError:
            return False
    return True


# Parts a reader decompresses besides the worksheets it is asked for. Parts nobody reads (images,
# themes, document properties, sheets roam never opens) cannot inflate in memory, so only these and
# the wanted worksheets are streamed through the cap.
READ_PARTS = (
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
)


class _Budget:
    """Decompressed bytes still allowed: lying size headers run out of it, not out of memory."""

    def __init__(self, limit: float) -> None:
        self.left = limit
        self.used = 0


def _declared_sizes_ok(
    archive: zipfile.ZipFile, size: int, limits: Limits, report: ValidationReport
) -> _Budget | None:
    cap = limits.max_uncompressed_mb * MB
    declared = sum(info.file_size for info in archive.infolist())
    if declared > cap or (size > MB and declared > size * limits.max_compression_ratio):
        report.add("zip_bomb", unpacked_mb=declared / MB, size_mb=size / MB)
        return None
    return _Budget(cap)


def _stream(
    archive: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    budget: _Budget,
    size: int,
    report: ValidationReport,
    keep: dict[str, bytes] | None = None,
) -> bool:
    """Decompress with a running cap; keep the bytes of the parts asked for."""
    try:
        for info in infos:
            chunks = []
            with archive.open(info) as member:
                while chunk := member.read(CHUNK):
                    budget.used += len(chunk)
                    if budget.used > budget.left:
                        report.add("zip_bomb", unpacked_mb=budget.used / MB, size_mb=size / MB)
                        return False
                    chunks.append(chunk)
            if keep is not None:
                keep[info.filename] = b"".join(chunks)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        text = str(exc)
        if "encrypted" in text.lower():
            report.add("encrypted")
        else:
            report.add("corrupt", detail=text or type(exc).__name__)
        return False
    return True


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    workbook = SafeET.fromstring(archive.read("xl/workbook.xml"))
    rels_xml = SafeET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels_xml:
        target = rel.get("Target", "")
        target = target.lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        targets[rel.get("Id")] = target
    parts = {}
    for sheet in workbook.iter(f"{ns_main}sheet"):
        rid = sheet.get(f"{ns_rel}id")
        if rid in targets:
            parts[sheet.get("name")] = targets[rid]
    return parts
