"""Decide whether uploaded bytes are a safe, plain .xlsx before any parser touches them."""

from __future__ import annotations

import io
import xml.parsers.expat
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field

import defusedxml.ElementTree as SafeET

from roam.errors import ValidationReport
from roam.questionnaire.scan import (
    PROLOG_BYTES,
    DoctypeFound,
    OutOfShape,
    SheetScan,
    doctype_in_prolog,
    scan_sheet,
)
from roam.questionnaire.vocab import Limits

PDF_MAGIC = b"%PDF-"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTION_MARK = "EncryptionInfo".encode("utf-16-le")
MB = 1024 * 1024
CHUNK = 1 << 16
MAX_PARTS = 2000  # a questionnaire has about 25; each part is opened to check its prolog


@dataclass
class Package:
    """An opened, checked xlsx zip plus what roam needs from its XML parts."""

    data: bytes
    sheet_paths: dict[str, str]  # sheet name -> worksheet part, e.g. xl/worksheets/sheet3.xml
    zip: zipfile.ZipFile
    parts: dict[str, bytes]  # worksheet XML already unpacked during the size check
    sheet_states: dict[str, str] = field(default_factory=dict)  # name -> visible/hidden/...
    scans: dict[str, SheetScan] = field(default_factory=dict)  # sheet name -> what it holds
    external_links: list[str] = field(default_factory=list)  # where each external link points

    def formulas_without_value(self, sheet: str) -> dict[str, str]:
        """cell ref -> formula for formula cells that have no cached result (read as empty)."""
        scan = self.scans.get(sheet)
        return dict(scan.formulas_without_value) if scan else {}

    def dde_formulas(self) -> list[tuple[str, str, str]]:
        """(sheet, cell, formula) of every formula that asks another program for data."""
        return [
            (sheet, ref, formula)
            for sheet, scan in self.scans.items()
            for ref, formula in scan.dde_formulas.items()
        ]


@dataclass(frozen=True)
class Shape:
    """The largest sheet a questionnaire can need: cells beyond it are refused unread."""

    rows: int
    columns: int


def open_package(
    data: bytes,
    limits: Limits,
    report: ValidationReport,
    sheets: Iterable[str] = (),
    shape: Shape | None = None,
) -> Package | None:
    """Return the opened package, or None after adding exactly one file-level error.

    Every XML part is checked for a DOCTYPE, and every worksheet is scanned (streaming, within
    the decompression budget) for cells outside `shape` before any spreadsheet parser runs."""
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
    if data.startswith(PDF_MAGIC):
        report.add("not_xlsx_pdf")
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
    if len(names) > MAX_PARTS:
        report.add("corrupt", detail=f"{len(names):,} parts inside, far more than a workbook has")
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
    if not _no_doctype(archive, report):
        return None
    structure = [
        info
        for info in archive.infolist()
        if info.filename in READ_PARTS or info.filename.endswith(".rels")
    ]
    if not _stream(archive, structure, budget, size, report):
        return None
    try:
        sheet_paths, states = _sheet_parts(archive)
    except Exception as exc:  # noqa: BLE001 - any XML fault means a damaged file
        report.add("corrupt", detail=f"workbook structure unreadable: {type(exc).__name__}")
        return None
    names = set(archive.namelist())
    keep = set(sheets)
    parts: dict[str, bytes] = {}
    scans: dict[str, SheetScan] = {}
    shape = shape or Shape(rows=1_048_576, columns=16_384)
    for sheet, part in sheet_paths.items():
        if part not in names:
            continue
        got: dict[str, bytes] = {}
        if not _stream(archive, [archive.getinfo(part)], budget, size, report, keep=got):
            return None
        scan = _scan(sheet, part, got[part], shape, report)
        if scan is None:
            return None
        scans[sheet] = scan
        if sheet in keep:
            parts[part] = got[part]
    links = _external_links(archive)
    return Package(data, sheet_paths, archive, parts, states, scans, links)


def _scan(
    sheet: str, part: str, xml_bytes: bytes, shape: Shape, report: ValidationReport
) -> SheetScan | None:
    try:
        return scan_sheet(xml_bytes, shape.rows, shape.columns)
    except OutOfShape as far:
        report.add(
            "sheet_out_of_shape",
            sheet=sheet,
            cell=far.ref,
            rows=shape.rows,
            columns=shape.columns,
        )
    except DoctypeFound:
        report.add("doctype", part=part)
    except xml.parsers.expat.ExpatError as exc:
        report.add("corrupt", detail=f"sheet '{sheet}' is not well-formed XML ({exc.code})")
    return None


def _no_doctype(archive: zipfile.ZipFile, report: ValidationReport) -> bool:
    """Refuse any XML part whose prolog declares a document type (only the head is read)."""
    for info in archive.infolist():
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        try:
            with archive.open(info) as member:
                head = member.read(PROLOG_BYTES)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            report.add("corrupt", detail=str(exc) or type(exc).__name__)
            return False
        found = doctype_in_prolog(head)
        if found is None and len(head) < PROLOG_BYTES:
            found = False if not head.strip() else None
        if found is not False:
            report.add("doctype", part=info.filename)
            return False
    return True


def _external_links(archive: zipfile.ZipFile) -> list[str]:
    """Where each external link part points (a file path, a URL, or a DDE program)."""
    targets = []
    for info in archive.infolist():
        name = info.filename
        if not name.startswith("xl/externalLinks/") or not name.endswith(".xml"):
            continue
        if "/_rels/" in name or info.file_size > MB:
            continue
        target = ""
        rels = name.replace("externalLinks/", "externalLinks/_rels/") + ".rels"
        try:
            link = SafeET.fromstring(archive.read(name))
            for element in link.iter():
                if element.tag.endswith("ddeLink"):
                    target = f"{element.get('ddeService', '')}|{element.get('ddeTopic', '')}"
            if not target and rels in archive.namelist():
                for rel in SafeET.fromstring(archive.read(rels)):
                    target = target or rel.get("Target", "")
        except Exception:  # noqa: BLE001 - an unreadable link part is still a link
            pass
        targets.append(target or name)
    return targets


def _looks_like_text(data: bytes) -> bool:
    """Text in UTF-8 or a single-byte code page (a CSV saved by an old program) with hardly
    any control characters; binary formats are full of control bytes."""
    head = data[:4096]
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32 or byte == 127)
    return controls <= len(head) // 100


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


def _sheet_parts(archive: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    """sheet name -> worksheet part, and sheet name -> state (visible, hidden, veryHidden)."""
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
    parts, states = {}, {}
    for sheet in workbook.iter(f"{ns_main}sheet"):
        rid = sheet.get(f"{ns_rel}id")
        states[sheet.get("name")] = sheet.get("state", "visible")
        if rid in targets:
            parts[sheet.get("name")] = targets[rid]
    return parts, states
