"""One streaming pass over a worksheet's XML, before any spreadsheet parser sees it.

A spreadsheet parser allocates the rectangle from A1 to the farthest cell with content, so one
cell at XFD1048576 asks for half a terabyte. This scan walks the XML with expat (C, linear, no
backtracking, no DTDs) and stops at the first cell outside the questionnaire's shape. On the way
it notes what the row reader cannot see: formulas without a calculated value and formulas that
ask another program for data (DDE).
"""

from __future__ import annotations

import re
import string
import xml.parsers.expat
from dataclasses import dataclass, field

MAX_REF_LETTERS = 3  # XFD is Excel's last column
MAX_REF_DIGITS = 7  # 1048576 is Excel's last row


class OutOfShape(Exception):
    """A cell with content beyond the allowed rows or columns (row and column are 1-based)."""

    def __init__(self, row: int, column: int, ref: str | None = None) -> None:
        self.row, self.column = row, column
        self.ref = ref or f"{column_letters(column)}{row}"
        super().__init__(self.ref)


class DoctypeFound(Exception):
    """The part declares a document type; spreadsheet programs never write one."""


@dataclass
class SheetScan:
    """What one worksheet holds, as far as safety and formulas are concerned."""

    formulas_without_value: dict[str, str] = field(default_factory=dict)  # ref -> "=formula"
    dde_formulas: dict[str, str] = field(default_factory=dict)  # ref -> "=formula"


DIGITS = "0123456789"


def column_letters(column: int) -> str:
    """1-based column number to letters (1 -> A, 16384 -> XFD)."""
    letters = ""
    while column > 0:
        column, rem = divmod(column - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def parse_ref(ref: str) -> tuple[int, int] | None:
    """'F14' -> (14, 6); None when it is not a plain reference within Excel's grid notation."""
    split = 0
    while split < len(ref) and ref[split] in string.ascii_uppercase:
        split += 1
    letters, digits = ref[:split], ref[split:]
    if not 0 < len(letters) <= MAX_REF_LETTERS or not 0 < len(digits) <= MAX_REF_DIGITS:
        return None
    if not digits.isdigit():
        return None
    column = 0
    for ch in letters:
        column = column * 26 + ord(ch) - 64
    return int(digits), column


_COLUMNS = {column_letters(n): n for n in range(1, 703)}  # A..ZZ, looked up rather than computed


def is_dde(formula: str) -> bool:
    """A DDE call (`app|topic!item`): a bar outside string literals."""
    outside = formula.split('"')[::2]  # text between quotes is at odd positions
    return any("|" in part for part in outside)


class _Scanner:
    """expat handlers; only element starts are watched, except inside a formula cell."""

    def __init__(self, max_rows: int, max_columns: int) -> None:
        self.max_rows, self.max_columns = max_rows, max_columns
        self.scan = SheetScan()
        self.row = 0
        self.column = 0
        self.formula: list[str] | None = None  # text of the current cell's formula
        self.value: list[str] | None = None  # text of the current formula cell's value
        self.parser = xml.parsers.expat.ParserCreate()
        self.parser.buffer_text = True
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.EntityDeclHandler = self._doctype
        self.parser.StartElementHandler = self._start

    def _doctype(self, *args: object) -> None:
        raise DoctypeFound()

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        # Called for every element of the sheet: the common names are tested first, as they are.
        if ":" in name:
            name = name.rpartition(":")[2]
        if name == "c":
            ref = attrs.get("r")
            if ref is None:
                self.column += 1
            else:
                letters = ref.rstrip(DIGITS)
                column = _COLUMNS.get(letters)
                digits = ref[len(letters) :]
                if column and 0 < len(digits) <= MAX_REF_DIGITS:
                    self.row, self.column = int(digits), column
                else:
                    where = parse_ref(ref)
                    if where is None:
                        raise OutOfShape(0, 0, ref[:20])
                    self.row, self.column = where
        elif name == "v" or name == "is" or name == "f":
            if not (0 < self.row <= self.max_rows and 0 < self.column <= self.max_columns):
                raise OutOfShape(max(self.row, 1), max(self.column, 1))
            if name == "f":
                self.formula, self.value = [], []
                self._watch(self.formula)
            elif name == "v" and self.value is not None:
                self._watch(self.value)
        elif name == "row":
            number = attrs.get("r")
            if number is None:
                self.row += 1
            elif number.isdigit() and len(number) <= MAX_REF_DIGITS:
                self.row = int(number)
            else:  # cells without their own reference would be placed in this row
                raise OutOfShape(0, 0, f"A{number[:20]}")
            self.column = 0

    def _watch(self, into: list[str]) -> None:
        self.parser.CharacterDataHandler = into.append
        self.parser.EndElementHandler = self._end

    def _end(self, name: str) -> None:
        local = name.rpartition(":")[2]
        if local in ("f", "v"):
            self.parser.CharacterDataHandler = None
        elif local == "c":
            self._close_formula_cell()
            self.parser.EndElementHandler = None

    def _close_formula_cell(self) -> None:
        if self.formula is None:
            return
        ref = f"{column_letters(self.column)}{self.row}"
        text = "".join(self.formula)
        shown = "=" + text if text else "shared formula"
        if not "".join(self.value or ()).strip():
            self.scan.formulas_without_value[ref] = shown
        if text and is_dde(text):
            self.scan.dde_formulas[ref] = shown
        self.formula = self.value = None

    def run(self, xml_bytes: bytes) -> SheetScan:
        self.parser.Parse(xml_bytes, True)
        return self.scan


def scan_sheet(xml_bytes: bytes, max_rows: int, max_columns: int) -> SheetScan:
    """Raises OutOfShape, DoctypeFound, or xml.parsers.expat.ExpatError for damaged XML."""
    quick = quick_scan(xml_bytes, max_rows, max_columns)
    if quick is not None:
        return quick
    return _Scanner(max_rows, max_columns).run(xml_bytes)


# The tags that plain sheet data is made of, as spreadsheet programs write them: the common ones
# are counted first, the others only when the common ones do not account for every tag.
COMMON_TAGS = (b'<c r="', b"<v>", b"</", b"<row ")
OTHER_TAGS = (b"<sheetData", b"<row>", b"<is>", b"<t>", b'<t xml:space="preserve">')
R_SPACED = re.compile(rb"r[ \t\n\r]")  # an `r` followed by white space: one search, not four counts
UPPER = bytes(range(65, 91))


def quick_scan(xml_bytes: bytes, max_rows: int, max_columns: int) -> SheetScan | None:
    """The common case in a few C-speed counts: a SheetScan when the sheet data is provably
    plain (only the tags above, every cell with one `r` as its first attribute, no formulas)
    and within shape; None when it cannot tell, and the full expat scan decides."""
    if doctype_in_prolog(xml_bytes[:PROLOG_BYTES]) is not False:
        return None  # the parser refuses a DOCTYPE (and decides about a long prolog)
    start = xml_bytes.find(b"<sheetData")
    if start < 0:
        return SheetScan() if b"sheetData" not in xml_bytes else None
    end = xml_bytes.rfind(b"</sheetData>")
    end = end if end > start else len(xml_bytes)
    cells = xml_bytes.count(b'<c r="', start, end)
    if cells > max_rows * max_columns:
        return None  # cannot fit: the expat scan stops at the first cell outside the shape
    opened = xml_bytes.count(b"<", start, end)
    tags = cells + sum(xml_bytes.count(tag, start, end) for tag in COMMON_TAGS[1:])
    if opened != tags + 1:  # + 1: <sheetData itself
        tags += sum(xml_bytes.count(tag, start, end) for tag in OTHER_TAGS)
        if opened != tags:
            return None  # comments, formulas, rich text, prefixes, other writers: parse properly
    rows_with_r = xml_bytes.count(b'<row r="', start, end)
    if xml_bytes.count(b"r=", start, end) != cells + rows_with_r or R_SPACED.search(
        xml_bytes, start, end
    ):
        return None  # an `r` attribute somewhere else, or written unusually
    if not cells:
        return SheetScan()
    region = xml_bytes[start:end]
    refs = [piece[: piece.find(b'"')] for piece in region.split(b'<c r="')[1:]]
    letters = {ref.rstrip(b"0123456789") for ref in refs}
    if not letters <= (_COLUMN_BYTES.get(max_columns) or _column_bytes(max_columns)):
        return None
    rows = b" ".join(refs).translate(None, UPPER).split()
    if len(rows) != cells or max(map(int, rows)) > max_rows:
        return None
    return SheetScan()


_COLUMN_BYTES: dict[int, frozenset[bytes]] = {}


def _column_bytes(max_columns: int) -> frozenset[bytes]:
    """Column letters A.. up to the cap, as bytes (cached per cap)."""
    found = frozenset(column_letters(n).encode() for n in range(1, max_columns + 1))
    _COLUMN_BYTES[max_columns] = found
    return found


PROLOG_BYTES = 4096


def doctype_in_prolog(head: bytes) -> bool | None:
    """True if the XML prolog declares a DOCTYPE, False if the root element starts first,
    None if the head ends inside the prolog (a prolog this long is not from a spreadsheet).

    A DOCTYPE may only come before the root element, so the first bytes decide; the walk is a
    few `find` calls, never a regular expression."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    pos = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    while True:
        start = head.find(b"<", pos)
        if start < 0:
            return None
        if head.startswith(b"<?", start):
            end = head.find(b"?>", start + 2)
            pos = end + 2
        elif head.startswith(b"<!--", start):
            end = head.find(b"-->", start + 4)
            pos = end + 3
        else:  # the root element, or a declaration (<!DOCTYPE ...) before it
            return head[start + 1 : start + 2] == b"!"
        if end < 0:
            return None
